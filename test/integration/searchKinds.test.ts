/**
 * `bps.search` reaching every kind, in the real extension host against the emulator: census
 * datasets and SIMDASI tables by words, foreign trade by HS code or words (exports and imports,
 * opening the trade preview for that code), infographics and news by the API's keyword — each in
 * its own labelled group — and each result opening its preview or card.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../../src/preview/protocol';
import type { SearchItem, SearchSession } from '../../src/search/searchSession';
import type { PanelProbe, TestHooks } from '../../src/testHooks';
import { configure, setupSuite, waitFor, type TestEmulator } from './helpers';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';

describe('search: every kind', function () {
	this.timeout(90_000);
	let emu: TestEmulator;
	let h: TestHooks;

	async function search(query: string): Promise<SearchSession> {
		await vscode.commands.executeCommand('bps.search', { query });
		const s = (await waitFor(() => h.search.active, 5000, 'search session')) as SearchSession;
		await s.whenSettled();
		return s;
	}
	const results = (s: SearchSession) =>
		s.items.filter((i): i is SearchItem & { result: object } => !!i.result);
	const kindsOf = (s: SearchSession) => [...new Set(results(s).map((i) => i.result!.kind))];
	/** The separator label heading each kind's group. */
	function separatorOf(s: SearchSession, kind: string): string | undefined {
		let label: string | undefined;
		for (const i of s.items) {
			if (i.kind === vscode.QuickPickItemKind.Separator) label = i.label;
			else if (i.result?.kind === kind) return label;
		}
		return undefined;
	}

	/** Accepts the first result of `kind` and waits for the panel it opens to show its data. */
	async function openFirst(s: SearchSession, kind: string, shows: HostMessage['type']): Promise<PanelProbe> {
		const item = results(s).find((i) => i.result!.kind === kind);
		assert.ok(item, `a ${kind} result`);
		const before = new Set(h.previews.all().map((p) => p.id));
		s.accept(item);
		const p: PanelProbe = await waitFor(
			() => h.previews.all().find((x) => !before.has(x.id) && x.ref.kind === kind)!,
			30_000,
			`a ${kind} panel`,
		);
		await waitFor(
			() => p.sent.some((m) => m.type === shows) || p.sent.find((m) => m.type === 'error'),
			30_000,
			`${shows} posted`,
		);
		const error = p.sent.find((m): m is Extract<HostMessage, { type: 'error' }> => m.type === 'error');
		assert.equal(error?.message, undefined, 'no error in the panel');
		return p;
	}

	before(async () => {
		({ emu, hooks: h } = await setupSuite({ domain: '3500', language: 'eng', 'network.timeoutSeconds': 5 }));
	});
	beforeEach(async () => {
		emu.clearFaults();
		await vscode.commands.executeCommand('bps.clearCache');
	});
	afterEach(async () => {
		h.search.active?.hide();
		emu.clearFaults();
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});
	after(async () => {
		await configure({ domain: undefined, language: undefined, 'network.timeoutSeconds': undefined });
		await emu?.close();
	});

	it('words find census datasets and the region’s SIMDASI tables, each kind under its own separator', async () => {
		const s = await search('penduduk');
		const kinds = kindsOf(s);
		for (const k of ['var', 'census', 'simdasi', 'glossary'])
			assert.ok(kinds.includes(k as never), kinds.join());
		assert.match(separatorOf(s, 'census') ?? '', /^Census dataset \(\d+\)$/);
		assert.match(separatorOf(s, 'simdasi') ?? '', /^SIMDASI table \(\d+\)$/);
		const census = results(s).filter((i) => i.result!.kind === 'census');
		assert.ok(
			census.every((i) => /penduduk/i.test(`${i.label} ${i.description ?? ''}`)),
			'datasets of the population census, or with the word in their name',
		);
		// Beside each: its census and its topic (in the data language).
		assert.ok(
			census.some((i) => i.description === 'Sensus Penduduk 2020 · Population'),
			census.map((i) => i.description).join(' | '),
		);
		const simdasi = results(s).filter((i) => i.result!.kind === 'simdasi');
		assert.ok(
			simdasi.every((i) => i.result!.ref.domain === '3500'),
			'the region’s tables',
		);
		// English data: SIMDASI titles in English, found by an Indonesian word.
		assert.ok(
			simdasi.some((i) => /Population/.test(i.label)),
			simdasi.map((i) => i.label).join(' | '),
		);
		// The census catalogue is read once: a second search sends no census request.
		const before = emu.requests.length;
		s.setQuery('ijazah');
		await s.whenSettled();
		assert.ok(kindsOf(s).includes('census'));
		assert.ok(!emu.requests.slice(before).some((r) => /sensus/.test(r.path)), 'census lists not read again');
	});

	it('an HS code or HS words give export and import entries that open the trade preview for that code', async () => {
		let s = await search('09');
		let trade = results(s).filter((i) => i.result!.kind === 'trade');
		assert.deepEqual(
			trade.map((i) => i.result!.ref.title),
			['Exports of HS 09 — Coffee, tea, mate and spices', 'Imports of HS 09 — Coffee, tea, mate and spices'],
		);
		assert.match(separatorOf(s, 'trade') ?? '', /^Foreign trade \(2\)$/);
		s.hide();
		s = await search('kopi');
		trade = results(s).filter((i) => i.result!.kind === 'trade');
		assert.equal(trade.length, 2, 'Indonesian words of the chapter');
		const year = new Date().getFullYear();
		const p = await openFirst(s, 'trade', 'dynamic');
		assert.ok(p.ref.kind === 'trade');
		assert.deepEqual([p.ref.flow, p.ref.hs, p.ref.hsLevel, p.ref.monthly], ['export', ['09'], 2, false]);
		assert.deepEqual(p.ref.years, [String(year - 2), String(year - 1)]);
		const init = p.sent.find((m): m is Extract<HostMessage, { type: 'init' }> => m.type === 'init');
		assert.equal(init?.attribution.id, ATTRIBUTION);
	});

	it('infographics and news are found by the API’s keyword and open their cards', async () => {
		let s = await search('inflation');
		assert.ok(kindsOf(s).includes('infographic'), kindsOf(s).join());
		assert.match(separatorOf(s, 'infographic') ?? '', /^Infographic \(\d+\)$/);
		const sent = emu.requests.filter(
			(r) => r.params.model === 'infographic' && r.params.keyword === 'inflation',
		);
		assert.deepEqual(sent.map((r) => r.params.lang).sort(), ['eng', 'ind'], 'asked in both languages');
		let p = await openFirst(s, 'infographic', 'card');
		await waitFor(
			() => p.received.some((m: WebviewMessage) => m.type === 'rendered'),
			30_000,
			'card rendered',
		);

		s = await search('census');
		assert.ok(kindsOf(s).includes('news'), kindsOf(s).join());
		assert.match(separatorOf(s, 'news') ?? '', /^News \(\d+\)$/);
		p = await openFirst(s, 'news', 'card');
		assert.equal(p.ref.domain, '3500');
	});

	it('a census dataset and a SIMDASI table open their previews', async () => {
		let s = await search('ijazah');
		await openFirst(s, 'census', 'dims');
		s = await search('unemployment');
		const p = await openFirst(s, 'simdasi', 'dims');
		assert.equal(p.ref.domain, '3500');
	});

	it('the kind filter steps through the new kinds too', async () => {
		const s = await search('sensus');
		const kinds = kindsOf(s);
		assert.ok(kinds.includes('census') && kinds.includes('news'), kinds.join());
		const seen: string[] = [];
		for (let k = s.cycleKindFilter(); k; k = s.cycleKindFilter()) {
			seen.push(k);
			assert.ok(results(s).every((i) => i.result!.kind === k));
		}
		assert.deepEqual(seen, kinds);
	});

	it('a failing census catalogue leaves the other results and says so', async () => {
		emu.setFaults([{ kind: 'status', status: 500, match: { id: '37' } }]);
		const s = await search('penduduk');
		assert.ok(kindsOf(s).includes('var'), 'the tables are still found');
		assert.ok(!kindsOf(s).includes('census'));
		assert.ok(
			s.items.some((i) => i.notice),
			'an error line offers to try again',
		);
		emu.clearFaults();
		s.accept(s.items.find((i) => i.notice));
		await waitFor(() => kindsOf(s).includes('census') || undefined, 30_000, 'census after the retry');
	});
});
