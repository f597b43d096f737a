/**
 * The format dispatch: a `SnippetTable` → text for one `SnippetFormat`. Split from index.ts so the
 * family snippets (families/) can call it without importing the index that re-exports them.
 */
import { type CleanTable, finish, normalise } from './common';
import { javascript, python, r, sql, typescript } from './code';
import { familyFetchLines } from './families/fetch';
import { pythonFetch } from './fetchPython';
import { rFetch } from './fetchR';
import { typescriptFetch } from './fetchTs';
import { csv, json, markdown, tsv } from './tabular';
import type { SnippetFormat, SnippetOptions, SnippetTable } from './types';

const FORMATTERS: Record<SnippetFormat, (t: CleanTable) => string[]> = {
	markdown,
	csv,
	tsv,
	'markdown-long': markdown,
	'csv-long': csv,
	'tsv-long': tsv,
	json,
	python,
	r,
	typescript,
	javascript,
	sql,
	'python-fetch': pythonFetch,
	'r-fetch': rFetch,
	'typescript-fetch': typescriptFetch,
};

/** True for the formats that need `table.request`. */
export function isFetchFormat(f: SnippetFormat): boolean {
	return f === 'python-fetch' || f === 'r-fetch' || f === 'typescript-fetch';
}

/**
 * Formats `table` as `format`. Lines end with `opts.eol` (default `\n`), including the last;
 * `opts.forSnippet` escapes the result for a VS Code `SnippetString`.
 * @throws TypeError for an unknown format, or a fetch format without `table.request`.
 */
export function formatSnippet(table: SnippetTable, format: SnippetFormat, opts?: SnippetOptions): string {
	const f = FORMATTERS[format];
	if (!f) throw new TypeError(`unknown snippet format: ${String(format)}`);
	if (isFetchFormat(format) && table.familyRequest)
		return finish(familyFetchLines(format, normalise(table), table.familyRequest), opts);
	return finish(f(normalise(table)), opts);
}
