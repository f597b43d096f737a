/**
 * Favourites: pinned items with the parameters they were pinned with (the years shown), in the
 * user's order, with their own names. Pure code, no `vscode`: the list is a value, every change
 * returns a new list; unit-tested in test/unit/favourites.test.ts. The same JSON shape is kept in
 * global state and in a workspace's `.vscode/bps.json`, so a hand-edited file is validated here.
 */
import { type ItemRef, itemKey, toItemRef } from '../catalogue/itemRef';
import type { ChangeHighlight, DimensionView } from '../preview/protocol';
import type { StaticChange, StaticSnapshot } from './staticDiff';
import type { CellChange, TableSnapshot } from './tableDiff';

/** What the update watch keeps for a favourite (see watch.ts). */
export interface FavouriteWatch {
	/** ISO time of the last completed check. */
	checkedAt: string;
	/** The watched cells at that check (dynamic tables). */
	snapshot?: TableSnapshot;
	/** The update date and content digest at that check (static tables). */
	table?: StaticSnapshot;
	/** Changes found and not yet looked at ("Show changes" clears it). */
	change?: {
		at: string;
		newPeriods: string[];
		/** How many cells were revised; `revised` keeps the first MAX_KEPT_CHANGES of them. */
		count: number;
		revised: CellChange[];
		/** A static table's new update date or content. */
		table?: StaticChange;
	};
}

/** The revised cells a favourite keeps for its summary and the highlighted grid. */
export const MAX_KEPT_CHANGES = 200;

export interface Favourite {
	/** Stable key of the favourite (not of the item: one item may be pinned twice with other years). */
	key: string;
	/** The name shown; the item's title unless renamed. */
	label: string;
	ref: ItemRef;
	/** A dynamic table's rows, derived variable and sub-period as it was pinned; absent = all. */
	view?: DimensionView;
	/** ISO time it was pinned. */
	added: string;
	watch?: FavouriteWatch;
}

/** The file / state shape: `{ "favourites": [...] }`; other top-level fields are kept by the store. */
export interface FavouritesDoc {
	favourites: Favourite[];
}

/** The most favourites kept: a bound on what a hand-edited file can make us show. */
export const MAX_FAVOURITES = 500;
/** The most rows a favourite's view names (more is kept as "all rows"). */
export const MAX_VIEW_ROWS = 5000;

/**
 * The view's choices when they are well-formed vals; undefined when nothing is chosen (all rows,
 * every derived variable and sub-period), so a favourite without a choice has no `view`.
 */
export function toDimensionView(v: unknown): DimensionView | undefined {
	if (!v || typeof v !== 'object') return undefined;
	const o = v as Record<string, unknown>;
	const one = (x: unknown) => (typeof x === 'string' && x && x !== '*' && x.length <= 64 ? x : undefined);
	const rows =
		Array.isArray(o.rows) && o.rows.length && o.rows.length <= MAX_VIEW_ROWS && o.rows.every((r) => one(r))
			? (o.rows as string[])
			: undefined;
	const out: DimensionView = {};
	if (rows) out.rows = [...rows];
	if (one(o.turvar)) out.turvar = o.turvar as string;
	if (one(o.turtahun)) out.turtahun = o.turtahun as string;
	return Object.keys(out).length ? out : undefined;
}

/** Reads favourites from untrusted JSON; entries that are not valid are dropped (and counted). */
export function parseFavourites(json: unknown): { favourites: Favourite[]; dropped: number } {
	const raw = (json as { favourites?: unknown } | undefined)?.favourites;
	if (!Array.isArray(raw)) return { favourites: [], dropped: 0 };
	const out: Favourite[] = [];
	const seen = new Set<string>();
	let dropped = 0;
	for (const e of raw.slice(0, MAX_FAVOURITES)) {
		const o = (e ?? {}) as Record<string, unknown>;
		const ref = toItemRef(o.ref);
		const key = typeof o.key === 'string' && o.key ? o.key : undefined;
		if (!ref || !key || seen.has(key)) {
			dropped++;
			continue;
		}
		seen.add(key);
		const label =
			typeof o.label === 'string' && o.label.trim() ? o.label.trim() : (ref.title ?? String(ref.id));
		const added = typeof o.added === 'string' ? o.added : new Date(0).toISOString();
		const watch = toWatch(o.watch);
		const view = ref.kind === 'var' ? toDimensionView(o.view) : undefined;
		out.push({ key, label, ref, ...(view ? { view } : {}), added, ...(watch ? { watch } : {}) });
	}
	return { favourites: out, dropped: dropped + Math.max(0, raw.length - MAX_FAVOURITES) };
}

