import * as vscode from 'vscode';
import type { BpsApi } from '../api/api';
import { ATTRIBUTION_EN, ATTRIBUTION_ID, BPS_HOME, SOURCE_LINE } from '../api/attribution';
import { isCancelled } from '../api/errors';
import { defaultPivot } from '../api/table';
import type { DimItem, DynamicTable, Lang } from '../api/types';
import { itemKey, type ItemRef } from '../catalogue/itemRef';
import { Commands } from '../constants';
import type { InsertResult } from '../insert/apply';
import { snippetTableFromDynamic } from '../snippets/fromTable';
import { parseHtmlTable, structureGrid } from '../snippets/htmlTable';
import type { SnippetTable } from '../snippets/types';
import { Disposable } from '../util/dispose';
import { describeError } from '../util/errors';
import type { Logger } from '../util/logger';
import { exportBytes, type ExportMeta } from './export';
import { previewHtml } from './html';
import { defaultPeriods, sortPeriods } from './periods';
import {
	assertNever,
	isHttpUrl,
	toWire,
	type Attribution,
	type ExportFormat,
	type DynamicDims,
	type ExportTable,
	type HostMessage,
	type InsertRequest,
	type WebviewMessage,
} from './protocol';
import { webviewStrings } from './strings';

/** What a panel needs from the rest of the extension. */
export interface PanelDeps {
	api: BpsApi;
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

let nextPanelId = 1;

/**
 * One preview panel: owns its webview, answers its messages, and aborts whatever it is loading
 * when it closes. Messages both ways are kept in `sent`/`received` for the test hook.
 */
export class PreviewPanel extends Disposable {
	readonly id = `preview-${nextPanelId++}`;
	readonly key: string;
	/** Every message posted to the webview, in order (tests check "what the panel was sent"). */
	readonly sent: HostMessage[] = [];
	readonly received: WebviewMessage[] = [];
	private ready = false;
	/** Aborted when the panel closes: every call the panel makes listens to it. */
	private readonly lifetime = new AbortController();
	/** The running data load (one at a time; a new load or Cancel aborts it). */
	private load: { requestId: number; ctrl: AbortController } | undefined;
	private readonly onDidDisposeEmitter = this._register(new vscode.EventEmitter<void>());
	readonly onDidDispose = this.onDidDisposeEmitter.event;
	private readonly onDidReceiveEmitter = this._register(new vscode.EventEmitter<WebviewMessage>());
	/** Fires after each webview message is handled. */
	readonly onDidReceive = this.onDidReceiveEmitter.event;
	private hostRequestId = -1;
	private varId: number | undefined;
	private lang: Lang;
	/** What the panel shows, kept so "Insert into editor" lays out the host's own data. */
	private shown:
		{ kind: 'dynamic'; table: DynamicTable } | { kind: 'static'; title: string; html: string } | undefined;

	/**
	 * Work started when the panel is created, while the webview is still booting (it takes longer
	 * than the API): the variable's dimensions and, for a new panel, the default data window.
	 * `start()` and the webview's first `load` pick these up instead of asking again.
	 */
	private prefetch: {
		dims?: Promise<DynamicDims>;
		data?: {
			key: string;
			table: Promise<DynamicTable>;
			ctrl: AbortController;
			/** Progress so far, and where to report it once a load has adopted the prefetch. */
			progress?: [number, number];
			onProgress?: (done: number, total: number) => void;
		};
	} = {};

	constructor(
		readonly panel: vscode.WebviewPanel,
		readonly ref: ItemRef,
		private readonly deps: PanelDeps,
		fresh = false,
	) {
		super();
		this.key = itemKey(ref);
		this.lang = deps.lang();
		panel.title = ref.title ?? defaultTitle(ref);
		panel.webview.options = {
			enableScripts: true,
			enableCommandUris: false,
			localResourceRoots: [
				vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview'),
				vscode.Uri.joinPath(deps.extensionUri, 'media'),
			],
		};
		panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'bps-activity.svg');
		this._register(panel.webview.onDidReceiveMessage((m: WebviewMessage) => void this.onMessage(m)));
		this._register(
			panel.onDidDispose(() => {
				this.lifetime.abort();
				this.load?.ctrl.abort();
				this.onDidDisposeEmitter.fire();
				this.dispose();
			}),
		);
		panel.webview.html = previewHtml(panel.webview, deps.extensionUri, this.lang, vscode.Uri);
		if (ref.kind === 'var') this.startPrefetch(Number(ref.id), fresh);
	}

