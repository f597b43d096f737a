/**
 * What commands (preview, insert data, copy id, open on website) act on: one case per kind of BPS
 * data, each with its id in the type BPS gives it. Tree nodes carry one in `ref`; search results
 * and programmatic callers pass one directly. Pure (no `vscode`): the webview imports it too.
 *
 * Adding a kind: a case in {@link ItemRef}, its id type in {@link ID_TYPES}, then follow the
 * compiler (every exhaustive `switch` on `kind` ends in `assertNever`); see docs/ARCHITECTURE.md,
 * "Adding a kind of BPS data".
 */
import { tradeKey } from './trade';

interface RefBase {
	/** 4-digit BPS domain code. */
	domain: string;
	/** Known title, for panel titles before data arrives. */
	title?: string;
	/** Period labels (years) to show or insert, e.g. ['2022', '2023'] (dynamic tables, indicators). */
	years?: string[];
}

/** A dynamic table (`var_id`). */
export interface VarRef extends RefBase {
	kind: 'var';
	id: number;
	/** The SDG indicator number (e.g. "1.2.1") when the table was opened as that indicator (domain 0000). */
	sdg?: string;
}

/** A static table (`table_id`). */
export interface StaticTableRef extends RefBase {
	kind: 'statictable';
	id: number;
}

/** A publication (`pub_id`, a hex string). */
export interface PublicationRef extends RefBase {
	kind: 'publication';
	id: string;
}

/** A press release (`brs_id`). */
export interface PressReleaseRef extends RefBase {
	kind: 'pressrelease';
	id: number;
}

/** A strategic indicator (`indicator_id`). */
export interface IndicatorRef extends RefBase {
	kind: 'indicator';
	id: number;
	/** The dynamic table (variable) behind it, when known. */
	varId?: number;
}

/**
 * Foreign trade (`dataexim`): not an item BPS lists but a query — exports or imports of some HS
 * codes, annual or monthly — national (domain 0000). `id` is the query's key without the years
 * ({@link tradeKey}), so one panel shows one query whatever years it loads; `years` the years.
 */
export interface TradeRef extends RefBase {
	kind: 'trade';
	id: string;
	flow: 'export' | 'import';
	/** 2-digit chapters or 8-digit BTKI codes, all of `hsLevel`. */
	hs: string[];
	hsLevel: 2 | 8;
	monthly: boolean;
}

/** A code of a statistical classification (KBLI, KBKI): BPS's id, e.g. `kbli_2020_0112`; domain 0000. */
export interface ClassificationRef extends RefBase {
	kind: 'classification';
	id: string;
}

/** A concept of the BPS glossary (`id`, a numeric string); domain 0000. */
export interface GlossaryRef extends RefBase {
	kind: 'glossary';
	id: string;
}

/** An infographic (`inf_id`) of a region. The API has no view of one: it is found in the list. */
export interface InfographicRef extends RefBase {
	kind: 'infographic';
	id: number;
}

/** A news item (`news_id`) of a region. */
export interface NewsRef extends RefBase {
	kind: 'news';
	id: number;
}

/**
 * A census dataset (`sensus` id 41), national (domain 0000): `id` is the dataset, `event` its census
 * ("sp2020"), `area` the census area's MFD code ("0" Indonesia, "35" a province, "3578" a regency),
 * or `areas` several of them shown side by side (catalogue/census.ts `censusAreaCodes` reads both).
 */
export interface CensusRef extends RefBase {
	kind: 'census';
	id: number;
	event: string;
	area?: string;
	areas?: string[];
}

/** A SIMDASI table (id 25) of a region: `id` is BPS's table id, `domain` maps to its 7-digit MFD code. */
export interface SimdasiRef extends RefBase {
	kind: 'simdasi';
	id: string;
}

export type ItemRef =
	| VarRef
	| StaticTableRef
	| PublicationRef
	| PressReleaseRef
	| IndicatorRef
	| TradeRef
	| ClassificationRef
	| GlossaryRef
	| InfographicRef
	| NewsRef
	| CensusRef
	| SimdasiRef;
export type ItemKind = ItemRef['kind'];
/** The ref of one kind: `RefOf<'var'>` is `VarRef`. */
export type RefOf<K extends ItemKind> = Extract<ItemRef, { kind: K }>;

/** The type of each kind's id: what {@link toItemRef} parses an untyped id into. */
export const ID_TYPES: { readonly [K in ItemKind]: RefOf<K>['id'] extends number ? 'number' : 'string' } = {
	var: 'number',
	statictable: 'number',
	publication: 'string',
	pressrelease: 'number',
	indicator: 'number',
	trade: 'string',

	classification: 'string',
	glossary: 'string',
	infographic: 'number',
	news: 'number',
	census: 'number',
	simdasi: 'string',
};

/**
 * The kinds BPS lists, which search, links and the assistant's tools offer. Trade is left out: it is
 * a query the trade picker builds, not an item with an id in a list.
 */
export const ITEM_KINDS = (Object.keys(ID_TYPES) as ItemKind[]).filter(
	(k) => k !== 'trade',
) as readonly ItemKind[];

export function isItemKind(x: unknown): x is ItemKind {
	return typeof x === 'string' && Object.prototype.hasOwnProperty.call(ID_TYPES, x);
}

