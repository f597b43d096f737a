/**
 * `BpsClient`: the typed BPS WebAPI client. Endpoint methods build parameters and shape answers:
 * paging, validation (schemas.ts) and mapping to the model (mappers.ts). Everything under one
 * request — cache, dedup, limiter, retries, stale fallback — is the transport's (transport.ts).
 * No `vscode` import: runs in mocha against the emulator.
 */
import type * as v from 'valibot';
import type { BpsApi, CallOptions, DomainType, DynamicDataRequest, ListOptions } from './api';
import { periodCap } from './api';
import { decodeDynamicData } from './decode';
import { mergeTables } from './merge';
import { BpsError } from './errors';
import { fanOut } from './fanOut';
import { FamilyEndpoints } from './families/endpoints';
import type { Action, Params } from './http';
import { checkEnvelope } from './http';
import * as M from './mappers';
import { fetchList } from './pages';
import * as S from './schemas';
import { validate } from './schemas';
import { Transport, type BpsClientOptions } from './transport';
import type {
	DerivedPeriod,
	DerivedVariable,
	Domain,
	DynamicTable,
	Freshness,
	Lang,
	Paged,
	Period,
	PressRelease,
	PressReleaseDetail,
	Publication,
	PublicationDetail,
	StaticTable,
	StaticTableDetail,
	StrategicIndicator,
	Subject,
	SubjectCategory,
	Variable,
	VerticalVariable,
} from './types';

export type { BpsClientOptions, LogLevel, RequestEvent } from './transport';

export class BpsClient implements BpsApi {
	private readonly transport: Transport;
	/** Trade, SDGs/SDDS, census, SIMDASI, classifications, glossary, infographics, news. */
	readonly families: FamilyEndpoints;

	constructor(o: BpsClientOptions) {
		this.transport = new Transport(o);
		this.families = new FamilyEndpoints(this.transport, () => this.lang);
	}

	/** Change options at run time (settings or key provider changed). Omitted options keep their value. */
	configure(o: Partial<BpsClientOptions>): void {
		this.transport.configure(o);
	}

	/** The client's default data language. */
	get lang(): Lang {
		return this.transport.lang;
	}

	// --- Master data ------------------------------------------------------------------------

	listDomains(type: DomainType, opts: CallOptions & { prov?: string } = {}): Promise<Paged<Domain>> {
		if (type === 'kabbyprov' && !opts.prov) {
			return Promise.reject(
				new BpsError('apiError', "Listing regencies by province needs a province code ('prov').", {}),
			);
		}
		// `/domain` takes no lang and is not paginated (meta {page:1,pages:1,total}).
		return this.list(
			'domain',
			{ type, prov: type === 'kabbyprov' ? opts.prov : undefined },
			S.DomainSchema,
			M.mapDomain,
			{
				...opts,
				noLang: true,
				noPageParam: true,
			},
		);
	}

	listSubjectCategories(domain: string, opts: ListOptions = {}): Promise<Paged<SubjectCategory>> {
		return this.list(
			'list',
			{ model: 'subcat', domain },
			S.SubjectCategorySchema,
			M.mapSubjectCategory,
			opts,
		);
	}

	listSubjects(domain: string, opts: ListOptions & { subcat?: number } = {}): Promise<Paged<Subject>> {
		return this.list(
			'list',
			{ model: 'subject', domain, subcat: opts.subcat },
			S.SubjectSchema,
			M.mapSubject,
			opts,
		);
	}

	listVariables(domain: string, opts: ListOptions & { subject?: number } = {}): Promise<Paged<Variable>> {
		return this.list(
			'list',
			{ model: 'var', domain, subject: opts.subject },
			S.VariableSchema,
			M.mapVariable,
			opts,
		);
	}

	listVerticalVariables(
		domain: string,
		opts: ListOptions & { variable?: number } = {},
	): Promise<Paged<VerticalVariable>> {
		return this.list(
			'list',
			{ model: 'vervar', domain, var: opts.variable },
			S.VerticalVariableSchema,
			M.mapVerticalVariable,
			opts,
		);
	}

	listPeriods(domain: string, variable: number, opts: ListOptions = {}): Promise<Paged<Period>> {
		return this.list('list', { model: 'th', domain, var: variable }, S.PeriodSchema, M.mapPeriod, opts);
	}

	listDerivedVariables(
		domain: string,
		variable: number,
		opts: ListOptions = {},
	): Promise<Paged<DerivedVariable>> {
		return this.list(
			'list',
			{ model: 'turvar', domain, var: variable },
			S.DerivedVariableSchema,
			M.mapDerivedVariable,
			opts,
		);
	}

	listDerivedPeriods(
		domain: string,
		variable: number,
		opts: ListOptions = {},
	): Promise<Paged<DerivedPeriod>> {
		return this.list(
			'list',
			{ model: 'turth', domain, var: variable },
			S.DerivedPeriodSchema,
			M.mapDerivedPeriod,
			opts,
		);
	}

	// --- Content ----------------------------------------------------------------------------

	listStaticTables(domain: string, opts: ListOptions = {}): Promise<Paged<StaticTable>> {
		return this.list('list', { model: 'statictable', domain }, S.StaticTableSchema, M.mapStaticTable, opts);
	}

	getStaticTable(domain: string, id: number, opts: CallOptions = {}): Promise<StaticTableDetail & Freshness> {
		return this.view(
			{ model: 'statictable', domain, id },
			S.StaticTableDetailSchema,
			M.mapStaticTableDetail,
			opts,
		);
	}