	private startPrefetch(varId: number, withData: boolean): void {
		const dims = this.fetchDims(varId);
		this.prefetch.dims = dims;
		dims.catch(() => undefined); // surfaced by start(), which awaits the same promise
		if (!withData) return;
		const ctrl = new AbortController();
		this.lifetime.signal.addEventListener('abort', () => ctrl.abort(), { once: true });
		const periods = dims.then((d) => d.defaultPeriods);
		const table = periods.then((p) =>
			this.deps.api.getDynamicData(
				{
					domain: this.ref.domain,
					variable: varId,
					periods: p,
					onProgress: (done, total) => {
						prefetched.progress = [done, total];
						prefetched.onProgress?.(done, total);
					},
				},
				{ signal: ctrl.signal, lang: this.lang },
			),
		);
		table.catch(() => undefined); // a load that uses it reports the error; unused, it is dropped
		void periods.then(
			(p) => {
				if (this.prefetch.data) this.prefetch.data.key = loadKey(p);
			},
			() => undefined,
		);
		const prefetched: NonNullable<typeof this.prefetch.data> = { key: '', table, ctrl };
		this.prefetch.data = prefetched;
	}

	/** True when the panel's data calls have been aborted (closed). */
	get aborted(): boolean {
		return this.lifetime.signal.aborted;
	}

	reveal(): void {
		this.panel.reveal(undefined, false);
	}

	/** Post to the webview, never before its `ready` (the handshake). */
	post(m: HostMessage): void {
		if (!this.ready || this.isDisposed) return;
		this.sent.push(m);
		void this.panel.webview.postMessage(m);
	}

	/** Handles one webview message. Public so integration tests can drive the host side directly. */
	async onMessage(m: WebviewMessage): Promise<void> {
		this.received.push(m);
		try {
			switch (m.type) {
				case 'ready':
					this.ready = true;
					this.post(await this.initMessage());
					void this.start();
					break;
				case 'state':
					// Kept by the webview itself (setState); nothing to do on the host.
					break;
				case 'load':
					await this.loadDynamic(m.requestId, m.periods, m.turvar, m.turth);
					break;
				case 'cancel':
					if (this.load?.requestId === m.requestId) this.load.ctrl.abort();
					break;
				case 'retry':
					void this.start();
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
				case 'rendered':
				case 'chart':
					this.deps.log.debug(`${this.key}: ${JSON.stringify(m)}`);
					break;
				default:
					assertNever(m);
			}
		} finally {
			this.onDidReceiveEmitter.fire(m);
		}
	}

	private async initMessage(): Promise<HostMessage> {
		const language = vscode.env.language.toLowerCase();
		const locale = language === 'id' || language.startsWith('id-') ? 'id-ID' : vscode.env.language;
		return {
			type: 'init',
			ref: { ...this.ref },
			strings: webviewStrings(),
			locale,
			lang: this.lang,
			attribution: await this.attribution(locale),
		};
	}

	private async attribution(locale: string): Promise<Attribution> {
		const now = new Date();
		let sourceUrl = BPS_HOME;
		let sourceLabel = 'Badan Pusat Statistik';
		let regionName = this.ref.domain === '0000' ? 'Indonesia' : this.ref.domain;
		if (this.ref.domain !== '0000') {
			try {
				const d = (await this.deps.api.listDomains('all', { signal: this.lifetime.signal })).items.find(
					(x) => x.id === this.ref.domain,
				);
				if (d && isHttpUrl(d.url)) {
					sourceUrl = d.url;
					sourceLabel = `BPS ${d.name}`;
					regionName = d.name;
				}
			} catch (e) {
				this.deps.log.debug(`no domain URL for ${this.ref.domain}: ${String(e)}`);
			}
		}
		let accessed: string;
		try {
			accessed = now.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
		} catch {
			accessed = now.toISOString().slice(0, 10);
		}
		return {
			id: ATTRIBUTION_ID,
			en: this.lang === 'eng' ? ATTRIBUTION_EN : undefined,
			sourceUrl,
			sourceLabel,
			regionName,
			accessed,
			accessedIso: now.toISOString().slice(0, 10),
		};
	}

