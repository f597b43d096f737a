/** Census areas: which of an event's areas an MFD code names. Pure (no vscode). */
import { BpsError } from '../api/errors';
import type { CensusArea } from '../api/families/types';

/** Indonesia's census area code. */
export const CENSUS_NATIONAL = '0';

/** The census area an MFD code (or area id) names; BpsError('noData') when the event has none. */
export function findCensusArea(areas: readonly CensusArea[], code: string | undefined): CensusArea {
	const want = code ?? CENSUS_NATIONAL;
	const hit = areas.find((a) => a.mfdCode === want) ?? areas.find((a) => String(a.id) === want);
	if (!hit) throw new BpsError('noData', `no census area ${want}`);
	return hit;
}
