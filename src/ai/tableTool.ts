/**
 * `bps_get_table`: a dynamic table's data in the tidy schema (see tidy.ts), rendered compactly
 * with its title, unit, region, periods, source and the attribution line. Years are asked for by
 * their numbers and mapped to the API's period ids here; unknown years get a list of the known ones.
 */
import { BPS_HOME } from '../api/attribution';
import { isBpsError } from '../api/errors';
import { regionDisplayName } from '../catalogue/regions';
import { sortPeriods } from '../catalogue/periods';
import { checkDomain, DOMAIN_SCHEMA, regionOf } from './common';
import { DEFAULT_MAX_CHARS, renderTable, type TableFormat } from './render';
import { periodRange, tidyTable, type TidyRecord } from './tidy';
import { ToolInputError, type AiTool } from './types';

export interface GetTableInput {
	domain: string;
	variable: number;
	years?: number[];
	turvar?: number[];
	vervar?: number[];
	format?: TableFormat;
}

/** Years asked for when none are given: enough for a trend, small enough for a model. */
export const DEFAULT_YEARS = 3;
const FORMATS: readonly TableFormat[] = ['markdown', 'csv', 'json'];

/** A list of whole numbers (numbers or numeric strings), or a ToolInputError naming the input. */
function intList(name: string, v: unknown): number[] | undefined {
	if (v === undefined || v === null) return undefined;
	const list = Array.isArray(v) ? v : [v];
	const out = list.map((x) => (typeof x === 'string' && x.trim() ? Number(x) : x));
	if (!out.every((x): x is number => typeof x === 'number' && Number.isInteger(x))) {
		throw new ToolInputError(`"${name}" must be a list of whole numbers, e.g. [2023, 2024].`);
	}
	return out.length ? out : undefined;
}

function checkVariable(v: unknown): number {
	const n = typeof v === 'string' && v.trim() ? Number(v) : v;
	if (typeof n === 'number' && Number.isInteger(n) && n > 0) return n;
	throw new ToolInputError(
		'"variable" must be the numeric id of a dynamic table (a `var` result of bps_search), e.g. 2262.',
	);
}

/** "2010–2024" for a run of consecutive years, else the years joined. */
function yearsText(years: number[]): string {
	if (!years.length) return 'none';
	const consecutive = years.every((y, i) => i === 0 || y === years[i - 1] + 1);
	return consecutive && years.length > 2 ? `${years[0]}–${years[years.length - 1]}` : years.join(', ');
}

export const getTableTool: AiTool<GetTableInput> = {
	name: 'bps_get_table',
	description:
		"Gets the data of one BPS dynamic table (a `var` from bps_search, or an indicator's variable) for one region, as tidy rows: region_code, region, [category_code, category — tables with categories only], year, [subperiod_code, subperiod — monthly/quarterly tables only], period (ISO: 2024, 2024-03, 2024-Q1, 2024-S1), value (empty/null = missing, never 0). The answer names the title, unit, periods and source. Ask only for what the question needs: `years` (default: the latest 3), `vervar` to keep only some rows (their region_code, e.g. one province in a national table), `turvar` to keep one category. Too large answers are cut with a note saying how to narrow.",
	inputSchema: {
		type: 'object',
		properties: {
			domain: DOMAIN_SCHEMA,
			variable: { type: 'integer', description: 'The table id (var_id), e.g. 2262.' },
			years: {
				type: 'array',
				items: { type: 'integer' },
				description: 'Calendar years, e.g. [2024] or [2020, 2021, 2022]. Default: the latest 3 years.',
			},
			turvar: {
				type: 'array',
				items: { type: 'integer' },
				description: 'Keep only these categories (category_code values), e.g. [812] for one sex.',
			},
			vervar: {
				type: 'array',
				items: { type: 'integer' },
				description:
					'Keep only these rows (region_code values), e.g. [3500] for Jawa Timur in a national table.',
			},
			format: {
				type: 'string',
				enum: [...FORMATS],
				description: 'markdown (default, for reading), csv or json (for code).',
			},
		},
		required: ['domain', 'variable'],
	},
	async invoke(input, deps) {
		const domain = checkDomain(input.domain);
		const variable = checkVariable(input.variable);
		const years = intList('years', input.years);
		const turvar = intList('turvar', input.turvar);
		const vervar = intList('vervar', input.vervar);
		const format = input.format ?? 'markdown';
		if (!FORMATS.includes(format)) throw new ToolInputError(`"format" must be one of ${FORMATS.join(', ')}.`);

		const opts = { signal: deps.signal, lang: deps.lang };
		const [periodsPage, region] = await Promise.all([
			deps.api.listPeriods(domain, variable, opts).catch((e: unknown) => {
				if (isBpsError(e, 'noData'))
					throw new ToolInputError(
						`BPS has no periods for variable ${variable} in domain ${domain}: the table does not exist there. Find the right id with bps_search for this domain.`,
					);
				throw e;
			}),
			regionOf(deps, domain),
		]);
		const periods = sortPeriods(periodsPage.items);
		const known = periods.map((p) => Number.parseInt(p.label, 10)).filter(Number.isFinite);
		let chosen = periods.slice(-DEFAULT_YEARS);
		if (years) {
			chosen = periods.filter((p) => years.includes(Number.parseInt(p.label, 10)));
			const missing = years.filter((y) => !known.includes(y));
			if (!chosen.length || missing.length === years.length) {
				throw new ToolInputError(
					`variable ${variable} in domain ${domain} has no data for ${yearsText(missing)}. Available years: ${yearsText(known)}.`,
				);
			}
		}
		const table = await deps.api.getDynamicData(
			{ domain, variable, periods: chosen.map((p) => p.id), turvar, vervar },
			opts,
		);
		const tidy = tidyTable(table);
		const rows = tidy.rows;
		const regionName = region ? regionDisplayName(region) : domain;
		const meta = {
			title: table.variable.title,
			unit: table.variable.unit,
			domain,
			region: regionName,
			variable,
			periods: periodRange(rows),
			sourceUrl: region?.url || BPS_HOME,
			accessed: (deps.now?.() ?? new Date()).toISOString().slice(0, 10),
		};
		const maxChars = deps.maxChars ?? DEFAULT_MAX_CHARS;
		return renderTable(meta, tidy, format, maxChars, (shown, total) => narrowHint(rows, shown, total)).text;
	},
};

/** The note on a cut answer: which inputs narrow it, with codes the model can paste. */
function narrowHint(rows: readonly TidyRecord[], shown: number, total: number): string {
	const regions = new Map<string, string>();
	const categories = new Map<string, string>();
	const years = new Set<number>();
	for (const r of rows) {
		regions.set(String(r.region_code), String(r.region ?? ''));
		if (r.category_code !== undefined && r.category_code !== null)
			categories.set(String(r.category_code), String(r.category ?? ''));
		if (typeof r.year === 'number') years.add(r.year);
	}
	const list = (m: Map<string, string>, max: number) =>
		[...m]
			.slice(0, max)
			.map(([c, l]) => `${c} ${l}`)
			.join('; ') + (m.size > max ? `; … (${m.size - max} more)` : '');
	const parts = [
		`Answer cut: showing ${shown} of ${total} rows. Call bps_get_table again, narrower:`,
		years.size > 1 ? `years (e.g. [${Math.max(...years)}])` : '',
		regions.size > 1 ? `vervar (row codes: ${list(regions, 40)})` : '',
		categories.size > 1 ? `turvar (category codes: ${list(categories, 10)})` : '',
	];
	return parts.filter(Boolean).join(' ');
}
