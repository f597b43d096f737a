/**
 * The pure half of the dynamic-table view (no DOM): which pivot the choices ask for, the identity
 * of each row and column (so the sort and the selection follow a column or a row across pivots,
 * derived-variable changes and axis swaps), which rows are aggregates that stay on top, and the
 * chart's series. Unit-tested in plain node (test/unit/webview/dynamicModel.test.ts).
 */
import {
	defaultPivot,
	isTrivialDim,
	periodLabel,
	type Axis,
	type PivotResult,
	type PivotSpec,
} from '../api/table';
import type { DimItem, DynamicTable } from '../api/types';
import type { ExportTable } from '../preview/protocol';

/** What the user chose above the grid (the layout part of DynamicUiState). */
export interface LayoutChoice {
	/** vervar vals shown; undefined or empty = all. */
	rows?: string[];
	/** A turvar val, or '*' / undefined for all of them as columns. */
	turvar?: string;
	/** A turtahun val, or '*' / undefined for all of them. */
	turtahun?: string;
	swapped?: boolean;
}

/** The sort: a column identity (see {@link layoutIds}), {@link LABEL_COLUMN}, or none. */
export interface SortState {
	key?: string;
	dir: 1 | -1;
}

/** The identity of the row-label column. */
export const LABEL_COLUMN = '#label';

const AXES: readonly Axis[] = ['vervar', 'turvar', 'tahun', 'turtahun'];

/** The one value a choice keeps on `axis`, or undefined when it shows all of them. */
function chosen(tb: DynamicTable, axis: 'turvar' | 'turtahun', c: LayoutChoice): string | undefined {
	const v = axis === 'turvar' ? c.turvar : c.turtahun;
	return v && v !== '*' && tb[axis].some((i) => i.val === v) ? v : undefined;
}

/** The pivot the choices ask for: regions as rows, time (× derived variable) as columns, or swapped. */
export function pivotSpec(tb: DynamicTable, c: LayoutChoice): PivotSpec {
	const filter: PivotSpec['filter'] = {};
	let cols = defaultPivot(tb).cols;
	for (const axis of ['turvar', 'turtahun'] as const) {
		const one = chosen(tb, axis, c);
		if (one) {
			filter[axis] = [one];
			cols = cols.filter((x) => x !== axis);
		} else if (tb[axis].length > 1 && !cols.includes(axis)) {
			cols = [...cols, axis];
		}
	}
	if (c.rows?.length) filter.vervar = c.rows;
	const rows: Axis[] = ['vervar'];
	return c.swapped ? { rows: cols, cols: rows, filter } : { rows, cols, filter };
}

/**
 * Stable identities for the rows and columns of a pivot. A row is named by its row-axis values
 * ("vervar=3501"), so a selected region stays selected whatever the columns show. A column is
 * named by every other axis, including those the filter fixes ("turvar=811&tahun=124&turtahun=0"),
 * so a sort on "Male, 2024" survives switching the derived variable between "Male" and "All".
 */
export function layoutIds(
	tb: DynamicTable,
	spec: PivotSpec,
	r: PivotResult,
): { rows: string[]; cols: string[] } {
	// One recipe per side: for each axis in storage order, the key position or a fixed value. Built
	// with plain concatenation: this runs for every row of a 100 k-row table.
	const recipe = (axes: Axis[], withFixed: boolean): Array<[string, number | string]> => {
		const out: Array<[string, number | string]> = [];
		for (const a of AXES) {
			const at = axes.indexOf(a);
			if (at >= 0) out.push([`${a}=`, at]);
			else if (withFixed && !spec.rows.includes(a)) {
				const keep = spec.filter?.[a];
				out.push([`${a}=`, keep?.length === 1 ? keep[0] : (tb[a][0]?.val ?? '')]);
			}
		}
		return out;
	};
	const name = (parts: Array<[string, number | string]>, keys: string[]): string => {
		let s = '';
		for (let i = 0; i < parts.length; i++) {
			const [label, v] = parts[i];
			s += (i ? '&' : '') + label + (typeof v === 'number' ? keys[v] : v);
		}
		return s;
	};
	const rowParts = recipe(spec.rows, false);
	const colParts = recipe(spec.cols, true);
	return {
		rows: r.rowKeys.map((k) => name(rowParts, k)),
		cols: r.colKeys.map((k) => name(colParts, k)),
	};
}

