/**
 * `BpsClient`: the typed BPS WebAPI client. It composes the transport (http.ts) with retries
 * (exponential backoff, full jitter), a global limiter (concurrency + rate), in-flight
 * deduplication, an optional response cache with stale fallback, paging, validation (schemas.ts)
 * and mapping to the model (mappers.ts). No `vscode` import: runs in mocha against the emulator.
 * The key is fetched per request from `getKey()` and never leaves this module unredacted.
 */
import { setMaxListeners } from 'node:events';
import type * as v from 'valibot';
import type { BpsApi, CallOptions, DomainType, DynamicDataRequest, ListOptions } from './api';
import { periodCap } from './api';
import type { CacheEntry, ResponseCache } from './cache';
import { decodeDynamicData, mergeTables } from './decode';
import { BpsError, isBpsError } from './errors';
import type { Action, Params } from './http';
import { attempt, backoffDelay, canonicalUrl, cancelledError, checkEnvelope, sleep } from './http';
import { Limiter } from './limiter';
import * as M from './mappers';
import { redact } from './redact';
import * as S from './schemas';
import { validate } from './schemas';
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

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export interface RequestEvent {
	/** The request URL, key redacted. */
	url: string;
	/** `network`: an HTTP request went out; `cache`: fresh cache hit; `stale`: expired entry served after a failure; `dedup`: joined an identical in-flight request. */
	source: 'network' | 'cache' | 'stale' | 'dedup';
	status?: number;
	ms?: number;
}

export interface BpsClientOptions {
	/** e.g. https://webapi.bps.go.id/v1/api/ (with or without trailing /) */
	baseUrl: string;
	/** undefined → BpsError('noKey') without any request. */
	getKey: () => Promise<string | undefined>;
	/** Sent on every request; Node's default UA is blocked by the BPS WAF. */
	userAgent: string;
	/** Default 'ind'. */
	lang?: Lang;
	/** Default globalThis.fetch. */
	fetch?: typeof fetch;
	/** Per attempt, default 30000. */
	timeoutMs?: number;
	/** Default 3 (up to 4 attempts), on network/timeout/5xx only — never on a bad key, 4xx or WAF page. */
	retries?: number;
	/** Default 500; exponential with full jitter, capped at 8 s. */
	backoffBaseMs?: number;
	/** Global concurrency limit, default 4. */
	maxConcurrent?: number;
	/** Request-rate ceiling (token bucket), default 5. */
	maxRequestsPerSecond?: number;
	cache?: ResponseCache;
	/** Default 7 days / 1 day. */
	ttl?: { metadataMs: number; dataMs: number };
	/** Messages are already redacted. */
	log?: (level: LogLevel, message: string) => void;
	/** For request counting (benchmarks, tests). */
	onRequest?: (e: RequestEvent) => void;
}

const DAY = 86_400_000;
const BACKOFF_CAP_MS = 8000;
/** Failures after which an expired cache entry is served instead of an error. */
const STALE_OK = new Set(['network', 'timeout', 'server', 'blocked']);

/** A raw answer plus where it came from. */
interface Fetched extends Freshness {
	body: unknown;
	/** Redacted URL, for error details. */
	url: string;
}

interface Flight {
	promise: Promise<{ body: unknown; fetchedAt: number }>;
	ctl: AbortController;
	waiters: number;
}

interface GetOptions {
	signal?: AbortSignal;
	bypassCache?: boolean;
	kind: CacheEntry['kind'];
}

export class BpsClient implements BpsApi {
	private o: BpsClientOptions;
	private readonly limiter: Limiter;
	private readonly inflight = new Map<string, Flight>();

	constructor(o: BpsClientOptions) {
		this.o = { ...o };
		this.limiter = new Limiter(limiterOptions(this.o));
	}

	/** Change options at run time (settings or key provider changed). Omitted options keep their value. */
	configure(o: Partial<BpsClientOptions>): void {
		this.o = { ...this.o, ...o };
		if (o.maxConcurrent !== undefined || o.maxRequestsPerSecond !== undefined) {
			this.limiter.configure(limiterOptions(this.o));
		}
	}

