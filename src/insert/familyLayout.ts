/**
 * Census and SIMDASI as a `SnippetTable` for Insert Data (from the tree, a command or a preview):
 * the tidy converters of snippets/families, carrying the request so the fetch-code formats build
 * the same frame. Pure (no vscode).
 */
import type { CensusData, SimdasiTable } from '../api/families/types';
import { censusSnippetTable, familyRequest, simdasiSnippetTable } from '../snippets/families';
import { yearsText } from '../snippets/families/context';
import type { SnippetTable } from '../snippets/types';
import type { FamilyRequest } from '../snippets/families/fetch';
import type { TableSource } from './layout';

function context(src: TableSource, baseUrl: string, title?: string) {
	return { lang: src.lang, accessedAt: src.accessedAt, sourceUrl: src.sourceUrl, baseUrl, title };
}

/** A census dataset of one area in the tidy schema (one row per cell), titled with the dataset's name. */
export function censusInsertTable(
	d: CensusData,
	src: TableSource,
	baseUrl: string,
	title?: string,
): SnippetTable {
	const ctx = context(src, baseUrl, title);
	return { ...censusSnippetTable(d, ctx), familyRequest: familyRequest('census', d, ctx) };
}

/**
 * A SIMDASI table of one or more years. One year: `layout` as asked (wide as printed, or tidy),
 * with its request for the fetch code. Several years: the tidy rows of each year, oldest first,
 * and the fetch code loops over the same years.
 */
export function simdasiInsertTable(
	tables: readonly SimdasiTable[],
	src: TableSource,
	baseUrl: string,
	layout: 'long' | 'wide',
): SnippetTable {
	if (!tables.length) throw new RangeError('no SIMDASI table to insert');
	const years = [...tables].sort((a, b) => a.year - b.year);
	const ctx = context(src, baseUrl);
	if (years.length === 1) {
		const t = years[0];
		return { ...simdasiSnippetTable(t, ctx, layout), familyRequest: familyRequest('simdasi', t, ctx) };
	}
	const parts = years.map((t) => simdasiSnippetTable(t, ctx, 'long'));
	const last = parts[parts.length - 1];
	const title = last.title.replace(new RegExp(`,?\\s*${years[years.length - 1].year}\\s*$`), '').trim();
	return {
		...last,
		title: title || last.title,
		periods: yearsText(years.map((t) => t.year)),
		notes: [...new Set(parts.flatMap((p) => p.notes ?? []))],
		rows: parts.flatMap((p) => p.rows),
		familyRequest: everyYear(familyRequest('simdasi', years[years.length - 1], ctx), years),
	};
}

/** The fetch request of one year's table, asking for every year of `tables` (one request each). */
function everyYear(r: FamilyRequest, tables: readonly SimdasiTable[]): FamilyRequest {
	return r.kind === 'simdasi' ? { ...r, years: tables.map((t) => t.year) } : r;
}
