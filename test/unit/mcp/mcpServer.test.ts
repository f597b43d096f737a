// The bundled MCP server (dist/mcp/server.js, built by `node esbuild.mjs`) spawned with Node and
// driven over stdio by the official SDK client, against the BPS WebAPI emulator.
import * as assert from 'node:assert/strict';
import { promises as fs, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ATTRIBUTION_ID } from '../../../src/api/attribution';
import { AI_TOOLS } from '../../../src/ai/tools';
import type { Emulator } from '../../emulator/server';
import { EMULATOR_KEY, FIXTURE_IDS, startEmulator } from '../../emulator/server';

const SERVER = path.join(__dirname, '../../../dist/mcp/server.js');

let emu: Emulator;
let cacheDir: string;

interface Session {
	client: Client;
	stderr: string[];
	close(): Promise<void>;
}

async function connect(key: string | undefined): Promise<Session> {
	const env: Record<string, string> = {
		PATH: process.env.PATH ?? '',
		BPS_API_BASE_URL: emu.url,
		BPS_CACHE_DIR: cacheDir,
		BPS_MAX_REQUESTS_PER_SECOND: '50',
	};
	if (key !== undefined) env.BPS_API_KEY = key;
	const transport = new StdioClientTransport({
		command: process.execPath,
		args: [SERVER],
		env,
		stderr: 'pipe',
	});
	const stderr: string[] = [];
	transport.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
	const client = new Client({ name: 'bps-tests', version: '1.0.0' });
	await client.connect(transport);
	return { client, stderr, close: () => client.close() };
}

async function call(
	s: Session,
	name: string,
	args: Record<string, unknown>,
): Promise<{ text: string; isError: boolean }> {
	const r = (await s.client.callTool({ name, arguments: args })) as {
		content: Array<{ type: string; text?: string }>;
		isError?: boolean;
	};
	const text = r.content.map((c) => c.text ?? '').join('\n');
	return { text, isError: r.isError === true };
}

