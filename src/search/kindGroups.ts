/**
 * Search results grouped by kind (dynamic tables, static tables, …, codes, concepts) in the order
 * their first result came, and the "filter by kind" that cycles through the kinds found. Pure (no
 * vscode; unit-tested).
 */
import type { ItemKind } from '../catalogue/itemRef';

export interface KindGroup<T> {
	kind: ItemKind;
	items: T[];
}

/** The results by kind, each group in the results' order; only `only`'s group when given. */
export function groupByKind<T extends { kind: ItemKind }>(
	results: readonly T[],
	only?: ItemKind,
): KindGroup<T>[] {
	const groups = new Map<ItemKind, T[]>();
	for (const r of results) {
		if (only && r.kind !== only) continue;
		const g = groups.get(r.kind);
		if (g) g.push(r);
		else groups.set(r.kind, [r]);
	}
	return [...groups].map(([kind, items]) => ({ kind, items }));
}

/** The filter after `current` when the filter button is pressed: every kind found, then all again. */
export function nextKindFilter(
	current: ItemKind | undefined,
	found: readonly { kind: ItemKind }[],
): ItemKind | undefined {
	const kinds = groupByKind(found).map((g) => g.kind);
	if (!kinds.length) return undefined;
	if (current === undefined) return kinds[0];
	const i = kinds.indexOf(current);
	return i < 0 ? kinds[0] : kinds[i + 1];
}
