import * as vscode from 'vscode';
import { BpsError, isCancelled } from '../api/errors';
import type { Lang, Paged } from '../api/types';
import type { CatalogueService, FetchOptions } from '../catalogue/catalogueService';
import { classifyDomain, regionDisplayName } from '../catalogue/regions';
import { Commands, Views } from '../constants';
import { describeError, recordShown } from '../util/errors';
import { Disposable } from '../util/dispose';
import type { Logger } from '../util/logger';
import { htmlToText } from './htmlText';
import type {
	CatalogueNode,
	CategoryNode,
	ErrorNode,
	FolderKind,
	FolderNode,
	InfoNode,
	ItemNode,
	LoadMoreNode,
	PagedFolderKind,
	RegionNode,
	SubjectNode,
} from './nodes';
import { isItemNode } from './nodes';

/** Internal command behind "Load more…" nodes (not in package.json: only the tree invokes it). */
export const LOAD_MORE_COMMAND = 'bps.tree.loadMore';

const ROOT = '<root>';

/** What the provider needs from the rest of the extension. */
export interface CatalogueTreeDeps {
	catalogue: CatalogueService;
	hasKey: () => Promise<boolean>;
	domain: () => string;
	lang: () => Lang;
	log: Logger;
}

interface ChildState {
	children: CatalogueNode[];
	/** Refresh generation the children were loaded in. */
	gen: number;
	/** True when the children are real data (not an error node), i.e. worth keeping on a failed refresh. */
	good: boolean;
	fetchedAt: number;
}

/**
 * The catalogue sidebar: region → subject categories → subjects → dynamic and static tables,
 * plus Publications, Press Releases and Strategic Indicators folders.
 *
 * Children are loaded lazily and remembered per node. A refresh reloads with `bypassCache`; when
 * that fails, the last good children stay and a warning is shown. Failures without anything to
 * keep become error nodes (Retry, or Set API Key for a rejected key). Stale (offline) answers mark
 * the region node "offline — cached at HH:MM".
 */
export class CatalogueTreeProvider extends Disposable implements vscode.TreeDataProvider<CatalogueNode> {
	private readonly _onDidChangeTreeData = this._register(
		new vscode.EventEmitter<CatalogueNode | undefined>(),
	);
	readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

	private readonly state = new Map<string, ChildState>();
	private readonly nodes = new Map<string, CatalogueNode>();
	/** Node ids whose next load must bypass caches (Refresh on that node, Retry). */
	private readonly forced = new Set<string>();
	private gen = 0;
	/** Oldest fetch time of stale data on screen; undefined when everything is fresh. */
	private staleSince: number | undefined;
	private readonly inflight = new Map<string, Promise<CatalogueNode[]>>();

	constructor(private readonly deps: CatalogueTreeDeps) {
		super();
		this._register(vscode.commands.registerCommand(LOAD_MORE_COMMAND, (n: LoadMoreNode) => this.loadMore(n)));
	}

	// --- Public surface (commands and tests) --------------------------------------------------

	/**
	 * Re-fetch a node's children with `bypassCache` (or the whole tree). What was shown stays if
	 * the refresh fails.
	 */
	refresh(node?: CatalogueNode): void {
		if (!node || node.kind === 'region') {
			this.gen++;
			this.staleSince = undefined;
			this._onDidChangeTreeData.fire(undefined);
			return;
		}
		const target =
			node.kind === 'error' || node.kind === 'info' || node.kind === 'loadMore' || isItemNode(node)
				? this.parentOf(node)
				: node;
		if (!target) {
			this.refresh();
			return;
		}
		this.forced.add(target.id);
		this._onDidChangeTreeData.fire(target);
	}

	/** Forget everything (key, region or language changed): the next render starts from scratch. */
	reset(): void {
		this.state.clear();
		this.nodes.clear();
		this.forced.clear();
		this.inflight.clear();
		this.staleSince = undefined;
		this.gen++;
		this._onDidChangeTreeData.fire(undefined);
	}

