/**
 * The one tidy ("long") schema every data-frame and data format shares, and the fetch code builds
 * too, in every language: one row per cell,
 *   region_code, region, [category_code, category], year, [subperiod_code, subperiod], period, value
 * — the category pair only when the table has a derived variable (turvar), the sub-period pair
 * only when it has sub-annual periods (turtahun). `year` is an integer, `period` an ISO-style
 * label ("2024", "2024-03", "2024-Q1", "2024-S1"), `value` a number or null (missing, never 0).
 * The names are the same in both data languages so code written against them keeps working.
 */
import { type Axis, type PivotSpec, isTrivialDim, pivot } from '../api/table';
import type { DimItem, DynamicTable } from '../api/types';
import type { SnippetColumn, SnippetTable } from './types';

/** The column names, in order. */
export const TIDY = {
	regionCode: 'region_code',
	region: 'region',
	categoryCode: 'category_code',
	category: 'category',
	year: 'year',
	subperiodCode: 'subperiod_code',
	subperiod: 'subperiod',
	period: 'period',
	value: 'value',
} as const;

/** The year a `tahun` label names ("2024", "2024*"), or null when it names none. */
export function yearOf(label: string): number | null {
	const m = /\d{4}/.exec(label);
	return m ? Number(m[0]) : null;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * The ISO-style period of (year, turtahun code + label). BPS codes: 0 "Tahun" and 13/35
 * "Tahunan" are annual; 1–12 are months; 31–34 quarters ("Triwulan I–IV"). Other sub-period codes
 * (semesters, …) are read from the label ("Semester II" → S2, "Triwulan III" → Q3); anything
 * else stays the bare year, told apart by the sub-period columns. The fetch snippets apply the
 * same rule (see fetch.ts), so a table reads the same whichever way it was obtained.
 */
export function isoPeriod(year: number | null, code: string, label: string): string | null {
	if (year === null) return null;
	const y = String(year);
	const c = Number(code);
	if (Number.isInteger(c) && c >= 1 && c <= 12) return `${y}-${String(c).padStart(2, '0')}`;
	if (Number.isInteger(c) && c >= 31 && c <= 34) return `${y}-Q${c - 30}`;
	const l = label.toLowerCase();
	const s = /(?:semester|paruh)\s*(ii|i|1|2)\b/.exec(l);
	if (s) return `${y}-S${ROMAN[s[1]]}`;
	const q = /(?:triwulan|quarter|kuartal|kwartal)\s*(iv|iii|ii|i|[1-4])\b/.exec(l);
	if (q) return `${y}-Q${ROMAN[q[1]]}`;
	return y;
}

/** The tidy columns for a table (category / sub-period pairs only when the table has them). */
export function tidyColumns(t: DynamicTable): SnippetColumn[] {
	const cols: SnippetColumn[] = [
		{ name: TIDY.regionCode, type: 'string' },
		{ name: TIDY.region, type: 'string' },
	];
	if (!isTrivialDim(t.turvar))
		cols.push({ name: TIDY.categoryCode, type: 'string' }, { name: TIDY.category, type: 'string' });
	cols.push({ name: TIDY.year, type: 'number', integer: true });
	if (!isTrivialDim(t.turtahun))
		cols.push({ name: TIDY.subperiodCode, type: 'string' }, { name: TIDY.subperiod, type: 'string' });
	cols.push({ name: TIDY.period, type: 'string' }, { name: TIDY.value, type: 'number' });
	return cols;
}

/** One tidy row from one item per axis and the cell's value (NaN = missing). */
function tidyRow(t: DynamicTable, d: Record<Axis, DimItem>, x: number): SnippetTable['rows'][number] {
	const row: SnippetTable['rows'][number] = [d.vervar.val, d.vervar.label.trim()];
	if (!isTrivialDim(t.turvar)) row.push(d.turvar.val, d.turvar.label.trim());
	const year = yearOf(d.tahun.label);
	row.push(year);
	if (!isTrivialDim(t.turtahun)) row.push(d.turtahun.val, d.turtahun.label.trim());
	row.push(isoPeriod(year, d.turtahun.val, d.turtahun.label), Number.isNaN(x) ? null : x);
	return row;
}

/**
 * Every cell of `t` (periods narrowed to `keepTahun` when given), row-major: region, category,
 * year, sub-period. Missing cells are kept, with a null value.
 */
export function tidyRows(t: DynamicTable, keepTahun?: readonly string[]): SnippetTable['rows'] {
	const rows: SnippetTable['rows'] = [];
	let idx = 0;
	for (const vervar of t.vervar)
		for (const turvar of t.turvar)
			for (const tahun of t.tahun)
				for (const turtahun of t.turtahun) {
					const x = t.values[idx++];
					if (keepTahun && !keepTahun.includes(tahun.val)) continue;
					rows.push(tidyRow(t, { vervar, turvar, tahun, turtahun }, x));
				}
	return rows;
}

/**
 * The cells a pivot shows, as tidy rows: for each pivot row (only `rowIdx`, in that order, when
 * given — a preview's selection or its sorted view), each of its columns. So what the user sees
 * (filters, selection, order) is what a data frame gets, in the tidy schema.
 * @throws RangeError from `pivot` when the spec is invalid.
 */
export function tidyRowsFromPivot(
	t: DynamicTable,
	spec: PivotSpec,
	rowIdx?: readonly number[],
): SnippetTable['rows'] {
	const p = pivot(t, spec);
	const byVal = (a: Axis) => new Map(t[a].map((d) => [d.val, d]));
	const maps = {
		vervar: byVal('vervar'),
		turvar: byVal('turvar'),
		tahun: byVal('tahun'),
		turtahun: byVal('turtahun'),
	};
	// Axes in neither rows nor cols hold one value: the filter's, or the dimension's only one.
	const fixed: Partial<Record<Axis, DimItem>> = {};
	for (const a of ['vervar', 'turvar', 'tahun', 'turtahun'] as Axis[]) {
		if (spec.rows.includes(a) || spec.cols.includes(a)) continue;
		const keep = spec.filter?.[a];
		fixed[a] = (keep ? t[a].find((d) => keep.includes(d.val)) : undefined) ?? t[a][0];
	}
	const rows: SnippetTable['rows'] = [];
	const order = rowIdx ?? Array.from({ length: p.nRows }, (_, i) => i);
	for (const r of order) {
		if (!Number.isInteger(r) || r < 0 || r >= p.nRows) continue;
		for (let c = 0; c < p.nCols; c++) {
			const d = { ...fixed } as Record<Axis, DimItem>;
			spec.rows.forEach((a, i) => (d[a] = maps[a].get(p.rowKeys[r][i])!));
			spec.cols.forEach((a, i) => (d[a] = maps[a].get(p.colKeys[c][i])!));
			rows.push(tidyRow(t, d, p.cells[r * p.nCols + c]));
		}
	}
	return rows;
}
