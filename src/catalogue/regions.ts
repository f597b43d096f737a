/**
 * Region (BPS domain) names and the matcher behind the region picker. Pure code, no `vscode`:
 * unit-tested in test/unit/regions.test.ts.
 *
 * The domain list names regencies and cities alike ("Bandung" is both 3204 and 3273); cities are
 * the codes whose last two digits are 71 or more. We show "Kabupaten Bandung" / "Kota Bandung"
 * and let people type either, plus the abbreviations everybody uses ("jatim", "dki", "jogja"…).
 */
import type { Domain, DomainLevel } from '../api/types';

export type RegionType = 'national' | 'province' | 'regency' | 'city';

/** The level and province of a 4-digit code, from the code alone. */
export function classifyDomain(id: string): { level: DomainLevel; type: RegionType; provinceId?: string } {
	if (id === '0000') {
		return { level: 'national', type: 'national' };
	}
	if (id.endsWith('00')) {
		return { level: 'province', type: 'province' };
	}
	const provinceId = `${id.slice(0, 2)}00`;
	return { level: 'regency', type: Number(id.slice(2)) >= 71 ? 'city' : 'regency', provinceId };
}

/** Names whose API capitalisation is off ("Dki Jakarta", "Di Yogyakarta"). */
const NAME_FIXES: Record<string, string> = {
	'dki jakarta': 'DKI Jakarta',
	'di yogyakarta': 'DI Yogyakarta',
};

/**
 * Tidies a domain name: letter-spaced names ("S I A K", "D U M A I") become "Siak", "Dumai";
 * known capitalisation slips are fixed. Everything else is kept as BPS spells it.
 */
export function tidyName(raw: string): string {
	const name = raw.replace(/\s+/g, ' ').trim();
	const words = name.split(' ');
	if (words.length > 1 && words.every((w) => w.length === 1)) {
		const joined = words.join('');
		return joined.charAt(0).toUpperCase() + joined.slice(1).toLowerCase();
	}
	return NAME_FIXES[name.toLowerCase()] ?? name;
}

/** Labels the display name uses; localised by the caller (the extension passes vscode.l10n.t). */
export interface RegionLabels {
	national: string;
	regency: string;
	city: string;
}

const DEFAULT_LABELS: RegionLabels = { national: 'Indonesia', regency: 'Kabupaten', city: 'Kota' };

/** "Kota Surabaya", "Kabupaten Bandung", "Jawa Timur", "Indonesia". */
export function regionDisplayName(
	d: Pick<Domain, 'id' | 'name'>,
	labels: RegionLabels = DEFAULT_LABELS,
): string {
	const { type } = classifyDomain(d.id);
	const name = tidyName(d.name);
	switch (type) {
		case 'national':
			return labels.national;
		case 'province':
			return name;
		case 'city':
			return `${labels.city} ${name}`;
		case 'regency':
			return `${labels.regency} ${name}`;
	}
}

/** What every feature shows of a region: its code, display name, type and BPS website. */
export interface RegionFacts {
	code: string;
	/** "Kota Surabaya", "Jawa Timur", "Indonesia"; the bare code when the domain list was unreachable. */
	name: string;
	type: RegionType;
	/** The region's own BPS website (http/https, from the domain list); undefined when unknown. */
	website?: string;
}

/** The facts of a region code, from its entry in the domain list when there is one. */
export function regionFacts(
	code: string,
	d: Pick<Domain, 'id' | 'name' | 'url'> | undefined,
	labels: RegionLabels = DEFAULT_LABELS,
): RegionFacts {
	const { type } = classifyDomain(code);
	const name = d ? regionDisplayName(d, labels) : type === 'national' ? labels.national : code;
	const facts: RegionFacts = { code, name, type };
	if (d && /^https?:\/\//i.test(d.url)) facts.website = d.url;
	return facts;
}

/**
 * Everyday abbreviations → province code. Covers the official short names BPS uses in its own
 * subdomains (jatim.bps.go.id …) and the common colloquial ones.
 */
export const PROVINCE_ALIASES: Readonly<Record<string, string>> = {
	nad: '1100',
	sumut: '1200',
	sumbar: '1300',
	jambi: '1500',
	sumsel: '1600',
	babel: '1900',
	bangka: '1900',
	kepri: '2100',
	dki: '3100',
	jakarta: '3100',
	jkt: '3100',
	jabar: '3200',
	jateng: '3300',
	diy: '3400',
	jogja: '3400',
	jogjakarta: '3400',
	yogya: '3400',
	yogyakarta: '3400',
	jatim: '3500',
	ntb: '5200',
	ntt: '5300',
	kalbar: '6100',
	kalteng: '6200',
	kalsel: '6300',
	kaltim: '6400',
	kaltara: '6500',
	sulut: '7100',
	sulteng: '7200',
	sulsel: '7300',
	sultra: '7400',
	sulbar: '7600',
	malut: '8200',
	pabar: '9100',
};

/** Words that say which kind of region is meant rather than which one. */
const TYPE_WORDS: Readonly<Record<string, RegionType>> = {
	kota: 'city',
	city: 'city',
	kab: 'regency',
	kabupaten: 'regency',
	regency: 'regency',
	prov: 'province',
	provinsi: 'province',
	province: 'province',
};

/** Lower case, accents and punctuation gone, "Kep." → "kepulauan", letter-spaced words joined. */
export function normaliseText(s: string): string {
	const plain = s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\bkep\./g, 'kepulauan ')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
	const words = plain.split(' ').filter(Boolean);
	// "s i a k" → "siak": join runs of 2+ single letters.
	const out: string[] = [];
	let run = '';
	for (const w of words) {
		if (w.length === 1 && /[a-z]/.test(w)) {
			run += w;
			continue;
		}
		if (run) out.push(run);
		run = '';
		out.push(w);
	}
	if (run) out.push(run);
	return out.join(' ');
}

