import * as vscode from 'vscode';
import { StateKeys } from '../constants';
import { CITATION_FORMATS, type CitationFormat } from '../cite/citation';
import { citationFormatLabel } from '../cite/labels';
import { SNIPPET_FORMATS, type SnippetFormat, formatForLanguageId, isFetchFormat } from '../snippets';

/** A citation of the item instead of its data ("cite-bibtex"…). */
export type CiteInsertFormat = `cite-${CitationFormat}`;
export type InsertFormat = SnippetFormat | CiteInsertFormat;

const SNIPPET_INSERT_FORMATS: readonly SnippetFormat[] = SNIPPET_FORMATS.map((f) => f.format);

/** Every format we can insert: the formatters' list, then the citations. */
export const INSERT_FORMATS: readonly InsertFormat[] = [
	...SNIPPET_INSERT_FORMATS,
	...CITATION_FORMATS.map((c): CiteInsertFormat => `cite-${c}`),
];

export function isSnippetFormat(x: unknown): x is SnippetFormat {
	return typeof x === 'string' && (SNIPPET_INSERT_FORMATS as readonly string[]).includes(x);
}

export function isInsertFormat(x: unknown): x is InsertFormat {
	return typeof x === 'string' && (INSERT_FORMATS as readonly string[]).includes(x);
}

/** The citation format of a "cite-…" insert format; undefined for data formats. */
export function citationOf(f: InsertFormat): CitationFormat | undefined {
	return f.startsWith('cite-') ? (f.slice(5) as CitationFormat) : undefined;
}

/** True for the formats that need a fetchable item (dynamic tables). */
export function needsFetch(f: InsertFormat): boolean {
	return isSnippetFormat(f) && isFetchFormat(f);
}

/** The localised label of a format. Each label is a literal for the l10n extraction. */
export function formatLabel(f: InsertFormat): string {
	const cite = citationOf(f);
	if (cite) return citationFormatLabel(cite);
	switch (f as SnippetFormat) {
		case 'markdown':
			return vscode.l10n.t('Markdown table');
		case 'csv':
			return vscode.l10n.t('CSV');
		case 'tsv':
			return vscode.l10n.t('TSV (tab-separated)');
		case 'markdown-long':
			return vscode.l10n.t('Markdown table (long: one row per value)');
		case 'csv-long':
			return vscode.l10n.t('CSV (long: one row per value)');
		case 'tsv-long':
			return vscode.l10n.t('TSV (long: one row per value)');
		case 'json':
			return vscode.l10n.t('JSON (records)');
		case 'python':
			return vscode.l10n.t('Python (pandas DataFrame)');
		case 'r':
			return vscode.l10n.t('R (data.frame)');
		case 'typescript':
			return vscode.l10n.t('TypeScript (typed array)');
		case 'javascript':
			return vscode.l10n.t('JavaScript (array of objects)');
		case 'sql':
			return vscode.l10n.t('SQL (CREATE TABLE + INSERT)');
		case 'python-fetch':
			return vscode.l10n.t('Python code that fetches this table');
		case 'r-fetch':
			return vscode.l10n.t('R code that fetches this table');
		case 'typescript-fetch':
			return vscode.l10n.t('TypeScript code that fetches this table');
	}
}

export interface ChooseFormatOptions {
	/** Given by the caller: used as is (when allowed). */
	explicit?: InsertFormat;
	/** The `bps.insert.defaultFormat` setting ('auto' = none). */
	setting: string;
	/** The language of the editor the text goes into, if any. */
	languageId?: string;
	/** False when the item cannot be fetched by code (static tables, documents, preview selections). */
	allowFetch: boolean;
	/** False when there is no item to cite (a preview's table or selection). */
	allowCitation: boolean;
	state: vscode.Memento;
}

/**
 * The format to insert: the caller's, else the `bps.insert.defaultFormat` setting, else the one
 * the target editor's language implies, else the user's pick (last choice first, remembered in
 * globalState). Fetch formats are skipped where they cannot apply. Undefined when cancelled.
 */
export async function chooseFormat(o: ChooseFormatOptions): Promise<InsertFormat | undefined> {
	const ok = (f: InsertFormat | undefined): f is InsertFormat =>
		!!f && (o.allowFetch || !needsFetch(f)) && (o.allowCitation || !citationOf(f));
	if (o.explicit) return o.explicit;
	if (isInsertFormat(o.setting) && ok(o.setting)) return o.setting;
	// A .bib file takes citations, not data.
	const byLanguage: InsertFormat | undefined =
		o.languageId === 'bibtex' ? 'cite-bibtex' : o.languageId ? formatForLanguageId(o.languageId) : undefined;
	if (ok(byLanguage)) return byLanguage;

	const last = o.state.get<string>(StateKeys.lastInsertFormat);
	const order = INSERT_FORMATS.filter(ok);
	if (isInsertFormat(last) && ok(last)) {
		order.splice(order.indexOf(last), 1);
		order.unshift(last);
	}
	const picked = await vscode.window.showQuickPick(
		order.map((f) => ({
			label: formatLabel(f),
			description: f === last ? vscode.l10n.t('last used') : undefined,
			format: f,
		})),
		{ title: vscode.l10n.t('Insert BPS data as…'), placeHolder: vscode.l10n.t('Choose a format') },
	);
	if (!picked) return undefined;
	await o.state.update(StateKeys.lastInsertFormat, picked.format);
	return picked.format;
}
