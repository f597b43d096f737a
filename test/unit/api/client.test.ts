// BpsClient against the real BPS WebAPI emulator over HTTP (test/emulator/server.ts).
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MemoryCache } from '../../../src/api/cache';
import type { BpsClientOptions, RequestEvent } from '../../../src/api/client';
import { BpsClient } from '../../../src/api/client';
import { BpsError, isBpsError } from '../../../src/api/errors';
import type { BpsErrorKind } from '../../../src/api/errors';
import { PersistentCache } from '../../../src/catalogue/persistentCache';
import type { Emulator } from '../../emulator/server';
import { EMULATOR_KEY, FIXTURE_IDS, startEmulator } from '../../emulator/server';

const UA = 'bps-data-browser-vscode/0.1.0 (+https://github.com/bps-data-browser; VS Code extension; tests)';
/** A second accepted key with characters that URL-encode, to test redaction of both forms. */
const ODD_KEY = 'odd key/+&=ÿ-secret';

let emu: Emulator;

interface Harness {
	client: BpsClient;
	events: RequestEvent[];
	logs: string[];
	network(): number;
}

/** `key: null` = no key stored. */
function harness(over: Partial<BpsClientOptions> = {}, key: string | null = EMULATOR_KEY): Harness {
	const events: RequestEvent[] = [];
	const logs: string[] = [];
	const client = new BpsClient({
		baseUrl: emu.url,
		getKey: async () => key ?? undefined,
		userAgent: UA,
		timeoutMs: 3000,
		retries: 3,
		backoffBaseMs: 5,
		maxConcurrent: 4,
		maxRequestsPerSecond: 1000,
		log: (level, m) => void logs.push(`${level}: ${m}`),
		onRequest: (e) => void events.push(e),
		...over,
	});
	return { client, events, logs, network: () => events.filter((e) => e.source === 'network').length };
}

async function rejectsWith(p: Promise<unknown>, kind: BpsErrorKind): Promise<BpsError> {
	try {
		await p;
	} catch (e) {
		assert.ok(isBpsError(e), `not a BpsError: ${String(e)}`);
		assert.equal(e.kind, kind, `expected ${kind}, got ${e.kind}: ${e.message}`);
		return e;
	}
	assert.fail(`expected BpsError(${kind}), but it resolved`);
}

