/**
 * Census data in the preview: the long-form rows of a `CensusData` as a `DynamicTable`, so the one
 * grid, pivot, chart and export of dynamic tables show it (no second grid to keep fast). The
 * layout is the one census books print:
 * - rows (`vervar`): the area × every category dimension but the last (age groups…), first seen first;
 * - derived variables (`turvar`): the items of the last category dimension (sex…), or the
 *   indicator when the dataset has no category;
 * - periods (`tahun`): the census periods; no sub-periods.
 * "Swap" puts the periods and the last category in the rows; the derived-variable choice keeps one
 * of its items. Several indicators in one answer (not seen) each get their own rows.
 * Pure (no `vscode`): the host builds the table with its words localised.
 */
import type { CensusData, CensusRow } from '../api/families/types';
import type { DimItem, DynamicTable } from '../api/types';

/** Words the table carries, localised by the host. */
export interface CensusLabels {
	/** The dataset's name (the data answer holds only its id). */
	title: string;
	/** "Area", the row title when no category dimension is left for the rows. */
	area: string;
	/** The header's notes (plain text, one per line). */
	notes: readonly string[];
}

/** Separates the parts of a row's identity (never in an id). */
const SEP = '\u001f';

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function censusDynamicTable(d: CensusData, lang: 'ind' | 'eng', l: CensusLabels): DynamicTable {
	const nDims = d.dimensions.length;
	const rowDims = Math.max(0, nDims - 1);
	const indicators = new Set(d.rows.map((r) => r.indicatorId));
	const areas = new Set(d.rows.map((r) => r.areaCode));
	const manyIndicators = indicators.size > 1;
	const manyAreas = areas.size > 1;

	const rowKey = (r: CensusRow): string =>
		[
			r.areaCode,
			manyIndicators ? r.indicatorId : '',
			...r.categories.slice(0, rowDims).map((c) => c.itemId),
		].join(SEP);
	const rowLabel = (r: CensusRow): string => {
		const parts = r.categories.slice(0, rowDims).map((c) => c.itemName.trim());
		if (manyIndicators) parts.unshift(r.indicatorName.trim());
		if (manyAreas || parts.length === 0) parts.unshift(r.areaName.trim());
		return parts.join(' · ');
	};
	const colKey = (r: CensusRow): string =>
		nDims > 0 ? (r.categories[nDims - 1]?.itemId ?? '') : r.indicatorId;

	const vervar: DimItem[] = [];
	const rowIndex = new Map<string, number>();
	for (const r of d.rows) {
		const k = rowKey(r);
		if (rowIndex.has(k)) continue;
		rowIndex.set(k, vervar.length);
		// Not a region code: the pinning of aggregate regions (codes 9999, 3500…) must not apply.
		vervar.push({ val: `r${vervar.length}`, label: rowLabel(r) });
	}
	const turvar: DimItem[] =
		nDims > 0
			? d.dimensions[nDims - 1].items.map((it) => ({ val: it.id, label: it.name.trim() || it.code }))
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
		[manyAreas || rowDims === 0 ? l.area : '', ...d.dimensions.slice(0, rowDims).map((x) => x.name.trim())]
			.filter(Boolean)
			.join(' · ') || l.area;
	const first = d.rows[0];
	return {
		domain: '0000',
		lang,
		variable: {
			id: d.dataset,
			title: l.title || first?.indicatorName.trim() || String(d.dataset),
			unit: '',
			subject: first?.indicatorName.trim() ?? '',
			definition: '',
			notes: l.notes.map(escapeHtml).join('<br>'),
			decimal: isInteger(d.rows) ? 0 : 2,
		},
		rowTitle,
		vervar,
		turvar,
		tahun,
		turtahun,
		values,
		lastUpdate: '',
		subjects: [],
		related: [],
		unmatchedKeys: 0,
		fetchedAt: d.fetchedAt,
		stale: d.stale,
	};
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
