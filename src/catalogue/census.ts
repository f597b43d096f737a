/** Census areas: which of an event's areas an MFD code names, and several areas' data as one. Pure (no vscode). */
import { BpsError } from '../api/errors';
import type { CensusArea, CensusData } from '../api/families/types';
import type { CensusRef } from './itemRef';

/** Indonesia's census area code. */
export const CENSUS_NATIONAL = '0';

/** The MFD codes of the areas a census ref shows, in order: `areas`, else `area`, else Indonesia. */
export function censusAreaCodes(ref: Pick<CensusRef, 'area' | 'areas'>): string[] {
	return ref.areas?.length ? [...ref.areas] : [ref.area ?? CENSUS_NATIONAL];
}

/** The ref showing `codes` (one area keeps the contract's `area`; several go in `areas`). */
export function withCensusAreas(ref: CensusRef, codes: readonly string[]): CensusRef {
	const rest: CensusRef = { ...ref };
	delete rest.area;
	delete rest.areas;
	const unique = [...new Set(codes)];
	if (unique.length === 0) return rest;
	return unique.length === 1 ? { ...rest, area: unique[0] } : { ...rest, areas: unique };
}

/** The event's areas for a picker: those shown now first (in their order), then the rest as listed. */
export function areasShownFirst(areas: readonly CensusArea[], current: readonly string[]): CensusArea[] {
	const rank = new Map(current.map((c, i) => [c, i]));
	return [...areas].sort((a, b) => (rank.get(a.mfdCode) ?? Infinity) - (rank.get(b.mfdCode) ?? Infinity));
}

/** The areas ticked, in the order to show them: those kept first (their order), then those added. */
export function tickedAreas(current: readonly string[], ticked: readonly string[]): string[] {
	const keep = new Set(ticked);
	const had = new Set(current);
	return [...new Set([...current.filter((c) => keep.has(c)), ...ticked.filter((c) => !had.has(c))])];
}

/** The census area an MFD code (or area id) names; BpsError('noData') when the event has none. */
export function findCensusArea(areas: readonly CensusArea[], code: string | undefined): CensusArea {
	const want = code ?? CENSUS_NATIONAL;
	const hit = areas.find((a) => a.mfdCode === want) ?? areas.find((a) => String(a.id) === want);
	if (!hit) throw new BpsError('noData', `no census area ${want}`);
	return hit;
}

/** The census areas `codes` name, once each, in order; BpsError('noData') for one the event lacks. */
export function findCensusAreas(areas: readonly CensusArea[], codes: readonly string[]): CensusArea[] {
	return [...new Map(codes.map((c) => findCensusArea(areas, c)).map((a) => [a.id, a])).values()];
}

/**
 * Several areas' answers for one dataset as one: the rows one area after another (each row keeps
 * its area code and name, so the grid and the tidy rows tell them apart), each dimension's items
 * in first-seen order across the areas, and `areaIds` in the order given (the fetch code asks for
 * the same areas). Stale when any part is; fetched when the oldest part was.
 */
export function mergeCensusData(parts: readonly CensusData[]): CensusData {
	if (!parts.length) throw new RangeError('no census data to merge');
	if (parts.length === 1) return parts[0];
	const dims = new Map<string, CensusData['dimensions'][number]>();
	for (const p of parts)
		for (const d of p.dimensions) {
			const have = dims.get(d.id);
			if (!have) {
				dims.set(d.id, { ...d, items: [...d.items] });
				continue;
			}
			const seen = new Set(have.items.map((i) => i.id));
			for (const it of d.items) if (!seen.has(it.id)) have.items.push(it);
		}
	const first = parts[0];
	return {
		event: first.event,
		dataset: first.dataset,
		areaId: first.areaId,
		areaIds: [...new Set(parts.flatMap((p) => p.areaIds ?? [p.areaId]))],
		rows: parts.flatMap((p) => p.rows),
		dimensions: [...dims.values()],
		fetchedAt: Math.min(...parts.map((p) => p.fetchedAt)),
		stale: parts.some((p) => p.stale),
	};
}
