/**
 * The item → `SnippetTable` layouts shared by "Insert Data" and a preview's "Insert into
 * editor": a static table's HTML as a grid, a document as a one-row reference. Pure (no vscode).
 */
import type { TradeResult } from '../api/families/types';
import type { Lang } from '../api/types';
import { familyRequest, tradeSnippetTable } from '../snippets/families';
import { parseHtmlTable, structureGrid } from '../snippets/htmlTable';
import type { SnippetTable } from '../snippets/types';

/** Where a table comes from: the region and when it was read. */
export interface TableSource {
	domain: string;
	/** The region's display name ("Kota Surabaya"). */
	domainName: string;
	/** The region's BPS website. */
	sourceUrl: string;
	accessedAt: Date;
	lang: Lang;
}

/**
 * Foreign trade in the tidy schema (one row per record, whatever the preview's grouping), carrying
 * its request so the fetch-code formats build the same frame.
 */
export function tradeInsertTable(r: TradeResult, src: TableSource, baseUrl: string): SnippetTable {
	const ctx = { lang: src.lang, accessedAt: src.accessedAt, sourceUrl: src.sourceUrl, baseUrl };
	return { ...tradeSnippetTable(r, ctx), familyRequest: familyRequest('trade', r, ctx) };
}

/** A static table (its Excel-export HTML) as a SnippetTable: title and notes rows dropped. */
export function staticSnippetTable(
	t: { title: string; html: string },
	src: TableSource,
	fallbackTitle: string,
): SnippetTable {
	const s = structureGrid(parseHtmlTable(t.html), { decimalSeparator: src.lang === 'eng' ? '.' : ',' });
	return {
		...src,
		title: t.title.trim() || s.titles[0] || fallbackTitle,
		periods: yearsIn(t.title),
		columns: s.columns,
		rows: s.rows,
	};
}

/** A publication or press release as a one-row reference table (title, release date, size, PDF URL). */
export function documentSnippetTable(
	d: { title: string; releaseDate: string; size: string; pdfUrl: string },
	src: TableSource,
): SnippetTable {
	const en = src.lang === 'eng';
	return {
		...src,
		title: d.title.trim(),
		periods: yearsIn(d.title),
		columns: [
			{ name: en ? 'Title' : 'Judul', type: 'string' },
			{ name: en ? 'Release date' : 'Tanggal rilis', type: 'string' },
			{ name: en ? 'Size' : 'Ukuran', type: 'string' },
			{ name: en ? 'PDF URL' : 'URL PDF', type: 'string' },
		],
		rows: [[d.title.trim(), d.releaseDate || null, d.size || null, d.pdfUrl || null]],
	};
}

/** "2014", "2019–2023" from the years a title mentions, or ''. */
export function yearsIn(title: string): string {
	const years = [...title.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((m) => Number(m[1]));
	if (!years.length) return '';
	const lo = Math.min(...years);
	const hi = Math.max(...years);
	return lo === hi ? String(lo) : `${lo}–${hi}`;
}
