/**
 * Citations of BPS items as BibTeX, RIS, CSL-JSON or APA-style text. Pure code, no `vscode`:
 * unit-tested in test/unit/citation.test.ts by parsing the output with citation-js.
 *
 * The citation language is its own (`lang`), not the UI's: it follows the language the item's
 * title was fetched in, so an English title is not wrapped in Indonesian words.
 */
import type { ItemKind } from '../catalogue/itemRef';
import { classifyDomain, tidyName } from '../catalogue/regions';

export type CitationFormat = 'bibtex' | 'ris' | 'csl-json' | 'apa';
export const CITATION_FORMATS: readonly CitationFormat[] = ['bibtex', 'ris', 'csl-json', 'apa'];
export type CitationLang = 'ind' | 'eng';

export function isCitationFormat(x: unknown): x is CitationFormat {
	return typeof x === 'string' && (CITATION_FORMATS as readonly string[]).includes(x);
}

/** What a citation needs to know about an item. */
export interface CitationItem {
	kind: ItemKind;
	/** 4-digit BPS domain code. */
	domain: string;
	/** The region's name as the domain list spells it ("JAWA TIMUR", "Surabaya"); unused for 0000. */
	regionName?: string;
	id: number | string;
	title: string;
	/** Year of release or last update; the access year when unknown. */
	year?: number;
	/** The item's page on the BPS website. */
	url: string;
	accessed: Date;
	/** Dynamic tables and indicators: the variable (table) id. */
	variableId?: number;
	/** Dynamic tables and indicators: the period labels cited ("2017", "2018"…). */
	periods?: string[];
	lang: CitationLang;
}

/**
 * The issuing office, as BPS names itself: "Badan Pusat Statistik", "BPS Provinsi Jawa Timur",
 * "BPS Kota Surabaya", "BPS Kabupaten Bandung"; in English "BPS-Statistics Indonesia",
 * "BPS-Statistics of Jawa Timur Province", "BPS-Statistics of Surabaya Municipality",
 * "BPS-Statistics of Bandung Regency".
 */
export function citationAuthor(domain: string, regionName: string | undefined, lang: CitationLang): string {
	const { type } = classifyDomain(domain);
	const en = lang === 'eng';
	if (type === 'national') return en ? 'BPS-Statistics Indonesia' : 'Badan Pusat Statistik';
	const name = regionName?.trim() ? titleCase(tidyName(regionName)) : undefined;
	if (!name) return en ? `BPS-Statistics (region ${domain})` : `BPS (wilayah ${domain})`;
	switch (type) {
		case 'province':
			return en ? `BPS-Statistics of ${name} Province` : `BPS Provinsi ${name}`;
		case 'city':
			return en ? `BPS-Statistics of ${name} Municipality` : `BPS Kota ${name}`;
		case 'regency':
			return en ? `BPS-Statistics of ${name} Regency` : `BPS Kabupaten ${name}`;
	}
}

/** The domain list spells some names in capitals ("JAWA TIMUR"); keep acronyms like "DKI". */
function titleCase(s: string): string {
	if (s !== s.toUpperCase()) return s;
	return s
		.toLowerCase()
		.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
		.replace(/\b(Dki|Di)\b/g, (m) => m.toUpperCase());
}

const KIND_LABEL: Record<ItemKind, Record<CitationLang, string>> = {
	var: { ind: 'Tabel dinamis', eng: 'Dynamic table' },
	statictable: { ind: 'Tabel statis', eng: 'Static table' },
	indicator: { ind: 'Indikator strategis', eng: 'Strategic indicator' },
	publication: { ind: 'Publikasi', eng: 'Publication' },
	pressrelease: { ind: 'Berita resmi statistik', eng: 'Press release' },
	trade: { ind: 'Data ekspor-impor', eng: 'Foreign trade data' },
	classification: { ind: 'Klasifikasi baku', eng: 'Statistical classification' },
	glossary: { ind: 'Glosarium', eng: 'Glossary' },
	infographic: { ind: 'Infografis', eng: 'Infographic' },
	news: { ind: 'Berita', eng: 'News' },
	census: { ind: 'Data sensus', eng: 'Census data' },
	simdasi: { ind: 'Tabel SIMDASI', eng: 'SIMDASI table' },
};

const MONTHS: Record<CitationLang, string[]> = {
	ind: 'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember'.split(' '),
	eng: 'January February March April May June July August September October November December'.split(' '),
};

/** "2017–2019" for consecutive years, else "2017, 2019, 2021"; '' for none. */
export function periodsText(periods: readonly string[] | undefined): string {
	if (!periods?.length) return '';
	const years = periods.map(Number);
	const consecutive =
		periods.length > 2 && years.every((y, i) => Number.isInteger(y) && (i === 0 || y === years[i - 1]! + 1));
	return consecutive ? `${periods[0]}–${periods[periods.length - 1]}` : periods.join(', ');
}

