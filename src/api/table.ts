/**
 * Pure helpers over a decoded `DynamicTable`: long records, cell access, pivoting, number and
 * period formatting. Used by the preview, the snippets and the public API. No `vscode` import.
 */
import type { DimItem, DynamicTable } from './types';

/** One cell of a dynamic table in long ("tidy") form. `value` is null when the cell is missing. */
export interface LongRecord {
	vervar: string;
	vervarLabel: string;
	turvar: string;
	turvarLabel: string;
	tahun: string;
	tahunLabel: string;
	turtahun: string;
	turtahunLabel: string;
	value: number | null;
}

/** The four dimensions of a dynamic table. */
export type Axis = 'vervar' | 'turvar' | 'tahun' | 'turtahun';

/** Axes in storage order (outermost first), matching the `values` index. */
const AXES: readonly Axis[] = ['vervar', 'turvar', 'tahun', 'turtahun'];

/**
 * How to lay a table out: `rows` and `cols` list axes outermost first. Every axis in neither must
 * be narrowed to exactly one value (it has one, or `filter` keeps one). `filter` keeps only the
 * listed `val`s of an axis (in the table's order; unknown vals are ignored).
 */
export interface PivotSpec {
	rows: Axis[];
	cols: Axis[];
	filter?: Partial<Record<Axis, string[]>>;
}

/** A laid-out table. `cells[r * nCols + c]`; NaN = missing. Headers/keys are label/val tuples, one entry per row/col axis. */
export interface PivotResult {
	rowHeaders: string[][];
	rowKeys: string[][];
	colHeaders: string[][];
	colKeys: string[][];
	cells: Float64Array;
	nRows: number;
	nCols: number;
}

/**
 * The table as one record per cell, row-major (vervar, then turvar, tahun, turtahun).
 * Missing cells are skipped unless `includeMissing` is true (then their `value` is null).
 */
export function toRecords(t: DynamicTable, opts: { includeMissing?: boolean } = {}): LongRecord[] {
	const includeMissing = opts.includeMissing === true;
	const out: LongRecord[] = [];
	let idx = 0;
	for (const v of t.vervar) {
		for (const tv of t.turvar) {
			for (const th of t.tahun) {
				for (const tt of t.turtahun) {
					const x = t.values[idx++];
					const missing = Number.isNaN(x);
					if (missing && !includeMissing) continue;
					out.push({
						vervar: v.val,
						vervarLabel: v.label,
						turvar: tv.val,
						turvarLabel: tv.label,
						tahun: th.val,
						tahunLabel: th.label,
						turtahun: tt.val,
						turtahunLabel: tt.label,
						value: missing ? null : x,
					});
				}
			}
		}
	}
	return out;
}

/**
 * The value at (vervar v, turvar tv, tahun ti, turtahun tt), or null when missing.
 * @throws RangeError when an index is outside its dimension.
 */
export function cell(t: DynamicTable, v: number, tv: number, ti: number, tt: number): number | null {
	const dims = [t.vervar.length, t.turvar.length, t.tahun.length, t.turtahun.length];
	const ix = [v, tv, ti, tt];
	for (let i = 0; i < 4; i++) {
		if (!Number.isInteger(ix[i]) || ix[i] < 0 || ix[i] >= dims[i]) {
			throw new RangeError(`cell: ${AXES[i]} index ${ix[i]} out of range 0..${dims[i] - 1}`);
		}
	}
	const x = t.values[((v * dims[1] + tv) * dims[2] + ti) * dims[3] + tt];
	return Number.isNaN(x) ? null : x;
}

/** Labels that mean "no such dimension" when a dimension has a single value. */
const TRIVIAL_LABELS = new Set(['tidak ada', 'tahun', 'none', 'year', 'not available', 'annual']);

/**
 * True when a dimension carries no information worth a header: empty, or a single value that is
 * the API's placeholder (turvar "0" "Tidak ada", turtahun 0 "Tahun").
 */
export function isTrivialDim(items: DimItem[]): boolean {
	if (items.length === 0) return true;
	if (items.length > 1) return false;
	return items[0].val === '0' || TRIVIAL_LABELS.has(items[0].label.trim().toLowerCase());
}

/**
 * The default view: rows = vervar; cols = tahun, × turtahun when it has more than one value,
 * × turvar when it has more than one value.
 */
export function defaultPivot(t: DynamicTable): PivotSpec {
	const cols: Axis[] = ['tahun'];
	if (t.turtahun.length > 1) cols.push('turtahun');
	if (t.turvar.length > 1) cols.push('turvar');
	return { rows: ['vervar'], cols };
}

function dimOf(t: DynamicTable, a: Axis): DimItem[] {
	return t[a];
}

/** Per axis: selected positions within the table's dimension. */
function selected(t: DynamicTable, a: Axis, filter: PivotSpec['filter']): number[] {
	const dim = dimOf(t, a);
	const keep = filter?.[a];
	if (!keep) return dim.map((_, i) => i);
	const set = new Set(keep);
	const out: number[] = [];
	dim.forEach((d, i) => {
		if (set.has(d.val)) out.push(i);
	});
	return out;
}

