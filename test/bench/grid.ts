/**
 * Grid first paint and scroll frame times in headless chromium (Playwright + /usr/bin/chromium).
 *
 * Loads the BUILT webview bundle (dist/webview/preview.js) in a test page with a fake
 * `acquireVsCodeApi`, speaks the real protocol to it (`ready` → `init` → `dynamic`), and measures:
 *   - first paint: from posting the `dynamic` message (postMessage clones it and transfers the
 *     values' buffer, as the real webview channel does) to the webview's `rendered` message plus one
 *     more animation frame;
 *   - scrolling: ~100 programmatic scroll steps, one per animation frame, 40 rows each; the
 *     frame time is the delta between consecutive requestAnimationFrame callbacks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './decode';

const COLS = 5;
const SCROLL_FRAMES = 100;

/** The page: a fake VS Code webview API that records what the bundle posts. */
const PAGE = `<!DOCTYPE html><html lang="id"><head><meta charset="UTF-8"><title>grid bench</title></head>
<body><div id="app"></div>
<script>
window.__sent = [];
window.acquireVsCodeApi = () => ({
	postMessage: (m) => window.__sent.push(m),
	getState: () => undefined,
	setState: () => {},
});
</script>
<script src="preview.js"></script>
</body></html>`;

export interface GridRun {
	rows: number;
	firstPaintMs: number;
	/** The webview's own pivot + setModel time (its `rendered.ms`). */
	webviewMs: number;
	domRows: number;
	frameDeltas: number[];
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function quantile(xs: number[], q: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** Runs in the page: init, then the table, then the scroll. Everything timed with the page's clock. */
async function inPage(arg: { rows: number; cols: number; frames: number }): Promise<GridRun> {
	const w = window as unknown as { __sent: Array<{ type: string; [k: string]: unknown }> };
	const until = async (pred: () => boolean, ms = 60_000) => {
		const end = performance.now() + ms;
		while (!pred()) {
			if (performance.now() > end) throw new Error('timed out in page');
			await new Promise((r) => setTimeout(r, 1));
		}
	};
	const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
	await until(() => w.__sent.some((m) => m.type === 'ready'));
	window.postMessage(
		{
			type: 'init',
			ref: { domain: '0000', kind: 'var', id: 1 },
			strings: {},
			locale: 'id-ID',
			lang: 'ind',
			attribution: {
				id: 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).',
				sourceUrl: 'https://www.bps.go.id',
				sourceLabel: 'Badan Pusat Statistik',
				accessed: '1 Januari 2026',
				accessedIso: '2026-01-01',
			},
		},
		'*',
	);
	await frame();
	// A national-style table: `rows` regions × `cols` years, 2 decimals, ~3 % missing.
	const vervar = Array.from({ length: arg.rows }, (_, i) => ({
		val: String(100000 + i),
		label: `Wilayah ${100000 + i}`,
	}));
	const tahun = Array.from({ length: arg.cols }, (_, i) => ({
		val: String(120 + i),
		label: String(2020 + i),
	}));
	// The wire format: one Float64Array, NaN = missing (VS Code transfers it into the webview frame).
	const values = new Float64Array(arg.rows * arg.cols);
	let seed = 7;
	for (let i = 0; i < values.length; i++) {
		seed = (seed * 1103515245 + 12345) & 0x7fffffff;
		values[i] = seed % 33 === 0 ? NaN : Math.round((seed % 100000) - 20000) / 100;
	}
	const table = {
		domain: '0000',
		lang: 'ind',
		variable: {
			id: 1,
			title: 'Bench table',
			unit: 'Persen',
			subject: 'Bench',
			definition: '',
			notes: '',
			decimal: 2,
		},
		rowTitle: 'Wilayah',
		vervar,
		turvar: [{ val: '0', label: 'Tidak ada' }],
		tahun,
		turtahun: [{ val: '0', label: 'Tahunan' }],
		values,
		lastUpdate: '2026-01-01 00:00:00',
		subjects: [],
		related: [],
		unmatchedKeys: 0,
		fetchedAt: 0,
		stale: false,
	};
	const t0 = performance.now();
	window.postMessage({ type: 'dynamic', requestId: -1, table }, '*', [values.buffer]);
	await until(() => w.__sent.some((m) => m.type === 'rendered'));
	await frame();
	const firstPaintMs = performance.now() - t0;
	const rendered = w.__sent.find((m) => m.type === 'rendered') as unknown as {
		ms: number;
		domRows: number;
		modelRows: number;
	};
	if (rendered.modelRows !== arg.rows)
		throw new Error(`grid has ${rendered.modelRows} rows, expected ${arg.rows}`);

	const grid = document.querySelector<HTMLElement>('.grid');
	if (!grid) throw new Error('no .grid element');
	// Let the page settle, then scroll 40 rows per frame (a fast fling), and measure frame deltas.
	for (let i = 0; i < 10; i++) await frame();
	const deltas: number[] = [];
	let last = await frame();
	for (let i = 0; i < arg.frames; i++) {
		grid.scrollTop += 40 * 24;
		const now = await frame();
		deltas.push(now - last);
		last = now;
	}
	const domRows = grid.querySelectorAll('.grid-row').length;
	return { rows: arg.rows, firstPaintMs, webviewMs: rendered.ms, domRows, frameDeltas: deltas };
}

/** Runs the grid benchmarks; `runs` fresh page loads per size. Needs `dist/webview/preview.js`. */
export async function runGridBench(
	root: string,
	chromiumPath = '/usr/bin/chromium',
	runs = 5,
): Promise<{ rows: BenchResult[]; raw: GridRun[] }> {
	const bundle = path.join(root, 'dist', 'webview', 'preview.js');
	if (!fs.existsSync(bundle)) throw new Error(`missing ${bundle}: build first`);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bps-grid-bench-'));
	fs.copyFileSync(bundle, path.join(dir, 'preview.js'));
	fs.writeFileSync(path.join(dir, 'index.html'), PAGE);
	// Kept external by esbuild (like the browser tests): the copy in node_modules.
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath: chromiumPath,
		headless: true,
		args: ['--no-sandbox', '--disable-dev-shm-usage'],
	});
	const raw: GridRun[] = [];
	const rows: BenchResult[] = [];
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		for (const n of [10_000, 100_000]) {
			const mine: GridRun[] = [];
			for (let i = 0; i < runs; i++) {
				await page.goto('file://' + path.join(dir, 'index.html'));
				mine.push(await page.evaluate(inPage, { rows: n, cols: COLS, frames: SCROLL_FRAMES }));
				if (errors.length) throw new Error(`webview error: ${errors.join('; ')}`);
			}
			raw.push(...mine);
			const label = n.toLocaleString('en-US');
			const deltas = mine.flatMap((r) => r.frameDeltas);
			const r1 = (x: number) => Math.round(x * 10) / 10;
			rows.push({
				name: `grid first paint, ${label} rows × ${COLS}`,
				value: r1(median(mine.map((r) => r.firstPaintMs))),
				unit: 'ms',
				target: n === 100_000 ? '<= 300' : undefined,
			});
			rows.push({
				name: `grid pivot + model, ${label} rows (in webview)`,
				value: r1(median(mine.map((r) => r.webviewMs))),
				unit: 'ms',
			});
			rows.push({
				name: `grid scroll frame, ${label} rows, median`,
				value: r1(median(deltas)),
				unit: 'ms',
				target: '<= 16.7',
			});
			rows.push({
				name: `grid scroll frame, ${label} rows, p95`,
				value: r1(quantile(deltas, 0.95)),
				unit: 'ms',
				target: '<= 33.4',
			});
			rows.push({
				name: `grid DOM rows while scrolling, ${label} rows`,
				value: median(mine.map((r) => r.domRows)),
				unit: 'rows',
			});
		}
	} finally {
		await browser.close();
		fs.rmSync(dir, { recursive: true, force: true });
	}
	return { rows, raw };
}