	/** Fetches what the item kind needs and posts it. */
	private async start(): Promise<void> {
		const ref = this.ref;
		const requestId = this.hostRequestId--;
		const opts = { signal: this.lifetime.signal, lang: this.lang };
		try {
			switch (ref.kind) {
				case 'var':
					await this.sendDims(Number(ref.id));
					break;
				case 'indicator': {
					const list = await this.deps.api.listIndicators(ref.domain, opts);
					const ind = list.items.find((i) => String(i.indicatorId) === String(ref.id));
					const varId = ind?.varId ?? ref.varId;
					if (ind) {
						this.panel.title = ind.title || this.panel.title;
						this.post({
							type: 'indicator',
							card: {
								title: ind.title,
								name: ind.name,
								value: ind.value,
								unit: ind.unit,
								period: ind.period,
								dataSource: ind.dataSource,
								varId: ind.varId,
							},
						});
					}
					if (varId === undefined)
						throw new Error(
							vscode.l10n.t('Indicator {0} was not found in region {1}.', String(ref.id), ref.domain),
						);
					await this.sendDims(varId);
					break;
				}
				case 'statictable': {
					this.post({ type: 'loading', requestId, what: 'statictable' });
					const t = await this.deps.api.getStaticTable(ref.domain, Number(ref.id), opts);
					this.panel.title = t.title || this.panel.title;
					this.postFreshness(t);
					this.shown = { kind: 'static', title: t.title, html: t.html };
					this.post({
						type: 'static',
						requestId,
						table: {
							id: t.id,
							title: t.title,
							updated: t.updated,
							size: t.size,
							html: t.html,
							fetchedAt: t.fetchedAt,
						},
					});
					break;
				}
				case 'publication': {
					this.post({ type: 'loading', requestId, what: 'publication' });
					const p = await this.deps.api.getPublication(ref.domain, String(ref.id), opts);
					this.panel.title = p.title || this.panel.title;
					this.postFreshness(p);
					this.post({
						type: 'document',
						requestId,
						doc: {
							kind: 'publication',
							id: p.id,
							title: p.title,
							abstract: p.abstract,
							releaseDate: p.releaseDate,
							updated: p.updated,
							size: p.size,
							coverUrl: isHttpUrl(p.coverUrl) ? p.coverUrl : '',
							pdfUrl: isHttpUrl(p.pdfUrl) ? p.pdfUrl : '',
							extraUrl: '',
							issn: p.issn,
						},
					});
					break;
				}
				case 'pressrelease': {
					this.post({ type: 'loading', requestId, what: 'pressrelease' });
					const p = await this.deps.api.getPressRelease(ref.domain, Number(ref.id), opts);
					this.panel.title = p.title || this.panel.title;
					this.postFreshness(p);
					this.post({
						type: 'document',
						requestId,
						doc: {
							kind: 'pressrelease',
							id: String(p.id),
							title: p.title,
							abstract: p.abstract,
							releaseDate: p.releaseDate,
							updated: p.updated,
							size: p.size,
							coverUrl: isHttpUrl(p.thumbnailUrl) ? p.thumbnailUrl : '',
							pdfUrl: isHttpUrl(p.pdfUrl) ? p.pdfUrl : '',
							extraUrl: isHttpUrl(p.slideUrl) ? p.slideUrl : '',
						},
					});
					break;
				}
				default:
					assertNever(ref.kind);
			}
		} catch (e) {
			if (isCancelled(e) || this.aborted) return;
			this.deps.log.error(`${this.key}: ${e instanceof Error ? e.message : String(e)}`);
			this.post({ type: 'error', requestId, message: describeError(e) });
		}
	}

	private async sendDims(varId: number): Promise<void> {
		const prefetched = this.prefetch.dims;
		this.prefetch.dims = undefined;
		const dims = await (prefetched && this.varId === varId ? prefetched : this.fetchDims(varId));
		this.post({ type: 'dims', dims });
	}

	/** Periods (sorted, with the default window), derived variables and derived periods of a variable. */
	private async fetchDims(varId: number): Promise<DynamicDims> {
		this.varId = varId;
		const { domain } = this.ref;
		const opts = { signal: this.lifetime.signal, lang: this.lang };
		// Derived variables / periods are optional metadata: a variable without them answers "no data".
		const optional = <T>(p: Promise<{ items: T[] }>) =>
			p.then((r) => r.items).catch((e) => (isCancelled(e) ? Promise.reject(e) : ([] as T[])));
		const [periods, turvar, turth] = await Promise.all([
			this.deps.api.listPeriods(domain, varId, opts).then((r) => {
				this.postFreshness(r);
				return r.items;
			}),
			optional(this.deps.api.listDerivedVariables(domain, varId, opts)),
			optional(this.deps.api.listDerivedPeriods(domain, varId, opts)),
		]);
		const sorted = sortPeriods(periods);
		return {
			varId,
			periods: sorted,
			defaultPeriods: defaultPeriods(sorted, this.ref.years),
			derivedVariables: turvar.map(dim),
			derivedPeriods: turth.map(dim),
		};
	}

