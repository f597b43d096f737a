/**
 * SIMDASI in the preview: one table ("Dalam Angka") over the chosen years as a `DynamicTable`, so
 * the one grid, pivot, chart and export of dynamic tables show it:
 * - rows (`vervar`): the table's rows (areas or categories), by MFD code or label, first seen first;
 * - derived variables (`turvar`): its columns (`kolom`), "name (unit)" in the data language;
 * - periods (`tahun`): the years loaded (one request each); no sub-periods.
 * A column or row that one year lacks is missing (NaN) there, never 0. The notes and the source
 * of each year go into the header. Pure (no `vscode`).
 */
import type { SimdasiTable } from '../api/families/types';
import type { DimItem, DynamicTable } from '../api/types';
import { gridTable } from './gridTable';
import { simdasiColumnHeader } from '../snippets/families/simdasi';

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "Luas Daerah …, 2024" → "Luas Daerah …": the title of several years names none. */
export function simdasiTitle(
	t: Pick<SimdasiTable, 'title' | 'titleEn' | 'year'>,
	lang: 'ind' | 'eng',
): string {
	const title = (lang === 'eng' ? t.titleEn : t.title).trim();
	return title.replace(new RegExp(`,?\\s*${t.year}\\s*$`), '').trim() || title;
}

/** The tables of one SIMDASI table id, one per year (any order), as one dynamic table. */
export function simdasiDynamicTable(tables: readonly SimdasiTable[], lang: 'ind' | 'eng'): DynamicTable {
	if (!tables.length) throw new RangeError('no SIMDASI table to show');
	const years = [...tables].sort((a, b) => a.year - b.year);
	const last = years[years.length - 1];

	const turvar: DimItem[] = [];
	const colIndex = new Map<string, number>();
	const vervar: DimItem[] = [];
	const rowIndex = new Map<string, number>();
	const rowKey = (r: SimdasiTable['rows'][number]) => r.areaCode || `label:${r.label.trim()}`;
	// The newest year's names and order first: that is the table as BPS prints it now.
	for (const t of [...years].reverse()) {
		for (const c of t.columns) {
			if (colIndex.has(c.key)) continue;
			colIndex.set(c.key, turvar.length);
			turvar.push({ val: c.key, label: simdasiColumnHeader(c, lang) });
		}
	}
	for (const t of [...years].reverse()) {
		for (const r of t.rows) {
			const k = rowKey(r);
			if (rowIndex.has(k)) continue;
			rowIndex.set(k, vervar.length);
			vervar.push({ val: k, label: r.label.trim() || r.areaCode });
		}
	}
	const tahun: DimItem[] = years.map((t) => ({ val: String(t.year), label: String(t.year) }));
	const nTv = turvar.length;
	const nTh = tahun.length;
	const values = new Float64Array(vervar.length * nTv * nTh).fill(NaN);
	years.forEach((t, th) => {
		const cols = t.columns.map((c) => colIndex.get(c.key)!);
		for (const r of t.rows) {
			const v = rowIndex.get(rowKey(r))!;
			r.values.forEach((x, i) => {
				if (x !== null && Number.isFinite(x)) values[(v * nTv + cols[i]) * nTh + th] = x;
			});
		}
	});
	const decimals = Math.max(0, ...last.columns.map((c) => c.decimals ?? 0));
	const notes = [...new Set(years.map((t) => t.notes.trim()).filter(Boolean))];
	const sources = [...new Set(years.map((t) => t.source.trim()).filter(Boolean))];
	const en = lang === 'eng';
	return gridTable({
		domain: '',
		lang,
		variable: {
			id: 0,
			title: simdasiTitle(last, lang),
			unit: '',
			subject: '',
			notes: [
				...notes.map((n) => `${en ? 'Notes' : 'Catatan'}: ${escapeHtml(n)}`),
				...sources.map((s) => `${en ? 'Source' : 'Sumber'}: ${escapeHtml(s)}`),
			].join('<br>'),
			decimal: Math.min(decimals, 4),
		},
		// The rows are regions (or categories) of the area: the grid's corner says "Region".
		rowTitle: '',
		vervar,
		turvar,
		tahun,
		turtahun: [{ val: '0', label: '' }],
		values,
		fetchedAt: Math.min(...years.map((t) => t.fetchedAt)),
		stale: years.some((t) => t.stale),
	});
}