/** The watch state when it has the expected shape; anything else is dropped (the next check rebuilds it). */
function toWatch(w: unknown): FavouriteWatch | undefined {
	const o = w as Partial<FavouriteWatch> | undefined;
	if (!o || typeof o !== 'object' || typeof o.checkedAt !== 'string') return undefined;
	const s = o.snapshot;
	const snapshotOk =
		!!s &&
		typeof s.lastUpdate === 'string' &&
		Array.isArray(s.periods) &&
		!!s.cells &&
		typeof s.cells === 'object' &&
		!!s.labels &&
		typeof s.labels === 'object';
	const c = o.change;
	const changeOk =
		!!c && Array.isArray(c.newPeriods) && Array.isArray(c.revised) && typeof c.count === 'number';
	const t = o.table;
	const tableOk = !!t && typeof t.updated === 'string' && typeof t.digest === 'string';
	return {
		checkedAt: o.checkedAt,
		...(snapshotOk ? { snapshot: s } : {}),
		...(tableOk
			? {
					table: {
						updated: t.updated,
						digest: t.digest,
						...(typeof t.cells === 'string' && /^(?:[0-9a-f]{8})*$/.test(t.cells) ? { cells: t.cells } : {}),
					},
				}
			: {}),
		...(changeOk ? { change: c } : {}),
	};
}

/** "var 1804 (0000) 2017–2019 …" identity: the same item with the same years and view is pinned once. */
export function paramsKey(ref: ItemRef, view?: DimensionView): string {
	const v = toDimensionView(view);
	const shown = v ? `#${v.turvar ?? '*'}|${v.turtahun ?? '*'}|${(v.rows ?? []).join(',')}` : '';
	return `${itemKey(ref)}?${(ref.years ?? []).join(',')}${shown}`;
}

/**
 * Pins `ref` (with a dynamic table's `view`) at the end, or returns the list unchanged with the
 * existing favourite when the same item with the same years and view is already pinned.
 * `newKey` makes the favourite's key.
 */
export function addFavourite(
	list: readonly Favourite[],
	ref: ItemRef,
	now: Date,
	newKey: () => string,
	view?: DimensionView,
): { list: Favourite[]; favourite: Favourite; added: boolean } {
	const shown = ref.kind === 'var' ? toDimensionView(view) : undefined;
	const existing = list.find((f) => paramsKey(f.ref, f.view) === paramsKey(ref, shown));
	if (existing) return { list: [...list], favourite: existing, added: false };
	const clean = toItemRef(ref) ?? ref;
	const favourite: Favourite = {
		key: newKey(),
		label: (ref.title ?? '').trim() || `${ref.kind} ${ref.id}`,
		ref: clean,
		...(shown ? { view: shown } : {}),
		added: now.toISOString(),
	};
	return { list: [...list, favourite], favourite, added: true };
}

export function renameFavourite(list: readonly Favourite[], key: string, label: string): Favourite[] {
	const name = label.replace(/\s+/g, ' ').trim();
	return list.map((f) => (f.key === key && name ? { ...f, label: name } : f));
}

export function removeFavourite(list: readonly Favourite[], key: string): Favourite[] {
	return list.filter((f) => f.key !== key);
}

/**
 * Moves the favourites `keys` (in their current order) before `beforeKey`, or to the end when it
 * is undefined or one of the moved ones — what dropping a selection on an item does.
 */
export function moveFavourites(
	list: readonly Favourite[],
	keys: readonly string[],
	beforeKey: string | undefined,
): Favourite[] {
	const moving = list.filter((f) => keys.includes(f.key));
	const rest = list.filter((f) => !keys.includes(f.key));
	const at = beforeKey === undefined ? -1 : rest.findIndex((f) => f.key === beforeKey);
	return at < 0 ? [...rest, ...moving] : [...rest.slice(0, at), ...moving, ...rest.slice(at)];
}

/**
 * Adds newly found changes to the ones not yet looked at: periods once each, a cell revised twice
 * keeps its first "from" and its latest "to".
 */
export function mergeChange(
	prev: FavouriteWatch['change'],
	next: { newPeriods: string[]; revised: CellChange[] },
	at: string,
): NonNullable<FavouriteWatch['change']> {
	const byId = new Map((prev?.revised ?? []).map((c) => [c.id, c]));
	for (const c of next.revised) {
		const old = byId.get(c.id);
		byId.set(c.id, old ? { ...c, from: old.from } : c);
	}
	const revised = [...byId.values()].filter((c) => c.from !== c.to);
	const newPeriods = [...new Set([...(prev?.newPeriods ?? []), ...next.newPeriods])];
	const extra = Math.max(0, (prev?.count ?? 0) - (prev?.revised.length ?? 0));
	return { at, newPeriods, count: revised.length + extra, revised: revised.slice(0, MAX_KEPT_CHANGES) };
}

/**
 * What "Show changes" opens: the favourite's item with its pinned years and the new periods (so
 * their columns are there to see), and the changes for the grid to highlight.
 */
export function changesView(f: Favourite): { ref: ItemRef; changes: ChangeHighlight } {
	const c = f.watch?.change;
	const changes: ChangeHighlight = {
		revised: (c?.revised ?? []).map(({ row, column, from, to }) => ({ row, column, from, to })),
		newPeriods: c?.newPeriods ?? [],
		count: c?.count ?? 0,
		...(c?.table ? { table: c.table } : {}),
	};
	const years = f.ref.years?.length
		? [...new Set([...f.ref.years, ...changes.newPeriods])].sort((a, b) =>
				a.localeCompare(b, 'en', { numeric: true }),
			)
		: undefined;
	return { ref: { ...f.ref, title: f.ref.title ?? f.label, ...(years ? { years } : {}) }, changes };
}
