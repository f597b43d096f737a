import * as vscode from 'vscode';
import type { Lang } from '../api/types';
import { itemKey, toItemRef, type ItemRef } from '../catalogue/itemRef';
import { censusAreaCodes } from '../catalogue/census';
import type { RegionFacts } from '../catalogue/regions';
import { Commands } from '../constants';
import type { InsertResult } from '../insert/apply';
import type { SnippetTable } from '../snippets/types';
import { assertNever } from '../util/assertNever';
import { Disposable } from '../util/dispose';
import { describeError } from '../util/errors';
import type { Logger } from '../util/logger';
import { exportMeta, panelAttribution } from './attribution';
import { exportBytes, type ExportMeta } from './export';
import { previewHtml } from './html';
import { shownSnippetTable } from './insertLayout';
import { ItemLoader, type LoaderDeps } from './itemLoader';
import {
	isHttpUrl,
	type Attribution,
	type ChangeHighlight,
	type DimensionView,
	type DynamicUiState,
	type ExportFormat,
	type ExportTable,
	type HostMessage,
	type InsertRequest,
	type WebviewMessage,
} from './protocol';
import { webviewStrings } from './strings';

/** What a panel needs from the rest of the extension. */
export interface PanelDeps {
	api: LoaderDeps['api'];
	families: LoaderDeps['families'];
	/** Name and website of a region (for the attribution banner and inserts). */
	region(code: string): Promise<RegionFacts>;
	extensionUri: vscode.Uri;
	lang(): Lang;
	log: Logger;
	/** Where to save an export; the manager shows a save dialog (tests replace it). */
	pickSaveUri(defaultName: string, format: ExportFormat): Promise<vscode.Uri | undefined>;
	/** The `bps.apiBaseUrl` setting, for the fetch-code formats of an insert. */
	apiBaseUrl(): string;
	/** The text document the user was last typing in (the webview has the focus while they click Insert). */
	targetUri(): vscode.Uri | undefined;
}

/** One message crossing the panel's webview boundary (for the test hooks' record). */
export type PanelTraffic = { dir: 'sent'; m: HostMessage } | { dir: 'received'; m: WebviewMessage };

let nextPanelId = 1;

/**
 * One preview panel: owns its webview and its lifecycle, routes the webview's messages, and
 * aborts whatever it is loading when it closes. Loading is the {@link ItemLoader}'s job;
 * attribution, export and insert layout live beside it.
 */
export class PreviewPanel extends Disposable {
	readonly id = `preview-${nextPanelId++}`;
	readonly key: string;
	private ready = false;
	/** Aborted when the panel closes: every call the panel makes listens to it. */
	private readonly lifetime = new AbortController();
	private readonly loader: ItemLoader;
	private readonly onDidDisposeEmitter = this._register(new vscode.EventEmitter<void>());
	readonly onDidDispose = this.onDidDisposeEmitter.event;
	private readonly onDidChangeTitleEmitter = this._register(new vscode.EventEmitter<void>());
	/** Fires when the loaded item renames the panel (its real title, a census panel's areas). */
	readonly onDidChangeTitle = this.onDidChangeTitleEmitter.event;
	private readonly onDidReceiveEmitter = this._register(new vscode.EventEmitter<WebviewMessage>());
	/** Fires after each webview message is handled. */
	readonly onDidReceive = this.onDidReceiveEmitter.event;
	private readonly onTrafficEmitter = this._register(new vscode.EventEmitter<PanelTraffic>());
	/** Every message posted to the webview and received from it, as it happens. */
	readonly onTraffic = this.onTrafficEmitter.event;
	private readonly lang: Lang;
	/** The banner sent with `init`: exports and inserts name the same region and website. */
	private attribution: Attribution | undefined;
	/** The region of the banner, asked for when the panel opens (see the constructor). */
	private region: Promise<RegionFacts> | undefined;
	/** Changes the grid highlights ("Show changes"); sent again to a webview that restarts. */
	private changes: ChangeHighlight | undefined;
	/** The rows / derived variable / sub-period to show (a favourite's), until the webview has them. */
	private view: DimensionView | undefined;
	/** The webview's UI state as it last reported it (what a favourite pinned from here keeps). */
	private ui: DynamicUiState | undefined;

