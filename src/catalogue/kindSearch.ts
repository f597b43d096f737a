/**
 * Search over every kind beyond the four keyword-searched lists (catalogueService.searchServer):
 * infographics and news (the API's `keyword`, in Indonesian and English), census datasets and
 * SIMDASI tables (familyIndex.ts), foreign trade by HS code or words (tradeSearch.ts), and
 * classification codes and glossary concepts (referenceSearch.ts). Shared by the search QuickPick
 * and the `bps_search` tool. A source that fails does not fail the others: its error is reported
 * beside what the others found. Pure (no `vscode`).
 */
import type { FamilyEndpoints } from '../api/families/endpoints';
import type { Lang, Paged } from '../api/types';
import type { ClassificationIndex } from './classifications';
import {
	censusSearchItem,
	type FamilyIndex,
	searchCensus,
	searchSimdasi,
	simdasiSearchItem,
} from './familyIndex';
import type { GlossaryIndex } from './glossary';
import { itemKey } from './itemRef';
import { toItems, type CatalogueItem } from './items';
import { isNothingFound, otherLang } from './keywordSearch';
import { type ReferenceSearch, searchReference } from './referenceSearch';
import { tradeSearchItems } from './tradeSearch';

/** The kinds searched here, in the order their groups come. */
export const OTHER_SEARCH_KINDS = [
	'infographic',
	'news',
	'census',
	'simdasi',
	'trade',
	'glossary',
	'classification',
] as const;
export type OtherSearchKind = (typeof OTHER_SEARCH_KINDS)[number];

/** Where the other kinds come from: the client's families and the lazily loaded indexes. */
export interface KindSources {
	families: Pick<FamilyEndpoints, 'listInfographics' | 'listNews'>;
	familyIndex: FamilyIndex;
	classifications: ClassificationIndex;
	glossary: GlossaryIndex;
}

export interface KindSearchOptions {
	/** The region whose infographics, news and SIMDASI tables are searched. */
	domain: string;
	lang: Lang;
	/** Which kinds (default all of {@link OTHER_SEARCH_KINDS}). */
	kinds?: readonly OtherSearchKind[];
	/** Per kind (default 20). */
	limit?: number;
	signal?: AbortSignal;
}

type Found = { items: CatalogueItem[]; stale: boolean };

/** What `query` finds among the other kinds, grouped in {@link OTHER_SEARCH_KINDS} order. */
export async function searchOtherKinds(
	src: KindSources,
	query: string,
	o: KindSearchOptions,
): Promise<ReferenceSearch> {
	const q = query.trim();
	const out: ReferenceSearch = { items: [], stale: false };
	if (!q) return out;
	const kinds = new Set(o.kinds ?? OTHER_SEARCH_KINDS);
	const limit = o.limit ?? 20;
	const jobs: Array<Promise<Found>> = [];
	if (kinds.has('infographic')) jobs.push(contentSearch(src, 'infographic', q, o, limit));
	if (kinds.has('news')) jobs.push(contentSearch(src, 'news', q, o, limit));
	if (kinds.has('census')) {
		jobs.push(
			src.familyIndex.censusCatalogue().then((c) => ({
				items: searchCensus(c.entries, q, limit).map((e) => ({
					...censusSearchItem(e, o.lang),
					titleLang: o.lang,
				})),
				stale: false,
			})),
		);
	}
	if (kinds.has('simdasi')) {
		jobs.push(
			src.familyIndex.simdasiTables(o.domain).then((tables) => ({
				items: searchSimdasi(tables, q, limit).map((t) => ({
					...simdasiSearchItem(t, o.domain, o.lang),
					titleLang: o.lang,
				})),
				stale: false,
			})),
		);
	}
	if (kinds.has('trade')) jobs.push(Promise.resolve({ items: tradeSearchItems(q, o.lang), stale: false }));
	const reference = (['glossary', 'classification'] as const).filter((k) => kinds.has(k));
	if (reference.length) {
		jobs.push(
			searchReference(src, q, { lang: o.lang, kinds: reference, limit }).then((r) => {
				if (r.error !== undefined) throw r.error;
				return r;
			}),
		);
	}
	for (const s of await Promise.allSettled(jobs)) {
		if (s.status === 'fulfilled') {
			out.items.push(...s.value.items);
			out.stale ||= s.value.stale;
		} else if (!isNothingFound(s.reason)) {
			out.error ??= s.reason;
		}
	}
	if (o.signal?.aborted) out.error = undefined;
	return out;
}

/**
 * Infographics or news whose titles contain the keyword, first page, in the data language and the
 * other one at once; each item once, titled in the data language when it came back there.
 */
async function contentSearch(
	src: KindSources,
	kind: 'infographic' | 'news',
	keyword: string,
	o: KindSearchOptions,
	limit: number,
): Promise<Found> {
	const langs = [o.lang, otherLang(o.lang)];
	const pages = await Promise.allSettled(
		langs.map((lang): Promise<Paged<unknown>> => {
			const opts = { keyword, page: 1, lang, signal: o.signal };
			return kind === 'infographic'
				? src.families.listInfographics(o.domain, opts)
				: src.families.listNews(o.domain, opts);
		}),
	);
	const items = new Map<string, CatalogueItem>();
	let stale = false;
	let error: unknown;
	pages.forEach((p, i) => {
		if (p.status === 'rejected') {
			if (!isNothingFound(p.reason)) error ??= p.reason;
			return;
		}
		stale ||= p.value.stale;
		for (const item of toItems(kind, o.domain, p.value.items as never[]) as CatalogueItem[]) {
			const key = itemKey(item.ref);
			if (!items.has(key)) items.set(key, { ...item, titleLang: langs[i] });
		}
	});
	if (error !== undefined && !items.size) throw error;
	return { items: [...items.values()].slice(0, limit), stale };
}
