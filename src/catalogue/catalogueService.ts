import * as vscode from 'vscode';
import type { BpsApi, ListOptions } from '../api/api';
import type { FamilyEndpoints } from '../api/families/endpoints';
import type { SddsItem, SdgIndicator } from '../api/families/types';
import { BpsError, isBpsError, isCancelled } from '../api/errors';
import type {
	Domain,
	Lang,
	Paged,
	PressRelease,
	Publication,
	StaticTable,
	StrategicIndicator,
	Subject,
	Variable,
} from '../api/types';
import { Disposable } from '../util/dispose';
import type { Logger } from '../util/logger';
import { itemKey, type ItemKind, type VarRef } from './itemRef';
import { fromSearchEntry, toItems, toSearchEntry, type ApiRecords, type CatalogueItem } from './items';
import { keywordSearch, otherLang } from './keywordSearch';
import { ListMemo } from './listMemo';
import { regionFacts, type RegionFacts, type RegionLabels } from './regions';
import { SearchIndex } from './searchIndex';
import { findSdg, matchSdds, matchSdgs, sddsItem, sdgItem, type SdgSpec } from './sdgs';

/** Options of every CatalogueService call. */
export interface FetchOptions {
	/** Skip both the in-memory memo and the client's cache (Refresh). */
	bypassCache?: boolean;
	signal?: AbortSignal;
	/** Default: the `lang()` the service was built with (the `bps.language` setting). */
	lang?: Lang;
}

/** The kinds the keyword search covers (indicators have their own tree folder and no keyword search). */
export const SEARCH_KINDS = ['var', 'statictable', 'publication', 'pressrelease'] as const;

/** What the server's keyword search found, and whether it could be reached. */
export interface ServerSearch {
	items: CatalogueItem[];
	/** The first failure (other than "no data" and cancellation), when a list could not be searched. */
	error?: unknown;
	/** True when an answer came from the cache because the API could not be reached. */
	stale: boolean;
}

/**
 * The catalogue layer between the API client and the features (tree, search, pickers, insert,
 * preview): lists per domain + language, memoised in memory so the tree can ask again cheaply,
 * with every fetched title fed into one {@link SearchIndex}; the keyword search; the facts of a
 * region. Failed calls are not memoised.
 */
export class CatalogueService extends Disposable {
	/** Every title fetched so far, across domains and languages. */
	readonly index = new SearchIndex();
	private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
	/** Fires when memoised data was dropped (clear) or replaced by a refresh. */
	readonly onDidChange = this._onDidChange.event;
	private readonly memo = new ListMemo(
		() => this._onDidChange.fire(),
		(key, e) => this.log.debug(`${key} failed: ${e instanceof Error ? e.message : String(e)}`),
	);

	constructor(
		private readonly api: BpsApi,
		private readonly lang: () => Lang,
		private readonly log: Logger,
		/** The localised words of region names ("Kota", "Kabupaten"). */
		private readonly regionLabels?: () => RegionLabels,
		/** SDGs and SDDS (absent in unit tests of the core lists). */
		private readonly families?: Pick<FamilyEndpoints, 'listSdgs' | 'listSdds'>,
	) {
		super();
	}

	/** All 549 domains (national, provinces, regencies and cities). */
	domains(opts: FetchOptions = {}): Promise<Paged<Domain>> {
		return this.memoise('domains', opts, () => this.api.listDomains('all', this.callOpts(opts)));
	}

	/** One domain by code, from the domain list; undefined when unknown. */
	async domain(id: string, opts: FetchOptions = {}): Promise<Domain | undefined> {
		return (await this.domains(opts)).items.find((d) => d.id === id);
	}

	/**
	 * Name, type and website of a region. Never fails: when the domain list cannot be read
	 * (offline), the name falls back to the code ("Indonesia" for 0000) and the website is unknown.
	 */
	async region(code: string, opts: FetchOptions = {}): Promise<RegionFacts> {
		let d: Domain | undefined;
		try {
			d = await this.domain(code, opts);
		} catch (e) {
			this.log.debug(`no domain entry for ${code}: ${e instanceof Error ? e.message : String(e)}`);
		}
		return regionFacts(code, d, this.regionLabels?.());
	}

