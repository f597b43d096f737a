/**
 * Assistant tools in the real extension host: each tool through `vscode.lm.invokeTool` against the
 * emulator (values, attribution, no key in the answer, the no-key answer), the MCP server as VS
 * Code would start it from our definition provider, and "BPS: Copy MCP Server Configuration".
 */
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import * as vscode from 'vscode';
import { FIXTURE_IDS } from '../emulator/server';
import type { McpStdioDefinition } from '../../src/ai/lmApi';
import { EMULATOR_KEY, getExtensionApi, setKey, setupSuite, testHooks, type TestEmulator } from './helpers';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';
const TOOL_NAMES = [
	'bps_find_region',
	'bps_search',
	'bps_get_table',
	'bps_get_indicators',
	'bps_get_trade',
	'bps_get_sdgs',
	'bps_find_classification',
	'bps_get_census',
	'bps_get_simdasi',
];

/** The parts of `vscode.lm` these tests use (our @types/vscode predates them). */
interface LmTestApi {
	tools: ReadonlyArray<{ name: string; inputSchema?: object }>;
	invokeTool(
		name: string,
		options: { input: object; toolInvocationToken: undefined },
		token?: vscode.CancellationToken,
	): Thenable<{ content: unknown[] }>;
}
const lm = () => (vscode as unknown as { lm: LmTestApi }).lm;

async function invoke(name: string, input: object): Promise<string> {
	const r = await lm().invokeTool(name, { input, toolInvocationToken: undefined });
	return r.content.map((p) => (p as { value?: string }).value ?? '').join('');
}

