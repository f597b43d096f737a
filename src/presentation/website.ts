/**
 * Addresses on the BPS websites for a region or an item (Open on BPS Website, citations). Pure
 * (no vscode).
 *
 * BPS page URLs for single tables embed base64 tokens and slugs that change with site redesigns,
 * so only stable addresses are built:
 * - publications and press releases: the PDF link the API itself gives (hosted on bps.go.id);
 * - dynamic/static tables and indicators: the region site's statistics-table listing for the
 *   item's subject (`<site>/id/statistics-table?subject=<id>`, `/en/` for English);
 * - classification codes: the page the API gives (klasifikasi.web.bps.go.id), else built from the id;
 * - glossary concepts: the page the API gives, else the glossary's page;
 * - infographics and news: the region site's infographic or news listing (the API gives no page
 *   of its own for either, and BPS's article addresses carry slugs);
 * - no item: the region site's home page.
 * Only https URLs on bps.go.id are used; anything else falls back to the national site.
 */
import { BPS_HOME } from '../api/attribution';
import type { Lang } from '../api/types';
import { parseClassificationId } from '../catalogue/classifications';
import type { ItemRef } from '../catalogue/itemRef';
import { assertNever } from '../util/assertNever';

/** BPS's classification site (KBLI, KBKI), where the API's own `url` of a code points. */
const CLASSIFICATION_SITE = 'https://klasifikasi.web.bps.go.id';

/** What a website link needs to know of an item beyond its ref. */
export interface LinkFacts {
	subjectId?: number;
	pdfUrl?: string;
	/** The item's own page (classification codes, glossary concepts). */
	pageUrl?: string;
}

/** The subject and PDF link an API record carries, when it does. */
export function linkFactsOf(record: unknown): LinkFacts {
	const r = (record && typeof record === 'object' ? record : {}) as {
		subjectId?: unknown;
		pdfUrl?: unknown;
		url?: unknown;
	};
	return {
		subjectId: typeof r.subjectId === 'number' ? r.subjectId : undefined,
		pdfUrl: typeof r.pdfUrl === 'string' ? r.pdfUrl : undefined,
		pageUrl: typeof r.url === 'string' ? r.url : undefined,
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
		case 'classification': {
			if (isBpsUrl(facts.pageUrl)) return facts.pageUrl;
			const c = parseClassificationId(ref.id);
			return c
				? `${CLASSIFICATION_SITE}/app/view/${c.model}/${encodeURIComponent(c.code)}`
				: CLASSIFICATION_SITE;
		}
		case 'glossary':
			return isBpsUrl(facts.pageUrl) ? facts.pageUrl : `${BPS_HOME}/${seg}/glossary`;
		case 'infographic':
			return `${base}/${seg}/infographic`;
		case 'news':
			return `${base}/${seg}/news`;
		case 'census':
			// BPS's census portal pages embed ids that change; the region site is the stable address.
			return `${base}/${seg}`;
		case 'simdasi':
			return `${base}/${seg}/statistics-table`;
		default:
			return assertNever(ref, 'item kind');
	}
}