	/** Every subject of a domain (all pages); each carries its category id and title. */
	subjects(domain: string, opts: FetchOptions = {}): Promise<Paged<Subject>> {
		return this.memoise(`subjects|${domain}`, opts, () => this.api.listSubjects(domain, this.callOpts(opts)));
	}

	/** The dynamic tables of one subject (all pages). */
	variables(domain: string, subject: number, opts: FetchOptions = {}): Promise<Paged<Variable>> {
		return this.memoise(`vars|${domain}|${subject}`, opts, () =>
			this.api
				.listVariables(domain, { ...this.callOpts(opts), subject })
				.then(this.indexer('var', domain, opts)),
		);
	}

	/** Every dynamic table of a domain, across subjects (all pages). */
	allVariables(domain: string, opts: FetchOptions = {}): Promise<Paged<Variable>> {
		return this.memoise(`vars|${domain}|*`, opts, () =>
			this.api.listVariables(domain, this.callOpts(opts)).then(this.indexer('var', domain, opts)),
		);
	}

	/**
	 * Every static table of a domain (all pages, fetched concurrently by the client). The API has
	 * no subject filter here, so the tree groups by `subjectId` on our side.
	 */
	staticTables(domain: string, opts: FetchOptions = {}): Promise<Paged<StaticTable>> {
		return this.memoise(`static|${domain}`, opts, () =>
			this.api.listStaticTables(domain, this.callOpts(opts)).then(this.indexer('statictable', domain, opts)),
		);
	}

	/** The static tables of one subject, with the freshness of the whole list. */
	async staticTablesOfSubject(
		domain: string,
		subject: number,
		opts: FetchOptions = {},
	): Promise<Paged<StaticTable>> {
		const all = await this.staticTables(domain, opts);
		const items = all.items.filter((t) => t.subjectId === subject);
		return { ...all, items, total: items.length, page: 1, pages: 1 };
	}

	/**
	 * The static tables of one subject when the domain's list is already in memory (an earlier
	 * "Static tables" folder, a search, a reveal), else undefined: never sends a request.
	 */
	async staticTablesOfSubjectIfLoaded(
		domain: string,
		subject: number,
		opts: FetchOptions = {},
	): Promise<Paged<StaticTable> | undefined> {
		const o = { ...opts, bypassCache: false };
		if (!this.memo.isSettled(this.memoKey(`static|${domain}`, o))) return undefined;
		return this.staticTablesOfSubject(domain, subject, o);
	}

	/** One page of publications (newest first, as the API orders them). */
	publications(domain: string, page: number, opts: FetchOptions = {}): Promise<Paged<Publication>> {
		return this.memoise(`pubs|${domain}|${page}`, opts, () =>
			this.api
				.listPublications(domain, { ...this.callOpts(opts), page })
				.then(this.indexer('publication', domain, opts)),
		);
	}

	/** One page of press releases. */
	pressReleases(domain: string, page: number, opts: FetchOptions = {}): Promise<Paged<PressRelease>> {
		return this.memoise(`brs|${domain}|${page}`, opts, () =>
			this.api
				.listPressReleases(domain, { ...this.callOpts(opts), page })
				.then(this.indexer('pressrelease', domain, opts)),
		);
	}

	/** Strategic indicators (national and province domains only; all pages). */
	indicators(domain: string, opts: FetchOptions = {}): Promise<Paged<StrategicIndicator>> {
		return this.memoise(`ind|${domain}`, opts, () =>
			this.api.listIndicators(domain, this.callOpts(opts)).then(this.indexer('indicator', domain, opts)),
		);
	}

	/** Every SDG indicator (national only, all goals, all pages). */
	sdgs(opts: FetchOptions = {}): Promise<Paged<SdgIndicator>> {
		return this.memoise('sdgs', opts, () => this.familiesOrThrow().listSdgs(this.callOpts(opts)));
	}

	/** Every SDDS table (national only). */
	sdds(opts: FetchOptions = {}): Promise<Paged<SddsItem>> {
		return this.memoise('sdds', opts, () => this.familiesOrThrow().listSdds(this.callOpts(opts)));
	}

