/**
 * The benchmarks that need a REAL VS Code extension host: extension activation, opening a
 * dynamic-table preview end to end (command → host fetches → webview renders), and expanding the
 * catalogue tree — each cold (empty cache) and warm, with the HTTP requests the emulator saw.
 *
 * Loaded by scripts/run-ext-tests.mjs as `extensionTestsPath` (same `run()` contract as the
 * integration suite); test/bench/index.ts launches it and reads the JSON this writes to
 * `BPS_TEST_RESULTS`. Like the integration tests it drives the bundled extension only through its
 * commands and test hooks, never by importing src/ at run time.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as vscode from 'vscode';
import { EMULATOR_HEX_KEY, FIXTURE_IDS, startEmulator, type RecordedRequest } from '../../emulator/server';
import { EXTENSION_ID } from '../../../src/constants';
import type { BpsPublicApi } from '../../../src/publicApi';
import type { HostMessage, WebviewMessage } from '../../../src/preview/protocol';
import type { TestHooks as Hooks } from '../../../src/testHooks';
import type { CatalogueNode } from '../../../src/tree/nodes';

/** Latency the emulator adds to every response: a realistic round trip to webapi.bps.go.id. */
export const LATENCY_MS = 50;
const RUNS = 5;
/** A slow mobile or distant connection: the cold preview's phases are measured at this latency too. */
export const SLOW_LATENCY_MS = 300;
const TREE_STEP_RUNS = 3;

/** One timed action: wall time plus what the emulator saw. */
export interface HostSample {
	ms: number;
	requests: number;
	/** `model=data` requests. */
	dataRequests: number;
	/** Longest gap between the arrivals of consecutive data requests (ms); -1 with < 2 data calls. */
	dataSpreadMs: number;
	/** Most data requests in flight at one time (from arrival time + response time). */
	dataOverlap: number;
	/** Distinct metadata requests (non-data), and how many were repeats of an earlier one. */
	metaRepeats: number;
}

export interface HostBenchResults {
	/** `ext.activate()` in a fresh host; `loadMs` = evaluating the bundle alone (a second copy, after activation); `secretMs` = one SecretStorage read. */
	activation: {
		ms: number;
		alreadyActive: boolean;
		loadMs: number;
		secretMs: number;
		/** dist/features.js already loaded when activate() returned (it should not be). */
		lazyAtActivation?: boolean;
		/** Loading dist/features.js at the first preview (require + evaluation + building the features). */
		featuresLoadMs?: number;
	};
	previewCold: HostSample[];
	previewWarm: HostSample[];
	/** Periods the default preview loads and the per-call cap (for the ⌈periods / cap⌉ check). */
	preview: {
		varId: number;
		periods: number;
		rows: number;
		cols: number;
		phases: Phases[];
		warmPhases: Phases[];
		/** Cold runs with the emulator answering after {@link SLOW_LATENCY_MS}. */
		slowPhases?: Phases[];
		slowLatencyMs?: number;
	};
	/** Cold preview with `bps.network.maxRequestsPerSecond` raised to 50: shows whether the client overlaps the data calls when the rate ceiling allows it. */
	previewColdFastRate: HostSample[];
	/** Requests of the first cold run of each action (what they were). */
	requestLog: { previewCold: string[]; treeCold: string[]; treeSteps: Record<string, string[]> };
	treeCold: HostSample[];
	treeWarm: HostSample[];
	treePath: string[];
	/** Each expansion on its own, cold, at each emulator latency (ms → step → runs). */
	treeSteps: Record<string, Record<string, ExpansionSample[]>>;
	error?: string;
}

/** One tree expansion: its wall time, its requests, and how many were in flight together. */
export interface ExpansionSample {
	ms: number;
	requests: number;
	/** Most requests in flight at one time (arrival + the emulator's latency). */
	inFlight: number;
}

/** Emulator latencies the per-expansion tree bench runs at. */
export const TREE_LATENCIES = [50, 300];