/** "ID variabel 1804; periode 2017–2019" / "Table ID 12" — what identifies the exact data cited. */
export function citationNote(c: CitationItem): string {
	const en = c.lang === 'eng';
	const parts: string[] = [];
	switch (c.kind) {
		case 'var':
		case 'indicator':
			if (c.kind === 'indicator') parts.push(en ? `Indicator ID ${c.id}` : `ID indikator ${c.id}`);
			if (c.variableId !== undefined)
				parts.push(en ? `variable ID ${c.variableId}` : `ID variabel ${c.variableId}`);
			break;
		case 'statictable':
			parts.push(en ? `Table ID ${c.id}` : `ID tabel ${c.id}`);
			break;
		case 'publication':
			parts.push(en ? `Publication ID ${c.id}` : `ID publikasi ${c.id}`);
			break;
		case 'pressrelease':
			parts.push(en ? `Press release ID ${c.id}` : `ID berita resmi statistik ${c.id}`);
			break;
	}
	const p = periodsText(c.periods);
	if (p) parts.push(en ? `periods ${p}` : `periode ${p}`);
	const s = parts.join('; ');
	return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A BibTeX/CSL key: bps3578var1804. */
export function citationKey(c: CitationItem): string {
	return `bps${c.domain}${c.kind}${String(c.id).replace(/[^A-Za-z0-9]/g, '')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const yearOf = (c: CitationItem) => c.year ?? c.accessed.getFullYear();

/** The citation of `c` in `format`, ending with a newline. */
export function formatCitation(c: CitationItem, format: CitationFormat): string {
	switch (format) {
		case 'bibtex':
			return bibtex(c);
		case 'ris':
			return ris(c);
		case 'csl-json':
			return `${JSON.stringify([cslJson(c)], null, 2)}\n`;
		case 'apa':
			return `${apa(c)}\n`;
	}
}

/** Escapes BibTeX's special characters; braces around the whole value keep its capitals. */
function bibEscape(s: string): string {
	// One pass: a later replace would escape the braces an earlier one wrote.
	const map: Record<string, string> = {
		'\\': '\\textbackslash{}',
		'~': '\\textasciitilde{}',
		'^': '\\textasciicircum{}',
		'–': '--',
	};
	return s.replace(/[\\{}%&$#_~^–]/g, (ch) => map[ch] ?? `\\${ch}`);
}

function bibtex(c: CitationItem): string {
	const author = citationAuthor(c.domain, c.regionName, c.lang);
	const fields: Array<[string, string]> = [
		['author', `{${bibEscape(author)}}`],
		['title', `{${bibEscape(c.title)}}`],
		['year', String(yearOf(c))],
		[
			c.kind === 'publication' ? 'publisher' : 'howpublished',
			bibEscape(c.kind === 'publication' ? author : KIND_LABEL[c.kind][c.lang]),
		],
		['url', c.url.replace(/([%#{}])/g, '\\$1')],
		['urldate', isoDate(c.accessed)],
		['note', bibEscape(citationNote(c))],
		['language', c.lang === 'eng' ? 'english' : 'indonesian'],
	];
	const type = c.kind === 'publication' ? 'book' : 'misc';
	const body = fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n');
	return `@${type}{${citationKey(c)},\n${body}\n}\n`;
}

/** RIS: one `TAG  - value` per line; newlines in values would end the field early. */
function ris(c: CitationItem): string {
	const one = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');
	const type = c.kind === 'publication' ? 'BOOK' : c.kind === 'pressrelease' ? 'PRESS' : 'DATA';
	const a = c.accessed;
	const lines = [
		`TY  - ${type}`,
		`ID  - ${citationKey(c)}`,
		// A trailing comma marks a corporate author: no family/given split.
		`AU  - ${one(citationAuthor(c.domain, c.regionName, c.lang))},`,
		`TI  - ${one(c.title)}`,
		`PY  - ${yearOf(c)}`,
		`PB  - ${one(citationAuthor(c.domain, c.regionName, c.lang))}`,
		`M3  - ${KIND_LABEL[c.kind][c.lang]}`,
		`UR  - ${c.url}`,
		`Y2  - ${a.getFullYear()}/${pad(a.getMonth() + 1)}/${pad(a.getDate())}`,
		`N1  - ${one(citationNote(c))}`,
		`LA  - ${c.lang === 'eng' ? 'English' : 'Indonesian'}`,
		'ER  - ',
	];
	return `${lines.join('\n')}\n`;
}

/** CSL-JSON (the citation-style-language item schema); `literal` for a corporate author. */
export function cslJson(c: CitationItem): Record<string, unknown> {
	const a = c.accessed;
	const author = citationAuthor(c.domain, c.regionName, c.lang);
	return {
		id: citationKey(c),
		type: c.kind === 'publication' ? 'book' : c.kind === 'pressrelease' ? 'report' : 'dataset',
		author: [{ literal: author }],
		title: c.title,
		issued: { 'date-parts': [[yearOf(c)]] },
		accessed: { 'date-parts': [[a.getFullYear(), a.getMonth() + 1, a.getDate()]] },
		publisher: author,
		genre: KIND_LABEL[c.kind][c.lang],
		URL: c.url,
		note: citationNote(c),
		language: c.lang === 'eng' ? 'en' : 'id',
	};
}

/**
 * APA 7 style, as plain text (the clipboard has no italics): the publisher is left out because it
 * is the author, and the retrieval date is given because BPS tables change.
 */
function apa(c: CitationItem): string {
	const author = citationAuthor(c.domain, c.regionName, c.lang);
	const a = c.accessed;
	const months = MONTHS[c.lang];
	const bracket = `[${KIND_LABEL[c.kind][c.lang]}; ${lowerFirst(citationNote(c))}]`;
	const title = c.title.trim().replace(/[.\s]+$/, '');
	return c.lang === 'eng'
		? `${author}. (${yearOf(c)}). ${title} ${bracket}. Retrieved ${months[a.getMonth()]} ${a.getDate()}, ${a.getFullYear()}, from ${c.url}`
		: `${author}. (${yearOf(c)}). ${title} ${bracket}. Diakses ${a.getDate()} ${months[a.getMonth()]} ${a.getFullYear()}, dari ${c.url}`;
}

/** "Table ID 12" → "table ID 12"; keeps "ID variabel" as is. */
function lowerFirst(s: string): string {
	return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
