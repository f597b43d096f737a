import * as vscode from 'vscode';
import type { CatalogueService } from '../catalogue/catalogueService';
import type { CatalogueItem } from '../catalogue/items';
import { searchOtherKinds } from '../catalogue/kindSearch';
import type { ReferenceSearch } from '../catalogue/referenceSearch';
import { kindLabel } from '../presentation/kinds';
import type { ItemKind } from '../catalogue/itemRef';
import type { Services } from '../services';
import { Disposable } from '../util/dispose';
import type { Logger } from '../util/logger';
import type { Lang } from '../api/types';
import { Commands } from '../constants';
import { emptyItems, NATIONAL_DOMAIN } from './emptyItems';
import { mergeResults, nextKindFilter } from './kindGroups';
import { groupedItems, noticeItem, searchItem, type SearchAction, type SearchItem } from './searchItems';

export type { SearchAction, SearchItem };

/** Quiet time after the last keystroke before a query runs. */
export const SEARCH_DEBOUNCE_MS = 250;

/** A result: what commands act on (`ref`), plus what the tree needs to reveal it (`subjectId`). */
export type SearchResult = CatalogueItem;

export interface SearchSessionOptions {
	services: Services;
	catalogue: CatalogueService;
	/** 'browse': Enter opens the preview and items carry insert/reveal buttons. 'pick': Enter picks. */
	mode: 'browse' | 'pick';
	title?: string;
	/** Browse mode: which buttons to show (reveal needs the tree). */
	canReveal?: boolean;
	onAction: (action: SearchAction, result: SearchResult) => void;
	/** Called once when the QuickPick closes (accepted or dismissed). */
	onHide: () => void;
	/** 'glossary': only glossary concepts ("BPS: Search Glossary"). Default: every kind. */
	scope?: 'all' | 'glossary';
}

/**
 * One open search QuickPick. Results update as the user types: each query runs after
 * {@link SEARCH_DEBOUNCE_MS} of quiet and aborts the one before it. Local hits from the catalogue's
 * {@link SearchIndex} (everything fetched so far, also offline) show at once; the server's
 * `keyword` search of the four lists, in Indonesian and English, is merged in when it answers
 * (each item once, titled in the data language; titles known only in the other language are
 * fetched and replaced). When nothing matches, the list says so and offers the national
 * catalogue or the other data language. When the server cannot be reached the local hits stay, with an
 * "offline — showing cached results" line that retries when accepted.
 */
export class SearchSession extends Disposable {
	readonly quickPick: vscode.QuickPick<SearchItem>;
	/** Requests started, and aborted because a newer query replaced them (tests read these). */
	readonly stats = { queries: 0, cancelled: 0, serverErrors: 0 };
	/** True while the last completed query could not reach the server (or got stale answers). */
	offline = false;

	private readonly log: Logger;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private inflight: AbortController | undefined;
	private gen = 0;
	private running = 0;
	private waiters: Array<() => void> = [];
	private lastRun: string | undefined;
	/** The value the last schedule() was for. */
	private scheduled: string | undefined;
	/** The region searched: the `bps.domain` setting, until "Search all of Indonesia". */
	private domain: string;
	private lang: Lang;
	/** "Filter by kind": only this kind's results (the title-bar button cycles through those found). */
	private kindFilter: ItemKind | undefined;
	/** What the list shows now, so the filter can lay it out again without a new query. */
	private shown: { found: SearchResult[]; notice?: SearchItem } = { found: [] };

	constructor(private readonly o: SearchSessionOptions) {
		super();
		this.log = o.services.logger('search');
		const cfg = o.services.config();
		this.domain = cfg.domain;
		this.lang = cfg.lang;
		const qp = this._register(vscode.window.createQuickPick<SearchItem>());
		this.quickPick = qp;
		const glossary = o.scope === 'glossary';
		qp.title =
			o.title ??
			(glossary ? vscode.l10n.t('Search the BPS glossary') : vscode.l10n.t('Search BPS ({0})', this.domain));
		qp.placeholder = glossary
			? vscode.l10n.t('Search concepts and definitions, in Indonesian or English')
			: vscode.l10n.t(
					'Search tables, publications, news, infographics, census, SIMDASI, trade (HS codes), classifications and the glossary',
				);
		qp.matchOnDescription = true;
		qp.matchOnDetail = true;
		keepOrder(qp);
		if (!glossary) {
			qp.buttons = [this.filterButton()];
			this._register(qp.onDidTriggerButton(() => this.cycleKindFilter()));
		}
		this._register(
			qp.onDidChangeValue((v) => {
				// The echo of a programmatic `setQuery` must not restart the debounce.
				if (v !== this.scheduled) this.schedule(v);
			}),
		);
		this._register(qp.onDidAccept(() => this.accept(qp.activeItems[0])));
		this._register(
			qp.onDidTriggerItemButton((e) => {
				const r = e.item.result;
				if (!r) return;
				const action: SearchAction = (e.button as { action?: SearchAction }).action ?? 'open';
				if (action === 'insert') qp.hide();
				this.o.onAction(action, r);
			}),
		);
		this._register(
			qp.onDidHide(() => {
				this.abort();
				this.o.onHide();
				this.dispose();
			}),
		);
		this._register({ dispose: () => this.abort() });
	}

