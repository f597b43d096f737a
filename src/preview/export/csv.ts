import { sourceLines, type ExportMeta, type ExportTable } from './meta';

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, CR/LF or leading/trailing space. */
export function csvField(v: string | number | null | undefined): string {
	if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return '';
	const s = typeof v === 'number' ? String(v) : v;
	return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The table as CSV. Leading `#` comment lines carry the attribution and source (pandas reads them
 * with `comment='#'`, R with `comment.char='#'`). Missing cells are empty, never 0. Numbers are
 * written raw (dot decimal) so any locale's spreadsheet can parse them; CRLF line ends per RFC 4180.
 */
export function toCsv(t: ExportTable, m: ExportMeta): string {
	const lines: string[] = [];
	for (const [k, v] of sourceLines(t, m)) lines.push(`# ${k ? k + ': ' : ''}${v.replace(/[\r\n]+/g, ' ')}`);
	lines.push(t.columns.map(csvField).join(','));
	for (const r of t.rows) lines.push(r.map(csvField).join(','));
	return lines.join('\r\n') + '\r\n';
}
