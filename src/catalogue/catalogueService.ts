import * as vscode from 'vscode';
import type { BpsApi, ListOptions } from '../api/api';
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
import { SearchIndex, type SearchEntry } from './searchIndex';

/** Options of every CatalogueService call. */
export interface FetchOptions {
	/** Skip both the in-memory memo and the client's cache (Refresh). */
	bypassCache?: boolean;
	signal?: AbortSignal;
	/** Default: the `lang()` the service was built with (the `bps.language` setting). */
	lang?: Lang;
}

/**
 * The catalogue layer between the API client and the tree (and the search command): lists per
 * domain + language, memoised in memory so the tree can ask again cheaply, with every fetched
 * title fed into one {@link SearchIndex}. Failed calls are not memoised.
 */
export class CatalogueService extends Disposable {
	/** Every title fetched so far, across domains and languages. */
	readonly index = new SearchIndex();
	private readonly memo = new Map<string, Promise<unknown>>();
	private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
	/** Fires when memoised data was dropped (clear) or replaced by a refresh. */
	readonly onDidChange = this._onDidChange.event;

	constructor(
		private readonly api: BpsApi,
		private readonly lang: () => Lang,
		private readonly log: Logger,
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

	/** Every subject of a domain (all pages); each carries its category id and title. */
	subjects(domain: string, opts: FetchOptions = {}): Promise<Paged<Subject>> {
		return this.memoise(`subjects|${domain}`, opts, () => this.api.listSubjects(domain, this.listOpts(opts)));
	}

	/** The dynamic tables of one subject (all pages). */
	variables(domain: string, subject: number, opts: FetchOptions = {}): Promise<Paged<Variable>> {
		return this.memoise(`vars|${domain}|${subject}`, opts, async () => {
			const lang = this.langOf(opts);
			const r = await this.api.listVariables(domain, { ...this.listOpts(opts), subject });
			this.index.add(
				r.items.map((v): SearchEntry => ({
					kind: 'var',
					id: v.id,
					domain,
					title: v.title,
					subject: v.subjectName,
					unit: v.unit,
					lang,
				})),
			);
			return r;
		});
	}

	/**
	 * Every static table of a domain (all pages, fetched concurrently by the client). The API has
	 * no subject filter here, so the tree groups by `subjectId` on our side.
	 */
	staticTables(domain: string, opts: FetchOptions = {}): Promise<Paged<StaticTable>> {
		return this.memoise(`static|${domain}`, opts, async () => {
			const lang = this.langOf(opts);
			const r = await this.api.listStaticTables(domain, this.listOpts(opts));
			this.index.add(
				r.items.map((t): SearchEntry => ({
					kind: 'statictable',
					id: t.id,
					domain,
					title: t.title,
					subject: t.subjectName,
					lang,
				})),
			);
			return r;
		});
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

	/** One page of publications (newest first, as the API orders them). */
	publications(domain: string, page: number, opts: FetchOptions = {}): Promise<Paged<Publication>> {
		return this.memoise(`pubs|${domain}|${page}`, opts, async () => {
			const lang = this.langOf(opts);
			const r = await this.api.listPublications(domain, { ...this.listOpts(opts), page });
			this.index.add(
				r.items.map((p): SearchEntry => ({ kind: 'publication', id: p.id, domain, title: p.title, lang })),
			);
			return r;
		});
	}

	/** One page of press releases. */
	pressReleases(domain: string, page: number, opts: FetchOptions = {}): Promise<Paged<PressRelease>> {
		return this.memoise(`brs|${domain}|${page}`, opts, async () => {
			const lang = this.langOf(opts);
			const r = await this.api.listPressReleases(domain, { ...this.listOpts(opts), page });
			this.index.add(
				r.items.map((p): SearchEntry => ({
					kind: 'pressrelease',
					id: p.id,
					domain,
					title: p.title,
					subject: p.subjectName,
					lang,
				})),
			);
			return r;
		});
	}

	/** Strategic indicators (national and province domains only; all pages). */
	indicators(domain: string, opts: FetchOptions = {}): Promise<Paged<StrategicIndicator>> {
		return this.memoise(`ind|${domain}`, opts, async () => {
			const lang = this.langOf(opts);
			const r = await this.api.listIndicators(domain, this.listOpts(opts));
			this.index.add(
				r.items.map((i): SearchEntry => ({
					kind: 'indicator',
					id: i.indicatorId,
					domain,
					title: i.title,
					unit: i.unit,
					lang,
					varId: i.varId,
				})),
			);
			return r;
		});
	}

	/** Forget every memoised list and the search index (Clear Cache). */
	clear(): void {
		this.memo.clear();
		this.index.clear();
		this._onDidChange.fire();
	}

	private memoise<T>(what: string, opts: FetchOptions, load: () => Promise<T>): Promise<T> {
		const key = `${what}|${this.langOf(opts)}`;
		const hit = this.memo.get(key) as Promise<T> | undefined;
		if (hit && !opts.bypassCache) {
			return hit;
		}
		const p = load();
		this.memo.set(key, p);
		p.then(
			() => {
				if (opts.bypassCache) this._onDidChange.fire();
			},
			(e: unknown) => {
				// Never memoise a failure: the next ask (Retry) must go to the network again. A failed
				// refresh puts back what was there, so the last good list stays available.
				if (this.memo.get(key) === p) {
					if (hit) this.memo.set(key, hit);
					else this.memo.delete(key);
				}
				this.log.debug(`${key} failed: ${e instanceof Error ? e.message : String(e)}`);
			},
		);
		return p;
	}

	private langOf(opts: FetchOptions): Lang {
		return opts.lang ?? this.lang();
	}

	private callOpts(opts: FetchOptions) {
		return { signal: opts.signal, bypassCache: opts.bypassCache, lang: this.langOf(opts) };
	}

	private listOpts(opts: FetchOptions): ListOptions {
		return this.callOpts(opts);
	}
}
