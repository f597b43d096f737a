/**
 * Key secrecy audit. The BPS terms ask every key to stay secret: run the main flows (tree,
 * preview, export, insert — data and fetch code —, search, the public API, a key check and the
 * error paths) with a distinctive key the emulator accepts, then search everything the extension
 * produced for it, plain or URL-encoded: the log (lines and files), settings, globalState and
 * workspaceState, globalStorage (the cache file), inserted text, exported files, shown messages,
 * and every preview's HTML and messages. Any hit fails the test.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { FIXTURE_IDS } from '../emulator/server';
import type { HostMessage } from '../../src/preview/protocol';
import { checkStrictCsp } from '../unit/preview/cspCheck';
import {
	configure,
	getExtensionApi,
	startTestEmulator,
	storeKeyDirectly,
	waitFor,
	type TestEmulator,
} from './helpers';
import { testHooks } from './helpers';
import type { TestHooks as Hooks } from '../../src/testHooks';

/**
 * A key no real one looks like (real keys are 32 hex digits), with characters that change under
 * URL encoding, so both forms are searched for.
 */
const KEY = `SECRET-${randomBytes(6).toString('hex')}~k€y`;
/** Forms the key could leak in. */
const FORMS = [
	...new Set([
		KEY,
		encodeURIComponent(KEY),
		encodeURI(KEY),
		KEY.replace(/[^A-Za-z0-9-]/g, ''),
		KEY.slice(7, 19),
	]),
];

/** Where the key was found in `text`, or undefined. */
function leak(text: string): string | undefined {
	return FORMS.find((f) => text.includes(f));
}

/** Every file below `dir` (missing dir → none). */
function filesUnder(dir: string | undefined): string[] {
	if (!dir || !fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => path.join(e.parentPath, e.name));
}

/** Waits for a command that may be held by a notification it shows, closing notifications until it settles. */
async function settle(pending: Thenable<unknown>): Promise<void> {
	let done = false;
	const p = Promise.resolve(pending).then(
		() => (done = true),
		() => (done = true),
	);
	const deadline = Date.now() + 30_000;
	while (!done && Date.now() < deadline) {
		await new Promise((r) => setTimeout(r, 250));
		await vscode.commands.executeCommand('notifications.clearAll');
	}
	await p;
}

