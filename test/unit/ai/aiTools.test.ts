// The assistant tools (src/ai) against the BPS WebAPI emulator over HTTP: the same code the
// language-model tools and the MCP server run, checked for values, attribution and key secrecy.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BpsClient } from '../../../src/api/client';
import { ATTRIBUTION_ID } from '../../../src/api/attribution';
import { toRecords } from '../../../src/api/table';
import { detectLm } from '../../../src/ai/lmDetect';
import { mcpClientConfig, readMcpEnv } from '../../../src/ai/mcpEnv';
import type { TidyRecord } from '../../../src/ai/tidy';
import { TIDY } from '../../../src/snippets/tidy';

const TIDY_NAMES = Object.values(TIDY);
import { AI_TOOLS, runTool } from '../../../src/ai/tools';
import type { ToolDeps } from '../../../src/ai/types';
import type { Emulator } from '../../emulator/server';
import { EMULATOR_KEY, FIXTURE_IDS, startEmulator } from '../../emulator/server';

const UA = 'bps-data-browser-vscode/0.1.0 (+https://github.com/bps-data-browser; tests)';
const NO_KEY_HINT = 'Set the key with the test hint.';

let emu: Emulator;

function deps(key: string | null = EMULATOR_KEY, over: Partial<ToolDeps> = {}): ToolDeps {
	const api = new BpsClient({
		baseUrl: emu.url,
		getKey: async () => key ?? undefined,
		userAgent: UA,
		timeoutMs: 5000,
		retries: 0,
		maxRequestsPerSecond: 1000,
	});
	return {
		api,
		families: api.families,
		lang: 'ind',
		noKeyHint: NO_KEY_HINT,
		now: () => new Date('2026-01-02T03:04:05Z'),
		...over,
	};
}

