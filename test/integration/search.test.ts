/**
 * `bps.search` in the real extension host against the in-process emulator: results of all four
 * kinds with icons, debounce + cancellation of the previous query, the offline fallback on the
 * local index, and `{ query, accept: true }`.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CatalogueService } from '../../src/catalogue/catalogueService';
import type { SearchController } from '../../src/search/searchController';
import type { SearchSession } from '../../src/search/searchSession';
import {
	EMULATOR_KEY,
	configure,
	getExtensionApi,
	setKey,
	sleep,
	startTestEmulator,
	waitFor,
	type TestEmulator,
} from './helpers';

interface Hooks {
	search: SearchController;
	catalogue: CatalogueService;
}

async function hooks(): Promise<Hooks> {
	const api = await getExtensionApi();
	assert.ok(api._test, 'test hooks exposed');
	return api._test as unknown as Hooks;
}

describe('search', function () {
	this.timeout(60_000);
	let emu: TestEmulator;
	let h: Hooks;

	async function open(query?: string): Promise<SearchSession> {
		await vscode.commands.executeCommand('bps.search', query === undefined ? undefined : { query });
		return (await waitFor(() => h.search.active, 5000, 'search session')) as SearchSession;
	}

	before(async () => {
		emu = await startTestEmulator();
		await configure({ domain: '0000', language: 'ind', 'network.timeoutSeconds': 3 });
		assert.equal(await setKey(EMULATOR_KEY), true);
		h = await hooks();
	});
	beforeEach(async () => {
		emu.clearFaults();
		await vscode.commands.executeCommand('bps.clearCache');
	});
	afterEach(() => {
		h.search.active?.hide();
		emu.clearFaults();
	});
	after(async () => {
		await configure({ domain: undefined, language: undefined, 'network.timeoutSeconds': undefined });
		await emu?.close();
	});

	it('shows server results of every kind, with icons, subject and unit', async () => {
		const kinds = new Set<string>();
		for (const q of ['penduduk', 'miskin']) {
			const s = await open(q);
			await s.whenSettled();
			const results = s.items.filter((i) => i.result);
			assert.ok(results.length > 0, `results for ${q}`);
			assert.ok(!s.offline);
			for (const i of results) {
				kinds.add(i.result!.ref.kind);
				assert.match(i.label, /^\$\((graph|table|file-pdf|note)\) /);
				assert.ok(i.result!.ref.title?.toLowerCase().includes(q), `${i.label} matches ${q}`);
				assert.equal(i.buttons?.length, 2, 'insert and reveal buttons');
			}
			const v = results.find((i) => i.result!.ref.kind === 'var');
			assert.ok(v?.description, 'a dynamic table shows its subject');
			assert.match(v.detail ?? '', /Dynamic table · \S/, 'and its unit');
			s.hide();
		}
		assert.deepEqual([...kinds].sort(), ['pressrelease', 'publication', 'statictable', 'var']);
		// The same codicons as the tree's.
		const icons = { var: 'graph', statictable: 'table', publication: 'file-pdf', pressrelease: 'note' };
		const s = await open('miskin');
		await s.whenSettled();
		for (const i of s.items.filter((x) => x.result)) {
			assert.ok(i.label.startsWith(`$(${icons[i.result!.ref.kind as keyof typeof icons]})`), i.label);
		}
	});

	it('debounces typing and cancels the previous query', async () => {
		const s = await open();
		const before = emu.requests.length;
		// Typing fast: only the last query goes out.
		s.setQuery('p');
		s.setQuery('pe');
		s.setQuery('pen');
		await s.whenSettled();
		const sent = emu.requests.slice(before).filter((r) => r.params.keyword !== undefined);
		assert.equal(s.stats.queries, 1, 'one query after the debounce');
		assert.ok(
			sent.every((r) => r.params.keyword === 'pen'),
			'only the last query reached the server',
		);
		assert.ok(sent.length > 0 && sent.length <= 4, `one request per list (${sent.length})`);

		// A slow query replaced by a new one is aborted; only the new results show.
		emu.setFaults([{ kind: 'latency', ms: 3000, match: { keyword: 'pendudukx' } }]);
		s.setQuery('pendudukx');
		// Wait until the slow query is really in flight, then replace it.
		await waitFor(
			() => emu.requests.some((r) => r.params.keyword === 'pendudukx'),
			5000,
			'the slow query to reach the server',
		);
		await sleep(50);
		s.setQuery('miskin');
		await s.whenSettled();
		assert.ok(s.stats.cancelled >= 1, 'the slow query was cancelled');
		const results = s.items.filter((i) => i.result);
		assert.ok(results.length > 0);
		assert.ok(results.every((i) => i.result!.ref.title!.toLowerCase().includes('miskin')));
	});

	it('falls back to the local index when the server is unreachable', async () => {
		// Feed the index with an online search.
		let s = await open('penduduk');
		await s.whenSettled();
		const online = s.items.filter((i) => i.result).length;
		assert.ok(online > 0);
		s.hide();
		assert.ok(h.catalogue.index.size > 0, 'the index was fed');

		emu.setFaults([{ kind: 'drop' }]);
		s = await open('pendud');
		await s.whenSettled();
		assert.equal(s.offline, true);
		const results = s.items.filter((i) => i.result);
		assert.ok(results.length > 0, 'cached results are shown');
		assert.ok(results.every((i) => /penduduk/i.test(i.result!.ref.title!)));
		const notice = s.items.find((i) => i.notice);
		assert.ok(notice, 'an offline notice');
		assert.match(notice.label, /Offline — showing cached results/);

		// Back online, accepting the notice retries.
		emu.clearFaults();
		s.accept(notice);
		await sleep(50);
		await s.whenSettled();
		assert.equal(s.offline, false);
		assert.ok(!s.items.some((i) => i.notice));
	});

	it('{ query, accept: true } opens the first result', async () => {
		const ref = await vscode.commands.executeCommand<{ kind: string; id: number | string } | undefined>(
			'bps.search',
			{
				query: 'penduduk',
				accept: true,
			},
		);
		assert.ok(ref, 'a result was accepted');
		assert.ok(['var', 'statictable', 'publication', 'pressrelease'].includes(ref.kind));
		await waitFor(() => h.search.active === undefined, 5000, 'the QuickPick to close');
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});
});
