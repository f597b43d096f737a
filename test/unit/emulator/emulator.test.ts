import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { allDomains, getCatalogue } from '../../emulator/data';
import {
	type Emulator,
	EMULATOR_KEY,
	FIXTURE_IDS,
	startEmulator,
	VAR_REGENCIES,
} from '../../emulator/server';

const UA = 'Mozilla/5.0 (emulator test)';
const K = EMULATOR_KEY;

/** A recorded sample file: its parsed body and raw text. */
function sample(name: string): { body: unknown; text: string } {
	let dir = __dirname;
	while (!fs.existsSync(path.join(dir, 'test', 'fixtures', 'samples'))) dir = path.dirname(dir);
	const text = fs.readFileSync(path.join(dir, 'test', 'fixtures', 'samples', `${name}.json`), 'utf8');
	const j = JSON.parse(text) as { body?: unknown; status_code?: number };
	return { body: 'status_code' in j ? j.body : j, text };
}
/** Keys of the first datacontent object in a JSON text, in text order. */
function dcOrder(text: string): string[] {
	const start = text.indexOf('{', text.indexOf('"datacontent"'));
	const body = text.slice(start, text.indexOf('}', start));
	return [...body.matchAll(/"(\d+)"\s*:/g)].map((m) => m[1]);
}

