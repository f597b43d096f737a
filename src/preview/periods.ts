/** Pure period helpers for the preview (no vscode; unit-tested). */
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
