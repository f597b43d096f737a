/**
 * The one message protocol between a preview panel (extension host) and its webview. Imported by
 * both sides, so it holds types only (plus tiny pure helpers) and never imports `vscode`.
 *
 * Handshake: the webview posts `{ type: 'ready' }` first; the host posts nothing before that.
 * Requests that expect an answer carry a `requestId`; the answer echoes it.
 */
import type { PivotSpec } from '../api/table';
import type { DimItem, DynamicTable, Lang, Period, RelatedTable } from '../api/types';
import type { ItemKind, ItemRef } from '../catalogue/itemRef';
import type { SnippetFormat } from '../snippets/types';
export { assertNever } from '../util/assertNever';

/** The item a panel shows: the extension's one item model (pure, so the webview imports it too). */
export type PreviewRef = ItemRef;
export type { ItemKind };

/** UI state of a dynamic table, kept in the webview's getState/setState and restored after a reload. */
export interface DynamicUiState {
	/** Selected `th` ids. */
	periods?: number[];
	/** Row (vervar) vals shown; undefined = all. */
	rows?: string[];
	/** The derived variable val shown, or '*' for all of them as columns. */
	turvar?: string;
	/** The sub-period val shown, or '*' for all. */
	turtahun?: string;
	swapped?: boolean;
	/** The sorted column's identity (src/webview/dynamicModel.ts layoutIds), so the sort follows the column. */
	sortKey?: string;
	sortDir?: 1 | -1;
	/** Selected row identities. */
	selected?: string[];
	filter?: string;
	tab?: 'table' | 'chart';
	/** Foreign trade: what a row stands for (src/preview/tradeTable.ts). */
	tradeRows?: 'all' | 'hs' | 'country' | 'port';
	/** Census: the dimension across the columns (a `DynamicDims.layouts` val). */
	censusColumn?: string;
}

/** The dimension choices of a dynamic table's view: what a favourite keeps besides its years. */
export type DimensionView = Pick<DynamicUiState, 'rows' | 'turvar' | 'turtahun'>;

/** What the webview persists with setState (restored by the panel serializer). */
export interface PersistedState {
	ref: PreviewRef;
	ui?: DynamicUiState;
}

/** The attribution banner's content; the API terms require it on every screen. */
export interface Attribution {
	/** "Layanan ini menggunakan API Badan Pusat Statistik (BPS)." — always shown. */
	id: string;
	/** The English line, shown when the data language is English. */
	en?: string;
	/** The region's BPS website. */
	sourceUrl: string;
	sourceLabel: string;
	/** The region's name ("Indonesia", "Jawa Timur"…), for headers. */
	regionName: string;
	/** Access date, formatted for the UI locale. */
	accessed: string;
	/** Access date, ISO (YYYY-MM-DD), for exports. */
	accessedIso: string;
}

/**
 * A DynamicTable as it crosses postMessage. `values` goes as the dense Float64Array itself (NaN =
 * missing): VS Code hands typed arrays to the webview as binary and transfers them into its frame,
 * so 500 k cells cost one 4 MB copy instead of a JSON array built, parsed and converted back. An
 * array (null = missing) is still accepted.
 */
export type WireDynamicTable = Omit<DynamicTable, 'values'> & { values: Float64Array | Array<number | null> };

export function toWire(t: DynamicTable): WireDynamicTable {
	return { ...t, values: t.values };
}

export function fromWire(w: WireDynamicTable): DynamicTable {
	if (ArrayBuffer.isView(w.values)) return { ...w, values: w.values };
	const values = new Float64Array(w.values.length);
	for (let i = 0; i < w.values.length; i++) {
		const x = w.values[i];
		values[i] = x === null || x === undefined ? NaN : x;
	}
	return { ...w, values };
}

/** The dimension choices of a variable (sent before any data). */
export interface DynamicDims {
	varId: number;
	periods: Period[];
	/** Periods to load when the webview has no saved choice. */
	defaultPeriods: number[];
	derivedVariables: DimItem[];
	derivedPeriods: DimItem[];
	/**
	 * Census: the dimensions that can go across the columns (val: a category id or "area"; label: its
	 * name) and the one that does now; the others go down the rows.
	 */
	layouts?: DimItem[];
	column?: string;
}

