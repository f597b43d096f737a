/**
 * Decode micro-benchmarks: `decodeDynamicData` throughput on synthetic `model=data` bodies of
 * ~10 k, ~100 k and ~1 M cells, `mergeTables` on period chunks, and `pivot` on a 514 × 40 table.
 *
 * Used by `npm run bench` (test/bench/index.ts imports `runDecodeBench`) and runnable alone:
 *   node esbuild.mjs --tests test/bench/decode.ts && node dist-test/bench/decode.js
 */
import { decodeDynamicData } from '../../src/api/decode';
import { mergeTables } from '../../src/api/merge';
import { defaultPivot, pivot } from '../../src/api/table';
import type { DynamicTable } from '../../src/api/types';

export interface BenchResult {
	name: string;
	value: number;
	unit: string;
	target?: string;
}

const MONTHS = [
	'Januari',
	'Februari',
	'Maret',
	'April',
	'Mei',
	'Juni',
	'Juli',
	'Agustus',
	'September',
	'Oktober',
	'November',
	'Desember',
	'Tahunan',
];

/** Deterministic PRNG (mulberry32) so every run decodes the same bodies. */
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

/**
 * A synthetic, realistic-looking `model=data` body: `nV` 4-digit regions × turvar × years ×
 * 13 months (+ "Tahunan"), ~90 % of cells present, values floats with 2 decimals.
 */
export function syntheticBody(
	nV: number,
	nTv: number,
	years: number[],
	fill = 0.9,
	seed = 1,
): Record<string, unknown> {
	const rand = rng(seed);
	const varId = 2263;
	const vervar = Array.from({ length: nV }, (_, i) => ({ val: 1100 + i, label: `Wilayah ${1100 + i}` }));
	const turvar =
		nTv === 1
			? [{ val: '0', label: 'Tidak ada' }]
			: Array.from({ length: nTv }, (_, i) => ({ val: 280 + i, label: `Turunan ${i}` }));
	const tahun = years.map((y) => ({ val: y - 1900, label: String(y) }));
	const turtahun = MONTHS.map((label, i) => ({ val: i + 1, label }));
	const datacontent: Record<string, number> = {};
	for (const v of vervar) {
		for (const tv of turvar) {
			for (const t of tahun) {
				for (const tt of turtahun) {
					if (rand() < fill)
						datacontent[`${v.val}${varId}${tv.val}${t.val}${tt.val}`] =
							Math.round((rand() * 200 - 50) * 100) / 100;
				}
			}
		}
	}
	return {
		status: 'OK',
		'data-availability': 'available',
		last_update: '2026-10-01 11:24:01',
		subject: [{ val: 536, label: 'Harga-Harga' }],
		var: [{ val: varId, label: 'Synthetic', unit: 'Persen', subj: 'Inflasi', def: '', decimal: 2, note: '' }],
		turvar,
		labelvervar: 'Wilayah',
		vervar,
		tahun,
		turtahun,
		datacontent,
		related: [],
	};
}

/** A 514-region × 40-year annual table, the pivot benchmark's input. */
export function table514x40(): DynamicTable {
	const body = syntheticBody(
		514,
		1,
		Array.from({ length: 40 }, (_, i) => 1985 + i),
		0.95,
		7,
	);
	body.turtahun = [{ val: 0, label: 'Tahun' }];
	const dc: Record<string, number> = {};
	const rand = rng(9);
	for (const v of body.vervar as Array<{ val: number }>) {
		for (const t of body.tahun as Array<{ val: number }>)
			if (rand() < 0.95) dc[`${v.val}22630${t.val}0`] = rand() * 1000;
	}
	body.datacontent = dc;
	return decodeDynamicData(body, ctx);
}

const ctx = { domain: '0000', lang: 'ind' as const, fetchedAt: 0, stale: false };

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall time (ms) of `runs` calls after one warm-up call. */
function time(fn: () => unknown, runs: number): number {
	return timeBoth(fn, runs).wall;
}

/**
 * Median wall time and median process CPU time (ms) of `runs` calls after one warm-up call.
 * CPU time is reported too because the shared 2-core machine is often oversubscribed, and wall
 * time then measures the neighbours more than the code.
 */
