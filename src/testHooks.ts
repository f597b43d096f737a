/**
 * Internals that integration tests and the host benchmark may inspect (tree provider, preview
 * panels and the messages they exchanged, request counts…). Built by the composition root and
 * exposed as `_test` on the public API only when the extension host runs with BPS_TEST=1 (the
 * test harness sets it). Test-only records (a panel's messages) live here, not on the classes.
 */
import type * as vscode from 'vscode';
import type { McpDefinitionProvider } from './ai/lmApi';
import { prepare as lmPrepare } from './ai/lmTools';
import type { CatalogueService } from './catalogue/catalogueService';
import { keyPrompts } from './commands/apiKey';
import type { Features } from './commands/features';
import type { FavouritesView } from './favourites/favouritesView';
import type { FavouritesStore } from './favourites/store';
import type { LazyFeatures } from './lazy/lazyFeatures';
import { lazyStats } from './lazy/load';
import type { LoadedFeatures } from './lazy/features';
import type { LinkOpener } from './links/registerLinks';
import type { PreviewManager } from './preview/previewManager';
import type { PreviewPanel } from './preview/previewPanel';
import type { HostMessage, PersistedState, WebviewMessage } from './preview/protocol';
import type { SearchController } from './search/searchController';
import type { Services } from './services';
import type { CatalogueTreeProvider } from './tree/catalogueTree';
import type { CatalogueNode } from './tree/nodes';
import { shownMessages } from './util/errors';
import { recentLogLines } from './util/logger';

/** A preview panel as tests see it: the panel, plus every message it sent and received. */
export interface PanelProbe {
	readonly id: string;
	readonly key: string;
	/** The item as shown now (a census preview's chosen areas included). */
	readonly ref: PreviewPanel['ref'];
	readonly panel: vscode.WebviewPanel;
	readonly aborted: boolean;
	/** Every message posted to the webview, in order. */
	readonly sent: HostMessage[];
	readonly received: WebviewMessage[];
	/** Drives the host side as if the webview had posted `m`. */
	onMessage(m: WebviewMessage): Promise<void>;
	readonly onDidReceive: vscode.Event<WebviewMessage>;
	post(m: HostMessage): void;
	/** The year labels a dynamic table shows now. */
	shownYears(): string[] | undefined;
}

/** The preview manager as tests see it. */
export interface PreviewsProbe {
	get(idOrKey: string): PanelProbe | undefined;
	all(): PanelProbe[];
	/** Where exports are saved; tests replace it to export without a dialog. */
	pickSaveUri: PreviewManager['pickSaveUri'];
	/** Restores a panel from a webview's saved state, as VS Code does after a window reload. */
	restore(panel: vscode.WebviewPanel, state: PersistedState | undefined): Promise<void>;
}

export interface TestHooks {
	services: Services;
	catalogue: CatalogueService;
	tree: CatalogueTreeProvider;
	treeView: vscode.TreeView<CatalogueNode>;
	search: SearchController;
	previews: PreviewsProbe;
	/** Every error or warning message the extension showed, newest last (bounded). */
	messages: typeof shownMessages;
	recentLogLines: () => readonly string[];
	/** The dialogs of `bps.setApiKey`, which tests answer. */
	keyPrompts: typeof keyPrompts;
	/** Opens a link as the URI handler does. */
	links?: LinkOpener;
	/** The favourites store and the Favourites view's provider (with its drag and drop). */
	favourites?: FavouritesStore;
	favouritesView?: FavouritesView;
	/** The confirmation each language-model tool shows before it runs. */
	lmPrepare: typeof lmPrepare;
	/** The MCP server definition provider, when this VS Code has the API. */
	mcpProvider?: McpDefinitionProvider;
	/** How long loading the lazily loaded bundle took (NaN until first use). */
	lazy: typeof lazyStats;
	/** The foreign-trade picker (its step on screen, for tests to answer). */
	readonly tradePicker: Features['tradePicker'];
}

/** Hooks over features registered outside the commands. */
export type ExtraHooks = Pick<TestHooks, 'links' | 'mcpProvider' | 'favourites' | 'favouritesView'>;

export function testHooksEnabled(): boolean {
	return process.env.BPS_TEST === '1';
}

/** The hooks over what the composition root built; starts recording panel messages at once. */
export function createTestHooks(lf: LazyFeatures, extra: ExtraHooks = {}): TestHooks {
	const f = lf.features;
	return {
		services: f.services,
		catalogue: f.services.catalogue,
		tree: f.tree.tree,
		treeView: f.tree.view,
		// Getters: reading them loads the features, which activation leaves for first use.
		get search() {
			return f.search;
		},
		get tradePicker() {
			return f.tradePicker;
		},
		previews: previewsProbe(() => f.previews, lf.whenLoaded),
		messages: shownMessages,
		recentLogLines,
		keyPrompts,
		lmPrepare,
		lazy: lazyStats,
		...extra,
	};
}

function previewsProbe(
	managerOf: () => PreviewManager,
	whenLoaded: (fn: (f: LoadedFeatures) => void) => void,
): PreviewsProbe {
	const probes = new WeakMap<PreviewPanel, PanelProbe>();
	const probeOf = (p: PreviewPanel): PanelProbe => {
		let probe = probes.get(p);
		if (!probe) {
			const sent: HostMessage[] = [];
			const received: WebviewMessage[] = [];
			p.onTraffic((t) => (t.dir === 'sent' ? sent.push(t.m) : received.push(t.m)));
			probe = {
				id: p.id,
				key: p.key,
				get ref() {
					return p.ref;
				},
				panel: p.panel,
				get aborted() {
					return p.aborted;
				},
				sent,
				received,
				onMessage: (m) => p.onMessage(m),
				onDidReceive: p.onDidReceive,
				post: (m) => p.post(m),
				shownYears: () => p.shownYears(),
			};
			probes.set(p, probe);
		}
		return probe;
	};
	// Record from the first message: a panel is probed as soon as it opens.
	whenLoaded((loaded) => loaded.previews.onDidOpen(probeOf));
	return {
		get: (idOrKey) => {
			const p = managerOf().get(idOrKey);
			return p && probeOf(p);
		},
		all: () => managerOf().all().map(probeOf),
		restore: (panel, state) => managerOf().deserializeWebviewPanel(panel, state),
		get pickSaveUri() {
			return managerOf().pickSaveUri;
		},
		set pickSaveUri(fn) {
			managerOf().pickSaveUri = fn;
		},
	};
}
