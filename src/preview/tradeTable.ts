/**
 * Foreign trade in the preview: the records of a `TradeResult` as a `DynamicTable`, so the one
 * grid, pivot, chart and export of dynamic tables show it (no second grid to keep fast):
 * - rows (`vervar`): one per HS code × country × port, first seen first ("03 · JAPAN · BELAWAN · Fish…");
 * - derived variables (`turvar`): the value (US$) and the net weight (kg);
 * - periods (`tahun`): the years asked for; sub-periods (`turtahun`): the months, or one "annual".
 * A `null` port or country is a row of its own labelled as unknown, never dropped.
 * {@link regroupTrade} sums the rows by HS code, country or port: the pivots one click away.
 * Pure (no `vscode`): the host builds the table, the webview regroups it.
 */
import type { TradeResult } from '../api/families/types';
import type { DimItem, DynamicTable } from '../api/types';
import { gridTable } from './gridTable';
import { tradeTitle } from '../catalogue/trade';

/** What the rows stand for: every combination, or one of its parts summed over the others. */
export type TradeRowsBy = 'all' | 'hs' | 'country' | 'port';
export const TRADE_ROWS_BY: readonly TradeRowsBy[] = ['all', 'hs', 'country', 'port'];

/** Words the table carries, in the data language (the host passes them localised). */
export interface TradeLabels {
	/** The row dimension's title, e.g. "HS code · Country · Port". */
	rows: string;
	/** A port or country BPS has no record of. */
	unknown: string;
	value: string;
	weight: string;
	annual: string;
	/** January … December. */
	months: readonly string[];
	/** The header's notes (plain text, one per line). */
	notes: readonly string[];
}

/** Separates the parts of a row's identity (never in a code, a name or a description). */
const SEP = '\u001f';

/** A row's identity: HS code, its description, country ('' = unknown), port ('' = unknown). */
function rowVal(hsCode: string, hsLabel: string, country: string | null, port: string | null): string {
	return [hsCode, hsLabel, country ?? '', port ?? ''].join(SEP);
}

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The trade answer as a dynamic table (rows by HS code × country × port). */
export function tradeDynamicTable(r: TradeResult, lang: 'ind' | 'eng', l: TradeLabels): DynamicTable {
	const years = [...new Set(r.query.years)].sort((a, b) => a - b);
	const tahun: DimItem[] = years.map((y) => ({ val: String(y), label: String(y) }));
	const turtahun: DimItem[] = r.query.monthly
		? l.months.map((m, i) => ({ val: String(i + 1), label: m }))
		: [{ val: '0', label: l.annual }];
	const turvar: DimItem[] = [
		{ val: 'value', label: l.value },
		{ val: 'weight', label: l.weight },
	];
	const rowIndex = new Map<string, number>();
	const vervar: DimItem[] = [];
	for (const x of r.records) {
		const val = rowVal(x.hsCode, x.hsLabel, x.country, x.port);
		if (rowIndex.has(val)) continue;
		rowIndex.set(val, vervar.length);
		vervar.push({ val, label: rowLabel(val, 'all', l.unknown) });
	}
	const nT = turtahun.length;
	const strideTh = nT;
	const strideTv = years.length * nT;
	const strideV = 2 * strideTv;
	const values = new Float64Array(vervar.length * strideV).fill(NaN);
	const yearIdx = new Map(years.map((y, i) => [y, i]));
	for (const x of r.records) {
		const v = rowIndex.get(rowVal(x.hsCode, x.hsLabel, x.country, x.port))!;
		const y = yearIdx.get(x.year);
		const m = r.query.monthly ? (x.month ?? 0) - 1 : 0;
		if (y === undefined || m < 0 || m >= nT) continue;
		const at = v * strideV + y * strideTh + m;
		add(values, at, x.valueUsd);
		add(values, at + strideTv, x.netWeightKg);
	}
	return gridTable({
		domain: '0000',
		lang,
		variable: {
			id: 0,
			title: tradeTitle(r.query, lang),
			unit: `${l.value}; ${l.weight}`,
			subject: '',
			notes: l.notes.map(escapeHtml).join('<br>'),
			decimal: 0,
		},
		rowTitle: l.rows,
		vervar,
		turvar,
		tahun,
		turtahun,
		values,
		fetchedAt: r.fetchedAt,
		stale: r.stale,
	});
}

/** Adds `x` to a cell; a missing value leaves it as it is (missing stays NaN, never 0). */
function add(values: Float64Array, at: number, x: number | null): void {
	if (x === null || !Number.isFinite(x)) return;
	values[at] = Number.isNaN(values[at]) ? x : values[at] + x;
}

/** The label of a row identity under a grouping: "03 · JAPAN · TANJUNG PRIOK · Fish…", "JAPAN"… */
function rowLabel(val: string, by: TradeRowsBy, unknown: string): string {
	const [code, desc, country, port] = val.split(SEP);
	const hs = desc ? `${code} ${desc}` : code;
	switch (by) {
		case 'hs':
			return hs;
		case 'country':
			return country || unknown;
		case 'port':
			return port || unknown;
		default:
			// Code, country and port first: the grid's label column is narrow, the description long.
			return [code, country || unknown, port || unknown, desc].filter(Boolean).join(' · ');
	}
}

/** The part of a row identity a grouping keeps ('all': the whole identity). */
function groupKey(val: string, by: TradeRowsBy): string {
	if (by === 'all') return val;
	const [code, desc, country, port] = val.split(SEP);
	return by === 'hs' ? [code, desc].join(SEP) : by === 'country' ? country : port;
}

/**
 * The table with its rows summed by HS code, country or port (over the other two), in order of
 * first appearance; `all` gives the table back. Sums skip missing cells; a cell missing in every
 * row summed stays missing.
 */
export function regroupTrade(
	t: DynamicTable,
	by: TradeRowsBy,
	l: Pick<TradeLabels, 'unknown'> & { rowTitle: string },
): DynamicTable {
	if (by === 'all') return t;
	const stride = t.turvar.length * t.tahun.length * t.turtahun.length;
	const groups = new Map<string, number>();
	const vervar: DimItem[] = [];
	const target = new Int32Array(t.vervar.length);
	t.vervar.forEach((v, i) => {
		const key = groupKey(v.val, by);
		let g = groups.get(key);
		if (g === undefined) {
			g = vervar.length;
			groups.set(key, g);
			vervar.push({ val: key, label: rowLabel(v.val, by, l.unknown) });
		}
		target[i] = g;
	});
	const values = new Float64Array(vervar.length * stride).fill(NaN);
	for (let i = 0; i < t.vervar.length; i++) {
		const from = i * stride;
		const to = target[i] * stride;
		for (let c = 0; c < stride; c++) {
			const x = t.values[from + c];
			if (!Number.isNaN(x)) values[to + c] = Number.isNaN(values[to + c]) ? x : values[to + c] + x;
		}
	}
	return { ...t, rowTitle: l.rowTitle, vervar, values };
}
