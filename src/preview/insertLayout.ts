/**
 * "Insert into editor" from a preview: the table the panel shows, as a `SnippetTable`, laid out
 * as the webview asked (pivot, rows in view order or the selection). Pure (no vscode).
 */
import { defaultPivot } from '../api/table';
import type { Lang } from '../api/types';
import type { ItemRef } from '../catalogue/itemRef';
import { censusInsertTable, simdasiInsertTable } from '../insert/familyLayout';
import { staticSnippetTable, tradeInsertTable } from '../insert/layout';
import { sdgTitle } from '../snippets/families';
import { snippetTableFromDynamic } from '../snippets/fromTable';
import type { SnippetTable } from '../snippets/types';
import type { Shown } from './itemLoader';
import type { InsertRequest } from './protocol';

export interface InsertContext {
	ref: ItemRef;
	lang: Lang;
	/** The region's display name and website, as the panel's attribution shows them. */
	domainName: string;
	sourceUrl: string;
	/** The `bps.apiBaseUrl` setting, for the fetch-code formats. */
	apiBaseUrl: string;
}

/**
 * Dynamic tables carry `request` so the fetch-code formats work. `layout` 'long' gives a dynamic
 * table's cells shown (this pivot, these rows in this order) in the tidy schema.
 * @throws RangeError for a pivot the table cannot take.
 */
export function shownSnippetTable(
	shown: Shown,
	m: Pick<InsertRequest, 'pivot' | 'rows'>,
	c: InsertContext,
	layout: 'wide' | 'long' = 'wide',
): SnippetTable {
	const accessedAt = new Date();
	let st: SnippetTable;
	if (shown.kind === 'trade') {
		// The records in the tidy schema (every row loaded, in every layout): a grouped view is a
		// sum the data frame can redo, the records are what it cannot.
		const src = {
			domain: '0000',
			domainName: c.domainName,
			sourceUrl: c.sourceUrl,
			accessedAt,
			lang: c.lang,
		};
		return tradeInsertTable(shown.result, src, c.apiBaseUrl);
	}
	if (shown.kind === 'census' || shown.kind === 'simdasi') {
		// Tidy: every cell loaded, whatever the pivot (the frame can pivot again). Wide: the grid as
		// shown, with the family's request in place of a dynamic table's for the fetch code.
		const src = {
			domain: shown.table.domain,
			domainName: c.domainName,
			sourceUrl: c.sourceUrl,
			accessedAt,
			lang: c.lang,
		};
		const tidy =
			shown.kind === 'census'
				? censusInsertTable(shown.data, src, c.apiBaseUrl, shown.table.variable.title)
				: simdasiInsertTable(shown.tables, src, c.apiBaseUrl, 'long');
		if (layout === 'long') return tidy;
		const grid = snippetTableFromDynamic(shown.table, {
			domainName: tidy.domainName,
			sourceUrl: c.sourceUrl,
			accessedAt,
			pivot: m.pivot,
			layout: 'wide',
			baseUrl: c.apiBaseUrl,
		});
		// Not a dynamic table BPS can send again: the family's request replaces the grid's.
		st = { ...grid, request: undefined, notes: tidy.notes, familyRequest: tidy.familyRequest };
		return m.rows ? { ...st, rows: pickRows(st.rows, m.rows) } : st;
	}
	if (shown.kind === 'dynamic') {
		const long = layout === 'long';
		st = snippetTableFromDynamic(shown.table, {
			domainName: c.domainName,
			sourceUrl: c.sourceUrl,
			accessedAt,
			pivot: m.pivot ?? (long ? defaultPivot(shown.table) : undefined),
			layout,
			rows: m.rows,
			baseUrl: c.apiBaseUrl,
			...(c.ref.kind === 'var' && c.ref.sdg
				? { title: sdgTitle({ number: c.ref.sdg, title: shown.table.variable.title }) }
				: {}),
		});
		if (long) return st;
	} else {
		const src = {
			domain: c.ref.domain,
			domainName: c.domainName,
			sourceUrl: c.sourceUrl,
			accessedAt,
			lang: c.lang,
		};
		st = staticSnippetTable(shown, src, c.ref.title ?? String(c.ref.id));
	}
	return m.rows ? { ...st, rows: pickRows(st.rows, m.rows) } : st;
}

/** Indices come from the webview: keep the valid ones, once each, in its order. */
function pickRows<T>(rows: readonly T[], wanted: readonly number[]): T[] {
	const seen = new Set<number>();
	const out: T[] = [];
	for (const i of wanted) {
		if (!Number.isInteger(i) || i < 0 || i >= rows.length || seen.has(i)) continue;
		seen.add(i);
		out.push(rows[i]);
	}
	return out;
}
