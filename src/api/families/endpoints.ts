/**
 * The newer BPS data families over the same transport as the core catalogue (cache, dedup,
 * limiter, retries, stale fallback): foreign trade, SDGs/SDDS, census, SIMDASI, classifications,
 * glossary, infographics and news. `BpsClient.families` is one of these. No `vscode` import.
 */
import type * as v from 'valibot';
import type { CallOptions, ListOptions } from '../api';
import { BpsError } from '../errors';
import { fanOut } from '../fanOut';
import { type Action, checkEnvelope, type Params } from '../http';
import { fetchList } from '../pages';
import { checkTradeQuery, parseTrade } from './trade';
import { validate } from '../schemas';
import type { Transport } from '../transport';
import type { Freshness, Lang, Paged } from '../types';
import { innerObject, simdasiInner } from './envelopes';
import * as M from './mappers';
import * as S from './schemas';
import {
	CLASSIFICATION_MODELS,
	type CensusArea,
	type CensusData,
	type CensusDataset,
	type CensusEvent,
	type CensusTopic,
	type ClassificationEntry,
	type ClassificationModel,
	type GlossaryEntry,
	type Infographic,
	type NewsCategory,
	type NewsDetail,
	type NewsItem,
	type SddsItem,
	type SdgIndicator,
	type SimdasiArea,
	type SimdasiTable,
	type SimdasiTableRef,
	type TradeQuery,
	type TradeResult,
} from './types';

const CENSUS: Action = 'interoperabilitas/datasource/sensus/';
const SIMDASI: Action = 'interoperabilitas/datasource/simdasi/';

export class FamilyEndpoints {
	constructor(
		private readonly transport: Transport,
		private readonly defaultLang: () => Lang,
	) {}

	// --- Foreign trade ----------------------------------------------------------------------

	/**
	 * Exports or imports by HS code: one request per year (the API takes one `tahun`), concurrently
	 * within the limits, merged in year order. Years with no data are listed in `emptyYears`; if no
	 * year has data → BpsError('noData').
	 */
	async getTrade(q: TradeQuery, opts: CallOptions = {}): Promise<TradeResult> {
		const problem = checkTradeQuery(q);
		if (problem) throw new BpsError('apiError', problem);
		const years = [...new Set(q.years)].sort((a, b) => a - b);
		const hs = [...new Set(q.hs.map((c) => c.trim()))];
		const parts = await fanOut(years, opts.signal, async (year, signal) => {
			const r = await this.transport.get(
				'dataexim/',
				{
					sumber: q.flow === 'export' ? 1 : 2,
					periode: q.monthly ? 1 : 2,
					kodehs: hs.join(';'),
					jenishs: q.hsLevel === 2 ? 1 : 2,
					tahun: year,
				},
				{ signal, bypassCache: opts.bypassCache, kind: 'data' },
			);
			return { year, r, ...parseTrade(r) };
		});
		const withData = parts.filter((p) => p.records.length > 0);
		if (withData.length === 0) {
			throw new BpsError(
				'noData',
				`The BPS API has no ${q.flow} data for HS ${hs.join(', ')} in ${years.join(', ')}.`,
			);
		}
		return {
			query: { ...q, hs, years },
			records: withData.flatMap((p) => p.records),
			columnNotes: withData[0].notes,
			emptyYears: parts.filter((p) => p.records.length === 0).map((p) => p.year),
			fetchedAt: Math.min(...parts.map((p) => p.r.fetchedAt)),
			stale: parts.some((p) => p.r.stale),
		};
	}

	// --- SDGs / SDDS ------------------------------------------------------------------------

	/** SDG indicators (national only), of one goal or all. */
	listSdgs(opts: ListOptions & { goal?: number } = {}): Promise<Paged<SdgIndicator>> {
		return this.list(
			'list',
			{ model: 'sdgs', domain: '0000', goal: opts.goal },
			S.SdgsSchema,
			M.mapSdgs,
			opts,
		);
	}

	async listSdds(opts: ListOptions = {}): Promise<Paged<SddsItem>> {
		const raw = await this.list('list', { model: 'sdds', domain: '0000' }, S.SddsSchema, (r) => r, opts);
		const items = raw.items.map((r, i) => M.mapSdds(r, i)).filter((x): x is SddsItem => x !== undefined);
		return { ...raw, items };
	}

	// --- Census -----------------------------------------------------------------------------

