/**
 * The census and SIMDASI previews' host side. Both show as a dynamic table (censusTable.ts,
 * simdasiTable.ts), so the webview's period picker, grid, pivot, chart and export work unchanged:
 * - census (censusLoader.ts): the dataset for one or more areas (Indonesia unless the ref or the
 *   user chose others; "Choose areas…" asks with a multi-select QuickPick), with the dimension the
 *   webview chose across the columns. Its periods come with the data, so the data is fetched first
 *   and the picker's `load` only lays it out and posts it;
 * - SIMDASI: the years BPS lists for the table are the picker's range (the latest by default);
 *   each year is one request, concurrently within the client's limits.
 * itemLoader.ts routes the two kinds here and keeps what is shown for Insert Data.
 */
import * as vscode from 'vscode';
import { isBpsError, isCancelled } from '../api/errors';
import type { FamilyEndpoints } from '../api/families/endpoints';
import { mfdOfDomain } from '../api/families/mappers';
import type { SimdasiTable } from '../api/families/types';
import type { Freshness } from '../api/types';
import type { DynamicTable, Lang, Period } from '../api/types';
import { censusAreaCodes, withCensusAreas } from '../catalogue/census';
import type { CensusRef, SimdasiRef } from '../catalogue/itemRef';
import { describeError } from '../util/errors';
import { InputError } from '../util/inputError';
import { censusDims, loadCensus, pickCensusAreas, relayoutCensus, type CensusShown } from './censusLoader';
import { keepPeriods } from './censusTable';
import { toWire, type DynamicDims, type HostMessage } from './protocol';
import { simdasiDynamicTable } from './simdasiTable';

export type FamilySource = Pick<
	FamilyEndpoints,
	'listCensusAreas' | 'getCensusData' | 'listSimdasiTables' | 'getSimdasiTable'
>;

/** What a census or SIMDASI panel shows: the data (Insert Data lays it out) and the grid's table. */
export type FamilyShown = CensusShown | { kind: 'simdasi'; tables: SimdasiTable[]; table: DynamicTable };

function dims(periods: Period[], chosen: number[]): DynamicDims {
	return { varId: 0, periods, defaultPeriods: chosen, derivedVariables: [], derivedPeriods: [] };
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
	/** The census areas shown (MFD codes, in order): "Choose areas…" sets them. */
	private areas: string[] = [];
	/** The census dimension across the columns, as the webview last asked (undefined: the default). */
	private column: string | undefined;
	private census: CensusShown | undefined;

	constructor(private readonly d: FamilyPanelDeps) {
		if (d.ref.kind === 'census') this.areas = censusAreaCodes(d.ref);
	}

	/** The item as shown now: a census ref names the areas chosen (what a restored panel reopens). */
	get ref(): CensusRef | SimdasiRef {
		return this.d.ref.kind === 'census' ? withCensusAreas(this.d.ref, this.areas) : this.d.ref;
	}

	/** Posts the period picker's range; a census dataset is fetched first (its periods come with it). */
	async start(): Promise<void> {
		const { ref } = this.d;
		if (ref.kind === 'simdasi') {
			this.d.post({ type: 'dims', dims: await simdasiDims(this.d.families, ref, this.d.lifetime) });
			return;
		}
		const shown = await loadCensus(
			this.d.families,
			ref,
			this.areas,
			this.d.lang,
			this.d.lifetime,
			this.column,
		);
		this.census = shown;
		this.d.show(shown);
		this.d.setTitle(shown.table.variable.title);
		this.d.post({ type: 'dims', dims: censusDims(shown, this.column) });
	}

	/**
	 * A load from the period picker: the SIMDASI years chosen, or the census periods kept
	 * (positions), laid out with `column` across (census; undefined keeps the current choice).
	 */
	async load(requestId: number, periods: number[], signal: AbortSignal, column?: string): Promise<void> {
		const { ref } = this.d;
		let shown: FamilyShown;
		if (ref.kind === 'simdasi') {
			shown = await loadSimdasi(this.d.families, ref, periods, this.d.lang, signal);
			this.d.setTitle(shown.table.variable.title);
		} else if (this.census) {
			if (column !== undefined) this.column = column;
			shown = this.census = relayoutCensus(this.census, this.d.lang, this.column);
		} else return;
		if (signal.aborted) throw new DOMException('aborted', 'AbortError');
		this.d.show(shown);
		const t = shown.table;
		const table = shown.kind === 'census' ? keepPeriods(t, new Set(periods)) : t;
		this.d.post({ type: 'dynamic', requestId, table: toWire(table) });
		this.d.freshness(t);
	}

	/**
	 * "Choose areas…" of a census preview: the areas given (tests, links) or those the user ticks,
	 * then the webview keeps the new ref (a restored panel shows the same areas) and the panel
	 * loads again. A failed area list shows as the panel's error.
	 */
	async pickAreas(areas?: readonly string[]): Promise<void> {
		const { ref } = this.d;
		if (ref.kind !== 'census') return;
		let chosen = areas?.length ? [...areas] : undefined;
		try {
			chosen ??= await pickCensusAreas(
				await this.d.families.listCensusAreas(ref.event, { signal: this.d.lifetime }),
				this.areas,
			);
		} catch (e) {
			if (!isCancelled(e) && !this.d.lifetime.aborted)
				this.d.post({ type: 'error', message: describeError(e) });
			return;
		}
		if (!chosen?.length) return;
		this.areas = [...new Set(chosen)];
		this.d.post({ type: 'ref', ref: this.ref });
		await this.d.restart();
	}
}
