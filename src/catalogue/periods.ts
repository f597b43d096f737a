/** Pure period helpers (no vscode; unit-tested): sorting, the default window, years → periods. */
import type { Period } from '../api/types';

/** How many recent periods a dynamic table shows by default. */
export const DEFAULT_PERIOD_COUNT = 5;

/** Periods oldest first (by year label, then id). */
export function sortPeriods(p: Period[]): Period[] {
	return [...p].sort((a, b) => {
		const ya = parseInt(a.label, 10);
		const yb = parseInt(b.label, 10);
		if (Number.isFinite(ya) && Number.isFinite(yb) && ya !== yb) return ya - yb;
		return a.id - b.id;
	});
}

/** The periods matching `years` (labels) when given, else the most recent DEFAULT_PERIOD_COUNT. */
export function defaultPeriods(sorted: Period[], years?: string[]): number[] {
	if (years?.length) {
		const want = new Set(years.map((y) => y.trim()));
		const hit = sorted.filter((p) => want.has(p.label.trim())).map((p) => p.id);
		if (hit.length) return hit;
	}
	return sorted.slice(-DEFAULT_PERIOD_COUNT).map((p) => p.id);
}

/**
 * The periods whose labels are `years` (numbers or strings: 2023 and '2023' alike), in the list's
 * order, and the years that have none. Every "years → periods" of the extension (insert, public
 * API) goes through here.
 */
export function periodsForYears(
	periods: readonly Period[],
	years: ReadonlyArray<string | number>,
): { chosen: Period[]; missing: string[] } {
	const want = [...new Set(years.map((y) => String(y).trim()))];
	const chosen = periods.filter((p) => want.includes(p.label.trim()));
	const missing = want.filter((y) => !chosen.some((p) => p.label.trim() === y));
	return { chosen, missing };
}
