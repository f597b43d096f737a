/**
 * Webview boot in headless chromium: how long the preview's first script takes from the page
 * starting to load until it posts `ready` (fetch from disk, parse, compile, run). That is the part
 * of "panel created → first grid paint" the size of the first script decides; the real host bench
 * (host/index.ts) measures the whole path.
 *
 * Each load gets a new browser context, so no compiled code is reused between runs (a new webview
 * panel starts cold too). It also measures the webview bundle of a revision built from git the way
 * esbuild.mjs builds it (minified): {@link WEBVIEW_BASELINE} unless `--webview-baseline <git rev>`. Alone:
 * `node dist-test/bench/webviewBoot.js [--webview-baseline <rev>]` after a production build.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { BenchResult } from './decode';

const RUNS = 15;
/**
 * The "before" the bench compares with by default: the last revision whose webview was one script
 * (uPlot inside) and whose first table waited for the webview's `load`. `--webview-baseline none`
 * skips it; a checkout without that commit (a shallow clone) measures the current bundle only.
 */
export const WEBVIEW_BASELINE = '5af2aee';

/** The page: the clock when the page's own first script runs, and a fake VS Code API that stamps what the bundle posts. */
const PAGE = `<!DOCTYPE html><html lang="id"><head><meta charset="UTF-8"><title>boot bench</title></head>
<body><div id="app"></div>
<script>
window.__scriptStart = performance.now();
window.__ready = NaN;
window.__rendered = NaN;
window.acquireVsCodeApi = () => ({
	postMessage: (m) => {
		if (m.type === 'ready' && Number.isNaN(window.__ready)) window.__ready = performance.now();
		if (m.type === 'rendered' && Number.isNaN(window.__rendered)) window.__rendered = performance.now();
	},
	getState: () => undefined,
	setState: () => {},
});
</script>
<script src="preview.js"></script>
</body></html>`;

export interface BootRun {
	/** Page start → `ready` (the webview's own clock). */
	readyMs: number;
	/** The bundle alone: the script before it ran → `ready`. */
	scriptMs: number;
	/**
	 * `init`, the periods and a 514 × 5 table posted at once (as the host does when the data is
	 * there before the webview) → the webview's `rendered`, sent in the frame that paints the grid.
	 */
	paintMs: number;
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Builds the preview webview bundle of `rev` (minified) from git; returns its path. */
function bundleAt(root: string, rev: string, dir: string): string {
	const src = path.join(dir, 'src');
	const tar = execFileSync('git', ['archive', '--format=tar', rev, 'src', 'tsconfig.json'], {
		cwd: root,
		maxBuffer: 1 << 28,
	});
	fs.mkdirSync(src, { recursive: true });
	execFileSync('tar', ['-x', '-C', dir], { input: tar });
	const out = path.join(dir, 'out', 'preview.js');
	execFileSync(
		path.join(root, 'node_modules/.bin/esbuild'),
		[
			path.join(src, 'webview/main.ts'),
			'--bundle',
			'--minify',
			'--platform=browser',
			'--format=iife',
			'--target=es2022',
			'--legal-comments=none',
			'--loader:.css=text',
			`--outfile=${out}`,
			'--log-level=warning',
		],
		{ cwd: root, env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') } },
	);
	return out;
}

/** Runs in the page after `ready`: posts what the host posts for var 9514 and times the first grid paint. */
async function postTable(): Promise<number> {
	const w = window as unknown as { __rendered: number };
	const rows = 514;
	const periods = Array.from({ length: 5 }, (_, i) => ({ id: 120 + i, label: String(2020 + i) }));
	const ids = periods.map((p) => p.id);
	const values = new Float64Array(rows * periods.length).map((_, i) => (i * 7919) % 100000);
	const t0 = performance.now();
	const attribution = {
		id: 'BPS',
		sourceUrl: 'https://www.bps.go.id',
		sourceLabel: 'BPS',
		accessed: '-',
		accessedIso: '',
	};
	const ref = { domain: '0000', kind: 'var', id: 1 };
	window.postMessage({ type: 'init', ref, strings: {}, locale: 'id-ID', lang: 'ind', attribution }, '*');
	const dims = { varId: 1, periods, defaultPeriods: ids, derivedVariables: [], derivedPeriods: [] };
	window.postMessage({ type: 'dims', dims, load: { requestId: -2, periods: ids } }, '*');
	const table = {
		domain: '0000',
		lang: 'ind',
		variable: { id: 1, title: 'Bench', unit: 'Jiwa', subject: '', definition: '', notes: '', decimal: 0 },
		rowTitle: 'Kabupaten/Kota',
		vervar: Array.from({ length: rows }, (_, i) => ({ val: String(1101 + i), label: `Kabupaten ${i}` })),
		turvar: [{ val: '0', label: 'Tidak ada' }],
		tahun: periods.map((p) => ({ val: String(p.id), label: p.label })),
		turtahun: [{ val: '0', label: 'Tahunan' }],
		values,
		lastUpdate: '2026-01-01 00:00:00',
		subjects: [],
		related: [],
		unmatchedKeys: 0,
		fetchedAt: 0,
		stale: false,
	};
	window.postMessage({ type: 'dynamic', requestId: -2, table }, '*', [values.buffer]);
	while (Number.isNaN(w.__rendered)) await new Promise((r) => setTimeout(r, 1));
	return w.__rendered - t0;
}

/** One page load in a new browser context; `dir` holds index.html and the bundle. */
async function bootOnce(browser: Browser, dir: string): Promise<BootRun> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	try {
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto('file://' + path.join(dir, 'index.html'));
		await page.waitForFunction(() => !Number.isNaN((window as unknown as { __ready: number }).__ready));
		const paintMs = await page.evaluate(postTable);
		if (errors.length) throw new Error(`webview error: ${errors.join('; ')}`);
		const boot = await page.evaluate(() => {
			const w = window as unknown as { __ready: number; __scriptStart: number };
			return { readyMs: w.__ready, scriptMs: w.__ready - w.__scriptStart };
		});
		return { ...boot, paintMs };
	} finally {
		await context.close();
	}
}

/** Boots each bundle `RUNS` times, alternating between them so a change in the machine's load hits all alike. */
async function measure(bundles: string[], chromiumPath: string): Promise<BootRun[][]> {
	const dirs = bundles.map((b) => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bps-boot-bench-'));
		fs.copyFileSync(b, path.join(dir, 'preview.js'));
		fs.writeFileSync(path.join(dir, 'index.html'), PAGE);
		return dir;
	});
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath: chromiumPath,
		headless: true,
		args: ['--no-sandbox', '--disable-dev-shm-usage'],
	});
	const runs: BootRun[][] = bundles.map(() => []);
	try {
		for (let i = 0; i < RUNS; i++)
			for (const [k, dir] of dirs.entries()) runs[k].push(await bootOnce(browser, dir));
	} finally {
		await browser.close();
		for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
	}
	return runs;
}

