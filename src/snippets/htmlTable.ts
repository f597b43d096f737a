/**
 * A parser for the HTML BPS stores for static tables: an Excel "Save as web page" export
 * (`<table class="excel">`, `<nobr>`, inline styles, rowspan/colspan, a bilingual title in the
 * first rows, "Sumber/Source" notes at the bottom, padding columns of `&nbsp;`). Pure string code,
 * no DOM and no `vscode`: the input is the already entity-unescaped `StaticTableDetail.html`.
 *
 * Two steps: {@link parseHtmlTable} turns the markup into a rectangular grid with spans expanded;
 * {@link structureGrid} finds the title, header, data and note rows and types the columns.
 */
import { firstTableRows } from '../api/htmlTableCells';
import type { SnippetColumn } from './types';

/** One grid slot after span expansion. */
export interface GridCell {
	text: string;
	/** True for a `<th>`. */
	th: boolean;
	/** True when this slot is covered by a span from another cell (its text is copied here). */
	spanned: boolean;
	/** The spans of the cell that starts here (1 for spanned slots). */
	rowspan: number;
	colspan: number;
}

/** The first `<table>` as a rectangular grid (every row padded to the widest). Empty when there is no table. */
export function parseHtmlTable(html: string): GridCell[][] {
	const rows = firstTableRows(html);
	if (rows === undefined) return [];
	const grid: GridCell[][] = [];
	// Slots still covered by a rowspan from a row above: column → remaining rows and the source cell.
	const pending = new Map<number, { left: number; cell: GridCell }>();
	for (const cells of rows) {
		const row: GridCell[] = [];
		let col = 0;
		const fillPending = () => {
			for (let p = pending.get(col); p; p = pending.get(col)) {
				row[col] = { ...p.cell, spanned: true, rowspan: 1, colspan: 1 };
				if (--p.left === 0) pending.delete(col);
				col++;
			}
		};
		for (const c of cells) {
			fillPending();
			const cell: GridCell = {
				text: c.text,
				th: c.th,
				spanned: false,
				rowspan: c.rowspan,
				colspan: c.colspan,
			};
			for (let k = 0; k < c.colspan; k++) {
				row[col + k] = k === 0 ? cell : { ...cell, spanned: true, rowspan: 1, colspan: 1 };
				if (c.rowspan > 1) pending.set(col + k, { left: c.rowspan - 1, cell });
			}
			col += c.colspan;
		}
		fillPending();
		grid.push(row);
	}
	// Rowspans that run past the last <tr> add rows of their own (Excel never does this, but be total).
	while (pending.size) {
		const row: GridCell[] = [];
		for (const [c, p] of [...pending]) {
			row[c] = { ...p.cell, spanned: true, rowspan: 1, colspan: 1 };
			if (--p.left === 0) pending.delete(c);
		}
		grid.push(row);
	}
	const width = Math.max(0, ...grid.map((r) => r.length));
	for (const r of grid) {
		for (let c = 0; c < width; c++) r[c] ??= { text: '', th: false, spanned: false, rowspan: 1, colspan: 1 };
	}
	return grid;
}

/** A static table split into its parts, ready to become a `SnippetTable`. */
export interface StructuredTable {
	/** Title lines above the table (often Indonesian, then English). */
	titles: string[];
	columns: SnippetColumn[];
	rows: Array<Array<string | number | null>>;
	/** Lines below the table: sources and notes. */
	notes: string[];
}

export interface StructureOptions {
	/**
	 * How to read "1.234" when a column does not settle it: `','` = Indonesian (comma decimal,
	 * dot thousands), `'.'` = English. Default `'.'`. Unambiguous values ("1.234,5", "12,5",
	 * "1,234.5") are read by their own shape.
	 */
	decimalSeparator?: ',' | '.';
}

/** Texts BPS tables use for "no value". */
const MISSING = new Set([
	'',
	'-',
	'–',
	'—',
	'−',
	'…',
	'...',
	'..',
	'.',
	'na',
	'n/a',
	'n.a',
	'n.a.',
	'x',
	'***',
	'*',
]);

/**
 * Finds the parts of an Excel-export grid. Title rows: leading rows with at most one non-empty
 * cell. Note rows: trailing rows with at most one non-empty cell. Header rows: the first rows
 * after the title, as deep as the rowspans of the first one reach, extended while a header row
 * has a colspan (its sub-headings follow) or `<th>` cells. Columns that are empty throughout are
 * dropped (Excel pads with `&nbsp;`); header texts stacked by spans are joined with spaces
 * ("Status DIKBUD"). A column (except the first, the row labels) is numeric when every
 * non-missing data cell reads as a number.
 */