interface Res {
	status: number;
	type: string;
	text: string;
	json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('BPS WebAPI emulator', function () {
	this.timeout(20000);
	let emu: Emulator;
	let root: string;

	async function get(pathOrUrl: string, init: RequestInit & { ua?: string | null } = {}): Promise<Res> {
		const url = pathOrUrl.startsWith('http') ? pathOrUrl : emu.url + pathOrUrl;
		const headers: Record<string, string> = {};
		if (init.ua !== null) headers['user-agent'] = init.ua ?? UA;
		const r = await fetch(url, {
			...init,
			headers: { ...headers, ...(init.headers as Record<string, string>) },
		});
		const text = await r.text();
		return {
			status: r.status,
			type: r.headers.get('content-type') ?? '',
			text,
			json: () => JSON.parse(text),
		};
	}

	before(async () => {
		emu = await startEmulator();
		root = emu.url.replace(/v1\/api\/$/, '');
	});
	after(async () => {
		await emu.close();
	});
	beforeEach(() => {
		emu.clearFaults();
		emu.resetRequests();
	});

	describe('routing and key', () => {
		it('answers path style, query style and the hybrid identically', async () => {
			const a = await get(`list/model/var/domain/0000/page/2/key/${K}/`);
			const b = await get(`list?model=var&domain=0000&page=2&key=${K}`);
			const c = await get(`list/model/var?domain=0000&page=2&key=${K}`);
			const d = await get(`list/domain/0000/page/2/key/${K}/model/var`);
			assert.equal(a.status, 200);
			assert.match(a.type, /^application\/json/);
			assert.equal(a.json().data[0].page, 2);
			assert.equal(a.text, b.text);
			assert.equal(a.text, c.text);
			assert.equal(a.text, d.text);
		});

		it('rejects a missing or unknown key with the HTTP 200 error envelope', async () => {
			const expected = sample('bps-looker__error_bad_key').body;
			for (const p of [
				'list?model=subcat&domain=0000',
				'list?model=subcat&domain=0000&key=deadbeef',
				'domain/type/all/',
			]) {
				const r = await get(p);
				assert.equal(r.status, 200);
				assert.deepEqual(r.json(), expected);
			}
		});

		it('answers 404 with the Yii body for /v1/list and unknown actions', async () => {
			const r = await get(`${root}v1/list?model=subcat&domain=0000&key=${K}`);
			assert.equal(r.status, 404);
			assert.deepEqual(r.json(), {
				name: 'Not Found',
				message: 'Unable to resolve the request "v1/list".',
				code: 0,
				status: 404,
			});
			assert.equal((await get(`search?key=${K}`)).status, 404);
		});
	});

	describe('user agent (WAF perimeter)', () => {
		it('blocks a missing UA and default tool UAs with the 403 HTML page', async () => {
			for (const ua of [null, 'curl/8.5.0', 'python-requests/2.31', 'node', 'undici', 'Go-http-client/1.1']) {
				const r = await get(`list?model=subcat&domain=0000&key=${K}`, { ua });
				assert.equal(r.status, 403, String(ua));
				assert.match(r.type, /^text\/html/);
				assert.match(r.text, /Perimeter WAF Block/);
				assert.match(r.text, /key=\*\*\*/);
				assert.doesNotMatch(r.text, new RegExp(K));
			}
		});

		it('lets everything through when requireUserAgent is false', async () => {
			const open = await startEmulator({ requireUserAgent: false });
			try {
				const r = await fetch(`${open.url}list?model=subcat&domain=0000&key=${K}`);
				assert.equal(r.status, 200);
				assert.equal(((await r.json()) as { status: string }).status, 'OK');
			} finally {
				await open.close();
			}
		});
	});

	describe('lists', () => {
		it('serves exactly the 549 recorded domains, and the prov/kab/kabbyprov filters', async () => {
			const all = await get(`domain?type=all&key=${K}`);
			assert.deepEqual(all.json(), sample('bps-looker__domain_all').body);
			const prov = (await get(`domain/type/prov/key/${K}`)).json();
			assert.deepEqual(prov.data[0], { page: 1, pages: 1, total: 34 });
			const kab = (await get(`domain/type/kab/key/${K}`)).json();
			assert.equal(kab.data[0].total, 514);
			const jatim = (await get(`domain/type/kabbyprov/prov/3500/key/${K}`)).json();
			assert.equal(jatim.data[1].length, 38);
			assert.ok(
				jatim.data[1].every(
					(d: { domain_id: string }) => d.domain_id.startsWith('35') && d.domain_id !== '3500',
				),
			);
		});

		it('pages by 10 whatever perpage says; page past the end is list-not-available', async () => {
			const p1 = (await get(`list?model=var&domain=0000&perpage=100&key=${K}`)).json();
			const { pages, total, per_page, count } = p1.data[0];
			assert.equal(per_page, 10);
			assert.equal(count, 10);
			assert.ok(total >= 250, `national vars: ${total}`);
			assert.equal(pages, Math.ceil(total / 10));
			const last = (await get(`list?model=var&domain=0000&page=${pages}&key=${K}`)).json();
			assert.equal(last.data[0].count, total - (pages - 1) * 10);
			assert.equal(last.data[1].length, last.data[0].count);
			const past = (await get(`list?model=var&domain=0000&page=${pages + 1}&key=${K}`)).json();
			assert.deepEqual(past, { status: 'OK', 'data-availability': 'list-not-available', data: '' });
		});

		it('has the four national subject categories in both languages, and filters subjects by subcat', async () => {
			const ind = (await get(`list?model=subcat&domain=0000&key=${K}`)).json().data[1];
			assert.deepEqual(
				ind.map((s: { subcat_id: number }) => s.subcat_id),
				[0, 1, 2, 3],
			);
			assert.equal(ind[1].title, 'Sosial dan Kependudukan');
			const eng = (await get(`list?model=subcat&domain=0000&lang=eng&key=${K}`)).json().data[1];
			assert.equal(eng[1].title, 'Social and Population');
			const subj = (await get(`list?model=subject&domain=0000&subcat=3&key=${K}`)).json();
			assert.ok(
				subj.data[1].length > 0 && subj.data[1].every((s: { subcat_id: number }) => s.subcat_id === 3),
			);
		});

		it('filters titles by keyword (case-insensitive, + is a space) in both URL styles', async () => {
			const a = (await get(`list?model=var&domain=0000&keyword=harapan+hidup&key=${K}`)).json();
			const b = (await get(`list/model/var/domain/0000/keyword/Harapan+Hidup/key/${K}`)).json();
			assert.deepEqual(a, b);
			assert.ok(a.data[1].length > 0);
			assert.ok(a.data[1].every((v: { title: string }) => /harapan hidup/i.test(v.title)));
		});

		it('var list items have the recorded field set and entity-escaped notes', async () => {
			const v = (await get(`list?model=var&domain=0000&key=${K}`)).json().data[1][0];
			assert.deepEqual(
				Object.keys(v),
				Object.keys((sample('bps-looker__var_0000_p1').body as { data: [unknown, object[]] }).data[1][0]),
			);
			assert.ok(!/<p>/.test(v.notes) && /&lt;p&gt;/.test(v.notes));
		});

		it('serves the recorded th list of var 1804 and per-var dimension lists', async () => {
			assert.deepEqual(
				(await get(`list?model=th&domain=0000&var=1804&key=${K}`)).json(),
				sample('bps-looker__th_0000_1804').body,
			);
			const tv = (await get(`list?model=turvar&domain=0000&var=${FIXTURE_IDS.derivedVar}&key=${K}`)).json()
				.data[1];
			assert.deepEqual(
				tv.map((x: { turvar_id: number }) => x.turvar_id),
				[811, 812, 813],
			);
			const tt = (await get(`list?model=turth&domain=0000&var=${FIXTURE_IDS.quarterlyVar}&key=${K}`)).json()
				.data[1];
			assert.deepEqual(
				tt.map((x: { turth_id: number }) => x.turth_id),
				[31, 32, 33, 34, 35],
			);
			const vv = (
				await get(`list?model=vervar&domain=3578&var=${FIXTURE_IDS.regionalVar}&page=4&key=${K}`)
			).json().data[1];
			assert.deepEqual(Object.keys(vv[0]), [
				'kode_ver_id',
				'vervar',
				'item_ver_id',
				'group_ver_id',
				'name_group_ver_id',
			]);
			assert.equal(vv[vv.length - 1].kode_ver_id, 9999);
		});

		it('serves the recorded national indicators; none on regencies', async () => {
			assert.deepEqual(
				(await get(`list?model=indicators&domain=0000&page=1&key=${K}`)).json(),
				sample('bps-looker__indicators_0000_p1').body,
			);
			assert.deepEqual(
				(await get(`list?model=indicators&domain=0000&page=2&key=${K}`)).json(),
				sample('bps-looker__indicators_0000_p2').body,
			);
			assert.equal(
				(await get(`list?model=indicators&domain=3578&key=${K}`)).json()['data-availability'],
				'list-not-available',
			);
			assert.equal(
				(await get(`list?model=indicators&domain=3500&key=${K}`)).json()['data-availability'],
				'available',
			);
		});

		it('gives every domain a non-empty catalogue', async () => {
			// Straight from the generator (all provinces, every 5th regency), then a few over HTTP.
			const domains = allDomains();
			assert.equal(domains.length, 549);
			for (const [i, d] of domains.entries()) {
				if (!d.domain_id.endsWith('00') && i % 5 !== 0) continue;
				const c = getCatalogue(d.domain_id, 'ind')!;
				assert.ok(
					c.subjects.length > 0 &&
						c.vars.length >= 20 &&
						c.statictables.length > 0 &&
						c.publications.length > 0 &&
						c.pressreleases.length > 0,
					d.domain_id,
				);
				assert.ok(
					c.vars.some((v) => v.id === FIXTURE_IDS.regionalVar) || d.domain_id === '0000',
					d.domain_id,
				);
			}
			for (const domain of ['3578', '3500', '9471', '1101']) {
				for (const model of ['subcat', 'subject', 'var', 'statictable', 'publication', 'pressrelease']) {
					const r = (await get(`list?model=${model}&domain=${domain}&key=${K}`)).json();
					assert.equal(r['data-availability'], 'available', `${model} on ${domain}`);
				}
			}
		});
	});

	describe('model=data', () => {
		it('requires th with the exact recorded message', async () => {
			const r = await get(`list?model=data&domain=0000&var=1804&key=${K}`);
			assert.deepEqual(r.json(), sample('bps-looker__error_data_missing_th').body);
			assert.deepEqual(
				(await get(`list?model=data&domain=0000&var=1804&th=abc&key=${K}`)).json(),
				sample('bps-looker__error_data_missing_th').body,
			);
		});

		it('caps periods at 3 nationally and 2 elsewhere with the exact recorded messages', async () => {
			assert.deepEqual(
				(await get(`list?model=data&domain=0000&var=1804&th=113:119&key=${K}`)).json(),
				sample('bps-looker__error_data_too_many_th').body,
			);
			assert.deepEqual(
				(await get(`list?model=data&domain=1200&var=297&th=110:112&key=${K}`)).json(),
				sample('bps-looker__error_data_prov_max_2_th').body,
			);
			const list = (await get(`list?model=data&domain=0000&var=1804&th=113;114;115;116&key=${K}`)).json();
			assert.match(list.message, /is 3\. You provided 4\./);
			assert.equal((await get(`list?model=data&domain=3578&var=1&th=123;124&key=${K}`)).json().status, 'OK');
		});

		it('reproduces the recorded var 1804 response (values, labels and key order)', async () => {
			const s = sample('bps-looker__data_0000_1804');
			for (const p of [
				`list?model=data&domain=0000&var=1804&th=117:119&key=${K}`,
				`list/model/data/lang/ind/domain/0000/var/1804/th/117:119/key/${K}/`,
				`list?model=data&domain=0000&var=1804&th=117;118;119&key=${K}`,
			]) {
				const r = await get(p);
				assert.deepEqual(r.json(), s.body);
				assert.deepEqual(dcOrder(r.text), dcOrder(s.text));
			}
		});

		it('reproduces the recorded monthly var 2263 (39 provinces × 12 months, 13 sparse)', async () => {
			const s = sample('bps-looker__data_0000_2263');
			const r = await get(`list?model=data&domain=0000&var=2263&th=124&key=${K}`);
			assert.deepEqual(r.json(), s.body);
			assert.deepEqual(dcOrder(r.text), dcOrder(s.text));
		});

		it('serves the recorded Maluku var 218 cells on domain 8100 by the key rule', async () => {
			const s = sample('vue-embedded__data_var218_maluku_monthly').body as {
				datacontent: Record<string, number>;
			};
			const r = (await get(`list?model=data&domain=8100&var=218&th=117;122&key=${K}`)).json();
			assert.deepEqual(r.related, (s as unknown as { related: unknown }).related);
			let n = 0;
			for (const v of r.vervar)
				for (const tv of r.turvar)
					for (const t of r.tahun)
						for (const tt of r.turtahun) {
							const key = `${v.val}${r.var[0].val}${tv.val}${t.val}${tt.val}`;
							assert.equal(r.datacontent[key], s.datacontent[key], key);
							if (key in r.datacontent) n++;
						}
			assert.equal(n, Object.keys(r.datacontent).length);
			// 2017: 13 months each for Ambon and Tual; 2022: January–October only.
			assert.equal(n, 26 + 20);
		});

		it('builds every datacontent key by the concatenation rule, unambiguously (derived var)', async () => {
			const r = (
				await get(`list?model=data&domain=0000&var=${FIXTURE_IDS.derivedVar}&th=122:124&key=${K}`)
			).json();
			const produced = new Map<string, number>();
			for (const v of r.vervar)
				for (const tv of r.turvar)
					for (const t of r.tahun)
						for (const tt of r.turtahun) {
							const key = `${v.val}${r.var[0].val}${tv.val}${t.val}${tt.val}`;
							produced.set(key, (produced.get(key) ?? 0) + 1);
						}
			assert.ok([...produced.values()].every((n) => n === 1));
			const keys = Object.keys(r.datacontent);
			assert.ok(keys.length > 0 && keys.every((k) => produced.has(k)));
			assert.ok(keys.length < produced.size, 'some cells are missing (sparse)');
			assert.equal(r.turvar.length, 3);
			assert.equal(typeof r.turvar[0].val, 'number');
		});

		it('applies vervar/turvar/turth filters', async () => {
			const r = (
				await get(
					`list?model=data&domain=0000&var=${FIXTURE_IDS.quarterlyVar}&th=123&vervar=9999;3500&turth=31:32&key=${K}`,
				)
			).json();
			assert.deepEqual(
				r.vervar.map((v: { val: number }) => v.val),
				[3500, 9999],
			);
			assert.deepEqual(
				r.turtahun.map((v: { val: number }) => v.val),
				[31, 32],
			);
			assert.deepEqual(r.turvar, [{ val: '0', label: 'Tidak ada' }]);
			assert.equal(Object.keys(r.datacontent).length, 4);
		});

		it('serves the regency table (514 rows) and answers null above maxCells', async () => {
			const r = (await get(`list?model=data&domain=0000&var=${VAR_REGENCIES}&th=122:124&key=${K}`)).json();
			assert.equal(r.vervar.length, 514);
			assert.equal(r.tahun.length, 3);
			const big = await get(`list?model=data&domain=0000&var=${FIXTURE_IDS.tooLargeVar}&th=118:120&key=${K}`);
			assert.equal(big.status, 200);
			assert.match(big.type, /^application\/json/);
			assert.equal(big.text, 'null');
			assert.notEqual(
				(await get(`list?model=data&domain=0000&var=${FIXTURE_IDS.tooLargeVar}&th=118&key=${K}`)).text,
				'null',
			);
			const small = await startEmulator({ maxCells: 100 });
			try {
				const x = await fetch(
					`${small.url}list?model=data&domain=0000&var=${VAR_REGENCIES}&th=124&key=${K}`,
					{ headers: { 'user-agent': UA } },
				);
				assert.equal(await x.text(), 'null');
			} finally {
				await small.close();
			}
		});

		it('answers list-not-available for a window without cells (recorded case)', async () => {
			const r = await get(`list?model=data&domain=0000&var=${FIXTURE_IDS.emptyWindowVar}&th=86:88&key=${K}`);
			assert.deepEqual(r.json(), sample('bps-looker__data_list_not_available').body);
		});

		it('switches labels with lang=eng and is deterministic across instances', async () => {
			const eng = (
				await get(`list?model=data&domain=0000&var=${FIXTURE_IDS.derivedVar}&th=124&lang=eng&key=${K}`)
			).json();
			assert.deepEqual(
				eng.turvar.map((t: { label: string }) => t.label),
				['Male', 'Female', 'Male+Female'],
			);
			const ind = (
				await get(`list?model=data&domain=0000&var=${FIXTURE_IDS.derivedVar}&th=124&key=${K}`)
			).json();
			assert.deepEqual(eng.datacontent, ind.datacontent);
			const other = await startEmulator();
			try {
				const x = await fetch(`${other.url}list?model=data&domain=3578&var=1&th=123;124&key=${K}`, {
					headers: { 'user-agent': UA },
				});
				assert.equal(
					await x.text(),
					(await get(`list?model=data&domain=3578&var=1&th=123;124&key=${K}`)).text,
				);
			} finally {
				await other.close();
			}
		});
	});

	describe('views', () => {
		it('serves the recorded static table, publication and press release details', async () => {
			const st = (
				await get(
					`view?model=statictable&domain=${FIXTURE_IDS.sampleDomain}&id=${FIXTURE_IDS.sampleStaticTable}&key=${K}`,
				)
			).json();
			assert.deepEqual(st, sample('flutter__static_table_detail_fixture').body);
			const pub = (
				await get(
					`view/model/publication/domain/${FIXTURE_IDS.sampleDomain}/id/${FIXTURE_IDS.samplePublication}/key/${K}`,
				)
			).json();
			const recorded = sample('flutter__publication_detail_fixture').body as { data: unknown };
			assert.deepEqual(pub.data, recorded.data);
			assert.deepEqual(Object.keys(pub), ['status', 'request', 'data-availability', 'data']);
			assert.equal(pub.request.id, FIXTURE_IDS.samplePublication);
			const brs = (
				await get(`view?model=pressrelease&domain=0000&id=${FIXTURE_IDS.samplePressRelease}&key=${K}`)
			).json();
			assert.deepEqual(brs, sample('flutter__press_release_detail_fixture').body);
		});

		it('serves generated details with BPS-style fields and escaping', async () => {
			const st = (
				await get(`view?model=statictable&domain=0000&id=${FIXTURE_IDS.staticTable}&key=${K}`)
			).json().data;
			assert.equal(st.sub_id, 12);
			assert.match(st.table, /^&lt;table class=&quot;excel&quot;/);
			assert.doesNotMatch(st.table, /<td/);
			const pub = (
				await get(`view?model=publication&domain=0000&id=${FIXTURE_IDS.publication}&key=${K}`)
			).json();
			for (const k of ['pub_id', 'kat_no', 'pub_no', 'cover', 'pdf', 'related']) assert.ok(k in pub.data, k);
			assert.match(pub.data.pub_id, /^[0-9a-f]{24}$/);
			const brs = (
				await get(`view?model=pressrelease&domain=0000&id=${FIXTURE_IDS.pressRelease}&key=${K}`)
			).json().data;
			assert.equal(brs.title, 'Gini Ratio Maret 2023 tercatat sebesar 0,388.');
			assert.equal(typeof brs.hit, 'number');
		});

		it('answers not-available for unknown ids', async () => {
			const r = (await get(`view?model=statictable&domain=0000&id=999999&key=${K}`)).json();
			assert.deepEqual(r, { status: 'OK', 'data-availability': 'not-available', data: '' });
		});
	});

	describe('xss probes', () => {
		it('adds hostile items only when asked', async () => {
			assert.equal(
				(await get(`list?model=data&domain=0000&var=666&th=124&key=${K}`)).json()['data-availability'],
				'list-not-available',
			);
			const x = await startEmulator({ xssProbes: true });
			try {
				const h = { headers: { 'user-agent': UA } };
				const d = (await (
					await fetch(`${x.url}list?model=data&domain=0000&var=666&th=124&key=${K}`, h)
				).json()) as { var: Array<{ label: string; note: string }>; vervar: Array<{ label: string }> };
				assert.match(d.var[0].label, /<img src=x onerror=alert\(1\)>/);
				assert.match(d.var[0].note, /javascript:/);
				assert.ok(d.vervar.some((v) => v.label.includes('<script>')));
				const st = await (
					await fetch(`${x.url}view?model=statictable&domain=0000&id=666&key=${K}`, h)
				).text();
				assert.match(st, /&lt;script&gt;/);
				const pub = (await (
					await fetch(`${x.url}view?model=publication&domain=0000&id=aaaaaaaaaaaaaaaaaaaa0666&key=${K}`, h)
				).json()) as { data: { abstract: string } };
				assert.match(pub.data.abstract, /<script>/);
				const brs = (await (
					await fetch(`${x.url}view?model=pressrelease&domain=0000&id=666&key=${K}`, h)
				).json()) as { data: { title: string } };
				assert.match(brs.data.title, /onerror/);
			} finally {
				await x.close();
			}
		});
	});

	describe('faults', () => {
		const P = `list?model=subcat&domain=0000&key=${K}`;

		it('latency delays the answer', async () => {
			emu.addFault({ kind: 'latency', ms: 300, times: 1 });
			const t0 = Date.now();
			const r = await get(P);
			assert.ok(Date.now() - t0 >= 280);
			assert.equal(r.json().status, 'OK');
			const t1 = Date.now();
			await get(P);
			assert.ok(Date.now() - t1 < 250, 'spent after one use');
		});

		it('status answers the given HTTP status (default 503) with an error page', async () => {
			emu.setFaults([
				{ kind: 'status', times: 1 },
				{ kind: 'status', status: 429, times: 1 },
			]);
			assert.equal((await get(P)).status, 503);
			assert.equal((await get(P)).status, 429);
			assert.equal((await get(P)).status, 200);
		});

		it('drop destroys the socket; hang with ms destroys it later', async () => {
			emu.setFaults([{ kind: 'drop', times: 1 }]);
			await assert.rejects(get(P));
			emu.setFaults([{ kind: 'hang', ms: 200, times: 1 }]);
			const t0 = Date.now();
			await assert.rejects(get(P));
			assert.ok(Date.now() - t0 >= 180);
		});

		it('hang without ms never answers until the client gives up', async () => {
			emu.setFaults([{ kind: 'hang', times: 1 }]);
			await assert.rejects(get(P, { signal: AbortSignal.timeout(300) }));
			assert.equal(emu.requests[0].fault, 'hang');
			assert.equal(emu.requests[0].status, 0);
		});

		it('waf / waf200 / htmlError answer HTML', async () => {
			emu.setFaults([
				{ kind: 'waf', times: 1 },
				{ kind: 'waf200', times: 1 },
				{ kind: 'htmlError', times: 1 },
			]);
			const a = await get(P);
			assert.equal(a.status, 403);
			assert.match(a.text, /Akses ini ditolak/);
			const b = await get(P);
			assert.equal(b.status, 200);
			assert.match(b.type, /^text\/html/);
			assert.match(b.text, /Perimeter WAF Block/);
			const c = await get(P);
			assert.equal(c.status, 500);
			assert.match(c.type, /^text\/html/);
		});

		it('malformed sends truncated JSON; slowBody sends the full body slowly', async () => {
			emu.setFaults([{ kind: 'malformed', times: 1 }]);
			const m = await get(P);
			assert.equal(m.status, 200);
			assert.match(m.type, /^application\/json/);
			assert.throws(() => m.json());
			emu.setFaults([{ kind: 'slowBody', ms: 400, times: 1 }]);
			const t0 = Date.now();
			const s = await get(P);
			assert.ok(Date.now() - t0 >= 350);
			assert.equal(s.json().status, 'OK');
		});

		it('badKey / null / noData / unavailable / notFound answer the BPS envelopes', async () => {
			emu.setFaults([
				{ kind: 'badKey', times: 1 },
				{ kind: 'null', times: 1 },
				{ kind: 'noData', times: 2 },
				{ kind: 'unavailable', times: 1 },
				{ kind: 'notFound', times: 1 },
			]);
			assert.equal((await get(P)).json().status, 'Error');
			assert.equal((await get(P)).text, 'null');
			assert.equal((await get(P)).json()['data-availability'], 'list-not-available');
			assert.equal(
				(await get(`view?model=pressrelease&domain=0000&id=26&key=${K}`)).json()['data-availability'],
				'not-available',
			);
			assert.deepEqual((await get(P)).json(), { status: 'OK', 'data-availability': 'unavailable' });
			assert.equal((await get(P)).status, 404);
			assert.equal((await get(P)).json().status, 'OK');
		});

		it('match restricts a fault to matching requests (params and action)', async () => {
			emu.setFaults([
				{ kind: 'status', status: 502, match: { model: 'var', domain: '3578' } },
				{ kind: 'null', match: { action: 'domain' } },
			]);
			assert.equal((await get(`list?model=var&domain=3578&key=${K}`)).status, 502);
			assert.equal((await get(`list/model/var/domain/3578/page/2/key/${K}`)).status, 502);
			assert.equal((await get(`list?model=var&domain=0000&key=${K}`)).status, 200);
			assert.equal((await get(`domain/type/all/key/${K}`)).text, 'null');
			assert.equal((await get(P)).status, 200);
		});
	});

	describe('request log and control endpoints', () => {
		it('records every request without the key, including faulted ones', async () => {
			emu.addFault({ kind: 'drop', times: 1 });
			await get(P2()).catch(() => undefined);
			await get(`list/model/var/domain/0000/key/${K}/`);
			await get('list?model=var&domain=0000');
			const [a, b, c] = emu.requests;
			assert.equal(a.fault, 'drop');
			assert.equal(b.status, 200);
			assert.deepEqual(b.params, { model: 'var', domain: '0000' });
			assert.equal(b.action, 'list');
			assert.equal(b.keyPresent, true);
			assert.equal(b.userAgent, UA);
			assert.equal(c.keyPresent, false);
			assert.ok(!JSON.stringify(emu.requests).includes(K));
		});

		it('health, faults, requests and reset work over HTTP without a key', async () => {
			const health = await get(`${root}__emulator/health`);
			assert.equal(health.json().ok, true);
			const set = await fetch(`${root}__emulator/faults`, {
				method: 'POST',
				body: JSON.stringify([{ kind: 'status', status: 500, times: 1 }]),
			});
			assert.equal(set.status, 200);
			assert.equal((await get(P2())).status, 500);
			const log = (await get(`${root}__emulator/requests`)).json();
			assert.equal(log.length, 1);
			assert.equal(log[0].fault, 'status');
			await fetch(`${root}__emulator/faults`, { method: 'POST', body: JSON.stringify([{ kind: 'badKey' }]) });
			assert.equal((await fetch(`${root}__emulator/faults`, { method: 'DELETE' })).status, 200);
			assert.equal((await get(P2())).json().status, 'OK');
			assert.equal(
				(await fetch(`${root}__emulator/faults`, { method: 'POST', body: '{not json' })).status,
				400,
			);
			await fetch(`${root}__emulator/faults`, { method: 'POST', body: JSON.stringify([{ kind: 'null' }]) });
			assert.equal((await fetch(`${root}__emulator/reset`, { method: 'POST' })).status, 200);
			assert.equal((await get(`${root}__emulator/requests`)).json().length, 0);
			assert.equal((await get(P2())).json().status, 'OK');
		});

		function P2(): string {
			return `list?model=subcat&domain=0000&key=${K}`;
		}
	});
});
