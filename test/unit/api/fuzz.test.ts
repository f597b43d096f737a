/**
 * Fuzzing decodeDynamicData with fast-check: mutated recorded responses and random well-formed
 * ones. Invariants: the only exception is BpsError('unexpected'); when a table comes back, every
 * cell equals what a naive model (Map of every combination's key) says — never a wrong cell.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { decodeDynamicData } from '../../../src/api/decode';
import { BpsError } from '../../../src/api/errors';
import type { DynamicTable } from '../../../src/api/types';

const ctx = { domain: '0000', lang: 'ind' as const, fetchedAt: 0, stale: false };

function loadSample(name: string): Record<string, unknown> {
	const local = path.resolve('test/fixtures/samples', name);
	const file = fs.existsSync(local) ? local : path.join('/work/shared/bps-samples', name);
	const json = JSON.parse(fs.readFileSync(file, 'utf8'));
	return 'request' in json && 'body' in json ? json.body : json;
}

const SAMPLES = [
	'bps-looker__data_0000_1804.json',
	'bps-looker__data_0000_2263.json',
	'vue-embedded__data_var218_maluku_monthly.json',
].map(loadSample);

// ---------------------------------------------------------------------------------------------
// The model: written independently of src/api/decode.ts, as plainly as possible.

type Obj = Record<string, unknown>;

function modelText(val: unknown): string {
	return typeof val === 'number' ? String(val) : String(val);
}

/** What a datacontent value should decode to (NaN = missing). */
function modelValue(x: unknown): number {
	if (typeof x === 'number') return x;
	if (typeof x !== 'string') return NaN;
	if (x.trim() === '' || x.trim() === '-') return NaN;
	if (/^\s*[-+]?(0[xob]|inf|nan)/i.test(x)) return NaN;
	return Number(x);
}

function modelDims(list: unknown): string[] {
	const out: string[] = [];
	for (const item of list as Obj[]) {
		const t = modelText(item.val);
		if (!out.includes(t)) out.push(t);
	}
	return out;
}

/** Check a decoded table against the naive model of the body it came from. */
function modelCheck(body: Obj, t: DynamicTable): void {
	const varText = modelText((body.var as Obj[])[0].val);
	const dims = [
		modelDims(body.vervar),
		modelDims(body.turvar),
		modelDims(body.tahun),
		modelDims(body.turtahun),
	];
	assert.deepEqual(
		[t.vervar, t.turvar, t.tahun, t.turtahun].map((d) => d.map((x) => x.val)),
		dims,
	);
	const dc = (Array.isArray(body.datacontent) ? {} : body.datacontent) as Obj;
	const producers = new Map<string, number[]>();
	const keys: string[] = [];
	let i = 0;
	for (const v of dims[0])
		for (const tv of dims[1])
			for (const th of dims[2])
				for (const tt of dims[3]) {
					const k = v + varText + tv + th + tt;
					keys.push(k);
					producers.set(k, [...(producers.get(k) ?? []), i++]);
				}
	assert.equal(t.values.length, keys.length);
	for (let c = 0; c < keys.length; c++) {
		const k = keys[c];
		const own = Object.prototype.hasOwnProperty.call(dc, k);
		const expected = producers.get(k)!.length > 1 || !own ? NaN : modelValue(dc[k]);
		if (!Object.is(t.values[c], expected) && !(Number.isNaN(t.values[c]) && Number.isNaN(expected))) {
			assert.fail(
				`cell ${c} (key ${k}): got ${t.values[c]}, expected ${expected} from ${JSON.stringify(dc[k])}`,
			);
		}
	}
	if ([...producers].some(([k, cells]) => cells.length > 1 && Object.prototype.hasOwnProperty.call(dc, k)))
		ambiguousCases++;
	const unmatched = Object.keys(dc).filter((k) => !producers.has(k)).length;
	assert.equal(t.unmatchedKeys, unmatched);
}

let cases = 0;
/** Responses whose model had at least one ambiguous key present in datacontent (the fuzz must exercise collisions). */
let ambiguousCases = 0;
/** Cases that returned a table (checked against the model) rather than throwing. */
let tables = 0;

