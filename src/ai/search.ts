/**
 * The one search behind `bps_search`: the catalogue's bilingual keyword search (first page of each
 * kind, in Indonesian and English), ranked and de-duplicated by the catalogue's {@link SearchIndex}.
 */
import { ITEM_KINDS, type ItemKind } from '../catalogue/itemRef';
import { toSearchEntry } from '../catalogue/items';
import { keywordSearch, otherLang } from '../catalogue/keywordSearch';
import { itemEntryKey, SearchIndex, tokenize, type SearchEntry } from '../catalogue/searchIndex';
import type { ToolDeps } from './types';

export interface CatalogueHit {
	kind: ItemKind;
	id: number | string;
	domain: string;
	title: string;
	subject?: string;
	unit?: string;
	/** Indicators: the dynamic table (variable) behind the indicator. */
	varId?: number;
}

export interface CatalogueQuery {
	query: string;
	domain: string;
	kinds?: readonly ItemKind[];
	limit?: number;
}

/**
 * Items of `domain` matching `query`, best first: the same bilingual search as the search box.
 * The API's keyword search is asked in both languages at once (models ask in Indonesian while the
 * titles are English, or the reverse); each item comes once, titled in the data language when that
 * title came back too.
 */
export async function searchCatalogue(deps: ToolDeps, q: CatalogueQuery): Promise<CatalogueHit[]> {
	const kinds = q.kinds?.length ? q.kinds : ITEM_KINDS;
	const words = tokenize(q.query);
	const longest = [...words].sort((a, b) => b.length - a.length)[0];
	// The API matches the keyword as one phrase: try the phrase, then its most specific word.
	let entries = await search(deps, q.domain, kinds, q.query.trim());
	if (!entries.length && words.length > 1 && longest) {
		entries = await search(deps, q.domain, kinds, longest);
	}
	const limit = q.limit ?? 20;
	const index = new SearchIndex();
	index.add(entries);
	const ranked = index.searchBilingual(q.query, { lang: deps.lang, limit }).map((h) => h.entry);
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
