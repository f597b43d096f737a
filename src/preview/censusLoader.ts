/**
 * The census preview's host side: a dataset for one or more areas (one request per area, run
 * together within the client's limits, answers merged with catalogue/census.ts), laid out with the
 * column dimension the user chose (censusTable.ts), and the multi-select area picker.
 */
import * as vscode from 'vscode';
import { isBpsError } from '../api/errors';
import type { FamilyEndpoints } from '../api/families/endpoints';
import type { CensusArea, CensusData } from '../api/families/types';
import type { DynamicTable, Lang } from '../api/types';
import {
	areasShownFirst,
	CENSUS_NATIONAL,
	censusAreaCodes,
	findCensusAreas,
	mergeCensusData,
	tickedAreas,
} from '../catalogue/census';
import type { CensusRef } from '../catalogue/itemRef';
import { InputError } from '../util/inputError';
import { censusColumn, censusDynamicTable, censusLayouts, type CensusLabels } from './censusTable';
import type { DynamicDims } from './protocol';

export type CensusSource = Pick<FamilyEndpoints, 'listCensusAreas' | 'getCensusData'>;

/** A census dataset as a panel shows it: the merged data, its areas, its words, and the grid's table. */
export interface CensusShown {
	kind: 'census';
	data: CensusData;
	/** The areas that had data, in the order asked. */
	areas: CensusArea[];
	labels: CensusLabels;
	table: DynamicTable;
}

/** Above this many area names the title counts them instead. */
const TITLE_AREAS = 3;

/**
 * The dataset for the areas `codes` (MFD codes or area ids; default: the ref's). Areas without data
 * are left out and named in the notes; none with data → a clear error. `column`: the dimension
 * across the columns (censusTable.ts; default the last category).
 */
export async function loadCensus(
	source: CensusSource,
	ref: CensusRef,
	codes: readonly string[] = censusAreaCodes(ref),
	lang: Lang,
	signal?: AbortSignal,
	column?: string,
): Promise<CensusShown> {
	const all = await source.listCensusAreas(ref.event, { signal });
	const asked = findCensusAreas(all, codes);
	const got = await Promise.all(
		asked.map((a) =>
			source
				.getCensusData({ event: ref.event, area: a.id, dataset: ref.id }, { signal })
				.catch((e: unknown) => {
					if (isBpsError(e, 'noData')) return undefined;
					throw e;
				}),
		),
	);
	const names = (as: readonly CensusArea[]) => as.map((a) => a.name.trim()).join(', ');
	const areas = asked.filter((_, i) => got[i] !== undefined);
	const without = asked.filter((_, i) => got[i] === undefined);
	if (!areas.length)
		throw new InputError(vscode.l10n.t('BPS has no census data for this dataset in {0}.', names(asked)));
	const data = mergeCensusData(got.filter((d): d is CensusData => d !== undefined));
	const name = ref.title?.trim() || data.rows[0]?.indicatorName.trim() || String(ref.id);
	const where = areas.length > TITLE_AREAS ? vscode.l10n.t('{0} areas', areas.length) : names(areas);
	const labels: CensusLabels = {
		title: `${name} — ${where}`,
		area: vscode.l10n.t('Area'),
		notes: [
			areas.length === 1
				? vscode.l10n.t(
						'Census: {0}; dataset {1}; area {2} ({3}).',
						ref.event,
						ref.id,
						areas[0].name.trim(),
						areas[0].mfdCode,
					)
				: vscode.l10n.t(
						'Census: {0}; dataset {1}; areas {2}.',
						ref.event,
						ref.id,
						areas.map((a) => `${a.name.trim()} (${a.mfdCode})`).join(', '),
					),
			...(without.length
				? [vscode.l10n.t('BPS has no census data for this dataset in {0}.', names(without))]
				: []),
			...data.dimensions.map((d, i) => vscode.l10n.t('Category {0}: {1}', i + 1, d.name.trim())),
		],
	};
	return { kind: 'census', data, areas, labels, table: censusDynamicTable(data, lang, labels, column) };
}

/** The same data laid out with another column dimension. */
export function relayoutCensus(shown: CensusShown, lang: Lang, column: string | undefined): CensusShown {
	return { ...shown, table: censusDynamicTable(shown.data, lang, shown.labels, column) };
}

/**
 * The census periods as the picker's range, all chosen (a dataset has one or two), with the
 * dimensions that can go across the columns and the one that does.
 */
export function censusDims(shown: CensusShown, column: string | undefined): DynamicDims {
	const periods = shown.table.tahun.map((t, i) => ({ id: i, label: t.label }));
	return {
		varId: 0,
		periods,
		defaultPeriods: periods.map((p) => p.id),
		derivedVariables: [],
		derivedPeriods: [],
		layouts: censusLayouts(shown.data, shown.labels.area),
		column: censusColumn(shown.data, column),
	};
}

/**
 * Asks which census areas to show side by side: Indonesia, provinces, regencies or cities, several
 * at once. The areas shown now come first, ticked. Resolves with the MFD codes in order (those
 * kept first, then those added); undefined when cancelled or nothing is ticked.
 */
export async function pickCensusAreas(
	areas: readonly CensusArea[],
	current: readonly string[],
): Promise<string[] | undefined> {
	const level = (a: CensusArea) =>
		a.mfdCode === CENSUS_NATIONAL
			? vscode.l10n.t('National')
			: a.mfdCode.length <= 2
				? vscode.l10n.t('Province')
				: vscode.l10n.t('Regency or city');
	const shown = new Set(current);
	const items = areasShownFirst(areas, current).map((a) => ({
		label: a.name.trim(),
		description: `${a.mfdCode} · ${level(a)}`,
		picked: shown.has(a.mfdCode),
		code: a.mfdCode,
	}));
	const hit = await vscode.window.showQuickPick(items, {
		title: vscode.l10n.t('Census areas'),
		placeHolder: vscode.l10n.t('Tick the areas to show side by side (type a province, regency or city)'),
		matchOnDescription: true,
		canPickMany: true,
	});
	return hit?.length
		? tickedAreas(
				current,
				hit.map((h) => h.code),
			)
		: undefined;
}
