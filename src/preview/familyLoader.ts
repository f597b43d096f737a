/**
 * The census and SIMDASI previews' host side. Both show as a dynamic table (censusTable.ts,
 * simdasiTable.ts), so the webview's period picker, grid, pivot, chart and export work unchanged:
 * - census: the dataset of one area (Indonesia unless the ref or the user chose another; "Change
 *   area…" asks with a QuickPick). Its periods come with the data, so the data is fetched first
 *   and the picker's `load` only posts it;
 * - SIMDASI: the years BPS lists for the table are the picker's range (the latest by default);
 *   each year is one request, concurrently within the client's limits.
 * itemLoader.ts routes the two kinds here and keeps what is shown for Insert Data.
 */
import * as vscode from 'vscode';
import { isBpsError, isCancelled } from '../api/errors';
import type { FamilyEndpoints } from '../api/families/endpoints';
import { mfdOfDomain } from '../api/families/mappers';
import type { CensusArea, CensusData, SimdasiTable } from '../api/families/types';
import type { Freshness } from '../api/types';
import type { DynamicTable, Lang, Period } from '../api/types';
import { CENSUS_NATIONAL, findCensusArea } from '../catalogue/census';
import type { CensusRef, SimdasiRef } from '../catalogue/itemRef';
import { censusDynamicTable } from './censusTable';
import { describeError } from '../util/errors';
import { InputError } from '../util/inputError';
import { keepPeriods } from './censusTable';
import { toWire, type DynamicDims, type HostMessage } from './protocol';
import { simdasiDynamicTable } from './simdasiTable';

export type FamilySource = Pick<
	FamilyEndpoints,
	'listCensusAreas' | 'getCensusData' | 'listSimdasiTables' | 'getSimdasiTable'
>;

/** What a census or SIMDASI panel shows: the data (Insert Data lays it out) and the grid's table. */
export type FamilyShown =
	| { kind: 'census'; data: CensusData; area: CensusArea; table: DynamicTable }
	| { kind: 'simdasi'; tables: SimdasiTable[]; table: DynamicTable };

function dims(periods: Period[], chosen: number[]): DynamicDims {
	return { varId: 0, periods, defaultPeriods: chosen, derivedVariables: [], derivedPeriods: [] };
}

export async function loadCensus(
	source: FamilySource,
	ref: CensusRef,
	area: string | undefined,
	lang: Lang,
	signal?: AbortSignal,
): Promise<Extract<FamilyShown, { kind: 'census' }>> {
	const areas = await source.listCensusAreas(ref.event, { signal });
	const a = findCensusArea(areas, area);
	let data: CensusData;
	try {
		data = await source.getCensusData({ event: ref.event, area: a.id, dataset: ref.id }, { signal });
	} catch (e) {
		if (isBpsError(e, 'noData'))
			throw new InputError(vscode.l10n.t('BPS has no census data for this dataset in {0}.', a.name.trim()));
		throw e;
	}
	const name = ref.title?.trim() || data.rows[0]?.indicatorName.trim() || String(ref.id);
	const table = censusDynamicTable(data, lang, {
		title: `${name} — ${a.name.trim()}`,
		area: vscode.l10n.t('Area'),
		notes: [
			vscode.l10n.t('Census: {0}; dataset {1}; area {2} ({3}).', ref.event, ref.id, a.name.trim(), a.mfdCode),
			...data.dimensions.map((d, i) => vscode.l10n.t('Category {0}: {1}', i + 1, d.name.trim())),
		],
	});
	return { kind: 'census', data, area: a, table };
}

/** The census periods as the picker's range, all chosen (a dataset has one or two). */
export function censusDims(table: DynamicTable): DynamicDims {
	const periods = table.tahun.map((t, i) => ({ id: i, label: t.label }));
	return dims(
		periods,
		periods.map((p) => p.id),
	);
}

/** The table's years as the picker's range: the ref's years, else the latest. */
export async function simdasiDims(
	source: FamilySource,
	ref: SimdasiRef,
	signal?: AbortSignal,
): Promise<DynamicDims> {
	const tables = await source.listSimdasiTables(mfdOfDomain(ref.domain), { signal });
	const t = tables.find((x) => x.id === ref.id);
	if (!t) throw new InputError(vscode.l10n.t('This region has no SIMDASI table {0}.', ref.id));
	if (!t.years.length) throw new InputError(vscode.l10n.t('SIMDASI lists no year for this table.'));
	const periods = t.years.map((y) => ({ id: y, label: String(y) }));
	const wanted = new Set((ref.years ?? []).map(Number));
	const chosen = t.years.filter((y) => wanted.has(y));
	return dims(periods, chosen.length ? chosen : [t.years[t.years.length - 1]]);
}

