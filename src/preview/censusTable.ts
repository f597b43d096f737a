/**
 * Census data in the preview: the long-form rows of a `CensusData` as a `DynamicTable`, so the one
 * grid, pivot, chart and export of dynamic tables show it (no second grid to keep fast). One
 * dimension goes across the columns, the others down the rows, as census books print them:
 * - the dimensions are the area (when the data holds several areas) and each category;
 * - derived variables (`turvar`): the items of the column dimension — by default the last
 *   category (sex…), or the indicator when the dataset has no category and one area;
 * - rows (`vervar`): every other dimension, area first, then the categories in order, first seen first;
 * - periods (`tahun`): the census periods; no sub-periods.
 * "Swap" puts the periods and the column dimension in the rows; the derived-variable choice keeps
 * one of its items. Several indicators in one answer (not seen) each get their own rows.
 * Pure (no `vscode`): the host builds the table with its words localised.
 */
import type { CensusData, CensusRow } from '../api/families/types';
import type { DimItem, DynamicTable } from '../api/types';
import { gridTable } from './gridTable';

/** Words the table carries, localised by the host. */
export interface CensusLabels {
	/** The dataset's name (the data answer holds only its id). */
	title: string;
	/** "Area", the area dimension's name (and the row title when no other dimension is left). */
	area: string;
	/** The header's notes (plain text, one per line). */
	notes: readonly string[];
}

/** The area dimension's key among the category ids (which are digits). */
export const CENSUS_AREA_DIM = 'area';

/** Separates the parts of a row's identity (never in an id). */
const SEP = '\u001f';

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The dimensions that can go across the columns (`val`: the category id, or {@link CENSUS_AREA_DIM};
 * `label`: its name), in row order. Fewer than two: there is nothing to choose.
 */
export function censusLayouts(d: CensusData, areaLabel: string): DimItem[] {
	const out: DimItem[] = [];
	if (new Set(d.rows.map((r) => r.areaCode)).size > 1) out.push({ val: CENSUS_AREA_DIM, label: areaLabel });
	for (const x of d.dimensions) out.push({ val: x.id, label: x.name.trim() || x.id });
	return out;
}

/** The column dimension: `wanted` when the data has it, else the last category (else the area, if several). */
export function censusColumn(d: CensusData, wanted: string | undefined): string | undefined {
	const keys = censusLayouts(d, '').map((x) => x.val);
	return wanted !== undefined && keys.includes(wanted) ? wanted : keys[keys.length - 1];
}