	async listCensusEvents(opts: CallOptions = {}): Promise<CensusEvent[]> {
		return (await this.census({ id: 37 }, S.CensusEventSchema, M.mapCensusEvent, opts)).items;
	}
	async listCensusTopics(event: string, opts: CallOptions = {}): Promise<CensusTopic[]> {
		const items = (
			await this.census({ id: 38, kegiatan: event }, S.CensusTopicSchema, M.mapCensusTopic, opts)
		).items;
		return items.map((t) => ({ ...t, event: t.event || event }));
	}
	async listCensusAreas(event: string, opts: CallOptions = {}): Promise<CensusArea[]> {
		return (await this.census({ id: 39, kegiatan: event }, S.CensusAreaSchema, M.mapCensusArea, opts)).items;
	}
	async listCensusDatasets(event: string, topic: number, opts: CallOptions = {}): Promise<CensusDataset[]> {
		const items = (
			await this.census(
				{ id: 40, kegiatan: event, topik: topic },
				S.CensusDatasetSchema,
				M.mapCensusDataset,
				opts,
			)
		).items;
		return items.map((d) => ({ ...d, event: d.event || event, topicId: d.topicId || topic }));
	}

	/** Long-form census data (id 41): `data[1]` is an object `{status, data_count, data: rows}`. */
	async getCensusData(
		req: { event: string; area: number; dataset: number },
		opts: CallOptions = {},
	): Promise<CensusData> {
		const r = await this.transport.get(
			CENSUS,
			{ id: 41, kegiatan: req.event, wilayah_sensus: req.area, dataset: req.dataset },
			{ signal: opts.signal, bypassCache: opts.bypassCache, kind: 'data' },
		);
		const inner = innerObject(r, 'census data');
		const rowsRaw = inner.data;
		if (!Array.isArray(rowsRaw) || rowsRaw.length === 0) {
			throw new BpsError(
				'noData',
				`The BPS API has no census data for dataset ${req.dataset} in this area.`,
				{ url: r.url },
			);
		}
		const rows = rowsRaw.map((row, i) =>
			M.mapCensusRow(validate(S.CensusRowSchema, row, `data[1].data[${i}]`, r.url)),
		);
		return {
			event: req.event,
			dataset: req.dataset,
			areaId: req.area,
			rows,
			dimensions: M.censusDimensions(rows),
			fetchedAt: r.fetchedAt,
			stale: r.stale,
		};
	}

	// --- SIMDASI ----------------------------------------------------------------------------

	/** Provinces (no parent), a province's regencies, or a regency's districts (7-digit MFD codes). */
	async listSimdasiAreas(parent?: string, opts: CallOptions = {}): Promise<SimdasiArea[]> {
		const params: Params =
			parent === undefined ? { id: 26 } : { id: /^\d{2}00000$/.test(parent) ? 27 : 28, parent };
		return this.simdasiList(params, S.SimdasiAreaSchema, M.mapSimdasiArea, opts);
	}
	/** An area's tables (id 23), or those of one subject (id 24). */
	listSimdasiTables(mfd: string, opts: CallOptions & { subject?: number } = {}): Promise<SimdasiTableRef[]> {
		const params: Params =
			opts.subject === undefined
				? { id: 23, wilayah: mfd }
				: { id: 24, wilayah: mfd, id_subjek: opts.subject };
		return this.simdasiList(params, S.SimdasiTableRefSchema, M.mapSimdasiTableRef, opts);
	}
	/** One table (id 25) for an area and a year, with its columns (`kolom`) and rows. */
	async getSimdasiTable(
		req: { mfd: string; year: number; table: string },
		opts: CallOptions = {},
	): Promise<SimdasiTable> {
		const r = await this.transport.get(
			SIMDASI,
			{ id: 25, wilayah: req.mfd, tahun: req.year, id_tabel: req.table },
			{ signal: opts.signal, bypassCache: opts.bypassCache, kind: 'data' },
		);
		const inner = simdasiInner(r);
		const list = Array.isArray(inner.data) ? inner.data : inner.data ? [inner.data] : [];
		// Lenient: some clients see the table object itself in place of the wrapper.
		const raw = list[0] ?? (inner.kolom ? inner : undefined);
		if (!raw)
			throw new BpsError('noData', `SIMDASI has no table ${req.table} for ${req.year} here.`, { url: r.url });
		return M.mapSimdasiTable(validate(S.SimdasiTableSchema, raw, 'data[1].data[0]', r.url), {
			id: req.table,
			mfd: req.mfd,
			year: req.year,
			fetchedAt: r.fetchedAt,
			stale: r.stale,
		});
	}

	// --- Classifications, glossary, infographics, news ---------------------------------------

