import * as vscode from 'vscode';
import { BpsError, isCancelled } from '../api/errors';
import type { Paged } from '../api/types';
import type { CatalogueService } from '../catalogue/catalogueService';
import type { ItemKind, ItemRef } from '../catalogue/itemRef';
import type { SearchEntry } from '../catalogue/searchIndex';
import type { Services } from '../services';
import { describeError } from '../util/errors';
import { Disposable } from '../util/dispose';
import type { Logger } from '../util/logger';

/** The kinds the search covers (indicators have their own tree folder and no keyword search). */
export const SEARCH_KINDS: readonly ItemKind[] = ['var', 'statictable', 'publication', 'pressrelease'];

/** Quiet time after the last keystroke before a query runs. */
export const SEARCH_DEBOUNCE_MS = 250;

/** A result: what commands act on, plus what the tree needs to reveal it. */
export interface SearchResult {
	ref: ItemRef;
	subject?: string;
	unit?: string;
	/** The subject id, when the server said (dynamic and static tables): lets "reveal" find the tree path. */
	subjectId?: number;
}

export interface SearchItem extends vscode.QuickPickItem {
	result?: SearchResult;
	/** The "offline — showing cached results" / error line: accepting it retries. */
	notice?: boolean;
}

/** What a session reports when the user acts on a result. */
export type SearchAction = 'open' | 'insert' | 'reveal';

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
}

const ICONS: Record<ItemKind, string> = {
	var: 'table',
	statictable: 'file',
	publication: 'book',
	pressrelease: 'megaphone',
	indicator: 'pulse',
};