export interface IndicatorCard {
	title: string;
	name: string;
	value: number | null;
	unit: string;
	period: string;
	dataSource: string;
	varId: number;
}

export interface StaticTablePayload {
	id: number;
	title: string;
	updated: string;
	size: string;
	/** Entity-unescaped, NOT sanitized: the webview sanitizes before rendering. */
	html: string;
	fetchedAt: number;
}

export interface DocumentPayload {
	kind: 'publication' | 'pressrelease';
	id: string;
	title: string;
	/** HTML, NOT sanitized. */
	abstract: string;
	releaseDate: string;
	updated: string | null;
	size: string;
	/** http(s) or ''. */
	coverUrl: string;
	pdfUrl: string;
	/** Slides (press releases) or ''. */
	extraUrl: string;
	issn?: string;
	related?: RelatedTable[];
}

/** A code and its title, and the id that opens it (a classification's parents and children). */
export interface CodeLink {
	id: string;
	code: string;
	title: string;
}

/** A classification code's detail, in the data language. */
export interface ClassificationPayload {
	/** "KBLI 2020". */
	name: string;
	code: string;
	title: string;
	/** Plain text or HTML, NOT sanitized. */
	description: string;
	level: string;
	/** The code's page on BPS's classification site (http(s)) or ''. */
	url: string;
	lastUpdate: string | null;
	/** Ancestors, outermost first. */
	parents: CodeLink[];
	children: CodeLink[];
}

/** A glossary concept, in the data language (the other language's name beside it). */
export interface GlossaryPayload {
	id: string;
	concept: string;
	/** The concept's name in the other language ('' when the same or unknown). */
	conceptOther: string;
	/** Plain text or HTML, NOT sanitized. */
	definition: string;
	unit: string;
	source: string;
	classification: string;
	/** http(s) or ''. */
	url: string;
}

/** An infographic or news item as a card: image, title, date, category, text, links. */
export interface CardPayload {
	kind: 'infographic' | 'news';
	id: number;
	title: string;
	/** "YYYY-MM-DD" or '' (the infographic list gives no date). */
	date: string;
	/** The category's name in the data language ('' when none). */
	category: string;
	/** https on a BPS host (the CSP allows no other image source) or ''. */
	imageUrl: string;
	/** What the image shows, for screen readers and for the placeholder when it cannot load. */
	imageAlt: string;
	/** The news article or the infographic's description: HTML, NOT sanitized. */
	html: string;
	/** The item's page on the region's BPS website (https on bps.go.id). */
	pageUrl: string;
	/** The infographic's download link on bps.go.id, or ''. */
	downloadUrl: string;
}

/** A rectangular table the webview asks the host to export (what the user sees, in view order). */
export interface ExportTable {
	title: string;
	columns: string[];
	rows: Array<Array<string | number | null>>;
	unit?: string;
	lastUpdate?: string;
	/** Number of decimals for numeric cells (XLSX number format). */
	decimal?: number;
}

export type ExportFormat = 'csv' | 'xlsx' | 'json';

/**
 * What changed in a watched table since the user last looked ("Show changes"): revised cells by
 * identity (`row` = vervar val, `column` = "turvar|tahun|turtahun" vals) and new period labels.
 */
export interface ChangeHighlight {
	revised: Array<{ row: string; column: string; from?: number; to?: number }>;
	newPeriods: string[];
	/** How many cells were revised in all (`revised` may keep only the first of them). */
	count: number;
	/**
	 * A static table's change: its update dates, whether the content changed, and which cells
	 * changed (by index among the table's cells in document order; absent when the layout changed).
	 */
	table?: { from: string; to: string; content: boolean; cells?: number[]; cellCount?: number };
}