	/**
	 * The SDG indicators (by number, "1.2.1", or words) and SDDS tables (by words) a query finds,
	 * as the national tables they open. Searched on our side: the lists are short and the API's
	 * keyword does not cover numbers. SDDS failing leaves the SDG indicators.
	 */
	async searchSdgs(
		query: string,
		opts: FetchOptions = {},
	): Promise<{ items: CatalogueItem[]; stale: boolean }> {
		if (!this.families) return { items: [], stale: false };
		const [all, sdds] = await Promise.all([this.sdgs(opts), this.sdds(opts).catch(() => undefined)]);
		const titleLang = this.langOf(opts);
		const items: CatalogueItem[] = matchSdgs(query, all.items).map((i) => ({ ...sdgItem(i), titleLang }));
		for (const x of matchSdds(query, sdds?.items ?? [])) items.push({ ...sddsItem(x), titleLang });
		return { items, stale: all.stale || !!sdds?.stale };
	}

	/**
	 * The national table an SDG indicator opens as, from `{ kind: 'sdg', number }` or
	 * `{ kind: 'sdg', varId }`; undefined when BPS lists no such indicator.
	 */
	async sdgRef(spec: SdgSpec, opts: FetchOptions = {}): Promise<VarRef | undefined> {
		const hit = findSdg((await this.sdgs(opts)).items, spec);
		return hit && sdgItem(hit).ref;
	}

	/**
	 * Titles already fetched that match `query` in either language (also offline), best first,
	 * each item once and in `lang` when its title there is known.
	 */
	searchLocal(query: string, domain: string, opts: { lang?: Lang; limit?: number } = {}): CatalogueItem[] {
		return this.index
			.searchBilingual(query, {
				domain,
				lang: opts.lang ?? this.lang(),
				kinds: SEARCH_KINDS,
				limit: opts.limit ?? 100,
			})
			.map((h) => fromSearchEntry(h.entry));
	}

	/** Every item of a domain fetched so far in a language (the tree, earlier searches), at most `limit`. */
	known(domain: string, lang: Lang = this.lang(), limit = 500): CatalogueItem[] {
		return this.index
			.all(domain)
			.filter((e) => !e.lang || e.lang === lang)
			.slice(0, limit)
			.map(fromSearchEntry);
	}

	/**
	 * The server's `keyword` search over the four searchable lists, in BOTH languages (people type
	 * Indonesian or English whatever the data language), not memoised: each query is new. Each
	 * item comes once, titled in the data language when known (else `titleLang` says which).
	 * What it finds feeds the index, so the next search works offline too. A list that fails does
	 * not fail the others: its error is reported beside what the others found.
	 */
	async searchServer(query: string, domain: string, opts: FetchOptions = {}): Promise<ServerSearch> {
		const lang = this.langOf(opts);
		const [found, sdg] = await Promise.all([
			keywordSearch(this.api, domain, query, {
				kinds: SEARCH_KINDS,
				langs: [lang, otherLang(lang)],
				signal: opts.signal,
				bypassCache: opts.bypassCache,
			}),
			// SDG data is national: every region's search finds the indicators (refs on 0000).
			this.searchSdgs(query, { signal: opts.signal, lang }).then(
				(r) => ({ ...r, error: undefined as unknown }),
				(error: unknown) => ({ items: [], stale: false, error }),
			),
		]);
		for (const a of found.answers) this.index.add(a.items.map((i) => toSearchEntry(i, a.lang)));
		const items = new Map<string, CatalogueItem>();
		for (const a of found.answers
			.filter((x) => x.lang === lang)
			.concat(found.answers.filter((x) => x.lang !== lang))) {
			for (const i of a.items) {
				const key = itemKey(i.ref);
				if (!items.has(key)) items.set(key, { ...i, titleLang: a.lang });
			}
		}
		// Indicators the keyword search did not find as plain tables (a number, "1.2.1", always).
		for (const i of sdg.items) if (!items.has(itemKey(i.ref))) items.set(itemKey(i.ref), i);
		const sdgError = isCancelled(sdg.error) || isBpsError(sdg.error, 'noData') ? undefined : sdg.error;
		return {
			items: this.inLang([...items.values()], lang),
			error: found.error ?? sdgError,
			stale: found.stale || sdg.stale,
		};
	}