/** The boot rows for dist/webview/preview.js, and for the bundle of `baseline` when given. */
export async function runWebviewBootBench(
	root: string,
	chromiumPath: string,
	baseline?: string,
): Promise<{ rows: BenchResult[]; raw: Record<string, BootRun[]> }> {
	const bundles: Array<[string, string]> = [['', path.join(root, 'dist', 'webview', 'preview.js')]];
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bps-boot-baseline-'));
	try {
		if (baseline && baseline !== 'none') {
			try {
				bundles.push([` (before: ${baseline})`, bundleAt(root, baseline, tmp)]);
			} catch (e) {
				console.error(
					`[bench] webview baseline ${baseline} not built: ${e instanceof Error ? e.message : e}`,
				);
			}
		}
		const rows: BenchResult[] = [];
		const raw: Record<string, BootRun[]> = {};
		const r1 = (x: number) => Math.round(x * 10) / 10;
		const all = await measure(
			bundles.map(([, b]) => b),
			chromiumPath,
		);
		for (const [k, [suffix, bundle]] of bundles.entries()) {
			const runs = all[k];
			raw[suffix || 'current'] = runs;
			rows.push(
				{ name: `webview first script size${suffix}`, value: fs.statSync(bundle).size, unit: 'bytes' },
				{
					name: `webview boot, page start → ready${suffix}`,
					value: r1(median(runs.map((r) => r.readyMs))),
					unit: 'ms',
				},
				{
					name: `  of which the first script (load, parse, run)${suffix}`,
					value: r1(median(runs.map((r) => r.scriptMs))),
					unit: 'ms',
				},
				{
					name: `webview data posted → grid painted, 514 × 5${suffix}`,
					value: r1(median(runs.map((r) => r.paintMs))),
					unit: 'ms',
				},
			);
		}
		return { rows, raw };
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

// Run alone only as its own bundle (dist-test/bench/webviewBoot.js), not when bundled into index.js.
if (require.main === module && path.basename(__filename) === 'webviewBoot.js') {
	const i = process.argv.indexOf('--webview-baseline');
	const root = path.resolve(__dirname, '../..');
	runWebviewBootBench(
		root,
		process.env.CHROMIUM ?? '/usr/bin/chromium',
		i > 0 ? process.argv[i + 1] : WEBVIEW_BASELINE,
	).then(
		(r) => {
			for (const row of r.rows) console.log(`${row.name.padEnd(60)} ${row.value} ${row.unit}`);
			process.exit(0);
		},
		(e) => {
			console.error(e);
			process.exit(1);
		},
	);
}
