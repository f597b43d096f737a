import type { ExportMeta, ExportTable } from './meta';

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
