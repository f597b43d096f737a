/**
 * The one search behind `bps_search`. Today it asks the API's keyword search (first page of each
 * kind) and ranks the answers with the catalogue's {@link SearchIndex}; it sits behind this one
 * function so a better search (the bilingual index) can replace it without touching the tools.
 */
import type { ListOptions } from '../api/api';
import { isBpsError } from '../api/errors';
import type { Lang, Paged } from '../api/types';
import { ITEM_KINDS, type ItemKind } from '../catalogue/itemRef';
import { SearchIndex, tokenize, type SearchEntry } from '../catalogue/searchIndex';
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

/** Items of `domain` matching `query`, best first. */
export async function searchCatalogue(deps: ToolDeps, q: CatalogueQuery): Promise<CatalogueHit[]> {
	const kinds = q.kinds?.length ? q.kinds : ITEM_KINDS;
	const words = tokenize(q.query);
	const longest = [...words].sort((a, b) => b.length - a.length)[0];
	// The API matches the keyword as one phrase in one language's titles: try the phrase, then its
	// most specific word, first in the data language, then in the other one (models often ask in
	// Indonesian while the titles are English, or the reverse).
	let entries: SearchEntry[] = [];
	for (const lang of [deps.lang, deps.lang === 'ind' ? 'eng' : 'ind'] as const) {
		entries = await keywordSearch(deps, q.domain, kinds, q.query.trim(), lang);
		if (!entries.length && words.length > 1 && longest) {
			entries = await keywordSearch(deps, q.domain, kinds, longest, lang);
		}
		if (entries.length) break;
	}
	const index = new SearchIndex();
	index.add(entries);
	const ranked = index.search(q.query, { limit: q.limit ?? 20 }).map((h) => h.entry);
	// Every word must match for the index; when that is too strict keep the API's own order.
	const out = ranked.length ? ranked : entries.slice(0, q.limit ?? 20);
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

async function keywordSearch(
	deps: ToolDeps,
	domain: string,
	kinds: readonly ItemKind[],
	keyword: string,
	lang: Lang,
): Promise<SearchEntry[]> {
	const opts: ListOptions = { keyword, page: 1, signal: deps.signal, lang };
	const api = deps.api;
	/** A kind the domain does not offer (indicators on a regency) is simply empty. */
	const safe = async <T>(p: Promise<Paged<T>>): Promise<T[]> => {
		try {
			return (await p).items;
		} catch (e) {
			if (isBpsError(e, 'noData') || isBpsError(e, 'notFound')) return [];
			throw e;
		}
	};
	const lists = await Promise.all(
		kinds.map(async (kind): Promise<SearchEntry[]> => {
			switch (kind) {
				case 'var':
					return (await safe(api.listVariables(domain, opts))).map((v) => ({
						kind,
						id: v.id,
						domain,
						title: v.title,
						subject: v.subjectName,
						unit: v.unit,
					}));
				case 'statictable':
					return (await safe(api.listStaticTables(domain, opts))).map((t) => ({
						kind,
						id: t.id,
						domain,
						title: t.title,
						subject: t.subjectName,
					}));
				case 'publication':
					return (await safe(api.listPublications(domain, opts))).map((p) => ({
						kind,
						id: p.id,
						domain,
						title: p.title,
					}));
				case 'pressrelease':
					return (await safe(api.listPressReleases(domain, opts))).map((p) => ({
						kind,
						id: p.id,
						domain,
						title: p.title,
						subject: p.subjectName,
					}));
				case 'indicator':
					return (await safe(api.listIndicators(domain, opts))).map((i) => ({
						kind,
						id: i.indicatorId,
						domain,
						title: i.title,
						unit: i.unit,
						varId: i.varId,
					}));
			}
		}),
	);
	return lists.flat();
}
