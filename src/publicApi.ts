import { ATTRIBUTION_ID, SOURCE_LINE } from './api/attribution';
import { BpsError, isBpsError } from './api/errors';
import { mfdOfDomain } from './api/families/mappers';
import type { CensusArea, CensusData, SimdasiTable, TradeQuery, TradeRecord } from './api/families/types';
import { toRecords, type LongRecord } from './api/table';
import type { DynamicTable, Lang } from './api/types';
import { censusAreaCodes, findCensusAreas, mergeCensusData } from './catalogue/census';
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

export interface GetCensusOptions {
	/** The census event, e.g. "sp2020". */
	event: string;
	/** The dataset id (from the event's topics). */
	dataset: number;
	/** The area's MFD code: "0" Indonesia (default), "35" a province, "3578" a regency/city. */
	area?: string;
	/** Several areas' MFD codes instead (one request each); the rows come one area after another. */
	areas?: string[];
	signal?: AbortSignal;
}

/** A census dataset: each row carries up to five categories, the period and the value. */
export interface PublicCensus {
	event: string;
	dataset: number;
	/** The (first) area. */
	area: CensusArea;
	/** Every area asked for, in order. */
	areas: CensusArea[];
	/** The rows and their category dimensions, as BPS sends them (numbers parsed; missing is null). */
	data: CensusData;
	attribution: string;
	source: string;
	stale: boolean;
}

export interface GetSimdasiOptions {
	/** Our 4-digit region code (mapped to BPS's 7-digit MFD code). */
	domain: string;
	/** The SIMDASI table id, as listed in the region's SIMDASI folder. */
	table: string;
	years: number[];
	signal?: AbortSignal;
}

/** A SIMDASI table: one entry per year that has data. */
export interface PublicSimdasi {
	domain: string;
	table: string;
	tables: SimdasiTable[];
	/** Years that answered "no data". */
	emptyYears: number[];
	attribution: string;
	source: string;
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
	/** A census dataset for one area (Indonesia by default), as BPS's long-form rows. */
	getCensus(opts: GetCensusOptions): Promise<PublicCensus>;
	/** A SIMDASI table of a region for some years (one request each; years without data are listed). */
	getSimdasi(opts: GetSimdasiOptions): Promise<PublicSimdasi>;
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
		async getCensus(opts) {
			const f = s.client.families;
			const all = await f.listCensusAreas(opts.event, { signal: opts.signal });
			const codes = censusAreaCodes({ area: opts.area, areas: opts.areas });
			const areas = findCensusAreas(all, codes);
			const parts = await Promise.all(
				areas.map((a) =>
					f.getCensusData({ event: opts.event, area: a.id, dataset: opts.dataset }, { signal: opts.signal }),
				),
			);
			const data = mergeCensusData(parts);
			const { event, dataset } = opts;
			return {
				event,
				dataset,
				area: areas[0],
				areas,
				data,
				attribution: ATTRIBUTION_ID,
				source: SOURCE_LINE,
				stale: data.stale,
			};
		},
		async getSimdasi(opts) {
			const mfd = mfdOfDomain(opts.domain);
			const years = [...new Set(opts.years.map(Number))].sort((a, b) => a - b);
			const got = await Promise.all(
				years.map((year) =>
					s.client.families
						.getSimdasiTable({ mfd, year, table: opts.table }, { signal: opts.signal })
						.catch((e: unknown) => {
							if (isBpsError(e, 'noData')) return undefined;
							throw e;
						}),
				),
			);
			const tables = got.filter((t): t is SimdasiTable => t !== undefined);
			if (!tables.length)
				throw new BpsError('noData', `SIMDASI table ${opts.table} has no data for ${years.join(', ')}`);
			return {
				domain: opts.domain,
				table: opts.table,
				tables,
				emptyYears: years.filter((_, i) => !got[i]),
				attribution: ATTRIBUTION_ID,
				source: SOURCE_LINE,
			};
		},
	};
	return hooks ? { ...api, _test: hooks } : api;
}