	/** Every item node loaded so far (for palette pickers). */
	loadedItems(): ItemNode[] {
		return [...this.nodes.values()].filter(isItemNode);
	}

	/** A node by id, when it has been loaded. */
	getNode(id: string): CatalogueNode | undefined {
		return this.nodes.get(id);
	}

	/** When stale data is on screen, the oldest fetch time (epoch ms). */
	get staleFetchedAt(): number | undefined {
		return this.staleSince;
	}

	/**
	 * Labels of the tree, indented two spaces per level, expanding nodes whose label matches
	 * `expand` (all expandable nodes up to `depth` when omitted). Loads what it walks. For tests.
	 */
	async snapshot(opts: { depth?: number; expand?: RegExp } = {}): Promise<string[]> {
		const depth = opts.depth ?? 1;
		const out: string[] = [];
		const walk = async (parent: CatalogueNode | undefined, level: number): Promise<void> => {
			for (const n of await this.getChildren(parent)) {
				const desc = this.describe(n);
				out.push(`${'  '.repeat(level)}${n.label}${desc ? ` — ${desc}` : ''}`);
				const expandable = n.kind === 'category' || n.kind === 'subject' || n.kind === 'folder';
				if (expandable && level + 1 < depth && (!opts.expand || opts.expand.test(n.label))) {
					await walk(n, level + 1);
				}
			}
		};
		await walk(undefined, 0);
		return out;
	}

	// --- TreeDataProvider ---------------------------------------------------------------------

	getParent(node: CatalogueNode): CatalogueNode | undefined {
		return this.parentOf(node);
	}

	async getChildren(node?: CatalogueNode): Promise<CatalogueNode[]> {
		if (node && !(node.kind === 'category' || node.kind === 'subject' || node.kind === 'folder')) {
			return [];
		}
		if (!(await this.deps.hasKey())) {
			// No children: the view shows its welcome content (viewsWelcome, `!bps.hasKey`).
			return [];
		}
		const key = node?.id ?? ROOT;
		const st = this.state.get(key);
		if (st && st.gen >= this.gen && !this.forced.has(key)) {
			return st.children;
		}
		// One load per node at a time: VS Code and tests may ask concurrently.
		let p = this.inflight.get(key);
		if (!p) {
			p = this.reload(node, key, st).finally(() => this.inflight.delete(key));
			this.inflight.set(key, p);
		}
		return p;
	}

	getTreeItem(n: CatalogueNode): vscode.TreeItem {
		const collapsible =
			n.kind === 'category' || n.kind === 'subject' || n.kind === 'folder'
				? vscode.TreeItemCollapsibleState.Collapsed
				: vscode.TreeItemCollapsibleState.None;
		const item = new vscode.TreeItem(n.label, collapsible);
		item.id = n.id;
		item.description = this.describe(n) || undefined;
		item.iconPath = icon(n);
		item.contextValue = contextValue(n);
		item.tooltip = tooltip(n);
		switch (n.kind) {
			case 'region':
				item.command = { command: Commands.selectRegion, title: vscode.l10n.t('Select Region') };
				item.accessibilityInformation = {
					label: vscode.l10n.t('Region: {0}. Activate to choose another region.', n.name),
				};
				break;
			case 'loadMore':
				item.command = { command: LOAD_MORE_COMMAND, title: n.label, arguments: [n] };
				break;
			case 'error':
				item.command =
					n.action === 'setKey'
						? { command: Commands.setApiKey, title: vscode.l10n.t('Set API Key') }
						: { command: Commands.refresh, title: vscode.l10n.t('Retry'), arguments: [n] };
				break;
			case 'var':
			case 'statictable':
			case 'publication':
			case 'pressrelease':
			case 'indicator':
				item.command = { command: Commands.preview, title: vscode.l10n.t('Preview'), arguments: [n] };
				break;
		}
		return item;
	}

