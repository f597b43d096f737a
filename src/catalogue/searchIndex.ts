/**
 * An in-memory full-text index over every catalogue title the extension has fetched (dynamic
 * tables, static tables, publications, press releases, indicators). Pure code, no `vscode`.
 *
 * Tokens are lower-cased and accent-free; a query matches an entry when every query word is a
 * prefix of some word in its title, subject or unit. Lookups use a sorted token list and binary
 * search for prefix ranges, so a query over tens of thousands of titles takes well under a
 * millisecond or two.
 */
import type { ItemKind, RefOf } from './itemRef';

interface EntryOf<K extends ItemKind> {
	kind: K;
	/** The item's id, typed as its kind's ref types it. */
	id: RefOf<K>['id'];
	domain: string;
	title: string;
	subject?: string;
	unit?: string;
	/** Language the title is in, when known. */
	lang?: string;
	/** For indicators: the dynamic table behind it. */
	varId?: number;
}

/** One indexed title (a union per kind, like `ItemRef`). */
export type SearchEntry = { [K in ItemKind]: EntryOf<K> }[ItemKind];

export interface SearchOptions {
	/** Only entries of this domain. */
	domain?: string;
	kinds?: readonly ItemKind[];
	lang?: string;
	/** Default 50. */
	limit?: number;
}

export interface SearchHit {
	entry: SearchEntry;
	score: number;
}

/** One item found in any language, shown in the display language when its title there is known. */
export interface BilingualHit extends SearchHit {
	/** True when `entry` is in another language than the one asked for (its title there is not known yet). */
	otherLang: boolean;
}

/** The key of an item whatever the language of its title. */
export function itemEntryKey(e: Pick<SearchEntry, 'domain' | 'kind' | 'id'>): string {
	return `${e.domain}/${e.kind}/${e.id}`;
}

/** Lower case, no accents, no punctuation, split into words. */
export function tokenize(text: string): string[] {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
}

export function entryKey(e: Pick<SearchEntry, 'domain' | 'kind' | 'id' | 'lang'>): string {
	return `${e.domain}/${e.kind}/${e.id}/${e.lang ?? ''}`;
}

interface Slot {
	entry: SearchEntry;
	titleTokens: string[];
	otherTokens: string[];
	titleNorm: string;
}

export class SearchIndex {
	private readonly slots: Slot[] = [];
	private readonly byKey = new Map<string, number>();
	/** token → slot numbers holding it. */
	private readonly postings = new Map<string, Set<number>>();
	/** Sorted distinct tokens, rebuilt lazily after additions. */
	private sorted: string[] | undefined;

	get size(): number {
		return this.slots.length;
	}

	/** Adds or replaces entries (same domain/kind/id/lang replaces). */
	add(items: Iterable<SearchEntry>): void {
		for (const entry of items) {
			const key = entryKey(entry);
			const slot: Slot = {
				entry,
				titleTokens: tokenize(entry.title),
				otherTokens: [...tokenize(entry.subject ?? ''), ...tokenize(entry.unit ?? '')],
				titleNorm: tokenize(entry.title).join(' '),
			};
			const existing = this.byKey.get(key);
			if (existing !== undefined) {
				this.unpost(existing);
				this.slots[existing] = slot;
				this.post(existing);
			} else {
				const n = this.slots.push(slot) - 1;
				this.byKey.set(key, n);
				this.post(n);
			}
		}
	}

	/** The entry of one item in one language, when indexed. */
	entry(e: Pick<SearchEntry, 'domain' | 'kind' | 'id'>, lang: string): SearchEntry | undefined {
		const n = this.byKey.get(entryKey({ ...e, lang }));
		return n === undefined ? undefined : this.slots[n].entry;
	}