/** Decode; the only acceptable failure is BpsError('unexpected'); a result must pass the model. */
function check(body: unknown): void {
	cases++;
	let t: DynamicTable;
	try {
		t = decodeDynamicData(body, ctx);
	} catch (e) {
		if (!(e instanceof BpsError) || e.kind !== 'unexpected') throw e;
		assert.equal(typeof e.details.field, 'string');
		return;
	}
	tables++;
	modelCheck(body as Obj, t);
}

// ---------------------------------------------------------------------------------------------
// Generators

const nastyString = fc.constantFrom(
	'',
	'-',
	'0',
	'12',
	'-3.5',
	' 7 ',
	'1e3',
	'.5',
	'5.',
	'+3',
	'1,5',
	'NaN',
	'Infinity',
	'0x10',
	'abc',
	'١٢',
	'9'.repeat(30),
);
const nastyNumber = fc.oneof(
	fc.integer(),
	fc.double(),
	fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 123.456, -1),
);
/** Values of any type, weighted towards the ones a BPS response could plausibly carry. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
	nastyNumber,
	nastyString,
	fc.string(),
	fc.constant(null),
	fc.constant(undefined),
	fc.boolean(),
	fc.array(fc.integer(), { maxLength: 3 }),
	fc.record({ val: fc.oneof(fc.nat(200), nastyString), label: fc.string() }),
	fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
);

type Mutation = { pick: number; op: 'delete' | 'set' | 'dup' | 'retype'; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
	pick: fc.nat(),
	op: fc.constantFrom('delete', 'set', 'dup', 'retype'),
	value: anyValue,
});

/** Every (container, key) below the root, in a deterministic order. */
function slots(root: unknown): Array<[Obj | unknown[], string | number]> {
	const out: Array<[Obj | unknown[], string | number]> = [];
	const walk = (x: unknown): void => {
		if (Array.isArray(x)) {
			x.forEach((v, i) => {
				out.push([x, i]);
				walk(v);
			});
		} else if (x && typeof x === 'object') {
			for (const [k, v] of Object.entries(x)) {
				out.push([x as Obj, k]);
				walk(v);
			}
		}
	};
	walk(root);
	return out;
}

function mutate(body: Obj, muts: Mutation[]): Obj {
	for (const m of muts) {
		const all = slots(body);
		if (all.length === 0) break;
		const [c, k] = all[m.pick % all.length];
		const cur = (c as Obj)[k as string];
		switch (m.op) {
			case 'delete':
				if (Array.isArray(c)) c.splice(k as number, 1);
				else delete c[k as string];
				break;
			case 'set':
				(c as Obj)[k as string] = m.value;
				break;
			case 'dup':
				if (Array.isArray(c)) c.splice(k as number, 0, structuredClone(cur));
				else c[String(k).slice(0, -1) || 'x'] = structuredClone(cur);
				break;
			case 'retype':
				(c as Obj)[k as string] =
					typeof cur === 'number'
						? String(cur)
						: typeof cur === 'string'
							? Number(cur)
							: cur && typeof cur === 'object'
								? JSON.stringify(cur)
								: !cur;
				break;
		}
	}
	return body;
}

function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PALETTE: unknown[] = [
	0,
	-0,
	1,
	-1,
	1e308,
	-1e308,
	5e-324,
	123.456,
	'12',
	'-3.5',
	' 7 ',
	'1e3',
	null,
	'',
	'-',
	'abc',
	'0x10',
	'Infinity',
	NaN,
	Infinity,
];

/**
 * A dimension: vals over a tiny digit alphabet (1, 11, 12, 21 …) so that concatenation collisions
 * (tahun 1 + turtahun 11 == tahun 11 + turtahun 1) happen often; numbers or numeric strings.
 */
const dim = (max: number, min = 1) =>
	fc.array(
		fc.record({
			val: fc.oneof(
				{ arbitrary: fc.constantFrom(0, 1, 2, 10, 11, 12, 21, 101, 111, 112), weight: 4 },
				{ arbitrary: fc.constantFrom('0', '1', '11', '12', '21'), weight: 2 },
				{ arbitrary: fc.nat(130), weight: 1 },
			),
			label: fc.oneof(fc.string(), fc.constant(null)),
		}),
		{ minLength: min, maxLength: max },
	);