	/** Shows the QuickPick, optionally pre-filled (the query runs after the debounce like typing). */
	show(query?: string): void {
		this.quickPick.show();
		if (query) this.setQuery(query);
		else if (this.o.mode === 'pick') void this.run('');
	}

	/** Sets the query as if typed. */
	setQuery(query: string): void {
		this.quickPick.value = query;
		// Programmatic `value` changes do not reliably come back through onDidChangeValue.
		this.schedule(query);
	}

	get query(): string {
		return this.quickPick.value;
	}

	get items(): readonly SearchItem[] {
		return this.quickPick.items;
	}

	/** Resolves when no query is waiting for the debounce or the server. */
	whenSettled(): Promise<void> {
		if (this.timer === undefined && this.running === 0) return Promise.resolve();
		return new Promise((r) => this.waiters.push(r));
	}

	/** Accepts an item as Enter would (tests, `{ accept: true }`). */
	accept(item: SearchItem | undefined): void {
		if (!item) return;
		if (item.emptyAction) {
			void this.emptyAction(item.emptyAction);
			return;
		}
		if (item.notice) {
			// Offline or error line: try the same query again rather than leaving a dead end.
			this.lastRun = undefined;
			this.schedule(this.quickPick.value, 0);
			return;
		}
		if (!item.result) return;
		const r = item.result;
		this.quickPick.hide();
		this.o.onAction('open', r);
	}

	hide(): void {
		this.quickPick.hide();
	}