/** The table for `years` (one request each). Years without data are left out; none at all → noData. */
export async function loadSimdasi(
	source: FamilySource,
	ref: SimdasiRef,
	years: number[],
	lang: Lang,
	signal?: AbortSignal,
): Promise<Extract<FamilyShown, { kind: 'simdasi' }>> {
	const mfd = mfdOfDomain(ref.domain);
	const got = await Promise.all(
		[...new Set(years)].map((year) =>
			source.getSimdasiTable({ mfd, year, table: ref.id }, { signal }).catch((e: unknown) => {
				if (isBpsError(e, 'noData')) return undefined;
				throw e;
			}),
		),
	);
	const tables = got.filter((t): t is SimdasiTable => t !== undefined);
	if (!tables.length)
		throw new InputError(vscode.l10n.t('SIMDASI has no data for this table in {0}.', years.join(', ')));
	return { kind: 'simdasi', tables, table: { ...simdasiDynamicTable(tables, lang), domain: ref.domain } };
}

/** Asks for a census area: Indonesia, a province, or a regency or city. Undefined = cancelled. */
export async function pickCensusArea(
	areas: readonly CensusArea[],
	current: string,
): Promise<string | undefined> {
	const level = (a: CensusArea) =>
		a.mfdCode === CENSUS_NATIONAL
			? vscode.l10n.t('National')
			: a.mfdCode.length <= 2
				? vscode.l10n.t('Province')
				: vscode.l10n.t('Regency or city');
	const items = areas.map((a) => ({
		label: a.name.trim(),
		description: `${a.mfdCode} · ${level(a)}`,
		picked: a.mfdCode === current,
		code: a.mfdCode,
	}));
	const hit = await vscode.window.showQuickPick(items, {
		title: vscode.l10n.t('Census area'),
		placeHolder: vscode.l10n.t('Type a province, regency or city'),
		matchOnDescription: true,
	});
	return hit?.code;
}

/** What a census or SIMDASI panel needs from its ItemLoader. */
export interface FamilyPanelDeps {
	families: FamilySource;
	ref: CensusRef | SimdasiRef;
	lang: Lang;
	lifetime: AbortSignal;
	post(m: HostMessage): void;
	setTitle(title: string): void;
	/** What the panel shows now (Insert Data lays it out). */
	show(s: FamilyShown): void;
	freshness(f: Freshness): void;
	/** Loads the panel again (after the area changed). */
	restart(): Promise<void>;
}

/** The census or SIMDASI half of a preview panel's loader (itemLoader.ts routes the two kinds here). */
export class FamilyPanel {
	/** The census area shown (an MFD code; undefined = Indonesia): "Change area…" sets it. */
	private area: string | undefined;
	private census: Extract<FamilyShown, { kind: 'census' }> | undefined;

	constructor(private readonly d: FamilyPanelDeps) {
		if (d.ref.kind === 'census') this.area = d.ref.area;
	}

	/** Posts the period picker's range; a census dataset is fetched first (its periods come with it). */
	async start(): Promise<void> {
		const { ref } = this.d;
		if (ref.kind === 'simdasi') {
			this.d.post({ type: 'dims', dims: await simdasiDims(this.d.families, ref, this.d.lifetime) });
			return;
		}
		const shown = await loadCensus(this.d.families, ref, this.area, this.d.lang, this.d.lifetime);
		this.census = shown;
		this.d.show(shown);
		this.d.setTitle(shown.table.variable.title);
		this.d.post({ type: 'dims', dims: censusDims(shown.table) });
	}

	/** A load from the period picker: the SIMDASI years chosen, or the census periods kept (positions). */
	async load(requestId: number, periods: number[], signal: AbortSignal): Promise<void> {
		const { ref } = this.d;
		let shown: FamilyShown;
		if (ref.kind === 'simdasi') {
			shown = await loadSimdasi(this.d.families, ref, periods, this.d.lang, signal);
			this.d.setTitle(shown.table.variable.title);
		} else if (this.census) {
			shown = this.census;
		} else return;
		if (signal.aborted) throw new DOMException('aborted', 'AbortError');
		this.d.show(shown);
		const t = shown.table;
		const table = shown.kind === 'census' ? keepPeriods(t, new Set(periods)) : t;
		this.d.post({ type: 'dynamic', requestId, table: toWire(table) });
		this.d.freshness(t);
	}

	/**
	 * "Change area…" of a census preview: the area given (tests, links) or the one the user picks,
	 * then the panel loads again. A failed area list shows as the panel's error.
	 */
	async pickArea(area?: string): Promise<void> {
		const { ref } = this.d;
		if (ref.kind !== 'census') return;
		let chosen = area;
		try {
			chosen ??= await pickCensusArea(
				await this.d.families.listCensusAreas(ref.event, { signal: this.d.lifetime }),
				this.area ?? CENSUS_NATIONAL,
			);
		} catch (e) {
			if (!isCancelled(e) && !this.d.lifetime.aborted)
				this.d.post({ type: 'error', message: describeError(e) });
			return;
		}
		if (chosen === undefined) return;
		this.area = chosen;
		await this.d.restart();
	}
}