function timeBoth(fn: () => unknown, runs: number): { wall: number; cpu: number } {
	fn();
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < runs; i++) {
		const c0 = process.cpuUsage();
		const t0 = process.hrtime.bigint();
		fn();
		wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
		const c = process.cpuUsage(c0);
		cpu.push((c.user + c.system) / 1000);
	}
	return { wall: median(wall), cpu: median(cpu) };
}

/** Run the decode/merge/pivot benchmarks; each figure is a median of ≥ 5 runs. */
export async function runDecodeBench(): Promise<BenchResult[]> {
	const out: BenchResult[] = [];
	// 26 / 257 / 2565 regions × 10 turvar × 3 years × 13 months ≈ 10 k / 100 k / 1 M cells.
	for (const [label, nV, runs] of [
		['10k', 26, 21],
		['100k', 257, 9],
		['1M', 2565, 5],
	] as const) {
		// Through JSON text, as the client gets it: JSON.parse'd objects have their own layout.
		const body: unknown = JSON.parse(JSON.stringify(syntheticBody(nV, 10, [2022, 2023, 2024])));
		const cells = nV * 10 * 3 * 13;
		const { wall, cpu } = timeBoth(() => decodeDynamicData(body, ctx), runs);
		out.push({
			name: `decode ${label} cells (${cells})`,
			value: Math.round(cells / (wall / 1000)),
			unit: 'cells/s',
			target: '>= 2000000',
		});
		out.push({
			name: `decode ${label} cells, per CPU-second`,
			value: Math.round(cells / (cpu / 1000)),
			unit: 'cells/s (CPU)',
		});
		await new Promise((r) => setImmediate(r));
	}
	{
		// Period-chunked national call: 6 years in 2 chunks of 3, 514 regions, monthly.
		const a = decodeDynamicData(syntheticBody(514, 1, [2019, 2020, 2021], 0.9, 3), ctx);
		const b = decodeDynamicData(syntheticBody(514, 1, [2022, 2023, 2024], 0.9, 4), ctx);
		const ms = time(() => mergeTables([a, b]), 9);
		out.push({ name: `mergeTables 2 chunks (${a.values.length * 2} cells)`, value: round(ms), unit: 'ms' });
	}
	{
		const t = table514x40();
		const spec = defaultPivot(t);
		out.push({
			name: 'pivot 514 × 40 (default view)',
			value: round(time(() => pivot(t, spec), 21)),
			unit: 'ms',
			target: '< 50',
		});
		const swapped = { rows: spec.cols, cols: spec.rows };
		out.push({
			name: 'pivot 40 × 514 (swapped axes)',
			value: round(time(() => pivot(t, swapped), 21)),
			unit: 'ms',
			target: '< 50',
		});
	}
	return out;
}

function round(ms: number): number {
	return Math.round(ms * 1000) / 1000;
}

/** Print results as an aligned text table. */
export function formatBenchTable(rows: BenchResult[]): string {
	const cols = [
		['benchmark', ...rows.map((r) => r.name)],
		['value', ...rows.map((r) => r.value.toLocaleString('en-US'))],
		['unit', ...rows.map((r) => r.unit)],
		['target', ...rows.map((r) => r.target ?? '')],
	];
	const widths = cols.map((c) => Math.max(...c.map((s) => s.length)));
	const lines: string[] = [];
	for (let i = 0; i <= rows.length; i++) {
		lines.push(
			cols
				.map((c, j) => (j === 1 ? c[i].padStart(widths[j]) : c[i].padEnd(widths[j])))
				.join('  ')
				.trimEnd(),
		);
		if (i === 0) lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
	}
	return lines.join('\n');
}

// Only when run as its own bundle (dist-test/bench/decode.js), not when bundled into index.js.
if (/[\\/]decode\.js$/.test(process.argv[1] ?? '')) {
	runDecodeBench().then(
		(rows) => console.log(formatBenchTable(rows)),
		(e) => {
			console.error(e);
			process.exit(1);
		},
	);
}
