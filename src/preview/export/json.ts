import type { PivotSpec } from '../../api/table';
import type { DynamicTable } from '../../api/types';
import { tidyColumns, tidyRowsFromPivot } from '../../snippets/tidy';
import type { ExportMeta, ExportTable } from './meta';

/**
 * What the JSON export of a dynamic table holds: the cells the preview shows (its pivot, the rows
 * in view order) in the tidy schema every data format shares (src/snippets/tidy.ts) — one record
 * per cell with region_code, region, [category_code, category], year, [subperiod_code, subperiod],
 * period, value (null = missing) — rather than the grid's columns, which change with the pivot.
 */
export function tidyExportTable(tb: DynamicTable, spec: PivotSpec, rows: readonly number[]): ExportTable {
	return {
		title: tb.variable.title,
		columns: tidyColumns(tb).map((c) => c.name),
		rows: tidyRowsFromPivot(tb, spec, rows),
		unit: tb.variable.unit,
		lastUpdate: tb.lastUpdate,
		decimal: tb.variable.decimal,
	};
}

/** The JSON export: a wrapper that keeps the attribution and source next to the data. */
export interface JsonExport {
	attribution: string;
	attributionEn?: string;
	source: string;
	sourceUrl: string;
	accessed: string;
	title: string;
	domain: string;
	kind: string;
	id: string | number;
	unit?: string;
	lastUpdate?: string;
	columns: string[];
	/** One object per row, keyed by column header; missing cells are null. */
	data: Array<Record<string, string | number | null>>;
}

export function toJsonExport(t: ExportTable, m: ExportMeta): JsonExport {
	// Duplicate headers would overwrite each other as object keys: make them unique.
	const seen = new Map<string, number>();
	const keys = t.columns.map((c) => {
		const n = (seen.get(c) ?? 0) + 1;
		seen.set(c, n);
		return n === 1 ? c : `${c} (${n})`;
	});
	const data = t.rows.map((r) => {
		const o: Record<string, string | number | null> = {};
		keys.forEach((k, i) => {
			const v = r[i];
			o[k] = v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : v;
		});
		return o;
	});
	const out: JsonExport = {
		attribution: m.attribution,
		...(m.attributionEn ? { attributionEn: m.attributionEn } : {}),
		source: m.source,
		sourceUrl: m.sourceUrl,
		accessed: m.accessed,
		title: t.title,
		domain: m.domain,
		kind: m.kind,
		id: m.id,
		...(t.unit ? { unit: t.unit } : {}),
		...(t.lastUpdate ? { lastUpdate: t.lastUpdate } : {}),
		columns: keys,
		data,
	};
	return out;
}

export function toJson(t: ExportTable, m: ExportMeta): string {
	return JSON.stringify(toJsonExport(t, m), null, '\t') + '\n';
}