	constructor(
		readonly panel: vscode.WebviewPanel,
		ref: ItemRef,
		private readonly deps: PanelDeps,
		fresh = false,
	) {
		super();
		this.key = itemKey(ref);
		this.lang = deps.lang();
		panel.title = ref.title ?? `BPS ${ref.kind} ${ref.id}`;
		panel.webview.options = {
			enableScripts: true,
			enableCommandUris: false,
			localResourceRoots: [
				vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview'),
				vscode.Uri.joinPath(deps.extensionUri, 'media'),
			],
		};
		panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'bps-activity.svg');
		this.loader = new ItemLoader({
			api: deps.api,
			families: deps.families,
			website: () =>
				(this.region ?? deps.region(ref.domain)).then(
					(r) => r.website,
					() => undefined,
				),
			ref,
			lang: this.lang,
			log: deps.log,
			lifetime: this.lifetime.signal,
			post: (m) => this.post(m),
			setTitle: (t) => {
				if (panel.title === t) return;
				panel.title = t;
				this.onDidChangeTitleEmitter.fire();
			},
		});
		this._register(panel.webview.onDidReceiveMessage((m: WebviewMessage) => void this.onMessage(m)));
		this._register(
			panel.onDidDispose(() => {
				this.lifetime.abort();
				this.onDidDisposeEmitter.fire();
				this.dispose();
			}),
		);
		panel.webview.html = previewHtml(panel.webview, deps.extensionUri, this.lang, vscode.Uri);
		if (ref.kind === 'var') this.loader.prefetchVar(ref.id, fresh);
		// The banner's region (a domain-list request when the cache is cold) is asked for now, while
		// the webview boots, not after its `ready`: `init` then waits on no extra round trip.
		this.region = deps.region(ref.domain);
		this.region.catch(() => undefined);
	}

	/**
	 * The item as shown now: what it opened with, but a census preview names the areas chosen since
	 * (links, favourites and a restored panel keep them).
	 */
	get ref(): ItemRef {
		return this.loader.ref;
	}

	/** True when the panel's data calls have been aborted (closed). */
	get aborted(): boolean {
		return this.lifetime.signal.aborted;
	}

	reveal(): void {
		this.panel.reveal(undefined, false);
	}

	/**
	 * The item opened again (a link, a favourite, the contract): a census ref that names areas shows
	 * those; one that names none (the tree's node) leaves the areas the user chose.
	 */
	follow(ref: ItemRef): void {
		const now = this.ref;
		if (ref.kind !== 'census' || now.kind !== 'census' || (!ref.area && !ref.areas?.length)) return;
		const want = censusAreaCodes(ref);
		if (want.join() !== censusAreaCodes(now).join()) void this.loader.pickAreas(want);
	}

	/** Post to the webview, never before its `ready` (the handshake). */
	post(m: HostMessage): void {
		if (!this.ready || this.isDisposed) return;
		this.onTrafficEmitter.fire({ dir: 'sent', m });
		void this.panel.webview.postMessage(m);
	}

	/** Handles one webview message. Public so integration tests can drive the host side directly. */
	async onMessage(m: WebviewMessage): Promise<void> {
		this.onTrafficEmitter.fire({ dir: 'received', m });
		try {
			switch (m.type) {
				case 'ready':
					this.ready = true;
					this.post(await this.initMessage());
					if (this.view) this.post({ type: 'view', view: this.view });
					if (this.changes) this.post({ type: 'highlight', changes: this.changes });
					void this.loader.start();
					break;
				case 'state':
					// The webview keeps it (setState); the host only remembers the view shown.
					if (itemKey(m.state.ref) === this.key) this.ui = m.state.ui;
					break;
				case 'load':
					await this.loader.loadDynamic(m.requestId, m.periods, m.turvar, m.turth, m.column);
					break;
				case 'cancel':
					this.loader.cancel(m.requestId);
					break;
				case 'retry':
					void this.loader.start({ fresh: true });
					break;
				case 'pickArea':
					await this.loader.pickAreas(m.areas ?? (m.area !== undefined ? [m.area] : undefined));
					break;
				case 'export':
					await this.export(m.requestId, m.format, m.table);
					break;
				case 'copy':
					await vscode.env.clipboard.writeText(m.text);
					break;
				case 'insert':
					await this.insert(m);
					break;
				case 'openExternal':
					if (isHttpUrl(m.url)) await vscode.env.openExternal(vscode.Uri.parse(m.url));
					else this.deps.log.warn(`refused to open a non-http(s) link from the preview`);
					break;
				case 'openItem': {
					const ref = toItemRef(m.ref);
					if (ref) await vscode.commands.executeCommand(Commands.preview, ref);
					break;
				}
				case 'rendered':
				case 'chart':
				case 'highlighted':
					this.deps.log.debug(`${this.key}: ${JSON.stringify(m)}`);
					break;
				default:
					assertNever(m, 'message');
			}
		} finally {
			this.onDidReceiveEmitter.fire(m);
		}
	}

	private async initMessage(): Promise<HostMessage> {
		const language = vscode.env.language.toLowerCase();
		const locale = language === 'id' || language.startsWith('id-') ? 'id-ID' : vscode.env.language;
		const region = await (this.region ?? this.deps.region(this.ref.domain));
		this.region = undefined;
		this.attribution = panelAttribution(region, this.lang, locale);
		return {
			type: 'init',
			ref: { ...this.ref },
			strings: webviewStrings(),
			locale,
			lang: this.lang,
			attribution: this.attribution,
		};
	}

	/** Shows `view`'s rows, derived variable and sub-period (all of them where it has none). */
	showView(view: DimensionView): void {
		this.view = view;
		this.post({ type: 'view', view });
	}

	/** The rows, derived variable and sub-period a dynamic table shows now (as the webview said). */
	shownView(): DimensionView | undefined {
		if (this.ref.kind !== 'var' || !this.ui) return undefined;
		const { rows, turvar, turtahun } = this.ui;
		return { rows, turvar, turtahun };
	}

	/** Highlights `changes` in the grid, now or as soon as the webview is ready. */
	showChanges(changes: ChangeHighlight): void {
		this.changes = changes;
		this.post({ type: 'highlight', changes });
	}

	/** The provenance every export carries. */
	exportMeta(): ExportMeta {
		return exportMeta(this.ref, this.lang, this.attribution);
	}

	/** The year labels a dynamic table shows now (for a link to the same view); undefined otherwise. */
	shownYears(): string[] | undefined {
		const shown = this.loader.shown;
		return shown && shown.kind !== 'static' ? shown.table.tahun.map((t) => t.label) : undefined;
	}

	/**
	 * The table the panel shows as a `SnippetTable`, laid out as the webview asked (`long`: a
	 * dynamic table's cells in the tidy schema). Undefined when nothing is shown yet (or a
	 * document is).
	 * @throws RangeError for a pivot the table cannot take.
	 */
	snippetTable(
		m: Pick<InsertRequest, 'pivot' | 'rows'>,
		layout: 'wide' | 'long' = 'wide',
	): SnippetTable | undefined {
		const shown = this.loader.shown;
		if (!shown) return undefined;
		const context = {
			ref: this.ref,
			lang: this.lang,
			domainName: this.attribution?.regionName ?? this.ref.domain,
			sourceUrl: this.exportMeta().sourceUrl,
			apiBaseUrl: this.deps.apiBaseUrl(),
		};
		return shownSnippetTable(shown, m, context, layout);
	}

	/** "Insert into editor": runs `bps.insertData` with the table and the editor the user was last in. */
	private async insert(m: InsertRequest): Promise<void> {
		if (this.ref.kind === 'classification' || this.ref.kind === 'glossary') {
			// A code, its lookup table or a definition: laid out by bps.insertData from the (cached) entry.
			const res = await vscode.commands.executeCommand<InsertResult | undefined>(Commands.insertData, {
				ref: this.ref,
				lookup: m.lookup,
				format: m.format,
				targetUri: this.deps.targetUri()?.toString(),
			});
			this.post({ type: 'inserted', requestId: m.requestId, target: res ? displayName(res.uri) : undefined });
			return;
		}
		let snippetTable: SnippetTable | undefined;
		try {
			snippetTable = this.snippetTable(m);
		} catch (e) {
			// A status line, not the error page: the table the user is looking at stays.
			this.post({ type: 'inserted', requestId: m.requestId, error: describeError(e) });
			return;
		}
		if (!snippetTable) {
			this.post({ type: 'inserted', requestId: m.requestId });
			return;
		}
		const res = await vscode.commands.executeCommand<InsertResult | undefined>(Commands.insertData, {
			snippetTable,
			// Data frames, JSON and code get the tidy schema; Markdown/CSV/TSV the grid as shown.
			longTable: this.loader.shown?.kind !== 'static' ? this.snippetTable(m, 'long') : undefined,
			format: m.format,
			targetUri: this.deps.targetUri()?.toString(),
		});
		this.post({
			type: 'inserted',
			requestId: m.requestId,
			rows: res ? snippetTable.rows.length : undefined,
			target: res ? displayName(res.uri) : undefined,
		});
	}

	/**
	 * A census preview's JSON export: the host's tidy rows (area code and name, category codes and
	 * names, year, period, value) rather than the grid's, whose rows name areas and categories together.
	 */
	private censusTidy(): ExportTable | undefined {
		if (this.ref.kind !== 'census') return undefined;
		const st = this.snippetTable({}, 'long');
		return st && { title: st.title, columns: st.columns.map((c) => c.name), rows: st.rows };
	}

	private async export(requestId: number, format: ExportFormat, table: ExportTable): Promise<void> {
		const name = `bps-${this.ref.domain}-${this.ref.kind}-${this.ref.id}.${format}`.replace(/[^\w.-]+/g, '_');
		const uri = await this.deps.pickSaveUri(name, format);
		if (!uri) {
			this.post({ type: 'exported', requestId });
			return;
		}
		try {
			const tidy = format === 'json' ? this.censusTidy() : undefined;
			await vscode.workspace.fs.writeFile(uri, exportBytes(format, tidy ?? table, this.exportMeta()));
			this.post({ type: 'exported', requestId, path: uri.fsPath });
		} catch (e) {
			this.post({ type: 'error', requestId, message: describeError(e) });
		}
	}
}

/** The file name (or "Untitled-1") of a document URI, for the status line. */
function displayName(uri: string): string {
	const path = vscode.Uri.parse(uri).path;
	return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || uri;
}