describe('Assistant tools (LM + MCP)', function () {
	this.timeout(60_000);
	let emu: TestEmulator;

	before(async () => {
		({ emu } = await setupSuite());
	});
	after(async () => {
		await emu?.close();
	});

	it('registers every tool with its schema', () => {
		const ours = lm().tools.filter((t) => TOOL_NAMES.includes(t.name));
		assert.deepEqual(ours.map((t) => t.name).sort(), [...TOOL_NAMES].sort());
		assert.ok(ours.every((t) => t.inputSchema));
	});

	it('answers every tool through vscode.lm.invokeTool: values, source, attribution, no key', async () => {
		const region = await invoke('bps_find_region', { query: 'kota jambi' });
		assert.match(region, /^- 1571 — Kota Jambi/m);
		const search = await invoke('bps_search', { query: 'inflasi bulanan', kinds: ['var'] });
		assert.match(search, /^- var 2262 — Inflasi Bulanan/m);
		const json = await invoke('bps_get_table', {
			domain: '0000',
			variable: FIXTURE_IDS.monthlyVar,
			years: [2024],
			vervar: [3500],
			format: 'json',
		});
		const body = JSON.parse(json) as {
			rows: Array<{ region_code: string; year: number; period: string; value: number | null }>;
			attribution: string;
			source: string;
		};
		assert.equal(body.attribution, ATTRIBUTION);
		// The same cell through the extension's public API (same client, same decoder).
		const api = await getExtensionApi();
		const table = await api.getDynamicTable({
			domain: '0000',
			variable: FIXTURE_IDS.monthlyVar,
			years: ['2024'],
		});
		const jan = table.records.find((r) => r.vervar === '3500' && r.turtahun === '1');
		const row = body.rows.find((r) => r.period === '2024-01');
		assert.ok(jan && row, json.slice(0, 300));
		assert.equal(row.year, 2024);
		assert.equal(row.value, jan.value);
		const md = await invoke('bps_get_table', {
			domain: '0000',
			variable: FIXTURE_IDS.quarterlyVar,
			years: [2024],
		});
		assert.match(md, /\| region_code \| region \|/);
		assert.match(md, /Source: https:\/\/.*bps\.go\.id/);
		const indicators = await invoke('bps_get_indicators', { domain: '0000' });
		assert.match(indicators, /variable \d+$/m);
		const trade = await invoke('bps_get_trade', { flow: 'export', hs: ['15'], years: [2024] });
		assert.match(trade, /^\| 15 \| .+ \| 2024 \| \d+ \|/m);
		const sdgs = await invoke('bps_get_sdgs', { goal: 1 });
		assert.match(sdgs, /goal 1 .+; variable \d+$/m);
		const kbli = await invoke('bps_find_classification', { query: 'kelapa sawit' });
		assert.match(kbli, /^- 01262 — /m);
		const census = await invoke('bps_get_census', {});
		assert.match(census, /^- sp2020 — /m);
		const simdasi = await invoke('bps_get_simdasi', { domain: '3500' });
		assert.match(simdasi, /^- \S+ — .+; years: \d{4}/m);
		for (const text of [region, search, md, indicators, trade, sdgs, kbli, census, simdasi]) {
			assert.equal(text.trimEnd().split('\n').at(-1), ATTRIBUTION);
			assert.ok(!text.includes(EMULATOR_KEY), 'the key leaked');
		}
		assert.ok(!json.includes(EMULATOR_KEY));
	});

	it('bps_search reaches every kind, with the search box’s indexes (one census catalogue for both)', async () => {
		const text = await invoke('bps_search', { query: 'ijazah', kinds: ['census', 'glossary', 'trade'] });
		assert.match(text, /^- census \d+ — .*Ijazah.* \(event: sp2020; /m);
		assert.equal(text.trimEnd().split('\n').at(-1), ATTRIBUTION);
		const trade = await invoke('bps_search', { query: 'kopi', kinds: ['trade'] });
		assert.match(trade, /^- trade export\/hs2\/09\/annual — /m);
		// The tool loaded the extension's census catalogue: the search box reads it without a request.
		const hooks = await testHooks();
		const before = emu.requests.length;
		const cat = await hooks!.services.familyIndex.censusCatalogue();
		assert.ok(cat.entries.length > 0);
		assert.ok(!emu.requests.slice(before).some((r) => /sensus/.test(r.path)), 'no census request');
	});

	it('answers how to narrow a too-large table, and how to set a key when there is none', async () => {
		const tooLarge = await invoke('bps_get_table', {
			domain: '0000',
			variable: FIXTURE_IDS.tooLargeVar,
			years: [2018, 2019, 2020],
		});
		assert.match(tooLarge, /^Error: the table is too large.*fewer years/);
		await vscode.commands.executeCommand('bps.clearApiKey');
		try {
			const noKey = await invoke('bps_get_table', { domain: '0000', variable: FIXTURE_IDS.monthlyVar });
			assert.match(noKey, /no BPS API key is set\. .*BPS: Set API Key/);
			assert.ok(noKey.includes(ATTRIBUTION));
		} finally {
			assert.ok(await setKey(EMULATOR_KEY), 'key not restored');
		}
	});

	it('asks before each tool runs, in words a person understands', async () => {
		const hooks = await testHooks();
		const prepare = hooks?.lmPrepare;
		assert.ok(prepare, 'prepare hook missing');
		const seen = new Set<string>();
		for (const name of TOOL_NAMES) {
			const p = prepare(name, {
				query: 'inflasi',
				domain: '3500',
				variable: 2262,
				years: [2024],
				hs: ['15'],
				flow: 'export',
			} as Parameters<typeof prepare>[1]);
			const message = String(p.confirmationMessages?.message ?? '');
			assert.ok(p.invocationMessage && p.confirmationMessages?.title && message, name);
			assert.ok(!/bps_|undefined/.test(message), message);
			seen.add(message);
		}
		assert.equal(seen.size, TOOL_NAMES.length, 'each tool has its own confirmation');
		const table = prepare('bps_get_table', { domain: '3500', variable: 2262, years: [2023, 2024] });
		assert.match(String(table.confirmationMessages?.message), /2262.*3500.*2023, 2024/);
	});

	it('starts the MCP server VS Code would start: key only in the resolved environment', async () => {
		const hooks = await testHooks();
		const provider = hooks?.mcpProvider;
		assert.ok(provider, 'MCP provider not registered');
		const token = new vscode.CancellationTokenSource().token;
		const [def] = await provider.provideMcpServerDefinitions(token);
		assert.ok(def.args[0].endsWith('dist/mcp/server.js'));
		assert.ok(!JSON.stringify(def).includes(EMULATOR_KEY), 'the key is in the unresolved definition');
		assert.equal(def.env.BPS_API_BASE_URL, emu.url);
		// The same limits and cache folder as the extension's own client.
		const cfg = vscode.workspace.getConfiguration('bps');
		assert.equal(def.env.BPS_MAX_REQUESTS_PER_SECOND, String(cfg.get('network.maxRequestsPerSecond')));
		assert.equal(def.env.BPS_MAX_CONCURRENT_REQUESTS, String(cfg.get('network.maxConcurrentRequests')));
		const services = (hooks as { services?: { context: vscode.ExtensionContext } }).services;
		assert.equal(def.env.BPS_CACHE_DIR, services?.context.globalStorageUri.fsPath);
		const resolved = (await provider.resolveMcpServerDefinition?.(def, token)) as McpStdioDefinition;
		assert.equal(resolved.env.BPS_API_KEY, EMULATOR_KEY);
		const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
		for (const [k, v] of Object.entries(resolved.env)) if (v !== null) env[k] = String(v);
		const client = new Client({ name: 'bps-integration', version: '1.0.0' });
		await client.connect(
			new StdioClientTransport({ command: resolved.command, args: [...resolved.args], env }),
		);
		try {
			const { tools } = await client.listTools();
			assert.deepEqual(tools.map((t) => t.name).sort(), [...TOOL_NAMES].sort());
			const r = (await client.callTool({ name: 'bps_find_region', arguments: { query: 'jatim' } })) as {
				content: Array<{ text?: string }>;
			};
			const text = r.content.map((c) => c.text ?? '').join('');
			assert.match(text, /^- 3500 — Jawa Timur/m);
			assert.ok(text.includes(ATTRIBUTION) && !text.includes(EMULATOR_KEY));
		} finally {
			await client.close();
		}
	});

	it('copies an MCP configuration that reads BPS_API_KEY from the environment', async () => {
		const text = await vscode.commands.executeCommand<string>('bps.copyMcpConfig');
		assert.equal(await vscode.env.clipboard.readText(), text);
		assert.ok(!text.includes(EMULATOR_KEY), 'the key was copied');
		const cfg = JSON.parse(text) as {
			mcpServers: { bps: { command: string; args: string[]; env: Record<string, string> } };
		};
		assert.equal(cfg.mcpServers.bps.command, 'node');
		assert.ok(cfg.mcpServers.bps.args[0].endsWith('dist/mcp/server.js'));
		assert.equal(cfg.mcpServers.bps.env.BPS_API_KEY, '${env:BPS_API_KEY}');
	});
});
