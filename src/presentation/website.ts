/**
 * Addresses on the BPS websites for a region or an item (Open on BPS Website, citations). Pure
 * (no vscode).
 *
 * BPS page URLs for single tables embed base64 tokens and slugs that change with site redesigns,
 * so only stable addresses are built:
 * - publications and press releases: the PDF link the API itself gives (hosted on bps.go.id);
 * - dynamic/static tables and indicators: the region site's statistics-table listing for the
 *   item's subject (`<site>/id/statistics-table?subject=<id>`, `/en/` for English);
 * - no item: the region site's home page.
 * Only https URLs on bps.go.id are used; anything else falls back to the national site.
 */
import { BPS_HOME } from '../api/attribution';
import type { Lang } from '../api/types';
import type { ItemRef } from '../catalogue/itemRef';
import { assertNever } from '../util/assertNever';

/** What a website link needs to know of an item beyond its ref. */
export interface LinkFacts {
	subjectId?: number;
	pdfUrl?: string;
}

/** The subject and PDF link an API record carries, when it does. */
export function linkFactsOf(record: unknown): LinkFacts {
	const r = (record && typeof record === 'object' ? record : {}) as { subjectId?: unknown; pdfUrl?: unknown };
	return {
		subjectId: typeof r.subjectId === 'number' ? r.subjectId : undefined,
		pdfUrl: typeof r.pdfUrl === 'string' ? r.pdfUrl : undefined,
	};
}

/** Only https pages on bps.go.id (or its subdomains). */
export function isBpsUrl(u: string | undefined): u is string {
	if (!u) return false;
	try {
		const url = new URL(u);
		return url.protocol === 'https:' && (url.hostname === 'bps.go.id' || url.hostname.endsWith('.bps.go.id'));
	} catch {
		return false;
	}
}

/** The page for `ref` on the region site `site` (the site's home page without a ref). */
export function websiteUrl(
	site: string | undefined,
	lang: Lang,
	ref: ItemRef | undefined,
	facts: LinkFacts = {},
): string {
	const base = (isBpsUrl(site) ? site : BPS_HOME).replace(/\/+$/, '');
	const seg = lang === 'eng' ? 'en' : 'id';
	if (!ref) return `${base}/${seg}`;
	switch (ref.kind) {
		case 'publication':
		case 'pressrelease':
			return isBpsUrl(facts.pdfUrl) ? facts.pdfUrl : `${base}/${seg}/${ref.kind}`;
		case 'var':
		case 'statictable':
		case 'indicator':
			return facts.subjectId !== undefined
				? `${base}/${seg}/statistics-table?subject=${facts.subjectId}`
				: `${base}/${seg}/statistics-table`;
		case 'trade':
			// BPS's export-import page (the WebAPI's dataexim answers what it shows).
			return `${BPS_HOME.replace(/\/+$/, '')}/${seg}/exim`;
		default:
			return assertNever(ref, 'item kind');
	}
}
