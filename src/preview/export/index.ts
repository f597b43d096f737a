/** Pure exporters (no `vscode`): an ExportTable + provenance → file bytes. */
import { toCsv } from './csv';
import { toJson } from './json';
import type { ExportMeta, ExportTable } from './meta';
import { toXlsx } from './xlsx';
import type { ExportFormat } from '../protocol';

export type { ExportMeta } from './meta';
export { toCsv, toJson, toXlsx };

/** The file bytes for a format (CSV with a UTF-8 BOM so Excel reads "Rp" and "–" correctly). */
export function exportBytes(format: ExportFormat, t: ExportTable, m: ExportMeta): Uint8Array {
	switch (format) {
		case 'csv':
			return new TextEncoder().encode('\uFEFF' + toCsv(t, m));
		case 'json':
			return new TextEncoder().encode(toJson(t, m));
		case 'xlsx':
			return toXlsx(t, m);
	}
}
