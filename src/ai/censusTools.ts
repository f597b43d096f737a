/**
 * Assistant tools over BPS census results and SIMDASI ("Dalam Angka" regional tables), on
 * `BpsClient.families`. Both are catalogues several levels deep, so each tool walks them one level
 * per call: with fewer inputs it lists what to pick next, with all of them it returns the data.
 */
import { BPS_HOME } from '../api/attribution';
import { mfdOfDomain } from '../api/families/mappers';
import { mergeCensusData } from '../catalogue/census';
import { censusSnippetTable } from '../snippets/families/census';
import { simdasiSnippetTable } from '../snippets/families/simdasi';
import { checkDomain, DOMAIN_SCHEMA, footer } from './common';
import { DEFAULT_MAX_CHARS, fromSnippetTable, renderTable, type TableFormat } from './render';
import { ToolInputError, type AiTool, type JsonSchema } from './types';

const CENSUS_SOURCE = 'https://sensus.bps.go.id';
/** Table ids shown in a SIMDASI list. */
const MAX_ROWS = 150;
const FORMATS: readonly TableFormat[] = ['markdown', 'csv', 'json'];
const FORMAT_SCHEMA: JsonSchema = {
	type: 'string',
	enum: [...FORMATS],
	description: 'markdown (default, for reading), csv or json (for code).',
};

function formatOf(v: unknown): TableFormat {
	if (v === undefined || v === null || v === '') return 'markdown';
	if ((FORMATS as readonly unknown[]).includes(v)) return v as TableFormat;
	throw new ToolInputError(`"format" must be one of ${FORMATS.join(', ')}.`);
}

/** A converter's table in the tidy schema, rendered and cut to the answer budget. */
function cutTable(
	st: Parameters<typeof fromSnippetTable>[0],
	format: TableFormat,
	maxChars: number | undefined,
	hint: (shown: number, total: number) => string,
): string {
	const { meta, table } = fromSnippetTable(st);
	return renderTable(meta, table, format, maxChars ?? DEFAULT_MAX_CHARS, hint).text;
}

function cell(v: string | number | null | undefined): string {
	return v === null || v === undefined ? '' : String(v).replace(/\|/g, '/').replace(/\s+/g, ' ').trim();
}

function optInt(name: string, v: unknown): number | undefined {
	if (v === undefined || v === null || v === '') return undefined;
	const n = Number(v);
	if (!Number.isInteger(n)) throw new ToolInputError(`"${name}" must be a whole number.`);
	return n;
}

export interface CensusInput {
	event?: string;
	topic?: number;
	dataset?: number;
	domain?: string;
	/** Several regions side by side (each row keeps its region code and name). */
	domains?: string[];
	format?: TableFormat;
}

/** Regions one census answer may compare (one request each). */
const MAX_CENSUS_DOMAINS = 10;

export const censusTool: AiTool<CensusInput> = {
	name: 'bps_get_census',
	description:
		'Reads BPS census results (Population Census 2020, Economic Census, Agricultural Census 2023…) step by step: no input → the censuses (event ids); `event` → its topics; `event` + `topic` → its datasets; `event` + `dataset` + `domain` (a region code from bps_find_region, 0000 = Indonesia) → the data, one row per indicator, category and period, missing values empty; `domains` instead of `domain` compares up to 10 regions, each row with its region code and name.',
	inputSchema: {
		type: 'object',
		properties: {
			event: { type: 'string', description: 'Census id from the list, e.g. "sp2020".' },
			topic: { type: 'integer', description: 'Topic id of the census.' },
			dataset: { type: 'integer', description: 'Dataset id of the census.' },
			domain: { ...DOMAIN_SCHEMA, description: `${DOMAIN_SCHEMA.description} Needed with dataset.` },
			domains: {
				type: 'array',
				items: DOMAIN_SCHEMA,
				maxItems: MAX_CENSUS_DOMAINS,
				description: 'Several region codes to compare (instead of `domain`), e.g. ["3500", "3578"].',
			},
			format: FORMAT_SCHEMA,
		},
	},
	async invoke(input, deps) {
		const opts = { signal: deps.signal, lang: deps.lang };
		const event = typeof input.event === 'string' && input.event.trim() ? input.event.trim() : undefined;
		const topic = optInt('topic', input.topic);
		const dataset = optInt('dataset', input.dataset);
		const f = deps.families;
		if (!event) {
			const events = await f.listCensusEvents(opts);
			return answer(
				'BPS censuses (event — name, year). Pass `event` to see its topics:',
				events.map((e) => `- ${e.id} — ${e.name}${e.year ? `, ${e.year}` : ''}`),
			);
		}
		if (dataset === undefined) {
			if (topic === undefined) {
				const topics = await f.listCensusTopics(event, opts);
				return answer(
					`Topics of census ${event} (topic — name). Pass \`event\` and \`topic\` to see its datasets:`,
					topics.map((t) => `- ${t.id} — ${deps.lang === 'eng' && t.nameEn ? t.nameEn : t.name}`),
				);
			}
			const sets = await f.listCensusDatasets(event, topic, opts);
			return answer(
				`Datasets of census ${event}, topic ${topic} (dataset — name). Pass \`event\`, \`dataset\` and \`domain\` for the data:`,
				sets.map(
					(d) => `- ${d.id} — ${d.name}${d.description ? `: ${cell(d.description).slice(0, 160)}` : ''}`,
				),
			);
		}
		const domains = censusDomains(input);
		const areas = await f.listCensusAreas(event, opts);
		const picked = domains.map((domain) => {
			const area = areas.find((a) => a.domain === domain);
			if (!area)
				throw new ToolInputError(
					`census ${event} has no results for region ${domain}. It covers ${areas.length} areas: Indonesia (0000), provinces and regencies/cities.`,
				);
			return area;
		});
		// One request per region, together (the client's limits apply); one table of them all.
		const data = mergeCensusData(
			await Promise.all(picked.map((a) => f.getCensusData({ event, area: a.id, dataset }, opts))),
		);
		const st = censusSnippetTable(data, {
			lang: deps.lang,
			accessedAt: deps.now?.() ?? new Date(),
			sourceUrl: CENSUS_SOURCE,
		});
		return cutTable(
			st,
			formatOf(input.format),
			deps.maxChars,
			(shown, total) =>
				`Answer cut: showing ${shown} of ${total} rows. Ask for a smaller region (a regency/city domain) or another dataset.`,
		);
	},
};

