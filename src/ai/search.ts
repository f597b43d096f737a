/**
 * The one search behind `bps_search`, over every kind the search box reaches: the catalogue's
 * bilingual keyword search of the tables and documents (first page of each kind, in Indonesian and
 * English), ranked and de-duplicated by the catalogue's {@link SearchIndex}; then the other kinds
 * from their own sources (kindSearch.ts: infographics and news by keyword, census datasets, SIMDASI
 * tables, foreign trade by HS code or words, classification codes, glossary concepts).
 */
import type { SimdasiTableRef } from '../api/families/types';
import { ClassificationIndex } from '../catalogue/classifications';
import { FamilyIndex } from '../catalogue/familyIndex';
import { GlossaryIndex, glossaryDefinition } from '../catalogue/glossary';
import { ITEM_KINDS, type ItemKind } from '../catalogue/itemRef';
import { toSearchEntry, type CatalogueItem } from '../catalogue/items';
import { OTHER_SEARCH_KINDS, type OtherSearchKind, searchOtherKinds } from '../catalogue/kindSearch';
import { keywordSearch, otherLang } from '../catalogue/keywordSearch';
import { itemEntryKey, SearchIndex, tokenize, type SearchEntry } from '../catalogue/searchIndex';
import type { SearchIndexes, ToolDeps } from './types';

/** Every kind `bps_search` finds: the listed kinds and foreign trade queries. */
export const SEARCH_TOOL_KINDS: readonly ItemKind[] = [...ITEM_KINDS, 'trade'];

export interface CatalogueHit {
	kind: ItemKind;
	id: number | string;
	domain: string;
	title: string;
	subject?: string;
	unit?: string;
	/** Indicators: the dynamic table (variable) behind the indicator. */
	varId?: number;
	/** Census datasets: the census (event id, e.g. "sp2020"). */
	event?: string;
	/** Trade queries: what bps_get_trade takes. */
	trade?: { flow: 'export' | 'import'; hs: string[]; hsLevel: 2 | 8 };
	/** Glossary concepts and classification codes: the definition or description (shortened). */
	text?: string;
}

export interface CatalogueQuery {
	query: string;
	domain: string;
	kinds?: readonly ItemKind[];
	limit?: number;
}

const isOther = (k: ItemKind): k is OtherSearchKind => (OTHER_SEARCH_KINDS as readonly string[]).includes(k);

/** The indexes of one tool call when the host keeps none (they load through the client's cache). */
function indexesOf(deps: ToolDeps): SearchIndexes {
	return (
		deps.indexes ?? {
			familyIndex: new FamilyIndex(deps.families),
			classifications: new ClassificationIndex(deps.families),
			glossary: new GlossaryIndex(deps.families),
		}
	);
}

/**
 * Items of `domain` matching `query`, best first: the tables and documents (as the search box
 * ranks them), then the other kinds, each at most `limit`. The API's keyword search is asked in
 * both languages at once (models ask in Indonesian while the titles are English, or the reverse);
 * each item comes once, titled in the data language when that title came back too.
 */
export async function searchCatalogue(deps: ToolDeps, q: CatalogueQuery): Promise<CatalogueHit[]> {
	const kinds = q.kinds?.length ? q.kinds : SEARCH_TOOL_KINDS;
	const limit = q.limit ?? 20;
	const listed = kinds.filter((k) => !isOther(k));
	const others = kinds.filter(isOther);
	const [tables, rest] = await Promise.all([
		listed.length ? searchListed(deps, q.query, q.domain, listed, limit) : [],
		others.length
			? searchOtherKinds({ families: deps.families, ...indexesOf(deps) }, q.query, {
					domain: q.domain,
					lang: deps.lang,
					kinds: others,
					limit: Math.min(limit, 8),
					signal: deps.signal,
				})
			: { items: [], error: undefined, stale: false },
	]);
	// A source that fails fails the answer only when nothing else was found.
	if (rest.error !== undefined && !tables.length && !rest.items.length) throw rest.error;
	return [...tables, ...rest.items.map((i) => hitOf(i, deps))];
}

/** The tables and documents: the keyword search, ranked by the index. */
async function searchListed(
	deps: ToolDeps,
	query: string,
	domain: string,
	kinds: readonly ItemKind[],
	limit: number,
): Promise<CatalogueHit[]> {
	const words = tokenize(query);
	const longest = [...words].sort((a, b) => b.length - a.length)[0];
	// The API matches the keyword as one phrase: try the phrase, then its most specific word.
	let entries = await search(deps, domain, kinds, query.trim());
	if (!entries.length && words.length > 1 && longest) {
		entries = await search(deps, domain, kinds, longest);
	}
	const index = new SearchIndex();
	index.add(entries);
	const ranked = index.searchBilingual(query, { lang: deps.lang, limit }).map((h) => h.entry);
	// Every word must match for the index; when that is too strict keep the API's own order.
	const seen = new Set<string>();
	const out = ranked.length
		? ranked
		: entries.filter((e) => !seen.has(itemEntryKey(e)) && seen.add(itemEntryKey(e))).slice(0, limit);
	return out.map((e) => ({
		kind: e.kind,
		id: e.id,
		domain: e.domain,
		title: e.title,
		subject: e.subject,
		unit: e.unit,
		varId: e.varId,
	}));
}

/** A hit of the other kinds, with what the next tool call needs. */
function hitOf(i: CatalogueItem, deps: ToolDeps): CatalogueHit {
	const hit: CatalogueHit = {
		kind: i.kind,
		id: i.ref.id,
		domain: i.ref.domain,
		title: i.ref.title ?? String(i.ref.id),
		subject: i.subject,
		unit: i.unit,
	};
	if (i.kind === 'census') hit.event = i.ref.event;
	if (i.kind === 'trade') hit.trade = { flow: i.ref.flow, hs: i.ref.hs, hsLevel: i.ref.hsLevel };
	if (i.kind === 'simdasi' && i.record) hit.subject = simdasiNote(i.record, i.subject);
	if (i.kind === 'glossary' && i.record) hit.text = shorten(glossaryDefinition(i.record, deps.lang));
	if (i.kind === 'classification' && i.record) hit.text = shorten(i.record.description);
	return hit;
}

function simdasiNote(t: SimdasiTableRef, chapter: string | undefined): string {
	const years = t.years.length ? `years ${Math.min(...t.years)}–${Math.max(...t.years)}` : '';
	return [chapter, years].filter(Boolean).join('; ');
}

function shorten(s: string, max = 240): string | undefined {
	const t = s.replace(/\s+/g, ' ').trim();
	if (!t) return undefined;
	return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** The API's keyword search in both languages, data language first; failures other than "nothing" throw. */
async function search(
	deps: ToolDeps,
	domain: string,
	kinds: readonly ItemKind[],
	keyword: string,
): Promise<SearchEntry[]> {
	const found = await keywordSearch(deps.api, domain, keyword, {
		kinds,
		langs: [deps.lang, otherLang(deps.lang)],
		signal: deps.signal,
	});
	if (found.error !== undefined) throw found.error;
	return found.answers.flatMap((a) => a.items.map((i) => toSearchEntry(i, a.lang)));
}
