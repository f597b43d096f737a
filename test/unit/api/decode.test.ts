import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeDynamicData } from '../../../src/api/decode';
import { mergeTables } from '../../../src/api/merge';
import { BpsError } from '../../../src/api/errors';
import type { DynamicTable } from '../../../src/api/types';

const ctx = { domain: '0000', lang: 'ind' as const, fetchedAt: 1_700_000_000_000, stale: false };

/** A recorded sample body: from test/fixtures/samples, else the shared copy; unwraps the recorder's envelope. */
export function loadSample(name: string): Record<string, unknown> {
	const local = path.resolve('test/fixtures/samples', name);
	const file = fs.existsSync(local) ? local : path.join('/work/shared/bps-samples', name);
	const json = JSON.parse(fs.readFileSync(file, 'utf8'));
	const body = json && typeof json === 'object' && 'body' in json && 'request' in json ? json.body : json;
	return typeof body === 'string' ? JSON.parse(body) : body;
}

const SAMPLES = [
	['bps-looker__data_0000_1804.json', 9],
	['bps-looker__data_0000_2263.json', 468],
	['vue-embedded__data_var218_maluku_monthly.json', 56],
] as const;

/** Naive reference: every key of every combination, with how many combinations produce it. */
function keyIndex(t: DynamicTable, varVal: string): Map<string, number[]> {
	const m = new Map<string, number[]>();
	let idx = 0;
	for (const v of t.vervar)
		for (const tv of t.turvar)
			for (const th of t.tahun)
				for (const tt of t.turtahun) {
					const k = v.val + varVal + tv.val + th.val + tt.val;
					m.set(k, [...(m.get(k) ?? []), idx++]);
				}
	return m;
}

function sameValues(a: Float64Array, b: Float64Array): void {
	assert.equal(a.length, b.length);
	for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `cell ${i}: ${a[i]} != ${b[i]}`);
}

function expectUnexpected(fn: () => unknown, field: string): void {
	assert.throws(fn, (e: unknown) => {
		assert.ok(e instanceof BpsError, `not a BpsError: ${String(e)}`);
		assert.equal(e.kind, 'unexpected');
		assert.equal(e.details.field, field);
		return true;
	});
}

/** A minimal well-formed body to mutate. */
function body(over: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		status: 'OK',
		'data-availability': 'available',
		last_update: '2024-01-01 00:00:00',
		subject: [{ val: 1, label: 'S' }],
		var: [{ val: 7, label: 'V', unit: 'U', subj: 'S', def: '', decimal: 1, note: '' }],
		turvar: [{ val: '0', label: 'Tidak ada' }],
		labelvervar: 'Wilayah',
		vervar: [
			{ val: 1, label: 'A' },
			{ val: 2, label: 'B' },
		],
		tahun: [{ val: 120, label: '2020' }],
		turtahun: [{ val: 0, label: 'Tahun' }],
		datacontent: { '1701200': 1.5, '2701200': -2 },
		related: [],
		...over,
	};
}