/** A domain prepared for matching. Build once per domain list with {@link prepareRegions}. */
export interface RegionEntry {
	domain: Domain;
	type: RegionType;
	display: string;
	/** The province's display name, for regencies and cities. */
	provinceName?: string;
	/** Normalised words of the region's own name. */
	words: string[];
	/** The same, without spaces ("jawatimur"). */
	joined: string;
	/** Normalised words of the province name plus its aliases (regencies only). */
	parentWords: string[];
	/** Aliases of this region itself (provinces only). */
	aliases: string[];
}

export function prepareRegions(
	domains: readonly Domain[],
	labels: RegionLabels = DEFAULT_LABELS,
): RegionEntry[] {
	const provinces = new Map(
		domains.filter((d) => classifyDomain(d.id).type === 'province').map((d) => [d.id, d]),
	);
	const aliasesOf = new Map<string, string[]>();
	for (const [alias, code] of Object.entries(PROVINCE_ALIASES)) {
		aliasesOf.set(code, [...(aliasesOf.get(code) ?? []), alias]);
	}
	return domains.map((domain) => {
		const { type, provinceId } = classifyDomain(domain.id);
		const province = provinceId ? provinces.get(provinceId) : undefined;
		const words = normaliseText(
			type === 'national' ? `${domain.name} indonesia nasional national` : tidyName(domain.name),
		).split(' ');
		const provinceName = province ? tidyName(province.name) : undefined;
		return {
			domain,
			type,
			display: regionDisplayName(domain, labels),
			provinceName,
			words,
			joined: words.join(''),
			parentWords: province
				? [...normaliseText(province.name).split(' '), ...(aliasesOf.get(province.id) ?? [])]
				: [],
			aliases: type === 'province' ? (aliasesOf.get(domain.id) ?? []) : [],
		};
	});
}

export interface RegionMatch {
	entry: RegionEntry;
	score: number;
}

export interface MatchOptions {
	/** Recently used codes, most recent first: they win ties and lead the empty-query list. */
	recent?: readonly string[];
	limit?: number;
}

const LEVEL_ORDER: Record<RegionType, number> = { national: 0, province: 1, regency: 2, city: 2 };

/**
 * Ranks regions for a query. Every query word must match (name word, name prefix, code, alias,
 * province name, or — weakly — a subsequence of the name); words like "kota"/"kab" restrict the
 * kind. An empty query lists recent regions first, then everything in code order.
 */
export function matchRegions(
	entries: readonly RegionEntry[],
	query: string,
	opts: MatchOptions = {},
): RegionMatch[] {
	const recent = opts.recent ?? [];
	const tokens = normaliseText(query).split(' ').filter(Boolean);
	const out: RegionMatch[] = [];
	for (const entry of entries) {
		const score = tokens.length ? scoreEntry(entry, tokens) : 0;
		if (score === null) continue;
		const r = recent.indexOf(entry.domain.id);
		out.push({ entry, score: score + (r >= 0 ? (tokens.length ? 5 : 1000 - r) : 0) });
	}
	out.sort(
		(a, b) =>
			b.score - a.score ||
			LEVEL_ORDER[a.entry.type] - LEVEL_ORDER[b.entry.type] ||
			a.entry.domain.id.localeCompare(b.entry.domain.id),
	);
	return opts.limit ? out.slice(0, opts.limit) : out;
}

function scoreEntry(e: RegionEntry, tokens: string[]): number | null {
	let score = 0;
	const nameTokens: string[] = [];
	for (const t of tokens) {
		const s = scoreToken(e, t);
		if (s === null) return null;
		score += s;
		if (!(t in TYPE_WORDS) || e.words.includes(t)) nameTokens.push(t);
	}
	// The whole name typed ("jawa timur", "kota bandung" → "bandung"): a clear winner.
	const phrase = nameTokens.join('');
	if (phrase && phrase === e.joined) score += 50;
	return score;
}

function scoreToken(e: RegionEntry, t: string): number | null {
	if (/^\d+$/.test(t)) {
		if (e.domain.id === t) return 100;
		return e.domain.id.startsWith(t) ? 60 - 10 * (4 - t.length) : null;
	}
	const alias = PROVINCE_ALIASES[t];
	if (alias) {
		if (e.domain.id === alias) return 90;
		// "jakarta", "jambi", "yogyakarta" are also plain names of cities: let the name match too.
		if (e.words.includes(t)) return 40;
		if (e.domain.id.slice(0, 2) === alias.slice(0, 2)) return 20;
		return null;
	}
	if (t in TYPE_WORDS && !e.words.some((w) => w.startsWith(t))) {
		return TYPE_WORDS[t] === e.type ? 5 : null;
	}
	if (e.words.includes(t)) return 40;
	if (e.words.some((w) => w.startsWith(t))) return 30;
	if (e.aliases.some((a) => a.startsWith(t))) return 30;
	if (e.parentWords.includes(t)) return 10;
	if (t.length >= 3 && e.joined.includes(t)) return 15;
	if (e.parentWords.some((w) => w.startsWith(t))) return 6;
	if (t.length >= 3 && isSubsequence(t, e.joined)) return 3;
	return null;
}

function isSubsequence(needle: string, hay: string): boolean {
	let i = 0;
	for (let j = 0; j < hay.length && i < needle.length; j++) {
		if (hay[j] === needle[i]) i++;
	}
	return i === needle.length;
}

/** Puts a code at the front of a recent list, without duplicates, at most `max` long. */
export function pushRecent(recent: readonly string[], id: string, max = 8): string[] {
	return [id, ...recent.filter((r) => r !== id)].slice(0, max);
}
