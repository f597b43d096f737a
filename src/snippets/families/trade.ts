/**
 * Foreign trade (`TradeResult`) → the tidy `SnippetTable`: one row per record,
 *   year, month, period, hs_code, hs_description, port, country, value_usd, net_weight_kg
 * `month` is null on annual data; `period` is "2024" or "2024-03". A port or country BPS has no
 * record of stays null (unknown) — never dropped, never an empty string that a join would match.
 * The flow (export/import) is in the title: FOB for exports, CIF for imports, so the two frames
 * are not meant to be stacked without it.
 */
import type { TradeResult } from '../../api/families/types';
import { tradeTitle } from '../../catalogue/trade';
import { TIDY } from '../tidy';
import type { SnippetColumn, SnippetTable } from '../types';
import { FAMILY_COLUMNS as F, type FamilyContext, sourceOf, yearsText } from './context';

export { tradeTitle };

export const TRADE_COLUMNS: readonly SnippetColumn[] = [
	{ name: TIDY.year, type: 'number', integer: true },
	{ name: F.month, type: 'number', integer: true },
	{ name: TIDY.period, type: 'string' },
	{ name: F.hsCode, type: 'string' },
	{ name: F.hsDescription, type: 'string' },
	{ name: F.port, type: 'string' },
	{ name: F.country, type: 'string' },
	{ name: F.valueUsd, type: 'number' },
	{ name: F.netWeightKg, type: 'number' },
];

/** "2024" or "2024-03": the ISO period of the tidy schema. */
export function tradePeriod(year: number, month: number | null): string {
	return month === null ? String(year) : `${year}-${String(month).padStart(2, '0')}`;
}

/** BPS's own column notes (`metadata`), under our column names. */
const NOTE_COLUMNS: Record<string, string> = {
	value: F.valueUsd,
	netweight: F.netWeightKg,
	kodehs: F.hsCode,
	pod: F.port,
	ctr: F.country,
};

function tradeNotes(r: TradeResult, lang: 'ind' | 'eng'): string[] {
	const en = lang === 'eng';
	const notes = [
		en
			? `Flow: ${r.query.flow} (${r.query.flow === 'export' ? 'FOB' : 'CIF'} value in US dollars)`
			: `Arus: ${r.query.flow === 'export' ? 'ekspor (nilai FOB' : 'impor (nilai CIF'} dalam dolar AS)`,
	];
	for (const [k, col] of Object.entries(NOTE_COLUMNS))
		if (r.columnNotes[k]) notes.push(`${col}: ${r.columnNotes[k]}`);
	notes.push(
		en
			? 'Empty port or country: not on record at BPS (unknown).'
			: 'Pelabuhan atau negara kosong: tidak tercatat di BPS (tidak diketahui).',
	);
	if (r.emptyYears.length)
		notes.push(`${en ? 'Years without data' : 'Tahun tanpa data'}: ${r.emptyYears.join(', ')}`);
	return notes;
}

/** The tidy trade table (national data: region Indonesia, 0000). */
export function tradeSnippetTable(r: TradeResult, ctx: FamilyContext): SnippetTable {
	return {
		title: ctx.title || tradeTitle(r.query, ctx.lang),
		domain: '0000',
		domainName: 'Indonesia',
		periods: yearsText(r.records.map((x) => x.year)),
		unit: ctx.lang === 'eng' ? 'US dollars; kilograms' : 'dolar AS; kilogram',
		notes: tradeNotes(r, ctx.lang),
		columns: [...TRADE_COLUMNS],
		rows: r.records.map((x) => [
			x.year,
			x.month,
			tradePeriod(x.year, x.month),
			x.hsCode,
			x.hsLabel,
			x.port,
			x.country,
			x.valueUsd,
			x.netWeightKg,
		]),
		sourceUrl: sourceOf(ctx),
		accessedAt: ctx.accessedAt,
		lang: ctx.lang,
	};
}