/** The column index a sort state points at in this layout: -1 = the labels, undefined = not shown. */
export function sortColumn(colIds: string[], s: SortState): number | undefined {
	if (s.key === undefined) return undefined;
	if (s.key === LABEL_COLUMN) return -1;
	const i = colIds.indexOf(s.key);
	return i >= 0 ? i : undefined;
}

/** The sort state for a click on column `col` (-1 = labels, undefined = cleared). */
export function sortState(colIds: string[], col: number | undefined, dir: 1 | -1): SortState {
	if (col === undefined) return { dir: 1 };
	return { key: col === -1 ? LABEL_COLUMN : colIds[col], dir };
}

/** Rows of this layout whose identity is selected. */
export function selectedRows(rowIds: string[], keys: ReadonlySet<string>): number[] {
	const out: number[] = [];
	rowIds.forEach((id, i) => {
		if (keys.has(id)) out.push(i);
	});
	return out;
}

/**
 * The selection after the user changed it in this layout: the rows of this layout are replaced by
 * what is selected now; identities this layout does not show (the regions while the axes are
 * swapped) are kept, so swapping back restores them.
 */
export function updateSelection(
	keys: ReadonlySet<string>,
	rowIds: string[],
	selected: Iterable<number>,
): Set<string> {
	const here = new Set(rowIds);
	const out = new Set<string>();
	for (const k of keys) if (!here.has(k)) out.add(k);
	for (const r of selected) if (rowIds[r] !== undefined) out.add(rowIds[r]);
	return out;
}

/**
 * Aggregate rows and their rank (smaller = higher). BPS gives the total of a table the code 9999
 * ("INDONESIA" in national tables, the province or regency itself below that): rank 0. Region
 * codes nest by two digits (province 35, regency 3578, district 3578010): a province padded to
 * regency length (3500) in a table that also holds its regencies (3501, 3578…) is their aggregate,
 * rank 2; a regency padded to district length (3578000) above its districts, rank 4. Regency 3510
 * is not the aggregate of 3511: only whole levels count. Category codes (age groups 1–16) never are.
 */
export function aggregateRanks(items: DimItem[]): Map<string, number> {
	const out = new Map<string, number>();
	// How many codes share each province (2-digit) or regency (4-digit) head: one pass, so 100 k rows stay cheap.
	const heads = new Map<string, number>();
	for (const { val } of items) {
		if (val.length !== 4 && val.length !== 7) continue;
		const h2 = val.slice(0, 2);
		const h4 = val.slice(0, 4);
		heads.set(h2, (heads.get(h2) ?? 0) + 1);
		heads.set(h4, (heads.get(h4) ?? 0) + 1);
	}
	for (const it of items) {
		const v = it.val;
		if (v === '9999' || (it.label.length < 16 && /^\s*indonesia\s*$/i.test(it.label))) out.set(v, 0);
		else if (v.length === 4 && v.endsWith('00') && (heads.get(v.slice(0, 2)) ?? 0) > 1) out.set(v, 2);
		else if (v.length === 7 && v.endsWith('000') && (heads.get(v.slice(0, 4)) ?? 0) > 1) out.set(v, 4);
	}
	return out;
}

/** Per pivot row, its pin rank (aggregates stay on top, in rank order) — only when regions are the rows. */
export function pinRanks(
	tb: DynamicTable,
	spec: PivotSpec,
	r: PivotResult,
): (row: number) => number | undefined {
	const at = spec.rows.indexOf('vervar');
	if (at < 0 || spec.rows.length !== 1) return () => undefined;
	const ranks = aggregateRanks(tb.vervar);
	if (!ranks.size) return () => undefined;
	return (row) => ranks.get(r.rowKeys[row]?.[at] ?? '');
}

/** A chart: time on the x axis only; one series per row × derived variable [× sub-period]. */
export interface ChartSeriesData {
	labels: string[];
	series: Array<{ name: string; values: number[] }>;
	/** Series left out by the cap. */
	dropped: number;
}

export const MAX_SERIES = 12;

/** "Tahunan"/"Annual": the yearly aggregate among sub-periods, kept out of a monthly or quarterly line. */
function isAnnual(i: DimItem): boolean {
	return /^(tahunan|annual|yearly)$/i.test(i.label.trim());
}

