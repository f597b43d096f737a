/**
 * Census data (`CensusData`, long form) → the tidy `SnippetTable`:
 *   region_code, domain_code, region, indicator_code, indicator,
 *   category_1_code, category_1, … category_N_code, category_N, year, period, value
 *
 * Category columns are named by POSITION, not by the dimension's name, and the names go into the
 * header ("category_1: Klasifikasi Kelompok Umur"). Why: BPS's dimension names are long Indonesian
 * phrases with stray spaces, differ between datasets for the same idea, and have no English form;
 * slugs of them would make every dataset's columns different and break code written for one. With
 * positions, the same script reads every census dataset, and the fetch code in Python, R and
 * TypeScript builds the same names at run time without knowing the dimensions in advance.
 * `category_N_code` is BPS's item code ("L"/"P", KBLI letters), or the item id when it has none.
 */
import { domainOfCensusMfd } from '../../api/families/mappers';
import type { CensusData, CensusRow } from '../../api/families/types';
import { TIDY, yearOf } from '../tidy';
import type { SnippetColumn, SnippetTable } from '../types';
import { FAMILY_COLUMNS as F, type FamilyContext, sourceOf } from './context';

/** `category_1_code` / `category_1` for dimension n (1-based). */
export const censusCategoryColumns = (n: number): [code: string, label: string] => [
	`category_${n}_code`,
	`category_${n}`,
];

/** The ISO period: a 4-digit year as is; anything else (rare) kept as BPS writes it. */
export function censusPeriod(period: string): string | null {
	const p = period.trim();
	return p === '' ? null : p;
}

/** The tidy columns for `n` category dimensions. */
export function censusColumns(n: number): SnippetColumn[] {
	const cols: SnippetColumn[] = [
		{ name: TIDY.regionCode, type: 'string' },
		{ name: F.domainCode, type: 'string' },
		{ name: TIDY.region, type: 'string' },
		{ name: F.indicatorCode, type: 'string' },
		{ name: F.indicator, type: 'string' },
	];
	for (let i = 1; i <= n; i++) {
		const [code, label] = censusCategoryColumns(i);
		cols.push({ name: code, type: 'string' }, { name: label, type: 'string' });
	}
	cols.push(
		{ name: TIDY.year, type: 'number', integer: true },
		{ name: TIDY.period, type: 'string' },
		{ name: TIDY.value, type: 'number' },
	);
	return cols;
}

function censusRow(r: CensusRow, n: number): SnippetTable['rows'][number] {
	const row: SnippetTable['rows'][number] = [
		r.areaCode,
		domainOfCensusMfd(r.areaCode) ?? null,
		r.areaName,
		r.indicatorId,
		r.indicatorName,
	];
	// A row with fewer categories than the dataset (never seen) gets nulls, not shifted columns.
	for (let i = 0; i < n; i++) {
		const c = r.categories[i];
		row.push(c ? c.itemCode || c.itemId : null, c ? c.itemName : null);
	}
	row.push(yearOf(r.period), censusPeriod(r.period), r.value);
	return row;
}

/** The tidy census table; the dimension names go into the header. */
export function censusSnippetTable(d: CensusData, ctx: FamilyContext): SnippetTable {
	const n = Math.max(d.dimensions.length, ...d.rows.map((r) => r.categories.length));
	const first = d.rows[0];
	const en = ctx.lang === 'eng';
	const periods = [...new Set(d.rows.map((r) => r.period.trim()).filter(Boolean))];
	const indicator = first?.indicatorName.trim() || (en ? 'Census data' : 'Data sensus');
	return {
		title: ctx.title || `${indicator} (${d.event.toUpperCase()}, dataset ${d.dataset})`,
		domain: first ? (domainOfCensusMfd(first.areaCode) ?? first.areaCode) : '',
		// Several areas (a merged answer): all their names, in order.
		domainName: [...new Set(d.rows.map((r) => r.areaName.trim()))].join(', '),
		periods: periods.join(', '),
		notes: [
			`${en ? 'Census' : 'Sensus'}: ${d.event}; dataset ${d.dataset}; ${en ? 'area' : 'wilayah'} ${(d.areaIds ?? [d.areaId]).join(', ')}`,
			...d.dimensions.map((dim, i) => `${censusCategoryColumns(i + 1)[1]}: ${dim.name.trim()} (${dim.id})`),
		],
		columns: censusColumns(n),
		rows: d.rows.map((r) => censusRow(r, n)),
		sourceUrl: sourceOf(ctx),
		accessedAt: ctx.accessedAt,
		lang: ctx.lang,
	};
}
