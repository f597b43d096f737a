/**
 * A decoded dynamic table as tidy rows: one row per cell, in the schema every answer of
 * `bps_get_table` uses (region_code, region, category_code, category, year, subperiod_code,
 * subperiod, period, value). Years are numbers, periods ISO-like (2024, 2024-03, 2024-Q1,
 * 2024-S1) and a missing cell is null — never 0. Pure code, no `vscode`.
 */
import { isTrivialDim, toRecords } from '../api/table';
import type { DimItem, DynamicTable } from '../api/types';

export interface TidyRow {
	region_code: string;
	region: string;
	/** null when the table has no derived variable (the API's "Tidak ada" placeholder). */
	category_code: string | null;
	category: string | null;
	year: number | null;
	/** null for annual figures. */
	subperiod_code: string | null;
	subperiod: string | null;
	period: string;
	value: number | null;
}

export const TIDY_COLUMNS: ReadonlyArray<keyof TidyRow> = [
	'region_code',
	'region',
	'category_code',
	'category',
	'year',
	'subperiod_code',
	'subperiod',
	'period',
	'value',
];

const MONTHS: ReadonlyArray<readonly string[]> = [
	['jan', 'januari', 'january'],
	['feb', 'februari', 'february', 'pebruari'],
	['mar', 'maret', 'march'],
	['apr', 'april'],
	['mei', 'may'],
	['jun', 'juni', 'june'],
	['jul', 'juli', 'july'],
	['agu', 'agt', 'aug', 'agustus', 'august'],
	['sep', 'sept', 'september'],
	['okt', 'oct', 'oktober', 'october'],
	['nov', 'nopember', 'november'],
	['des', 'dec', 'desember', 'december'],
];

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** The number after "Triwulan"/"Semester"/"Quarter": roman or arabic. */
function ordinal(label: string): number | undefined {
	const m = /(?:triwulan|kuartal|quarter|semester|tw|q|s)\s*[-.]?\s*([ivx]+|\d)\b/i.exec(label);
	if (!m) return undefined;
	const x = m[1].toLowerCase();
	return ROMAN[x] ?? (/^\d$/.test(x) ? Number(x) : undefined);
}

/**
 * The ISO-like suffix of a sub-annual period: "-03", "-Q1", "-S2", or "" for annual figures
 * (the "Tahun"/"Tahunan"/"Annual" rows). Reads the label first (BPS codes differ between
 * tables), then falls back to the usual codes (1–12 months, 31–34 quarters).
 */
export function subperiodSuffix(item: DimItem | undefined): string {
	if (!item || item.val === '0') return '';
	const label = item.label.trim().toLowerCase();
	if (/^(tahun|tahunan|annual|year|yearly)\b/.test(label)) return '';
	if (/triwulan|kuartal|quarter|\btw\b/.test(label)) {
		const n = ordinal(label);
		if (n && n <= 4) return `-Q${n}`;
	}
	if (/semester/.test(label)) {
		const n = ordinal(label);
		if (n && n <= 2) return `-S${n}`;
	}
	const word = label.split(/[^a-z]+/)[0];
	const month = MONTHS.findIndex((names) => names.includes(word));
	if (month >= 0) return `-${String(month + 1).padStart(2, '0')}`;
	const code = Number(item.val);
	if (code >= 1 && code <= 12) return `-${String(code).padStart(2, '0')}`;
	if (code >= 31 && code <= 34) return `-Q${code - 30}`;
	return '';
}

/** Every cell of the table as a tidy row, row-major (region, category, year, sub-period). */
export function tidyRows(t: DynamicTable): TidyRow[] {
	const noCategory = isTrivialDim(t.turvar);
	const annual = isTrivialDim(t.turtahun);
	const subByVal = new Map(t.turtahun.map((x) => [x.val, x]));
	return toRecords(t, { includeMissing: true }).map((r) => {
		const yearNum = Number.parseInt(r.tahunLabel, 10);
		const year = Number.isFinite(yearNum) ? yearNum : null;
		const sub = annual ? undefined : subByVal.get(r.turtahun);
		const suffix = subperiodSuffix(sub);
		const isSub = !!sub && sub.val !== '0';
		return {
			region_code: r.vervar,
			region: r.vervarLabel.trim(),
			category_code: noCategory ? null : r.turvar,
			category: noCategory ? null : r.turvarLabel.trim(),
			year,
			subperiod_code: isSub ? r.turtahun : null,
			subperiod: isSub ? r.turtahunLabel.trim() : null,
			period: `${year ?? r.tahunLabel.trim()}${suffix}`,
			value: r.value !== null && Number.isFinite(r.value) ? r.value : null,
		};
	});
}

/** "2024-01 … 2024-12", "2022–2024" or the single period, for a header line. */
export function periodRange(rows: readonly TidyRow[]): string {
	if (!rows.length) return '';
	const all = [...new Set(rows.map((r) => r.period))];
	// A monthly or quarterly table's annual totals ("2024") would hide its first sub-period.
	const sub = all.filter((p) => p.length > 4);
	const sorted = (sub.length ? sub : all).sort();
	const first = sorted[0];
	const last = sorted[sorted.length - 1];
	if (first === last) return first;
	return /^\d{4}$/.test(first) && /^\d{4}$/.test(last) ? `${first}–${last}` : `${first} … ${last}`;
}