/**
 * Accepts an ItemRef, or anything carrying one in `ref` (a tree node), from an untyped boundary
 * (command arguments, a restored webview state); undefined when it is not one. Ids are parsed
 * into their kind's type here, once ("12" → 12 for a table; 12 → "12" for a publication).
 */
export function toItemRef(arg: unknown): ItemRef | undefined {
	if (!arg || typeof arg !== 'object') {
		return undefined;
	}
	const o = arg as Record<string, unknown>;
	if (o.ref && typeof o.ref === 'object') {
		return toItemRef(o.ref);
	}
	// The trade contract names no domain or id: `{ kind: 'trade', flow, hs, hsLevel, years, monthly }`.
	if (o.kind === 'trade') return toTradeRef(o);
	// The census and SIMDASI contract names the dataset or table: `{ kind: 'census', event, dataset, area? }`.
	if (o.kind === 'census' || o.kind === 'simdasi') return toFamilyRef(o);
	const domain = typeof o.domain === 'string' && /^\d{4}$/.test(o.domain) ? o.domain : undefined;
	if (!domain || !isItemKind(o.kind)) {
		return undefined;
	}
	const base: RefBase = { domain };
	if (typeof o.title === 'string') base.title = o.title;
	if (Array.isArray(o.years)) base.years = o.years.map(String);
	if (ID_TYPES[o.kind] === 'string') {
		const id = typeof o.id === 'string' ? o.id : typeof o.id === 'number' ? String(o.id) : '';
		return id ? { ...base, kind: o.kind as 'publication', id } : undefined;
	}
	const id =
		typeof o.id === 'number' ? o.id : typeof o.id === 'string' && /^\d+$/.test(o.id) ? Number(o.id) : NaN;
	if (!Number.isSafeInteger(id)) return undefined;
	const ref = { ...base, kind: o.kind, id } as ItemRef;
	if (ref.kind === 'indicator' && typeof o.varId === 'number') ref.varId = o.varId;
	if (ref.kind === 'var' && typeof o.sdg === 'string' && o.sdg) ref.sdg = o.sdg;
	return ref;
}

/** Stable key for "one panel per item". */
export function itemKey(ref: Pick<ItemRef, 'domain' | 'kind' | 'id'>): string {
	return `${ref.domain}/${ref.kind}/${ref.id}`;
}

/** True when two refs name the same item. */
export function sameItem(
	a: Pick<ItemRef, 'domain' | 'kind' | 'id'>,
	b: Pick<ItemRef, 'domain' | 'kind' | 'id'>,
): boolean {
	return a.domain === b.domain && a.kind === b.kind && a.id === b.id;
}

/**
 * A trade query from an untyped boundary; undefined when a field is missing or of the wrong
 * type. The codes' form (digits, level) is checked later, with a message the user can act on.
 */
function toTradeRef(o: Record<string, unknown>): TradeRef | undefined {
	const flow = o.flow === 'export' || o.flow === 'import' ? o.flow : undefined;
	const hsLevel = o.hsLevel === 2 || o.hsLevel === 8 ? o.hsLevel : undefined;
	const hs = Array.isArray(o.hs) ? o.hs.map((c) => String(c).trim()).filter(Boolean) : undefined;
	if (!flow || !hsLevel || !hs?.length) return undefined;
	const monthly = o.monthly === true;
	const ref: TradeRef = { kind: 'trade', domain: '0000', flow, hs, hsLevel, monthly, id: '' };
	ref.id = tradeKey(ref);
	if (Array.isArray(o.years)) ref.years = o.years.map((y) => String(y).trim());
	if (typeof o.title === 'string') ref.title = o.title;
	return ref;
}

/**
 * A census dataset or SIMDASI table from an untyped boundary. Census is national (domain 0000) and
 * takes `dataset` for `id`; SIMDASI takes `table` for `id` and its region's 4-digit domain.
 */
function toFamilyRef(o: Record<string, unknown>): CensusRef | SimdasiRef | undefined {
	const base: RefBase = { domain: '0000' };
	if (typeof o.title === 'string') base.title = o.title;
	if (Array.isArray(o.years)) base.years = o.years.map((y) => String(y).trim());
	if (o.kind === 'census') {
		const raw = o.id ?? o.dataset;
		const id =
			typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
		const event = typeof o.event === 'string' ? o.event.trim() : '';
		if (!Number.isSafeInteger(id) || !event) return undefined;
		const ref: CensusRef = { ...base, kind: 'census', id, event };
		const area =
			typeof o.area === 'number' ? String(o.area) : typeof o.area === 'string' ? o.area.trim() : '';
		if (/^\d{1,4}$/.test(area)) ref.area = area;
		const areas = Array.isArray(o.areas)
			? [
					...new Set(
						o.areas.map((a) => (typeof a === 'number' || typeof a === 'string' ? String(a).trim() : '')),
					),
				]
			: [];
		if (areas.length && areas.every((a) => /^\d{1,4}$/.test(a))) ref.areas = areas;
		return ref;
	}
	const domain = typeof o.domain === 'string' && /^\d{4}$/.test(o.domain) ? o.domain : undefined;
	const raw = o.id ?? o.table;
	const id = typeof raw === 'string' ? raw.trim() : '';
	return domain && id ? { ...base, domain, kind: 'simdasi', id } : undefined;
}
