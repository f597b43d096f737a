/**
 * Insert Data for the newer BPS families: one entry point, `familySnippet(kind, data, format,
 * ctx)`, over the converters of this folder and the formatters of ../ (so every format, the
 * attribution header and the escaping are the ones the dynamic tables use). Pure; no `vscode`.
 *
 * | kind                 | data                    | formats                                          |
 * |----------------------|-------------------------|--------------------------------------------------|
 * | `trade`              | `TradeResult`           | every `SnippetFormat` (tidy rows; fetch code)    |
 * | `census`             | `CensusData`            | every `SnippetFormat` (tidy rows; fetch code)    |
 * | `simdasi`            | `SimdasiTable`          | every `SnippetFormat`; markdown/csv/tsv are wide |
 * | `classification`     | `ClassificationEntry[]` | every data format (lookup table of a subtree)    |
 * | `classificationCode` | `ClassificationEntry`   | code with its title as a comment; data formats → one-row lookup table |
 * | `glossary`           | `GlossaryEntry`         | quote with source (Markdown, comment block); data formats → one-row table |
 *
 * SDG and SDDS indicators are dynamic tables: `snippetTableFromDynamic` with the indicator number
 * in the title (`sdgTitle`).
 */
import type {
	CensusData,
	ClassificationEntry,
	GlossaryEntry,
	SimdasiTable,
	TradeResult,
} from '../../api/families/types';
import { finish, normalise } from '../common';
import { preferredLayout } from '../fromTable';
import { formatSnippet, isFetchFormat } from '../format';
import type { SnippetFormat, SnippetOptions, SnippetTable } from '../types';
import { censusSnippetTable } from './census';
import { classificationCodeLines, classificationSnippetTable } from './classification';
import type { FamilyContext } from './context';
import { type FamilyRequest, familyFetchLines } from './fetch';
import { glossaryQuoteLines, glossarySnippetTable } from './glossary';
import { simdasiSnippetTable } from './simdasi';
import { tradeSnippetTable } from './trade';

export type { FamilyContext } from './context';
export type { FamilyRequest } from './fetch';
export { FAMILY_COLUMNS } from './context';
export { sdgTitle } from '../../catalogue/sdgTitle';
export { TRADE_COLUMNS, tradeSnippetTable, tradeTitle, tradePeriod } from './trade';
export { censusSnippetTable, censusColumns, censusCategoryColumns } from './census';
export { SIMDASI_LONG_COLUMNS, simdasiSnippetTable, simdasiColumnHeader } from './simdasi';
export { CLASSIFICATION_COLUMNS, classificationSnippetTable, classificationName } from './classification';
export { GLOSSARY_COLUMNS, glossarySnippetTable } from './glossary';

/** What each kind takes. */
export interface FamilyDataMap {
	trade: TradeResult;
	census: CensusData;
	simdasi: SimdasiTable;
	classification: readonly ClassificationEntry[];
	classificationCode: ClassificationEntry;
	glossary: GlossaryEntry;
}
export type FamilyKind = keyof FamilyDataMap;
/** The kinds whose data can be fetched again by generated code. */
export type FetchableFamilyKind = 'trade' | 'census' | 'simdasi';

/** True when `kind` has fetch-code formats (python-fetch, r-fetch, typescript-fetch). */
export function familyHasFetch(kind: FamilyKind): kind is FetchableFamilyKind {
	return kind === 'trade' || kind === 'census' || kind === 'simdasi';
}

/** The formats `familySnippet` accepts for `kind`, in picker order (the UI labels them from SNIPPET_FORMATS). */
export function familyFormats(kind: FamilyKind): SnippetFormat[] {
	const data: SnippetFormat[] = [
		'markdown',
		'csv',
		'tsv',
		'json',
		'python',
		'r',
		'typescript',
		'javascript',
		'sql',
	];
	if (familyHasFetch(kind)) {
		const long: SnippetFormat[] = kind === 'simdasi' ? ['markdown-long', 'csv-long', 'tsv-long'] : [];
		return [...data, ...long, 'python-fetch', 'r-fetch', 'typescript-fetch'];
	}
	return data;
}

