import { unescapeEntities } from '../api/html';

/**
 * BPS notes/definitions/abstracts are HTML. Tooltips render Markdown with HTML off, so we turn
 * the HTML into plain text (block tags become line breaks, list items bullets, every other tag
 * is dropped) and let `MarkdownString.appendText` escape whatever Markdown syntax remains.
 * Script and style bodies are removed whole. Pure; no `vscode`.
 */
export function htmlToText(html: string, maxLength = 1200): string {
	if (!html) return '';
	let s = html
		.replace(/<(script|style|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<li\b[^>]*>/gi, '\n• ')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(p|div|li|tr|h[1-6]|ul|ol|table)\s*>/gi, '\n')
		.replace(/<(p|div|tr|h[1-6]|ul|ol|table)\b[^>]*>/gi, '\n')
		.replace(/<\/?(td|th)\b[^>]*>/gi, ' ')
		.replace(/<[^>]*>/g, '')
		// A stray "<" that never closed would otherwise swallow nothing; drop the rest of a tag start.
		.replace(/<[a-z!/][^\n]*$/i, '');
	// Entities last, so an escaped "&lt;b&gt;" stays text rather than becoming a tag we then strip.
	s = unescapeEntities(s);
	s = s
		.replace(/\u00a0/g, ' ')
		.replace(/[ \t\f\v]+/g, ' ')
		.replace(/ *\n */g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return s.length > maxLength ? `${s.slice(0, maxLength - 1).trimEnd()}…` : s;
}
