/**
 * The cells of the first `<table>` in BPS's static-table HTML, as the markup has them: rows of
 * cells in document order, with their spans and visible text. Pure string code (no DOM, no
 * `vscode`), small enough for the activation bundle: the favourites watch compares static tables
 * cell by cell, and the snippet parser (src/snippets/htmlTable.ts) builds its grid on it.
 */
import { unescapeEntities } from './html';

/** One `td`/`th` as written (spans not expanded). */
export interface HtmlCell {
	text: string;
	th: boolean;
	rowspan: number;
	colspan: number;
}

/** The first table's rows (those with cells), each its cells in order; undefined when there is no table. */
export function firstTableRows(html: string): HtmlCell[][] | undefined {
	const body = firstTable(html);
	return body === undefined ? undefined : rowsOf(body).map(cellsOf);
}

/** The first table's cell texts in document order: one per `td`/`th` (no span expansion, no padding). */
export function htmlTableCellTexts(html: string): string[] {
	return (firstTableRows(html) ?? []).flatMap((r) => r.map((c) => c.text));
}

function firstTable(html: string): string | undefined {
	const open = /<table\b[^>]*>/i.exec(html);
	if (!open) return undefined;
	const from = open.index + open[0].length;
	// Nested tables do not occur in Excel exports; the first closing tag ends ours.
	const close = html.toLowerCase().indexOf('</table', from);
	return html.slice(from, close < 0 ? undefined : close);
}

function rowsOf(body: string): string[] {
	const out: string[] = [];
	const re = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/tbody|<\/thead|<\/tfoot|$)/gi;
	for (let m = re.exec(body); m; m = re.exec(body)) {
		if (/<t[dh]\b/i.test(m[1])) out.push(m[1]);
		if (m[0].length === 0) re.lastIndex++;
	}
	return out;
}

function cellsOf(rowHtml: string): HtmlCell[] {
	const out: HtmlCell[] = [];
	const re = /<(t[dh])\b([^>]*)>([\s\S]*?)(?=<t[dh]\b|<\/tr|$)/gi;
	for (let m = re.exec(rowHtml); m; m = re.exec(rowHtml)) {
		out.push({
			th: m[1].toLowerCase() === 'th',
			rowspan: span(m[2], 'rowspan'),
			colspan: span(m[2], 'colspan'),
			text: cellText(m[3]),
		});
		if (m[0].length === 0) re.lastIndex++;
	}
	return out;
}

function span(attrs: string, name: string): number {
	const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs);
	const n = m ? Number(m[1]) : 1;
	// Guard against absurd spans in hostile or broken markup.
	return Number.isInteger(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** The visible text of a cell: tags dropped (`<br>` → space), entities decoded, whitespace collapsed. */
function cellText(inner: string): string {
	const noTags = inner
		.replace(/<\/t[dh]\s*>[\s\S]*$/i, '')
		.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
		.replace(/<br\s*\/?>/gi, ' ')
		.replace(/<[^>]*>/g, '');
	return unescapeEntities(noTags)
		.replace(/[\s\u00a0]+/g, ' ')
		.trim();
}
