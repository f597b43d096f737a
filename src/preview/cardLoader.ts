/**
 * The host side of the infographic and news cards: finds the item (an infographic in its region's
 * list, the API has no view of one; a news item by its view), posts its card, or a localised
 * "not found". Kept apart from itemLoader.ts, which routes both kinds here.
 */
import * as vscode from 'vscode';
import { isBpsError } from '../api/errors';
import type { InfographicRef, NewsRef } from '../catalogue/itemRef';
import { infographicCategory } from '../presentation/kinds';
import { websiteUrl } from '../presentation/website';
import { type CardSource, findInfographic, infographicCard, newsCard } from './cards';
import type { PanelDeps } from './panelDeps';

/** What a card load needs from its panel. */
export interface CardLoadDeps extends PanelDeps {
	source: CardSource;
	/** The region's BPS website, when known (the card links to it). */
	website(): Promise<string | undefined>;
}

export async function loadCard(
	d: CardLoadDeps,
	ref: InfographicRef | NewsRef,
	requestId: number,
): Promise<void> {
	d.post({ type: 'loading', requestId, what: ref.kind });
	const notFound = () =>
		d.post({
			type: 'error',
			requestId,
			message:
				ref.kind === 'infographic'
					? vscode.l10n.t('Infographic {0} was not found in region {1}.', ref.id, ref.domain)
					: vscode.l10n.t('News item {0} was not found in region {1}.', ref.id, ref.domain),
		});
	if (ref.kind === 'infographic') {
		const found = await findInfographic(ref.id, (page) =>
			d.source.listInfographics(ref.domain, { ...d.opts, page }),
		);
		if (!found) return notFound();
		const { item, page } = found;
		if (item.title) d.setTitle(item.title.trim());
		d.freshness(page);
		const pageUrl = websiteUrl(await d.website(), d.lang, ref);
		const card = infographicCard(item, { category: infographicCategory(item.category), pageUrl });
		d.post({ type: 'card', requestId, card });
		return;
	}
	const n = await d.source.getNews(ref.domain, ref.id, d.opts).catch((e: unknown) => {
		if (isBpsError(e, 'noData')) return undefined;
		throw e;
	});
	if (!n) return notFound();
	if (n.title) d.setTitle(n.title.trim());
	d.freshness(n);
	const pageUrl = websiteUrl(await d.website(), d.lang, ref);
	d.post({ type: 'card', requestId, card: newsCard(n, { pageUrl }) });
}