	private schedule(value: string, delay = SEARCH_DEBOUNCE_MS): void {
		if (this.isDisposed) return;
		this.scheduled = value;
		if (this.timer !== undefined) clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timer = undefined;
			void this.run(value.trim());
		}, delay);
	}

	private abort(): void {
		if (this.timer !== undefined) {
			clearTimeout(this.timer);
			this.timer = undefined;
		}
		if (this.inflight && !this.inflight.signal.aborted) {
			this.inflight.abort();
		}
		this.inflight = undefined;
		this.settle();
	}

	private settle(): void {
		if (this.timer !== undefined || this.running > 0) return;
		const w = this.waiters;
		this.waiters = [];
		for (const r of w) r();
	}

	private async run(query: string): Promise<void> {
		if (this.isDisposed) return;
		if (query === this.lastRun) {
			this.settle();
			return;
		}
		this.lastRun = query;
		if (this.inflight) {
			this.stats.cancelled++;
			this.inflight.abort();
		}
		const gen = ++this.gen;
		const qp = this.quickPick;
		if (!query) {
			this.inflight = undefined;
			// Picking, an empty query offers what has been loaded so far (the tree, earlier searches).
			qp.items =
				this.o.mode === 'pick'
					? this.o.catalogue.known(this.domain, this.lang).map((r) => searchItem(r, this.itemOptions))
					: [];
			qp.busy = false;
			this.settle();
			return;
		}
		const ctrl = new AbortController();
		this.inflight = ctrl;
		this.running++;
		this.stats.queries++;
		try {
			const glossaryOnly = this.o.scope === 'glossary';
			const local = glossaryOnly ? [] : this.localHits(query);
			this.render(local);
			qp.busy = true;
			// The other kinds (cards, census, SIMDASI, trade, codes, concepts) come after the tables.
			const reference = this.otherHits(query, ctrl.signal);
			const server = glossaryOnly
				? { items: [], error: undefined, stale: false }
				: await this.serverHits(query, ctrl.signal);
			if (gen !== this.gen || this.isDisposed) return;
			let merged = glossaryOnly ? [] : mergeResults(this.localHits(query), server.items);
			let error = server.error;
			this.offline = error !== undefined || server.stale;
			const show = (found: SearchResult[]) =>
				this.render(found, this.offline ? noticeItem(error) : undefined);
			if (merged.length) show(merged);
			const ref = await reference;
			if (gen !== this.gen || this.isDisposed) return;
			merged = [...merged, ...ref.items];
			error ??= ref.error;
			this.offline ||= ref.error !== undefined || ref.stale;
			if (!merged.length && !this.offline) {
				const empty = await this.emptyItems(query);
				if (gen === this.gen && !this.isDisposed) {
					qp.items = empty;
					// Enter runs the first way out rather than the message.
					qp.activeItems = empty.slice(1, 2);
				}
				return;
			}
			show(merged);
			// Items found only in the other language: learn their titles in the data language.
			if (await this.o.catalogue.completeTitles(merged, { lang: this.lang, signal: ctrl.signal, max: 12 })) {
				if (gen !== this.gen || this.isDisposed) return;
				merged = this.o.catalogue.inLang(merged, this.lang);
				show(merged);
			}
		} finally {
			this.running--;
			if (gen === this.gen) {
				if (this.inflight === ctrl) this.inflight = undefined;
				if (!this.isDisposed) this.quickPick.busy = false;
			}
			this.settle();
		}
	}

	private localHits(query: string): SearchResult[] {
		return this.o.catalogue.searchLocal(query, this.domain, { lang: this.lang, limit: 100 });
	}

	/** Every other kind, from its own source (never rejects: a failure is in `error`). */
	private otherHits(query: string, signal: AbortSignal): Promise<ReferenceSearch> {
		const s = this.o.services;
		const kinds = this.o.scope === 'glossary' ? (['glossary'] as const) : undefined;
		return searchOtherKinds(
			{
				families: s.client.families,
				familyIndex: s.familyIndex,
				classifications: s.classifications,
				glossary: s.glossary,
			},
			query,
			{ domain: this.domain, lang: this.lang, kinds, signal },
		).catch((error: unknown) => ({ items: [], error, stale: false }));
	}

	private async serverHits(query: string, signal: AbortSignal) {
		const found = await this.o.catalogue.searchServer(query, this.domain, { signal, lang: this.lang });
		if (found.error !== undefined) {
			this.stats.serverErrors++;
			this.log.warn(
				`search "${query}": ${found.error instanceof Error ? found.error.message : String(found.error)}`,
			);
		}
		return found;
	}

	/** The filter button: shows every kind found in turn, then all kinds again. */
	cycleKindFilter(): ItemKind | undefined {
		this.kindFilter = nextKindFilter(this.kindFilter, this.shown.found);
		const base = this.o.title ?? vscode.l10n.t('Search BPS ({0})', this.domain);
		this.quickPick.title = this.kindFilter
			? vscode.l10n.t('{0} — only: {1}', base, kindLabel(this.kindFilter))
			: base;
		this.quickPick.buttons = [this.filterButton()];
		this.render(this.shown.found, this.shown.notice);
		return this.kindFilter;
	}

	private filterButton(): vscode.QuickInputButton {
		return {
			iconPath: new vscode.ThemeIcon(this.kindFilter ? 'filter-filled' : 'filter'),
			tooltip: this.kindFilter
				? vscode.l10n.t('Showing only: {0}. Show the next kind (or all)', kindLabel(this.kindFilter))
				: vscode.l10n.t('Filter by kind'),
		};
	}

	private get itemOptions() {
		return { lang: this.lang, mode: this.o.mode, canReveal: this.o.canReveal };
	}

	/** The results grouped by kind (only the filtered kind's), and the offline or error line. */
	private render(found: SearchResult[], notice?: SearchItem): void {
		this.shown = { found, notice };
		const items = groupedItems(found, this.itemOptions, this.kindFilter);
		if (this.kindFilter && !items.length && found.length)
			items.push({
				label: `$(filter) ${vscode.l10n.t('No results of the kind “{0}”; the filter button shows the others.', kindLabel(this.kindFilter))}`,
				alwaysShow: true,
			});
		if (notice) items.push(notice);
		this.quickPick.items = items;
	}

	/** "Nothing in the BPS catalogue matches … in Jawa Timur", with what to try next. */
	private async emptyItems(query: string): Promise<SearchItem[]> {
		const region = await this.o.catalogue.region(this.domain);
		return emptyItems({
			query,
			regionName: region.name,
			domain: this.domain,
			lang: this.lang,
			scope: this.o.scope,
		});
	}

	private async emptyAction(action: 'allIndonesia' | 'switchLanguage'): Promise<void> {
		if (action === 'allIndonesia') {
			this.domain = NATIONAL_DOMAIN;
			this.quickPick.title = this.o.title ?? vscode.l10n.t('Search BPS ({0})', this.domain);
		} else {
			const next = await vscode.commands.executeCommand<Lang | undefined>(Commands.switchLanguage);
			this.lang = next ?? this.o.services.config().lang;
		}
		this.lastRun = undefined;
		this.schedule(this.quickPick.value, 0);
	}
}

/**
 * Keeps the items in our order, grouped by kind. While the input has text, VS Code shows the
 * separators (the group labels) only when `sortByLabel` is off; on, it re-sorts the items by
 * label and drops every separator. The property is stable API only in newer VS Code (not in our
 * engine's typings) and threw as a proposal before: there, each item's detail still names its kind.
 */
function keepOrder(qp: vscode.QuickPick<SearchItem>): void {
	try {
		(qp as { sortByLabel?: boolean }).sortByLabel = false;
	} catch {
		// Proposed API in this VS Code: the separators stay hidden while filtering.
	}
}