/** The regions asked for: `domains` (once each, at most MAX_CENSUS_DOMAINS) or `domain` (default Indonesia). */
function censusDomains(input: CensusInput): string[] {
	if (input.domains !== undefined) {
		if (!Array.isArray(input.domains) || !input.domains.length)
			throw new ToolInputError('`domains` must be a non-empty list of region codes, e.g. ["3500", "3578"].');
		const out = [...new Set(input.domains.map((d) => checkDomain(d)))];
		if (out.length > MAX_CENSUS_DOMAINS)
			throw new ToolInputError(
				`\`domains\` takes at most ${MAX_CENSUS_DOMAINS} regions; ask again with fewer.`,
			);
		return out;
	}
	return [checkDomain(input.domain ?? '0000')];
}

function answer(title: string, lines: string[], source = CENSUS_SOURCE): string {
	return [title, ...(lines.length ? lines : ['(none)']), '', footer(source)].join('\n');
}

export interface SimdasiInput {
	domain: string;
	table?: string;
	year?: number;
	format?: TableFormat;
}

export const simdasiTool: AiTool<SimdasiInput> = {
	name: 'bps_get_simdasi',
	description:
		'Reads SIMDASI, the regional "Dalam Angka" (in figures) tables of a province or regency/city: with only `domain` → its tables (id, title, chapter, years); with `domain`, `table` and `year` → the table, one row per line item with its columns and units, missing values empty.',
	inputSchema: {
		type: 'object',
		properties: {
			domain: DOMAIN_SCHEMA,
			table: { type: 'string', description: 'Table id from the list.' },
			year: { type: 'integer', description: 'A year the table has, e.g. 2024.' },
			format: FORMAT_SCHEMA,
		},
		required: ['domain'],
	},
	async invoke(input, deps) {
		const domain = checkDomain(input.domain);
		const mfd = mfdOfDomain(domain);
		const opts = { signal: deps.signal, lang: deps.lang };
		const table = typeof input.table === 'string' && input.table.trim() ? input.table.trim() : undefined;
		const year = optInt('year', input.year);
		if (!table) {
			const tables = await deps.families.listSimdasiTables(mfd, opts);
			const lines = tables
				.slice(0, MAX_ROWS)
				.map(
					(t) =>
						`- ${t.id} — ${deps.lang === 'eng' && t.titleEn ? t.titleEn : t.title} (chapter: ${t.chapter}; years: ${t.years.join(', ')})`,
				);
			if (tables.length > MAX_ROWS) lines.push(`… and ${tables.length - MAX_ROWS} more.`);
			return answer(
				`SIMDASI tables of region ${domain} (table — title). Pass \`table\` and a \`year\` for the data:`,
				lines,
				BPS_HOME,
			);
		}
		if (year === undefined)
			throw new ToolInputError('"year" is needed with "table": one of the years the table lists.');
		const t = await deps.families.getSimdasiTable({ mfd, year, table }, opts);
		const format = formatOf(input.format);
		// Wide (one column per variable) reads best as a grid; JSON gets the long tidy rows.
		const st = simdasiSnippetTable(
			t,
			{ lang: deps.lang, accessedAt: deps.now?.() ?? new Date(), sourceUrl: BPS_HOME },
			format === 'json' ? 'long' : 'wide',
		);
		return cutTable(
			st,
			format,
			deps.maxChars,
			(shown, total) => `Answer cut: showing ${shown} of ${total} rows.`,
		);
	},
};
