/**
 * Search results grouped by kind (dynamic tables, static tables, …, codes, concepts) in the order
 * their first result came, and the "filter by kind" that cycles through the kinds found. Pure (no
 * vscode; unit-tested).
 */
import { type ItemKind, type ItemRef, itemKey } from '../catalogue/itemRef';

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

/**
 * The index's hits and the server's, each item once: the index's ranking first, then what only
 * the server found (keyword matches are substrings the index may not rank). The server's copy of
 * an item wins: it carries the subject id for "reveal".
 */
export function mergeResults<T extends { ref: ItemRef }>(local: readonly T[], server: readonly T[]): T[] {
	const seen = new Map<string, T>();
	const key = (r: T) => itemKey(r.ref);
	const serverByKey = new Map(server.map((r) => [key(r), r]));
	for (const r of local) seen.set(key(r), serverByKey.get(key(r)) ?? r);
	for (const r of server) if (!seen.has(key(r))) seen.set(key(r), r);
	return [...seen.values()];
}
