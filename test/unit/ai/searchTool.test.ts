// `bps_search` over every kind, against the BPS WebAPI emulator over HTTP: the same code the
// language-model tool and the MCP server run. Each kind is found with what the next tool needs,
// the answer ends with the attribution, and the ids found work in the tool the answer names.
import * as assert from 'node:assert/strict';
import { ATTRIBUTION_ID } from '../../../src/api/attribution';
import { BpsClient } from '../../../src/api/client';
import { SEARCH_TOOL_KINDS } from '../../../src/ai/search';
import { runTool } from '../../../src/ai/tools';
import type { SearchIndexes, ToolDeps } from '../../../src/ai/types';
import { ClassificationIndex } from '../../../src/catalogue/classifications';
import { FamilyIndex } from '../../../src/catalogue/familyIndex';
import { GlossaryIndex } from '../../../src/catalogue/glossary';
import { EMULATOR_KEY, startEmulator, type Emulator } from '../../emulator/server';

let emu: Emulator;

function deps(over: Partial<ToolDeps> = {}): ToolDeps {
	const api = new BpsClient({
		baseUrl: emu.url,
		getKey: async () => EMULATOR_KEY,
		userAgent: 'bps-data-browser-vscode/0.1.0 (tests)',
		timeoutMs: 5000,
		retries: 0,
		maxRequestsPerSecond: 1000,
	});
	return { api, families: api.families, lang: 'ind', noKeyHint: 'Set the key.', ...over };
}

async function search(input: Record<string, unknown>, d = deps()): Promise<string> {
	const r = await runTool('bps_search', input, d);
	assert.equal(r.isError, false, r.text);
	assert.equal(r.text.trimEnd().split('\n').at(-1), ATTRIBUTION_ID, r.text.slice(-300));
	assert.ok(!r.text.includes(EMULATOR_KEY), 'the key leaked');
	return r.text;
}

describe('AI tools: bps_search over every kind (emulator)', function () {
	this.timeout(30_000);
	before(async () => (emu = await startEmulator()));
	after(async () => emu.close());
	afterEach(() => emu.clearFaults());

	it('offers every kind, trade included', () => {
		for (const k of [
			'var',
			'classification',
			'glossary',
			'infographic',
			'news',
			'census',
			'simdasi',
			'trade',
		])
			assert.ok(SEARCH_TOOL_KINDS.includes(k as never), k);
	});

	it('trade: an HS code or the goods give exports and imports with what bps_get_trade takes', async () => {
		const text = await search({ query: 'kopi', kinds: ['trade'] });
		assert.match(
			text,
			/^- trade export\/hs2\/09\/annual — Ekspor HS 09 — Kopi, teh, mate dan rempah-rempah \(flow: export; hs: 09 \(2-digit\)\)$/m,
		);
		assert.match(text, /^- trade import\/hs2\/09\/annual — Impor HS 09/m);
		assert.match(text, /bps_get_trade with its `flow` and `hs`/);
		const eng = await search({ query: 'coffee', kinds: ['trade'] }, deps({ lang: 'eng' }));
		assert.match(eng, /^- trade export\/hs2\/09\/annual — Exports of HS 09 — Coffee/m);
		// The code found is what bps_get_trade takes.
		const data = await runTool('bps_get_trade', { flow: 'export', hs: ['09'], years: [2024] }, deps());
		assert.equal(data.isError, false, data.text);
	});

	it('classification codes and glossary concepts, with their definitions', async () => {
		const codes = await search({ query: 'padi', kinds: ['classification'] });
		assert.match(codes, /^- classification kbli_2020_0112 — /m);
		assert.match(codes, /bps_find_classification/);
		const concepts = await search({ query: 'inflasi', kinds: ['glossary'] });
		const line = concepts.split('\n').findIndex((l) => /^- glossary \S+ — Inflasi\b/.test(l));
		assert.ok(line >= 0, concepts);
		assert.match(concepts.split('\n')[line + 1], /^ {2}\S/, 'the definition below the concept');
	});

	it('census datasets and the region’s SIMDASI tables; their ids work in bps_get_census and bps_get_simdasi', async () => {
		const text = await search({ query: 'ijazah', domain: '3500', kinds: ['census', 'simdasi'] });
		const m = /^- census (\d+) — .*Ijazah.* \(event: (\w+); Sensus Penduduk 2020 · Pendidikan\)$/m.exec(text);
		assert.ok(m, text);
		assert.match(text, /bps_get_census with `event`, `dataset`/);
		const census = await runTool(
			'bps_get_census',
			{ event: m[2], dataset: Number(m[1]), domain: '3500' },
			deps(),
		);
		assert.equal(census.isError, false, census.text);
		const simdasi = await search({ query: 'pengangguran', domain: '3500', kinds: ['simdasi'] });
		const t = /^- simdasi (\S+) — Tingkat Pengangguran Terbuka.* \(.*years (\d{4})–(\d{4})\)$/m.exec(simdasi);
		assert.ok(t, simdasi);
		const table = await runTool(
			'bps_get_simdasi',
			{ domain: '3500', table: t[1], year: Number(t[3]) },
			deps(),
		);
		assert.equal(table.isError, false, table.text);
	});

	it('infographics and news by the API’s keyword; every kind at once by default', async () => {
		assert.match(
			await search({ query: 'inflasi', domain: '3500', kinds: ['infographic'] }),
			/^- infographic \d+ — Inflasi Bulanan/m,
		);
		assert.match(await search({ query: 'sensus', domain: '3500', kinds: ['news'] }), /^- news \d+ — /m);
		const all = await search({ query: 'penduduk', domain: '3500' });
		for (const k of ['var', 'census', 'simdasi', 'glossary'])
			assert.match(all, new RegExp(`^- ${k} `, 'm'), `${k} in the default search`);
		assert.match(all, /^Kinds: .*census = census dataset/m);
	});

	it('the host’s indexes are read once across calls; a failing source leaves the others', async () => {
		const d = deps();
		const indexes: SearchIndexes = {
			familyIndex: new FamilyIndex(d.families),
			classifications: new ClassificationIndex(d.families),
			glossary: new GlossaryIndex(d.families),
		};
		await search({ query: 'penduduk', kinds: ['census'] }, { ...d, indexes });
		assert.ok(
			emu.requests.some((r) => /sensus/.test(r.path)),
			'the first search read the census catalogue',
		);
		const before = emu.requests.length;
		await search({ query: 'ijazah', kinds: ['census'] }, { ...d, indexes });
		assert.deepEqual(
			emu.requests.slice(before).filter((r) => /sensus/.test(r.path)),
			[],
			'no census request for the second search',
		);

		emu.setFaults([{ kind: 'status', status: 500, match: { id: '37' } }]);
		const partial = await search({ query: 'penduduk', kinds: ['census', 'glossary'] });
		assert.match(partial, /^- glossary /m);
		const r = await runTool('bps_search', { query: 'penduduk', kinds: ['census'] }, deps());
		assert.equal(r.isError, true, r.text);
		assert.ok(r.text.includes(ATTRIBUTION_ID), r.text);
	});
});
