/**
 * The server's `keyword` search over catalogue lists, in one or more languages at once. The API
 * matches the keyword against the titles of ONE language per call, so a search that understands
 * Indonesian and English asks both (the calls go out in parallel; the client's limiter, cache and
 * de-duplication keep the budget). Shared by the search QuickPick (through CatalogueService) and
 * the `bps_search` tool. Pure (no `vscode`).
 */
import type { BpsApi, ListOptions } from '../api/api';
import { BpsError, isBpsError, isCancelled } from '../api/errors';
import type { Lang, Paged } from '../api/types';
import type { ItemKind } from './itemRef';
import { toItems, type ApiRecords, type CatalogueItem } from './items';

export const LANGS: readonly Lang[] = ['ind', 'eng'];

/** The other data language. */
export function otherLang(lang: Lang): Lang {
	return lang === 'ind' ? 'eng' : 'ind';
}

/** A failure a search does not report: cancelled, or the API had nothing ("no data", "not found"). */
export function isNothingFound(e: unknown): boolean {
	return isCancelled(e) || isBpsError(e, 'noData') || isBpsError(e, 'notFound');
}

/** What one list answered in one language. */
export interface KeywordAnswer {
	kind: ItemKind;
	lang: Lang;
	items: CatalogueItem[];
	stale: boolean;
}

export interface KeywordSearch {
	answers: KeywordAnswer[];
	/** The first failure (other than "no data", "not found" and cancellation). */
	error?: unknown;
	/** True when an answer came from the cache because the API could not be reached. */
	stale: boolean;
}

export interface KeywordSearchOptions {
	kinds: readonly ItemKind[];
	/** Languages to ask, data language first. */
	langs: readonly Lang[];
	signal?: AbortSignal;
	bypassCache?: boolean;
}

/** First page of each list of `kinds` in each of `langs` whose titles contain `keyword`. */
export async function keywordSearch(
	api: BpsApi,
	domain: string,
	keyword: string,
	o: KeywordSearchOptions,
): Promise<KeywordSearch> {
	const calls = o.langs.flatMap((lang) =>
		o.kinds.map(async (kind): Promise<KeywordAnswer> => {
			const opts: ListOptions = { keyword, page: 1, lang, signal: o.signal, bypassCache: o.bypassCache };
			const r = await list(api, kind, domain, opts);
			return {
				kind,
				lang,
				items: toItems(kind, domain, r.items as never[]) as CatalogueItem[],
				stale: r.stale,
			};
		}),
	);
	const out: KeywordSearch = { answers: [], stale: false };
	for (const s of await Promise.allSettled(calls)) {
		if (s.status === 'fulfilled') {
			out.answers.push(s.value);
			out.stale ||= s.value.stale;
		} else if (!isNothingFound(s.reason)) {
			out.error ??= s.reason;
		}
	}
	if (o.signal?.aborted) out.error = undefined;
	return out;
}

function list<K extends ItemKind>(
	api: BpsApi,
	kind: K,
	domain: string,
	opts: ListOptions,
): Promise<Paged<ApiRecords[K]>> {
	const lists: { [Q in ItemKind]: () => Promise<Paged<ApiRecords[Q]>> } = {
		var: () => api.listVariables(domain, opts),
		statictable: () => api.listStaticTables(domain, opts),
		publication: () => api.listPublications(domain, opts),
		pressrelease: () => api.listPressReleases(domain, opts),
		indicator: () => api.listIndicators(domain, opts),
		// Trade is a query, not a list BPS keeps: nothing to match (no data is not an error here).
		trade: () => Promise.reject(new BpsError('noData', 'BPS lists no trade items')),
		// Searched on our side (classifications.ts, glossary.ts): the API's keyword is not documented there.
		classification: () => Promise.resolve(nothing()),
		glossary: () => Promise.resolve(nothing()),
		// Not among the kinds searched by keyword (SEARCH_KINDS): their lists are in BpsClient.families.
		infographic: () => Promise.resolve(nothing()),
		news: () => Promise.resolve(nothing()),
		// Census datasets and SIMDASI tables are browsed in the tree: the API has no keyword search for them.
		census: () => Promise.resolve(nothing()),
		simdasi: () => Promise.resolve(nothing()),
	};
	return lists[kind]() as Promise<Paged<ApiRecords[K]>>;
}

function nothing<T>(): Paged<T> {
	return { items: [], total: 0, page: 1, pages: 1, fetchedAt: Date.now(), stale: false };
}
