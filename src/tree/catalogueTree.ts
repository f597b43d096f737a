import * as vscode from 'vscode';
import { isCancelled } from '../api/errors';
import type { Lang } from '../api/types';
import type { CatalogueService } from '../catalogue/catalogueService';
import { Commands, Views } from '../constants';
import { describeError, recordShown } from '../util/errors';
import { Disposable } from '../util/dispose';
import type { Logger } from '../util/logger';
import { CatalogueLoader, type LoaderDeps } from './catalogueLoader';
import { staticCount, subjectTables } from './counts';
import * as make from './nodeFactory';
import type { CatalogueNode, ItemNode, LoadMoreNode } from './nodes';
import { hasChildren, isItemNode, isPagedFolderNode } from './nodes';
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
	/** Classification codes level by level; infographics and news a page at a time. */
	families: LoaderDeps['families'];
	glossary: LoaderDeps['glossary'];
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
 * The catalogue sidebar: region → subject categories → subjects → dynamic tables and a "Static
 * tables" folder, plus Publications, Press Releases and Strategic Indicators folders.
 *
 * Children are loaded lazily and remembered per node. A refresh reloads with `bypassCache`; when
 * that fails, the last good children stay and a warning is shown. Failures without anything to
 * keep become error nodes (Retry, or Set API Key for a rejected key). Stale (offline) answers mark
 * the region node "offline — cached at HH:MM". Children come from catalogueLoader.ts,
 * nodes are built by nodeFactory.ts and rendered by treeItems.ts.
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

	private readonly loader: CatalogueLoader;

	constructor(private readonly deps: CatalogueTreeDeps) {
		super();
		this.loader = new CatalogueLoader(deps);
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
				() => this.loader.load(node, { bypassCache }),
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

	/** Appends the next page to a paged folder. Resolves with the folder's new children. */
	async loadMore(n: LoadMoreNode): Promise<CatalogueNode[]> {
		const folder = this.nodes.get(n.parentId);
		const st = this.state.get(n.parentId);
		if (!isPagedFolderNode(folder) || !st) return [];
		try {
			const page = await vscode.window.withProgress({ location: { viewId: Views.catalogue } }, () =>
				this.loader.fetchPage(folder, n.nextPage, { lang: this.deps.lang() }),
			);
			if (page.stale) this.markStale(page.fetchedAt);
			const seen = new Set(st.children.map((c) => c.id));
			const fresh = this.loader.pageNodes(folder, page.items).filter((c) => !seen.has(c.id));
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
