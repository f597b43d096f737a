/**
 * The assistant tools: one implementation behind both the VS Code language-model tools and the
 * MCP server. Names and inputs are a public contract (package.json `languageModelTools` repeats
 * the schemas; a unit test keeps them equal). Every answer ends with the BPS attribution line.
 */
import { BPS_HOME } from '../api/attribution';
import type { ItemKind } from '../catalogue/itemRef';
import { classifyDomain, matchRegions, prepareRegions, regionDisplayName } from '../catalogue/regions';
import { errorText } from './errors';
import { type CatalogueHit, searchCatalogue, SEARCH_TOOL_KINDS } from './search';
import { censusTool, simdasiTool } from './censusTools';
import { classificationTool, sdgsTool, tradeTool } from './familyTools';
import { getTableTool } from './tableTool';
import { allDomains, ToolInputError, type AiTool, type ToolDeps } from './types';
import { checkDomain, checkQuery, DOMAIN_SCHEMA, footer, regionOf } from './common';

const LEVEL_WORD = { national: 'country', province: 'province', regency: 'regency', city: 'city' } as const;

export const findRegionTool: AiTool<{ query: string }> = {
	name: 'bps_find_region',
	description:
		'Finds BPS regions (domains) by name, abbreviation or code and returns their 4-digit domain codes, best match first. Use it first whenever the user names a place ("Jawa Timur", "jatim", "kota jambi", "Surabaya"), then pass the code as `domain` to the other BPS tools. "kota X" means the city, "kab X" the regency.',
	inputSchema: {
		type: 'object',
		properties: {
			query: {
				type: 'string',
				description: 'Region name, abbreviation or code, e.g. "kota jambi", "jatim", "3578".',
			},
		},
		required: ['query'],
	},
	async invoke(input, deps) {
		const query = checkQuery(input.query);
		const entries = prepareRegions(await allDomains(deps));
		const hits = matchRegions(entries, query, { limit: 10 });
		if (!hits.length) {
			return `No BPS region matches "${query}". Try the plain name without "provinsi"/"kabupaten", or an abbreviation such as "jatim".\n\n${footer(BPS_HOME)}`;
		}
		const lines = hits.map(({ entry }) => {
			const where = entry.provinceName ? ` in ${entry.provinceName}` : '';
			return `- ${entry.domain.id} — ${entry.display} (${LEVEL_WORD[entry.type]}${where})`;
		});
		return [
			`BPS regions matching "${query}", best first (code — name):`,
			...lines,
			'',
			'Pass the code as `domain` to bps_search, bps_get_table or bps_get_indicators.',
			'',
			footer(BPS_HOME),
		].join('\n');
	},
};

const KIND_WORD: Record<ItemKind, string> = {
	var: 'table (var)',
	statictable: 'static table',
	publication: 'publication',
	pressrelease: 'press release',
	indicator: 'indicator',
	trade: 'foreign trade query',
	classification: 'classification code',
	glossary: 'glossary concept',
	infographic: 'infographic',
	news: 'news item',
	census: 'census dataset',
	simdasi: 'SIMDASI table',
};

/** What to call next for a result of each kind (only the kinds found are explained). */
const NEXT_STEP: Partial<Record<ItemKind, string>> = {
	var: 'var: bps_get_table with `domain` and `variable` = its id.',
	indicator: 'indicator: bps_get_table with `domain` and `variable` = its variable.',
	census: 'census: bps_get_census with `event`, `dataset` = its id and `domain` (0000 = Indonesia).',
	simdasi: 'simdasi: bps_get_simdasi with the same `domain`, `table` = its id and a `year` it has.',
	trade: 'trade: bps_get_trade with its `flow` and `hs`, and `years` (2014 on).',
	classification: 'classification: bps_find_classification with its code for the parent and children.',
};

/** "- census 12 — Jumlah Penduduk … (event: sp2020; …)", and a glossary definition below its concept. */
function hitLine(h: CatalogueHit): string {
	const extra = [
		h.event && `event: ${h.event}`,
		h.trade && `flow: ${h.trade.flow}; hs: ${h.trade.hs.join(', ')} (${h.trade.hsLevel}-digit)`,
		h.unit && `unit: ${h.unit}`,
		h.subject && `${h.kind === 'census' || h.kind === 'simdasi' ? '' : 'subject: '}${h.subject}`,
		h.varId && `variable: ${h.varId}`,
	]
		.filter(Boolean)
		.join('; ');
	const line = `- ${h.kind} ${h.id} — ${h.title}${extra ? ` (${extra})` : ''}`;
	return h.text ? `${line}\n  ${h.text}` : line;
}