async function ok(name: string, input: unknown, d = deps()): Promise<string> {
	const r = await runTool(name, input, d);
	assert.equal(r.isError, false, r.text);
	// Text answers end with the notice; JSON answers carry it in their `attribution` field.
	const last = r.text.trimEnd().endsWith('}')
		? (JSON.parse(r.text) as { attribution?: string }).attribution
		: r.text.trimEnd().split('\n').at(-1)?.replace(/^# /, '');
	assert.equal(last, ATTRIBUTION_ID, r.text.slice(-300));
	assert.ok(!r.text.includes(EMULATOR_KEY), 'the key leaked');
	return r.text;
}

async function fails(name: string, input: unknown, d = deps()): Promise<string> {
	const r = await runTool(name, input, d);
	assert.equal(r.isError, true, r.text);
	assert.ok(r.text.startsWith('Error: '), r.text);
	assert.ok(r.text.includes(ATTRIBUTION_ID), r.text);
	assert.ok(!r.text.includes(EMULATOR_KEY), 'the key leaked');
	return r.text;
}

interface JsonAnswer {
	title: string;
	unit: string;
	region: string;
	periods: string;
	rows: TidyRecord[];
	source: string;
	attribution: string;
	truncated?: string;
}

describe('AI tools (emulator)', () => {
	before(async () => {
		emu = await startEmulator();
	});
	after(async () => {
		await emu.close();
	});

	it('bps_find_region: "kota jambi" → 1571 before the province 1500', async () => {
		const text = await ok('bps_find_region', { query: 'kota jambi' });
		const first = text.split('\n').find((l) => l.startsWith('- '));
		assert.match(first ?? '', /^- 1571 — Kota Jambi \(city in Jambi\)/);
		const i1571 = text.indexOf('- 1571');
		const i1500 = text.indexOf('- 1500');
		assert.ok(i1500 < 0 || i1571 < i1500, text);
		assert.match(await ok('bps_find_region', { query: 'jatim' }), /^- 3500 — Jawa Timur \(province\)/m);
	});

	it('bps_search: finds the monthly inflation table with its id and kind', async () => {
		const text = await ok('bps_search', { query: 'inflasi bulanan', kinds: ['var'] });
		assert.match(text, /^- var 2262 — Inflasi Bulanan \(M-to-M\) 38 Provinsi/m);
		assert.ok(!/^- (statictable|publication)/m.test(text), 'kinds filter ignored');
		// English data language, Indonesian words: the other language's titles answer.
		const eng = await ok(
			'bps_search',
			{ query: 'inflasi bulanan', kinds: ['var'] },
			deps(EMULATOR_KEY, { lang: 'eng' }),
		);
		assert.match(eng, /^- var 2262 — Inflasi Bulanan/m);
		const none = await ok('bps_search', { query: 'zzzz qqqq', domain: '3500' });
		assert.match(none, /Nothing in the BPS catalogue of domain 3500/);
	});

	it('bps_get_table: tidy JSON rows with numeric years, ISO months and the values of the API', async () => {
		const d = deps();
		const text = await ok('bps_get_table', {
			domain: '0000',
			variable: FIXTURE_IDS.monthlyVar,
			years: [2024],
			vervar: [3500],
			format: 'json',
		});
		const body = JSON.parse(text) as JsonAnswer;
		assert.equal(body.attribution, ATTRIBUTION_ID);
		assert.equal(body.region, 'Indonesia');
		assert.match(body.source, /^https:\/\/[a-z.]*bps\.go\.id/);
		assert.ok(body.rows.length >= 12, `${body.rows.length} rows`);
		assert.ok(body.rows.every((r) => r.year === 2024 && r.region_code === '3500'));
		const jan = body.rows.find((r) => r.period === '2024-01');
		assert.ok(jan, JSON.stringify(body.rows.slice(0, 3)));
		assert.equal(jan.subperiod_code, '1');
		// The same cell straight from the client.
		const periods = await d.api.listPeriods('0000', FIXTURE_IDS.monthlyVar);
		const th = periods.items.find((p) => p.label === '2024');
		assert.ok(th);
		const table = await d.api.getDynamicData({
			domain: '0000',
			variable: FIXTURE_IDS.monthlyVar,
			periods: [th.id],
			vervar: [3500],
		});
		const rec = toRecords(table, { includeMissing: true }).find((r) => r.turtahun === '1');
		assert.equal(jan.value, rec?.value);
	});

	it('bps_get_table: a missing cell is null (JSON) and empty (CSV), never 0', async () => {
		let found = false;
		for (const variable of [FIXTURE_IDS.derivedVar, FIXTURE_IDS.quarterlyVar, FIXTURE_IDS.regencyVar]) {
			const text = await ok(
				'bps_get_table',
				{
					domain: '0000',
					variable,
					years: [2020, 2021, 2022],
					format: 'json',
				},
				deps(EMULATOR_KEY, { maxChars: 2_000_000 }),
			);
			const body = JSON.parse(text) as JsonAnswer;
			const missing = body.rows.find((r) => r.value === null);
			if (!missing) continue;
			found = true;
			const csv = await ok(
				'bps_get_table',
				{ domain: '0000', variable, years: [missing.year], format: 'csv' },
				deps(EMULATOR_KEY, { maxChars: 2_000_000 }),
			);
			const line = csv
				.split('\n')
				.find(
					(l) =>
						l.startsWith(`${missing.region_code},`) &&
						l.includes(`,${missing.period},`) &&
						(missing.category_code === undefined || l.includes(`,${missing.category_code},`)),
				);
			assert.ok(line?.endsWith(','), `CSV line of a missing cell: ${line}`);
			break;
		}
		assert.ok(found, 'no missing cell in the sampled tables');
	});

	it('bps_get_table: markdown with title, unit, periods, source, attribution; cut with a note when too long', async () => {
		const md = await ok('bps_get_table', {
			domain: '0000',
			variable: FIXTURE_IDS.quarterlyVar,
			years: [2023, 2024],
		});
		assert.match(md, /^## /);
		assert.match(md, /Unit: /);
		assert.match(md, /Periods: 2023-Q1 … 2024/);
		assert.match(
			md,
			// The schema of the snippets: no category pair without categories, the sub-period pair for quarters.
			/^\| region_code \| region \| year \| subperiod_code \| subperiod \| period \| value \|$/m,
		);
		assert.match(md, /Source: https:\/\/.*bps\.go\.id.*accessed 2026-01-02/);
		const cut = await ok(
			'bps_get_table',
			{ domain: '0000', variable: FIXTURE_IDS.regencyVar, years: [2022, 2023] },
			deps(EMULATOR_KEY, { maxChars: 4000 }),
		);
		assert.ok(cut.length <= 4000, `${cut.length} chars`);
		assert.match(cut, /Answer cut: showing \d+ of \d+ rows/);
		assert.match(cut, /vervar \(row codes: /);
		assert.match(cut, /years \(e\.g\. \[2023\]\)/);
	});

	it('bps_get_table: unknown years, a too-large window and bad inputs answer how to fix them', async () => {
		assert.match(
			await fails('bps_get_table', { domain: '0000', variable: FIXTURE_IDS.annualVar, years: [1990] }),
			/no data for 1990\. Available years: \d{4}/,
		);
		assert.match(
			await fails('bps_get_table', {
				domain: '0000',
				variable: FIXTURE_IDS.tooLargeVar,
				years: [2018, 2019, 2020],
			}),
			/too large.*years.*vervar/,
		);
		assert.match(await fails('bps_get_table', { domain: 'Jawa Timur', variable: 1 }), /bps_find_region/);
		assert.match(await fails('bps_get_table', { domain: '0000', variable: 'abc' }), /numeric id/);
	});

	it('bps_get_indicators: values with unit, period and the variable behind each', async () => {
		const text = await ok('bps_get_indicators', { domain: '0000' });
		assert.match(text, /^- .+: .+, period .+ — indicator \d+, variable \d+$/m);
		assert.match(await fails('bps_get_indicators', { domain: '3578' }), /province 3500/);
	});

	it('bps_get_trade: totals per HS code and period, top partners; no data and bad codes answer what to do', async () => {
		const year = await ok('bps_get_trade', { flow: 'export', hs: ['15'], years: [2023, 2024] });
		assert.match(year, /^\| 15 \| .+ \| 2023 \| \d+ \| \d+ \|$/m);
		assert.match(year, /^\| 15 \| .+ \| 2024 \| \d+ \| \d+ \|$/m);
		assert.match(year, /Top partner countries \(all periods, US\$\): [A-Z]/);
		// The totals are the sums of the client's records.
		const d = deps();
		const r = await d.families.getTrade({
			flow: 'export',
			hs: ['15'],
			hsLevel: 2,
			years: [2024],
			monthly: false,
		});
		const sum = r.records.reduce((a, x) => a + (x.valueUsd ?? 0), 0);
		assert.ok(
			year.includes(`| 2024 | ${Math.round(sum)} |`),
			`2024 total ${Math.round(sum)} not in\n${year}`,
		);
		const monthly = await ok('bps_get_trade', {
			flow: 'import',
			hs: ['15111000'],
			years: [2024],
			monthly: true,
		});
		assert.match(monthly, /\| 15111000 \| .+ \| 2024-03 \|/);
		assert.match(
			await fails('bps_get_trade', { flow: 'export', hs: ['1'], years: [2024] }),
			/2-digit chapters/,
		);
		assert.match(await fails('bps_get_trade', { flow: 'export', hs: ['15'], years: [2010] }), /from 2014 on/);
		assert.match(
			await fails('bps_get_trade', { flow: 'export', hs: ['99999999'], years: [2024] }),
			/no data/,
		);
	});

	it('bps_get_sdgs and bps_find_classification: indicators with their variable, codes with their parents', async () => {
		const sdgs = await ok('bps_get_sdgs', { goal: 1 });
		assert.match(sdgs, /^- 1\.\d\.\d\S* .+ — goal 1 .+; variable \d+$/m);
		const varId = Number(/variable (\d+)$/m.exec(sdgs)?.[1]);
		// The variable an SDG points at is a table bps_get_table can read.
		assert.match(
			await ok('bps_get_table', { domain: '0000', variable: varId, years: [2023] }),
			/\| region_code \|/,
		);
		assert.match(await fails('bps_get_sdgs', { goal: 18 }), /1 to 17/);
		const kbli = await ok('bps_find_classification', { query: 'kelapa sawit' });
		assert.match(kbli, /^- 01262 — Perkebunan Buah Kelapa Sawit \(level: .+; under A > 01 > 012 > 0126\)$/m);
		assert.match(await ok('bps_find_classification', { query: 'zzzz' }), /^Nothing in KBLI2020 matches/);
	});

	it('bps_get_census: census → topic → dataset → data for a region, one call per level', async () => {
		assert.match(await ok('bps_get_census', {}), /^- sp2020 — Sensus Penduduk 2020, 2020$/m);
		const topics = await ok('bps_get_census', { event: 'sp2020' });
		const topic = Number(/^- (\d+) — /m.exec(topics)?.[1]);
		const sets = await ok('bps_get_census', { event: 'sp2020', topic });
		const dataset = Number(/^- (\d+) — /m.exec(sets)?.[1]);
		assert.ok(topic > 0 && dataset > 0, sets);
		const d = deps();
		const data = await ok('bps_get_census', { event: 'sp2020', dataset, domain: '3578' }, d);
		// The snippets' tidy census schema: category pairs by position, the names in the header.
		assert.match(data, /\(SP2020, dataset \d+\)/);
		assert.match(
			data,
			/^\| region_code \| domain_code \| region \| indicator_code \| indicator \| category_1_code \| category_1 \|/m,
		);
		assert.match(data, /category_1: /);
		// Every value of the answer is the client's value for that row.
		const areas = await d.families.listCensusAreas('sp2020');
		const area = areas.find((a) => a.domain === '3578');
		assert.ok(area);
		const raw = await d.families.getCensusData({ event: 'sp2020', area: area.id, dataset });
		const first = raw.rows[0];
		assert.ok(data.includes(`| ${first.period} | ${first.value ?? ''} |`), data.slice(0, 600));
		assert.match(
			await fails('bps_get_census', { event: 'sp2020', dataset, domain: '9999' }),
			/no results for region 9999/,
		);

		// Several regions: one table, each row with its region code; one data request per region.
		const two = await ok(
			'bps_get_census',
			{ event: 'sp2020', dataset, domains: ['3500', '3578', '3578'] },
			d,
		);
		const regions = [...two.matchAll(/^\| (\d+) \|/gm)].map((m) => m[1]);
		const perRegion = new Map<string, number>();
		for (const r of regions) perRegion.set(r, (perRegion.get(r) ?? 0) + 1);
		assert.equal(
			perRegion.size,
			2,
			`two regions, the repeated one once: ${[...perRegion.keys()].join(', ')}`,
		);
		const counts = [...perRegion.values()];
		assert.equal(counts[0], counts[1], 'the same rows for each region');
		assert.match(await fails('bps_get_census', { event: 'sp2020', dataset, domains: [] }), /non-empty list/);
		assert.match(
			await fails('bps_get_census', { event: 'sp2020', dataset, domains: ['3500', '9999'] }),
			/no results for region 9999/,
		);
		assert.match(
			await fails('bps_get_census', {
				event: 'sp2020',
				dataset,
				domains: Array.from({ length: 11 }, (_, i) => String(3501 + i)),
			}),
			/at most 10 regions/,
		);
	});

	it("bps_get_simdasi: a region's tables, then one table with columns and units", async () => {
		const list = await ok('bps_get_simdasi', { domain: '3578' });
		const m = /^- (\S+) — .+; years: (\d{4})/m.exec(list);
		assert.ok(m, list);
		const table = await ok('bps_get_simdasi', { domain: '3578', table: m[1], year: Number(m[2]) });
		assert.match(table, /^\| region_code \| region \| .+\(.+\) \|/m);
		assert.match(table, /^\| .+ \| [\d.]* \|/m);
		assert.match(await fails('bps_get_simdasi', { domain: '3578', table: m[1] }), /"year" is needed/);
	});

	it('no key → how to set one; bad key → rejected; the key never appears', async () => {
		for (const t of AI_TOOLS) {
			const input = {
				query: 'inflasi',
				domain: '0000',
				variable: FIXTURE_IDS.monthlyVar,
				flow: 'export',
				hs: ['15'],
				years: [2024],
			};
			const noKey = await fails(t.name, input, deps(null));
			assert.ok(noKey.includes('no BPS API key is set') && noKey.includes(NO_KEY_HINT), noKey);
		}
		const wrong = 'wrong-key-for-the-emulator';
		const bad = await fails(
			'bps_get_table',
			{ domain: '0000', variable: FIXTURE_IDS.monthlyVar },
			deps(wrong),
		);
		assert.match(bad, /rejected the API key/);
		assert.ok(!bad.includes(wrong));
	});

	it('the manifest declares every tool with the same description and schema', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
			contributes: {
				languageModelTools: Array<{
					name: string;
					modelDescription: string;
					inputSchema: unknown;
					toolReferenceName?: string;
					userDescription?: string;
					displayName?: string;
				}>;
			};
		};
		const declared = pkg.contributes.languageModelTools;
		assert.deepEqual(
			declared.map((t) => t.name),
			AI_TOOLS.map((t) => t.name),
		);
		for (const t of AI_TOOLS) {
			const m = declared.find((x) => x.name === t.name);
			assert.equal(m?.modelDescription, t.description);
			assert.deepEqual(m?.inputSchema, t.inputSchema);
			assert.ok(m?.toolReferenceName && m.userDescription && m.displayName);
		}
	});
});

describe('AI tools: pure parts', () => {
	it("bps_get_table rows use the snippets' tidy schema (one schema everywhere)", () => {
		assert.deepEqual(TIDY_NAMES, [
			'region_code',
			'region',
			'category_code',
			'category',
			'year',
			'subperiod_code',
			'subperiod',
			'period',
			'value',
		]);
	});

	it('feature detection: an older VS Code (no lm tools, no MCP providers) gets neither', () => {
		const none = detectLm({ version: '1.90.0' });
		assert.equal(none.registerTool, undefined);
		assert.equal(none.registerMcpProvider, undefined);
		// 1.95–1.100: tools without MCP providers.
		class Result {
			constructor(readonly content: unknown[]) {}
		}
		class Text {
			constructor(readonly value: string) {}
		}
		const registered: string[] = [];
		const toolsOnly = detectLm({
			lm: { registerTool: (name: string) => void registered.push(name) },
			LanguageModelToolResult: Result,
			LanguageModelTextPart: Text,
		});
		assert.equal(typeof toolsOnly.registerTool, 'function');
		assert.equal(toolsOnly.registerMcpProvider, undefined);
		toolsOnly.registerTool?.('bps_search', { invoke: async () => ({ content: [] }) });
		assert.deepEqual(registered, ['bps_search']);
		assert.deepEqual(toolsOnly.textResult?.('hi'), new Result([new Text('hi')]));
		// A registerTool without the result classes is not enough.
		assert.equal(detectLm({ lm: { registerTool: () => undefined } }).registerTool, undefined);
	});

	it('MCP environment: unexpanded placeholders are no key; the client config never holds a key', () => {
		assert.equal(readMcpEnv({ BPS_API_KEY: '${env:BPS_API_KEY}' }).key, undefined);
		assert.equal(readMcpEnv({ BPS_API_KEY: ' abc ' }).key, 'abc');
		const s = readMcpEnv({ BPS_MAX_REQUESTS_PER_SECOND: '500', BPS_MAX_CONCURRENT_REQUESTS: 'x' });
		assert.equal(s.maxRequestsPerSecond, 50);
		assert.equal(s.maxConcurrent, 4);
		const cfg = JSON.parse(
			mcpClientConfig('/ext/dist/mcp/server.js', { baseUrl: 'http://127.0.0.1:9/v1/api/', lang: 'ind' }),
		) as {
			mcpServers: { bps: { command: string; args: string[]; env: Record<string, string> } };
		};
		assert.equal(cfg.mcpServers.bps.command, 'node');
		assert.deepEqual(cfg.mcpServers.bps.args, ['/ext/dist/mcp/server.js']);
		assert.equal(cfg.mcpServers.bps.env.BPS_API_KEY, '${env:BPS_API_KEY}');
		assert.equal(cfg.mcpServers.bps.env.BPS_API_BASE_URL, 'http://127.0.0.1:9/v1/api/');
	});
});
