/**
 * The one place BPS-supplied HTML (notes, definitions, abstracts, static tables) becomes DOM.
 * DOMPurify with an allow-list: text and table markup only. No scripts, styles, frames, forms,
 * SVG/MathML, event handlers or `style` attributes (our CSP would block inline styles anyway, and
 * Excel's colours must give way to the theme). Links keep only http(s)/mailto targets.
 */
import type { Config, DOMPurify } from 'dompurify';

export const ALLOWED_TAGS = [
	'a',
	'abbr',
	'b',
	'br',
	'caption',
	'code',
	'col',
	'colgroup',
	'dd',
	'div',
	'dl',
	'dt',
	'em',
	'font',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'hr',
	'i',
	'li',
	'nobr',
	'ol',
	'p',
	'pre',
	'small',
	'span',
	'strong',
	'sub',
	'sup',
	'table',
	'tbody',
	'td',
	'tfoot',
	'th',
	'thead',
	'tr',
	'u',
	'ul',
];

export const ALLOWED_ATTR = [
	'href',
	'title',
	'colspan',
	'rowspan',
	'align',
	'valign',
	'scope',
	'headers',
	'abbr',
];

export const SANITIZE_CONFIG: Config = {
	ALLOWED_TAGS,
	ALLOWED_ATTR,
	ALLOW_DATA_ATTR: false,
	ALLOW_ARIA_ATTR: false,
	FORBID_TAGS: [
		'script',
		'style',
		'iframe',
		'object',
		'embed',
		'svg',
		'math',
		'form',
		'input',
		'link',
		'meta',
		'base',
		'template',
	],
	FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'src', 'action', 'formaction', 'xlink:href'],
	// Applies to every allowed attribute value, not just URLs: plain values ("3", "left") and
	// http(s)/mailto pass; any other scheme (javascript:, data:, vbscript:…) fails.
	ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
	KEEP_CONTENT: true,
	WHOLE_DOCUMENT: false,
	SANITIZE_DOM: true,
};

let hooked = new WeakSet<object>();

/** Adds the link hook once per DOMPurify instance: external links open via the host, never navigate the webview. */
function ensureHooks(purify: DOMPurify): void {
	if (hooked.has(purify)) return;
	hooked.add(purify);
	purify.addHook('afterSanitizeAttributes', (node) => {
		if (node.nodeName === 'A') {
			const href = node.getAttribute('href') ?? '';
			if (!/^(?:https?:|mailto:)/i.test(href)) node.removeAttribute('href');
			node.setAttribute('rel', 'noopener noreferrer');
		}
	});
}

/**
 * Removes `style` attributes and `<style>` elements before the HTML is parsed. The sanitizer drops
 * them anyway, but any parse in the webview (DOMParser, template, a fresh document) inherits its
 * Content-Security-Policy, and every inline style met while parsing is reported as a violation:
 * Excel's HTML of one static table alone drew hundreds. This is not a security boundary (DOMPurify
 * is); an attribute it misses only costs a report.
 */
export function stripInlineStyles(html: string): string {
	return html
		.replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
		.replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, ''));
}

/** Sanitized HTML as a string (for tests and for innerHTML of a fresh container). */
export function sanitizeHtml(purify: DOMPurify, dirty: string): string {
	ensureHooks(purify);
	dirty = stripInlineStyles(dirty);
	return purify.sanitize(dirty, { ...SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false }) as unknown as string;
}

/** Sanitized HTML as a DocumentFragment, ready to append. */
export function sanitizeToFragment(purify: DOMPurify, dirty: string): DocumentFragment {
	ensureHooks(purify);
	return purify.sanitize(stripInlineStyles(dirty), { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true });
}

/** For tests: forget which instances have hooks. */
export function resetSanitizerHooks(): void {
	hooked = new WeakSet<object>();
}

/** Plain text from possibly-HTML (for definitions shown as text and for copy/export). */
export function htmlToText(purify: DOMPurify, dirty: string): string {
	const frag = sanitizeToFragment(purify, dirty.replace(/<br\s*\/?>/gi, '\n'));
	return (frag.textContent ?? '').replace(/\u00a0/g, ' ').trim();
}
