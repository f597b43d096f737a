import type { FamilyRequest } from './families/fetch';

/**
 * The input and options of the snippet formatters. Pure data: no `vscode` import, so the
 * formatters run in plain mocha and could run in the webview too.
 */

export type SnippetFormat =
	| 'markdown'
	| 'csv'
	| 'tsv'
	/** The same three in the tidy long layout (one row per cell, see tidy.ts). */
	| 'markdown-long'
	| 'csv-long'
	| 'tsv-long'
	| 'json'
	| 'python'
	| 'r'
	| 'typescript'
	| 'javascript'
	| 'sql'
	| 'python-fetch'
	| 'r-fetch'
	| 'typescript-fetch';

export interface SnippetColumn {
	name: string;
	type: 'string' | 'number';
	/** A number column holding whole numbers only (e.g. `year`): int64 / integer / INTEGER in code. */
	integer?: boolean;
}

/** What a fetch-code snippet requests from the BPS WebAPI (`list?model=data`). */
export interface SnippetRequest {
	/** API base, e.g. https://webapi.bps.go.id/v1/api/ (a trailing slash is added when missing). */
	baseUrl: string;
	domain: string;
	variable: number;
	/** `th_id`s (not years), in the order wanted. */
	periods: number[];
	lang: 'ind' | 'eng';
}

/** A table ready for formatting: already laid out (long or wide) by the caller or `fromTable.ts`. */
export interface SnippetTable {
	title: string;
	/** 4-digit BPS domain code. */
	domain: string;
	domainName: string;
	/** Human text for the periods covered, e.g. "2015–2024". */
	periods: string;
	unit?: string;
	/**
	 * Extra single-line facts for the header, after the source (e.g. what each column holds:
	 * "category_1: Klasifikasi Jenis Kelamin"). JSON carries them as `notes`.
	 */
	notes?: string[];
	columns: SnippetColumn[];
	/** One array per row, aligned with `columns`; `null` (or NaN in a number column) = missing. */
	rows: Array<Array<string | number | null>>;
	/** The region's BPS website, e.g. https://www.bps.go.id — never an API URL carrying the key. */
	sourceUrl: string;
	accessedAt: Date;
	/** Language of the data; also the language of the metadata comment. */
	lang: 'ind' | 'eng';
	/** For the fetch-code formats: what to request. Required by those formats. */
	request?: SnippetRequest;
	/**
	 * For the fetch-code formats of the newer families (trade, census, SIMDASI): what to request
	 * instead of a dynamic table (families/fetch.ts).
	 */
	familyRequest?: FamilyRequest;
}

export interface SnippetOptions {
	/**
	 * The text goes into a VS Code `SnippetString`: escape `$`, `}` and `\` so the snippet engine
	 * inserts them literally. Leave false for plain edits (`TextEditorEdit.insert`).
	 */
	forSnippet?: boolean;
	/** Line separator between the lines the formatter emits (default `\n`). */
	eol?: '\n' | '\r\n';
}
