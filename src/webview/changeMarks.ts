/**
 * Where "Show changes" marks a watched table's changes in the grid: which pivot cells hold a
 * revised value (with the value before), and which columns — or rows, when the axes are swapped —
 * are periods that are new. Pure (no DOM), so any pivot, filter or swap maps the same changes;
 * unit-tested in test/unit/webview/changeMarks.test.ts.
 */
import type { Axis, PivotResult, PivotSpec } from '../api/table';
import type { DynamicTable } from '../api/types';
import type { ChangeHighlight } from '../preview/protocol';

export interface CellMark {
	kind: 'revised' | 'new';
	/** The value before the revision (undefined: there was none). */
	from?: number;
	to?: number;
}

export interface ChangeMarks {
	/** The mark of pivot cell (row, col); col -1 is the row label (a new period when swapped). */
	cell(row: number, col: number): CellMark | undefined;
	/** True when column `col` is a new period. */
	newColumn(col: number): boolean;
	/** Revised cells this layout shows. */
	revisedShown: number;
	/** Revised cells it does not show (another derived variable, a row not chosen, not kept). */
	revisedHidden: number;
	/** The new period labels this layout shows. */
	newPeriodsShown: string[];
}

const AXES: readonly Axis[] = ['vervar', 'turvar', 'tahun', 'turtahun'];

/** The marks of `changes` in the pivot `r` of `tb` laid out by `spec`. */
export function changeMarks(
	tb: DynamicTable,
	spec: PivotSpec,
	r: PivotResult,
	changes: ChangeHighlight,
): ChangeMarks {
	const key = (parts: readonly string[]) => parts.join('|');
	const rowAt = new Map(r.rowKeys.map((k, i) => [key(k), i]));
	const colAt = new Map(r.colKeys.map((k, i) => [key(k), i]));
	// An axis in neither rows nor columns is fixed to one value by the filter (or has only one).
	const fixed = new Map<Axis, string>();
	for (const a of AXES) {
		if (spec.rows.includes(a) || spec.cols.includes(a)) continue;
		const keep = spec.filter?.[a];
		fixed.set(a, keep?.length === 1 ? keep[0] : (tb[a][0]?.val ?? ''));
	}

	const revised = new Map<number, CellMark>();
	for (const c of changes.revised) {
		const [turvar = '', tahun = '', turtahun = ''] = c.column.split('|');
		const vals: Record<Axis, string> = { vervar: c.row, turvar, tahun, turtahun };
		if ([...fixed].some(([a, v]) => vals[a] !== v)) continue;
		const i = rowAt.get(key(spec.rows.map((a) => vals[a])));
		const j = colAt.get(key(spec.cols.map((a) => vals[a])));
		if (i === undefined || j === undefined) continue;
		revised.set(i * r.nCols + j, { kind: 'revised', from: c.from, to: c.to });
	}

	const wanted = new Set(changes.newPeriods.map((p) => p.trim()));
	const newVals = new Set(tb.tahun.filter((t) => wanted.has(t.label.trim())).map((t) => t.val));
	const newOn = (axes: Axis[], keys: string[][]): Set<number> => {
		const at = axes.indexOf('tahun');
		const out = new Set<number>();
		if (at >= 0) keys.forEach((k, i) => newVals.has(k[at]!) && out.add(i));
		return out;
	};
	const newCols = newOn(spec.cols, r.colKeys);
	const newRows = newOn(spec.rows, r.rowKeys);
	const shownVals = new Set<string>();
	const tahunOf = (axes: Axis[], keys: string[][], set: Set<number>) => {
		const at = axes.indexOf('tahun');
		for (const i of set) shownVals.add(keys[i]![at]!);
	};
	tahunOf(spec.cols, r.colKeys, newCols);
	tahunOf(spec.rows, r.rowKeys, newRows);
	const fixedTahun = fixed.get('tahun');
	const allNew = fixedTahun !== undefined && newVals.has(fixedTahun) && r.nRows > 0;
	if (allNew) shownVals.add(fixedTahun);

	const isNew = (row: number, col: number) =>
		col < 0 ? newRows.has(row) : allNew || newRows.has(row) || newCols.has(col);
	return {
		cell: (row, col) =>
			(col >= 0 ? revised.get(row * r.nCols + col) : undefined) ??
			(isNew(row, col) ? { kind: 'new' } : undefined),
		newColumn: (col) => allNew || newCols.has(col),
		revisedShown: revised.size,
		revisedHidden: Math.max(0, changes.count - revised.size),
		newPeriodsShown: tb.tahun.filter((t) => shownVals.has(t.val)).map((t) => t.label),
	};
}
