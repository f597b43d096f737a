/**
 * The persistent response cache at 100, 500 and 2,000 entries of ~20 KB (the size of a real
 * `model=data` answer), on a real folder:
 *   - write after one change: `set()` of one entry until it is on disk (`flush()`);
 *   - main-thread time per change: the event loop's active time over the same span, i.e. what the
 *     extension host's shared thread spends (serialising, parsing, callbacks), not the I/O threads;
 *   - the first change after a start alone: the current cache scans its folder then, to learn the
 *     other windows' entries for eviction (and again once per tenth of the cache written);
 *   - start to first lookup: a new instance (a window opening) until its first `get()` answers.
 *
 * `--cache-baseline <git rev>` also measures the implementation at that revision (built from git
 * with esbuild), for a before/after table. Alone: `node dist-test/bench/cache.js [--cache-baseline main]`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CacheEntry } from '../../src/api/cache';
import { PersistentCache } from '../../src/catalogue/persistentCache';
import type { BenchResult } from './decode';

/** What the bench needs of a cache (the current one and older ones alike). */
interface BenchCache {
	load(): Promise<void>;
	get(key: string): unknown;
	set(key: string, e: CacheEntry): void;
	flush(): Promise<void>;
	dispose(): Promise<void>;
}
type Make = (dir: string) => BenchCache;

const SIZES = [100, 500, 2000];

/** A `model=data`-shaped answer of about 20 KB. */
function body(i: number): unknown {
	const datacontent: Record<string, number> = {};
	for (let j = 0; j < 800; j++)
		datacontent[`${1100 + (j % 40)}95140${100 + Math.floor(j / 40)}0`] =
			((i * 7919 + j * 104729) % 100_000) / 100;
	return {
		status: 'OK',
		'data-availability': 'available',
		var: [
			{
				val: 9514,
				label: `Jumlah Penduduk menurut Provinsi ${i}`,
				unit: 'Jiwa',
				subj: 'Kependudukan',
				def: 'x'.repeat(200),
			},
		],
		vervar: Array.from({ length: 40 }, (_, j) => ({ val: 1100 + j, label: `Provinsi ${j} ${i}` })),
		tahun: Array.from({ length: 20 }, (_, j) => ({ val: 100 + j, label: String(2000 + j) })),
		datacontent,
	};
}

const keyOf = (i: number) =>
	`https://webapi.bps.go.id/v1/api/list/domain/0000/lang/ind/model/data/th/${i}/var/9514/`;
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r2 = (x: number) => Math.round(x * 100) / 100;

interface Figures {
	writeMs: number;
	mainMs: number;
	/** The first change after a start: the current cache scans its folder then (and once per tenth written). */
	firstChangeMainMs: number;
	firstLookupMs: number;
}

async function measure(make: Make, n: number, changes: number): Promise<Figures> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bps-cache-bench-'));
	try {
		const fill = make(dir);
		await fill.load();
		for (let i = 0; i < n; i++) {
			fill.set(keyOf(i), { body: body(i), fetchedAt: Date.now(), kind: 'data' });
			if (i % 100 === 99) await fill.flush();
		}
		await fill.flush();
		await fill.dispose();

		const c = make(dir);
		await c.load();
		await c.get(keyOf(0));
		const write: number[] = [];
		const main: number[] = [];
		for (let r = 0; r < changes; r++) {
			const e = { body: body(n + r), fetchedAt: Date.now(), kind: 'data' as const };
			const elu0 = performance.eventLoopUtilization();
			const t0 = performance.now();
			c.set(keyOf((r * 37) % n), e);
			await c.flush();
			write.push(performance.now() - t0);
			main.push(performance.eventLoopUtilization(elu0).active);
		}
		await c.dispose();

		const first: number[] = [];
		for (let r = 0; r < 5; r++) {
			const t0 = performance.now();
			const w = make(dir);
			await w.load();
			const hit = await w.get(keyOf((r * 101) % n));
			first.push(performance.now() - t0);
			if (!hit) throw new Error(`cache bench: entry missing after a restart (${n} entries)`);
			await w.dispose();
		}
		return {
			writeMs: median(write),
			mainMs: median(main),
			firstChangeMainMs: main[0],
			firstLookupMs: median(first),
		};
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** Build the cache of an older revision from git into a temporary folder and load it. */
function baselineAt(root: string, rev: string): Make {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bps-cache-baseline-'));
	for (const f of ['src/catalogue/persistentCache.ts', 'src/api/cache.ts']) {
		const text = execFileSync('git', ['show', `${rev}:${f}`], { cwd: root, encoding: 'utf8' });
		fs.mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
		fs.writeFileSync(path.join(tmp, f), text);
	}
	const out = path.join(tmp, 'baseline.js');
	execFileSync(
		path.join(root, 'node_modules/.bin/esbuild'),
		[
			path.join(tmp, 'src/catalogue/persistentCache.ts'),
			'--bundle',
			'--platform=node',
			'--format=cjs',
			`--outfile=${out}`,
			'--log-level=warning',
		],
		{ cwd: root },
	);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(out) as { PersistentCache: new (o: { dir: string }) => BenchCache };
	return (dir) => new mod.PersistentCache({ dir });
}

export interface CacheBenchOptions {
	root: string;
	/** Also measure the implementation at this git revision. */
	baseline?: string;
}

/** Prints the `cache … N entries: X ms` lines and returns them as table rows. */
export async function runCacheBench(o: CacheBenchOptions): Promise<BenchResult[]> {
	const impls: Array<[string, Make, number]> = [['', (dir) => new PersistentCache({ dir }), 15]];
	if (o.baseline) impls.push([` (before: ${o.baseline})`, baselineAt(o.root, o.baseline), 5]);
	const rows: BenchResult[] = [];
	for (const [suffix, make, changes] of impls) {
		for (const n of SIZES) {
			const f = await measure(make, n, changes);
			const big = n === 2000 && !suffix;
			const lines: BenchResult[] = [
				{
					name: `cache write after one change, ${n} entries${suffix}`,
					value: r2(f.writeMs),
					unit: 'ms',
					target: big ? '<= 5' : undefined,
				},
				{
					name: `cache main-thread time per change, ${n} entries${suffix}`,
					value: r2(f.mainMs),
					unit: 'ms',
					target: big ? '<= 5' : undefined,
				},
				{
					name: `cache main-thread time of the first change after start, ${n} entries${suffix}`,
					value: r2(f.firstChangeMainMs),
					unit: 'ms',
				},
				{
					name: `cache start to first lookup, ${n} entries${suffix}`,
					value: r2(f.firstLookupMs),
					unit: 'ms',
					target: big ? '<= 50' : undefined,
				},
			];
			for (const l of lines) console.log(`${l.name}: ${l.value} ms`);
			rows.push(...lines);
		}
	}
	return rows;
}

// Run alone only as its own bundle (dist-test/bench/cache.js), not when bundled into index.js.
if (require.main === module && path.basename(__filename) === 'cache.js') {
	const i = process.argv.indexOf('--cache-baseline');
	const root = path.resolve(__dirname, '../..');
	runCacheBench({ root, baseline: i > 0 ? process.argv[i + 1] : undefined }).then(
		() => process.exit(0),
		(e) => {
			console.error(e);
			process.exit(1);
		},
	);
}
