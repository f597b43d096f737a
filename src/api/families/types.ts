/**
 * The model of the newer BPS data families (foreign trade, SDGs/SDDS, census, SIMDASI,
 * classifications, glossary, infographics, news), as the rest of the extension sees them. Raw API
 * shapes live in `schemas.ts`; the mapping in each family's module. Missing values are `null`,
 * never 0.
 */
import type { Freshness } from '../types';

// --- Foreign trade (`dataexim`) -------------------------------------------------------------

export type TradeFlow = 'export' | 'import';

export interface TradeQuery {
	flow: TradeFlow;
	/** HS codes: 2-digit chapters or 8-digit BTKI codes, all of one level. */
	hs: string[];
	hsLevel: 2 | 8;
	/** Years from 2014 on; one request per year. */
	years: number[];
	monthly: boolean;
}

export interface TradeRecord {
	year: number;
	/** 1–12 on monthly answers. */
	month: number | null;
	hsCode: string;
	hsLabel: string;
	/** `null` when BPS has no port or country on record: shown as unknown, never dropped. */
	port: string | null;
	country: string | null;
	/** FOB (exports) or CIF (imports) value in US dollars. */
	valueUsd: number | null;
	netWeightKg: number | null;
}

export interface TradeResult extends Freshness {
	query: TradeQuery;
	records: TradeRecord[];
	/** What BPS says each column is (`metadata`), e.g. value → "Nilai Ekspor dalam US Dollar ($)". */
	columnNotes: Record<string, string>;
	/** Years that had no data ("unavailable"). */
	emptyYears: number[];
}

// --- SDGs / SDDS ----------------------------------------------------------------------------

export interface SdgIndicator {
	goal: number;
	goalName: string;
	/** The indicator number without BPS's marks, e.g. "1.2.1". */
	number: string;
	/** As BPS writes it, e.g. "1.2.1*" (the star marks a national proxy indicator). */
	rawNumber: string;
	/** The dynamic table holding the data (`model=data&domain=0000&var=…`). */
	varId: number;
	title: string;
	unit: string;
	subjectId: number | null;
	subjectName: string;
	definition: string;
}

export interface SddsItem {
	id: number;
	category: string;
	title: string;
	/** Where the data is: a dynamic table or a static table. */
	kind: 'var' | 'statictable';
	targetId: number;
	unit: string;
	periodicity: string;
}

// --- Census ---------------------------------------------------------------------------------

export interface CensusEvent {
	id: string;
	name: string;
	year: number | null;
}
export interface CensusTopic {
	id: number;
	event: string;
	name: string;
	nameEn: string;
}
export interface CensusArea {
	id: number;
	/** MFD code: "0" Indonesia, "35" a province, "3578" a regency/city. */
	mfdCode: string;
	name: string;
	slug: string;
	/** Our 4-digit domain, when the code maps to one. */
	domain: string | undefined;
}
export interface CensusDataset {
	id: number;
	topicId: number;
	event: string;
	name: string;
	description: string;
}
export interface CensusCategory {
	/** Category id (e.g. "1026" sex) and its name; the item within it. */
	id: string;
	name: string;
	itemId: string;
	itemCode: string;
	itemName: string;
}
export interface CensusRow {
	areaId: string;
	areaCode: string;
	areaName: string;
	indicatorId: string;
	indicatorName: string;
	/** Up to five, in the API's order; empty slots are left out. */
	categories: CensusCategory[];
	period: string;
	/** `nilai`, a number or a numeric string in the API; `null` when absent. */
	value: number | null;
}
export interface CensusData extends Freshness {
	event: string;
	dataset: number;
	areaId: number;
	/** Several areas' answers merged into one (catalogue/census.ts), in order; absent = `areaId` alone. */
	areaIds?: number[];
	rows: CensusRow[];
	/** The category dimensions, in order, with their items in first-seen order. */
	dimensions: Array<{ id: string; name: string; items: Array<{ id: string; code: string; name: string }> }>;
}

// --- SIMDASI --------------------------------------------------------------------------------

export interface SimdasiArea {
	/** 7-digit MFD code ("3500000"). */
	mfd: string;
	name: string;
	/** Our 4-digit domain ("3500"); undefined for districts. */
	domain: string | undefined;
}
export interface SimdasiTableRef {
	id: string;
	code: string;
	title: string;
	titleEn: string;
	years: number[];
	chapter: string;
	chapterEn: string;
	subjectId: number | null;
}
export interface SimdasiColumn {
	key: string;
	name: string;
	nameEn: string;
	unit: string;
	unitEn: string;
	decimals: number | null;
}
export interface SimdasiRow {
	label: string;
	areaCode: string;
	/** Per column, in `columns` order; null = missing. */
	values: Array<number | null>;
	/** As printed (e.g. "1.234,5" or "…"). */
	raw: string[];
}
export interface SimdasiTable extends Freshness {
	id: string;
	mfd: string;
	year: number;
	title: string;
	titleEn: string;
	area: string;
	columns: SimdasiColumn[];
	rows: SimdasiRow[];
	notes: string;
	source: string;
}

// --- Classifications, glossary, infographics, news ------------------------------------------

export const CLASSIFICATION_MODELS = [
	'kbli2009',
	'kbli2015',
	'kbli2017',
	'kbli2020',
	'kbli2025',
	'kbki2015',
] as const;
export type ClassificationModel = (typeof CLASSIFICATION_MODELS)[number];

export interface ClassificationEntry {
	model: ClassificationModel;
	/** `kbli_2020_0112`. */
	id: string;
	code: string;
	title: string;
	description: string;
	level: string;
	url: string;
	/** Ancestors, outermost first. */
	parents: Array<{ code: string; title: string }>;
	children: Array<{ code: string; title: string }>;
	lastUpdate: string | null;
}

export interface GlossaryEntry {
	id: string;
	concept: string;
	conceptEn: string;
	definition: string;
	definitionEn: string;
	unit: string;
	unitEn: string;
	source: string;
	classification: string;
	url: string;
}

export interface Infographic {
	id: number;
	title: string;
	image: string;
	description: string;
	category: number | null;
	download: string;
}

export interface NewsItem {
	id: number;
	categoryId: string;
	categoryName: string;
	title: string;
	/** Plain-text excerpt (list) — the HTML is in `NewsDetail`. */
	excerpt: string;
	date: string | null;
	picture: string;
}
export interface NewsDetail extends NewsItem, Freshness {
	/** The full article, entity-decoded HTML (sanitise before showing). */
	html: string;
}
export interface NewsCategory {
	id: string;
	name: string;
}