	/** A `load` from the webview: the dynamic table for the chosen periods, with progress and Cancel. */
	private async loadDynamic(
		requestId: number,
		periods: number[],
		turvar?: number[],
		turth?: number[],
	): Promise<void> {
		if (this.varId === undefined) return;
		this.load?.ctrl.abort();
		const ctrl = new AbortController();
		const onClose = () => ctrl.abort();
		this.lifetime.signal.addEventListener('abort', onClose);
		this.load = { requestId, ctrl };
		this.post({ type: 'loading', requestId, what: 'dynamic' });
		// The first load of a new panel asks for the default window, already on its way.
		const pre = this.prefetch.data;
		this.prefetch.data = undefined;
		const usePrefetch = pre && !turvar?.length && !turth?.length && pre.key === loadKey(periods);
		if (pre && !usePrefetch) pre.ctrl.abort();
		if (pre && usePrefetch) {
			ctrl.signal.addEventListener('abort', () => pre.ctrl.abort(), { once: true });
			pre.onProgress = (done, total) => this.post({ type: 'progress', requestId, done, total });
			if (pre.progress) pre.onProgress(...pre.progress);
		}
		try {
			const t = usePrefetch
				? await raceAbort(pre.table, ctrl.signal)
				: await this.deps.api.getDynamicData(
						{
							domain: this.ref.domain,
							variable: this.varId,
							periods,
							turvar,
							turth,
							onProgress: (done, total) => this.post({ type: 'progress', requestId, done, total }),
						},
						{ signal: ctrl.signal, lang: this.lang },
					);
			if (ctrl.signal.aborted) throw new DOMException('aborted', 'AbortError');
			if (this.ref.kind === 'var' && t.variable.title) this.panel.title = t.variable.title;
			this.shown = { kind: 'dynamic', table: t };
			this.post({ type: 'dynamic', requestId, table: toWire(t) });
			this.postFreshness(t);
		} catch (e) {
			if (this.aborted) return;
			if (ctrl.signal.aborted || isCancelled(e)) {
				this.post({ type: 'cancelled', requestId });
				return;
			}
			this.deps.log.error(`${this.key}: ${e instanceof Error ? e.message : String(e)}`);
			this.post({ type: 'error', requestId, message: describeError(e) });
		} finally {
			this.lifetime.signal.removeEventListener('abort', onClose);
			if (this.load?.ctrl === ctrl) this.load = undefined;
		}
	}

	/**
	 * Tells the webview whether what it shows came from the cache because the API could not be
	 * reached (the "offline — cached at HH:MM" marker, the same words as the tree's), or is fresh.
	 */
	private postFreshness(f: { stale: boolean; fetchedAt: number }): void {
		const label = f.stale ? vscode.l10n.t('offline — cached at {0}', hhmm(f.fetchedAt)) : '';
		this.post({ type: 'freshness', stale: f.stale, fetchedAt: f.fetchedAt, label });
	}

	/** The year labels a dynamic table shows now (for a link to the same view); undefined otherwise. */
	shownYears(): string[] | undefined {
		return this.shown?.kind === 'dynamic' ? this.shown.table.tahun.map((t) => t.label) : undefined;
	}

	/** The provenance every export carries. */
	exportMeta(): ExportMeta {
		const init = this.sent.find((m): m is Extract<HostMessage, { type: 'init' }> => m.type === 'init');
		return {
			attribution: ATTRIBUTION_ID,
			attributionEn: this.lang === 'eng' ? ATTRIBUTION_EN : undefined,
			source: SOURCE_LINE,
			sourceUrl: init?.attribution.sourceUrl ?? BPS_HOME,
			accessed: init?.attribution.accessedIso ?? new Date().toISOString().slice(0, 10),
			domain: this.ref.domain,
			kind: this.ref.kind,
			id: this.ref.id,
		};
	}