export async function run(): Promise<void> {
	const out = process.env.BPS_TEST_RESULTS;
	const res: HostBenchResults = {
		activation: { ms: NaN, alreadyActive: false, loadMs: NaN, secretMs: NaN },
		previewCold: [],
		previewWarm: [],
		preview: { varId: FIXTURE_IDS.regencyVar, periods: 0, rows: 0, cols: 0, phases: [], warmPhases: [] },
		previewColdFastRate: [],
		requestLog: { previewCold: [], treeCold: [], treeSteps: {} },
		treeCold: [],
		treeWarm: [],
		treePath: [],
		treeSteps: {},
	};
	// BPS_TEST_GREP (`--grep` of run-ext-tests.mjs) picks parts: "tree" runs only the tree benches.
	const part = (name: string) =>
		!process.env.BPS_TEST_GREP || new RegExp(process.env.BPS_TEST_GREP).test(name);
	const emu = await startEmulator({ latencyMs: LATENCY_MS });
	try {
		const cfg = vscode.workspace.getConfiguration('bps');
		await cfg.update('apiBaseUrl', emu.url, vscode.ConfigurationTarget.Global);
		await cfg.update('domain', '0000', vscode.ConfigurationTarget.Global);

		// Activation first, in this fresh host: require() of the bundle + activate().
		const ext = vscode.extensions.getExtension<BpsPublicApi>(EXTENSION_ID);
		if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
		res.activation.alreadyActive = ext.isActive;
		const t0 = performance.now();
		const api = await ext.activate();
		res.activation.ms = performance.now() - t0;
		res.activation.lazyAtActivation = Number.isFinite((api._test as Hooks | undefined)?.lazy?.loadMs);

		const hooks = api._test as unknown as Hooks | undefined;
		if (!hooks?.previews || !hooks.tree) throw new Error('test hooks missing (BPS_TEST=1 not set?)');
		// Diagnostics for the activation figure: how much is evaluating the bundle, how much one
		// SecretStorage round trip (activate() reads the key once).
		const main = path.join(ext.extensionPath, 'dist', 'extension.js');
		const req = createRequire(__filename);
		delete req.cache[req.resolve(main)];
		let t1 = performance.now();
		req(main);
		res.activation.loadMs = performance.now() - t1;
		t1 = performance.now();
		await hooks.services.context.secrets.get('bps.bench.probe');
		res.activation.secretMs = performance.now() - t1;
		if ((await vscode.commands.executeCommand('bps.setApiKey', EMULATOR_HEX_KEY)) !== true)
			throw new Error('emulator key rejected');
		await sleep(200);

		const clearAll = async () => {
			await vscode.commands.executeCommand('bps.clearCache');
			await sleep(100);
		};

		// --- preview: cold (cache cleared) and warm (same item closed and reopened) -----------------
		const ref = { domain: '0000', kind: 'var', id: FIXTURE_IDS.regencyVar };
		for (let i = 0; i < (part('preview') ? RUNS : 0); i++) {
			for (const warm of [false, true]) {
				if (!warm) await clearAll();
				emu.resetRequests();
				const r = await openPreview(hooks, ref);
				if (i === 0 && !warm) res.activation.featuresLoadMs = hooks.lazy?.loadMs;
				(warm ? res.previewWarm : res.previewCold).push(sample(r.ms, emu.requests));
				(warm ? res.preview.warmPhases : res.preview.phases).push(r.phases);
				if (!warm && i === 0) res.requestLog.previewCold = describe(emu.requests);
				res.preview.periods = r.periods;
				res.preview.rows = r.rows;
				res.preview.cols = r.cols;
				r.panel.dispose();
				await sleep(100);
			}
		}

		// The same cold preview behind a slow connection.
		if (part('preview')) {
			const slow = await startEmulator({ latencyMs: SLOW_LATENCY_MS });
			res.preview.slowPhases = [];
			res.preview.slowLatencyMs = SLOW_LATENCY_MS;
			try {
				await cfg.update('apiBaseUrl', slow.url, vscode.ConfigurationTarget.Global);
				await sleep(200);
				for (let i = 0; i < 3; i++) {
					await clearAll();
					const r = await openPreview(hooks, ref);
					res.preview.slowPhases.push(r.phases);
					r.panel.dispose();
					await sleep(100);
				}
			} finally {
				await cfg.update('apiBaseUrl', emu.url, vscode.ConfigurationTarget.Global);
				await slow.close();
				await sleep(200);
			}
		}

		await cfg.update('network.maxRequestsPerSecond', 50, vscode.ConfigurationTarget.Global);
		await sleep(200);
		for (let i = 0; i < (part('preview') ? 3 : 0); i++) {
			await clearAll();
			emu.resetRequests();
			const r = await openPreview(hooks, ref);
			res.previewColdFastRate.push(sample(r.ms, emu.requests));
			r.panel.dispose();
			await sleep(100);
		}
		await cfg.update('network.maxRequestsPerSecond', undefined, vscode.ConfigurationTarget.Global);
		await sleep(200);

		// --- tree: region root → first category → its first subject, cold and warm ------------------
		for (let i = 0; i < (part('tree') ? RUNS : 0); i++) {
			for (const warm of [false, true]) {
				if (warm) {
					// Memo dropped, response cache kept: what a new window sees after the disk cache loads.
					hooks.catalogue.clear();
				} else {
					await clearAll();
				}
				hooks.tree.reset();
				await sleep(50);
				emu.resetRequests();
				const t = performance.now();
				const root = await hooks.tree.getChildren();
				const cat = root.find((n) => n.kind === 'category');
				if (!cat) throw new Error('no category under the region root');
				const subjects = await hooks.tree.getChildren(cat);
				const subj = subjects.find((n) => n.kind === 'subject');
				if (!subj) throw new Error('no subject under the first category');
				const kids = await hooks.tree.getChildren(subj);
				const ms = performance.now() - t;
				(warm ? res.treeWarm : res.treeCold).push(sample(ms, emu.requests));
				if (!warm && i === 0) res.requestLog.treeCold = describe(emu.requests);
				res.treePath = [`${root.length} root nodes`, `${subjects.length} subjects`, `${kids.length} tables`];
			}
		}

		// --- tree, one expansion at a time: what each costs, at 50 and 300 ms latency ---------------
		for (const latency of part('tree') ? TREE_LATENCIES : []) {
			// The emulator adds LATENCY_MS to every answer; a latency fault adds the rest.
			emu.setFaults(latency > LATENCY_MS ? [{ kind: 'latency', ms: latency - LATENCY_MS }] : []);
			const steps: Record<string, ExpansionSample[]> = {};
			res.treeSteps[String(latency)] = steps;
			for (let i = 0; i < TREE_STEP_RUNS; i++) {
				await clearAll();
				hooks.tree.reset();
				await sleep(50);
				const expand = async (step: string, node?: CatalogueNode): Promise<CatalogueNode[]> => {
					// A user takes a moment between clicks: the client's rate bucket (one second of
					// requests) refills, so each expansion is measured as a user meets it.
					await sleep(1100);
					emu.resetRequests();
					const t = performance.now();
					const kids = await hooks.tree.getChildren(node);
					const ms = performance.now() - t;
					(steps[step] ??= []).push({
						ms,
						requests: emu.requests.length,
						inFlight: inFlight(emu.requests, latency),
					});
					if (latency === TREE_LATENCIES[0] && i === 0)
						res.requestLog.treeSteps[step] = describe(emu.requests);
					return kids;
				};
				const root = await expand('region root');
				const cat = treeCategory(root);
				const subj = (await expand('category', cat)).find((n) => n.kind === 'subject');
				if (!subj) throw new Error('no subject under the category');
				const kids = await expand('subject', subj);
				// The static tables of the subject, where they are a folder of their own.
				const statics = kids.find((n) => n.kind === 'folder');
				if (statics) await expand('static tables folder', statics);
			}
		}
		emu.clearFaults();
	} catch (e) {
		res.error = e instanceof Error ? (e.stack ?? e.message) : String(e);
		console.error(res.error);
	} finally {
		await emu.close();
		const cfg = vscode.workspace.getConfiguration('bps');
		await cfg.update('apiBaseUrl', undefined, vscode.ConfigurationTarget.Global);
		await cfg.update('domain', undefined, vscode.ConfigurationTarget.Global);
		await cfg.update('network.maxRequestsPerSecond', undefined, vscode.ConfigurationTarget.Global);
		if (out) {
			fs.mkdirSync(path.dirname(out), { recursive: true });
			fs.writeFileSync(out, JSON.stringify(res, null, '\t'));
		}
	}
	if (res.error) throw new Error(res.error);
}

