/**
 * The domain model the rest of the extension sees. The client maps the BPS WebAPI's raw JSON
 * (snake_case, quirky types) onto these shapes; nothing outside src/api reads raw responses.
 * No `vscode` import here: this file is shared with the webview bundle.
 */

export type Lang = 'ind' | 'eng';

/** Where a result came from. `stale` is true when the network failed and an expired cache entry was served. */
export interface Freshness {
	/** Epoch milliseconds when the data was fetched from the API. */
	fetchedAt: number;
	/** True when served from an expired cache entry because the network failed ("offline — cached at …"). */
	stale: boolean;
}

/** A whole list (every page), or one page of it when a page was asked for. */
export interface Paged<T> extends Freshness {
	items: T[];
	/** Total number of items the API reports. */
	total: number;
	/** The page returned (1-based) and the number of pages; page = pages = 1 when all pages were merged. */
	page: number;
	pages: number;
}

export type DomainLevel = 'national' | 'province' | 'regency';

export interface Domain {
	/** 4-digit code: `0000` national, `PP00` province, `PPKK` regency/city. */
	id: string;
	name: string;
	/** The region's own BPS website, e.g. https://jatim.bps.go.id */
	url: string;
	level: DomainLevel;
	/** Province code for regencies (`3500` for `3578`), undefined otherwise. */
	provinceId?: string;
}

export interface SubjectCategory {
	id: number;
	title: string;
}

export interface Subject {
	id: number;
	title: string;
	categoryId: number;
	categoryTitle: string;
	/** Number of tables, when the API says (`ntabel`). */
	tableCount: number | null;
}

/** A dynamic table ("variable", `model=var`). */
export interface Variable {
	id: number;
	title: string;
	subjectId: number;
	subjectName: string;
	unit: string;
	/** Plain text or HTML (entity-unescaped once); render only after sanitizing. */
	definition: string;
	/** HTML (entity-unescaped once); render only after sanitizing. */
	notes: string;
	/** Vertical-variable group id (`vertical`). */
	verticalGroup: number;
	csaSubjectId?: number;
	csaSubjectName?: string;
}

/** A row dimension value (`model=vervar`). `id` is the `kode_ver_id` used in datacontent keys. */
export interface VerticalVariable {
	id: number;
	label: string;
	itemId?: number;
	groupId?: number;
	groupName?: string;
}

/** A period (`model=th`). `id` is `th_id` (not the year); `label` is the year text. */
export interface Period {
	id: number;
	label: string;
}

/** A derived variable (`model=turvar`). */
export interface DerivedVariable {
	id: number;
	label: string;
	groupId?: number;
	groupName?: string;
}

/** A derived period (`model=turth`): months, quarters, semesters… */
export interface DerivedPeriod {
	id: number;
	label: string;
	groupId?: number;
	groupName?: string;
}

export interface StaticTable {
	id: number;
	title: string;
	subjectId: number | null;
	subjectName: string;
	/** YYYY-MM-DD */
	updated: string;
	/** e.g. "0.03 MB" */
	size: string;
	excelUrl: string;
}

export interface StaticTableDetail extends StaticTable {
	/** The table HTML, entity-unescaped once. NOT sanitized: sanitize before rendering. */
	html: string;
	created: string;
}

export interface Publication {
	/** 24-hex string id. */
	id: string;
	title: string;
	/** HTML (entity-unescaped); sanitize before rendering. */
	abstract: string;
	issn: string;
	scheduledDate: string;
	releaseDate: string;
	updated: string | null;
	coverUrl: string;
	pdfUrl: string;
	size: string;
}

export interface PublicationDetail extends Publication {
	catalogueNo?: string;
	publicationNo?: string;
	related: Array<{ id: string; title: string; releaseDate: string; url: string; coverUrl: string }>;
}

export interface PressRelease {
	id: number;
	title: string;
	subjectId: number | null;
	subjectName: string;
	/** HTML (entity-unescaped); sanitize before rendering. */
	abstract: string;
	releaseDate: string;
	updated: string | null;
	pdfUrl: string;
	size: string;
	slideUrl: string;
	thumbnailUrl: string;
}

export type PressReleaseDetail = PressRelease;

/** A strategic indicator (`model=indicators`; national and province domains only). */
export interface StrategicIndicator {
	indicatorId: number;
	/** The dynamic table (variable) behind the indicator. */
	varId: number;
	title: string;
	name: string;
	dataSource: string;
	value: number | null;
	unit: string;
	period: string;
	subjectCsa: number | null;
	category: number | null;
}

/** One value of a dynamic-table dimension. `val` is kept as the API's text, since keys concatenate it. */
export interface DimItem {
	val: string;
	label: string;
}

export interface RelatedTable {
	id: string;
	title: string;
	tablesource?: number;
	lastUpdate?: string;
	link?: string;
}

/**
 * A decoded dynamic table (`model=data`), possibly merged from several period-chunked calls.
 *
 * Cells live in one dense `values` array indexed by
 *   `idx = ((v * nTurvar + tv) * nTahun + t) * nTurtahun + tt`
 * where v, tv, t, tt index `vervar`, `turvar`, `tahun`, `turtahun`. A missing cell is `NaN`
 * (never 0): the API simply omits keys it has no value for.
 */
export interface DynamicTable extends Freshness {
	domain: string;
	lang: Lang;
	variable: {
		id: number;
		title: string;
		unit: string;
		/** `var[0].subj` */
		subject: string;
		/** HTML allowed; sanitize before rendering. */
		definition: string;
		/** HTML allowed; sanitize before rendering. */
		notes: string;
		/** Decimal places to show (`var[0].decimal`, 0 when absent). */
		decimal: number;
	};
	/** The row dimension's title (`labelvervar`, trimmed). */
	rowTitle: string;
	vervar: DimItem[];
	turvar: DimItem[];
	tahun: DimItem[];
	turtahun: DimItem[];
	values: Float64Array;
	/** `last_update`, as the API gives it ("2020-03-26 00:00:00"). */
	lastUpdate: string;
	subjects: DimItem[];
	related: RelatedTable[];
	/** Keys in `datacontent` that no dimension combination produced (kept for diagnostics). */
	unmatchedKeys: number;
}