	/**
	 * The table the panel shows as a `SnippetTable`, laid out as the webview asked (pivot, rows in
	 * view order or the selection). Dynamic tables carry `request` so the fetch-code formats work.
	 * Undefined when nothing is shown yet (or a document is).
	 * @throws RangeError for a pivot the table cannot take.
	 */
	snippetTable(
		m: Pick<InsertRequest, 'pivot' | 'rows'>,
		layout: 'wide' | 'long' = 'wide',
	): SnippetTable | undefined {
		const shown = this.shown;
		if (!shown) return undefined;
		const meta = this.exportMeta();
		const init = this.sent.find((x): x is Extract<HostMessage, { type: 'init' }> => x.type === 'init');
		const domainName = init?.attribution.regionName ?? this.ref.domain;
		const accessedAt = new Date();
		let st: SnippetTable;
		if (shown.kind === 'dynamic') {
			// Long: the tidy schema of the cells shown (this pivot, these rows in this order).
			const long = layout === 'long';
			st = snippetTableFromDynamic(shown.table, {
				domainName,
				sourceUrl: meta.sourceUrl,
				accessedAt,
				pivot: m.pivot ?? (long ? defaultPivot(shown.table) : undefined),
				layout,
				rows: m.rows,
				baseUrl: this.deps.apiBaseUrl(),
			});
			if (long) return st;
		} else {
			const s = structureGrid(parseHtmlTable(shown.html), {
				decimalSeparator: this.lang === 'eng' ? '.' : ',',
			});
			st = {
				title: shown.title.trim() || s.titles[0] || String(this.ref.title ?? this.ref.id),
				domain: this.ref.domain,
				domainName,
				periods: yearsIn(shown.title),
				columns: s.columns,
				rows: s.rows,
				sourceUrl: meta.sourceUrl,
				accessedAt,
				lang: this.lang,
			};
		}
		if (m.rows) {
			// Indices come from the webview: keep the valid ones, once each, in its order.
			const seen = new Set<number>();
			const rows: SnippetTable['rows'] = [];
			for (const i of m.rows) {
				if (!Number.isInteger(i) || i < 0 || i >= st.rows.length || seen.has(i)) continue;
				seen.add(i);
				rows.push(st.rows[i]);
			}
			st = { ...st, rows };
		}
		return st;
	}

	/** "Insert into editor": runs `bps.insertData` with the table and the editor the user was last in. */
	private async insert(m: InsertRequest): Promise<void> {
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
			longTable: this.shown?.kind === 'dynamic' ? this.snippetTable(m, 'long') : undefined,
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

	private async export(requestId: number, format: ExportFormat, table: ExportTable): Promise<void> {
		const name = `bps-${this.ref.domain}-${this.ref.kind}-${this.ref.id}.${format}`.replace(/[^\w.-]+/g, '_');
		const uri = await this.deps.pickSaveUri(name, format);
		if (!uri) {
			this.post({ type: 'exported', requestId });
			return;
		}
		try {
			await vscode.workspace.fs.writeFile(uri, exportBytes(format, table, this.exportMeta()));
			this.post({ type: 'exported', requestId, path: uri.fsPath });
		} catch (e) {
			this.post({ type: 'error', requestId, message: describeError(e) });
		}
	}
}

function dim(x: { id: number; label: string }): DimItem {
	return { val: String(x.id), label: x.label };
}

function hhmm(t: number): string {
	const d = new Date(t);
	return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** "2014", "2019–2023" from the years a title mentions, or ''. */
function yearsIn(title: string): string {
	const years = [...title.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((x) => Number(x[1]));
	if (!years.length) return '';
	const lo = Math.min(...years);
	const hi = Math.max(...years);
	return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/** The file name (or "Untitled-1") of a document URI, for the status line. */
function displayName(uri: string): string {
	const path = vscode.Uri.parse(uri).path;
	return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || uri;
}

function defaultTitle(ref: ItemRef): string {
	return `BPS ${ref.kind} ${ref.id}`;
}

/** Identifies a data window by its periods, in any order. */
function loadKey(periods: number[]): string {
	return [...periods].sort((a, b) => a - b).join(';');
}

/** Settles with `p`, or rejects as cancelled as soon as `signal` aborts (`p` itself runs on). */
function raceAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
	if (signal.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(new DOMException('aborted', 'AbortError'));
		signal.addEventListener('abort', onAbort, { once: true });
		p.then(
			(v) => {
				signal.removeEventListener('abort', onAbort);
				resolve(v);
			},
			(e) => {
				signal.removeEventListener('abort', onAbort);
				reject(e);
			},
		);
	});
}