describe('decodeDynamicData', () => {
	for (const [name, nKeys] of SAMPLES) {
		it(`decodes every key of ${name} (${nKeys} keys) to its value`, () => {
			const b = loadSample(name);
			const dc = b.datacontent as Record<string, number>;
			assert.equal(Object.keys(dc).length, nKeys);
			const t = decodeDynamicData(b, ctx);
			const varVal = String((b.var as Array<{ val: number }>)[0].val);
			const index = keyIndex(t, varVal);
			for (const [key, value] of Object.entries(dc)) {
				const cells = index.get(key);
				assert.ok(cells, `key ${key} produced by no combination`);
				assert.equal(cells.length, 1, `key ${key} ambiguous`);
				assert.equal(t.values[cells[0]], value, `key ${key}`);
			}
			const present = t.values.filter((x) => !Number.isNaN(x)).length;
			assert.equal(present, nKeys);
			assert.equal(t.unmatchedKeys, 0);
			assert.equal(t.values.length, t.vervar.length * t.turvar.length * t.tahun.length * t.turtahun.length);
		});
	}

	it('maps the 1804 sample exactly (dims, metadata, index formula)', () => {
		const t = decodeDynamicData(loadSample('bps-looker__data_0000_1804.json'), ctx);
		assert.deepEqual(
			t.vervar.map((d) => d.val),
			['1', '2', '3'],
		);
		assert.deepEqual(t.turvar, [{ val: '0', label: 'Tidak ada' }]);
		assert.deepEqual(
			t.tahun.map((d) => d.label),
			['2017', '2018', '2019'],
		);
		assert.deepEqual(t.turtahun, [{ val: '0', label: 'Tahun' }]);
		assert.equal(t.rowTitle, 'Jenis Korban', 'labelvervar trailing space trimmed');
		assert.equal(t.variable.id, 1804);
		assert.equal(t.variable.unit, 'Orang');
		assert.equal(t.variable.decimal, 0);
		assert.equal(t.variable.definition, '');
		assert.match(t.variable.notes, /BNPB/);
		assert.equal(t.lastUpdate, '2020-03-26 00:00:00');
		assert.deepEqual(t.subjects, [{ val: '539', label: 'Lingkungan' }]);
		assert.deepEqual(t.related, []);
		assert.equal(t.domain, '0000');
		assert.equal(t.lang, 'ind');
		assert.equal(t.fetchedAt, ctx.fetchedAt);
		assert.equal(t.stale, false);
		// key 1180401170 -> 440: vervar 1 (v=0), tahun 117 (t=0)
		assert.equal(t.values[0], 440);
		// key 2180401190 -> 3362: v=1, t=2 -> ((1*1+0)*3+2)*1+0 = 5
		assert.equal(t.values[5], 3362);
	});

	it('keeps missing cells NaN, never 0 (2263: turtahun 13 "Tahunan" has no 2024 values)', () => {
		const t = decodeDynamicData(loadSample('bps-looker__data_0000_2263.json'), ctx);
		assert.equal(t.turtahun.length, 13);
		assert.equal(t.turtahun[12].label, 'Tahunan');
		const nan = t.values.filter((x) => Number.isNaN(x)).length;
		assert.equal(nan, t.vervar.length * 13 - 468);
		for (let v = 0; v < t.vervar.length; v++) assert.ok(Number.isNaN(t.values[v * 13 + 12]));
		assert.equal(t.variable.decimal, 2);
		// 7500 2263 0 124 1 -> 4.4
		const v7500 = t.vervar.findIndex((d) => d.val === '7500');
		assert.equal(t.values[v7500 * 13 + 0], 4.4);
	});

	it('turns a related object {"1":{…}} into an array', () => {
		const t = decodeDynamicData(loadSample('vue-embedded__data_var218_maluku_monthly.json'), ctx);
		assert.equal(t.related.length, 3);
		assert.deepEqual(t.related[0], {
			id: 'MzMwIzI=',
			title: '3- Inflasi Tahun ke Tahun (y-on-y) Kota Ambon, dan Kota Tual',
			tablesource: 2,
			lastUpdate: '2023-02-13',
			link: '/2/MzMwIzI=/3--inflasi-tahun-ke-tahun--y-on-y--kota-ambon--dan-kota-tual.html',
		});
		assert.equal(t.values[0], 0.28); // 121801171
		assert.equal(t.values[1], -0.47); // 121801172, negative
	});

	it('is lenient where the API varies', () => {
		const t = decodeDynamicData(
			body({
				var: [{ val: '7', label: 'V', decimal: '' }], // unit/subj/def/note absent
				vervar: [
					{ val: '1', label: ' A ' },
					{ val: 2, label: null },
				],
				labelvervar: 'Wilayah  ',
				related: null,
				subject: undefined,
				last_update: null,
				datacontent: { '1701200': '3.25', '2701200': '-' },
			}),
			ctx,
		);
		assert.equal(t.variable.decimal, 0);
		assert.equal(t.variable.id, 7);
		assert.equal(t.variable.notes, '');
		assert.equal(t.variable.definition, '');
		assert.equal(t.variable.unit, '');
		assert.equal(t.rowTitle, 'Wilayah');
		assert.deepEqual(t.vervar, [
			{ val: '1', label: 'A' },
			{ val: '2', label: '' },
		]);
		assert.deepEqual(t.related, []);
		assert.deepEqual(t.subjects, []);
		assert.equal(t.lastUpdate, '');
		assert.equal(t.values[0], 3.25);
		assert.ok(Number.isNaN(t.values[1]));
		assert.equal(t.unmatchedKeys, 0);
	});

	it('treats null, "" and "-" as missing and counts them as matched', () => {
		const t = decodeDynamicData(
			body({
				vervar: [
					{ val: 1, label: 'A' },
					{ val: 2, label: 'B' },
					{ val: 3, label: 'C' },
					{ val: 4, label: 'D' },
				],
				datacontent: { '1701200': null, '2701200': '', '3701200': '-', '4701200': 0 },
			}),
			ctx,
		);
		assert.ok(Number.isNaN(t.values[0]) && Number.isNaN(t.values[1]) && Number.isNaN(t.values[2]));
		assert.ok(Object.is(t.values[3], 0), 'a real 0 stays 0');
		assert.equal(t.unmatchedKeys, 0);
	});

	it('accepts an empty datacontent [] (PHP empty array) and decimal as a numeric string', () => {
		const t = decodeDynamicData(body({ datacontent: [], var: [{ val: 7, label: 'V', decimal: '3' }] }), ctx);
		assert.equal(t.values.length, 2);
		assert.ok(t.values.every((x) => Number.isNaN(x)));
		assert.equal(t.variable.decimal, 3);
	});

	it('counts datacontent keys no combination produces', () => {
		const t = decodeDynamicData(
			body({ datacontent: { '1701200': 1, '2701200': 2, '9701200': 3, '17012000': 4 } }),
			ctx,
		);
		assert.equal(t.unmatchedKeys, 2);
		assert.deepEqual([...t.values], [1, 2]);
	});

	describe('bad shapes throw BpsError(unexpected) naming the field', () => {
		const cases: Array<[string, unknown, string]> = [
			[
				'vervar[3].val an object',
				body({ vervar: [{ val: 1 }, { val: 2 }, { val: 3 }, { val: {} }] }),
				'vervar[3].val',
			],
			['vervar[1].val a word', body({ vervar: [{ val: 1 }, { val: 'abc' }] }), 'vervar[1].val'],
			['var missing', body({ var: undefined }), 'var'],
			['var empty', body({ var: [] }), 'var'],
			['var[0].val null', body({ var: [{ val: null }] }), 'var[0].val'],
			['var[0].decimal an object', body({ var: [{ val: 7, decimal: {} }] }), 'var[0].decimal'],
			['tahun not an array', body({ tahun: { val: 1 } }), 'tahun'],
			['turtahun missing', body({ turtahun: undefined }), 'turtahun'],
			['turvar[0] null', body({ turvar: [null] }), 'turvar[0]'],
			['datacontent a string', body({ datacontent: 'x' }), 'datacontent'],
			['datacontent null', body({ datacontent: null }), 'datacontent'],
			['related[0].id missing', body({ related: [{ title: 'x' }] }), 'related[0].id'],
			['related["1"] not an object', body({ related: { '1': 5 } }), 'related["1"]'],
			['body null', null, '(body)'],
			['body an array', [], '(body)'],
		];
		for (const [what, b, field] of cases)
			it(what, () => expectUnexpected(() => decodeDynamicData(b, ctx), field));

		it('a datacontent value that is an object', () => {
			expectUnexpected(
				() => decodeDynamicData(body({ datacontent: { '1701200': { x: 1 } } }), ctx),
				'datacontent["1701200"]',
			);
		});
	});

	describe('collisions (a key produced by more than one combination)', () => {
		it('suffix overlap: tahun 1 + turtahun 11 == tahun 11 + turtahun 1', () => {
			const b = body({
				vervar: [{ val: 5, label: 'A' }],
				tahun: [
					{ val: 1, label: 'y1' },
					{ val: 11, label: 'y11' },
				],
				turtahun: [
					{ val: 1, label: 'm1' },
					{ val: 11, label: 'm11' },
				],
				// keys: 5 7 0 + {1·1=11, 1·11=111, 11·1=111, 11·11=1111}
				datacontent: { '57011': 1, '570111': 2, '5701111': 3 },
			});
			const t = decodeDynamicData(b, ctx);
			// cells (t,tt): (0,0)=11 -> 1, (0,1)=111 ambiguous, (1,0)=111 ambiguous, (1,1)=1111 -> 3
			assert.equal(t.values[0], 1);
			assert.ok(Number.isNaN(t.values[1]));
			assert.ok(Number.isNaN(t.values[2]));
			assert.equal(t.values[3], 3);
			assert.equal(t.unmatchedKeys, 0, 'an ambiguous key is matched, not unmatched');
		});

		it('prefix overlap: vervar 1 + turvar 2 + tahun 25 == vervar 12 + turvar 2 + tahun 5', () => {
			const b = body({
				var: [{ val: 2, label: 'V' }],
				vervar: [
					{ val: 1, label: 'a' },
					{ val: 12, label: 'b' },
				],
				turvar: [
					{ val: 2, label: 'x' },
					{ val: '0', label: 'y' },
				],
				tahun: [
					{ val: 5, label: '5' },
					{ val: 25, label: '25' },
				],
				turtahun: [{ val: 0, label: 'Tahun' }],
				datacontent: { '122250': 9, '122050': 4, '1222250': 7 },
			});
			const t = decodeDynamicData(b, ctx);
			const idx = keyIndex(t, '2');
			assert.deepEqual(idx.get('122250'), [1, 4]);
			for (let i = 0; i < t.values.length; i++) {
				const key = [...idx].find(([, cells]) => cells.includes(i))![0];
				const cells = idx.get(key)!;
				const dc = b.datacontent as Record<string, number>;
				const expected = cells.length > 1 || !(key in dc) ? NaN : dc[key];
				assert.ok(Object.is(t.values[i], expected), `cell ${i} key ${key}: ${t.values[i]} != ${expected}`);
			}
			assert.ok(Number.isNaN(t.values[0]), '12250 absent');
			assert.ok(Number.isNaN(t.values[1]) && Number.isNaN(t.values[4]), '122250 ambiguous');
			assert.equal(t.values[5], 7); // 12 2 2 25 0
			assert.equal(t.values[6], 4); // 12 2 0 5 0
			assert.equal(t.unmatchedKeys, 0);
		});

		it('a dimension value listed twice is kept once', () => {
			const t = decodeDynamicData(
				body({
					vervar: [
						{ val: 1, label: 'A' },
						{ val: 1, label: 'A2' },
						{ val: 2, label: 'B' },
					],
				}),
				ctx,
			);
			assert.deepEqual(t.vervar, [
				{ val: '1', label: 'A' },
				{ val: '2', label: 'B' },
			]);
			assert.deepEqual([...t.values], [1.5, -2]);
		});

		it('two vals with the same text (1 and "1") collapse too', () => {
			const t = decodeDynamicData(
				body({
					vervar: [
						{ val: 1, label: 'A' },
						{ val: '1', label: 'B' },
					],
				}),
				ctx,
			);
			assert.equal(t.vervar.length, 1);
		});
	});
});