/** Milliseconds from the command to each step of opening a preview. */
export interface Phases {
	/** The webview booted and said `ready`. */
	ready: number;
	/** The host posted the variable's periods (metadata fetched). */
	dims: number;
	/** The host posted the decoded table (data fetched). */
	data: number;
	/** The webview reported the table on screen. */
	rendered: number;
	/** The webview's own pivot + grid time for the table (its `rendered.ms`). */
	webviewMs: number;
	/** The webview's own clock at `ready`: its document started → its script parsed and run. */
	bootMs: number;
}

interface Opened {
	panel: vscode.WebviewPanel;
	/** Command issued → the webview reported the table rendered (+ one frame). */
	ms: number;
	phases: Phases;
	periods: number;
	rows: number;
	cols: number;
}

/** `bps.preview` for a var, timed until the real webview says the table is on screen. */
async function openPreview(hooks: Hooks, ref: Record<string, unknown>): Promise<Opened> {
	const t0 = performance.now();
	const id = await vscode.commands.executeCommand<string>('bps.preview', ref);
	const p = hooks.previews.get(id);
	if (!p) throw new Error(`panel ${id} not found`);
	const ph = { ready: NaN, dims: NaN, data: NaN };
	const note = (k: keyof typeof ph, hit: boolean) => {
		if (Number.isNaN(ph[k]) && hit) ph[k] = performance.now() - t0;
	};
	const rendered = await new Promise<Extract<WebviewMessage, { type: 'rendered' }>>((resolve, reject) => {
		const timer = setTimeout(() => done(new Error('preview did not render within 60 s')), 60_000);
		// The host's `dynamic` post is noted by polling `sent` (the panel has no event for it).
		const poll = setInterval(() => {
			note(
				'ready',
				p.received.some((m) => m.type === 'ready'),
			);
			note(
				'dims',
				p.sent.some((m) => m.type === 'dims'),
			);
			note(
				'data',
				p.sent.some((m) => m.type === 'dynamic'),
			);
			const err = p.sent.find((m) => m.type === 'error');
			if (err) done(new Error(`preview error: ${JSON.stringify(err)}`));
		}, 1);
		const check = (m: WebviewMessage) => {
			if (m.type === 'rendered' && m.view === 'dynamic' && m.modelRows > 0) done(undefined, m);
		};
		const sub = p.onDidReceive(check);
		function done(e?: Error, m?: Extract<WebviewMessage, { type: 'rendered' }>) {
			clearTimeout(timer);
			clearInterval(poll);
			sub.dispose();
			if (e) reject(e);
			else resolve(m!);
		}
		for (const m of p.received) check(m);
	});
	const ms = performance.now() - t0;
	const dims = p.sent.find((m): m is Extract<HostMessage, { type: 'dims' }> => m.type === 'dims');
	const ready = p.received.find((m): m is Extract<WebviewMessage, { type: 'ready' }> => m.type === 'ready');
	const phases: Phases = {
		ready: ph.ready,
		dims: ph.dims,
		data: ph.data,
		rendered: ms,
		webviewMs: rendered.ms,
		bootMs: ready?.bootMs ?? NaN,
	};
	return {
		panel: p.panel,
		ms,
		phases,
		periods: dims?.dims.defaultPeriods.length ?? 0,
		rows: rendered.modelRows,
		cols: rendered.modelCols,
	};
}

