/**
 * The one mapping from an API list record to an item, per kind: the tree, the search, the
 * pickers and the search index all take items from here. Pure (no `vscode`).
 */
import type {
	Lang,
	PressRelease,
	Publication,
	StaticTable,
	StrategicIndicator,
	Variable,
} from '../api/types';
import type {
	CensusDataset,
	ClassificationEntry,
	GlossaryEntry,
	Infographic,
	NewsItem,
	TradeQuery,
	SimdasiTableRef,
} from '../api/families/types';
import { codeLabel } from './classificationFacts';
import type { ItemKind, RefOf, TradeRef } from './itemRef';
import { parseTradeKey, tradeKey } from './trade';
import type { SearchEntry } from './searchIndex';
import { assertNever } from '../util/assertNever';

/** The API record behind each kind of item. */
export interface ApiRecords {
	var: Variable;
	statictable: StaticTable;
	publication: Publication;
	pressrelease: PressRelease;
	indicator: StrategicIndicator;
	/** BPS lists no trade items: the query is the record. */
	trade: TradeQuery;
	classification: ClassificationEntry;
	glossary: GlossaryEntry;
	infographic: Infographic;
	news: NewsItem;
	census: CensusDataset;
	simdasi: SimdasiTableRef;
}

interface ItemBase<K extends ItemKind> {
	kind: K;
	/** What commands act on (title trimmed). */
	ref: RefOf<K>;
	/** The subject's name, when the kind has one. */
	subject?: string;
	/** The subject id, when the server said: lets "reveal" find the tree path. */
	subjectId?: number;
	unit?: string;
	/**
	 * The language of `ref.title` when the item was found in a search. Differs from the data
	 * language when the item matched only in the other language and its title in the data
	 * language is not known yet.
	 */
	titleLang?: Lang;
	/** The full record, when the item came from an API list (not from the search index). */
	record?: ApiRecords[K];
}

/** An item of one kind: `ItemOf<'var'>` carries a `VarRef` and a `Variable`. */
export type ItemOf<K extends ItemKind> = ItemBase<K>;
/** An item of any kind (a union, so `switch (item.kind)` narrows the ref and the record). */
export type CatalogueItem = { [K in ItemKind]: ItemOf<K> }[ItemKind];

const MAP: { readonly [K in ItemKind]: (domain: string, x: ApiRecords[K]) => ItemOf<K> } = {
	var: (domain, v) => ({
		kind: 'var',
		ref: { domain, kind: 'var', id: v.id, title: v.title.trim() },
		subject: v.subjectName,
		subjectId: v.subjectId,
		unit: v.unit,
		record: v,
	}),
	statictable: (domain, t) => ({
		kind: 'statictable',
		ref: { domain, kind: 'statictable', id: t.id, title: t.title.trim() },
		subject: t.subjectName,
		subjectId: t.subjectId ?? undefined,
		record: t,
	}),
	publication: (domain, p) => ({
		kind: 'publication',
		ref: { domain, kind: 'publication', id: p.id, title: p.title.trim() },
		record: p,
	}),
	pressrelease: (domain, p) => ({
		kind: 'pressrelease',
		ref: { domain, kind: 'pressrelease', id: p.id, title: p.title.trim() },
		subject: p.subjectName,
		subjectId: p.subjectId ?? undefined,
		record: p,
	}),
	indicator: (domain, i) => ({
		kind: 'indicator',
		ref: { domain, kind: 'indicator', id: i.indicatorId, title: i.title.trim(), varId: i.varId },
		unit: i.unit,
		record: i,
	}),
	trade: (_domain, q) => ({
		kind: 'trade',
		ref: tradeRef(q),
		record: q,
	}),
	classification: (domain, e) => ({
		kind: 'classification',
		ref: { domain, kind: 'classification', id: e.id, title: codeLabel(e) },
		record: e,
	}),
	// Titled in Indonesian here; the glossary search titles its items in the data language.
	glossary: (domain, e) => ({
		kind: 'glossary',
		ref: { domain, kind: 'glossary', id: e.id, title: (e.concept || e.conceptEn).trim() },
		unit: e.unit || undefined,
		record: e,
	}),
	infographic: (domain, g) => ({
		kind: 'infographic',
		ref: { domain, kind: 'infographic', id: g.id, title: g.title.trim() },
		record: g,
	}),
	news: (domain, n) => ({
		kind: 'news',
		ref: { domain, kind: 'news', id: n.id, title: n.title.trim() },
		subject: n.categoryName || undefined,
		record: n,
	}),
	census: (_domain, d) => ({
		kind: 'census',
		ref: { domain: '0000', kind: 'census', id: d.id, event: d.event, title: d.name.trim() },
		record: d,
	}),
	simdasi: (domain, t) => ({
		kind: 'simdasi',
		ref: { domain, kind: 'simdasi', id: t.id, title: t.title.trim() },
		subject: t.chapter,
		record: t,
	}),
};

