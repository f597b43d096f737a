/**
 * Assistant tools over the newer BPS data families (foreign trade, SDGs, classifications), on
 * `BpsClient.families`. Same contract as tools.ts: text answers ending with the attribution.
 */
import { BPS_HOME } from '../api/attribution';
import { CLASSIFICATION_MODELS, type ClassificationModel, type TradeRecord } from '../api/families/types';
import { checkQuery, footer } from './common';
import { ToolInputError, type AiTool } from './types';

const TRADE_SOURCE = 'https://www.bps.go.id/id/exim';

export interface TradeInput {
	flow: 'export' | 'import';
	hs: string[];
	years: number[];
	monthly?: boolean;
}

/** The HS codes as text, all 2-digit or all 8-digit. */
function checkHs(hs: unknown): { codes: string[]; level: 2 | 8 } {
	const list = (Array.isArray(hs) ? hs : [hs]).map((c) => String(c ?? '').trim()).filter(Boolean);
	const level = list[0]?.length === 8 ? 8 : 2;
	if (!list.length || !list.every((c) => new RegExp(`^\\d{${level}}$`).test(c))) {
		throw new ToolInputError(
			'"hs" must be HS codes of one level: 2-digit chapters (e.g. ["15"] animal/vegetable fats, ["27"] mineral fuels) or 8-digit codes (e.g. ["15111000"] crude palm oil).',
		);
	}
	return { codes: list, level };
}

function fmt(n: number | null): string {
	return n === null ? '' : String(Math.round(n));
}

export const tradeTool: AiTool<TradeInput> = {
	name: 'bps_get_trade',
	description:
		'Gets Indonesia\'s foreign trade (exports FOB or imports CIF, in US dollars, and net weight in kg) for HS codes and years (2014 on), from BPS. Answers the totals per HS code and year (or month with monthly: true) and the top partner countries. Use 2-digit HS chapters for broad goods ("27" mineral fuels, "15" fats and oils incl. palm oil) or 8-digit codes for one product.',
	inputSchema: {
		type: 'object',
		properties: {
			flow: { type: 'string', enum: ['export', 'import'], description: 'export or import.' },
			hs: {
				type: 'array',
				items: { type: 'string' },
				description: 'HS codes, all 2-digit or all 8-digit, e.g. ["15"] or ["15111000"].',
			},
			years: {
				type: 'array',
				items: { type: 'integer' },
				description: 'Years from 2014 on, e.g. [2023, 2024].',
			},
			monthly: { type: 'boolean', description: 'Totals per month instead of per year. Default false.' },
		},
		required: ['flow', 'hs', 'years'],
	},
	async invoke(input, deps) {
		if (input.flow !== 'export' && input.flow !== 'import')
			throw new ToolInputError('"flow" must be "export" or "import".');
		const { codes, level } = checkHs(input.hs);
		const years = (Array.isArray(input.years) ? input.years : [input.years]).map(Number);
		if (!years.length || !years.every((y) => Number.isInteger(y) && y >= 2014))
			throw new ToolInputError('"years" must be whole years from 2014 on, e.g. [2023, 2024].');
		const r = await deps.families.getTrade(
			{ flow: input.flow, hs: codes, hsLevel: level, years, monthly: input.monthly === true },
			{ signal: deps.signal, lang: deps.lang },
		);
		const valueWord = input.flow === 'export' ? 'FOB' : 'CIF';
		const totals = new Map<
			string,
			{ hs: string; label: string; period: string; usd: number; kg: number; n: number }
		>();
		const partners = new Map<string, number>();
		for (const rec of r.records) {
			const period = periodOf(rec);
			const k = `${rec.hsCode}|${period}`;
			const t = totals.get(k) ?? { hs: rec.hsCode, label: rec.hsLabel, period, usd: 0, kg: 0, n: 0 };
			t.usd += rec.valueUsd ?? 0;
			t.kg += rec.netWeightKg ?? 0;
			t.n += rec.valueUsd === null ? 0 : 1;
			totals.set(k, t);
			const country = rec.country ?? 'unknown';
			partners.set(country, (partners.get(country) ?? 0) + (rec.valueUsd ?? 0));
		}
		const lines = [
			`## Indonesia ${input.flow}s by HS code (${valueWord} value in US$, net weight in kg)`,
			'',
			'| hs_code | hs_label | period | value_usd | net_weight_kg |',
			'|---|---|---|---|---|',
			...[...totals.values()]
				.sort((a, b) => a.hs.localeCompare(b.hs) || a.period.localeCompare(b.period))
				.map(
					(t) =>
						`| ${t.hs} | ${t.label.replace(/\|/g, '/')} | ${t.period} | ${t.n ? fmt(t.usd) : ''} | ${fmt(t.kg)} |`,
				),
			'',
			`Top partner countries (all periods, US$): ${[...partners]
				.sort((a, b) => b[1] - a[1])
				.slice(0, 10)
				.map(([c, v]) => `${c} ${fmt(v)}`)
				.join('; ')}`,
		];
		if (r.emptyYears.length) lines.push(`BPS has no data for ${r.emptyYears.join(', ')}.`);
		lines.push('', footer(TRADE_SOURCE));
		return lines.join('\n');
	},
};