/** Messages host → webview. */
export type HostMessage =
	| {
			type: 'init';
			ref: PreviewRef;
			strings: Record<string, string>;
			locale: string;
			lang: Lang;
			attribution: Attribution;
	  }
	| { type: 'loading'; requestId: number; what: string }
	| { type: 'progress'; requestId: number; done: number; total: number }
	/**
	 * The variable's periods. `load`: the host is already loading that window (a new panel's
	 * default, fetched while the webview booted) and posts it under that negative id, unasked.
	 */
	| { type: 'dims'; dims: DynamicDims; load?: { requestId: number; periods: number[] } }
	| { type: 'dynamic'; requestId: number; table: WireDynamicTable }
	| { type: 'indicator'; card: IndicatorCard }
	| { type: 'static'; requestId: number; table: StaticTablePayload }
	| { type: 'document'; requestId: number; doc: DocumentPayload }
	| { type: 'classification'; requestId: number; entry: ClassificationPayload }
	| { type: 'glossary'; requestId: number; entry: GlossaryPayload }
	| { type: 'card'; requestId: number; card: CardPayload }
	| { type: 'error'; requestId?: number; message: string }
	/** After each answer: `stale` = served from the cache because the API could not be reached; `label` is the localised marker. */
	| { type: 'freshness'; stale: boolean; fetchedAt: number; label: string }
	| { type: 'cancelled'; requestId: number }
	/** The item shown changed (a census preview's areas): the webview saves it for a restored panel. */
	| { type: 'ref'; ref: PreviewRef }
	/** Show these rows, derived variable and sub-period (a favourite's view); absent = all. */
	| { type: 'view'; view: DimensionView }
	/** Mark these changes in the grid (kept for every later layout of the same table). */
	| { type: 'highlight'; changes: ChangeHighlight }
	| { type: 'exported'; requestId: number; path?: string }
	/** The answer to `insert`: how many rows went into which document; neither when cancelled; `error` when it failed. */
	| { type: 'inserted'; requestId: number; rows?: number; target?: string; error?: string };

/**
 * "Insert into editor": the host lays out the table it holds (never cells sent by the webview) and
 * runs `bps.insertData` into the text editor the user was last in.
 */
export interface InsertRequest {
	type: 'insert';
	requestId: number;
	/** Dynamic tables: the pivot the grid shows (rows/cols axes and filters). Default: the default pivot. */
	pivot?: PivotSpec;
	/**
	 * Rows of that pivot (dynamic) or data rows (static), in the order to insert: the selection, or
	 * every row in view (filter and sort applied). Undefined = every row in pivot order.
	 */
	rows?: number[];
	/** Undefined: `bps.insertData` chooses (setting, then the target editor's language, then asks). */
	format?: SnippetFormat;
	/** Classification codes: the lookup table of the code's subtree rather than the code itself. */
	lookup?: boolean;
}

/** Messages webview → host. */
export type WebviewMessage =
	/** `bootMs`: the webview's clock at `ready` (ms since its document started loading). */
	| { type: 'ready'; bootMs?: number }
	/** The webview's state after each change of its view (the host keeps it for a favourite). */
	| { type: 'state'; state: PersistedState }
	/** `column`: a census preview's dimension across the columns (DynamicDims.layouts). */
	| {
			type: 'load';
			requestId: number;
			periods: number[];
			turvar?: number[];
			turth?: number[];
			column?: string;
	  }
	| { type: 'cancel'; requestId: number }
	| { type: 'retry' }
	/** "Choose areas…" of a census preview; `areas` or `area` (MFD codes) skip the picker. */
	| { type: 'pickArea'; area?: string; areas?: string[] }
	| { type: 'export'; requestId: number; format: ExportFormat; table: ExportTable }
	| { type: 'copy'; text: string; rows: number }
	| InsertRequest
	| { type: 'openExternal'; url: string }
	/** Open another item in its own panel (a classification's parent or child). */
	| { type: 'openItem'; ref: PreviewRef }
	| {
			type: 'rendered';
			view: 'dynamic' | 'static' | 'document' | 'reference' | 'card';
			modelRows: number;
			modelCols: number;
			domRows: number;
			ms: number;
	  }
	| { type: 'chart'; series: number; points: number }
	/** The grid marks `cells` revised cells and `periods` new periods; `summary` is the status line it shows. */
	| { type: 'highlighted'; cells: number; periods: number; summary: string };

/** Only http(s) links may be opened or shown. */
export function isHttpUrl(u: unknown): u is string {
	if (typeof u !== 'string') return false;
	try {
		const p = new URL(u);
		return p.protocol === 'https:' || p.protocol === 'http:';
	} catch {
		return false;
	}
}
