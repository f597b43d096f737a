/**
 * Fuzzing the client's whole parse path (transport → envelope → validation → mapping → decoding)
 * with a stubbed fetch: recorded BPS answers mutated at random (subtrees replaced, keys dropped,
 * types swapped, text truncated), random JSON, random text and bytes, random statuses and
 * content types. Invariant: every call either resolves with a well-formed result or rejects with a
 * BpsError — never a TypeError, RangeError or anything else — and no message carries the key.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { BpsClient } from '../../../src/api/client';
import { BpsError } from '../../../src/api/errors';

const KEY = 'fuzz-key-not-real';

function loadBody(name: string): unknown {
	const local = path.resolve('test/fixtures/samples', name);
	const file = fs.existsSync(local) ? local : path.join('/work/shared/bps-samples', name);
	const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { body?: unknown };
	return json && typeof json === 'object' && 'body' in json ? json.body : json;
}

/** Recorded answers, one per parse path the client has. */
const SAMPLES: Record<string, unknown> = {};
for (const name of fs.existsSync('/work/shared/bps-samples')
	? fs.readdirSync('/work/shared/bps-samples')
	: fs.readdirSync('test/fixtures/samples')) {
	if (name.endsWith('.json')) SAMPLES[name] = loadBody(name);
}

/** Calls that exercise each parse path; `body` is what the stubbed fetch answers to every request. */
const CALLS: Array<[string, (c: BpsClient) => Promise<unknown>]> = [
	['listDomains', (c) => c.listDomains('all')],
	['listSubjects', (c) => c.listSubjects('0000', { page: 1 })],
	['listVariables (all pages)', (c) => c.listVariables('0000')],
	['listPeriods', (c) => c.listPeriods('0000', 1804, { page: 1 })],
	['listIndicators', (c) => c.listIndicators('0000', { page: 1 })],
	['listPublications', (c) => c.listPublications('0000', { page: 1 })],
	['getStaticTable', (c) => c.getStaticTable('0000', 1)],
	['getPublication', (c) => c.getPublication('0000', 'abc')],
	['getPressRelease', (c) => c.getPressRelease('0000', 1)],
	['getDynamicData', (c) => c.getDynamicData({ domain: '0000', variable: 1804, periods: [118, 119] })],
];

interface Reply {
	status: number;
	contentType: string;
	text: string;
}

function client(reply: Reply): BpsClient {
	return new BpsClient({
		baseUrl: 'http://fuzz.invalid/v1/api/',
		getKey: async () => KEY,
		userAgent: 'fuzz',
		retries: 0,
		maxConcurrent: 16,
		maxRequestsPerSecond: 0,
		timeoutMs: 5000,
		fetch: async () =>
			new Response(reply.text, { status: reply.status, headers: { 'content-type': reply.contentType } }),
	});
}

/** Replace, delete or retype one random node of a JSON value (deterministic from `rnd`). */
function mutate(value: unknown, rnd: () => number, junk: unknown[]): unknown {
	const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
	if (value === null || typeof value !== 'object') {
		return pick(junk);
	}
	const isArr = Array.isArray(value);
	const copy: Record<string, unknown> | unknown[] = isArr
		? [...(value as unknown[])]
		: { ...(value as Record<string, unknown>) };
	const keys = Object.keys(copy);
	if (keys.length === 0 || rnd() < 0.15) return pick(junk);
	const k = pick(keys);
	const r = rnd();
	if (r < 0.5) {
		(copy as Record<string, unknown>)[k] = mutate((copy as Record<string, unknown>)[k], rnd, junk);
	} else if (r < 0.7) {
		if (isArr) (copy as unknown[]).splice(Number(k), 1);
		else delete (copy as Record<string, unknown>)[k];
	} else if (r < 0.85) {
		(copy as Record<string, unknown>)[k] = pick(junk);
	} else if (isArr) {
		(copy as unknown[]).push(pick(junk));
	} else {
		(copy as Record<string, unknown>)[
			pick(['status', 'data-availability', 'data', 'message', '__proto__', 'constructor'])
		] = pick(junk);
	}
	return copy;
}

const JUNK: unknown[] = [
	null,
	'',
	'x',
	'-',
	0,
	-1,
	1e308,
	Number.MAX_SAFE_INTEGER,
	true,
	false,
	[],
	{},
	[[]],
	[{}],
	'<b>x</b>',
	'NaN',
	'Infinity',
	'0x10',
	' ',
	{ val: null },
	[null, null],
	'OK',
	'Error',
	'list-not-available',
	'available',
	'not-available',
];