// Hooks are scoped to this describe: root-level hooks would run around every other test file too.
describe('BpsClient (emulator)', () => {
	before(async () => {
		emu = await startEmulator({ keys: [EMULATOR_KEY, ODD_KEY] });
	});
	after(async () => {
		await emu.close();
	});
	afterEach(() => {
		emu.clearFaults();
		emu.resetRequests();
	});

	describe('typed calls', () => {
		it('lists domains with level and province, and by province', async () => {
			const { client } = harness();
			const all = await client.listDomains('all');
			assert.equal(all.items.length, all.total);
			assert.ok(all.total > 500);
			assert.equal(all.items.find((d) => d.id === '0000')?.level, 'national');
			const sby = all.items.find((d) => d.id === '3578');
			assert.equal(sby?.level, 'regency');
			assert.equal(sby?.provinceId, '3500');
			const jatim = await client.listDomains('kabbyprov', { prov: '3500' });
			assert.ok(jatim.items.length > 10);
			assert.ok(jatim.items.every((d) => d.id.startsWith('35') && d.level === 'regency'));
			assert.equal(emu.requests.at(-1)?.params.prov, '3500');
		});

		it('merges every page of a list in order', async () => {
			const h = harness();
			const all = await h.client.listVariables('0000');
			const pages = all.total > 0 ? Math.ceil(all.total / 10) : 0;
			assert.ok(pages >= 3, `only ${pages} pages`);
			assert.equal(all.items.length, all.total);
			assert.equal(all.page, 1);
			assert.equal(all.pages, 1);
			assert.equal(h.network(), pages);
			const pageNumbers = emu.requests.map((r) => Number(r.params.page)).sort((a, b) => a - b);
			assert.deepEqual(
				pageNumbers,
				Array.from({ length: pages }, (_, i) => i + 1),
			);
			// Same items, same order, as reading the pages one by one.
			const seq = [];
			for (let p = 1; p <= pages; p++) {
				const one = await h.client.listVariables('0000', { page: p });
				assert.equal(one.page, p);
				assert.equal(one.pages, pages);
				seq.push(...one.items);
			}
			assert.deepEqual(
				all.items.map((v) => v.id),
				seq.map((v) => v.id),
			);
		});

		it('fetches the remaining pages with bounded concurrency', async () => {
			let active = 0;
			let peak = 0;
			const counting: typeof fetch = async (input, init) => {
				active++;
				peak = Math.max(peak, active);
				try {
					return await fetch(input, init);
				} finally {
					active--;
				}
			};
			emu.addFault({ kind: 'latency', ms: 20 });
			const { client } = harness({ fetch: counting, maxConcurrent: 2 });
			const res = await client.listVariables('0000');
			assert.ok(res.items.length > 20);
			assert.equal(peak, 2);
		});

		it('sends filters, keyword and lang as query parameters', async () => {
			const { client } = harness({ lang: 'eng' });
			const subj = await client.listSubjects('0000');
			const subjectId = subj.items[0].id;
			await client.listVariables('0000', { subject: subjectId, keyword: 'penduduk miskin', page: 1 });
			const r = emu.requests.at(-1)!;
			assert.equal(r.action, 'list');
			assert.equal(r.params.model, 'var');
			assert.equal(r.params.subject, String(subjectId));
			assert.equal(r.params.keyword, 'penduduk miskin');
			assert.equal(r.params.lang, 'eng');
			await client.listPeriods('0000', FIXTURE_IDS.annualVar, { lang: 'ind' });
			assert.equal(emu.requests.at(-1)!.params.lang, 'ind');
			assert.equal(emu.requests.at(-1)!.params.var, String(FIXTURE_IDS.annualVar));
		});

		it('covers the metadata endpoints', async () => {
			const { client } = harness();
			const cats = await client.listSubjectCategories('0000');
			assert.ok(cats.items.length > 0 && typeof cats.items[0].title === 'string');
			const subs = await client.listSubjects('0000', { subcat: cats.items[0].id });
			assert.ok(subs.items.every((s) => s.categoryId === cats.items[0].id));
			const th = await client.listPeriods('0000', FIXTURE_IDS.annualVar);
			assert.ok(th.items.some((p) => p.id === 117 && p.label === '2017'));
			const vv = await client.listVerticalVariables('0000', { variable: FIXTURE_IDS.annualVar });
			assert.ok(vv.items.length > 0 && Number.isInteger(vv.items[0].id));
			const tv = await client.listDerivedVariables('0000', FIXTURE_IDS.derivedVar);
			assert.ok(tv.items.length >= 3, JSON.stringify(tv.items));
			const tt = await client.listDerivedPeriods('0000', FIXTURE_IDS.monthlyVar);
			assert.ok(tt.items.length >= 12);
			const ind = await client.listIndicators('0000');
			assert.ok(ind.items.length > 0 && Number.isInteger(ind.items[0].varId));
		});

		it('covers static tables, publications and press releases (list + view), unescaping HTML once', async () => {
			const { client } = harness();
			const st = await client.getStaticTable(FIXTURE_IDS.sampleDomain, FIXTURE_IDS.sampleStaticTable);
			assert.ok(st.html.startsWith('<table class="excel"'), st.html.slice(0, 40));
			assert.equal(st.stale, false);
			assert.ok(st.fetchedAt > Date.now() - 60_000);
			const sts = await client.listStaticTables('0000', { page: 1 });
			assert.ok(sts.items.length > 0);
			const pub = await client.getPublication(FIXTURE_IDS.sampleDomain, FIXTURE_IDS.samplePublication);
			assert.equal(pub.id, FIXTURE_IDS.samplePublication);
			assert.ok(Array.isArray(pub.related));
			const pubs = await client.listPublications('0000', { page: 1 });
			assert.ok(pubs.items.length > 0 && /^[0-9a-f]{24}$/.test(pubs.items[0].id));
			const pr = await client.getPressRelease('0000', FIXTURE_IDS.samplePressRelease);
			assert.equal(pr.id, FIXTURE_IDS.samplePressRelease);
			assert.ok(!pr.abstract.includes('&quot;'));
			const prs = await client.listPressReleases('0000', { page: 1 });
			assert.ok(prs.items.length > 0);
			assert.equal(emu.requests.find((r) => r.action === 'view')?.params.model, 'statictable');
		});
	});

	describe('transport', () => {
		it('sends our User-Agent and the key on every request, as the query-string style', async () => {
			const { client } = harness();
			await client.listSubjectCategories('0000');
			await client.listDomains('prov');
			assert.ok(emu.requests.length >= 2);
			for (const r of emu.requests) {
				assert.equal(r.userAgent, UA);
				assert.equal(r.keyPresent, true);
				assert.equal(r.path.replace(/\/$/, ''), `/v1/api/${r.action}`);
				assert.equal(r.status, 200);
			}
		});

		it('a tool User-Agent gets the WAF page → blocked, without retries', async () => {
			const h = harness({ userAgent: 'node' });
			await rejectsWith(h.client.listSubjectCategories('0000'), 'blocked');
			assert.equal(h.network(), 1);
		});

		it('no key → noKey without any request', async () => {
			const h = harness({}, null);
			await rejectsWith(h.client.listSubjectCategories('0000'), 'noKey');
			assert.equal(emu.requests.length, 0);
		});
	});

	describe('envelopes and errors', () => {
		const cases: Array<[string, Parameters<Emulator['addFault']>[0], BpsErrorKind, number]> = [
			['bad key envelope (HTTP 200)', { kind: 'badKey' }, 'badKey', 1],
			['WAF page on 403', { kind: 'waf' }, 'blocked', 1],
			['WAF page on 200', { kind: 'waf200' }, 'blocked', 1],
			['404', { kind: 'notFound' }, 'notFound', 1],
			['malformed JSON', { kind: 'malformed' }, 'unexpected', 1],
			['JSON null', { kind: 'null' }, 'tooLarge', 1],
			['HTML 500 page, after the retries', { kind: 'htmlError' }, 'server', 4],
			['503, after the retries', { kind: 'status', status: 503 }, 'server', 4],
			['dropped connection, after the retries', { kind: 'drop' }, 'network', 4],
		];
		for (const [name, fault, kind, attempts] of cases) {
			it(`${name} → ${kind} (${attempts} request${attempts > 1 ? 's' : ''})`, async () => {
				emu.addFault(fault);
				const h = harness();
				const e = await rejectsWith(h.client.listSubjectCategories('0000'), kind);
				assert.equal(h.network(), attempts);
				assert.equal(emu.requests.length, attempts);
				assert.ok(e.message.length > 10);
				// The URL shown is the canonical one, without the key.
				assert.ok(e.details.url?.startsWith(`${emu.url}list?`), e.details.url);
				assert.ok(!e.details.url?.includes(EMULATOR_KEY));
			});
		}

		it('a wrong key → badKey, never retried', async () => {
			const h = harness({}, 'e'.repeat(32));
			const e = await rejectsWith(h.client.listSubjectCategories('0000'), 'badKey');
			assert.match(e.details.apiMessage ?? '', /re-check your key/);
			assert.equal(emu.requests.length, 1);
		});

		it('another Error envelope → apiError carrying the API message', async () => {
			const body = JSON.stringify({
				status: 'Error',
				message:
					"The maximum allowed number of years for the 'th' parameter is 3. You provided 7. Please reduce the number of years accordingly.",
			});
			const stub: typeof fetch = async () =>
				new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
			const { client } = harness({ fetch: stub });
			const e = await rejectsWith(client.listPeriods('0000', 1), 'apiError');
			assert.match(e.details.apiMessage ?? '', /maximum allowed number of years/);
			assert.match(e.message, /maximum allowed number of years/);
		});

		it('an unexpected shape names the field', async () => {
			const body = JSON.stringify({
				status: 'OK',
				'data-availability': 'available',
				data: [
					{ page: 1, pages: 1, total: 2 },
					[
						{ var_id: 1, title: 'a' },
						{ var_id: 'x1', title: 'b' },
					],
				],
			});
			const stub: typeof fetch = async () =>
				new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
			const e = await rejectsWith(harness({ fetch: stub }).client.listVariables('0000'), 'unexpected');
			assert.equal(e.details.field, 'data[1][1].var_id');
			assert.match(e.message, /data\[1\]\[1\]\.var_id: expected number/);
		});

		for (const kind of ['noData', 'unavailable'] as const) {
			it(`${kind} answer → empty list, noData for a view`, async () => {
				emu.addFault({ kind });
				const { client } = harness();
				const list = await client.listSubjectCategories('0000');
				assert.deepEqual(list.items, []);
				assert.equal(list.total, 0);
				await rejectsWith(client.getStaticTable('0000', FIXTURE_IDS.staticTable), 'noData');
			});
		}

		it('a page past the end → empty page', async () => {
			const { client } = harness();
			const p = await client.listSubjectCategories('0000', { page: 999 });
			assert.deepEqual(p.items, []);
			assert.equal(p.page, 999);
		});

		it('a missing view id → noData', async () => {
			await rejectsWith(harness().client.getPressRelease('0000', 987654321), 'noData');
		});
	});

	describe('retries, timeouts, cancellation', () => {
		it('retries 5xx then succeeds', async () => {
			emu.addFault({ kind: 'status', status: 502, times: 2 });
			const h = harness();
			const res = await h.client.listSubjectCategories('0000');
			assert.ok(res.items.length > 0);
			assert.equal(h.network(), 3);
			assert.equal(h.logs.filter((l) => l.startsWith('warn') && /Retry/.test(l)).length, 2);
		});

		it('gives up after `retries`', async () => {
			emu.addFault({ kind: 'status', status: 500 });
			const h = harness({ retries: 1 });
			await rejectsWith(h.client.listSubjectCategories('0000'), 'server');
			assert.equal(emu.requests.length, 2);
		});

		it('times out per attempt, also on a body that stalls', async () => {
			emu.addFault({ kind: 'hang', ms: 5000 });
			const h = harness({ timeoutMs: 100, retries: 1 });
			const t0 = Date.now();
			await rejectsWith(h.client.listSubjectCategories('0000'), 'timeout');
			// Well before the 5 s hang: the 100 ms timeout ended both attempts (margin for a loaded machine).
			assert.ok(Date.now() - t0 < 4500, `${Date.now() - t0} ms`);
			assert.equal(emu.requests.length, 2);
			emu.clearFaults();
			emu.addFault({ kind: 'slowBody', ms: 3000 });
			await rejectsWith(
				harness({ timeoutMs: 150, retries: 0 }).client.listSubjectCategories('0000'),
				'timeout',
			);
		});

		it('recovers when a timeout is followed by a good answer', async () => {
			emu.addFault({ kind: 'hang', ms: 3000, times: 1 });
			const res = await harness({ timeoutMs: 150 }).client.listSubjectCategories('0000');
			assert.ok(res.items.length > 0);
		});

		it('cancels mid-request promptly', async () => {
			emu.addFault({ kind: 'hang', ms: 5000 });
			const ctl = new AbortController();
			const p = harness().client.listSubjectCategories('0000', { signal: ctl.signal });
			setTimeout(() => ctl.abort(), 50);
			const t0 = Date.now();
			await rejectsWith(p, 'cancelled');
			assert.ok(Date.now() - t0 < 500);
		});

		it('cancels during backoff promptly', async () => {
			emu.addFault({ kind: 'status', status: 503 });
			const ctl = new AbortController();
			const h = harness({ backoffBaseMs: 10_000 });
			const p = h.client.listSubjectCategories('0000', { signal: ctl.signal });
			// Abort as soon as the 503 is answered: the retry's jittered delay (up to the cap) may be
			// short, and a fixed wait would sometimes let the second attempt out first.
			const answered = setInterval(() => {
				if (emu.requests[0]?.status) {
					clearInterval(answered);
					ctl.abort();
				}
			}, 1);
			const t0 = Date.now();
			await rejectsWith(p, 'cancelled');
			clearInterval(answered);
			assert.ok(Date.now() - t0 < 500);
			assert.equal(emu.requests.length, 1);
		});

		it('cancels while queued in the limiter', async () => {
			emu.addFault({ kind: 'hang', ms: 400, match: { model: 'subcat' } });
			const h = harness({ maxConcurrent: 1, timeoutMs: 2000, retries: 0 });
			const first = h.client.listSubjectCategories('0000').catch((e: unknown) => e);
			const ctl = new AbortController();
			const queued = h.client.listSubjects('0000', { signal: ctl.signal });
			setTimeout(() => ctl.abort(), 30);
			const t0 = Date.now();
			await rejectsWith(queued, 'cancelled');
			assert.ok(Date.now() - t0 < 200);
			await first;
			assert.ok(emu.requests.every((r) => r.params.model === 'subcat'));
		});

		it('cancelling a multi-page read stops the remaining pages', async () => {
			emu.addFault({ kind: 'latency', ms: 50 });
			const ctl = new AbortController();
			const h = harness({ maxConcurrent: 2 });
			const p = h.client.listVariables('0000', { signal: ctl.signal });
			setTimeout(() => ctl.abort(), 120);
			await rejectsWith(p, 'cancelled');
			await new Promise((r) => setTimeout(r, 150));
			assert.ok(emu.requests.length < 10, `${emu.requests.length} requests`);
		});
	});

	describe('redaction', () => {
		it('the key appears in no error, log line or onRequest URL (plain or URL-encoded)', async () => {
			const h = harness({ retries: 1 }, ODD_KEY);
			const texts: string[] = [];
			const faults: Array<Parameters<Emulator['addFault']>[0]> = [
				{ kind: 'waf' },
				{ kind: 'status', status: 503 },
				{ kind: 'drop' },
				{ kind: 'malformed' },
				{ kind: 'badKey' },
				{ kind: 'notFound' },
				{ kind: 'hang', ms: 2000 },
			];
			for (const f of faults) {
				emu.setFaults([f]);
				try {
					await h.client.listSubjectCategories('0000', {
						signal: f.kind === 'hang' ? AbortSignal.timeout(50) : undefined,
					});
					assert.fail('should have failed');
				} catch (e) {
					assert.ok(isBpsError(e), String(e));
					texts.push(e.message, e.stack ?? '', JSON.stringify(e.details), String(e.details.cause ?? ''));
				}
			}
			emu.clearFaults();
			// A success too: debug logs and onRequest of normal traffic.
			await h.client.listSubjectCategories('0000');
			assert.ok(
				emu.requests.some((r) => r.status === 200),
				'the odd key was accepted',
			);
			texts.push(...h.logs, ...h.events.map((e) => e.url));
			assert.ok(h.logs.length > 5 && h.events.length > 5);
			const all = texts.join('\n');
			for (const form of [
				ODD_KEY,
				encodeURIComponent(ODD_KEY),
				encodeURIComponent(ODD_KEY).replace(/%20/g, '+'),
				'secret',
			]) {
				assert.ok(!all.includes(form), `leaked as ${form}`);
			}
			assert.ok(h.events.every((e) => e.url.includes('key=***') || !e.url.includes('key=')));
		});
	});

	describe('dedup and cache', () => {
		it('identical in-flight requests share one HTTP request', async () => {
			emu.addFault({ kind: 'latency', ms: 50 });
			const h = harness();
			const [a, b, c] = await Promise.all([
				h.client.listSubjectCategories('0000'),
				h.client.listSubjectCategories('0000'),
				h.client.listSubjectCategories('0000'),
			]);
			assert.deepEqual(a.items, b.items);
			assert.deepEqual(a.items, c.items);
			assert.equal(emu.requests.length, 1);
			assert.equal(h.events.filter((e) => e.source === 'dedup').length, 2);
		});

		it('one caller cancelling does not cancel the others sharing the request', async () => {
			emu.addFault({ kind: 'latency', ms: 100 });
			const h = harness();
			const ctl = new AbortController();
			const a = h.client.listSubjectCategories('0000', { signal: ctl.signal });
			const b = h.client.listSubjectCategories('0000');
			setTimeout(() => ctl.abort(), 20);
			await rejectsWith(a, 'cancelled');
			const res = await b;
			assert.ok(res.items.length > 0);
			assert.equal(emu.requests.length, 1);
		});

		it('fresh entry → served with no request; bypassCache → new request', async () => {
			const cache = new MemoryCache();
			const h = harness({ cache });
			const first = await h.client.listSubjectCategories('0000');
			assert.equal(emu.requests.length, 1);
			const second = await h.client.listSubjectCategories('0000');
			assert.equal(emu.requests.length, 1);
			assert.deepEqual(second.items, first.items);
			assert.equal(second.fetchedAt, first.fetchedAt);
			assert.equal(h.events.filter((e) => e.source === 'cache').length, 1);
			const third = await h.client.listSubjectCategories('0000', { bypassCache: true });
			assert.equal(emu.requests.length, 2);
			assert.ok(third.fetchedAt >= first.fetchedAt);
			// The cache key: canonical URL, params sorted, lang included, no key.
			const keys = [...cache.entries()].map(([k]) => k);
			assert.deepEqual(keys, [`${emu.url}list?domain=0000&lang=ind&model=subcat&page=1`]);
		});

		it('expired entry + failure → stale answer with a warning; bypassCache + failure → throws', async () => {
			const cache = new MemoryCache();
			const h = harness({ cache, retries: 1 });
			const fresh = await h.client.listSubjectCategories('0000');
			const [[k, e]] = [...cache.entries()];
			cache.set(k, { ...e, fetchedAt: e.fetchedAt - 8 * 86_400_000 }); // older than the 7-day metadata TTL
			for (const kind of ['drop', 'waf', 'status'] as const) {
				emu.setFaults([{ kind }]);
				const stale = await h.client.listSubjectCategories('0000');
				assert.equal(stale.stale, true, kind);
				assert.deepEqual(stale.items, fresh.items);
				assert.equal(stale.fetchedAt, e.fetchedAt - 8 * 86_400_000);
			}
			assert.ok(h.logs.some((l) => l.startsWith('warn') && /cached answer/.test(l)));
			assert.equal(h.events.filter((x) => x.source === 'stale').length, 3);
			await rejectsWith(h.client.listSubjectCategories('0000', { bypassCache: true }), 'server');
			// A bad key is not a reason to serve stale data.
			emu.setFaults([{ kind: 'badKey' }]);
			await rejectsWith(h.client.listSubjectCategories('0000'), 'badKey');
			// Once the API is back, the answer is fresh again and replaces the entry.
			emu.clearFaults();
			const again = await h.client.listSubjectCategories('0000');
			assert.equal(again.stale, false);
			assert.ok(Date.now() - cache.get(k)!.fetchedAt < 60_000);
		});

		it('never caches error envelopes or null', async () => {
			const cache = new MemoryCache();
			const { client } = harness({ cache });
			emu.setFaults([{ kind: 'badKey', times: 1 }]);
			await rejectsWith(client.listSubjectCategories('0000'), 'badKey');
			emu.setFaults([{ kind: 'null', times: 1 }]);
			await rejectsWith(client.listSubjectCategories('0000'), 'tooLarge');
			assert.equal(cache.size, 0);
		});

		it('uses the data TTL for model=data and the metadata TTL otherwise', async () => {
			const cache = new MemoryCache();
			const h = harness({ cache, ttl: { metadataMs: 60_000, dataMs: 0 } });
			await h.client.getDynamicData({ domain: '0000', variable: FIXTURE_IDS.annualVar, periods: [117] });
			await h.client.getDynamicData({ domain: '0000', variable: FIXTURE_IDS.annualVar, periods: [117] });
			assert.equal(emu.requests.length, 2); // data TTL 0: always refetched
			assert.equal([...cache.entries()][0][1].kind, 'data');
			await h.client.listPeriods('0000', FIXTURE_IDS.annualVar);
			await h.client.listPeriods('0000', FIXTURE_IDS.annualVar);
			assert.equal(emu.requests.length, 3);
		});

		it('works with the persistent cache, whose files never hold the key', async () => {
			const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bps-client-cache-'));
			try {
				const cache = new PersistentCache({ dir });
				await cache.load();
				const h = harness({ cache }, ODD_KEY);
				await h.client.listSubjectCategories('0000');
				await h.client.getDynamicData({
					domain: '0000',
					variable: FIXTURE_IDS.annualVar,
					periods: [117, 118],
				});
				await cache.flush();
				const names = await fs.readdir(cache.dir);
				assert.ok(names.length >= 2, 'one file per answer');
				const text = (await Promise.all(names.map((n) => fs.readFile(path.join(cache.dir, n), 'utf8')))).join(
					'\n',
				);
				assert.ok(text.includes('model=subcat'));
				assert.ok(
					!text.includes(ODD_KEY) && !text.includes(encodeURIComponent(ODD_KEY)) && !text.includes('secret'),
				);
				// A new client and cache instance (a restart) answer from the file.
				const reloaded = new PersistentCache({ dir });
				await reloaded.load();
				const h2 = harness({ cache: reloaded });
				emu.resetRequests();
				await h2.client.listSubjectCategories('0000');
				assert.equal(emu.requests.length, 0);
			} finally {
				await fs.rm(dir, { recursive: true, force: true });
			}
		});
	});

	describe('dynamic data', () => {
		it('splits periods by the national cap (3), sorted, and merges', async () => {
			const progress: Array<[number, number]> = [];
			const { client } = harness();
			const t = await client.getDynamicData({
				domain: '0000',
				variable: FIXTURE_IDS.annualVar,
				periods: [119, 113, 114, 115, 116, 117, 118],
				onProgress: (d, n) => void progress.push([d, n]),
			});
			const ths = emu.requests.map((r) => r.params.th).sort();
			assert.deepEqual(ths, ['113;114;115', '116;117;118', '119']);
			assert.ok(
				emu.requests.every(
					(r) => r.params.model === 'data' && r.params.var === String(FIXTURE_IDS.annualVar),
				),
			);
			assert.deepEqual(
				t.tahun.map((x) => x.val),
				['113', '114', '115', '116', '117', '118', '119'],
			);
			assert.equal(t.values.length, t.vervar.length * t.turvar.length * t.tahun.length * t.turtahun.length);
			assert.ok(t.values.some((v) => !Number.isNaN(v)));
			assert.deepEqual(progress[0], [0, 3]);
			assert.deepEqual(progress.at(-1), [3, 3]);
			assert.equal(t.stale, false);
		});

		it('uses the cap of 2 on regional domains and passes filters', async () => {
			const { client } = harness();
			const domain = '3500';
			const periods = (await client.listPeriods(domain, FIXTURE_IDS.regionalVar)).items.map((p) => p.id);
			assert.ok(periods.length >= 3, JSON.stringify(periods));
			emu.resetRequests();
			const rows = (
				await client.listVerticalVariables(domain, { variable: FIXTURE_IDS.regionalVar })
			).items.map((r) => r.id);
			emu.resetRequests();
			const t = await client.getDynamicData({
				domain,
				variable: FIXTURE_IDS.regionalVar,
				periods: periods.slice(0, 3),
				vervar: [rows[1], rows[0]],
			});
			const ths = emu.requests.map((r) => r.params.th).sort();
			assert.equal(ths.length, 2);
			assert.ok(ths.every((th) => th.split(';').length <= 2));
			assert.ok(
				emu.requests.every((r) => r.params.vervar === [rows[0], rows[1]].sort((a, b) => a - b).join(';')),
			);
			assert.equal(t.tahun.length, 3);
		});

		it('skips empty chunks; all empty → noData', async () => {
			const { client } = harness();
			await rejectsWith(
				client.getDynamicData({
					domain: '0000',
					variable: FIXTURE_IDS.emptyWindowVar,
					periods: [86, 87, 88],
				}),
				'noData',
			);
			const t = await client.getDynamicData({
				domain: '0000',
				variable: FIXTURE_IDS.emptyWindowVar,
				periods: [86, 87, 88, 122, 123],
			});
			assert.deepEqual(
				t.tahun.map((x) => x.val),
				['122', '123'],
			);
		});

		it('a too-large window → tooLarge for the whole call, suggesting fewer periods or regions', async () => {
			const e = await rejectsWith(
				harness().client.getDynamicData({
					domain: '0000',
					variable: FIXTURE_IDS.tooLargeVar,
					periods: [118, 119, 120],
				}),
				'tooLarge',
			);
			assert.match(e.message, /fewer periods/);
		});

		it('a failing chunk fails the call; cancellation → cancelled', async () => {
			emu.addFault({ kind: 'badKey', match: { th: '119' } });
			await rejectsWith(
				harness().client.getDynamicData({
					domain: '0000',
					variable: FIXTURE_IDS.annualVar,
					periods: [116, 117, 118, 119],
				}),
				'badKey',
			);
			emu.setFaults([{ kind: 'hang', ms: 3000 }]);
			const ctl = new AbortController();
			const p = harness().client.getDynamicData(
				{ domain: '0000', variable: FIXTURE_IDS.annualVar, periods: [117] },
				{ signal: ctl.signal },
			);
			setTimeout(() => ctl.abort(), 30);
			await rejectsWith(p, 'cancelled');
		});
	});

	describe('configure', () => {
		it('applies new options (key provider, lang) to later calls', async () => {
			const h = harness({}, 'wrong-key');
			await rejectsWith(h.client.listSubjectCategories('0000'), 'badKey');
			h.client.configure({ getKey: async () => EMULATOR_KEY, lang: 'eng' });
			await h.client.listSubjectCategories('0000');
			assert.equal(emu.requests.at(-1)?.params.lang, 'eng');
			assert.equal(emu.requests.at(-1)?.status, 200);
		});
	});
});
