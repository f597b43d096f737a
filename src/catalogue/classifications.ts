/**
 * Statistical classifications (KBLI, KBKI) as catalogue items: ids, levels, and a local index of a
 * whole classification for browsing, search by code or words, and lookup tables of a subtree.
 * BPS publishes them for Indonesia only, so every ref is on domain 0000. Pure (no `vscode`).
 *
 * The index is every level's list (all pages, 500 a page), in the data language and, for words
 * typed in the other language, its titles there. Those answers go through the client's
 * persistent cache, so after the first load a window (or a later session) rebuilds the index
 * without the network; the built index is kept in memory per classification and language.
 */
import { BpsError } from '../api/errors';
import type { FamilyEndpoints } from '../api/families/endpoints';
import {
	CLASSIFICATION_MODELS,
	type ClassificationEntry,
	type ClassificationModel,
} from '../api/families/types';
import type { Lang } from '../api/types';
import { classificationName, codeLabel, isLeafLevel, levelsOf } from './classificationFacts';
import type { ItemOf } from './items';
import { tokenize } from './searchIndex';

/** Where classification data lives, whatever region the user browses. */
export const NATIONAL = '0000';
export { classificationName, codeLabel, isLeafLevel, levelsOf };

/**
 * The classifications the tree offers, newest first. KBLI 2025 is requested by one client but is
 * not in BPS's documentation: where the API has no data for it, its folder says so like any empty
 * folder (and the older editions stay usable).
 */
export const BROWSED_CLASSIFICATIONS: readonly ClassificationModel[] = [
	'kbli2025',
	'kbli2020',
	'kbli2017',
	'kbli2015',
	'kbli2009',
	'kbki2015',
];

export function isClassificationModel(x: unknown): x is ClassificationModel {
	return typeof x === 'string' && (CLASSIFICATION_MODELS as readonly string[]).includes(x);
}

/** BPS's id of a code: `kbli_2020_0112`. */
export function classificationId(model: ClassificationModel, code: string): string {
	const m = /^([a-z]+)(\d{4})$/.exec(model);
	return m ? `${m[1]}_${m[2]}_${code}` : `${model}_${code}`;
}

/** `kbli_2020_0112` → { model: 'kbli2020', code: '0112' }; undefined for anything else. */
export function parseClassificationId(id: string): { model: ClassificationModel; code: string } | undefined {
	const m = /^([a-z]+)_(\d{4})_([A-Za-z0-9.]+)$/.exec(id.trim());
	const model = m && `${m[1]}${m[2]}`;
	return m && isClassificationModel(model) ? { model, code: m[3] } : undefined;
}

/** A code as an item (what the tree, the search and the commands act on). */
export function classificationItem(
	e: ClassificationEntry,
): ItemOf<'classification'> & { record: ClassificationEntry } {
	return {
		kind: 'classification',
		ref: { domain: NATIONAL, kind: 'classification', id: e.id, title: codeLabel(e) },
		subject: classificationName(e.model),
		record: e,
	};
}

/**
 * The record of a child known only from its parent's `turunan` (code and title): its level is
 * the one below the parent's, its ancestors the parent's and the parent.
 */
export function childEntry(
	parent: ClassificationEntry,
	child: { code: string; title: string },
): ClassificationEntry {
	const levels = levelsOf(parent.model);
	const at = levels.indexOf(parent.level.trim().toLowerCase());
	return {
		model: parent.model,
		id: classificationId(parent.model, child.code),
		code: child.code,
		title: child.title.replace(/^\s*\[[^\]]*\]\s*/, '').trim(),
		description: '',
		level: at >= 0 && at + 1 < levels.length ? levels[at + 1] : '',
		url: parent.url ? parent.url.replace(/[^/]+$/, encodeURIComponent(child.code)) : '',
		parents: [...parent.parents, { code: parent.code, title: parent.title }],
		children: [],
		lastUpdate: null,
	};
}

/** A whole classification in one language. */
export interface ClassificationTree {
	model: ClassificationModel;
	lang: Lang;
	/** Every code, in order: each followed by its subtree (pre-order), siblings by code. */
	entries: ClassificationEntry[];
	byCode: Map<string, ClassificationEntry>;
	/** Titles in the other language, by code (missing when that language could not be loaded). */
	otherTitles: Map<string, string>;
	stale: boolean;
	fetchedAt: number;
}

/** The parent code of an entry (its last ancestor). */
const parentCode = (e: ClassificationEntry) => e.parents[e.parents.length - 1]?.code;

