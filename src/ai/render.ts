/**
 * Renders a tidy table as the text a model reads: markdown (default), CSV or JSON, each with the
 * title, unit, region, periods, the source URL and the BPS attribution line. An answer that would
 * not fit a model's context is cut (whole rows dropped from the end) with a note on how to narrow
 * the request. Pure code, no `vscode`.
 */
import { ATTRIBUTION_ID } from '../api/attribution';
import type { SnippetTable } from '../snippets/types';
import type { TidyRecord, TidyTable } from './tidy';

export type TableFormat = 'markdown' | 'csv' | 'json';

export interface TableMeta {
	title: string;
	unit: string;
	domain: string;
	/** "Jawa Timur", "Indonesia"… */
	region: string;
	/** The dynamic table's id (bps_get_table). */
	variable?: number;
	/** Extra header lines: census dataset, dimension names, SIMDASI notes… */
	notes?: string[];
	/** "2022–2024", "2024-01 … 2024-12". */
	periods: string;
	sourceUrl: string;
	/** YYYY-MM-DD */
	accessed: string;
}

/** Default answer budget: about 3–4 thousand tokens. */
export const DEFAULT_MAX_CHARS = 12_000;

export interface RenderResult {
	text: string;
	/** Rows in the answer (≤ rows given). */
	shown: number;
}

/**
 * The answer for `rows`. When it exceeds `maxChars`, rows are dropped from the end until it fits
 * and `narrowHint(shown, total)` is appended (it says which inputs to narrow).
 */
export function renderTable(
	meta: TableMeta,
	table: TidyTable,
	format: TableFormat,
	maxChars: number,
	narrowHint: (shown: number, total: number) => string,
): RenderResult {
	const { columns, rows } = table;
	const full = render(meta, columns, rows, format, undefined);
	if (full.length <= maxChars || rows.length === 0) return { text: full, shown: rows.length };
	// Binary search for the most rows that still fit with the note.
	let lo = 0;
	let hi = rows.length - 1;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		const text = render(meta, columns, rows.slice(0, mid), format, narrowHint(mid, rows.length));
		if (text.length <= maxChars) lo = mid;
		else hi = mid - 1;
	}
	return { text: render(meta, columns, rows.slice(0, lo), format, narrowHint(lo, rows.length)), shown: lo };
}

function render(
	meta: TableMeta,
	columns: readonly string[],
	rows: readonly TidyRecord[],
	format: TableFormat,
	cut: string | undefined,
): string {
	switch (format) {
		case 'json':
			return json(meta, rows, cut);
		case 'csv':
			return csv(meta, columns, rows, cut);
		default:
			return markdown(meta, columns, rows, cut);
	}
}

function headerLines(meta: TableMeta): string[] {
	return [
		`Unit: ${meta.unit || '-'}`,
		`Region: ${meta.region} (domain ${meta.domain})`,
		...(meta.variable !== undefined ? [`Variable: ${meta.variable}`] : []),
		`Periods: ${meta.periods || '-'}`,
		...(meta.notes ?? []),
	];
}

function footerLines(meta: TableMeta): string[] {
	return [`Source: ${meta.sourceUrl} (BPS, accessed ${meta.accessed})`, ATTRIBUTION_ID];
}

const MISSING_NOTE = 'An empty value means the cell is missing in BPS data (not zero).';

function mdCell(v: string | number | null): string {
	if (v === null) return '';
	return String(v).replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

function markdown(
	meta: TableMeta,
	columns: readonly string[],
	rows: readonly TidyRecord[],
	cut: string | undefined,
): string {
	const out = [`## ${mdCell(meta.title)}`, '', headerLines(meta).join(' · '), ''];
	out.push(`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`);
	for (const r of rows) out.push(`| ${columns.map((c) => mdCell(r[c])).join(' | ')} |`);
	out.push('', MISSING_NOTE);
	if (cut) out.push('', `**${cut}**`);
	out.push('', ...footerLines(meta));
	return out.join('\n');
}

function csvCell(v: string | number | null): string {
	if (v === null) return '';
	const s = String(v);
	return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(
	meta: TableMeta,
	columns: readonly string[],
	rows: readonly TidyRecord[],
	cut: string | undefined,
): string {
	const out = [`# ${meta.title}`, ...headerLines(meta).map((l) => `# ${l}`), `# ${MISSING_NOTE}`];
	if (cut) out.push(`# ${cut}`);
	out.push(columns.join(','));
	for (const r of rows) out.push(columns.map((c) => csvCell(r[c])).join(','));
	out.push(...footerLines(meta).map((l) => `# ${l}`));
	return out.join('\n');
}

function json(meta: TableMeta, rows: readonly TidyRecord[], cut: string | undefined): string {
	return JSON.stringify({
		title: meta.title,
		unit: meta.unit,
		domain: meta.domain,
		region: meta.region,
		variable: meta.variable,
		periods: meta.periods,
		notes: meta.notes,
		rows,
		...(cut ? { truncated: cut } : {}),
		source: meta.sourceUrl,
		accessed: meta.accessed,
		attribution: ATTRIBUTION_ID,
	});
}

/** A `SnippetTable` (the snippets' tidy converters: census, SIMDASI…) as a table to render. */
export function fromSnippetTable(t: SnippetTable): { meta: TableMeta; table: TidyTable } {
	const columns = t.columns.map((c) => c.name);
	return {
		meta: {
			title: t.title,
			unit: t.unit ?? '',
			domain: t.domain,
			region: t.domainName,
			notes: t.notes,
			periods: t.periods,
			sourceUrl: t.sourceUrl,
			accessed: t.accessedAt.toISOString().slice(0, 10),
		},
		table: {
			columns,
			rows: t.rows.map((r) =>
				Object.fromEntries(
					columns.map((c, i) => [c, typeof r[i] === 'number' && Number.isNaN(r[i]) ? null : (r[i] ?? null)]),
				),
			),
		},
	};
}