/** Cartesian product of the axes' selections: header tuples and the `values` offset of each. */
function product(t: DynamicTable, axes: Axis[], sel: Record<Axis, number[]>, stride: Record<Axis, number>) {
	let headers: string[][] = [[]];
	let keys: string[][] = [[]];
	let offsets: number[] = [0];
	for (const a of axes) {
		const dim = dimOf(t, a);
		const s = sel[a];
		const h2: string[][] = [];
		const k2: string[][] = [];
		const o2: number[] = [];
		for (let i = 0; i < headers.length; i++) {
			for (const j of s) {
				h2.push([...headers[i], dim[j].label]);
				k2.push([...keys[i], dim[j].val]);
				o2.push(offsets[i] + j * stride[a]);
			}
		}
		headers = h2;
		keys = k2;
		offsets = o2;
	}
	return { headers, keys, offsets };
}

/**
 * Lay the table out as rows × cols.
 * @throws RangeError when an axis is used twice, or an axis in neither rows nor cols is left
 * with more than one value after filtering (it must be fixed to one).
 */
export function pivot(t: DynamicTable, spec: PivotSpec): PivotResult {
	const used = [...spec.rows, ...spec.cols];
	if (new Set(used).size !== used.length)
		throw new RangeError(`pivot: an axis is used twice (${used.join(', ')})`);
	for (const a of used) if (!AXES.includes(a)) throw new RangeError(`pivot: unknown axis ${String(a)}`);

	const stride: Record<Axis, number> = {
		turtahun: 1,
		tahun: t.turtahun.length,
		turvar: t.tahun.length * t.turtahun.length,
		vervar: t.turvar.length * t.tahun.length * t.turtahun.length,
	};
	const sel = {} as Record<Axis, number[]>;
	for (const a of AXES) sel[a] = selected(t, a, spec.filter);

	let fixed = 0;
	let empty = false;
	for (const a of AXES) {
		if (used.includes(a)) continue;
		if (sel[a].length > 1) {
			throw new RangeError(
				`pivot: axis ${a} is in neither rows nor cols and has ${sel[a].length} values; filter it to one`,
			);
		}
		if (sel[a].length === 0) empty = true;
		else fixed += sel[a][0] * stride[a];
	}

	const rows = product(t, spec.rows, sel, stride);
	const cols = product(t, spec.cols, sel, stride);
	// A fixed axis filtered to nothing leaves no cells at all.
	const nRows = empty ? 0 : rows.offsets.length;
	const nCols = empty ? 0 : cols.offsets.length;
	const cells = new Float64Array(nRows * nCols);
	const values = t.values;
	const co = cols.offsets;
	for (let r = 0; r < nRows; r++) {
		const base = fixed + rows.offsets[r];
		const out = r * nCols;
		for (let c = 0; c < nCols; c++) cells[out + c] = values[base + co[c]];
	}
	return {
		rowHeaders: empty ? [] : rows.headers,
		rowKeys: empty ? [] : rows.keys,
		colHeaders: empty ? [] : cols.headers,
		colKeys: empty ? [] : cols.keys,
		cells,
		nRows,
		nCols,
	};
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, decimal: number): Intl.NumberFormat {
	const id = `${locale}|${decimal}`;
	let f = formatters.get(id);
	if (!f) {
		const opts: Intl.NumberFormatOptions = {
			minimumFractionDigits: decimal,
			maximumFractionDigits: decimal,
			// No "-0" for values that round to zero (Intl.NumberFormat v3; not yet in the ES2022 lib types).
			signDisplay: 'negative' as Intl.NumberFormatOptions['signDisplay'],
		};
		try {
			f = new Intl.NumberFormat(locale, opts);
		} catch {
			// An invalid locale tag must not break rendering.
			f = new Intl.NumberFormat('en-US', opts);
		}
		formatters.set(id, f);
	}
	return f;
}

/**
 * Format a value with `decimal` places for a locale (`id-ID`: `1.234,56`; `en-US`: `1,234.56`).
 * NaN (missing) becomes '–'. `decimal` is clamped to 0..20.
 */
export function formatValue(v: number, decimal: number, locale: string): string {
	if (Number.isNaN(v)) return '–';
	const d = Number.isFinite(decimal) ? Math.min(20, Math.max(0, Math.trunc(decimal))) : 0;
	return formatter(locale, d).format(v);
}

/**
 * The label of period (tahun ti, turtahun tt): "2024 Januari" for sub-annual periods, "2024"
 * when turtahun is the placeholder (val 0 "Tahun", or a single trivial value).
 */
export function periodLabel(t: DynamicTable, ti: number, tt: number): string {
	const year = t.tahun[ti]?.label ?? '';
	const sub = t.turtahun[tt];
	if (!sub || sub.val === '0' || isTrivialDim(t.turtahun) || !sub.label) return year;
	return `${year} ${sub.label}`;
}
