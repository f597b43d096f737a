import * as vscode from 'vscode';
import { BpsError, isCancelled } from '../api/errors';
import type { Lang, Paged } from '../api/types';
import type { CatalogueService, FetchOptions } from '../catalogue/catalogueService';
import type { ApiRecords } from '../catalogue/items';
import { classifyDomain } from '../catalogue/regions';
import { Commands, Views } from '../constants';
import { assertNever } from '../util/assertNever';
import { describeError, recordShown } from '../util/errors';
import { Disposable } from '../util/dispose';
import type { Logger } from '../util/logger';
import { Fresh, staticCount, subjectTables } from './counts';
import * as make from './nodeFactory';
import type {
	CatalogueNode,
	FolderNode,
	ItemNode,
	LoadMoreNode,
	PagedFolderKind,
	SubjectNode,
} from './nodes';
import { hasChildren, isItemNode, isPagedFolder } from './nodes';
import { describeNode, LOAD_MORE_COMMAND, treeItem, type DescribeContext } from './treeItems';

export { LOAD_MORE_COMMAND };

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

interface Loaded {
	children: CatalogueNode[];
	stale: boolean;
	fetchedAt: number;
}

/**
 * The catalogue sidebar: region → subject categories → subjects → dynamic tables and a "Static
 * tables" folder, plus Publications, Press Releases and Strategic Indicators folders.
 *
 * Children are loaded lazily and remembered per node. A refresh reloads with `bypassCache`; when
 * that fails, the last good children stay and a warning is shown. Failures without anything to
 * keep become error nodes (Retry, or Set API Key for a rejected key). Stale (offline) answers mark
 * the region node "offline — cached at HH:MM". Nodes are built by nodeFactory.ts and rendered by
 * treeItems.ts.
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
	private readonly describeContext: DescribeContext = {
		staleSince: undefined,
		folderProgress: (id) =>
			this.state.get(id)?.children.find((c): c is LoadMoreNode => c.kind === 'loadMore'),
		subjectTables: (id) => subjectTables((k) => this.state.get(k)?.children, id),
		folderCount: (id) => staticCount((k) => this.state.get(k)?.children, id),
	};

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
		const target = hasChildren(node) ? node : this.parentOf(node);
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

	/** Every item node loaded so far. */
	loadedItems(): ItemNode[] {
		return [...this.nodes.values()].filter(isItemNode);
	}

	/** When stale data is on screen, the oldest fetch time (epoch ms). */
	get staleFetchedAt(): number | undefined {
		return this.staleSince;
	}

	/** The grey text beside a node's label. */
	describe(n: CatalogueNode): string {
		return describeNode(n, { ...this.describeContext, staleSince: this.staleSince });
	}

	// --- TreeDataProvider ---------------------------------------------------------------------

	getParent(node: CatalogueNode): CatalogueNode | undefined {
		return this.parentOf(node);
	}

	async getChildren(node?: CatalogueNode): Promise<CatalogueNode[]> {
		if (node && !hasChildren(node)) {
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
		return treeItem(n, { ...this.describeContext, staleSince: this.staleSince });
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
			this.recount(node);
			return children;
		} catch (e) {
			// A load overtaken by a whole-tree refresh (new key, base URL or language) is stale news.
			if (isCancelled(e) || gen !== this.gen) return previous?.children ?? [];
			this.deps.log.error(`loading ${key}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
			if (previous?.good) {
				// A refresh that fails keeps what was on screen.
				this.state.set(key, { ...previous, gen });
				this.markStale(previous.fetchedAt);
				void this.warnKept(e);
				return previous.children;
			}
			const children = [make.errorNode(e, node, this.deps.domain())];
			for (const c of children) this.nodes.set(c.id, c);
			this.state.set(key, { children, gen, good: false, fetchedAt: Date.now() });
			return children;
		}
	}

	/** The children of one node (or of the root), and how fresh the lists behind them are. */
	private async load(node: CatalogueNode | undefined, opts: FetchOptions): Promise<Loaded> {
		const f = new Fresh();
		const domain = node?.domain ?? this.deps.domain();
		const lang = this.deps.lang();
		const o: FetchOptions = { ...opts, lang };
		const c = this.deps.catalogue;
		const base = make.idBase(domain, lang);
		const orEmpty = (parent: CatalogueNode, children: CatalogueNode[]): Loaded => ({
			children: children.length ? children : [make.emptyNode(parent)],
			...f.result(),
		});

		if (!node) return this.loadRoot(domain, lang, o);
		switch (node.kind) {
			case 'category':
				return orEmpty(node, make.subjectNodes(base, node, f.add(await c.subjects(domain, o)).items));
			case 'subject':
				return this.loadSubject(node, o);
			case 'folder': {
				if (node.folder === 'staticTables') {
					const statics = f.add(await c.staticTablesOfSubject(domain, node.subjectId ?? -1, o));
					return orEmpty(node, make.itemNodes(base, node, 'statictable', statics.items));
				}
				if (node.folder === 'indicators') {
					if (classifyDomain(domain).level === 'regency') {
						return { children: [make.regencyIndicatorsNode(node)], ...f.result() };
					}
					return orEmpty(
						node,
						make.itemNodes(base, node, 'indicator', f.add(await c.indicators(domain, o)).items),
					);
				}
				if (!isPagedFolder(node.folder)) return orEmpty(node, await this.loadNational(node, o, f));
				const page = f.add(await this.fetchPage(node.folder, domain, 1, o));
				const items = this.pageNodes(node, page.items);
				const children: CatalogueNode[] = items.length ? items : [make.emptyNode(node)];
				if (page.page < page.pages) children.push(make.loadMoreNode(node, 2, items.length, page.total));
				return { children, ...f.result() };
			}
			case 'region':
			case 'var':
			case 'statictable':
			case 'publication':
			case 'pressrelease':
			case 'indicator':
			case 'loadMore':
			case 'error':
			case 'info':
				return { children: [], ...f.result() };
			default:
				return assertNever(node, 'node kind');
		}
	}

	/** The region node, the subject categories and the three folders. */
	private async loadRoot(domain: string, lang: Lang, o: FetchOptions): Promise<Loaded> {
		const f = new Fresh();
		const base = make.idBase(domain, lang);
		const [region, subjects] = await Promise.all([
			this.deps.catalogue.region(domain, { lang }),
			this.deps.catalogue.subjects(domain, o).then(
				(s) => ({ ok: true as const, s }),
				(err: unknown) => ({ ok: false as const, err }),
			),
		]);
		const regionNode = make.regionNode(region);
		if (!subjects.ok) {
			const err = subjects.err;
			if (err instanceof BpsError && (err.kind === 'badKey' || err.kind === 'noKey')) {
				return {
					children: [regionNode, make.errorNode(err, undefined, domain)],
					stale: false,
					fetchedAt: Date.now(),
				};
			}
			throw err;
		}
		const cats = make.categoryNodes(base, domain, f.add(subjects.s).items);
		const children: CatalogueNode[] = [regionNode, ...cats];
		if (!cats.length)
			children.push(
				make.infoNode(undefined, domain, 'subjects', vscode.l10n.t('No subjects for this region.')),
			);
		return {
			children: [...children, ...make.folderNodes(base, domain, lang), ...make.nationalFolderNodes(base)],
			...f.result(),
		};
	}

	/**
	 * A subject: its dynamic tables (the API filters them by subject), then its "Static tables"
	 * folder. The API cannot filter static tables by subject, so they are fetched (the whole
	 * domain's list) only when that folder opens; once that list is in memory, the folder is
	 * left out for subjects without static tables.
	 */
	private async loadSubject(node: SubjectNode, o: FetchOptions): Promise<Loaded> {
		const f = new Fresh();
		const lang = o.lang ?? this.deps.lang();
		const base = make.idBase(node.domain, lang);
		const c = this.deps.catalogue;
		const [vars, known] = await Promise.all([
			c.variables(node.domain, node.subjectId, o),
			c.staticTablesOfSubjectIfLoaded(node.domain, node.subjectId, o).catch(() => undefined),
		]);
		const children: CatalogueNode[] = make.itemNodes(base, node, 'var', f.add(vars).items);
		if (!known || known.items.length) children.push(make.staticFolderNode(node, lang));
		return { children: children.length ? children : [make.emptyNode(node)], ...f.result() };
	}

	/**
	 * A subject's count is known once its children load, and grows when its static tables do: VS
	 * Code rendered its row before, so it is asked for again (after this load has returned).
	 */
	private recount(loaded: CatalogueNode | undefined): void {
		const subject =
			loaded?.kind === 'subject'
				? loaded
				: loaded?.kind === 'folder' && loaded.folder === 'staticTables'
					? this.parentOf(loaded)
					: undefined;
		if (subject) setTimeout(() => this._onDidChangeTreeData.fire(subject), 0);
	}

	/** The children of the national SDGs and SDDS folders (the same under every region). */
	private async loadNational(node: FolderNode, o: FetchOptions, f: Fresh): Promise<CatalogueNode[]> {
		const c = this.deps.catalogue;
		switch (node.folder) {
			case 'sdgs':
				return make.sdgGoalNodes(node, f.add(await c.sdgs(o)).items);
			case 'sdgGoal':
				return make.sdgItemNodes(node, f.add(await c.sdgs(o)).items);
			case 'sdds':
				return make.sddsCategoryNodes(node, f.add(await c.sdds(o)).items);
			case 'sddsCategory':
				return make.sddsItemNodes(node, f.add(await c.sdds(o)).items);
			case 'indicators':
			case 'publications':
			case 'pressReleases':
			case 'staticTables':
				return [];
			default:
				return assertNever(node.folder, 'folder kind');
		}
	}

	private fetchPage(
		folder: PagedFolderKind,
		domain: string,
		page: number,
		o: FetchOptions,
	): Promise<Paged<ApiRecords['publication'] | ApiRecords['pressrelease']>> {
		return folder === 'publications'
			? this.deps.catalogue.publications(domain, page, o)
			: this.deps.catalogue.pressReleases(domain, page, o);
	}

	private pageNodes(folder: FolderNode, items: unknown[]): ItemNode[] {
		const base = make.idBase(folder.domain, this.deps.lang());
		return folder.folder === 'publications'
			? make.itemNodes(base, folder, 'publication', items as ApiRecords['publication'][])
			: make.itemNodes(base, folder, 'pressrelease', items as ApiRecords['pressrelease'][]);
	}

	/** Appends the next page to a paged folder. Resolves with the folder's new children. */
	async loadMore(n: LoadMoreNode): Promise<CatalogueNode[]> {
		const folder = this.nodes.get(n.parentId);
		const st = this.state.get(n.parentId);
		if (!folder || folder.kind !== 'folder' || !st) return [];
		const paged = folder.folder;
		if (paged !== 'publications' && paged !== 'pressReleases') return [];
		try {
			const page = await vscode.window.withProgress({ location: { viewId: Views.catalogue } }, () =>
				this.fetchPage(paged, folder.domain, n.nextPage, { lang: this.deps.lang() }),
			);
			if (page.stale) this.markStale(page.fetchedAt);
			const seen = new Set(st.children.map((c) => c.id));
			const fresh = this.pageNodes(folder, page.items).filter((c) => !seen.has(c.id));
			const kept = st.children.filter((c) => c.kind !== 'loadMore');
			const children: CatalogueNode[] = [...kept, ...fresh];
			const loaded = children.filter(isItemNode).length;
			if (page.page < page.pages && fresh.length)
				children.push(make.loadMoreNode(folder, n.nextPage + 1, loaded, page.total));
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
}
