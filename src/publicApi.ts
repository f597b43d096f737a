import { ATTRIBUTION_ID, SOURCE_LINE } from './api/attribution';
import type { TradeQuery, TradeRecord } from './api/families/types';
import { toRecords, type LongRecord } from './api/table';
import type { DynamicTable, Lang } from './api/types';
import { periodsForYears } from './catalogue/periods';
import { sdgSpecText } from './catalogue/sdgs';
import { tradeTitle } from './catalogue/trade';
import type { Services } from './services';
import type { TestHooks } from './testHooks';

/** Options of {@link BpsPublicApi.getDynamicTable}. */
export interface GetDynamicTableOptions {
	/** 4-digit BPS domain code: `0000` national, `3500` Jawa Timur, `3578` Kota Surabaya… */
	domain: string;
	/** The dynamic table's variable id (`var_id`). */
	variable: number;
	/** Years such as `[2022, 2023]` or `['2022', '2023']`; default: the five most recent periods. */
	years?: ReadonlyArray<string | number>;
	/** Data language; default: the `bps.language` setting. */
	lang?: Lang;
	signal?: AbortSignal;
}

/** A decoded dynamic table, with labels, ready to use. */
export interface PublicDynamicTable {
	domain: string;
	variable: number;
	title: string;
	unit: string;
	/** `last_update` as BPS gives it, e.g. "2020-03-26 00:00:00". */
	lastUpdate: string;
	/** The notice the BPS terms require wherever the data is shown. */
	attribution: string;
	source: string;
	/** One record per cell, with codes and labels; missing cells have `value: null`. */
	records: LongRecord[];
	/** The full decoded table (dense values, dimension lists). */
	table: DynamicTable;
}

/** Options of {@link BpsPublicApi.getSdgIndicator}: the indicator by `number` ("1.2.1") or by `varId`. */
export interface GetSdgIndicatorOptions {
	number?: string;
	varId?: number;
	years?: ReadonlyArray<string | number>;
	lang?: Lang;
	signal?: AbortSignal;
}

/** An SDG indicator's data: its national dynamic table, titled with the indicator number. */
export interface PublicSdgIndicator extends PublicDynamicTable {
	/** The indicator number without BPS's marks, e.g. "1.2.1". */
	number: string;
}

/** Options of {@link BpsPublicApi.getTrade}: exports or imports of some HS codes over some years. */
export interface GetTradeOptions {
	flow: 'export' | 'import';
	/** 2-digit HS chapters (`['03', '09']`) or 8-digit BTKI codes, all of `hsLevel`. */
	hs: string[];
	hsLevel: 2 | 8;
	/** Years from 2014 on; one request per year. */
	years: number[];
	/** Monthly rows (with `month`) instead of annual ones. */
	monthly: boolean;
	signal?: AbortSignal;
}

/** Foreign-trade data: one record per HS code × port × country × period. */
export interface PublicTrade {
	/** The query as asked (codes trimmed and de-duplicated, years sorted). */
	query: TradeQuery;
	/** "Exports by 2-digit HS code: 03 (annual)", in the data language. */
	title: string;
	/**
	 * `year`, `month` (null when annual), `hsCode`, `hsLabel`, `port` and `country` (null when BPS
	 * has none on record), `valueUsd` (FOB for exports, CIF for imports) and `netWeightKg`.
	 */
	records: TradeRecord[];
	/** Years that answered "no data". */
	emptyYears: number[];
	/** What BPS says each column holds (`metadata`). */
	columnNotes: Record<string, string>;
	attribution: string;
	source: string;
	/** True when served from the cache because the API could not be reached. */
	stale: boolean;
}

/**
 * The API other extensions get from `vscode.extensions.getExtension('bps-data-browser.bps-data-browser').activate()`.
 * Versioned: fields are only added within a major `version`.
 */
export interface BpsPublicApi {
	readonly version: 1;
	getDynamicTable(opts: GetDynamicTableOptions): Promise<PublicDynamicTable>;
	/** An SDG indicator (national, domain 0000) as the dynamic table it points to. */
	getSdgIndicator(opts: GetSdgIndicatorOptions): Promise<PublicSdgIndicator>;
	/**
	 * Exports or imports by HS code (national). Rejects with the reason for a malformed query (bad
	 * HS code, a year before 2014), when no year has data, or when the API fails.
	 */
	getTrade(opts: GetTradeOptions): Promise<PublicTrade>;
	/** Test-only internals; present only when the host runs with BPS_TEST=1. */
	readonly _test?: TestHooks;
}

/** The public API; `hooks` only when the host runs the tests (BPS_TEST=1). */
export function createPublicApi(s: Services, hooks?: TestHooks): BpsPublicApi {
	const api: BpsPublicApi = {
		version: 1,
		async getDynamicTable(opts) {
			const lang = opts.lang ?? s.config().lang;
			const periods = (await s.client.listPeriods(opts.domain, opts.variable, { lang, signal: opts.signal }))
				.items;
			let chosen = [...periods].sort((a, b) => a.id - b.id).slice(-5);
			if (opts.years?.length) {
				const found = periodsForYears(periods, opts.years);
				if (found.missing.length) {
					throw new Error(
						`Variable ${opts.variable} has no period(s) ${found.missing.join(', ')} on domain ${opts.domain}`,
					);
				}
				chosen = found.chosen;
			}
			const table = await s.client.getDynamicData(
				{ domain: opts.domain, variable: opts.variable, periods: chosen.map((p) => p.id) },
				{ lang, signal: opts.signal },
			);
			return {
				domain: opts.domain,
				variable: opts.variable,
				title: table.variable.title,
				unit: table.variable.unit,
				lastUpdate: table.lastUpdate,
				attribution: ATTRIBUTION_ID,
				source: SOURCE_LINE,
				records: toRecords(table),
				table,
			};
		},
		async getSdgIndicator(opts) {
			const spec = opts.number !== undefined ? { number: opts.number.trim() } : { varId: opts.varId };
			const ref = await s.catalogue.sdgRef(spec, { lang: opts.lang, signal: opts.signal });
			if (!ref) throw new Error(`BPS lists no SDG indicator ${sdgSpecText(spec)}`);
			const { years, lang, signal } = opts;
			const t = await api.getDynamicTable({ domain: ref.domain, variable: ref.id, years, lang, signal });
			return { ...t, title: ref.title ?? t.title, number: ref.sdg ?? '' };
		},
		async getTrade(opts) {
			const { flow, hs, hsLevel, years, monthly } = opts;
			const r = await s.client.families.getTrade(
				{ flow, hs: Array.isArray(hs) ? hs.map(String) : [], hsLevel, years, monthly },
				{ signal: opts.signal },
			);
			return {
				query: r.query,
				title: tradeTitle(r.query, s.config().lang),
				records: r.records,
				emptyYears: r.emptyYears,
				columnNotes: r.columnNotes,
				attribution: ATTRIBUTION_ID,
				source: SOURCE_LINE,
				stale: r.stale,
			};
		},
	};
	return hooks ? { ...api, _test: hooks } : api;
}