	listPublications(domain: string, opts: ListOptions = {}): Promise<Paged<Publication>> {
		return this.list('list', { model: 'publication', domain }, S.PublicationSchema, M.mapPublication, opts);
	}

	getPublication(domain: string, id: string, opts: CallOptions = {}): Promise<PublicationDetail & Freshness> {
		return this.view(
			{ model: 'publication', domain, id },
			S.PublicationDetailSchema,
			M.mapPublicationDetail,
			opts,
		);
	}

	listPressReleases(domain: string, opts: ListOptions = {}): Promise<Paged<PressRelease>> {
		return this.list(
			'list',
			{ model: 'pressrelease', domain },
			S.PressReleaseSchema,
			M.mapPressRelease,
			opts,
		);
	}

	getPressRelease(
		domain: string,
		id: number,
		opts: CallOptions = {},
	): Promise<PressReleaseDetail & Freshness> {
		return this.view({ model: 'pressrelease', domain, id }, S.PressReleaseSchema, M.mapPressRelease, opts);
	}

	listIndicators(domain: string, opts: ListOptions = {}): Promise<Paged<StrategicIndicator>> {
		return this.list('list', { model: 'indicators', domain }, S.IndicatorSchema, M.mapIndicator, opts);
	}

	// --- Dynamic data -----------------------------------------------------------------------

	/**
	 * `model=data`: the periods are split into chunks of `periodCap(domain)`, fetched concurrently
	 * (through the limiter), decoded and merged. Chunks with no data are skipped; if all are empty
	 * → BpsError('noData'). A chunk the API finds too large (`null`) fails the whole call ('tooLarge').
	 */
	async getDynamicData(req: DynamicDataRequest, opts: CallOptions = {}): Promise<DynamicTable> {
		const periods = [...new Set(req.periods)].sort((a, b) => a - b);
		if (periods.length === 0) {
			throw new BpsError('noData', 'No periods were requested.');
		}
		const cap = periodCap(req.domain);
		const chunks: number[][] = [];
		for (let i = 0; i < periods.length; i += cap) {
			chunks.push(periods.slice(i, i + cap));
		}
		const lang = opts.lang ?? this.lang;
		const list = (xs?: number[]) =>
			xs && xs.length ? [...new Set(xs)].sort((a, b) => a - b).join(';') : undefined;
		let done = 0;
		req.onProgress?.(0, chunks.length);
		const parts = await fanOut(chunks, opts.signal, async (chunk, signal) => {
			const r = await this.transport.get(
				'list',
				{
					model: 'data',
					domain: req.domain,
					var: req.variable,
					th: chunk.join(';'),
					vervar: list(req.vervar),
					turvar: list(req.turvar),
					turth: list(req.turth),
					lang,
				},
				{ signal, bypassCache: opts.bypassCache, kind: 'data' },
			);
			const env = checkEnvelope(r.body, r.url);
			let table: DynamicTable | undefined;
			if (env.available) {
				try {
					table = decodeDynamicData(r.body, {
						domain: req.domain,
						lang,
						fetchedAt: r.fetchedAt,
						stale: r.stale,
					});
				} catch (e) {
					throw withUrl(e, r.url);
				}
			}
			done++;
			req.onProgress?.(done, chunks.length);
			return table;
		});
		const tables = parts.filter((t): t is DynamicTable => t !== undefined);
		if (tables.length === 0) {
			throw new BpsError('noData', `The BPS API has no data for variable ${req.variable} in these periods.`);
		}
		const merged = mergeTables(tables);
		merged.fetchedAt = Math.min(...tables.map((t) => t.fetchedAt));
		merged.stale = tables.some((t) => t.stale);
		return merged;
	}

	// --- Paging, views ----------------------------------------------------------------------

	private list<Sch extends v.GenericSchema, T>(
		action: Action,
		params: Params,
		schema: Sch,
		map: (raw: v.InferOutput<Sch>) => T,
		opts: ListOptions & { noLang?: boolean; noPageParam?: boolean },
	): Promise<Paged<T>> {
		return fetchList(this.transport, this.lang, action, params, schema, map, opts);
	}

	private async view<Sch extends v.GenericSchema, T>(
		params: Params,
		schema: Sch,
		map: (raw: v.InferOutput<Sch>) => T,
		opts: CallOptions,
	): Promise<T & Freshness> {
		const r = await this.transport.get(
			'view',
			{ ...params, lang: opts.lang ?? this.lang },
			{ ...opts, kind: 'metadata' },
		);
		const env = checkEnvelope(r.body, r.url);
		const data = env.body.data;
		if (!env.available || data === '' || data === undefined || data === null) {
			throw new BpsError(
				'noData',
				`The BPS API has no ${String(params.model)} with id ${String(params.id)} here.`,
				{ url: r.url },
			);
		}
		if (typeof data !== 'object' || Array.isArray(data)) {
			throw new BpsError('unexpected', 'Unexpected response from the BPS API: data: expected an object.', {
				field: 'data',
				url: r.url,
			});
		}
		return { ...map(validate(schema, data, 'data', r.url)), fetchedAt: r.fetchedAt, stale: r.stale };
	}
}

function withUrl(e: unknown, url: string): unknown {
	if (e instanceof BpsError && !e.details.url) {
		return new BpsError(e.kind, e.message, { ...e.details, url });
	}
	return e;
}