/**
 * The `SnippetTable` of a tabular kind, laid out for `format` (SIMDASI: wide for Markdown/CSV/TSV,
 * long otherwise; the others are long always). Also what a preview's export would use.
 * @throws TypeError for a kind with no table form.
 */
export function familySnippetTable<K extends FamilyKind>(
	kind: K,
	data: FamilyDataMap[K],
	format: SnippetFormat,
	ctx: FamilyContext,
): SnippetTable {
	switch (kind) {
		case 'trade':
			return tradeSnippetTable(data as TradeResult, ctx);
		case 'census':
			return censusSnippetTable(data as CensusData, ctx);
		case 'simdasi':
			return simdasiSnippetTable(data as SimdasiTable, ctx, preferredLayout(format));
		case 'classification':
			return classificationSnippetTable(data as readonly ClassificationEntry[], ctx);
		case 'classificationCode':
			return classificationSnippetTable([{ ...(data as ClassificationEntry), children: [] }], ctx);
		case 'glossary':
			return glossarySnippetTable([data as GlossaryEntry], ctx);
	}
	throw new TypeError(`unknown BPS data kind: ${String(kind)}`);
}

/** What the fetch code of a kind requests again, from the data itself. */
export function familyRequest(
	kind: FetchableFamilyKind,
	data: FamilyDataMap[FetchableFamilyKind],
	ctx: FamilyContext,
): FamilyRequest {
	if (!ctx.baseUrl) throw new TypeError('fetch snippets need ctx.baseUrl (the API base URL)');
	const baseUrl = ctx.baseUrl;
	if (kind === 'trade') {
		const q = (data as TradeResult).query;
		return {
			kind: 'trade',
			baseUrl,
			flow: q.flow,
			hs: q.hs,
			hsLevel: q.hsLevel,
			years: q.years,
			monthly: q.monthly,
		};
	}
	if (kind === 'census') {
		const d = data as CensusData;
		return { kind: 'census', baseUrl, event: d.event, areas: d.areaIds ?? [d.areaId], dataset: d.dataset };
	}
	const t = data as SimdasiTable;
	return { kind: 'simdasi', baseUrl, mfd: t.mfd, years: [t.year], table: t.id, lang: ctx.lang };
}

/**
 * Formats one kind of BPS data as `format`, starting with the attribution header like every
 * snippet. Lines end with `opts.eol` (default `\n`); `opts.forSnippet` escapes for a VS Code
 * `SnippetString`.
 * @throws TypeError for an unknown kind or format, a fetch format on a kind without one, or a
 *   fetch format without `ctx.baseUrl`; RangeError when the data cannot be requested again.
 */
export function familySnippet<K extends FamilyKind>(
	kind: K,
	data: FamilyDataMap[K],
	format: SnippetFormat,
	ctx: FamilyContext,
	opts?: SnippetOptions,
): string {
	if (!familyFormats(kind).includes(format))
		throw new TypeError(`no ${String(format)} snippet for ${String(kind)}`);
	if (kind === 'classificationCode') {
		const lines = classificationCodeLines(data as ClassificationEntry, format, ctx);
		if (lines) return finish(lines, opts);
	}
	if (kind === 'glossary') {
		const lines = glossaryQuoteLines(data as GlossaryEntry, format, ctx);
		if (lines) return finish(lines, opts);
	}
	const table = familySnippetTable(kind, data, format, ctx);
	if (isFetchFormat(format)) {
		if (!familyHasFetch(kind)) throw new TypeError(`no fetch code for ${String(kind)}`);
		const req = familyRequest(kind, data as FamilyDataMap[FetchableFamilyKind], ctx);
		return finish(familyFetchLines(format, normalise(table), req), opts);
	}
	return formatSnippet(table, format, opts);
}
