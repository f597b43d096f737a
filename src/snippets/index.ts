/**
 * Snippet formatters: a table → text for a target language, with the BPS attribution, title,
 * region, periods, access date and source carried along. Pure functions; the `bps.insertData`
 * command is a thin editor layer on top of `formatSnippet`.
 */
import type { SnippetFormat } from './types';

export type { SnippetColumn, SnippetFormat, SnippetOptions, SnippetRequest, SnippetTable } from './types';
export { escapeForSnippet } from './common';
export { sqlTableName } from './code';
export { SNIPPET_USER_AGENT } from './fetch';
export { formatSnippet, isFetchFormat } from './format';

/** Every format with an English label for pickers (the UI passes it through `l10n.t`). */
export const SNIPPET_FORMATS: ReadonlyArray<{ format: SnippetFormat; label: string }> = [
	{ format: 'markdown', label: 'Markdown table' },
	{ format: 'csv', label: 'CSV' },
	{ format: 'tsv', label: 'TSV (tab-separated)' },
	{ format: 'markdown-long', label: 'Markdown table (long: one row per value)' },
	{ format: 'csv-long', label: 'CSV (long: one row per value)' },
	{ format: 'tsv-long', label: 'TSV (long: one row per value)' },
	{ format: 'json', label: 'JSON' },
	{ format: 'python', label: 'Python (pandas DataFrame)' },
	{ format: 'r', label: 'R (data.frame)' },
	{ format: 'typescript', label: 'TypeScript (typed array)' },
	{ format: 'javascript', label: 'JavaScript (array of objects)' },
	{ format: 'sql', label: 'SQL (CREATE TABLE + INSERT)' },
	{ format: 'python-fetch', label: 'Python code that fetches this table' },
	{ format: 'r-fetch', label: 'R code that fetches this table' },
	{ format: 'typescript-fetch', label: 'TypeScript code that fetches this table' },
];

const BY_LANGUAGE: Record<string, SnippetFormat> = {
	markdown: 'markdown',
	// R Markdown and Quarto documents: text outside a code chunk is Markdown.
	rmd: 'markdown',
	quarto: 'markdown',
	csv: 'csv',
	tsv: 'tsv',
	json: 'json',
	jsonc: 'json',
	python: 'python',
	r: 'r',
	typescript: 'typescript',
	typescriptreact: 'typescript',
	javascript: 'javascript',
	javascriptreact: 'javascript',
	sql: 'sql',
	// Language ids contributed by popular SQL extensions.
	pgsql: 'sql',
	postgres: 'sql',
	mysql: 'sql',
	sqlite: 'sql',
	mssql: 'sql',
};

/** The data format that fits a document's language id, or undefined (plaintext, unknown): ask the user. */
export function formatForLanguageId(languageId: string): SnippetFormat | undefined {
	const id = languageId.toLowerCase();
	return Object.prototype.hasOwnProperty.call(BY_LANGUAGE, id) ? BY_LANGUAGE[id] : undefined;
}

/**
 * The language id for a new untitled document holding `f`. CSV/TSV map to `plaintext`: VS Code
 * has no built-in CSV language, and an id no extension contributes would be rejected.
 */
export function languageIdForFormat(f: SnippetFormat): string {
	switch (f) {
		case 'markdown':
		case 'markdown-long':
			return 'markdown';
		case 'csv':
		case 'tsv':
		case 'csv-long':
		case 'tsv-long':
			return 'plaintext';
		case 'json':
			return 'json';
		case 'python':
		case 'python-fetch':
			return 'python';
		case 'r':
		case 'r-fetch':
			return 'r';
		case 'typescript':
		case 'typescript-fetch':
			return 'typescript';
		case 'javascript':
			return 'javascript';
		case 'sql':
			return 'sql';
	}
}

export { snippetTableFromDynamic, preferredLayout, type FromDynamicOptions } from './fromTable';
export { TIDY, isoPeriod, yearOf } from './tidy';
export {
	type FamilyContext,
	type FamilyDataMap,
	type FamilyKind,
	type FamilyRequest,
	type FetchableFamilyKind,
	FAMILY_COLUMNS,
	familyFormats,
	familyHasFetch,
	familyRequest,
	familySnippet,
	familySnippetTable,
	sdgTitle,
} from './families';
