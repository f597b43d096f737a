/**
 * The response cache and the request budget, proved with the emulator's request log: per-kind TTLs
 * from the settings, the entry files in globalStorage, Refresh bypassing the cache, `BPS: Clear Cache`
 * emptying memory and disk, in-flight deduplication, and the concurrency / request-rate settings
 * (from the arrival timestamps). A window reload is covered by test/browser/reload.test.ts; a corrupt
 * entry by test/unit/api/cache.test.ts and the browser reload test.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { FIXTURE_IDS } from '../emulator/server';
import type { RecordedRequest } from '../emulator/server';
import { EMULATOR_KEY, configure, getExtensionApi, waitFor, type TestEmulator, setupSuite } from './helpers';
import type { TestHooks as Hooks } from '../../src/testHooks';

describe('response cache and request budget', function () {
	this.timeout(60_000);
	let emu: TestEmulator;
	let h: Hooks;
	let api: Awaited<ReturnType<typeof getExtensionApi>>;

	const since = (n: number, pred: (r: RecordedRequest) => boolean = () => true) =>
		emu.requests.slice(n).filter(pred);
	const model = (m: string) => (r: RecordedRequest) => r.params.model === m;

	before(async () => {
		({ emu, api, hooks: h } = await setupSuite({ domain: '0000', language: 'ind' }));
	});
	beforeEach(async () => {
		emu.clearFaults();
		await vscode.commands.executeCommand('bps.clearCache');
		await h.services.cache.flush();
	});
	after(async () => {
		emu.clearFaults();
		await configure({
			domain: undefined,
			language: undefined,
			'cache.metadataTtlHours': undefined,
			'cache.dataTtlHours': undefined,
			'network.maxConcurrentRequests': undefined,
			'network.maxRequestsPerSecond': undefined,
		});
		await emu?.close();
	});

	it('metadata and data have their own TTL (bps.cache.*)', async () => {
		await configure({ 'cache.metadataTtlHours': 168, 'cache.dataTtlHours': 0 });
		const get = () => api.getDynamicTable({ domain: '0000', variable: FIXTURE_IDS.annualVar });
		let n = emu.requests.length;
		const first = await get();
		assert.ok(first.records.length > 0);
		assert.equal(since(n, model('th')).length, 1, 'periods fetched');
		const chunks = since(n, model('data')).length;
		assert.ok(chunks >= 1, 'data fetched');
		n = emu.requests.length;
		await get();
		assert.equal(since(n, model('th')).length, 0, 'metadata (1 week) comes from the cache');
		assert.equal(since(n, model('data')).length, chunks, 'data with a 0 h TTL goes to the network again');
		await configure({ 'cache.dataTtlHours': 24 });
		n = emu.requests.length;
		const again = await get();
		assert.deepEqual(again.records, first.records);
		assert.equal(since(n).length, 0, 'both kinds fresh: no request at all');
		await configure({ 'cache.metadataTtlHours': 0 });
		n = emu.requests.length;
		await get();
		assert.equal(since(n, model('th')).length, 1, 'metadata with a 0 h TTL goes to the network');
		assert.equal(since(n, model('data')).length, 0, 'data (24 h) still cached');
		await configure({ 'cache.metadataTtlHours': undefined, 'cache.dataTtlHours': undefined });
	});

	it('persists in globalStorage, one file per answer, without the key; Clear Cache empties memory and disk', async () => {
		await api.getDynamicTable({ domain: '0000', variable: FIXTURE_IDS.annualVar });
		const cache = h.services.cache;
		await cache.flush();
		assert.ok(cache.size > 0, 'entries written');
		assert.equal(
			path.dirname(cache.dir),
			h.services.context.globalStorageUri.fsPath,
			'the entries live in globalStorage',
		);
		const files = fs.readdirSync(cache.dir);
		assert.equal(files.length, cache.size, 'one file per entry');
		const text = files.map((f) => fs.readFileSync(path.join(cache.dir, f), 'utf8')).join('\n');
		assert.match(text, /model=data/);
		assert.ok(!text.includes(EMULATOR_KEY), 'no key in the cache files');
		await vscode.commands.executeCommand('bps.clearCache');
		assert.equal(cache.size, 0, 'memory emptied');
		await cache.flush();
		assert.deepEqual(fs.readdirSync(cache.dir), [], 'files deleted');
		const n = emu.requests.length;
		await api.getDynamicTable({ domain: '0000', variable: FIXTURE_IDS.annualVar });
		assert.ok(
			since(n, model('data')).length >= 1 && since(n, model('th')).length === 1,
			'everything fetched again',
		);
	});

	it('the tree is served from the cache; Refresh bypasses it', async () => {
		await vscode.commands.executeCommand('bps.refresh');
		const root = await h.tree.getChildren();
		const cat = root.find((n) => n.kind === 'category')!;
		await h.tree.getChildren(cat);
		// A reset tree (as after a reload of the view) reads everything from the cache.
		let n = emu.requests.length;
		h.tree.reset();
		const root2 = await h.tree.getChildren();
		await h.tree.getChildren(root2.find((x) => x.id === cat.id)!);
		assert.deepEqual(since(n), [], 'no request for a tree already in the cache');
		n = emu.requests.length;
		await vscode.commands.executeCommand('bps.refresh', cat);
		await h.tree.getChildren(cat);
		assert.ok(since(n, model('subject')).length >= 1, 'Refresh went to the network despite a fresh cache');
	});

	it('identical requests in flight share one HTTP exchange', async () => {
		emu.setFaults([{ kind: 'latency', ms: 300, match: { model: 'var' } }]);
		const n = emu.requests.length;
		const dedup0 = h.services.requestStats.dedup;
		const client = h.services.client;
		const all = await Promise.all(
			[1, 2, 3, 4].map(() => client.listVariables('0000', { page: 1, bypassCache: true })),
		);
		assert.equal(since(n, model('var')).length, 1, 'one request for four callers');
		assert.equal(h.services.requestStats.dedup - dedup0, 3);
		assert.ok(all.every((r) => r.items.length === all[0].items.length && r.items.length > 0));
	});

	it('bps.network.maxRequestsPerSecond is a ceiling (arrival times)', async () => {
		const rate = 4;
		const conc = 8;
		// The client's token bucket: `rate` starts per second after a burst of one second's worth.
		const burst = Math.max(1, Math.floor(rate));
		await configure({ 'network.maxConcurrentRequests': conc, 'network.maxRequestsPerSecond': rate });
		// Let the bucket fill, so the burst is the largest it can be.
		await new Promise((r) => setTimeout(r, 1200));
		const n = emu.requests.length;
		const N = 12;
		await Promise.all(
			Array.from({ length: N }, (_, i) =>
				h.services.client.listVariables('0000', { page: i + 1, bypassCache: true }),
			),
		);
		const recs = since(n, model('var'));
		const t = recs.map((r) => r.time);
		assert.equal(t.length, N, JSON.stringify(recs));
		// Token bucket: any run of k requests spans at least (k - burst) / rate seconds (40 ms of arrival jitter allowed).
		for (let i = 0; i < N; i++) {
			for (let j = i + burst; j < N; j++) {
				const k = j - i + 1;
				const minSpan = ((k - burst) * 1000) / rate - 40;
				assert.ok(
					t[j] - t[i] >= minSpan,
					`${k} requests within ${t[j] - t[i]} ms (ceiling ${rate}/s, burst ${burst}): ${JSON.stringify(t.map((x) => x - t[0]))}`,
				);
			}
		}
		assert.ok(
			t[N - 1] - t[0] >= ((N - burst) * 1000) / rate - 40,
			'the whole run took as long as the ceiling demands',
		);
		await configure({
			'network.maxConcurrentRequests': undefined,
			'network.maxRequestsPerSecond': undefined,
		});
	});

	it('bps.network.maxConcurrentRequests bounds requests in flight (arrival times)', async () => {
		const latency = 400;
		await configure({ 'network.maxConcurrentRequests': 2, 'network.maxRequestsPerSecond': 50 });
		emu.setFaults([{ kind: 'latency', ms: latency, match: { model: 'var' } }]);
		const n = emu.requests.length;
		await Promise.all(
			[1, 2, 3, 4, 5, 6, 7, 8].map((page) =>
				h.services.client.listVariables('0000', { page, bypassCache: true }),
			),
		);
		const t = since(n, model('var')).map((r) => r.time);
		assert.equal(t.length, 8);
		// With 2 in flight and each held `latency` ms, the (i+2)-th arrival waits for the i-th answer.
		for (let i = 0; i + 2 < t.length; i++) {
			assert.ok(
				t[i + 2] - t[i] >= latency - 30,
				`arrivals ${i} and ${i + 2} are ${t[i + 2] - t[i]} ms apart`,
			);
		}
		// And the limit is really 2, not 1: pairs arrive together.
		assert.ok(t[1] - t[0] < latency / 2, 'two requests run at once');
	});

	it('a stale entry is served when the API fails, and Refresh never serves it', async () => {
		await configure({ 'cache.dataTtlHours': 0 });
		try {
			const ok = await api.getDynamicTable({ domain: '0000', variable: FIXTURE_IDS.annualVar });
			emu.setFaults([{ kind: 'status', status: 503, match: { model: 'data' } }]);
			const stale = await api.getDynamicTable({ domain: '0000', variable: FIXTURE_IDS.annualVar });
			assert.equal(stale.table.stale, true);
			assert.equal(stale.table.fetchedAt, ok.table.fetchedAt);
			assert.deepEqual(stale.records, ok.records);
			await waitFor(
				() => h.recentLogLines().some((l) => /Serving cached answer from/.test(l)),
				2000,
				'the stale log line',
			);
			await assert.rejects(
				h.services.client.getDynamicData(
					{
						domain: '0000',
						variable: FIXTURE_IDS.annualVar,
						periods: [ok.table.tahun[0] ? Number(ok.table.tahun[0].val) : 0],
					},
					{ bypassCache: true },
				),
				(e: Error & { kind?: string }) => e.kind === 'server',
			);
		} finally {
			await configure({ 'cache.dataTtlHours': undefined });
		}
	});
});