describe('MCP server over stdio (emulator)', function () {
	this.timeout(30_000);
	let s: Session;

	before(async function () {
		if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`node esbuild.mjs\` first`);
		emu = await startEmulator();
		cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bps-mcp-'));
		s = await connect(EMULATOR_KEY);
	});
	after(async () => {
		await s?.close();
		await emu?.close();
		if (cacheDir) await fs.rm(cacheDir, { recursive: true, force: true });
	});

	it('lists every tool with descriptions and input schemas', async () => {
		const { tools } = await s.client.listTools();
		assert.deepEqual(tools.map((t) => t.name).sort(), AI_TOOLS.map((t) => t.name).sort());
		const table = tools.find((t) => t.name === 'bps_get_table');
		assert.ok(table?.description?.includes('tidy'));
		assert.deepEqual([...(table?.inputSchema.required ?? [])].sort(), ['domain', 'variable']);
		assert.ok(table?.inputSchema.properties?.years);
	});

	it('answers each tool with values, the source and the attribution; the key never appears', async () => {
		const region = await call(s, 'bps_find_region', { query: 'kota jambi' });
		assert.match(region.text, /^- 1571 — Kota Jambi/m);
		const search = await call(s, 'bps_search', { query: 'inflasi bulanan', kinds: ['var'] });
		assert.match(search.text, /^- var 2262 — /m);
		// Every kind the search box reaches: trade by goods, codes, concepts, census, SIMDASI.
		const every = await call(s, 'bps_search', {
			query: 'padi',
			domain: '3500',
			kinds: ['trade', 'classification', 'glossary', 'census', 'simdasi'],
		});
		assert.match(every.text, /^- classification kbli_2020_0112 — /m);
		assert.match(every.text, /^- simdasi \S+ — Luas Panen dan Produksi Padi/m);
		const tradeHit = await call(s, 'bps_search', { query: '09', kinds: ['trade'] });
		assert.match(tradeHit.text, /^- trade export\/hs2\/09\/annual — /m);
		assert.ok(tradeHit.text.trimEnd().endsWith(ATTRIBUTION_ID), 'the attribution ends the answer');
		const table = await call(s, 'bps_get_table', {
			domain: '0000',
			variable: FIXTURE_IDS.monthlyVar,
			years: [2024],
			vervar: [3500],
			format: 'json',
		});
		const body = JSON.parse(table.text) as {
			rows: Array<{ period: string; year: number; value: number | null }>;
			attribution: string;
			source: string;
		};
		assert.equal(body.attribution, ATTRIBUTION_ID);
		assert.ok(
			body.rows.some((r) => r.period === '2024-03' && r.year === 2024 && typeof r.value === 'number'),
		);
		const indicators = await call(s, 'bps_get_indicators', { domain: '0000' });
		assert.match(indicators.text, /variable \d+$/m);
		const trade = await call(s, 'bps_get_trade', { flow: 'export', hs: ['27'], years: [2024] });
		assert.match(trade.text, /^\| 27 \| .+ \| 2024 \| \d+ \|/m);
		const sdgs = await call(s, 'bps_get_sdgs', { goal: 1 });
		assert.match(sdgs.text, /variable \d+$/m);
		const kbli = await call(s, 'bps_find_classification', { query: 'kelapa sawit' });
		assert.match(kbli.text, /^- 01262 — /m);
		const census = await call(s, 'bps_get_census', { event: 'sp2020' });
		assert.match(census.text, /^- \d+ — /m);
		const simdasi = await call(s, 'bps_get_simdasi', { domain: '3578' });
		assert.match(simdasi.text, /; years: \d{4}/);
		for (const r of [region, search, table, indicators, trade, sdgs, kbli, census, simdasi]) {
			assert.equal(r.isError, false, r.text);
			assert.ok(r.text.includes(ATTRIBUTION_ID));
			assert.ok(!r.text.includes(EMULATOR_KEY));
		}
		// Requests went to the emulator with the key (the log keeps only whether one was sent).
		assert.ok(emu.requests.length > 0 && emu.requests.every((q) => q.keyPresent));
	});

	it('keeps its cache in the given folder, one file per answer (shared safely with the extension)', async () => {
		await s.close();
		s = await connect(EMULATOR_KEY);
		const entries = await fs.readdir(path.join(cacheDir, 'bps-response-cache'));
		assert.ok(entries.length > 0 && entries.every((f) => f.endsWith('.json')), entries.join(', '));
		emu.resetRequests();
		await call(s, 'bps_find_region', { query: 'jatim' });
		assert.equal(emu.requests.length, 0, 'the domain list came from the cache');
	});

	it('no data: unknown years and an empty search say what is available', async () => {
		const years = await call(s, 'bps_get_table', {
			domain: '0000',
			variable: FIXTURE_IDS.annualVar,
			years: [1990],
		});
		assert.equal(years.isError, true);
		assert.match(years.text, /no data for 1990\. Available years: /);
		const none = await call(s, 'bps_search', { query: 'zzzz qqqq' });
		assert.match(none.text, /^Nothing in the BPS catalogue/);
	});

	it('a bad key and no key answer how to set one, without the key', async () => {
		const wrong = 'not-the-emulator-key-1234';
		const bad = await connect(wrong);
		try {
			const r = await call(bad, 'bps_get_table', { domain: '0000', variable: FIXTURE_IDS.monthlyVar });
			assert.equal(r.isError, true);
			assert.match(r.text, /rejected the API key/);
			assert.match(r.text, /BPS_API_KEY/);
			assert.ok(!r.text.includes(wrong) && !bad.stderr.join('').includes(wrong));
		} finally {
			await bad.close();
		}
		const none = await connect(undefined);
		try {
			const r = await call(none, 'bps_search', { query: 'inflasi' });
			assert.equal(r.isError, true);
			assert.match(r.text, /no BPS API key is set.*BPS_API_KEY/s);
		} finally {
			await none.close();
		}
	});
});