/** A reply from the arbitraries: a mutated sample, random JSON, or random text. */
const replyArb: fc.Arbitrary<Reply> = fc.oneof(
	// Mutated recorded answers (most of the runs: they reach deep into validation and decoding).
	fc
		.record({
			sample: fc.constantFrom(...Object.keys(SAMPLES)),
			seed: fc.integer(),
			rounds: fc.integer({ min: 1, max: 4 }),
			truncate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 5 }),
			status: fc.constantFrom(200, 200, 200, 200, 400, 401, 403, 404, 429, 500),
			contentType: fc.constantFrom(
				'application/json',
				'application/json; charset=UTF-8',
				'text/plain',
				'text/html',
				'',
			),
		})
		.map(({ sample, seed, rounds, truncate, status, contentType }) => {
			let s = seed >>> 0 || 1;
			const rnd = () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
			let v = SAMPLES[sample];
			for (let i = 0; i < rounds; i++) v = mutate(v, rnd, JUNK);
			let text = typeof v === 'string' ? v : JSON.stringify(v);
			if (truncate !== null) text = text.slice(0, Math.floor(text.length * truncate));
			return { status, contentType, text };
		}),
	// Random JSON of any shape.
	fc.record({
		status: fc.constantFrom(200, 200, 403, 500),
		contentType: fc.constant('application/json'),
		text: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
	}),
	// Random envelopes with random data.
	fc.record({
		status: fc.constant(200),
		contentType: fc.constant('application/json'),
		text: fc
			.record({
				status: fc.constantFrom('OK', 'Error', 'ok', ''),
				'data-availability': fc.constantFrom('available', 'list-not-available', 'not-available', undefined),
				data: fc.jsonValue({ maxDepth: 4 }),
				message: fc.option(fc.string()),
			})
			.map((o) => JSON.stringify(o)),
	}),
	// Random text, including the key itself (it must not come back in a message).
	fc.record({
		status: fc.constantFrom(200, 403, 502),
		contentType: fc.constantFrom('application/json', 'text/html', 'text/plain'),
		text: fc.oneof(
			fc.string(),
			fc.string({ unit: 'binary' }),
			fc.constant(`{"status":"Error","message":"bad ${KEY}"}`),
		),
	}),
);

const RUNS_PER_CALL = 1200;

describe('fuzz: client envelope parsing (stubbed fetch)', function () {
	this.timeout(120_000);
	const seed = Number(process.env.FUZZ_SEED ?? 20261128);

	for (const [name, call] of CALLS) {
		it(`${name}: only BpsError comes out, never the key (${RUNS_PER_CALL} cases)`, async () => {
			await fc.assert(
				fc.asyncProperty(replyArb, async (reply) => {
					let out: unknown;
					try {
						out = await call(client(reply));
					} catch (e) {
						assert.ok(
							e instanceof BpsError,
							`not a BpsError: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`,
						);
						assert.ok(
							!e.message.includes(KEY) && !JSON.stringify(e.details).includes(KEY),
							`the key in an error: ${e.message}`,
						);
						return;
					}
					assert.ok(out !== null && typeof out === 'object', 'a result object');
					const o = out as Record<string, unknown>;
					assert.equal(typeof o.fetchedAt, 'number');
					assert.equal(typeof o.stale, 'boolean');
					if ('items' in o) assert.ok(Array.isArray(o.items));
				}),
				{ numRuns: RUNS_PER_CALL, seed },
			);
		});
	}

	it('the harness really reaches every outcome (valid results and each error kind)', async () => {
		const kinds = new Set<string>();
		let ok = 0;
		for (const [, call] of CALLS) {
			for (const sample of Object.values(SAMPLES)) {
				try {
					const html = typeof sample === 'string';
					await call(
						client({
							status: html ? 403 : 200,
							contentType: html ? 'text/html' : 'application/json',
							text: html ? sample : JSON.stringify(sample),
						}),
					);
					ok++;
				} catch (e) {
					kinds.add((e as BpsError).kind);
				}
			}
		}
		assert.ok(ok > 0, 'some samples parse');
		for (const k of ['badKey', 'tooLarge', 'blocked', 'unexpected', 'noData'])
			assert.ok(kinds.has(k), `reached ${k}: ${[...kinds].join(', ')}`);
	});
});
