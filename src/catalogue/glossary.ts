/**
 * The BPS glossary (`model=glosarium`) as catalogue items, and a local index of it for search.
 * Every entry carries both languages, so one load serves both. The shape is uncertain (two
 * documented readings; `schemas.ts` parses both), and whether the API's `keyword` works is not
 * known: the whole glossary is loaded (500 a page, through the persistent cache) and searched
 * here. Pure (no `vscode`).
 */
import { BpsError } from '../api/errors';
import type { FamilyEndpoints } from '../api/families/endpoints';
import type { GlossaryEntry } from '../api/families/types';
import type { Lang } from '../api/types';
import type { ItemOf } from './items';
import { tokenize } from './searchIndex';

/** The glossary is national: refs are on domain 0000. */
export const GLOSSARY_DOMAIN = '0000';

/** The concept's name in `lang` (the other language's when it has none there). */
export function glossaryConcept(e: GlossaryEntry, lang: Lang): string {
	return (lang === 'eng' ? e.conceptEn || e.concept : e.concept || e.conceptEn).trim();
}

export function glossaryDefinition(e: GlossaryEntry, lang: Lang): string {
	return (lang === 'eng' ? e.definitionEn || e.definition : e.definition || e.definitionEn).trim();
}

export function glossaryUnit(e: GlossaryEntry, lang: Lang): string {
	return (lang === 'eng' ? e.unitEn || e.unit : e.unit || e.unitEn).trim();
}

/** A concept as an item, titled in `lang`. */
export function glossaryItem(e: GlossaryEntry, lang: Lang): ItemOf<'glossary'> & { record: GlossaryEntry } {
	return {
		kind: 'glossary',
		ref: { domain: GLOSSARY_DOMAIN, kind: 'glossary', id: e.id, title: glossaryConcept(e, lang) },
		unit: glossaryUnit(e, lang) || undefined,
		record: e,
	};
}

export interface GlossaryList {
	entries: GlossaryEntry[];
	stale: boolean;
	fetchedAt: number;
}

/**
 * Concepts a query finds, best first: every word the start of a word of the concept's name (in
 * either language) before matches in the definitions.
 */
export function searchGlossary(
	entries: readonly GlossaryEntry[],
	query: string,
	limit = 50,
): GlossaryEntry[] {
	const words = tokenize(query);
	if (!words.length) return [];
	const has = (ws: string[]) => words.every((w) => ws.some((t) => t.startsWith(w)));
	const scored: Array<{ e: GlossaryEntry; score: number; i: number }> = [];
	entries.forEach((e, i) => {
		const name = tokenize(`${e.concept} ${e.conceptEn}`);
		const score = has(name) ? 2 : has([...name, ...tokenize(`${e.definition} ${e.definitionEn}`)]) ? 1 : 0;
		if (score) scored.push({ e, score, i });
	});
	return scored
		.sort((a, b) => b.score - a.score || a.i - b.i)
		.slice(0, limit)
		.map((x) => x.e);
}

/** The initial a concept is filed under in the tree: A–Z (accents dropped), or "#" for anything else. */
export function glossaryInitial(name: string): string {
	const c = name
		.trim()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.charAt(0)
		.toUpperCase();
	return /^[A-Z]$/.test(c) ? c : '#';
}

/**
 * The glossary by initial of the concept's name in `lang`: A–Z, then "#"; concepts sorted by name
 * within each, duplicates (the same id twice) dropped. Only initials that have concepts appear.
 */
export function glossaryByInitial(
	entries: readonly GlossaryEntry[],
	lang: Lang,
): Array<{ initial: string; entries: GlossaryEntry[] }> {
	const collator = new Intl.Collator(lang === 'eng' ? 'en' : 'id', { sensitivity: 'base', numeric: true });
	const seen = new Set<string>();
	const groups = new Map<string, Array<{ e: GlossaryEntry; name: string }>>();
	for (const e of entries) {
		const name = glossaryConcept(e, lang);
		if (!name || seen.has(e.id)) continue;
		seen.add(e.id);
		const initial = glossaryInitial(name);
		const g = groups.get(initial) ?? [];
		g.push({ e, name });
		groups.set(initial, g);
	}
	return [...groups]
		.sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b, 'en')))
		.map(([initial, g]) => ({
			initial,
			entries: g.sort((x, y) => collator.compare(x.name, y.name)).map((x) => x.e),
		}));
}

/** Loads the whole glossary once and keeps it (a failed load is tried again next time). */
export class GlossaryIndex {
	private loading: Promise<GlossaryList> | undefined;

	constructor(private readonly families: Pick<FamilyEndpoints, 'searchGlossary'>) {}

	load(opts: { bypassCache?: boolean } = {}): Promise<GlossaryList> {
		if (!this.loading || opts.bypassCache) {
			const p = this.families.searchGlossary({ perPage: 500, bypassCache: opts.bypassCache }).then((r) => {
				if (!r.items.length) throw new BpsError('noData', 'The BPS API lists no glossary entries.');
				return { entries: r.items, stale: r.stale, fetchedAt: r.fetchedAt };
			});
			this.loading = p;
			p.catch(() => {
				if (this.loading === p) this.loading = undefined;
			});
		}
		return this.loading;
	}

	clear(): void {
		this.loading = undefined;
	}
}