	/** The items titled in `lang` where the index knows their title there. */
	inLang(items: readonly CatalogueItem[], lang: Lang = this.lang()): CatalogueItem[] {
		return items.map((i) => {
			if (i.titleLang === undefined || i.titleLang === lang) return i;
			const e = this.index.entry(i.ref, lang);
			if (!e) return i;
			const shown = {
				...i,
				ref: { ...i.ref, title: e.title.trim() },
				subject: e.subject,
				unit: e.unit,
				titleLang: lang,
			};
			// A dynamic table's record holds its unit in the other language: show the index's unit.
			if (shown.kind === 'var') delete shown.record;
			return shown;
		}) as CatalogueItem[];
	}

	/**
	 * Fetches the `lang` titles of items known only in the other language (at most `max`): the
	 * subject's list for dynamic tables (memoised, the tree reuses it), the item itself for the
	 * other kinds. Resolves with true when at least one title was learnt; never fails.
	 */
	async completeTitles(
		items: readonly CatalogueItem[],
		opts: FetchOptions & { max?: number } = {},
	): Promise<boolean> {
		const lang = this.langOf(opts);
		const o = { lang, signal: opts.signal };
		const missing = items
			.filter((i) => i.titleLang !== undefined && i.titleLang !== lang && !this.index.entry(i.ref, lang))
			.slice(0, opts.max ?? 12);
		const jobs = new Map<string, Promise<unknown>>();
		for (const i of missing) {
			const { domain } = i.ref;
			if (i.kind === 'var' && i.subjectId !== undefined) {
				jobs.set(`var|${domain}|${i.subjectId}`, this.variables(domain, i.subjectId, o));
			} else if (i.kind === 'statictable') {
				const id = i.ref.id;
				jobs.set(
					itemKey(i.ref),
					this.api.getStaticTable(domain, id, o).then((d) => this.addToIndex(i.kind, domain, o, [d])),
				);
			} else if (i.kind === 'publication') {
				const id = i.ref.id;
				jobs.set(
					itemKey(i.ref),
					this.api.getPublication(domain, id, o).then((d) => this.addToIndex(i.kind, domain, o, [d])),
				);
			} else if (i.kind === 'pressrelease') {
				const id = i.ref.id;
				jobs.set(
					itemKey(i.ref),
					this.api.getPressRelease(domain, id, o).then((d) => this.addToIndex(i.kind, domain, o, [d])),
				);
			}
		}
		for (const r of await Promise.allSettled(jobs.values())) {
			if (r.status === 'rejected' && !isCancelled(r.reason)) {
				this.log.debug(
					`title in ${lang}: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`,
				);
			}
		}
		return missing.some((i) => this.index.entry(i.ref, lang) !== undefined);
	}

	/** Forget every memoised list and the search index (Clear Cache). */
	clear(): void {
		this.memo.clear();
		this.index.clear();
		this._onDidChange.fire();
	}

	/** Feeds a fetched list into the search index, passing it on. */
	private indexer<K extends ItemKind>(kind: K, domain: string, opts: FetchOptions) {
		return <P extends Paged<ApiRecords[K]>>(r: P): P => {
			this.addToIndex(kind, domain, opts, r.items);
			return r;
		};
	}

	private addToIndex<K extends ItemKind>(
		kind: K,
		domain: string,
		opts: FetchOptions,
		records: readonly ApiRecords[K][],
	): CatalogueItem[] {
		const lang = this.langOf(opts);
		const items = toItems(kind, domain, records) as CatalogueItem[];
		this.index.add(items.map((i) => toSearchEntry(i, lang)));
		return items;
	}

	private memoise<T>(what: string, opts: FetchOptions, load: () => Promise<T>): Promise<T> {
		return this.memo.get(this.memoKey(what, opts), !!opts.bypassCache, load);
	}

	private memoKey(what: string, opts: FetchOptions): string {
		return `${what}|${this.langOf(opts)}`;
	}

	private familiesOrThrow(): Pick<FamilyEndpoints, 'listSdgs' | 'listSdds'> {
		if (!this.families) throw new BpsError('apiError', 'SDGs and SDDS are not available here.');
		return this.families;
	}

	private langOf(opts: FetchOptions): Lang {
		return opts.lang ?? this.lang();
	}

	private callOpts(opts: FetchOptions): ListOptions {
		return { signal: opts.signal, bypassCache: opts.bypassCache, lang: this.langOf(opts) };
	}
}