function sample(ms: number, reqs: RecordedRequest[]): HostSample {
	const data = reqs.filter((r) => r.params.model === 'data').sort((a, b) => a.time - b.time);
	let spread = -1;
	for (let i = 1; i < data.length; i++) spread = Math.max(spread, data[i].time - data[0].time);
	// In flight = arrived, and its answer (≥ LATENCY_MS later) not yet sent.
	let overlap = data.length ? 1 : 0;
	for (const r of data)
		overlap = Math.max(overlap, data.filter((o) => o.time <= r.time && r.time < o.time + LATENCY_MS).length);
	const seen = new Set<string>();
	let repeats = 0;
	for (const r of reqs) {
		if (r.params.model === 'data') continue;
		const k = `${r.action}?${JSON.stringify(r.params)}`;
		if (seen.has(k)) repeats++;
		seen.add(k);
	}
	return {
		ms,
		requests: reqs.length,
		dataRequests: data.length,
		dataSpreadMs: spread,
		dataOverlap: overlap,
		metaRepeats: repeats,
	};
}

/** Most requests in flight at once, each from its arrival until its answer (arrival + latency). */
function inFlight(reqs: RecordedRequest[], latency: number): number {
	let most = 0;
	for (const r of reqs)
		most = Math.max(most, reqs.filter((o) => o.time <= r.time && r.time < o.time + latency).length);
	return most;
}

/**
 * The category the per-expansion bench opens: "Sosial dan Kependudukan" (id 1), so that the
 * same subject is measured whatever order the categories are in; else the first.
 */
function treeCategory(root: CatalogueNode[]): CatalogueNode {
	const cats = root.filter((n) => n.kind === 'category');
	const cat = cats.find((n) => n.kind === 'category' && n.categoryId === 1) ?? cats[0];
	if (!cat) throw new Error('no category under the region root');
	return cat;
}

function describe(reqs: RecordedRequest[]): string[] {
	const t0 = reqs[0]?.time ?? 0;
	return reqs.map((r) => {
		const p = Object.entries(r.params).filter(([k]) => k !== 'lang');
		return `+${r.time - t0}ms ${r.action} ${p.map(([k, v]) => `${k}=${v}`).join('&')}`;
	});
}

function sleep(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}