/** The ref of a trade query (national; the years as labels). */
export function tradeRef(q: TradeQuery, title?: string): TradeRef {
	const { flow, hsLevel, monthly } = q;
	const hs = [...new Set(q.hs.map((c) => c.trim()))];
	const ref: TradeRef = {
		domain: '0000',
		kind: 'trade',
		id: tradeKey({ flow, hs, hsLevel, monthly }),
		flow,
		hs,
		hsLevel,
		monthly,
	};
	if (q.years.length) ref.years = q.years.map(String);
	if (title) ref.title = title;
	return ref;
}

/** The item for one API record of `kind` in `domain`. */
export function toItem<K extends ItemKind>(kind: K, domain: string, record: ApiRecords[K]): ItemOf<K> {
	return MAP[kind](domain, record);
}

/** The items of a list of API records. */
export function toItems<K extends ItemKind>(
	kind: K,
	domain: string,
	records: readonly ApiRecords[K][],
): ItemOf<K>[] {
	return records.map((r) => MAP[kind](domain, r));
}

/** What the search index keeps of an item. */
export function toSearchEntry(item: CatalogueItem, lang: string): SearchEntry {
	const { ref } = item;
	const e = {
		kind: ref.kind,
		id: ref.id,
		domain: ref.domain,
		title: ref.title ?? String(ref.id),
		lang,
	} as SearchEntry;
	if (item.subject) e.subject = item.subject;
	if (item.unit) e.unit = item.unit;
	if (ref.kind === 'indicator' && ref.varId !== undefined) e.varId = ref.varId;
	return e;
}

/** The item an index entry stands for (no record: the index keeps only what it searches). */
export function fromSearchEntry(e: SearchEntry): CatalogueItem {
	const base = { domain: e.domain, title: e.title.trim() };
	const item = { subject: e.subject, unit: e.unit, ...(e.lang ? { titleLang: e.lang as Lang } : {}) };
	switch (e.kind) {
		case 'var':
			return { ...item, kind: e.kind, ref: { ...base, kind: e.kind, id: e.id } };
		case 'statictable':
			return { ...item, kind: e.kind, ref: { ...base, kind: e.kind, id: e.id } };
		case 'publication':
			return { ...item, kind: e.kind, ref: { ...base, kind: e.kind, id: e.id } };
		case 'pressrelease':
			return { ...item, kind: e.kind, ref: { ...base, kind: e.kind, id: e.id } };
		case 'classification':
			return { ...item, kind: e.kind, ref: { ...base, kind: e.kind, id: e.id } };
		case 'glossary':
			return { ...item, kind: e.kind, ref: { ...base, kind: e.kind, id: e.id } };
		case 'infographic':
			return { ...item, kind: e.kind, ref: { ...base, kind: e.kind, id: e.id } };
		case 'news':
			return { ...item, kind: e.kind, ref: { ...base, kind: e.kind, id: e.id } };
		case 'indicator': {
			const varId = e.varId !== undefined ? { varId: e.varId } : {};
			return { ...item, kind: e.kind, ref: { ...base, kind: e.kind, id: e.id, ...varId } };
		}
		case 'trade': {
			const q = parseTradeKey(e.id);
			if (!q) throw new RangeError(`not a trade query: ${e.id}`);
			return { ...item, kind: e.kind, ref: { ...base, ...tradeRef({ ...q, years: [] }) } };
		}
		case 'census':
		case 'simdasi':
			// Census datasets and SIMDASI tables are browsed, not indexed.
			throw new RangeError(`not in the search index: ${e.kind} ${e.id}`);
		default:
			return assertNever(e, 'item kind');
	}
}