// ---------------------------------------------------------------------------------------------

/** Split a body into period chunks: the subset of tahun and its datacontent keys. */
function chunk(b: Record<string, unknown>, years: string[]): Record<string, unknown> {
	const varVal = String((b.var as Array<{ val: unknown }>)[0].val);
	const keep = new Set<string>();
	for (const v of b.vervar as Array<{ val: unknown }>)
		for (const tv of b.turvar as Array<{ val: unknown }>)
			for (const th of b.tahun as Array<{ val: unknown }>)
				for (const tt of b.turtahun as Array<{ val: unknown }>)
					if (years.includes(String(th.val))) keep.add(`${v.val}${varVal}${tv.val}${th.val}${tt.val}`);
	const dc = Object.fromEntries(
		Object.entries(b.datacontent as Record<string, unknown>).filter(([k]) => keep.has(k)),
	);
	return {
		...b,
		tahun: (b.tahun as Array<{ val: unknown }>).filter((t) => years.includes(String(t.val))),
		datacontent: dc,
	};
}

function withoutFreshness(t: DynamicTable): Partial<DynamicTable> {
	const rest: Partial<DynamicTable> = { ...t };
	delete rest.values;
	delete rest.fetchedAt;
	delete rest.stale;
	return rest;
}

describe('mergeTables', () => {
	it('merges period chunks into exactly the one-call table (var 218, 3 years in 1-year chunks, reversed)', () => {
		const b = loadSample('vue-embedded__data_var218_maluku_monthly.json');
		const whole = decodeDynamicData(b, ctx);
		const parts = ['122', '119', '117'].map((y, i) =>
			decodeDynamicData(chunk(b, [y]), { ...ctx, fetchedAt: ctx.fetchedAt + i }),
		);
		const merged = mergeTables(parts);
		assert.deepEqual(withoutFreshness(merged), withoutFreshness(whole));
		sameValues(merged.values, whole.values);
		assert.equal(merged.fetchedAt, ctx.fetchedAt);
	});

	it('merges a national 6-year window split 3 + 3 (th 117;118;119 + 120;121;122)', () => {
		const years = ['117', '118', '119', '120', '121', '122'];
		const vervar = [9999, 1100, 1200, 3100, 9200].map((v) => ({ val: v, label: `R${v}` }));
		const dc: Record<string, number> = {};
		let n = 0;
		for (const v of vervar)
			for (const y of years) if ((n++ * 7) % 5 !== 0) dc[`${v.val}1804289${y}0`] = n * 1.25 - 10;
		const b = body({
			var: [{ val: 1804, label: 'V', decimal: 2 }],
			vervar,
			turvar: [{ val: 289, label: 'Laki-laki' }],
			tahun: years.map((y) => ({ val: Number(y), label: String(Number(y) + 1900) })),
			datacontent: dc,
		});
		const whole = decodeDynamicData(b, ctx);
		const merged = mergeTables([
			decodeDynamicData(chunk(b, years.slice(0, 3)), ctx),
			decodeDynamicData(chunk(b, years.slice(3)), ctx),
		]);
		assert.deepEqual(withoutFreshness(merged), withoutFreshness(whole));
		sameValues(merged.values, whole.values);
		assert.equal(whole.values.filter((x) => !Number.isNaN(x)).length, Object.keys(dc).length);
	});

	it('unions dimensions, sorts tahun numerically, later parts win, NaN never erases', () => {
		const a = decodeDynamicData(
			body({
				vervar: [
					{ val: 1, label: 'A' },
					{ val: 2, label: 'B' },
				],
				tahun: [{ val: 100, label: '2000' }],
				datacontent: { '1701000': 1, '2701000': 2 },
				last_update: '2024-01-01 00:00:00',
			}),
			{ ...ctx, fetchedAt: 50, stale: false },
		);
		const b = decodeDynamicData(
			body({
				var: [{ val: 7, label: 'Newer title', decimal: 2 }],
				vervar: [
					{ val: 3, label: 'C' },
					{ val: 1, label: 'A-renamed' },
				],
				tahun: [
					{ val: 99, label: '1999' },
					{ val: 100, label: '2000' },
				],
				// 3: 1999 -> 5; 1: 2000 -> 10 (overrides 1); 1: 1999 missing; 3/2000 unmatched
				datacontent: { '370990': 5, '1701000': 10, '9999': 1 },
				last_update: '2025-01-01 00:00:00',
			}),
			{ ...ctx, fetchedAt: 40, stale: true },
		);
		const m = mergeTables([a, b]);
		assert.deepEqual(m.vervar, [
			{ val: '1', label: 'A' },
			{ val: '2', label: 'B' },
			{ val: '3', label: 'C' },
		]);
		assert.deepEqual(
			m.tahun.map((d) => d.val),
			['99', '100'],
		);
		// layout: v × t (turvar, turtahun single)
		assert.deepEqual(Array.from(m.values), [NaN, 10, NaN, 2, 5, NaN]);
		assert.equal(m.fetchedAt, 40);
		assert.equal(m.stale, true);
		assert.equal(m.unmatchedKeys, 1);
		assert.equal(m.variable.title, 'Newer title', 'metadata from the newest lastUpdate');
		assert.equal(m.variable.decimal, 2);
		assert.equal(m.lastUpdate, '2025-01-01 00:00:00');

		// A missing cell in a later part does not erase an earlier value.
		const c = decodeDynamicData(body({ tahun: [{ val: 100, label: '2000' }], datacontent: {} }), ctx);
		const m2 = mergeTables([a, c]);
		assert.deepEqual(Array.from(m2.values), [1, 2]);
	});

	it('returns a single part unchanged and rejects no parts', () => {
		const a = decodeDynamicData(body(), ctx);
		assert.equal(mergeTables([a]), a);
		assert.throws(
			() => mergeTables([]),
			(e: unknown) => e instanceof BpsError && e.kind === 'unexpected',
		);
	});
});