const wellFormed = fc
	.record({
		varVal: fc.oneof(fc.constantFrom(1, 11, 2, '12'), fc.nat(3000), fc.nat(3000).map(String)),
		vervar: dim(8, 0),
		turvar: dim(3),
		tahun: dim(4),
		turtahun: dim(5),
		fill: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
		extra: fc.nat(5),
		seed: fc.integer(),
		decimal: fc.oneof(fc.nat(5), fc.constant(''), fc.constant(null)),
		related: fc.constantFrom<unknown>([], { '1': { id: 'MzMwIzI=', title: 'x', tablesource: 2 } }, null),
	})
	.map((r) => {
		const rand = rng(r.seed);
		const dc: Obj = {};
		for (const v of r.vervar)
			for (const tv of r.turvar)
				for (const th of r.tahun)
					for (const tt of r.turtahun) {
						if (rand() >= r.fill) continue;
						const pick = Math.floor(rand() * (PALETTE.length + 4));
						dc[`${v.val}${r.varVal}${tv.val}${th.val}${tt.val}`] =
							pick < PALETTE.length ? PALETTE[pick] : (rand() - 0.5) * 10 ** Math.floor(rand() * 12);
					}
		for (let i = 0; i < r.extra; i++) dc[String(Math.floor(rand() * 1e9))] = rand();
		return {
			status: 'OK',
			'data-availability': 'available',
			last_update: '2024-01-01 00:00:00',
			subject: [],
			var: [{ val: r.varVal, label: 'V', unit: 'U', subj: 'S', def: null, decimal: r.decimal, note: '' }],
			turvar: r.turvar,
			labelvervar: 'Rows ',
			vervar: r.vervar,
			tahun: r.tahun,
			turtahun: r.turtahun,
			datacontent: dc,
			related: r.related,
		} as Obj;
	});

// ---------------------------------------------------------------------------------------------

describe('fuzz: decodeDynamicData', function () {
	this.timeout(60_000);
	const seed = Number(process.env.FUZZ_SEED ?? 20260101);

	after(() =>
		console.log(
			`      fuzz: ${cases} responses, ${tables} decoded to tables (model-checked), ${ambiguousCases} with ambiguous keys (seed ${seed})`,
		),
	);

	it('mutated recorded responses: only BpsError(unexpected), never a wrong cell', () => {
		fc.assert(
			fc.property(
				fc.nat(SAMPLES.length - 1),
				fc.array(mutation, { minLength: 1, maxLength: 6 }),
				(si, muts) => {
					check(mutate(structuredClone(SAMPLES[si]), muts));
				},
			),
			{ numRuns: 4000, seed },
		);
	});

	it('mutations aimed at the dimension lists and values of a small sample', () => {
		// The 1804 sample has few slots, so every mutation hits a dimension, var or a key.
		const small = SAMPLES[0];
		fc.assert(
			fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (muts) =>
				check(mutate(structuredClone(small), muts)),
			),
			{ numRuns: 2000, seed: seed + 1 },
		);
	});

	it('random well-formed responses decode exactly (incl. collisions, extra and missing keys)', () => {
		fc.assert(
			fc.property(wellFormed, (b) => {
				const t = decodeDynamicData(b, ctx); // must not throw
				cases++;
				tables++;
				modelCheck(b, t);
			}),
			{ numRuns: 4000, seed: seed + 2 },
		);
	});

	it('well-formed responses with a random type poked into one place', () => {
		fc.assert(
			fc.property(wellFormed, mutation, (b, m) => check(mutate(b, [m]))),
			{ numRuns: 1000, seed: seed + 3 },
		);
	});

	it('ran at least 10 000 cases', () => {
		assert.ok(cases >= 10_000, `only ${cases} cases`);
		assert.ok(ambiguousCases >= 100, `only ${ambiguousCases} responses exercised key collisions`);
	});
});