/** Orders entries as a tree: roots by code, then each one's children by code, depth first. */
export function treeOrder(entries: readonly ClassificationEntry[]): ClassificationEntry[] {
	const byCode = new Map(entries.map((e) => [e.code, e]));
	const kids = new Map<string | undefined, ClassificationEntry[]>();
	for (const e of byCode.values()) {
		// An entry whose parent was not listed is shown at the top rather than lost.
		const p = parentCode(e);
		const key = p !== undefined && byCode.has(p) ? p : undefined;
		kids.set(key, [...(kids.get(key) ?? []), e]);
	}
	const out: ClassificationEntry[] = [];
	const walk = (key: string | undefined) => {
		for (const e of (kids.get(key) ?? []).sort((a, b) => a.code.localeCompare(b.code, 'en'))) {
			out.push(e);
			walk(e.code);
		}
	};
	walk(undefined);
	return out;
}

/** `code` and every code under it, in tree order; empty when the code is unknown. */
export function subtree(tree: ClassificationTree, code: string): ClassificationEntry[] {
	const start = tree.entries.findIndex((e) => e.code === code);
	if (start < 0) return [];
	const out = [tree.entries[start]];
	for (let i = start + 1; i < tree.entries.length; i++) {
		const e = tree.entries[i];
		if (!e.parents.some((p) => p.code === code)) break;
		out.push(e);
	}
	return out;
}

/**
 * The codes a query finds: by code (exact first, then codes starting with it), or by words (each
 * word the start of a word of the title in either language; titles before descriptions).
 */
export function searchClassification(
	tree: ClassificationTree,
	query: string,
	limit = 50,
): ClassificationEntry[] {
	const q = query.trim();
	if (!q) return [];
	const scored: Array<{ e: ClassificationEntry; score: number; i: number }> = [];
	const codeQuery = /^[A-Za-z]$|^[A-Za-z]?\d+$/.test(q) ? q.toUpperCase().replace(/^[A-Z](?=\d)/, '') : '';
	const words = tokenize(q);
	tree.entries.forEach((e, i) => {
		let score = 0;
		if (codeQuery && e.code.toUpperCase() === codeQuery) score = 100;
		else if (codeQuery && /\d/.test(codeQuery) && e.code.startsWith(codeQuery)) score = 80 - e.code.length;
		else if (words.length) {
			const title = tokenize(`${e.title} ${tree.otherTitles.get(e.code) ?? ''}`);
			const desc = tokenize(e.description);
			const has = (ws: string[]) => words.every((w) => ws.some((t) => t.startsWith(w)));
			if (has(title)) score = 40;
			else if (has([...title, ...desc])) score = 20;
		}
		if (score) scored.push({ e, score, i });
	});
	return scored
		.sort((a, b) => b.score - a.score || a.i - b.i)
		.slice(0, limit)
		.map((x) => x.e);
}

type Families = Pick<FamilyEndpoints, 'listClassification'>;

/** Loads and keeps whole classifications (see the module comment). */
export class ClassificationIndex {
	private readonly loads = new Map<string, Promise<ClassificationTree>>();

	constructor(private readonly families: Families) {}

	/** The index of `model` in `lang`, loaded once (a failed load is tried again next time). */
	load(
		model: ClassificationModel,
		lang: Lang,
		opts: { bypassCache?: boolean } = {},
	): Promise<ClassificationTree> {
		const key = `${model}|${lang}`;
		let p = opts.bypassCache ? undefined : this.loads.get(key);
		if (!p) {
			p = this.build(model, lang, !!opts.bypassCache);
			this.loads.set(key, p);
			p.catch(() => {
				if (this.loads.get(key) === p) this.loads.delete(key);
			});
		}
		return p;
	}

	/** The index when it is already built, without waiting or loading. */
	async ifLoaded(model: ClassificationModel, lang: Lang): Promise<ClassificationTree | undefined> {
		const p = this.loads.get(`${model}|${lang}`);
		return p ? p.catch(() => undefined) : undefined;
	}

	/** Forget every index (Clear Cache, key or base URL changed). */
	clear(): void {
		this.loads.clear();
	}

	private async build(
		model: ClassificationModel,
		lang: Lang,
		bypassCache: boolean,
	): Promise<ClassificationTree> {
		const other: Lang = lang === 'ind' ? 'eng' : 'ind';
		const all = (l: Lang) =>
			Promise.all(
				levelsOf(model).map((level) =>
					this.families.listClassification(model, { level, perPage: 500, lang: l, bypassCache }),
				),
			);
		const [mine, theirs] = await Promise.all([all(lang), all(other).catch(() => undefined)]);
		const entries = treeOrder(mine.flatMap((p) => p.items));
		if (!entries.length) throw new BpsError('noData', `The BPS API lists no codes of ${model}.`);
		const otherTitles = new Map<string, string>();
		for (const e of theirs?.flatMap((p) => p.items) ?? []) otherTitles.set(e.code, e.title);
		return {
			model,
			lang,
			entries,
			byCode: new Map(entries.map((e) => [e.code, e])),
			otherTitles,
			stale: mine.some((p) => p.stale),
			fetchedAt: Math.min(...mine.map((p) => p.fetchedAt)),
		};
	}
}