describe('key secrecy audit', function () {
	this.timeout(120_000);
	let emu: TestEmulator;
	let h: Hooks;
	const artefacts: Array<{ where: string; text: string }> = [];
	const inserted = new Set<string>();
	const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bps-secrecy-'));

	before(async () => {
		emu = await startTestEmulator({ keys: [KEY] });
		await configure({ domain: '0000', language: 'ind' });
		h = await testHooks();
		await vscode.commands.executeCommand('bps.clearCache');
		// Every test here needs the key, whichever of them runs (a --grep may pick one). Not of the
		// real shape on purpose (bps.setApiKey would refuse it): stored as another window would.
		await storeKeyDirectly(KEY);
	});
	after(async () => {
		emu.clearFaults();
		await vscode.commands.executeCommand('notifications.clearAll');
		// Untitled documents the inserts opened: revert them, or closing would ask to save.
		for (const d of vscode.workspace.textDocuments.filter((x) => inserted.has(x.uri.toString()))) {
			await vscode.window.showTextDocument(d);
			await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		}
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await configure({ domain: undefined, language: undefined });
		await emu?.close();
		fs.rmSync(exportDir, { recursive: true, force: true });
	});

	it('the scanner finds the key in every form it could leak in', () => {
		assert.equal(leak(`log: ${KEY} x`), KEY);
		assert.ok(leak(`https://x/?key=${encodeURIComponent(KEY)}`));
		assert.ok(leak(`/key/${encodeURI(KEY)}/`));
		assert.equal(leak('nothing here *** SECRET-'), undefined);
		assert.ok(!/^[0-9a-f]{32}$/i.test(KEY), 'never a real-looking key');
	});

	it('runs the main flows with the key', async () => {
		// Tree
		await vscode.commands.executeCommand('bps.refresh');
		const root = await h.tree.getChildren();
		const cat = root.find((n) => n.kind === 'category')!;
		const subjects = await h.tree.getChildren(cat);
		await h.tree.getChildren(subjects.find((n) => n.kind === 'subject'));
		assert.ok(
			emu.requests.some((r) => r.keyPresent && r.status === 200),
			'the key was sent to the API, and accepted',
		);
		for (const n of [...root, ...subjects])
			artefacts.push({ where: `tree ${n.id}`, text: JSON.stringify(h.tree.getTreeItem(n)) });

		// Preview: dynamic table and static table, then export in every format
		const id = await vscode.commands.executeCommand<string>('bps.preview', {
			domain: '0000',
			kind: 'var',
			id: FIXTURE_IDS.annualVar,
		});
		const p = h.previews.get(id)!;
		await waitFor(() => p.sent.some((m) => m.type === 'dynamic'), 30_000, 'a table');
		const sid = await vscode.commands.executeCommand<string>('bps.preview', {
			domain: '0000',
			kind: 'statictable',
			id: FIXTURE_IDS.staticTable,
		});
		await waitFor(() => h.previews.get(sid)!.sent.some((m) => m.type === 'static'), 30_000, 'a static table');
		const old = h.previews.pickSaveUri;
		h.previews.pickSaveUri = async (name) => vscode.Uri.file(path.join(exportDir, name));
		try {
			for (const [i, format] of (['csv', 'xlsx', 'json'] as const).entries()) {
				await p.onMessage({
					type: 'export',
					requestId: 900 + i,
					format,
					table: { title: 'T', columns: ['Wilayah', '2020'], rows: [['Aceh', 1]] },
				});
			}
		} finally {
			h.previews.pickSaveUri = old;
		}
		assert.equal(fs.readdirSync(exportDir).length, 3, 'three exports written');

		// Insert: data and fetch code (the code must read the key from the environment, not embed it)
		const dims = p.sent.find((m): m is Extract<HostMessage, { type: 'dims' }> => m.type === 'dims')!.dims;
		const years = dims.periods.slice(-2).map((x) => x.label);
		for (const format of ['csv', 'json', 'python-fetch', 'r-fetch', 'typescript-fetch']) {
			const r = await vscode.commands.executeCommand<{ text: string; uri: string } | undefined>(
				'bps.insertData',
				{
					domain: '0000',
					kind: 'var',
					id: FIXTURE_IDS.annualVar,
					years,
					format,
				},
			);
			assert.ok(r?.text, `inserted ${format}`);
			inserted.add(r.uri);
			artefacts.push({ where: `inserted ${format}`, text: r.text });
			const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === r.uri);
			if (doc) artefacts.push({ where: `document ${format}`, text: doc.getText() });
		}

		// Search (server keyword search + local index), opening the first hit
		await vscode.commands.executeCommand('bps.search', { query: 'penduduk', accept: true });

		// Public API
		const api = await getExtensionApi();
		const t = await api.getDynamicTable({
			domain: '0000',
			variable: FIXTURE_IDS.annualVar,
			years: years.slice(-1),
		});
		artefacts.push({
			where: 'public API result',
			text: JSON.stringify({ ...t, table: { ...t.table, values: [] } }),
		});

		// Error paths: WAF page (it echoes the URL), malformed JSON, 5xx, rejected key — in tree, preview and insert
		for (const kind of ['waf', 'malformed', 'badKey', 'status'] as const) {
			emu.setFaults([{ kind, status: 500 }]);
			await vscode.commands.executeCommand('bps.refresh', cat);
			await h.tree.getChildren(cat);
			await p.onMessage({ type: 'load', requestId: 950, periods: [dims.periods[0].id] });
			const before = h.messages.length;
			await settle(
				vscode.commands.executeCommand('bps.insertData', {
					domain: '0000',
					kind: 'statictable',
					id: FIXTURE_IDS.staticTable + 1,
					format: 'csv',
				}),
			);
			assert.ok(h.messages.length > before, `the failed insert (${kind}) showed a message`);
			emu.clearFaults();
		}
		// A key check with a wrong key reports an error without echoing it.
		await settle(vscode.commands.executeCommand('bps.setApiKey', `${KEY}-wrong`));
	});

	it('every preview kind has a strict CSP (default-src none, nonce-only scripts, limited images)', async () => {
		const res = await fetch(`${emu.url}list?model=indicators&domain=0000&key=${encodeURIComponent(KEY)}`, {
			headers: { 'user-agent': 'Mozilla/5.0 (test)' },
		});
		const ind = ((await res.json()) as { data: [unknown, Array<{ indicator_id: number }>] }).data[1][0];
		const refs = [
			{ kind: 'var', id: FIXTURE_IDS.annualVar },
			{ kind: 'statictable', id: FIXTURE_IDS.staticTable },
			{ kind: 'publication', id: FIXTURE_IDS.publication },
			{ kind: 'pressrelease', id: FIXTURE_IDS.pressRelease },
			{ kind: 'indicator', id: ind.indicator_id },
			// Cards with images from BPS hosts (the emulator's first national infographic and news item).
			{ kind: 'infographic', id: 1000 },
			{ kind: 'news', id: 300 },
		];
		for (const ref of refs) {
			const id = await vscode.commands.executeCommand<string>('bps.preview', { domain: '0000', ...ref });
			const p = h.previews.get(id)!;
			await waitFor(() => p.received.some((m) => m.type === 'rendered'), 30_000, `${ref.kind} rendered`);
			checkStrictCsp(p.panel.webview.html, p.panel.webview.cspSource);
		}
	});

	it('the key appears nowhere the extension wrote', async () => {
		const ctx = h.services.context;
		await h.services.cache.flush();
		const hits: string[] = [];
		const check = (where: string, text: string) => {
			const f = leak(text);
			if (f) hits.push(`${where} (as "${f}")`);
		};

		// Log: the lines the channel saw, and the log files on disk.
		check('recent log lines', h.recentLogLines().join('\n'));
		const logFiles = filesUnder(path.dirname(ctx.logUri.fsPath));
		for (const f of logFiles)
			check(`log file ${f}`, fs.readFileSync(f, 'latin1') + fs.readFileSync(f, 'utf8'));
		assert.ok(
			h.recentLogLines().some((l) => /model=data/.test(l)),
			'the log saw the requests (so it was really scanned)',
		);

		// Settings: every bps.* value in every scope, and the settings.json files.
		const cfg = vscode.workspace.getConfiguration('bps');
		check('bps.* settings', JSON.stringify(Object.keys(cfg).map((k) => cfg.inspect(k))));
		const userDir = path.resolve(ctx.globalStorageUri.fsPath, '..', '..');
		const settingsFiles = [
			path.join(userDir, 'settings.json'),
			...(vscode.workspace.workspaceFolders ?? []).map((w) =>
				path.join(w.uri.fsPath, '.vscode', 'settings.json'),
			),
		];
		for (const f of settingsFiles) if (fs.existsSync(f)) check(f, fs.readFileSync(f, 'utf8'));

		// globalState and workspaceState, every key and value.
		for (const [name, memento] of [
			['globalState', ctx.globalState],
			['workspaceState', ctx.workspaceState],
		] as const) {
			check(name, JSON.stringify(memento.keys().map((k) => [k, memento.get(k)])));
		}

		// globalStorage (the cache entries) and workspace storage.
		const stored = [...filesUnder(ctx.globalStorageUri.fsPath), ...filesUnder(ctx.storageUri?.fsPath)];
		assert.ok(
			stored.some((f) => path.dirname(f) === h.services.cache.dir),
			'cache entries were written (so they were really scanned)',
		);
		for (const f of stored) check(`stored file ${f}`, fs.readFileSync(f, 'utf8'));

		// Exports, inserted text and open documents.
		for (const f of filesUnder(exportDir))
			check(`export ${path.basename(f)}`, fs.readFileSync(f, 'latin1') + fs.readFileSync(f, 'utf8'));
		for (const a of artefacts) check(a.where, a.text);
		for (const d of vscode.workspace.textDocuments) check(`document ${d.uri.toString()}`, d.getText());

		// Messages shown to the user.
		assert.ok(h.messages.length > 0, 'the error paths showed messages');
		check('shown messages', JSON.stringify(h.messages));

		// Webviews: HTML and every message both ways.
		const panels = h.previews.all();
		assert.ok(panels.length >= 2);
		for (const p of panels) {
			check(`preview ${p.id} html`, p.panel.webview.html);
			check(`preview ${p.id} messages`, JSON.stringify(p.sent) + JSON.stringify(p.received));
		}

		assert.deepEqual(hits, [], `the key leaked into: ${hits.join('; ')}`);
	});
});