/**
 * One open search QuickPick. Results update as the user types: each query runs after
 * {@link SEARCH_DEBOUNCE_MS} of quiet and aborts the one before it. Local hits from the catalogue's
 * {@link SearchIndex} (everything fetched so far, also offline) show at once; the server's
 * `keyword` search of the four lists is merged in when it answers (deduplicated by kind + id) and
 * fed back into the index. When the server cannot be reached the local hits stay, with an
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
	private readonly domain: string;
	private readonly lang: 'ind' | 'eng';

	constructor(private readonly o: SearchSessionOptions) {
		super();
		this.log = o.services.logger('search');
		const cfg = o.services.config();
		this.domain = cfg.domain;
		this.lang = cfg.lang;
		const qp = this._register(vscode.window.createQuickPick<SearchItem>());
		this.quickPick = qp;
		qp.title = o.title ?? vscode.l10n.t('Search BPS ({0})', this.domain);
		qp.placeholder = vscode.l10n.t('Search dynamic tables, static tables, publications and press releases');
		qp.matchOnDescription = true;
		qp.matchOnDetail = true;
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
			qp.items = [];
			qp.busy = false;
			this.settle();
			return;
		}
		const ctrl = new AbortController();
		this.inflight = ctrl;
		this.running++;
		this.stats.queries++;
		try {
			const local = this.localHits(query);
			qp.items = local.map((r) => this.toItem(r));
			qp.busy = true;
			const server = await this.serverHits(query, ctrl.signal);
			if (gen !== this.gen || this.isDisposed) return;
			const merged = this.merge(this.localHits(query), server.results);
			const items = merged.map((r) => this.toItem(r));
			this.offline = server.error !== undefined || server.stale;
			if (server.error !== undefined || server.stale) items.push(this.notice(server.error));
			qp.items = items;
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
		return this.o.catalogue.index
			.search(query, { domain: this.domain, lang: this.lang, kinds: SEARCH_KINDS, limit: 100 })
			.map((h) => fromEntry(h.entry));
	}

	/** Server results first when the index does not rank them (keyword matches are substrings). */
	private merge(local: SearchResult[], server: SearchResult[]): SearchResult[] {
		const seen = new Map<string, SearchResult>();
		const key = (r: SearchResult) => `${r.ref.kind}/${r.ref.id}`;
		const serverByKey = new Map(server.map((r) => [key(r), r]));
		for (const r of local) {
			// Prefer the server's copy: it carries the subject id for "reveal".
			seen.set(key(r), serverByKey.get(key(r)) ?? r);
		}
		for (const r of server) if (!seen.has(key(r))) seen.set(key(r), r);
		return [...seen.values()];
	}

	private async serverHits(
		query: string,
		signal: AbortSignal,
	): Promise<{ results: SearchResult[]; error?: unknown; stale: boolean }> {
		const api = this.o.services.client;
		const d = this.domain;
		const lang = this.lang;
		const o = { keyword: query, page: 1, signal, lang };
		const calls: Array<Promise<{ results: SearchResult[]; entries: SearchEntry[]; paged: Paged<unknown> }>> =
			[
				api.listVariables(d, o).then((p) => ({
					paged: p,
					results: p.items.map((v) => ({
						ref: { domain: d, kind: 'var' as const, id: v.id, title: v.title.trim() },
						subject: v.subjectName,
						unit: v.unit,
						subjectId: v.subjectId,
					})),
					entries: p.items.map((v) => ({
						kind: 'var' as const,
						id: v.id,
						domain: d,
						title: v.title,
						subject: v.subjectName,
						unit: v.unit,
						lang,
					})),
				})),
				api.listStaticTables(d, o).then((p) => ({
					paged: p,
					results: p.items.map((t) => ({
						ref: { domain: d, kind: 'statictable' as const, id: t.id, title: t.title.trim() },
						subject: t.subjectName,
						subjectId: t.subjectId ?? undefined,
					})),
					entries: p.items.map((t) => ({
						kind: 'statictable' as const,
						id: t.id,
						domain: d,
						title: t.title,
						subject: t.subjectName,
						lang,
					})),
				})),
				api.listPublications(d, o).then((p) => ({
					paged: p,
					results: p.items.map((x) => ({
						ref: { domain: d, kind: 'publication' as const, id: x.id, title: x.title.trim() },
						subject: x.releaseDate,
					})),
					entries: p.items.map((x) => ({
						kind: 'publication' as const,
						id: x.id,
						domain: d,
						title: x.title,
						lang,
					})),
				})),
				api.listPressReleases(d, o).then((p) => ({
					paged: p,
					results: p.items.map((x) => ({
						ref: { domain: d, kind: 'pressrelease' as const, id: x.id, title: x.title.trim() },
						subject: x.subjectName || x.releaseDate,
					})),
					entries: p.items.map((x) => ({
						kind: 'pressrelease' as const,
						id: x.id,
						domain: d,
						title: x.title,
						subject: x.subjectName,
						lang,
					})),
				})),
			];
		const settled = await Promise.allSettled(calls);
		const results: SearchResult[] = [];
		let error: unknown;
		let stale = false;
		for (const s of settled) {
			if (s.status === 'fulfilled') {
				results.push(...s.value.results);
				// Everything fetched feeds the local index: the next search works offline too.
				this.o.catalogue.index.add(s.value.entries);
				stale ||= s.value.paged.stale;
			} else if (!isCancelled(s.reason) && !(s.reason instanceof BpsError && s.reason.kind === 'noData')) {
				error ??= s.reason;
			}
		}
		if (error !== undefined && !signal.aborted) {
			this.stats.serverErrors++;
			this.log.warn(`search "${query}": ${error instanceof Error ? error.message : String(error)}`);
		}
		return { results, error: signal.aborted ? undefined : error, stale };
	}

	private notice(error: unknown): SearchItem {
		const offline =
			error === undefined ||
			(error instanceof BpsError && ['network', 'timeout', 'server', 'blocked'].includes(error.kind));
		return {
			label: offline
				? `$(cloud-offline) ${vscode.l10n.t('Offline — showing cached results')}`
				: `$(warning) ${describeError(error)}`,
			detail: vscode.l10n.t('Press Enter to try again'),
			alwaysShow: true,
			notice: true,
		};
	}

	private toItem(r: SearchResult): SearchItem {
		const kind = kindText(r.ref.kind);
		const item: SearchItem = {
			label: `$(${ICONS[r.ref.kind]}) ${r.ref.title ?? String(r.ref.id)}`,
			description: r.subject || undefined,
			detail: r.unit ? `${kind} · ${r.unit}` : kind,
			// The server and the index already filtered: VS Code's own fuzzy filter must not hide
			// results that matched on a subject, a unit or a substring.
			alwaysShow: true,
			result: r,
		};
		if (this.o.mode === 'browse') {
			const buttons: Array<vscode.QuickInputButton & { action: SearchAction }> = [
				{
					iconPath: new vscode.ThemeIcon('insert'),
					tooltip: vscode.l10n.t('Insert data into the editor'),
					action: 'insert',
				},
			];
			if (this.o.canReveal) {
				buttons.push({
					iconPath: new vscode.ThemeIcon('list-tree'),
					tooltip: vscode.l10n.t('Reveal in the BPS catalogue'),
					action: 'reveal',
				});
			}
			item.buttons = buttons;
		}
		return item;
	}
}

function fromEntry(e: SearchEntry): SearchResult {
	return {
		ref: {
			domain: e.domain,
			kind: e.kind,
			id: e.id,
			title: e.title.trim(),
			...(e.varId !== undefined ? { varId: e.varId } : {}),
		},
		subject: e.subject,
		unit: e.unit,
	};
}

function kindText(kind: ItemKind): string {
	switch (kind) {
		case 'var':
			return vscode.l10n.t('Dynamic table');
		case 'statictable':
			return vscode.l10n.t('Static table');
		case 'publication':
			return vscode.l10n.t('Publication');
		case 'pressrelease':
			return vscode.l10n.t('Press release');
		case 'indicator':
			return vscode.l10n.t('Indicator');
	}
}
