/** Envelopes shared by the newer data families (census, SIMDASI, classifications, glossary). */
import { type ApiResponse, json, listNotAvailable } from '../handlers';

/** Census lists report one page of one item whatever they hold (bps-api.md §2.1, a live quirk). */
export const ONE_PAGE = { page: 1, pages: 1, per_page: 1, count: 1, total: 1 } as const;

export function listOf(meta: Record<string, unknown>, items: unknown): ApiResponse {
	return json({ status: 'OK', 'data-availability': 'available', data: [meta, items] });
}

/** A list answer with census-style meta; empty → list-not-available. */
export function censusList(items: unknown[]): ApiResponse {
	return items.length === 0 ? listNotAvailable() : listOf(ONE_PAGE, items);
}

/** Real page meta for Elasticsearch-backed lists (classifications, glossary). */
export function esPaged(
	items: unknown[],
	page: string | undefined,
	perPage: string | undefined,
): ApiResponse {
	const total = items.length;
	if (total === 0) return listNotAvailable();
	const per = Math.min(500, Math.max(1, Number.parseInt(perPage ?? '10', 10) || 10));
	const pages = Math.ceil(total / per);
	const p = Math.max(1, Number.parseInt(page ?? '1', 10) || 1);
	if (p > pages) return listNotAvailable();
	const slice = items.slice((p - 1) * per, p * per);
	return listOf({ page: p, pages, per_page: per, count: slice.length, total }, slice);
}

export function esHit(
	index: string,
	id: string,
	source: Record<string, unknown>,
	score = 1,
): Record<string, unknown> {
	return { _index: index, _type: '_doc', _id: id, _score: score, _source: source };
}

/** Case-insensitive "all words appear" match. */
export function matchesWords(text: string, keyword: string | undefined): boolean {
	if (!keyword) return true;
	const hay = text.toLowerCase();
	return keyword
		.replace(/\+/g, ' ')
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.every((w) => hay.includes(w));
}
