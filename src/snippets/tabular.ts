/**
 * Data formats: Markdown table, CSV, TSV and JSON. The metadata travels with the data in each:
 * a paragraph under the Markdown table, leading `#` lines in CSV/TSV, and — since JSON has no
 * comments — a wrapper object around the records.
 */
import { ATTRIBUTION_EN, ATTRIBUTION_ID } from '../api/attribution';
import {
	type Cell,
	type CleanTable,
	isoDate,
	metadataLines,
	missingNote,
	numLiteral,
	oneLine,
	hashComments,
	redactKey,
} from './common';

/** Backslash-escapes the CommonMark punctuation that could start markup inside inline text. */
export function mdInline(s: string): string {
	// An underscore between two letters/digits cannot start emphasis: `region_code` stays readable.
	const word = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
	return oneLine(s).replace(/[\\`*_[\]<>|~&]/g, (c, i: number, str: string) =>
		c === '_' && word(str[i - 1]) && word(str[i + 1]) ? c : '\\' + c,
	);
}

function mdCell(v: Cell): string {
	return v === null ? '' : typeof v === 'number' ? numLiteral(v) : mdInline(v);
}

/** The metadata as one Markdown paragraph, one fact per line. */
export function mdMetadata(t: CleanTable): string[] {
	const meta = metadataLines(t).map(mdInline);
	// Two trailing spaces = hard line break, keeping one fact per line without a list.
	return meta.map((l, i) => (i < meta.length - 1 ? `${l}  ` : l));
}

/**
 * A GitHub-flavoured Markdown table: the attribution and metadata first (every inserted block
 * starts with the BPS credit, which the terms ask for on every display — a visible paragraph, not
 * a hidden comment), then the title in bold and the table: numbers right-aligned, missing cells
 * empty (with a note below), newlines in labels folded to spaces, `|` and markup escaped.
 */
export function markdown(t: CleanTable): string[] {
	const lines = [...mdMetadata(t), '', `**${mdInline(t.title)}**`];
	if (t.columns.length) {
		lines.push('');
		lines.push(`| ${t.columns.map((c) => mdInline(c.name)).join(' | ')} |`);
		lines.push(`|${t.columns.map((c) => (c.type === 'number' ? ' ---: ' : ' --- ')).join('|')}|`);
		for (const r of t.rows) lines.push(`| ${r.map(mdCell).join(' | ')} |`);
	}
	if (t.hasMissing) lines.push('', mdInline(missingNote(t.lang)));
	return lines;
}

/** RFC 4180 field: quoted when it holds a quote, the separator, CR/LF or edge spaces. */
function csvField(v: Cell): string {
	if (v === null) return '';
	if (typeof v === 'number') return numLiteral(v);
	return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * CSV (RFC 4180; missing = empty field). The metadata comes first as `# ` lines, which most
 * readers can skip (`pandas.read_csv(..., comment='#')` only when no label holds a `#`;
 * `skiprows=` always works; R `read.csv(comment.char = '#')`).
 */
export function csv(t: CleanTable): string[] {
	const lines = hashComments(metadataLines(t));
	if (t.columns.length) {
		lines.push(t.columns.map((c) => csvField(c.name)).join(','));
		for (const r of t.rows) lines.push(r.map(csvField).join(','));
	}
	return lines;
}

function tsvField(v: Cell): string {
	if (v === null) return '';
	if (typeof v === 'number') return numLiteral(v);
	// TSV has no quoting: tabs and line breaks inside a label can only become spaces.
	return v.replace(/[\t\r\n\u0085\u2028\u2029]+/g, ' ');
}

/** TSV (IANA text/tab-separated-values; missing = empty field), metadata as leading `# ` lines. */
export function tsv(t: CleanTable): string[] {
	const lines = hashComments(metadataLines(t));
	if (t.columns.length) {
		lines.push(t.columns.map((c) => tsvField(c.name)).join('\t'));
		for (const r of t.rows) lines.push(r.map(tsvField).join('\t'));
	}
	return lines;
}

/**
 * JSON: `{ attribution, title, region, periods, unit, source, accessed, data: [records] }`,
 * pretty-printed with 2 spaces; missing = `null`. JSON has no comments, so the metadata lives in
 * the wrapper and the records stay plain (`data`).
 */
export function json(t: CleanTable): string[] {
	const doc: Record<string, unknown> = {
		attribution: t.lang === 'eng' ? `${ATTRIBUTION_ID} ${ATTRIBUTION_EN}` : ATTRIBUTION_ID,
		title: oneLine(t.title),
		// Data with no region or period (classifications, the glossary) leaves those keys out.
		...(oneLine(t.domain) || oneLine(t.domainName)
			? { region: { code: oneLine(t.domain), name: oneLine(t.domainName) } }
			: {}),
		...(oneLine(t.periods) ? { periods: oneLine(t.periods) } : {}),
		...(t.unit ? { unit: oneLine(t.unit) } : {}),
		source: oneLine(redactKey(t.sourceUrl)),
		accessed: isoDate(t.accessedAt),
		...(t.notes?.length ? { notes: t.notes.map(oneLine) } : {}),
		data: t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c.name, r[i]]))),
	};
	return JSON.stringify(doc, null, 2).split('\n');
}