export function censusDynamicTable(
	d: CensusData,
	lang: 'ind' | 'eng',
	l: CensusLabels,
	wanted?: string,
): DynamicTable {
	const column = censusColumn(d, wanted);
	const areaCol = column === CENSUS_AREA_DIM;
	const rowDims = d.dimensions.filter((x) => x.id !== column);
	const indicators = new Set(d.rows.map((r) => r.indicatorId));
	const manyIndicators = indicators.size > 1;
	const manyAreas = new Set(d.rows.map((r) => r.areaCode)).size > 1;
	const areaRow = manyAreas && !areaCol;
	const item = (r: CensusRow, dim: string) => r.categories.find((c) => c.id === dim);

	const rowKey = (r: CensusRow): string =>
		[
			areaCol ? '' : r.areaCode,
			manyIndicators ? r.indicatorId : '',
			...rowDims.map((x) => item(r, x.id)?.itemId ?? ''),
		].join(SEP);
	const rowLabel = (r: CensusRow): string => {
		const parts = rowDims.map((x) => item(r, x.id)?.itemName.trim() ?? '');
		if (manyIndicators) parts.unshift(r.indicatorName.trim());
		if (areaRow || (parts.length === 0 && !areaCol)) parts.unshift(r.areaName.trim());
		return parts.join(' · ') || r.indicatorName.trim();
	};
	const colKey = (r: CensusRow): string =>
		areaCol ? r.areaCode : column !== undefined ? (item(r, column)?.itemId ?? '') : r.indicatorId;

	const vervar: DimItem[] = [];
	const rowIndex = new Map<string, number>();
	for (const r of d.rows) {
		const k = rowKey(r);
		if (rowIndex.has(k)) continue;
		rowIndex.set(k, vervar.length);
		// Not a region code: the pinning of aggregate regions (codes 9999, 3500…) must not apply.
		vervar.push({ val: `r${vervar.length}`, label: rowLabel(r) });
	}
	const colDim = d.dimensions.find((x) => x.id === column);
	const turvar: DimItem[] = areaCol
		? [...new Map(d.rows.map((r) => [r.areaCode, r.areaName.trim()])).entries()].map(([val, label]) => ({
				val,
				label,
			}))
		: colDim
			? colDim.items.map((it) => ({ val: it.id, label: it.name.trim() || it.code }))
			: [...new Map(d.rows.map((r) => [r.indicatorId, r.indicatorName.trim()])).entries()].map(
					([val, label]) => ({ val, label }),
				);
	const periods = [...new Set(d.rows.map((r) => r.period.trim()))].sort();
	const tahun: DimItem[] = periods.map((p) => ({ val: p, label: p }));
	const turtahun: DimItem[] = [{ val: '0', label: '' }];

	const colIndex = new Map(turvar.map((t, i) => [t.val, i]));
	const periodIndex = new Map(periods.map((p, i) => [p, i]));
	const nTv = turvar.length;
	const nTh = tahun.length;
	const values = new Float64Array(vervar.length * nTv * nTh).fill(NaN);
	for (const r of d.rows) {
		const v = rowIndex.get(rowKey(r))!;
		const tv = colIndex.get(colKey(r));
		const th = periodIndex.get(r.period.trim());
		if (tv === undefined || th === undefined || r.value === null) continue;
		values[(v * nTv + tv) * nTh + th] = r.value;
	}

	const rowTitle =
		[areaRow || (rowDims.length === 0 && !areaCol) ? l.area : '', ...rowDims.map((x) => x.name.trim())]
			.filter(Boolean)
			.join(' · ') || l.area;
	const first = d.rows[0];
	return gridTable({
		domain: '0000',
		lang,
		variable: {
			id: d.dataset,
			title: l.title || first?.indicatorName.trim() || String(d.dataset),
			unit: '',
			subject: first?.indicatorName.trim() ?? '',
			notes: l.notes.map(escapeHtml).join('<br>'),
			decimal: isInteger(d.rows) ? 0 : 2,
		},
		rowTitle,
		vervar,
		turvar,
		tahun,
		turtahun,
		values,
		fetchedAt: d.fetchedAt,
		stale: d.stale,
	});
}

/** Counts (people, households) show without decimals; anything fractional keeps two. */
function isInteger(rows: readonly CensusRow[]): boolean {
	return rows.every((r) => r.value === null || Number.isInteger(r.value));
}

/** The table with only the periods at positions `keep` (the census period picker's choice). */
export function keepPeriods(t: DynamicTable, keep: ReadonlySet<number>): DynamicTable {
	if (t.tahun.every((_, i) => keep.has(i))) return t;
	const at = t.tahun.map((_, i) => i).filter((i) => keep.has(i));
	const nTv = t.turvar.length;
	const nTh = t.tahun.length;
	const nTt = t.turtahun.length;
	const values = new Float64Array(t.vervar.length * nTv * at.length * nTt);
	let o = 0;
	for (let v = 0; v < t.vervar.length; v++)
		for (let tv = 0; tv < nTv; tv++)
			for (const th of at)
				for (let tt = 0; tt < nTt; tt++) values[o++] = t.values[((v * nTv + tv) * nTh + th) * nTt + tt];
	return { ...t, tahun: at.map((i) => t.tahun[i]), values };
}
