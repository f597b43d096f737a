/**
 * Line comments in each target language, for the snippets that are text rather than a table (a
 * classification code with its title, a glossary definition). The comment's only terminator is the
 * line break, which `oneLine` has removed from every piece of BPS text before it gets here.
 */
import { hashComments, oneLine } from '../common';
import type { SnippetFormat } from '../types';

/** The line-comment marker of a format's language; undefined for Markdown and JSON (no comments). */
export function commentMarker(f: SnippetFormat): '#' | '//' | '--' | undefined {
	switch (f) {
		case 'python':
		case 'python-fetch':
		case 'r':
		case 'r-fetch':
		case 'csv':
		case 'csv-long':
		case 'tsv':
		case 'tsv-long':
			return '#';
		case 'typescript':
		case 'typescript-fetch':
		case 'javascript':
			return '//';
		case 'sql':
			return '--';
		default:
			return undefined;
	}
}

/** `lines` as line comments of `f`'s language (`#`, `//`, `--`). */
export function commentLines(lines: string[], f: SnippetFormat): string[] {
	const m = commentMarker(f);
	if (m === '#') return hashComments(lines, f === 'python' || f === 'python-fetch');
	return lines.map((l) => (l ? `${m ?? '//'} ${l}` : (m ?? '//')));
}

/** Word-wraps one paragraph of text at about `width` characters. */
export function wrapWords(text: string, width = 86): string[] {
	const out: string[] = [];
	let line = '';
	for (const w of oneLine(text).split(' ')) {
		if (!w) continue;
		if (line && line.length + 1 + w.length > width) {
			out.push(line);
			line = w;
		} else line = line ? `${line} ${w}` : w;
	}
	if (line) out.push(line);
	return out;
}
