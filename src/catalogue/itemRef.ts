/**
 * What commands (preview, insert data, copy id, open on website) act on. Tree nodes carry one in
 * `ref`; search results and programmatic callers pass one directly.
 */
export type ItemKind = 'var' | 'statictable' | 'publication' | 'pressrelease' | 'indicator';

export const ITEM_KINDS: readonly ItemKind[] = [
	'var',
	'statictable',
	'publication',
	'pressrelease',
	'indicator',
];

export interface ItemRef {
	/** 4-digit BPS domain code. */
	domain: string;
	kind: ItemKind;
	/** var_id, table_id, pub_id (string), brs_id, or indicator_id. */
	id: number | string;
	/** Known title, for panel titles before data arrives. */
	title?: string;
	/** Period labels (years) for dynamic tables, e.g. ['2022', '2023']. */
	years?: string[];
	/** For indicators: the dynamic table (variable) behind it. */
	varId?: number;
}

/** Accepts an ItemRef, or anything carrying one in `ref` (a tree node); undefined otherwise. */
export function toItemRef(arg: unknown): ItemRef | undefined {
	if (!arg || typeof arg !== 'object') {
		return undefined;
	}
	const o = arg as Record<string, unknown>;
	if (o.ref && typeof o.ref === 'object') {
		return toItemRef(o.ref);
	}
	const domain = typeof o.domain === 'string' ? o.domain : undefined;
	const kind =
		typeof o.kind === 'string' && (ITEM_KINDS as readonly string[]).includes(o.kind)
			? (o.kind as ItemKind)
			: undefined;
	const id = typeof o.id === 'number' || (typeof o.id === 'string' && o.id !== '') ? o.id : undefined;
	if (!domain || !/^\d{4}$/.test(domain) || !kind || id === undefined) {
		return undefined;
	}
	const ref: ItemRef = {
		domain,
		kind,
		id: kind !== 'publication' && typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id,
	};
	if (typeof o.title === 'string') ref.title = o.title;
	if (Array.isArray(o.years)) ref.years = o.years.map(String);
	if (typeof o.varId === 'number') ref.varId = o.varId;
	return ref;
}

/** Stable key for "one panel per item". */
export function itemKey(ref: ItemRef): string {
	return `${ref.domain}/${ref.kind}/${ref.id}`;
}
