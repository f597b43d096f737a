/**
 * A minimal XLSX (Office Open XML spreadsheet) writer: two sheets, inline strings, numbers, one
 * bold style and one number format. Zipped with fflate (8 kB) rather than a full spreadsheet
 * library (SheetJS is ~1 MB and no longer on npm), since we only ever write one simple shape.
 */
import { strToU8, zipSync } from 'fflate';
import { sourceLines, type ExportMeta, type ExportTable } from './meta';

/** Sheet names may not contain : \ / ? * [ ] — so "Sumber/Source" is written "Sumber - Source". */
export const DATA_SHEET = 'Data';
export const SOURCE_SHEET = 'Sumber - Source';

/** Excel column letters: 0 → A, 25 → Z, 26 → AA. */
export function colName(i: number): string {
	let s = '';
	let n = i + 1;
	while (n > 0) {
		const r = (n - 1) % 26;
		s = String.fromCharCode(65 + r) + s;
		n = Math.floor((n - 1) / 26);
	}
	return s;
}

/** XML text: escape markup and drop characters XML 1.0 forbids (control chars would corrupt the file). */
export function xmlText(s: string): string {
	return (
		s
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			.replace(/"/g, '&quot;')
	);
}

const STYLE_BOLD = 1;
const STYLE_NUMBER = 2;
const STYLE_NOTE = 3;

type Cell = string | number | null | undefined;

function cellXml(ref: string, v: Cell, style = 0): string {
	const s = style ? ` s="${style}"` : '';
	if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
	if (typeof v === 'number') return `<c r="${ref}"${s || ` s="${STYLE_NUMBER}"`}><v>${v}</v></c>`;
	return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
}

function sheetXml(
	rows: Array<{ cells: Cell[]; style?: number }>,
	opts: { freezeRow?: number; widths?: number[] } = {},
): string {
	const body = rows
		.map((r, ri) => {
			const cells = r.cells
				.map((v, ci) => cellXml(`${colName(ci)}${ri + 1}`, v, typeof v === 'number' ? 0 : r.style))
				.join('');
			return `<row r="${ri + 1}">${cells}</row>`;
		})
		.join('');
	const pane = opts.freezeRow
		? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${opts.freezeRow}" topLeftCell="A${opts.freezeRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
		: '';
	const cols = opts.widths?.length
		? `<cols>${opts.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
		: '';
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${pane}${cols}<sheetData>${body}</sheetData></worksheet>`;
}

function stylesXml(decimal: number): string {
	const d = Math.min(10, Math.max(0, Math.trunc(decimal) || 0));
	const fmt = d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="${xmlText(fmt)}"/></numFmts><fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><i/><sz val="10"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

/**
 * The table as an .xlsx file: sheet "Data" has the attribution and source as note rows above the
 * header row (frozen below it); sheet "Sumber - Source" lists the full provenance.
 */
export function toXlsx(t: ExportTable, m: ExportMeta): Uint8Array {
	const dataRows: Array<{ cells: Cell[]; style?: number }> = [
		{ cells: [m.attribution], style: STYLE_NOTE },
		{ cells: [`${m.source} (${m.sourceUrl}), ${m.accessed}`], style: STYLE_NOTE },
		{ cells: t.columns, style: STYLE_BOLD },
		...t.rows.map((r) => ({ cells: r })),
	];
	const widths = t.columns.map((c, i) => (i === 0 ? 36 : Math.min(40, Math.max(12, c.length + 2))));
	const sheet1 = sheetXml(dataRows, { freezeRow: 3, widths });
	const sheet2 = sheetXml(
		sourceLines(t, m).map(([k, v]) => ({ cells: [k, v] })),
		{ widths: [28, 90] },
	);
	const ns = 'http://schemas.openxmlformats.org';
	const files: Record<string, Uint8Array> = {
		'[Content_Types].xml': strToU8(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
		),
		'_rels/.rels': strToU8(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		),
		'xl/workbook.xml': strToU8(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="${DATA_SHEET}" sheetId="1" r:id="rId1"/><sheet name="${xmlText(SOURCE_SHEET)}" sheetId="2" r:id="rId2"/></sheets></workbook>`,
		),
		'xl/_rels/workbook.xml.rels': strToU8(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
		),
		'xl/styles.xml': strToU8(stylesXml(t.decimal ?? 0)),
		'xl/worksheets/sheet1.xml': strToU8(sheet1),
		'xl/worksheets/sheet2.xml': strToU8(sheet2),
	};
	return zipSync(files, { level: 6 });
}
