/**
 * Adapters from the API model to `SnippetTable`. Long layout = one row per cell (tidy; best for
 * pandas/R/SQL); wide layout = the preview's grid (rows × period columns; best for reading).
 */
import { type Axis, type PivotSpec, defaultPivot, isTrivialDim, pivot } from '../api/table';
import type { DynamicTable } from '../api/types';
import { tidyColumns, tidyRows, tidyRowsFromPivot } from './tidy';
import type { SnippetColumn, SnippetFormat, SnippetTable } from './types';

export interface FromDynamicOptions {
	/** The region's name, e.g. "Indonesia", "Jawa Timur". */
	domainName: string;
	/** The region's BPS website (Domain.url), e.g. https://jatim.bps.go.id */
	sourceUrl: string;
	accessedAt: Date;
	/**
	 * Default 'wide'. 'long' = the tidy schema of tidy.ts; with `pivot`, the cells that pivot shows
	 * (its filters, and only `rows` in that order when given).
	 */
	layout?: 'long' | 'wide';
	/** With `pivot` and layout 'long': the pivot rows to keep, in order (a preview's selection or view order). */
	rows?: readonly number[];
	/** A custom wide layout (as in the preview). Its `filter.tahun` also narrows the fetch request. */
	pivot?: PivotSpec;
	/** API base for the fetch-code formats, e.g. the `bps.apiBaseUrl` setting. */
	baseUrl: string;
	/** A title in place of the variable's, e.g. an SDG indicator's number and title (`sdgTitle`). */
	title?: string;
}

/**
 * The layout of each format: grids for documents (Markdown, CSV, TSV), the tidy schema for
 * data frames, JSON, code and the `-long` variants of the document formats.
 */
export function preferredLayout(f: SnippetFormat): 'long' | 'wide' {
	return f === 'markdown' || f === 'csv' || f === 'tsv' ? 'wide' : 'long';
}

function axisTitle(t: DynamicTable, a: Axis): string {
	const en = t.lang === 'eng';
	switch (a) {
		case 'vervar':
			return t.rowTitle.trim() || (en ? 'Region' : 'Wilayah');
		case 'turvar':
			return en ? 'Category' : 'Kategori';
		case 'tahun':
			return en ? 'Year' : 'Tahun';
		case 'turtahun':
			return en ? 'Period' : 'Periode';
	}
}

/** "2015–2024", or the single year, from the first and last kept `tahun` labels. */
function periodsText(labels: string[]): string {
	if (!labels.length) return '';
	const first = labels[0];
	const last = labels[labels.length - 1];
	return first === last ? first : `${first}–${last}`;
}

/**
 * A `SnippetTable` from a decoded dynamic table. Long: the tidy schema of tidy.ts (region code and
 * name, [category], year, [sub-period], ISO period, value), one row per cell, missing cells
 * included as null. Wide: `pivot` (default `defaultPivot(t)`): one text column per
 * row axis, one number column per column tuple (labels joined by spaces, placeholders left out).
 * @throws RangeError from `pivot` when the spec is invalid.
 */
export function snippetTableFromDynamic(t: DynamicTable, opts: FromDynamicOptions): SnippetTable {
	const en = t.lang === 'eng';
	let columns: SnippetColumn[];
	let rows: SnippetTable['rows'];
	const keepTahun = opts.pivot?.filter?.tahun;
	const tahun = keepTahun ? t.tahun.filter((x) => keepTahun.includes(x.val)) : t.tahun;

	if (opts.layout === 'long') {
		columns = tidyColumns(t);
		rows = opts.pivot ? tidyRowsFromPivot(t, opts.pivot, opts.rows) : tidyRows(t, keepTahun);
	} else {
		const spec = opts.pivot ?? defaultPivot(t);
		const p = pivot(t, spec);
		// Placeholder dimensions ("Tidak ada", "Tahun") add nothing to a column header.
		const shown = spec.cols.map((a) => !isTrivialDim(t[a]));
		const colName = (labels: string[]) =>
			labels.filter((_, i) => shown[i] && labels[i]).join(' ') || (en ? 'Value' : 'Nilai');
		columns = [
			...spec.rows.map((a): SnippetColumn => ({ name: axisTitle(t, a), type: 'string' })),
			...p.colHeaders.map((h): SnippetColumn => ({ name: colName(h), type: 'number' })),
		];
		rows = [];
		for (let r = 0; r < p.nRows; r++) {
			const row: Array<string | number | null> = [...p.rowHeaders[r]];
			for (let c = 0; c < p.nCols; c++) {
				const x = p.cells[r * p.nCols + c];
				row.push(Number.isNaN(x) ? null : x);
			}
			rows.push(row);
		}
	}

	return {
		title: opts.title || t.variable.title,
		domain: t.domain,
		domainName: opts.domainName,
		periods: periodsText(tahun.map((x) => x.label)),
		unit: t.variable.unit || undefined,
		columns,
		rows,
		sourceUrl: opts.sourceUrl,
		accessedAt: opts.accessedAt,
		lang: t.lang,
		request: {
			baseUrl: opts.baseUrl,
			domain: t.domain,
			variable: t.variable.id,
			periods: tahun.map((x) => Number(x.val)).filter(Number.isFinite),
			lang: t.lang,
		},
	};
}
