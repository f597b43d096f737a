/**
 * The fault matrix: every failure the BPS WebAPI (or the network in between) can produce, injected
 * by the emulator, driven through the three surfaces a user has — the catalogue tree, the preview
 * panel and `bps.insertData` — in the real extension host. Each case must end with a clear,
 * localised message, no unhandled rejection, a UI that still works afterwards, and the data that
 * was on screen still there (from the cache, marked "offline — cached at …" when it is stale).
 *
 * The data TTL is set to 0 so every table load really goes to the network (and, when that fails in
 * a way the cache may cover, the expired entry is served); metadata stays cached (1 week).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Fault } from '../emulator/server';
import { FIXTURE_IDS } from '../emulator/server';
import type { HostMessage } from '../../src/preview/protocol';
import type { CatalogueNode } from '../../src/tree/nodes';
import {
	EMULATOR_KEY,
	configure,
	setKey,
	sleep,
	startTestEmulator,
	waitFor,
	type TestEmulator,
} from './helpers';
import { testHooks } from './helpers';
import type { PanelProbe as PanelHook, TestHooks as Hooks } from '../../src/testHooks';

interface InsertResult {
	text: string;
	uri: string;
	newDocument: boolean;
}

type Sent<T extends HostMessage['type']> = Extract<HostMessage, { type: T }>;
function sentOf<T extends HostMessage['type']>(p: PanelHook, type: T): Sent<T>[] {
	return p.sent.filter((m): m is Sent<T> => m.type === type);
}

/** One row of the matrix. `staleOk`: the client may answer from an expired cache entry. */
interface Case {
	name: string;
	fault: Fault;
	/** What the user reads (English host), from describeError(). */
	message: RegExp;
	staleOk: boolean;
	/** Settings for this case only. */
	settings?: Record<string, unknown>;
}

const CASES: Case[] = [
	{
		name: 'bad key',
		fault: { kind: 'badKey' },
		message: /rejected the API key.*Set API Key/,
		staleOk: false,
	},
	{
		name: 'null (window too large)',
		fault: { kind: 'null' },
		message: /too large.*fewer periods or fewer regions/,
		staleOk: false,
	},
	{ name: 'WAF HTML page (403)', fault: { kind: 'waf' }, message: /blocked by a firewall/, staleOk: true },
	{
		name: 'WAF HTML page with HTTP 200',
		fault: { kind: 'waf200' },
		message: /blocked by a firewall/,
		staleOk: true,
	},
	{ name: 'malformed JSON', fault: { kind: 'malformed' }, message: /does not understand/, staleOk: false },
	{ name: '5xx (503)', fault: { kind: 'status', status: 503 }, message: /server error/, staleOk: true },
	{ name: 'dropped connection', fault: { kind: 'drop' }, message: /Cannot reach the BPS API/, staleOk: true },
	{
		name: 'timeout',
		fault: { kind: 'hang' },
		message: /did not answer in time.*bps\.network\.timeoutSeconds/,
		staleOk: true,
		settings: { 'network.timeoutSeconds': 1 },
	},
	// Last: "not available" is a real answer, so it replaces the cached table for those periods.
	{ name: 'no data', fault: { kind: 'noData' }, message: /no data/i, staleOk: false },
];

