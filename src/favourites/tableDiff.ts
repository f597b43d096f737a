/**
 * What changed in a dynamic table between two checks of a favourite: periods that are new, and
 * cells whose value was revised. Pure code (no `vscode`), unit-tested in test/unit/tableDiff.test.ts.
 * A snapshot keeps the cells of the watched window by their dimension ids, with a readable label,
 * so the next check can say "Jawa Timur 2023: 12.3 → 12.5" without the old table.
 */
import type { DynamicTable } from '../api/types';
import type { DimensionView } from '../preview/protocol';

export interface TableSnapshot {
	/** The table's `last_update` at the check. */
	lastUpdate: string;
	/** Every period label the variable had (not only the watched ones): new ones are news. */
	periods: string[];
	/** Cell id (`vervar|turvar|tahun|turtahun` vals) → value; missing cells are absent. */
	cells: Record<string, number>;
	/** Cell id → "Jawa Timur · Laki-laki 2023". */
	labels: Record<string, string>;
}

export interface CellChange {
	id: string;
	/** The row (vervar) val and the column identity (turvar|tahun|turtahun vals), for the grid. */
	row: string;
	column: string;
	label: string;
	/** Undefined: the cell had no value before (or has none now). */
	from?: number;
	to?: number;
}

export interface TableChange {
	newPeriods: string[];
	revised: CellChange[];
}

/** The most cells a snapshot keeps: a bound on what one favourite adds to the stored state. */
export const MAX_SNAPSHOT_CELLS = 20_000;

/**
 * The cells of `t` as a snapshot; `periods` are the variable's period labels. With a favourite's
 * `view`, only the cells it shows (its rows, derived variable and sub-period): a revision of a
 * value the favourite does not show is not news for it.
 */
export function snapshotOf(t: DynamicTable, periods: readonly string[], view?: DimensionView): TableSnapshot {
	const cells: Record<string, number> = {};
	const labels: Record<string, string> = {};
	// A derived variable or period is named only when there is a choice of them.
	const named = (dim: DynamicTable['turvar'], i: number) => (dim.length > 1 ? dim[i]!.label : '');
	// A choice the table does not have (renamed, gone) shows everything, as the preview does.
	const only = (dim: DynamicTable['turvar'], val: string | undefined) =>
		val && dim.some((d) => d.val === val) ? (d: { val: string }) => d.val === val : () => true;
	const rows = view?.rows?.length ? new Set(view.rows) : undefined;
	const inRows = (v: { val: string }) => !rows || rows.has(v.val);
	const inTurvar = only(t.turvar, view?.turvar);
	const inTurtahun = only(t.turtahun, view?.turtahun);
	let n = 0;
	t.vervar.forEach((v, vi) =>
		t.turvar.forEach((tv, tvi) =>
			t.tahun.forEach((th, ti) =>
				t.turtahun.forEach((tt, tti) => {
					if (!inRows(v) || !inTurvar(tv) || !inTurtahun(tt)) return;
					const x = t.values[((vi * t.turvar.length + tvi) * t.tahun.length + ti) * t.turtahun.length + tti];
					if (x === undefined || Number.isNaN(x) || n >= MAX_SNAPSHOT_CELLS) return;
					const id = `${v.val}|${tv.val}|${th.val}|${tt.val}`;
					cells[id] = x;
					const extra = [named(t.turvar, tvi), named(t.turtahun, tti)].filter(Boolean).join(' ');
					labels[id] = `${v.label}${extra ? ` · ${extra}` : ''} ${th.label}`.trim();
					n++;
				}),
			),
		),
	);
	return { lastUpdate: t.lastUpdate, periods: [...periods], cells, labels };
}

/** The changes from `before` to `after`: new periods in list order, revised cells in `after`'s order. */
export function diffSnapshots(before: TableSnapshot, after: TableSnapshot): TableChange {
	const known = new Set(before.periods);
	const newPeriods = after.periods.filter((p) => !known.has(p));
	const revised: CellChange[] = [];
	const split = (id: string) => {
		const [row = '', ...rest] = id.split('|');
		return { row, column: rest.join('|') };
	};
	for (const [id, to] of Object.entries(after.cells)) {
		const from = before.cells[id];
		if (from === to) continue;
		// A cell of a period that was not watched before is new data, not a revision.
		if (from === undefined && isNewColumn(before, id)) continue;
		revised.push({ id, ...split(id), label: after.labels[id] ?? id, from, to });
	}
	for (const [id, from] of Object.entries(before.cells)) {
		if (!(id in after.cells) && !isNewColumn(after, id)) {
			revised.push({ id, ...split(id), label: before.labels[id] ?? id, from, to: undefined });
		}
	}
	return { newPeriods, revised };
}

/** True when no cell of `s` shares `id`'s period (tahun val): the window moved, nothing was revised. */
function isNewColumn(s: TableSnapshot, id: string): boolean {
	const th = id.split('|')[2];
	return !Object.keys(s.cells).some((k) => k.split('|')[2] === th);
}

export function hasChanges(c: TableChange): boolean {
	return c.newPeriods.length > 0 || c.revised.length > 0;
}

/** "Jawa Timur 2023: 12.3 → 12.5" for the first `n` revised cells; `fmt` formats a value ("–" for none). */
export function revisedLines(c: TableChange, fmt: (x: number | undefined) => string, n = 3): string[] {
	return c.revised.slice(0, n).map((r) => `${r.label}: ${fmt(r.from)} → ${fmt(r.to)}`);
}