	/**
	 * Like {@link search}, but matching titles of every language and returning each item once, in
	 * `lang` when its title there is known: people type Indonesian or English whatever the data
	 * language ("penduduk" finds "Population…" when the data is English). An item's score is its
	 * best match in any language.
	 */
	searchBilingual(query: string, opts: Omit<SearchOptions, 'lang'> & { lang: string }): BilingualHit[] {
		const limit = opts.limit ?? 50;
		const hits = this.search(query, { ...opts, lang: undefined, limit: Number.MAX_SAFE_INTEGER });
		const out = new Map<string, BilingualHit>();
		for (const h of hits) {
			const key = itemEntryKey(h.entry);
			if (out.has(key)) continue; // hits are sorted: the first is the best
			const shown = h.entry.lang === opts.lang || !h.entry.lang ? h.entry : this.entry(h.entry, opts.lang);
			out.set(key, { entry: shown ?? h.entry, score: h.score, otherLang: !shown });
			if (out.size >= limit) break;
		}
		return [...out.values()];
	}

	/** Every entry (optionally of one domain), in insertion order. */
	all(domain?: string): SearchEntry[] {
		return this.slots.filter((s) => !domain || s.entry.domain === domain).map((s) => s.entry);
	}

	clear(): void {
		this.slots.length = 0;
		this.byKey.clear();
		this.postings.clear();
		this.sorted = undefined;
	}

	/**
	 * Entries matching every word of `query` (each word a prefix of a title/subject/unit word),
	 * best first: whole-word title matches beat prefixes, title beats subject/unit, and a title
	 * that starts with the query wins outright. An empty query returns nothing.
	 */
	search(query: string, opts: SearchOptions = {}): SearchHit[] {
		const words = tokenize(query);
		if (!words.length) return [];
		// Candidate slots: intersection over words of the union of postings of tokens with that prefix.
		let candidates: Set<number> | undefined;
		for (const w of [...words].sort((a, b) => b.length - a.length)) {
			const matching = new Set<number>();
			for (const tok of this.tokensWithPrefix(w)) {
				for (const n of this.postings.get(tok) ?? []) {
					if (!candidates || candidates.has(n)) matching.add(n);
				}
			}
			candidates = matching;
			if (!candidates.size) return [];
		}
		const phrase = words.join(' ');
		const hits: SearchHit[] = [];
		for (const n of candidates ?? []) {
			const slot = this.slots[n];
			const e = slot.entry;
			if (opts.domain && e.domain !== opts.domain) continue;
			if (opts.kinds && !opts.kinds.includes(e.kind)) continue;
			if (opts.lang && e.lang && e.lang !== opts.lang) continue;
			let score = 0;
			for (const w of words) {
				if (slot.titleTokens.includes(w)) score += 10;
				else if (slot.titleTokens.some((t) => t.startsWith(w))) score += 6;
				else if (slot.otherTokens.includes(w)) score += 4;
				else score += 2;
			}
			if (slot.titleNorm.startsWith(phrase)) score += 20;
			else if (slot.titleNorm.includes(phrase)) score += 8;
			// Shorter titles are more specific for the same words.
			score -= Math.min(5, slot.titleTokens.length / 10);
			hits.push({ entry: e, score });
		}
		hits.sort((a, b) => b.score - a.score || a.entry.title.localeCompare(b.entry.title));
		return hits.slice(0, opts.limit ?? 50);
	}

	private post(n: number): void {
		const slot = this.slots[n];
		for (const t of new Set([...slot.titleTokens, ...slot.otherTokens])) {
			let set = this.postings.get(t);
			if (!set) {
				set = new Set();
				this.postings.set(t, set);
				this.sorted = undefined;
			}
			set.add(n);
		}
	}

	private unpost(n: number): void {
		const slot = this.slots[n];
		for (const t of new Set([...slot.titleTokens, ...slot.otherTokens])) {
			const set = this.postings.get(t);
			set?.delete(n);
			if (set && !set.size) {
				this.postings.delete(t);
				this.sorted = undefined;
			}
		}
	}

	private tokensWithPrefix(prefix: string): string[] {
		this.sorted ??= [...this.postings.keys()].sort();
		const s = this.sorted;
		let lo = 0;
		let hi = s.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (s[mid] < prefix) lo = mid + 1;
			else hi = mid;
		}
		const out: string[] = [];
		for (let i = lo; i < s.length && s[i].startsWith(prefix); i++) out.push(s[i]);
		return out;
	}
}
