/**
 * Search over the census catalogue and a region's SIMDASI tables. Neither API has a keyword
 * search, so the lists are read once (lazily, at the first search that needs them), kept in
 * memory, and matched here; the client's persistent cache serves them again after a restart.
 * Requests are bounded: the census catalogue is one call for the events, one per event for its
 * topics and one per topic for its datasets (at most {@link MAX_CENSUS_TOPICS}); SIMDASI is one
 * call per region. Pure (no `vscode`).
 */
import type { FamilyEndpoints } from '../api/families/endpoints';
import { mfdOfDomain } from '../api/families/mappers';
import type { CensusDataset, CensusEvent, CensusTopic, SimdasiTableRef } from '../api/families/types';
import type { Lang } from '../api/types';
import { toItem, type ItemOf } from './items';
import { tokenize } from './searchIndex';

/** The most topics whose datasets one census catalogue load asks for. */
export const MAX_CENSUS_TOPICS = 60;

/** A census dataset with the words of its census and topic. */
export interface CensusEntry {
	dataset: CensusDataset;
	event: CensusEvent;
	topic: CensusTopic | undefined;
}

export interface CensusCatalogue {
	entries: CensusEntry[];
	/** True when a topic could not be read (its datasets are missing) or more topics than the bound. */
	partial: boolean;
	/** True when a list failed: the catalogue is used once and read again at the next search. */
	failed: boolean;
}

type Source = Pick<
	FamilyEndpoints,
	'listCensusEvents' | 'listCensusTopics' | 'listCensusDatasets' | 'listSimdasiTables'
>;

/** Every word of the query the start of a word of `hay`. */
function hasAll(words: readonly string[], hay: readonly string[]): boolean {
	return words.every((w) => hay.some((t) => t.startsWith(w)));
}

/** Best first: the title matching every word, then the title with its context (census, topic, chapter). */
function rank<T>(
	all: readonly T[],
	query: string,
	title: (t: T) => string,
	context: (t: T) => string,
	limit: number,
): T[] {
	const words = tokenize(query);
	if (!words.length) return [];
	const scored: Array<{ t: T; score: number; i: number }> = [];
	all.forEach((t, i) => {
		const own = tokenize(title(t));
		const score = hasAll(words, own) ? 2 : hasAll(words, [...own, ...tokenize(context(t))]) ? 1 : 0;
		if (score) scored.push({ t, score, i });
	});
	return scored
		.sort((a, b) => b.score - a.score || a.i - b.i)
		.slice(0, limit)
		.map((x) => x.t);
}

/** Census datasets whose name (then description, topic or census) has every word of `query`. */
export function searchCensus(entries: readonly CensusEntry[], query: string, limit = 20): CensusEntry[] {
	return rank(
		entries,
		query,
		(e) => e.dataset.name,
		(e) =>
			`${e.dataset.description} ${e.topic?.name ?? ''} ${e.topic?.nameEn ?? ''} ${e.event.name} ${e.event.id}`,
		limit,
	);
}

/** SIMDASI tables whose title (either language; then code or chapter) has every word of `query`. */
export function searchSimdasi(
	tables: readonly SimdasiTableRef[],
	query: string,
	limit = 20,
): SimdasiTableRef[] {
	return rank(
		tables,
		query,
		(t) => `${t.title} ${t.titleEn}`,
		(t) => `${t.code} ${t.chapter} ${t.chapterEn}`,
		limit,
	);
}

/** A census dataset as a search result: its census and topic beside it. */
export function censusSearchItem(e: CensusEntry, lang: Lang): ItemOf<'census'> {
	const it = toItem('census', '0000', { ...e.dataset, event: e.dataset.event || e.event.id });
	const topic = e.topic && (lang === 'eng' ? e.topic.nameEn || e.topic.name : e.topic.name).trim();
	return { ...it, subject: [e.event.name.trim(), topic].filter(Boolean).join(' · ') || undefined };
}

/** A SIMDASI table as a search result, titled in `lang`, its chapter beside it. */
export function simdasiSearchItem(t: SimdasiTableRef, domain: string, lang: Lang): ItemOf<'simdasi'> {
	const it = toItem('simdasi', domain, t);
	const title = (lang === 'eng' ? t.titleEn || t.title : t.title).trim();
	const chapter = (lang === 'eng' ? t.chapterEn || t.chapter : t.chapter).trim();
	return { ...it, ref: { ...it.ref, title }, subject: chapter || undefined };
}

/**
 * The census catalogue and the SIMDASI table lists, each read once and kept (a failed read is
 * tried again next time). Loads take no caller's signal: a query typed over does not waste a
 * load another query will want.
 */
export class FamilyIndex {
	private census: Promise<CensusCatalogue> | undefined;
	private readonly simdasi = new Map<string, Promise<SimdasiTableRef[]>>();

	constructor(private readonly source: Source) {}

	censusCatalogue(): Promise<CensusCatalogue> {
		if (!this.census) {
			const p = this.loadCensus();
			this.census = p;
			// A failed read is not kept, nor a catalogue missing what failed to load.
			p.then(
				(c) => {
					if (c.failed && this.census === p) this.census = undefined;
				},
				() => {
					if (this.census === p) this.census = undefined;
				},
			);
		}
		return this.census;
	}

	/** The SIMDASI tables of a region (its 7-digit MFD area). */
	simdasiTables(domain: string): Promise<SimdasiTableRef[]> {
		let p = this.simdasi.get(domain);
		if (!p) {
			const load = this.source.listSimdasiTables(mfdOfDomain(domain));
			p = load;
			this.simdasi.set(domain, load);
			load.catch(() => {
				if (this.simdasi.get(domain) === load) this.simdasi.delete(domain);
			});
		}
		return p;
	}

	/** Forget everything (Clear Cache, key or base URL changed). */
	clear(): void {
		this.census = undefined;
		this.simdasi.clear();
	}

	private async loadCensus(): Promise<CensusCatalogue> {
		const events = await this.source.listCensusEvents();
		const topicLists = await Promise.allSettled(events.map((e) => this.source.listCensusTopics(e.id)));
		let failed = topicLists.some((t) => t.status === 'rejected');
		let partial = failed;
		const topics = topicLists.flatMap((t, i) =>
			t.status === 'fulfilled' ? t.value.map((topic) => ({ topic, event: events[i] })) : [],
		);
		if (topics.length > MAX_CENSUS_TOPICS) partial = true;
		const bounded = topics.slice(0, MAX_CENSUS_TOPICS);
		const datasets = await Promise.allSettled(
			bounded.map((t) => this.source.listCensusDatasets(t.event.id, t.topic.id)),
		);
		const entries: CensusEntry[] = [];
		datasets.forEach((d, i) => {
			if (d.status === 'rejected') {
				partial = failed = true;
				return;
			}
			for (const dataset of d.value)
				entries.push({ dataset, event: bounded[i].event, topic: bounded[i].topic });
		});
		if (!entries.length && partial) {
			const failed = [...topicLists, ...datasets].find((x) => x.status === 'rejected');
			if (failed?.status === 'rejected') throw failed.reason;
		}
		return { entries, partial, failed };
	}
}
