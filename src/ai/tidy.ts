/**
 * A decoded dynamic table as tidy records for `bps_get_table`, in the one tidy schema the
 * snippets and exports use (src/snippets/tidy.ts): region_code, region, [category_code,
 * category], year, [subperiod_code, subperiod], period, value — the pairs only when the table has
 * them, years as numbers, ISO-style periods, a missing cell null (never 0). Pure code, no `vscode`.
 */
import type { DynamicTable } from '../api/types';
import { tidyColumns, tidyRows } from '../snippets/tidy';

export type TidyRecord = Record<string, string | number | null>;

export interface TidyTable {
	columns: string[];
	rows: TidyRecord[];
}

/** Every cell of `t` as a record keyed by the tidy column names, row-major. */
export function tidyTable(t: DynamicTable): TidyTable {
	const columns = tidyColumns(t).map((c) => c.name);
	const rows = tidyRows(t).map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])));
	return { columns, rows };
}

/** "2024-01 … 2024-12", "2022–2024" or the single period, for a header line. */
export function periodRange(rows: readonly TidyRecord[]): string {
	if (!rows.length) return '';
	const all = [...new Set(rows.map((r) => String(r.period ?? '')).filter(Boolean))];
	// A monthly or quarterly table's annual totals ("2024") would hide its first sub-period.
	const sub = all.filter((p) => p.length > 4);
	const sorted = (sub.length ? sub : all).sort();
	if (!sorted.length) return '';
	const first = sorted[0];
	const last = sorted[sorted.length - 1];
	if (first === last) return first;
	return /^\d{4}$/.test(first) && /^\d{4}$/.test(last) ? `${first}–${last}` : `${first} … ${last}`;
}