	// --- Loading ------------------------------------------------------------------------------

	private async reload(
		node: CatalogueNode | undefined,
		key: string,
		previous: ChildState | undefined,
	): Promise<CatalogueNode[]> {
		const bypassCache = !!previous || this.forced.has(key);
		this.forced.delete(key);
		const gen = this.gen;
		try {
			const { children, stale, fetchedAt } = await vscode.window.withProgress(
				{ location: { viewId: Views.catalogue } },
				() => this.load(node, { bypassCache }),
			);
			for (const c of children) this.nodes.set(c.id, c);
			// Children that are only an error (rejected key) are nothing worth keeping on a later failure.
			this.state.set(key, {
				children,
				gen,
				good: !children.some((c) => c.kind === 'error' && c.action === 'setKey'),
				fetchedAt,
			});
			if (stale) this.markStale(fetchedAt);
			return children;
		} catch (e) {
			if (isCancelled(e)) return previous?.children ?? [];
			this.deps.log.error(`loading ${key}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
			if (previous?.good) {
				// A refresh that fails keeps what was on screen.
				this.state.set(key, { ...previous, gen });
				this.markStale(previous.fetchedAt);
				void this.warnKept(e);
				return previous.children;
			}
			const children = [this.errorNode(e, node)];
			for (const c of children) this.nodes.set(c.id, c);
			this.state.set(key, { children, gen, good: false, fetchedAt: Date.now() });
			return children;
		}
	}

	private async load(
		node: CatalogueNode | undefined,
		opts: FetchOptions,
	): Promise<{ children: CatalogueNode[]; stale: boolean; fetchedAt: number }> {
		const f = new Fresh();
		const domain = node?.domain ?? this.deps.domain();
		const lang = this.deps.lang();
		const o: FetchOptions = { ...opts, lang };
		const c = this.deps.catalogue;
		const base = `${domain}/${lang}`;

		if (!node) {
			const [domains, subjects] = await Promise.allSettled([c.domains({ lang }), c.subjects(domain, o)]);
			const d = domains.status === 'fulfilled' ? domains.value.items.find((x) => x.id === domain) : undefined;
			const name = d ? regionDisplayName(d, regionLabels()) : domain;
			const region: RegionNode = {
				kind: 'region',
				id: 'region',
				domain,
				name,
				url: d?.url,
				label: vscode.l10n.t('Region: {0} ({1})', name, domain),
			};
			if (subjects.status === 'rejected') {
				const err = subjects.reason;
				if (err instanceof BpsError && (err.kind === 'badKey' || err.kind === 'noKey')) {
					return { children: [region, this.errorNode(err, undefined)], stale: false, fetchedAt: Date.now() };
				}
				throw err;
			}
			const s = f.add(subjects.value);
			const categories = new Map<number, CategoryNode>();
			for (const subj of s.items) {
				if (!categories.has(subj.categoryId)) {
					categories.set(subj.categoryId, {
						kind: 'category',
						id: `${base}/cat/${subj.categoryId}`,
						domain,
						categoryId: subj.categoryId,
						label: subj.categoryTitle.trim() || vscode.l10n.t('Category {0}', subj.categoryId),
					});
				}
			}
			const folders: FolderNode[] = (
				[
					['publications', vscode.l10n.t('Publications')],
					['pressReleases', vscode.l10n.t('Press Releases')],
					['indicators', vscode.l10n.t('Strategic Indicators')],
				] as Array<[FolderKind, string]>
			).map(([folder, label]) => ({ kind: 'folder', id: `${base}/${folder}`, domain, folder, label }));
			const cats = [...categories.values()].sort((a, b) => a.categoryId - b.categoryId);
			const children: CatalogueNode[] = [region, ...cats];
			if (!cats.length)
				children.push(
					this.info(undefined, domain, 'subjects', vscode.l10n.t('No subjects for this region.')),
				);
			return { children: [...children, ...folders], ...f.result() };
		}

		switch (node.kind) {
			case 'category': {
				const s = f.add(await c.subjects(domain, o));
				const subjects = s.items
					.filter((x) => x.categoryId === node.categoryId)
					.map((x): SubjectNode => ({
						kind: 'subject',
						id: `${base}/subj/${x.id}`,
						parentId: node.id,
						domain,
						subjectId: x.id,
						tableCount: x.tableCount,
						label: x.title.trim(),
					}));
				return { children: subjects.length ? subjects : [this.empty(node)], ...f.result() };
			}
			case 'subject': {
				const [vars, statics] = await Promise.allSettled([
					c.variables(domain, node.subjectId, o),
					c.staticTablesOfSubject(domain, node.subjectId, o),
				]);
				if (vars.status === 'rejected' && statics.status === 'rejected') throw vars.reason;
				const children: CatalogueNode[] = [];
				if (vars.status === 'fulfilled') {
					for (const v of f.add(vars.value).items) {
						children.push({
							kind: 'var',
							id: `${base}/var/${v.id}`,
							parentId: node.id,
							domain,
							label: v.title.trim(),
							ref: { domain, kind: 'var', id: v.id, title: v.title.trim() },
							item: v,
						});
					}
				} else {
					children.push(this.errorNode(vars.reason, node, 'vars'));
				}
				if (statics.status === 'fulfilled') {
					for (const t of f.add(statics.value).items) {
						children.push({
							kind: 'statictable',
							id: `${base}/static/${t.id}`,
							parentId: node.id,
							domain,
							label: t.title.trim(),
							ref: { domain, kind: 'statictable', id: t.id, title: t.title.trim() },
							item: t,
						});
					}
				} else {
					children.push(this.errorNode(statics.reason, node, 'static'));
				}
				return { children: children.length ? children : [this.empty(node)], ...f.result() };
			}
			case 'folder': {
				if (node.folder === 'indicators') {
					if (classifyDomain(domain).level === 'regency') {
						return {
							children: [
								this.info(
									node,
									domain,
									'regency',
									vscode.l10n.t(
										'Strategic indicators are published for Indonesia and the provinces only. Choose a province to see them.',
									),
								),
							],
							...f.result(),
						};
					}
					const items = f.add(await c.indicators(domain, o)).items.map((i): ItemNode => ({
						kind: 'indicator',
						id: `${base}/ind/${i.indicatorId}`,
						parentId: node.id,
						domain,
						label: i.title.trim(),
						ref: { domain, kind: 'indicator', id: i.indicatorId, title: i.title.trim(), varId: i.varId },
						item: i,
					}));
					return { children: items.length ? items : [this.empty(node)], ...f.result() };
				}
				const page = f.add(await this.fetchPage(node.folder, domain, 1, o));
				const items = this.pageNodes(node, page.items);
				const children: CatalogueNode[] = items.length ? items : [this.empty(node)];
				if (page.page < page.pages) children.push(this.loadMoreNode(node, 2, items.length, page.total));
				return { children, ...f.result() };
			}
			default:
				return { children: [], ...f.result() };
		}
	}

	private fetchPage(
		folder: PagedFolderKind,
		domain: string,
		page: number,
		o: FetchOptions,
	): Promise<Paged<unknown>> {
		return folder === 'publications'
			? this.deps.catalogue.publications(domain, page, o)
			: this.deps.catalogue.pressReleases(domain, page, o);
	}

	private pageNodes(folder: FolderNode, items: unknown[]): ItemNode[] {
		const domain = folder.domain;
		const base = `${domain}/${this.deps.lang()}`;
		if (folder.folder === 'publications') {
			return (items as Array<import('../api/types').Publication>).map((p) => ({
				kind: 'publication',
				id: `${base}/pub/${p.id}`,
				parentId: folder.id,
				domain,
				label: p.title.trim(),
				ref: { domain, kind: 'publication', id: p.id, title: p.title.trim() },
				item: p,
			}));
		}
		return (items as Array<import('../api/types').PressRelease>).map((p) => ({
			kind: 'pressrelease',
			id: `${base}/brs/${p.id}`,
			parentId: folder.id,
			domain,
			label: p.title.trim(),
			ref: { domain, kind: 'pressrelease', id: p.id, title: p.title.trim() },
			item: p,
		}));
	}

	private loadMoreNode(folder: FolderNode, nextPage: number, loaded: number, total: number): LoadMoreNode {
		return {
			kind: 'loadMore',
			id: `${folder.id}/more`,
			parentId: folder.id,
			domain: folder.domain,
			nextPage,
			loaded,
			total,
			label: vscode.l10n.t('Load more… ({0} of {1})', loaded, total),
		};
	}

	/** Appends the next page to a paged folder. Resolves with the folder's new children. */
	async loadMore(n: LoadMoreNode): Promise<CatalogueNode[]> {
		const folder = this.nodes.get(n.parentId);
		const st = this.state.get(n.parentId);
		if (!folder || folder.kind !== 'folder' || folder.folder === 'indicators' || !st) return [];
		try {
			const page = await vscode.window.withProgress({ location: { viewId: Views.catalogue } }, () =>
				this.fetchPage(folder.folder as PagedFolderKind, folder.domain, n.nextPage, {
					lang: this.deps.lang(),
				}),
			);
			if (page.stale) this.markStale(page.fetchedAt);
			const seen = new Set(st.children.map((c) => c.id));
			const fresh = this.pageNodes(folder, page.items).filter((c) => !seen.has(c.id));
			const kept = st.children.filter((c) => c.kind !== 'loadMore');
			const children: CatalogueNode[] = [...kept, ...fresh];
			const loaded = children.filter(isItemNode).length;
			if (page.page < page.pages && fresh.length)
				children.push(this.loadMoreNode(folder, n.nextPage + 1, loaded, page.total));
			for (const c of children) this.nodes.set(c.id, c);
			this.state.set(folder.id, { ...st, children });
			this._onDidChangeTreeData.fire(folder);
			return children;
		} catch (e) {
			this.deps.log.error(`load more ${folder.id}: ${e instanceof Error ? e.message : String(e)}`);
			void this.warnKept(e);
			return st.children;
		}
	}

	// --- Helpers ------------------------------------------------------------------------------

	private parentOf(node: CatalogueNode): CatalogueNode | undefined {
		return node.parentId ? this.nodes.get(node.parentId) : undefined;
	}

	private markStale(fetchedAt: number): void {
		const before = this.staleSince;
		this.staleSince = Math.min(before ?? fetchedAt, fetchedAt);
		if (before !== this.staleSince) {
			const region = this.nodes.get('region');
			if (region) this._onDidChangeTreeData.fire(region);
		}
	}

	private async warnKept(e: unknown): Promise<void> {
		const showLog = vscode.l10n.t('Show Log');
		const message = vscode.l10n.t('Refresh failed; showing the data loaded earlier. {0}', describeError(e));
		recordShown('warning', message, e);
		const choice = await vscode.window.showWarningMessage(message, showLog);
		if (choice === showLog) await vscode.commands.executeCommand(Commands.showLog);
	}

	private errorNode(e: unknown, parent: CatalogueNode | undefined, part = 'children'): ErrorNode {
		const kind = e instanceof BpsError ? e.kind : 'unknown';
		const badKey = kind === 'badKey' || kind === 'noKey';
		const label = badKey
			? vscode.l10n.t('The BPS API rejected the key — click to set a new one')
			: kind === 'blocked'
				? vscode.l10n.t('Blocked by a firewall — click to retry')
				: kind === 'network' || kind === 'timeout'
					? vscode.l10n.t('Cannot reach the BPS API — click to retry')
					: kind === 'server'
						? vscode.l10n.t('The BPS API had a server error — click to retry')
						: vscode.l10n.t('Could not load — click to retry');
		return {
			kind: 'error',
			id: `${parent?.id ?? 'root'}/error/${part}`,
			parentId: parent?.id,
			domain: parent?.domain ?? this.deps.domain(),
			errorKind: kind,
			action: badKey ? 'setKey' : 'retry',
			detail: describeError(e),
			label,
		};
	}

	private info(parent: CatalogueNode | undefined, domain: string, what: string, label: string): InfoNode {
		return { kind: 'info', id: `${parent?.id ?? 'root'}/info/${what}`, parentId: parent?.id, domain, label };
	}

	private empty(parent: CatalogueNode): InfoNode {
		return this.info(parent, parent.domain, 'empty', vscode.l10n.t('Nothing here'));
	}

	/** The grey text beside a label. */
	describe(n: CatalogueNode): string {
		switch (n.kind) {
			case 'region':
				return this.staleSince !== undefined
					? vscode.l10n.t('offline — cached at {0}', hhmm(this.staleSince))
					: '';
			case 'subject':
				return !n.tableCount
					? ''
					: n.tableCount === 1
						? vscode.l10n.t('1 table')
						: vscode.l10n.t('{0} tables', n.tableCount);
			case 'folder': {
				const st = this.state.get(n.id);
				const more = st?.children.find((c): c is LoadMoreNode => c.kind === 'loadMore');
				return more ? vscode.l10n.t('{0} of {1}', more.loaded, more.total) : '';
			}
			case 'var':
				return n.item.unit;
			case 'statictable':
				return [n.item.updated, n.item.size].filter(Boolean).join(' · ');
			case 'publication':
				return n.item.releaseDate;
			case 'pressrelease':
				return n.item.releaseDate;
			case 'indicator': {
				const v = n.item.value === null ? '–' : n.item.value.toLocaleString(vscode.env.language);
				return [`${v} ${n.item.unit}`.trim(), n.item.period].filter(Boolean).join(' · ');
			}
			case 'error':
				return n.detail;
			default:
				return '';
		}
	}
}

/** Tracks the freshness of the lists one load combined. */
class Fresh {
	private stale = false;
	private fetchedAt = Date.now();
	add<T extends { stale: boolean; fetchedAt: number }>(p: T): T {
		if (p.stale) {
			this.stale = true;
			this.fetchedAt = Math.min(this.fetchedAt, p.fetchedAt);
		}
		return p;
	}
	result(): { stale: boolean; fetchedAt: number } {
		return { stale: this.stale, fetchedAt: this.fetchedAt };
	}
}

function hhmm(t: number): string {
	const d = new Date(t);
	return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function regionLabels() {
	return {
		national: vscode.l10n.t('Indonesia'),
		regency: vscode.l10n.t('Kabupaten'),
		city: vscode.l10n.t('Kota'),
	};
}

function icon(n: CatalogueNode): vscode.ThemeIcon {
	switch (n.kind) {
		case 'region':
			return new vscode.ThemeIcon('globe');
		case 'category':
			return new vscode.ThemeIcon('library');
		case 'subject':
			return new vscode.ThemeIcon('folder');
		case 'folder':
			return new vscode.ThemeIcon(
				n.folder === 'publications' ? 'book' : n.folder === 'pressReleases' ? 'megaphone' : 'pulse',
			);
		case 'var':
			return new vscode.ThemeIcon('graph');
		case 'statictable':
			return new vscode.ThemeIcon('table');
		case 'publication':
			return new vscode.ThemeIcon('file-pdf');
		case 'pressrelease':
			return new vscode.ThemeIcon('note');
		case 'indicator':
			return new vscode.ThemeIcon('dashboard');
		case 'loadMore':
			return new vscode.ThemeIcon('ellipsis');
		case 'error':
			return n.action === 'setKey'
				? new vscode.ThemeIcon('key', new vscode.ThemeColor('errorForeground'))
				: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
		case 'info':
			return new vscode.ThemeIcon('info');
	}
}

/** Composite context values matched by regex in package.json `when` clauses. */
function contextValue(n: CatalogueNode): string {
	switch (n.kind) {
		case 'region':
			return 'region;copyable;web;refreshable';
		case 'category':
		case 'subject':
		case 'folder':
			return `${n.kind};refreshable`;
		case 'var':
		case 'indicator':
			return `${n.kind};previewable;insertable;copyable;web`;
		case 'statictable':
		case 'publication':
		case 'pressrelease':
			return `${n.kind};previewable;copyable;web`;
		default:
			return n.kind;
	}
}

/** Safe Markdown tooltips: no HTML, no command links; BPS text goes in through appendText. */
function tooltip(n: CatalogueNode): vscode.MarkdownString | string | undefined {
	const md = new vscode.MarkdownString(undefined, false);
	md.isTrusted = false;
	md.supportHtml = false;
	const title = (t: string) => md.appendMarkdown('**').appendText(t).appendMarkdown('**\n\n');
	const field = (name: string, value: string | number | null | undefined) => {
		if (value === undefined || value === null || value === '') return;
		md.appendMarkdown('*')
			.appendText(name)
			.appendMarkdown(':* ')
			.appendText(String(value))
			.appendMarkdown('  \n');
	};
	const block = (name: string, html: string) => {
		const text = htmlToText(html);
		if (!text) return;
		md.appendMarkdown('\n\n*').appendText(name).appendMarkdown('*\n\n').appendText(text);
	};
	switch (n.kind) {
		case 'var':
			title(n.label);
			field(vscode.l10n.t('ID'), n.item.id);
			field(vscode.l10n.t('Subject'), n.item.subjectName);
			field(vscode.l10n.t('Unit'), n.item.unit);
			block(vscode.l10n.t('Definition'), n.item.definition);
			block(vscode.l10n.t('Notes'), n.item.notes);
			return md;
		case 'statictable':
			title(n.label);
			field(vscode.l10n.t('ID'), n.item.id);
			field(vscode.l10n.t('Subject'), n.item.subjectName);
			field(vscode.l10n.t('Last update'), n.item.updated);
			field(vscode.l10n.t('Size'), n.item.size);
			return md;
		case 'publication':
			title(n.label);
			field(vscode.l10n.t('ID'), n.item.id);
			field(vscode.l10n.t('Released'), n.item.releaseDate);
			field('ISSN', n.item.issn);
			field(vscode.l10n.t('Size'), n.item.size);
			block(vscode.l10n.t('Abstract'), n.item.abstract);
			return md;
		case 'pressrelease':
			title(n.label);
			field(vscode.l10n.t('ID'), n.item.id);
			field(vscode.l10n.t('Subject'), n.item.subjectName);
			field(vscode.l10n.t('Released'), n.item.releaseDate);
			block(vscode.l10n.t('Abstract'), n.item.abstract);
			return md;
		case 'indicator':
			title(n.label);
			field(vscode.l10n.t('Indicator'), n.item.name);
			field(vscode.l10n.t('Value'), n.item.value === null ? null : `${n.item.value} ${n.item.unit}`.trim());
			field(vscode.l10n.t('Period'), n.item.period);
			field(vscode.l10n.t('Source'), n.item.dataSource);
			field(vscode.l10n.t('Dynamic table'), n.item.varId);
			return md;
		case 'region':
			title(n.label);
			md.appendText(vscode.l10n.t('Click to choose another region.'));
			return md;
		case 'error':
			return `${n.label}\n\n${n.detail}`;
		default:
			return undefined;
	}
}