function periodOf(rec: TradeRecord): string {
	return rec.month ? `${rec.year}-${String(rec.month).padStart(2, '0')}` : String(rec.year);
}

export const sdgsTool: AiTool<{ goal?: number }> = {
	name: 'bps_get_sdgs',
	description:
		"Lists BPS's Sustainable Development Goals (SDG) indicators for Indonesia, of one goal (1–17) or all, each with its number, unit and the variable id of the national table holding its data. Then call bps_get_table with domain 0000 and that variable.",
	inputSchema: {
		type: 'object',
		properties: {
			goal: { type: 'integer', description: 'The SDG goal, 1–17 (e.g. 1 No Poverty). Default: all.' },
		},
	},
	async invoke(input, deps) {
		const goal = input.goal === undefined || input.goal === null ? undefined : Number(input.goal);
		if (goal !== undefined && !(Number.isInteger(goal) && goal >= 1 && goal <= 17))
			throw new ToolInputError('"goal" must be a whole number from 1 to 17.');
		const list = await deps.families.listSdgs({ goal, signal: deps.signal, lang: deps.lang });
		if (!list.items.length)
			return `BPS lists no SDG indicators${goal ? ` for goal ${goal}` : ''}.\n\n${footer(BPS_HOME)}`;
		const lines = list.items.map(
			(i) =>
				`- ${i.rawNumber} ${i.title}${i.unit ? ` (${i.unit})` : ''} — goal ${i.goal} ${i.goalName}; variable ${i.varId}`,
		);
		return [
			`BPS SDG indicators${goal ? ` for goal ${goal}` : ''} (number title — variable):`,
			...lines,
			'',
			'A star (*) marks a national proxy indicator. For the data call bps_get_table with domain 0000 and the variable.',
			'',
			footer(BPS_HOME),
		].join('\n');
	},
};

export const classificationTool: AiTool<{ query: string; model?: ClassificationModel }> = {
	name: 'bps_find_classification',
	description:
		'Finds codes in the BPS statistical classifications: KBLI (Indonesian standard industrial classification, editions 2009–2025) and KBKI 2015 (products), by words or code. Answers each code with its title, level and parents. Use it when a question names an industry or a product and needs its official code.',
	inputSchema: {
		type: 'object',
		properties: {
			query: { type: 'string', description: 'Words or a code, e.g. "kelapa sawit" or "01262".' },
			model: {
				type: 'string',
				enum: [...CLASSIFICATION_MODELS],
				description: 'The classification and edition. Default kbli2020.',
			},
		},
		required: ['query'],
	},
	async invoke(input, deps) {
		const query = checkQuery(input.query);
		const model = input.model ?? 'kbli2020';
		if (!(CLASSIFICATION_MODELS as readonly string[]).includes(model))
			throw new ToolInputError(`"model" must be one of ${CLASSIFICATION_MODELS.join(', ')}.`);
		const list = await deps.families.listClassification(model, {
			keyword: query,
			page: 1,
			signal: deps.signal,
			lang: deps.lang,
		});
		if (!list.items.length)
			return `Nothing in ${model.toUpperCase()} matches "${query}". Try fewer or Indonesian words.\n\n${footer(BPS_HOME)}`;
		const lines = list.items.slice(0, 20).map((e) => {
			const parents = e.parents.map((p) => p.code).join(' > ');
			return `- ${e.code} — ${e.title} (level: ${e.level}${parents ? `; under ${parents}` : ''})`;
		});
		return [
			`${model.toUpperCase()} codes matching "${query}" (code — title):`,
			...lines,
			'',
			footer(list.items[0].url || BPS_HOME),
		].join('\n');
	},
};