describe('fault matrix (tree, preview, insert)', function () {
	this.timeout(120_000);
	let emu: TestEmulator;
	let h: Hooks;
	let panel: PanelHook;
	let category: CatalogueNode;
	let categoryLabels: string[];
	let defaultPeriods: number[];
	let otherPeriod: number;
	let defaultYears: string[];
	let doc: vscode.TextDocument;
	const rejections: unknown[] = [];
	const onRejection = (reason: unknown) => rejections.push(reason);
	let reqId = 10_000;
	let logStart = 0;

	before(async () => {
		process.on('unhandledRejection', onRejection);
		emu = await startTestEmulator();
		await configure({
			domain: '0000',
			language: 'ind',
			'cache.dataTtlHours': 0,
			'network.timeoutSeconds': 5,
		});
		assert.equal(await setKey(EMULATOR_KEY), true);
		h = await testHooks();
		assert.ok(h.tree && h.previews && h.messages && h.recentLogLines, 'test hooks are registered');
		await vscode.commands.executeCommand('bps.clearCache');
		await vscode.commands.executeCommand('bps.catalogue.focus');
		const root = await h.tree.getChildren();
		category = root.find((n) => n.kind === 'category')!;
		assert.ok(category, 'a category');
		categoryLabels = (await h.tree.getChildren(category)).map((n) => n.label);
		assert.ok(categoryLabels.length > 0);
		const id = await vscode.commands.executeCommand<string>('bps.preview', {
			domain: '0000',
			kind: 'var',
			id: FIXTURE_IDS.annualVar,
		});
		panel = h.previews.get(id)!;
		await waitFor(() => sentOf(panel, 'dynamic').length, 30_000, 'the first table');
		const dims = sentOf(panel, 'dims')[0].dims;
		defaultPeriods = dims.defaultPeriods;
		otherPeriod = dims.periods.find((p) => !defaultPeriods.includes(p.id))!.id;
		assert.ok(otherPeriod !== undefined, 'a period outside the default range');
		defaultYears = dims.periods.filter((p) => defaultPeriods.includes(p.id)).map((p) => p.label);
		// Inserts go to an editor beside the preview: hiding the preview would reload its webview,
		// whose own `load` would then cancel the ones this test sends.
		doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
		await vscode.window.showTextDocument(doc, vscode.ViewColumn.Two);
		await waitFor(
			() => vscode.window.visibleTextEditors.some((e) => e.document === doc),
			5000,
			'the target editor',
		);
		logStart = h.recentLogLines().length;
	});
	afterEach(async () => {
		emu.clearFaults();
		await vscode.commands.executeCommand('notifications.clearAll');
	});
	after(async () => {
		process.off('unhandledRejection', onRejection);
		if (doc) {
			await vscode.window.showTextDocument(doc);
			await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		}
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await configure({
			domain: undefined,
			language: undefined,
			'cache.dataTtlHours': undefined,
			'network.timeoutSeconds': undefined,
		});
		await emu?.close();
	});

	/** Sends `load` to the panel's host side and returns what it answered for that request. */
	async function load(periods: number[]): Promise<HostMessage[]> {
		const requestId = reqId++;
		assert.ok(panel.panel.visible, 'the preview stays visible');
		const r0 = panel.received.length;
		await panel.onMessage({ type: 'load', requestId, periods });
		const out = panel.sent.filter((m) => 'requestId' in m && m.requestId === requestId);
		assert.ok(
			!out.some((m) => m.type === 'cancelled'),
			`nothing cancelled the load: ${JSON.stringify(panel.received.slice(r0))}`,
		);
		return out;
	}

	/** Runs bps.insertData without prompts; when it fails, waits for its error message and dismisses it. */
	async function insert(): Promise<{ result?: InsertResult; shown?: string }> {
		const before = h.messages.length;
		const pending = vscode.commands.executeCommand<InsertResult | undefined>('bps.insertData', {
			domain: '0000',
			kind: 'var',
			id: FIXTURE_IDS.annualVar,
			years: defaultYears,
			format: 'csv',
		});
		const settled = pending.then((r) => ({ done: true as const, r }));
		const first = await Promise.race([
			settled,
			waitFor(() => h.messages.length > before, 60_000, 'an error message').then(() => undefined),
		]);
		if (first) {
			if (first.r)
				assert.equal(first.r.uri, doc.uri.toString(), 'inserted into the editor beside the preview');
			return { result: first.r, shown: h.messages.slice(before).find((m) => m.level === 'error')?.message };
		}
		const shown = h.messages.slice(before).find((m) => m.level === 'error')?.message;
		await vscode.commands.executeCommand('notifications.clearAll');
		assert.equal(await pending, undefined, 'a failed insert resolves undefined once the message is closed');
		return { shown };
	}

	/** After a case: everything works again, and nothing went unhandled. */
	async function recovers(): Promise<void> {
		emu.clearFaults();
		await vscode.commands.executeCommand('bps.refresh');
		const root = await h.tree.getChildren();
		assert.equal(root[0].kind, 'region');
		assert.equal(h.tree.staleFetchedAt, undefined, 'a good full refresh clears the offline marker');
		assert.doesNotMatch(String(h.tree.getTreeItem(root[0]).description ?? ''), /offline/);
		const cat = root.find((n) => n.kind === 'category')!;
		await vscode.commands.executeCommand('bps.refresh', cat);
		assert.deepEqual(
			(await h.tree.getChildren(cat)).map((n) => n.label),
			categoryLabels,
		);
		const ans = await load(defaultPeriods);
		assert.ok(
			ans.some((m) => m.type === 'dynamic'),
			`the preview loads again: ${JSON.stringify(ans.map((m) => m.type))}`,
		);
		const fresh = sentOf(panel, 'freshness').at(-1)!;
		assert.equal(fresh.stale, false, 'fresh data clears the preview marker');
		const ins = await insert();
		assert.ok(ins.result, `insert works again (${ins.shown ?? ''})`);
		assert.ok(ins.result.text.includes(',') && /\d/.test(ins.result.text));
		assert.deepEqual(rejections, [], 'no unhandled rejection');
		const lines = h.recentLogLines().slice(logStart);
		assert.ok(!lines.some((l) => /unhandled|uncaught/i.test(l)), 'no unhandled error in the log');
	}

	for (const c of CASES) {
		it(`${c.name}: a clear message everywhere, data kept, recovers`, async () => {
			if (c.settings) await configure(c.settings);
			try {
				emu.setFaults([c.fault]);
				const t0 = emu.requests.length;

				// Tree: refreshing a category fails; what was shown stays, with a warning naming the cause.
				const before = h.messages.length;
				await vscode.commands.executeCommand('bps.refresh', category);
				const kids = await h.tree.getChildren(category);
				assert.ok(
					emu.requests.slice(t0).some((r) => r.fault === c.fault.kind),
					'the fault was really hit',
				);
				if (c.fault.kind === 'noData') {
					// The API positively answered "nothing here": an info node, not an error.
					assert.ok(
						kids.length >= 1 && kids.every((n) => n.kind === 'info' || n.kind === 'subject'),
						kids.map((n) => n.label).join(),
					);
				} else {
					assert.deepEqual(
						kids.map((n) => n.label),
						categoryLabels,
						'the tree keeps the nodes it showed',
					);
					const warn = (await waitFor(
						() => h.messages.slice(before).find((m) => m.level === 'warning'),
						5000,
						'the tree warning',
					))!;
					assert.match(warn.message, /^Refresh failed; showing the data loaded earlier\. /);
					assert.match(warn.message, c.message);
					const region = (await h.tree.getChildren())[0];
					assert.match(String(h.tree.getTreeItem(region).description), /offline — cached at \d\d:\d\d/);
				}

				// Preview: the table already loaded once.
				const again = await load(defaultPeriods);
				if (c.staleOk) {
					assert.ok(
						again.some((m) => m.type === 'dynamic'),
						'the cached table is shown',
					);
					const f = sentOf(panel, 'freshness').at(-1)!;
					assert.equal(f.stale, true);
					assert.match(f.label, /^offline — cached at \d\d:\d\d$/);
					// A range never loaded before has no cache: a clear error, and the table shown stays.
					const miss = await load([otherPeriod]);
					const err = miss.find((m): m is Sent<'error'> => m.type === 'error');
					assert.ok(err, `an error for an uncached range: ${JSON.stringify(miss.map((m) => m.type))}`);
					assert.match(err.message, c.message);
				} else {
					const err = again.find((m): m is Sent<'error'> => m.type === 'error');
					assert.ok(err, `the preview shows an error: ${JSON.stringify(again.map((m) => m.type))}`);
					assert.match(err.message, c.message);
					assert.ok(
						!again.some((m) => m.type === 'dynamic' || m.type === 'dims'),
						'nothing replaces the table on screen',
					);
				}

				// Insert data: a stale-capable failure still inserts the cached table; others say why.
				const ins = await insert();
				if (c.staleOk) {
					assert.ok(ins.result, `inserted from the cache (${ins.shown ?? ''})`);
				} else {
					assert.equal(ins.result, undefined);
					assert.ok(ins.shown, 'an error message was shown');
					assert.match(ins.shown, c.message);
				}
			} finally {
				if (c.settings) await configure(Object.fromEntries(Object.keys(c.settings).map((k) => [k, 5])));
			}
			await recovers();
		});
	}

	it('slow response: progress in the preview, then Cancel; the tree waits and loads', async () => {
		emu.setFaults([{ kind: 'latency', ms: 5000, match: { model: 'data' } }]);
		const requestId = reqId++;
		const done = panel.onMessage({ type: 'load', requestId, periods: defaultPeriods });
		await waitFor(
			() => panel.sent.find((m) => m.type === 'loading' && m.requestId === requestId),
			5000,
			'loading',
		);
		await waitFor(
			() => panel.sent.find((m) => m.type === 'progress' && m.requestId === requestId),
			5000,
			'progress',
		);
		await sleep(300);
		await panel.onMessage({ type: 'cancel', requestId });
		await done;
		assert.ok(
			panel.sent.find((m) => m.type === 'cancelled' && m.requestId === requestId),
			'cancelled',
		);
		assert.ok(
			!panel.sent.find((m) => m.type === 'dynamic' && m.requestId === requestId),
			'no data after cancel',
		);
		// A slow body on the tree's listing: the refresh just takes longer and succeeds.
		emu.setFaults([{ kind: 'slowBody', ms: 1500, match: { model: 'subject' } }]);
		const t0 = Date.now();
		await vscode.commands.executeCommand('bps.refresh', category);
		assert.deepEqual(
			(await h.tree.getChildren(category)).map((n) => n.label),
			categoryLabels,
		);
		assert.ok(Date.now() - t0 >= 1000, 'the slow body was really waited for');
		await recovers();
	});
});
