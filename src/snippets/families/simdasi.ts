/**
 * A SIMDASI table (`SimdasiTable`, one year of a "Dalam Angka" table) → `SnippetTable`, in two
 * layouts:
 * - long (the tidy schema): region_code (BPS's 7-digit MFD code), domain_code (our 4-digit domain,
 *   null for districts), region, variable_code (the `kolom` key), variable, unit, year, period,
 *   value — one row per row × column, missing = null;
 * - wide (as printed, for reading): region_code, region, then one number column per `kolom`,
 *   headed "name (unit)".
 * Names and units follow the data language; the table's notes and source go into the header.
 */
import { domainOfMfd } from '../../api/families/mappers';
import type { SimdasiColumn, SimdasiTable } from '../../api/families/types';
import { TIDY } from '../tidy';
import type { SnippetColumn, SnippetTable } from '../types';
import { FAMILY_COLUMNS as F, type FamilyContext, sourceOf } from './context';

export const SIMDASI_LONG_COLUMNS: readonly SnippetColumn[] = [
	{ name: TIDY.regionCode, type: 'string' },
	{ name: F.domainCode, type: 'string' },
	{ name: TIDY.region, type: 'string' },
	{ name: F.variableCode, type: 'string' },
	{ name: F.variable, type: 'string' },
	{ name: F.unit, type: 'string' },
	{ name: TIDY.year, type: 'number', integer: true },
	{ name: TIDY.period, type: 'string' },
	{ name: TIDY.value, type: 'number' },
];

const nameOf = (c: SimdasiColumn, en: boolean) => (en ? c.nameEn : c.name).trim() || c.key;
const unitOf = (c: SimdasiColumn, en: boolean) => (en ? c.unitEn : c.unit).trim();

/** The wide layout's header for a column: "Luas (km²)", or the bare name without a unit. */
export function simdasiColumnHeader(c: SimdasiColumn, lang: 'ind' | 'eng'): string {
	const en = lang === 'eng';
	const u = unitOf(c, en);
	return u ? `${nameOf(c, en)} (${u})` : nameOf(c, en);
}

export function simdasiSnippetTable(
	t: SimdasiTable,
	ctx: FamilyContext,
	layout: 'long' | 'wide' = 'long',
): SnippetTable {
	const en = ctx.lang === 'eng';
	let columns: SnippetColumn[];
	let rows: SnippetTable['rows'];
	if (layout === 'long') {
		columns = [...SIMDASI_LONG_COLUMNS];
		rows = t.rows.flatMap((r) =>
			t.columns.map((c, i) => [
				r.areaCode,
				domainOfMfd(r.areaCode) ?? null,
				r.label,
				c.key,
				nameOf(c, en),
				unitOf(c, en) || null,
				t.year,
				String(t.year),
				r.values[i] ?? null,
			]),
		);
	} else {
		columns = [
			{ name: TIDY.regionCode, type: 'string' },
			{ name: TIDY.region, type: 'string' },
			...t.columns.map((c): SnippetColumn => ({ name: simdasiColumnHeader(c, ctx.lang), type: 'number' })),
		];
		rows = t.rows.map((r) => [r.areaCode, r.label, ...t.columns.map((_, i) => r.values[i] ?? null)]);
	}
	const notes = [`SIMDASI ${en ? 'table' : 'tabel'} ${t.id}; MFD ${t.mfd}`];
	if (t.notes.trim()) notes.push(`${en ? 'Notes' : 'Catatan'}: ${t.notes}`);
	if (t.source.trim()) notes.push(`${en ? 'Data source' : 'Sumber data'}: ${t.source}`);
	return {
		title: ctx.title || (en ? t.titleEn : t.title),
		domain: domainOfMfd(t.mfd) ?? t.mfd,
		domainName: t.area,
		periods: String(t.year),
		notes,
		columns,
		rows,
		sourceUrl: sourceOf(ctx),
		accessedAt: ctx.accessedAt,
		lang: ctx.lang,
	};
}
