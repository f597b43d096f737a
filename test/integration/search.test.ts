/**
 * `bps.search` in the real extension host against the in-process emulator: results of all four
 * kinds with icons, debounce + cancellation of the previous query, the offline fallback on the
 * local index, `{ query, accept: true }`, Indonesian and English words whatever the data language
 * (results titled in the data language, each once) and the empty state with its two actions.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SearchSession } from '../../src/search/searchSession';
import { configure, sleep, waitFor, type TestEmulator, setupSuite } from './helpers';
import type { TestHooks as Hooks } from '../../src/testHooks';

/** The catalogue's tables and documents; classification codes and glossary concepts follow them (classifications.test.ts). */
const isTable = (kind: string) =>
	['var', 'statictable', 'publication', 'pressrelease', 'indicator'].includes(kind);

describe('search', function () {
	this.timeout(60_000);
	let emu: TestEmulator;
	let h: Hooks;

	async function open(query?: string): Promise<SearchSession> {
		await vscode.commands.executeCommand('bps.search', query === undefined ? undefined : { query });
		return (await waitFor(() => h.search.active, 5000, 'search session')) as SearchSession;
	}

	before(async () => {
		({ emu, hooks: h } = await setupSuite({ domain: '0000', language: 'ind', 'network.timeoutSeconds': 3 }));
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

	it('groups the results by kind under separators, and the filter button shows one kind at a time', async () => {
		const s = await open('penduduk');
		await s.whenSettled();
		const separators = s.items.filter((i) => i.kind === vscode.QuickPickItemKind.Separator);
		const kinds = [...new Set(s.items.flatMap((i) => (i.result ? [i.result.kind] : [])))];
		assert.ok(kinds.length >= 3, kinds.join());
		assert.equal(separators.length, kinds.length, 'one separator per kind');
		// Each separator heads its kind's results, and says how many there are.
		let current = '';
		let count = 0;
		const check = () => {
			if (current) assert.match(current, new RegExp(`\\(${count}\\)$`), current);
		};
		for (const i of s.items) {
			if (i.kind === vscode.QuickPickItemKind.Separator) {
				check();
				current = i.label;
				count = 0;
			} else if (i.result) count++;
		}
		check();

		const all = s.items.filter((i) => i.result).length;
		assert.equal(s.cycleKindFilter(), kinds[0]);
		const only = s.items.filter((i) => i.result);
		assert.ok(only.length > 0 && only.length < all);
		assert.ok(only.every((i) => i.result!.kind === kinds[0]));
		assert.match(s.quickPick.title ?? '', / — only: /);
		for (let k = 1; k < kinds.length; k++) assert.equal(s.cycleKindFilter(), kinds[k]);
		assert.equal(s.cycleKindFilter(), undefined, 'then all kinds again');
		assert.equal(s.items.filter((i) => i.result).length, all);
		assert.doesNotMatch(s.quickPick.title ?? '', / — only: /);
	});

	it('shows server results of every kind, with icons, subject and unit', async () => {
		const kinds = new Set<string>();
		for (const q of ['penduduk', 'miskin']) {
			const s = await open(q);
			await s.whenSettled();
			const results = s.items.filter((i) => i.result && isTable(i.result.kind));
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
		for (const i of s.items.filter((x) => x.result && isTable(x.result.kind))) {
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
		// Four lists, infographics and news, each asked in Indonesian and English.
		assert.ok(sent.length > 0 && sent.length <= 12, `one request per list and language (${sent.length})`);
		assert.deepEqual([...new Set(sent.map((r) => r.params.lang))].sort(), ['eng', 'ind']);

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
		const results = s.items.filter((i) => i.result && isTable(i.result.kind));
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

	describe('in Indonesian and English', () => {
		afterEach(async () => {
			await configure({ domain: '0000', language: 'ind' });
		});

		/** The results of a settled session, checked to hold each item once. */
		function resultsOf(s: SearchSession) {
			const results = s.items.filter((i) => i.result).map((i) => ({ ...i, r: i.result! }));
			const keys = results.map((i) => `${i.r.ref.domain}/${i.r.kind}/${i.r.ref.id}`);
			assert.equal(new Set(keys).size, keys.length, `each item once: ${keys.join(', ')}`);
			return results;
		}

		it('English data: "inflasi" and "penduduk" find tables, titled in English', async () => {
			await configure({ language: 'eng' });
			for (const q of ['inflasi', 'penduduk']) {
				const s = await open(q);
				await s.whenSettled();
				const results = resultsOf(s);
				assert.ok(!s.offline);
				assert.ok(
					results.some((i) => i.r.kind === 'var'),
					`${q} finds dynamic tables: ${results.map((i) => i.label).join(' | ')}`,
				);
				if (q === 'penduduk')
					assert.ok(
						results.some((i) => i.r.kind === 'statictable'),
						'and static tables',
					);
				// Titles only the Indonesian search returned were fetched in English and replaced.
				const english = results.filter((i) => i.r.titleLang === 'eng');
				assert.ok(
					english.length >= Math.min(results.length, 12),
					`${english.length}/${results.length} in English`,
				);
				for (const i of results) {
					if (i.r.titleLang !== 'eng') assert.match(i.detail ?? '', /Indonesian title/, i.label);
				}
				// The English titles are the API's English titles of the same ids.
				const engVars = (await h.catalogue.allVariables('0000', { lang: 'eng' })).items;
				const vars = english.filter((i) => i.r.kind === 'var');
				assert.ok(vars.length > 0);
				assert.ok(
					vars.some((i) => !i.label.toLowerCase().includes(q)),
					'English titles, not the Indonesian ones that matched',
				);
				for (const i of vars) {
					const rec = engVars.find((v) => v.id === i.r.ref.id);
					assert.equal(i.r.ref.title, rec?.title.trim(), `var ${i.r.ref.id}`);
				}
				s.hide();
			}
			const s = await open('inflasi');
			await s.whenSettled();
			const v2262 = s.items.find((i) => i.result?.kind === 'var' && i.result.ref.id === 2262);
			assert.equal(v2262?.label, '$(graph) Monthly Inflation (M-to-M) 38 Provinces (2022=100)');
		});

		it('Indonesian data: "population" finds tables, titled in Indonesian', async () => {
			await configure({ language: 'ind' });
			const s = await open('population');
			await s.whenSettled();
			const results = resultsOf(s);
			assert.ok(results.some((i) => i.r.kind === 'var') && results.some((i) => i.r.kind === 'statictable'));
			const ind = results.filter((i) => i.r.titleLang === 'ind');
			assert.ok(ind.length >= Math.min(results.length, 12), `${ind.length}/${results.length} in Indonesian`);
			for (const i of results) {
				if (i.r.titleLang !== 'ind') assert.match(i.detail ?? '', /English title/, i.label);
			}
			const t1510 = results.find((i) => i.r.kind === 'statictable' && i.r.ref.id === 1510);
			assert.equal(t1510?.r.ref.title, 'Jumlah Penduduk Menurut Provinsi, 2022-2024');
			const v35 = results.find((i) => i.r.kind === 'var' && i.r.ref.id === 35);
			assert.ok(v35, 'var 35 (Population by Province)');
			assert.ok(/penduduk/i.test(v35.r.ref.title ?? ''), v35.label);
		});

		it('an item whose titles match in both languages shows once, in the data language', async () => {
			await configure({ language: 'eng' });
			const before = emu.requests.length;
			const s = await open('M-to-M');
			await s.whenSettled();
			const results = resultsOf(s);
			const asked = emu.requests.slice(before).filter((r) => r.params.keyword !== undefined);
			assert.deepEqual([...new Set(asked.map((r) => r.params.lang))].sort(), ['eng', 'ind']);
			const v = results.filter((i) => i.r.kind === 'var' && i.r.ref.id === 2262);
			assert.equal(v.length, 1);
			assert.equal(v[0].r.ref.title, 'Monthly Inflation (M-to-M) 38 Provinces (2022=100)');
		});

		it('nothing found: says so for the region, then searches all of Indonesia or switches the language', async () => {
			await configure({ domain: '3500', language: 'ind' });
			let s = await open('38 provinsi');
			await s.whenSettled();
			assert.equal(s.items.filter((i) => i.result).length, 0);
			assert.match(
				s.items[0]?.label ?? '',
				/Nothing in the BPS catalogue matches “38 provinsi” in Jawa Timur/,
			);
			const all = s.items.find((i) => i.emptyAction === 'allIndonesia');
			const lang = s.items.find((i) => i.emptyAction === 'switchLanguage');
			assert.match(all?.label ?? '', /Search all of Indonesia/);
			assert.match(lang?.label ?? '', /Switch data language/);

			// "Search all of Indonesia" asks the national catalogue (0000) and finds it there.
			const before = emu.requests.length;
			s.accept(all);
			await waitFor(() => s.items.some((i) => i.result), 10_000, 'national results');
			await s.whenSettled();
			const asked = emu.requests.slice(before).filter((r) => r.params.keyword === '38 provinsi');
			assert.ok(asked.length > 0 && asked.every((r) => r.params.domain === '0000'), JSON.stringify(asked));
			assert.ok(s.items.some((i) => i.result?.kind === 'var' && i.result.ref.id === 2262));
			assert.match(s.quickPick.title ?? '', /0000/);
			s.hide();

			// "Switch data language" switches bps.language and searches again.
			s = await open('zzzz qqqq');
			await s.whenSettled();
			assert.match(s.items[0]?.label ?? '', /Nothing in the BPS catalogue matches “zzzz qqqq” in Jawa Timur/);
			s.accept(s.items.find((i) => i.emptyAction === 'switchLanguage'));
			await waitFor(
				() => vscode.workspace.getConfiguration('bps').get('language') === 'eng',
				10_000,
				'the data language to switch',
			);
			await waitFor(() => s.stats.queries === 2, 10_000, 'the search to run again');
			await s.whenSettled();
			assert.match(s.items[0]?.label ?? '', /Nothing in the BPS catalogue matches/);
			assert.ok(
				s.items.some((i) => i.emptyAction === 'switchLanguage'),
				'the actions stay offered',
			);
			assert.match(s.items.find((i) => i.emptyAction === 'switchLanguage')?.detail ?? '', /Indonesian/);
		});
	});
});
