import type { ExportTable } from '../protocol';

/** What every export carries besides the cells: the attribution the BPS terms require and the source. */
export interface ExportMeta {
	/** "Layanan ini menggunakan API Badan Pusat Statistik (BPS)." */
	attribution: string;
	attributionEn?: string;
	/** "Sumber: Badan Pusat Statistik (BPS) — https://www.bps.go.id" */
	source: string;
	/** The region's BPS website. */
	sourceUrl: string;
	/** YYYY-MM-DD */
	accessed: string;
	domain: string;
	kind: string;
	id: string | number;
}

export type { ExportTable };

/** The lines that describe where the data came from, shared by CSV comments and the XLSX source sheet. */
export function sourceLines(t: ExportTable, m: ExportMeta): Array<[string, string]> {
	const out: Array<[string, string]> = [['Atribusi / Attribution', m.attribution]];
	if (m.attributionEn) out.push(['', m.attributionEn]);
	out.push(
		// SOURCE_LINE already reads "Sumber: …": the label says it once.
		['Sumber / Source', m.source.replace(/^\s*(sumber|source)\s*:\s*/i, '')],
		['Situs / Website', m.sourceUrl],
		['Judul / Title', t.title],
		['Wilayah / Domain', m.domain],
		['Jenis / Kind', m.kind],
		['ID', String(m.id)],
	);
	if (t.unit) out.push(['Satuan / Unit', t.unit]);
	if (t.lastUpdate) out.push(['Pembaruan / Last update', t.lastUpdate]);
	out.push(['Diakses / Accessed', m.accessed]);
	return out;
}