/**
 * The chart of `regions` (vervar vals, in order): the x axis is time — years, or year × sub-period
 * in time order (the annual aggregate left out) — and each series is one region × derived variable
 * (each one when "All" is chosen) × the sub-period when one is chosen. Missing = NaN.
 */
export function chartSeries(tb: DynamicTable, c: LayoutChoice, regions: string[]): ChartSeriesData {
	const nTv = tb.turvar.length;
	const nTh = tb.tahun.length;
	const nTt = tb.turtahun.length;
	const oneTt = chosen(tb, 'turtahun', c);
	let tts = oneTt
		? [tb.turtahun.findIndex((x) => x.val === oneTt)]
		: tb.turtahun.map((_, i) => i).filter((i) => nTt < 2 || !isAnnual(tb.turtahun[i]));
	if (!tts.length) tts = tb.turtahun.map((_, i) => i);
	const x: Array<[number, number]> = [];
	for (let th = 0; th < nTh; th++) for (const tt of tts) x.push([th, tt]);
	const labels = x.map(([th, tt]) =>
		tts.length > 1 ? periodLabel(tb, th, tt) : (tb.tahun[th]?.label ?? ''),
	);
	const oneTv = chosen(tb, 'turvar', c);
	const tvs = oneTv ? [tb.turvar.findIndex((x) => x.val === oneTv)] : tb.turvar.map((_, i) => i);
	const showTv = !isTrivialDim(tb.turvar);
	const subLabel = oneTt && !isTrivialDim(tb.turtahun) ? tb.turtahun[tts[0]].label : '';
	const vIndex = new Map(tb.vervar.map((v, i) => [v.val, i]));
	const series: ChartSeriesData['series'] = [];
	let total = 0;
	for (const val of regions) {
		const v = vIndex.get(val);
		if (v === undefined) continue;
		for (const tv of tvs) {
			total++;
			if (series.length >= MAX_SERIES) continue;
			const name = [tb.vervar[v].label, showTv ? tb.turvar[tv].label : '', subLabel]
				.filter(Boolean)
				.join(' · ');
			const values = x.map(([th, tt]) => tb.values[((v * nTv + tv) * nTh + th) * nTt + tt]);
			series.push({ name, values });
		}
	}
	return { labels, series, dropped: total - series.length };
}

/**
 * The regions to chart: the selected ones (in table order, whatever the pivot), or else the first
 * rows in view — as many as fit {@link MAX_SERIES} lines with every derived variable, at most five.
 */
export function chartRegions(
	tb: DynamicTable,
	r: PivotResult,
	c: LayoutChoice,
	selected: ReadonlySet<string>,
	viewOrder: ArrayLike<number>,
): string[] {
	const picked = tb.vervar.map((v) => v.val).filter((v) => selected.has(`vervar=${v}`));
	if (picked.length) return picked;
	const perRegion = chosen(tb, 'turvar', c) ? 1 : Math.max(1, tb.turvar.length);
	const n = Math.max(1, Math.min(5, Math.floor(MAX_SERIES / perRegion)));
	if (c.swapped) return c.rows?.length ? c.rows.slice(0, n) : tb.vervar.slice(0, n).map((v) => v.val);
	return Array.from(viewOrder)
		.slice(0, n)
		.map((i) => r.rowKeys[i][0]);
}

/** The rows in view order as an export table (missing = null), headed by `corner` and the column labels. */
export function exportView(
	tb: DynamicTable,
	r: PivotResult,
	viewOrder: ArrayLike<number>,
	corner: string,
): ExportTable {
	const rows: ExportTable['rows'] = [];
	for (const i of Array.from(viewOrder)) {
		const row: Array<string | number | null> = [r.rowHeaders[i].join(' · ')];
		for (let c = 0; c < r.nCols; c++) {
			const v = r.cells[i * r.nCols + c];
			row.push(Number.isNaN(v) ? null : v);
		}
		rows.push(row);
	}
	return {
		title: tb.variable.title,
		columns: [corner, ...r.colHeaders.map((x) => x.join(' '))],
		rows,
		unit: tb.variable.unit,
		lastUpdate: tb.lastUpdate,
		decimal: tb.variable.decimal,
	};
}