	listClassification(
		model: ClassificationModel,
		opts: ListOptions & { level?: string; perPage?: number } = {},
	): Promise<Paged<ClassificationEntry>> {
		if (!(CLASSIFICATION_MODELS as readonly string[]).includes(model)) {
			return Promise.reject(new BpsError('apiError', `Unknown classification "${String(model)}".`));
		}
		const lang = opts.lang ?? this.defaultLang();
		return this.list(
			'list',
			{ model, level: opts.level, perpage: opts.perPage },
			S.ClassificationHitSchema,
			M.mapClassification(model, lang),
			opts,
		);
	}
	async getClassification(
		model: ClassificationModel,
		id: string,
		opts: CallOptions = {},
	): Promise<ClassificationEntry & Freshness> {
		const lang = opts.lang ?? this.defaultLang();
		const page = await this.list(
			'view',
			{ model, id },
			S.ClassificationHitSchema,
			M.mapClassification(model, lang),
			{
				...opts,
				page: 1,
			},
		);
		const hit = page.items[0];
		if (!hit) throw new BpsError('noData', `The BPS API has no ${model} entry ${id}.`);
		return { ...hit, fetchedAt: page.fetchedAt, stale: page.stale };
	}

	searchGlossary(
		opts: ListOptions & { prefix?: string; perPage?: number } = {},
	): Promise<Paged<GlossaryEntry>> {
		return this.list(
			'list',
			{ model: 'glosarium', prefix: opts.prefix, perpage: opts.perPage },
			S.GlossarySchema,
			M.mapGlossary,
			opts,
		);
	}

	/** One concept (`view model=glosarium&id=`); BpsError('noData') when BPS has none. */
	async getGlossary(id: string, opts: CallOptions = {}): Promise<GlossaryEntry & Freshness> {
		const page = await this.list('view', { model: 'glosarium', id }, S.GlossarySchema, M.mapGlossary, {
			...opts,
			page: 1,
		});
		const hit = page.items[0];
		if (!hit) throw new BpsError('noData', `The BPS API has no glossary entry ${id}.`);
		return { ...hit, fetchedAt: page.fetchedAt, stale: page.stale };
	}

	listInfographics(domain: string, opts: ListOptions = {}): Promise<Paged<Infographic>> {
		return this.list('list', { model: 'infographic', domain }, S.InfographicSchema, M.mapInfographic, opts);
	}

	listNews(domain: string, opts: ListOptions & { category?: string } = {}): Promise<Paged<NewsItem>> {
		return this.list(
			'list',
			{ model: 'news', domain, newscat: opts.category },
			S.NewsSchema,
			M.mapNews,
			opts,
		);
	}
	async listNewsCategories(domain: string, opts: CallOptions = {}): Promise<NewsCategory[]> {
		return (
			await this.list(
				'list',
				{ model: 'newscategory', domain },
				S.NewsCategorySchema,
				M.mapNewsCategory,
				opts,
			)
		).items;
	}
	async getNews(domain: string, id: number, opts: CallOptions = {}): Promise<NewsDetail> {
		const r = await this.transport.get(
			'view',
			{ model: 'news', domain, id, lang: opts.lang ?? this.defaultLang() },
			{ signal: opts.signal, bypassCache: opts.bypassCache, kind: 'metadata' },
		);
		const env = checkEnvelope(r.body, r.url);
		const data = env.body.data;
		if (!env.available || !data || typeof data !== 'object' || Array.isArray(data)) {
			throw new BpsError('noData', `The BPS API has no news item ${id} here.`, { url: r.url });
		}
		const raw = validate(S.NewsSchema, data, 'data', r.url);
		return { ...M.mapNews(raw), html: M.unescapeHtml(raw.news), fetchedAt: r.fetchedAt, stale: r.stale };
	}

	// --- Shared -----------------------------------------------------------------------------

	private list<Sch extends v.GenericSchema, T>(
		action: Action,
		params: Params,
		schema: Sch,
		map: (raw: v.InferOutput<Sch>) => T,
		opts: ListOptions,
	): Promise<Paged<T>> {
		return fetchList(this.transport, this.defaultLang(), action, params, schema, map, opts);
	}

	/** Census lists take no `lang` and report one page whatever they hold. */
	private census<Sch extends v.GenericSchema, T>(
		params: Params,
		schema: Sch,
		map: (raw: v.InferOutput<Sch>) => T,
		opts: CallOptions,
	): Promise<Paged<T>> {
		return fetchList(this.transport, this.defaultLang(), CENSUS, params, schema, map, {
			...opts,
			page: 1,
			noLang: true,
			noPageParam: true,
		});
	}

	private async simdasiList<Sch extends v.GenericSchema, T>(
		params: Params,
		schema: Sch,
		map: (raw: v.InferOutput<Sch>) => T,
		opts: CallOptions,
	): Promise<T[]> {
		const r = await this.transport.get(SIMDASI, params, {
			signal: opts.signal,
			bypassCache: opts.bypassCache,
			kind: 'metadata',
		});
		let inner: Record<string, unknown>;
		try {
			inner = simdasiInner(r);
		} catch (e) {
			if (e instanceof BpsError && e.kind === 'noData') return [];
			throw e;
		}
		const list = Array.isArray(inner.data) ? inner.data : [];
		return list.map((item, i) => map(validate(schema, item, `data[1].data[${i}]`, r.url)));
	}
}
