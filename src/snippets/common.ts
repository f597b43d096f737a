/**
 * Helpers shared by every formatter: normalising the table, the metadata (attribution) lines,
 * string literals for each target language, and the final snippet/EOL pass.
 */
import { ATTRIBUTION_EN, ATTRIBUTION_ID } from '../api/attribution';
import type { SnippetColumn, SnippetOptions, SnippetTable } from './types';

export type Cell = string | number | null;

/** A table whose cells match their column types and whose column names are unique and non-empty. */
export interface CleanTable extends SnippetTable {
	rows: Cell[][];
	/** True when at least one cell is missing. */
	hasMissing: boolean;
}

/**
 * Replaces what no target can carry: lone UTF-16 surrogates (not encodable as UTF-8) and NUL
 * (R refuses it in strings, C-based CSV readers stop at it).
 */
export function cleanText(s: string): string {
	return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\0/g, '\uFFFD');
}

/** One line of free text: every line break and control character becomes a space. */
export function oneLine(s: string): string {
	return (
		cleanText(s)
			// eslint-disable-next-line no-control-regex -- matching control characters is the point
			.replace(/[\u0000-\u001F\u007F\u0085\u2028\u2029]+/g, ' ')
			.trim()
	);
}

function cellFor(col: SnippetColumn, v: unknown): Cell {
	if (v === null || v === undefined) return null;
	if (col.type === 'number') {
		const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
		// NaN/±Infinity have no literal in CSV/JSON/SQL: the only honest rendering is "missing".
		if (!Number.isFinite(n) || (col.integer && !Number.isInteger(n))) return null;
		return Object.is(n, -0) ? 0 : n;
	}
	if (typeof v === 'number') return Number.isNaN(v) ? null : String(v);
	return cleanText(String(v));
}

/** Normalises a table before formatting (see {@link CleanTable}). */
export function normalise(t: SnippetTable): CleanTable {
	const used = new Set<string>();
	const columns = t.columns.map((c, i) => {
		const base = cleanText(c.name).trim() || `column ${i + 1}`;
		// Duplicate names would collapse into one key in JSON/TS records and R/pandas columns.
		let name = base;
		for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
		used.add(name);
		return c.type === 'number' && c.integer ? { name, type: c.type, integer: true } : { name, type: c.type };
	});
	let hasMissing = false;
	const rows = t.rows.map((r) =>
		columns.map((c, i) => {
			const v = cellFor(c, r[i]);
			if (v === null) hasMissing = true;
			return v;
		}),
	);
	return { ...t, columns, rows, hasMissing };
}

/** YYYY-MM-DD in local time: the date the user accessed the data. */
export function isoDate(d: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Defence in depth: a source URL must never carry the API key into a document. */
export function redactKey(url: string): string {
	return url.replace(/([?&]key=)[^&#]*/gi, '$1***').replace(/(\/key\/)[^/?#]+/gi, '$1***');
}

/**
 * The metadata every snippet carries (BPS terms of use art. 4.B and the website's content rules:
 * credit, title, access date, link), one line each, in the table's language. Every line is
 * single-line text; formatters still neutralise their own comment syntax.
 */
export function metadataLines(t: SnippetTable): string[] {
	const en = t.lang === 'eng';
	const lines = [ATTRIBUTION_ID];
	if (en) lines.push(ATTRIBUTION_EN);
	lines.push(`${en ? 'Title' : 'Judul'}: ${oneLine(t.title)}`);
	// Data with no region or period (a classification, a glossary entry) leaves those lines out.
	if (oneLine(t.domainName) || oneLine(t.domain))
		lines.push(`${en ? 'Region' : 'Wilayah'}: ${oneLine(t.domainName)} (${oneLine(t.domain)})`);
	if (oneLine(t.periods)) lines.push(`${en ? 'Periods' : 'Periode'}: ${oneLine(t.periods)}`);
	if (t.unit && oneLine(t.unit)) lines.push(`${en ? 'Unit' : 'Satuan'}: ${oneLine(t.unit)}`);
	lines.push(`${en ? 'Accessed' : 'Diakses'}: ${isoDate(t.accessedAt)}`);
	lines.push(`${en ? 'Source' : 'Sumber'}: ${oneLine(redactKey(t.sourceUrl))}`);
	for (const n of t.notes ?? []) if (oneLine(n)) lines.push(oneLine(n));
	return lines;
}

/** The note under tables whose empty cells mean "no data". */
export function missingNote(lang: 'ind' | 'eng'): string {
	return lang === 'eng' ? 'Empty cells: data not available.' : 'Sel kosong: data tidak tersedia.';
}

/** `# ` comment lines (Python, R, CSV, TSV). */
export function hashComments(lines: string[], python = false): string[] {
	// Python reads a `coding[:=]name` comment on line 1 or 2 as the source encoding; break it up.
	return lines.map((l) => `# ${python ? l.replace(/coding([:=])/g, 'coding $1') : l}`);
}

/** A quoted string literal with the escape set Python, R and JS/TS all understand. */
function escapeQuoted(s: string, quote: '"' | "'"): string {
	let out = '';
	for (const ch of cleanText(s)) {
		const c = ch.codePointAt(0)!;
		if (ch === '\\') out += '\\\\';
		else if (ch === quote) out += '\\' + quote;
		else if (ch === '\n') out += '\\n';
		else if (ch === '\r') out += '\\r';
		else if (ch === '\t') out += '\\t';
		else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
		// Line/paragraph separators end lines in some editors and older JS parsers: spell them out.
		else if (c === 0x85 || c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16).padStart(4, '0');
		else out += ch;
	}
	return quote + out + quote;
}

/** A Python `str` literal; non-ASCII stays as-is (Python 3 source is UTF-8). */
export const pyString = (s: string): string => escapeQuoted(s, '"');
/** An R character literal; non-ASCII stays as-is (UTF-8 source). */
export const rString = (s: string): string => escapeQuoted(s, '"');
/** A JavaScript/TypeScript string literal. */
export const jsString = (s: string): string => escapeQuoted(s, "'");
/** A standard SQL string literal: quotes doubled; no backslash escapes exist in standard SQL. */
export const sqlString = (s: string): string => `'${cleanText(s).replace(/'/g, "''")}'`;
/** A standard SQL delimited identifier. */
export const sqlIdent = (s: string): string => `"${cleanText(s).replace(/"/g, '""')}"`;

/** A number literal valid in Python, R, JS/TS, JSON and SQL (finite numbers only). */
export function numLiteral(n: number): string {
	return String(n);
}

/** Joins lines with the chosen EOL (plus a final one) and applies the snippet escape. */
export function finish(lines: string[], opts: SnippetOptions | undefined): string {
	const text = lines.join(opts?.eol ?? '\n') + (opts?.eol ?? '\n');
	return opts?.forSnippet ? escapeForSnippet(text) : text;
}

/** Escapes `$`, `}` and `\` so a VS Code `SnippetString` inserts the text literally. */
export function escapeForSnippet(text: string): string {
	return text.replace(/[$}\\]/g, '\\$&');
}
