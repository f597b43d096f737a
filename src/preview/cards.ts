/**
 * Infographics and news as preview cards: what the webview gets of each, with only BPS links and
 * images. Pure (no `vscode`): the localised category name comes in from the caller.
 */
import type { FamilyEndpoints } from '../api/families/endpoints';
import type { Infographic, NewsDetail } from '../api/families/types';
import type { Paged } from '../api/types';
import { isBpsUrl } from '../presentation/website';
import type { CardPayload } from './protocol';

/** What the cards are loaded from (`BpsClient.families`). */
export type CardSource = Pick<FamilyEndpoints, 'listInfographics' | 'getNews'>;

/** An image the webview may load: https on a BPS host (the CSP's img-src), else ''. */
export function bpsImage(url: string): string {
	return isBpsUrl(url.trim()) ? url.trim() : '';
}

/** The text standing in for an image: its title, and the description when it adds anything. */
export function altText(title: string, description: string): string {
	const t = title.trim();
	const d = description
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return d && d.toLowerCase() !== t.toLowerCase() ? `${t}. ${d}` : t;
}

export function infographicCard(g: Infographic, o: { category: string; pageUrl: string }): CardPayload {
	return {
		kind: 'infographic',
		id: g.id,
		title: g.title.trim(),
		// The list has no date; the timestamp inside the download link is not known to be one.
		date: '',
		category: o.category,
		imageUrl: bpsImage(g.image),
		imageAlt: altText(g.title, g.description),
		html: g.description,
		pageUrl: o.pageUrl,
		downloadUrl: isBpsUrl(g.download) ? g.download : '',
	};
}

export function newsCard(n: NewsDetail, o: { pageUrl: string }): CardPayload {
	return {
		kind: 'news',
		id: n.id,
		title: n.title.trim(),
		date: n.date ?? '',
		category: n.categoryName.trim() || n.categoryId.trim(),
		imageUrl: bpsImage(n.picture),
		imageAlt: n.title.trim(),
		html: n.html,
		pageUrl: o.pageUrl,
		downloadUrl: '',
	};
}

/**
 * Finds an infographic in its region's list: the API has no view of one. Pages are read in
 * order (the tree has usually read them already, so they come from the cache); at most
 * `maxPages`. Resolves with the infographic and the page it was on, or undefined.
 */
export async function findInfographic(
	id: number,
	list: (page: number) => Promise<Paged<Infographic>>,
	maxPages = 30,
): Promise<{ item: Infographic; page: Paged<Infographic> } | undefined> {
	for (let n = 1, pages = 1; n <= pages && n <= maxPages; n++) {
		const page = await list(n);
		const item = page.items.find((g) => g.id === id);
		if (item) return { item, page };
		pages = page.pages;
	}
	return undefined;
}