export const searchTool: AiTool<{ query: string; domain?: string; kinds?: ItemKind[] }> = {
	name: 'bps_search',
	description:
		'Searches everything BPS publishes for one region whose titles match the query (Indonesian words match best: "inflasi", "penduduk", "kemiskinan"): statistical tables with data (var), static tables, publications, press releases, strategic indicators, infographics, news, census datasets, SIMDASI regional tables, foreign trade by HS code or goods ("09", "kopi", "coffee"), KBLI/KBKI classification codes and glossary concepts (with their definitions). Returns each item\'s kind and id, and which tool gives its data.',
	inputSchema: {
		type: 'object',
		properties: {
			query: {
				type: 'string',
				description:
					'Words of the title, an HS code or a classification code, e.g. "inflasi bulanan", "jumlah penduduk", "09".',
			},
			domain: { ...DOMAIN_SCHEMA, description: `${DOMAIN_SCHEMA.description} Default 0000.` },
			kinds: {
				type: 'array',
				items: { type: 'string', enum: [...SEARCH_TOOL_KINDS] },
				description:
					'Only these kinds: var (dynamic table with data), statictable, publication, pressrelease, indicator, classification (KBLI/KBKI code), glossary (concept), infographic, news, census (dataset), simdasi (regional table), trade (exports/imports by HS code). Default all.',
			},
		},
		required: ['query'],
	},
	async invoke(input, deps) {
		const query = checkQuery(input.query);
		const domain = input.domain === undefined || input.domain === '' ? '0000' : checkDomain(input.domain);
		const kinds = (input.kinds ?? []).filter((k) => (SEARCH_TOOL_KINDS as readonly string[]).includes(k));
		if (input.kinds?.length && !kinds.length) {
			throw new ToolInputError(`"kinds" may contain only: ${SEARCH_TOOL_KINDS.join(', ')}.`);
		}
		const hits = await searchCatalogue(deps, { query, domain, kinds, limit: 20 });
		const region = await regionOf(deps, domain);
		const source = region?.url || BPS_HOME;
		if (!hits.length) {
			return `Nothing in the BPS catalogue of domain ${domain} matches "${query}". Try a shorter or Indonesian word ("inflasi", "penduduk"), another kind, or the national domain 0000.\n\n${footer(source)}`;
		}
		const found = [...new Set(hits.map((h) => h.kind))];
		const next = found.flatMap((k) => NEXT_STEP[k] ?? []);
		return [
			`BPS catalogue results for "${query}" in domain ${domain}${region ? ` (${regionDisplayName(region)})` : ''} (kind id — title):`,
			...hits.map(hitLine),
			'',
			...(next.length ? ['For data call:', ...next.map((n) => `- ${n}`), ''] : []),
			`Kinds: ${found.map((k) => `${k} = ${KIND_WORD[k]}`).join(', ')}.`,
			'',
			footer(source),
		].join('\n');
	},
};

export const indicatorsTool: AiTool<{ domain: string }> = {
	name: 'bps_get_indicators',
	description:
		'Lists BPS strategic indicators of Indonesia (domain 0000) or of a province (PP00): headline figures such as inflation, economic growth, unemployment, poverty, each with its latest value, unit, period and the variable id of the table behind it. Use it for "what is the latest …" questions; use bps_get_table with the indicator\'s variable for a series.',
	inputSchema: {
		type: 'object',
		properties: { domain: DOMAIN_SCHEMA },
		required: ['domain'],
	},
	async invoke(input, deps) {
		const domain = checkDomain(input.domain);
		if (classifyDomain(domain).level === 'regency') {
			throw new ToolInputError(
				`BPS publishes strategic indicators only for Indonesia (0000) and provinces (PP00), not for regency/city ${domain}. Try the province ${domain.slice(0, 2)}00.`,
			);
		}
		const [list, region] = await Promise.all([
			deps.api.listIndicators(domain, { signal: deps.signal, lang: deps.lang }),
			regionOf(deps, domain),
		]);
		const source = region?.url || BPS_HOME;
		if (!list.items.length)
			return `BPS lists no strategic indicators for domain ${domain}.\n\n${footer(source)}`;
		const lines = list.items.map((i) => {
			const value = i.value === null ? 'no value' : `${i.value}${i.unit ? ` ${i.unit}` : ''}`;
			return `- ${i.title}${i.name && i.name !== i.title ? ` (${i.name})` : ''}: ${value}, period ${i.period || '-'} — indicator ${i.indicatorId}, variable ${i.varId}`;
		});
		return [
			`BPS strategic indicators for ${region ? regionDisplayName(region) : domain} (domain ${domain}):`,
			...lines,
			'',
			'For the series behind an indicator, call bps_get_table with this domain and its variable.',
			'',
			footer(source),
		].join('\n');
	},
};

/** Every tool, in the order the adapters publish them. */
export const AI_TOOLS: ReadonlyArray<AiTool<never>> = [
	findRegionTool,
	searchTool,
	getTableTool,
	indicatorsTool,
	tradeTool,
	sdgsTool,
	classificationTool,
	censusTool,
	simdasiTool,
];

/**
 * Runs a tool by name and always answers in text: failures become actionable error text (see
 * errors.ts). Callers redact the key from the text once more before it leaves the host.
 */
export async function runTool(
	name: string,
	input: unknown,
	deps: ToolDeps,
): Promise<{ text: string; isError: boolean }> {
	const tool = AI_TOOLS.find((t) => t.name === name) as AiTool<unknown> | undefined;
	if (!tool)
		return {
			text: errorText(new ToolInputError(`there is no BPS tool named ${name}.`), deps),
			isError: true,
		};
	try {
		return { text: await tool.invoke(input ?? {}, deps), isError: false };
	} catch (e) {
		return { text: errorText(e, deps), isError: true };
	}
}