export function structureGrid(grid: GridCell[][], opts: StructureOptions = {}): StructuredTable {
	const nonEmpty = (r: GridCell[]) => r.filter((c) => c.text !== '' && !c.spanned).length;
	// Columns with no text anywhere (padding) go first: they would make every row look wide.
	const width = grid[0]?.length ?? 0;
	const keep: number[] = [];
	for (let c = 0; c < width; c++) if (grid.some((r) => r[c].text !== '')) keep.push(c);
	const rowsAll = grid.map((r) => keep.map((c) => r[c])).filter((r) => r.some((c) => c.text !== ''));

	let start = 0;
	const titles: string[] = [];
	while (
		start < rowsAll.length &&
		nonEmpty(rowsAll[start]) <= 1 &&
		!rowsAll[start].some((c) => c.th && c.text)
	) {
		titles.push(rowsAll[start].find((c) => c.text)?.text ?? '');
		start++;
	}
	let end = rowsAll.length;
	const notes: string[] = [];
	while (end > start + 1 && nonEmpty(rowsAll[end - 1]) <= 1 && rowsAll[end - 1].every((c) => !c.spanned)) {
		notes.unshift(rowsAll[end - 1].find((c) => c.text)?.text ?? '');
		end--;
	}
	if (start >= end) {
		// A table of one-cell rows only: a single text column.
		const lines = [...titles, ...notes];
		return {
			titles: [],
			columns: [{ name: 'Text', type: 'string' }],
			rows: lines.map((l) => [l]),
			notes: [],
		};
	}

	// Header block.
	let headerEnd = start + 1;
	for (let i = start; i < headerEnd && i < end; i++) {
		const r = rowsAll[i];
		for (const c of r) if (!c.spanned && c.rowspan > 1) headerEnd = Math.max(headerEnd, i + c.rowspan);
		if (i === headerEnd - 1) {
			const hasColspan = r.some((c) => !c.spanned && c.colspan > 1);
			const nextIsTh = i + 1 < end && rowsAll[i + 1].some((c) => c.th && !c.spanned);
			if (hasColspan || nextIsTh) headerEnd = i + 2;
		}
	}
	headerEnd = Math.min(headerEnd, end - 1 > start ? end - 1 : end);
	const headerRows = rowsAll.slice(start, headerEnd);
	const dataRows = rowsAll.slice(headerEnd, end);

	const names = keep.map((_, c) => {
		const parts: string[] = [];
		for (const r of headerRows) {
			const t = r[c].text;
			if (t && parts[parts.length - 1] !== t) parts.push(t);
		}
		return parts.join(' ');
	});

	const columns: SnippetColumn[] = names.map((name, c) => {
		const texts = dataRows.map((r) => r[c].text).filter((t) => !isMissing(t));
		// The first column labels the rows; keep it text even when the labels look numeric (codes).
		// A column with no value at all ("-" throughout) is numeric too: it is a column of numbers
		// that happen to be missing, and every target then writes its own missing value.
		const numeric = c > 0 && texts.every((t) => parseNumber(t, opts.decimalSeparator) !== undefined);
		return { name, type: numeric ? 'number' : 'string' };
	});
	const rows = dataRows.map((r) =>
		r.map((cell, c): string | number | null => {
			if (isMissing(cell.text)) return null;
			return columns[c].type === 'number'
				? (parseNumber(cell.text, opts.decimalSeparator) ?? null)
				: cell.text;
		}),
	);
	return { titles, columns, rows, notes };
}

/** True for BPS's "no value" texts ("-", "…", "NA", empty). */
export function isMissing(text: string): boolean {
	return MISSING.has(text.trim().toLowerCase());
}

/**
 * Reads a number written the way BPS tables write them: "814", "-3", "12.5", "12,5", "1.234.567",
 * "1,234,567.8", "1 234", "5,2%" (percent sign dropped). Undefined when it is not a number.
 */
export function parseNumber(text: string, decimalSeparator: ',' | '.' = '.'): number | undefined {
	let s = text
		.trim()
		.replace(/[\u00a0\u202f ]/g, '')
		.replace(/%$/, '')
		.replace(/^\((.*)\)$/, '-$1')
		.replace(/^[−–]/, '-');
	if (!/^[-+]?[\d.,]*\d[\d.,]*$/.test(s)) return undefined;
	const dots = (s.match(/\./g) ?? []).length;
	const commas = (s.match(/,/g) ?? []).length;
	if (dots && commas) {
		// Both: the last one is the decimal separator.
		s =
			s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
	} else if (commas) {
		if (commas > 1 || (decimalSeparator === '.' && /^[-+]?\d{1,3}(,\d{3})+$/.test(s)))
			s = s.replace(/,/g, '');
		else s = s.replace(',', '.');
	} else if (dots > 1 || (dots === 1 && decimalSeparator === ',' && /^[-+]?\d{1,3}(\.\d{3})+$/.test(s))) {
		s = s.replace(/\./g, '');
	}
	if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
	const n = Number(s);
	return Number.isFinite(n) ? n : undefined;
}
