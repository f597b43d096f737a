/**
 * The HS picker's search, by code or by words, over the HS chapters (hsChapters.ts) and the 8-digit
 * codes the user has used before. The WebAPI lists no HS codes, so this is the whole search: a
 * digit run matches codes starting with it, a word matches the start of a word of the description
 * in Indonesian or English (accents and case ignored), several words must all match. Digit runs of
 * the picker's level are also taken as typed codes, so several codes can be typed at once
 * ("03 09", "03061719, 09011110"). Pure (no `vscode`).
 */
import { HS_CHAPTERS, hsChapterOf, isHsCode } from '../api/families/hsChapters';

export interface HsEntry {
	code: string;
	ind: string;
	eng: string;
}

export interface HsSearch {
	/** Known codes matching the query, in code order. */
	matches: HsEntry[];
	/** Well-formed codes of the level typed in the query, in the order typed, once each. */
	typed: string[];
	/** Digit runs that are no code of the level (wrong length, or no such chapter). */
	invalid: string[];
}

function words(s: string): string[] {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
}

/** The entries to search at a level: the chapters, or the remembered 8-digit codes. */
export function hsEntries(level: 2 | 8, known8: readonly HsEntry[] = []): HsEntry[] {
	if (level === 2) return HS_CHAPTERS.map((c) => ({ code: c.code, ind: c.ind, eng: c.eng }));
	const seen = new Set<string>();
	return known8
		.filter((e) => isHsCode(e.code, 8) && !seen.has(e.code) && seen.add(e.code))
		.sort((a, b) => a.code.localeCompare(b.code));
}

/** Searches `entries` (see {@link hsEntries}) for `query` at `level`. */
export function searchHs(query: string, level: 2 | 8, entries: readonly HsEntry[]): HsSearch {
	const tokens = query
		.split(/[\s,;]+/)
		.map((t) => t.trim())
		.filter(Boolean);
	const digits = tokens.filter((t) => /^\d+$/.test(t));
	const text = words(tokens.filter((t) => !/^\d+$/.test(t)).join(' '));
	const typed: string[] = [];
	const invalid: string[] = [];
	for (const d of digits) {
		if (isHsCode(d, level)) {
			if (!typed.includes(d)) typed.push(d);
		} else if (d.length >= level) invalid.push(d);
	}
	const matches = entries.filter((e) => {
		if (digits.length && !digits.some((d) => e.code.startsWith(d) || d.startsWith(e.code))) return false;
		if (!text.length) return true;
		const own = words(`${e.ind} ${e.eng}`);
		return text.every((w) => own.some((o) => o.startsWith(w)));
	});
	return { matches, typed, invalid };
}

/** The chapter's description of a code, in `lang` ('' when the chapter is unknown). */
export function hsChapterText(code: string, lang: 'ind' | 'eng'): string {
	const c = hsChapterOf(code);
	return c ? `${c.code} ${lang === 'eng' ? c.eng : c.ind}` : '';
}