	/** The client's default data language. */
	get lang(): Lang {
		return this.o.lang ?? 'ind';
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
		const group = linkedController(opts.signal);
		// The first real failure: the chunks it aborts reject with 'cancelled', and Promise.all may see one of those first.
		let firstError: unknown;
		let done = 0;
		req.onProgress?.(0, chunks.length);
		try {
			const parts = await Promise.all(
				chunks.map(async (chunk) => {
					try {
						const r = await this.get(
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
							{ signal: group.signal, bypassCache: opts.bypassCache, kind: 'data' },
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
					} catch (e) {
						// One failed chunk fails the call: stop the others spending the rate budget.
						if (firstError === undefined && !group.signal.aborted) firstError = e;
						group.abort();
						throw e;
					}
				}),
			);
			const tables = parts.filter((t): t is DynamicTable => t !== undefined);
			if (tables.length === 0) {
				throw new BpsError(
					'noData',
					`The BPS API has no data for variable ${req.variable} in these periods.`,
				);
			}
			const merged = mergeTables(tables);
			merged.fetchedAt = Math.min(...tables.map((t) => t.fetchedAt));
			merged.stale = tables.some((t) => t.stale);
			return merged;
		} catch (e) {
			throw opts.signal?.aborted ? cancelledError() : (firstError ?? e);
		} finally {
			group.dispose();
		}
	}

	// --- Paging, views ----------------------------------------------------------------------

	private async list<Sch extends v.GenericSchema, T>(
		action: Action,
		params: Params,
		schema: Sch,
		map: (raw: v.InferOutput<Sch>) => T,
		opts: ListOptions & { noLang?: boolean; noPageParam?: boolean },
	): Promise<Paged<T>> {
		const base: Params = { ...params, keyword: opts.keyword?.trim() || undefined };
		if (!opts.noLang) {
			base.lang = opts.lang ?? this.lang;
		}
		const pageParams = (page: number): Params => (opts.noPageParam && page === 1 ? base : { ...base, page });
		const get = (page: number, signal?: AbortSignal) =>
			this.get(action, pageParams(page), { signal, bypassCache: opts.bypassCache, kind: 'metadata' });

		if (opts.page !== undefined) {
			const page = Math.max(1, Math.floor(opts.page));
			const one = parsePage(await get(page, opts.signal), schema, map);
			return one
				? {
						items: one.items,
						total: one.total,
						page: one.page ?? page,
						pages: one.pages,
						fetchedAt: one.fetchedAt,
						stale: one.stale,
					}
				: { items: [], total: 0, page, pages: 0, ...freshNow() };
		}

		const first = parsePage(await get(1, opts.signal), schema, map);
		if (!first) {
			return { items: [], total: 0, page: 1, pages: 1, ...freshNow() };
		}
		const rest: number[] = [];
		for (let p = 2; p <= first.pages; p++) {
			rest.push(p);
		}
		let others: Array<PageResult<T> | undefined> = [];
		if (rest.length) {
			// All pages go through the global limiter, which bounds the concurrency.
			const group = linkedController(opts.signal);
			// As in getDynamicData: report the page that failed, not a sibling it cancelled.
			let firstError: unknown;
			try {
				others = await Promise.all(
					rest.map((p) =>
						get(p, group.signal).then(
							(r) => parsePage(r, schema, map),
							(e) => {
								if (firstError === undefined && !group.signal.aborted) firstError = e;
								group.abort();
								throw e;
							},
						),
					),
				);
			} catch (e) {
				throw opts.signal?.aborted ? cancelledError() : (firstError ?? e);
			} finally {
				group.dispose();
			}
		}
		const all = [first, ...others].filter((x): x is PageResult<T> => x !== undefined);
		const items = all.flatMap((x) => x.items);
		return {
			items,
			total: Math.max(first.total, items.length),
			page: 1,
			pages: 1,
			fetchedAt: Math.min(...all.map((x) => x.fetchedAt)),
			stale: all.some((x) => x.stale),
		};
	}

	private async view<Sch extends v.GenericSchema, T>(
		params: Params,
		schema: Sch,
		map: (raw: v.InferOutput<Sch>) => T,
		opts: CallOptions,
	): Promise<T & Freshness> {
		const r = await this.get(
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

	// --- Cache, dedup, retries --------------------------------------------------------------

	/** One logical request: cache → in-flight dedup → limiter + retries → cache store / stale fallback. */
	private async get(action: Action, params: Params, opts: GetOptions): Promise<Fetched> {
		if (opts.signal?.aborted) {
			throw cancelledError();
		}
		const key = await this.o.getKey();
		if (!key) {
			throw new BpsError('noKey', 'No BPS API key is set.');
		}
		const url = canonicalUrl(this.o.baseUrl, action, params);
		const shown = redact(url, key);
		const cache = this.o.cache;
		if (cache?.ready) {
			// A persisted cache still loading after a window reload: wait, or warm actions would hit the network.
			await cache.ready;
		}
		const cached = cache?.get(url);
		if (cached && !opts.bypassCache && Date.now() - cached.fetchedAt < this.ttl(cached.kind)) {
			this.o.onRequest?.({ url: shown, source: 'cache' });
			return { body: cached.body, fetchedAt: cached.fetchedAt, stale: false, url: shown };
		}
		try {
			const r = await this.shared(url, key, opts);
			return { body: r.body, fetchedAt: r.fetchedAt, stale: false, url: shown };
		} catch (e) {
			if (cached && !opts.bypassCache && isBpsError(e) && STALE_OK.has(e.kind)) {
				this.log(
					'warn',
					`Serving cached answer from ${new Date(cached.fetchedAt).toISOString()} for ${shown}: ${e.message}`,
				);
				this.o.onRequest?.({ url: shown, source: 'stale' });
				return { body: cached.body, fetchedAt: cached.fetchedAt, stale: true, url: shown };
			}
			throw e;
		}
	}

	/**
	 * Identical requests in flight share one HTTP exchange. Each caller can still cancel on its own;
	 * the exchange itself is aborted only when every caller has gone.
	 */
	private shared(url: string, key: string, opts: GetOptions): Promise<{ body: unknown; fetchedAt: number }> {
		// The key is part of the identity (a new key must not join a request made with the old one),
		// but the map is private memory: never logged.
		const id = `${url}\n${key}`;
		let f = this.inflight.get(id);
		if (f) {
			this.o.onRequest?.({ url: redact(url, key), source: 'dedup' });
		} else {
			const ctl = new AbortController();
			const flight: Flight = {
				ctl,
				waiters: 0,
				promise: this.fetchWithRetry(url, key, ctl.signal).then((r) => {
					// Only OK envelopes get here (error envelopes and `null` threw in the attempt): safe to cache.
					this.o.cache?.set(url, { body: r.body, fetchedAt: r.fetchedAt, kind: opts.kind });
					return r;
				}),
			};
			flight.promise
				.finally(() => {
					if (this.inflight.get(id) === flight) {
						this.inflight.delete(id);
					}
				})
				.catch(() => undefined);
			this.inflight.set(id, flight);
			f = flight;
		}
		const flight = f;
		flight.waiters++;
		return new Promise((resolve, reject) => {
			const signal = opts.signal;
			const onAbort = () => {
				reject(cancelledError(redact(url, key)));
				if (--flight.waiters === 0) {
					// Nobody wants the answer any more: stop it, and let the next caller start afresh.
					if (this.inflight.get(id) === flight) {
						this.inflight.delete(id);
					}
					flight.ctl.abort();
				}
			};
			if (signal?.aborted) {
				onAbort();
				return;
			}
			signal?.addEventListener('abort', onAbort, { once: true });
			flight.promise.then(
				(r) => {
					signal?.removeEventListener('abort', onAbort);
					resolve(r);
				},
				(e) => {
					signal?.removeEventListener('abort', onAbort);
					reject(e);
				},
			);
		});
	}

	private async fetchWithRetry(
		url: string,
		key: string,
		signal: AbortSignal,
	): Promise<{ body: unknown; fetchedAt: number }> {
		const retries = Math.max(0, this.o.retries ?? 3);
		const shown = redact(url, key);
		for (let i = 0; ; i++) {
			try {
				return await this.limiter.run(async () => {
					const t0 = Date.now();
					let status: number | undefined;
					try {
						const r = await attempt(url, key, {
							fetch: this.o.fetch ?? globalThis.fetch,
							userAgent: this.o.userAgent,
							timeoutMs: this.o.timeoutMs ?? 30_000,
							signal,
						});
						status = r.status;
						// Classify the envelope inside the attempt: error envelopes and `null` are final answers.
						checkEnvelope(r.body, shown, key);
						return { body: r.body, fetchedAt: Date.now() };
					} catch (e) {
						status = isBpsError(e) ? (e.details.status ?? status) : status;
						throw e;
					} finally {
						const ms = Date.now() - t0;
						if (!signal.aborted) {
							this.o.onRequest?.({ url: shown, source: 'network', status, ms });
							this.log('debug', `GET ${shown} → ${status ?? 'no response'} (${ms} ms)`);
						}
					}
				}, signal);
			} catch (e) {
				const err = isBpsError(e)
					? e
					: new BpsError('network', `Request failed: ${redact(String(e), key)}`, { url: shown });
				if (err.kind === 'cancelled' || signal.aborted) {
					throw cancelledError(shown);
				}
				if (!err.retryable || i >= retries) {
					this.log('warn', `${shown}: ${err.message}`);
					throw err;
				}
				const delay = backoffDelay(i, this.o.backoffBaseMs ?? 500, BACKOFF_CAP_MS);
				this.log('warn', `${shown}: ${err.message} Retry ${i + 1}/${retries} in ${delay} ms.`);
				await sleep(delay, signal);
			}
		}
	}

	private ttl(kind: CacheEntry['kind']): number {
		const t = this.o.ttl ?? { metadataMs: 7 * DAY, dataMs: DAY };
		return kind === 'data' ? t.dataMs : t.metadataMs;
	}

	private log(level: LogLevel, message: string): void {
		this.o.log?.(level, message);
	}
}

interface PageResult<T> extends Freshness {
	items: T[];
	total: number;
	page: number | undefined;
	pages: number;
}

/** Validate one list answer. `undefined` when the API says there is nothing (any non-`available`, or `data: ""`). */
function parsePage<Sch extends v.GenericSchema, T>(
	r: Fetched,
	schema: Sch,
	map: (raw: v.InferOutput<Sch>) => T,
): PageResult<T> | undefined {
	const env = checkEnvelope(r.body, r.url);
	const data = env.body.data;
	if (!env.available || data === '' || data === undefined || data === null) {
		return undefined;
	}
	if (!Array.isArray(data)) {
		throw new BpsError(
			'unexpected',
			'Unexpected response from the BPS API: data: expected [pagination, items].',
			{ field: 'data', url: r.url },
		);
	}
	const meta = validate(S.PageMetaSchema, data[0] ?? {}, 'data[0]', r.url);
	const raw = data[1] ?? [];
	if (!Array.isArray(raw)) {
		throw new BpsError(
			'unexpected',
			'Unexpected response from the BPS API: data[1]: expected an array of items.',
			{
				field: 'data[1]',
				url: r.url,
			},
		);
	}
	const items = raw.map((item, i) => map(validate(schema, item, `data[1][${i}]`, r.url)));
	return {
		items,
		total: meta.total ?? items.length,
		page: meta.page ?? undefined,
		pages: Math.max(1, meta.pages ?? 1),
		fetchedAt: r.fetchedAt,
		stale: r.stale,
	};
}

function freshNow(): Freshness {
	return { fetchedAt: Date.now(), stale: false };
}

/** An AbortController that also aborts when `parent` does; `dispose()` unhooks it. */
function linkedController(parent?: AbortSignal): { signal: AbortSignal; abort(): void; dispose(): void } {
	const ctl = new AbortController();
	// Every page or chunk request (and its limiter wait) listens to this signal: hundreds is normal.
	setMaxListeners(0, ctl.signal);
	const onAbort = () => ctl.abort();
	if (parent?.aborted) {
		ctl.abort();
	}
	parent?.addEventListener('abort', onAbort, { once: true });
	return {
		signal: ctl.signal,
		abort: () => ctl.abort(),
		dispose: () => parent?.removeEventListener('abort', onAbort),
	};
}

function withUrl(e: unknown, url: string): unknown {
	if (e instanceof BpsError && !e.details.url) {
		return new BpsError(e.kind, e.message, { ...e.details, url });
	}
	return e;
}

/**
 * The token bucket holds one second's worth of requests: the metadata and the ⌈periods / cap⌉
 * data calls of one preview start together, while the average rate stays at the ceiling and the
 * concurrency limit still bounds what is in flight.
 */
function limiterOptions(o: BpsClientOptions): {
	maxConcurrent: number;
	ratePerSecond: number;
	burst: number;
} {
	const maxConcurrent = o.maxConcurrent ?? 4;
	const ratePerSecond = o.maxRequestsPerSecond ?? 5;
	return { maxConcurrent, ratePerSecond, burst: Math.max(1, Math.floor(ratePerSecond)) };
}
