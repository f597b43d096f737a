/**
 * SDG indicators and SDDS tables in the real extension host against the emulator: the national
 * folders (also under a regency), goal folders with "1.2.1 Title" indicators, an indicator's
 * preview (its national dynamic table, titled with the number), Insert Data by tree node and by
 * `{ kind: 'sdg', number }`, search by number and by words, the public API, and faults (no list,
 * an error envelope, an unknown indicator).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InsertResult } from '../../src/insert/apply';
import type { HostMessage, WebviewMessage } from '../../src/preview/protocol';
import type { SearchSession } from '../../src/search/searchSession';
import type { TestHooks } from '../../src/testHooks';
import type { CatalogueNode, FolderNode } from '../../src/tree/nodes';
import {
	configure,
	getExtensionApi,
	waitFor,
	type TestEmulator,
	setupSuite,
	closeScratchEditors,
} from './helpers';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';

async function until<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
	return (await waitFor(check, timeoutMs, what)) as T;
}

const folders = (nodes: CatalogueNode[]) => nodes.filter((n): n is FolderNode => n.kind === 'folder');

describe('SDGs and SDDS', function () {
	this.timeout(60_000);
	let emu: TestEmulator;
	let h: TestHooks;

	before(async () => {
		({ emu, hooks: h } = await setupSuite({ domain: '0000', language: 'ind', 'network.timeoutSeconds': 3 }));
	});
	beforeEach(async () => {
		emu.clearFaults();
		await vscode.commands.executeCommand('bps.clearCache');
	});
	afterEach(async () => {
		h.search.active?.hide();
		await closeScratchEditors();
	});
	after(async () => {
		emu.clearFaults();
		await configure({ domain: undefined, language: undefined, 'network.timeoutSeconds': undefined });
		await emu?.close();
	});

	async function sdgsFolder(): Promise<FolderNode> {
		const root = await h.tree.getChildren();
		const f = folders(root).find((n) => n.folder === 'sdgs');
		assert.ok(f, `an SDGs folder in ${root.map((n) => n.label).join(' | ')}`);
		return f;
	}

	async function goal1Indicator(): Promise<CatalogueNode> {
		const goals = await h.tree.getChildren(await sdgsFolder());
		const g1 = goals.find((n) => n.label === '1. Tanpa Kemiskinan');
		assert.ok(g1, `goal 1 in ${goals.map((n) => n.label).join(' | ')}`);
		const inds = await h.tree.getChildren(g1);
		const i = inds.find((n) => n.label.startsWith('1.2.1 '));
		assert.ok(i, `1.2.1 in ${inds.map((n) => n.label).join(' | ')}`);
		return i;
	}

	it('tree: SDGs (Indonesia) → goals named by the API → "1.2.1 Title" indicators; SDDS by category', async () => {
		const f = await sdgsFolder();
		assert.equal(f.label, 'SDGs (Indonesia)');
		assert.equal(f.domain, '0000');
		const goals = await h.tree.getChildren(f);
		assert.ok(goals.length >= 10, 'one folder per goal that has indicators');
		assert.ok(
			goals.every((g) => g.kind === 'folder' && /^\d+\. \S/.test(g.label)),
			goals.map((g) => g.label).join(' | '),
		);
		assert.deepEqual(
			goals.slice(0, 3).map((g) => g.label),
			['1. Tanpa Kemiskinan', '3. Kehidupan Sehat dan Sejahtera', '4. Pendidikan Berkualitas'],
		);
		const i = await goal1Indicator();
		assert.equal(i.kind, 'var');
		if (i.kind !== 'var') return;
		assert.deepEqual(
			{ domain: i.ref.domain, id: i.ref.id, sdg: i.ref.sdg },
			{ domain: '0000', id: 154, sdg: '1.2.1' },
		);
		const item = h.tree.getTreeItem(i);
		assert.equal(item.command?.command, 'bps.preview');
		assert.match(String(item.contextValue), /previewable;insertable;copyable/);

		const root = await h.tree.getChildren();
		const sdds = folders(root).find((n) => n.folder === 'sdds');
		assert.equal(sdds?.label, 'SDDS (Indonesia)');
		const cats = await h.tree.getChildren(sdds);
		assert.deepEqual(
			cats.map((c) => c.label),
			['Sektor Riil', 'Sektor Eksternal', 'Sosial Demografi'],
		);
		const social = await h.tree.getChildren(cats[2]);
		assert.deepEqual(
			social.map((n) => n.kind),
			['var', 'statictable'],
			'an SDDS entry is the dynamic or static table it points to',
		);
	});

	it('tree: a regency offers the same national folders', async () => {
		await configure({ domain: '3578' });
		try {
			const f = await sdgsFolder();
			assert.equal(f.domain, '0000');
			const i = await goal1Indicator();
			assert.equal(i.domain, '0000');
		} finally {
			await configure({ domain: '0000' });
		}
	});

	it('preview: an indicator opens its national dynamic table, titled with the number', async () => {
		const node = await goal1Indicator();
		const id = await vscode.commands.executeCommand<string>('bps.preview', node);
		const p = h.previews.get(id);
		assert.ok(p, 'the panel is known');
		const dyn = await until(
			() => p.sent.find((m): m is Extract<HostMessage, { type: 'dynamic' }> => m.type === 'dynamic'),
			30_000,
			'dynamic data',
		);
		assert.equal(dyn.table.variable.id, 154);
		await until(
			() => p.received.find((m: WebviewMessage) => m.type === 'rendered'),
			30_000,
			'the webview rendered',
		);
		assert.ok(p.panel.title.startsWith('1.2.1 '), p.panel.title);
		assert.ok(p.panel.title.includes(dyn.table.variable.title));
		const init = p.sent.find((m): m is Extract<HostMessage, { type: 'init' }> => m.type === 'init');
		assert.equal(init?.attribution.id, ATTRIBUTION);

		// The same indicator by number reveals the same panel.
		const again = await vscode.commands.executeCommand<string>('bps.preview', {
			kind: 'sdg',
			number: '1.2.1',
		});
		assert.equal(again, id);
	});

	it('insert: by tree node and by { kind: "sdg", number }, titled with the number', async () => {
		const years = (await h.services.client.listPeriods('0000', 154)).items.map((x) => x.label).slice(-2);
		assert.ok(years.length > 0, 'var 154 has periods');
		const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
		await vscode.window.showTextDocument(doc);
		const r = await vscode.commands.executeCommand<InsertResult | undefined>('bps.insertData', {
			kind: 'sdg',
			number: '1.2.1',
			years,
			format: 'markdown',
		});
		assert.ok(r, 'inserted');
		assert.ok(r.text.startsWith(ATTRIBUTION), r.text.slice(0, 200));
		assert.match(r.text, /1\.2\.1 /, 'the title carries the indicator number');
		assert.ok(r.text.includes(years[0]));

		const node = await goal1Indicator();
		const r2 = await vscode.commands.executeCommand<InsertResult | undefined>('bps.insertData', {
			...(node.kind === 'var' ? node.ref : {}),
			years,
			format: 'csv',
		});
		assert.ok(r2?.text.includes('1.2.1 '), r2?.text.slice(0, 300));
	});

	it('search: finds an indicator by number ("1.2.1") and by words', async () => {
		await vscode.commands.executeCommand('bps.search', { query: '1.2.1' });
		const s = (await waitFor(() => h.search.active, 5000, 'search session')) as SearchSession;
		await s.whenSettled();
		const hits = s.items.filter((i) => i.result);
		const hit = hits.find((i) => i.result?.ref.kind === 'var' && i.result.ref.sdg === '1.2.1');
		assert.ok(hit, `1.2.1 in ${hits.map((i) => i.label).join(' | ')}`);
		assert.ok(hit.label.includes('1.2.1 '), hit.label);
		s.hide();

		await vscode.commands.executeCommand('bps.search', { query: 'sdg 3.2' });
		const s2 = (await waitFor(
			() => (h.search.active !== s ? h.search.active : undefined),
			5000,
			'second search session',
		)) as SearchSession;
		await s2.whenSettled();
		const nums = s2.items.flatMap((i) => (i.result?.ref.kind === 'var' && i.result.ref.sdg) || []);
		assert.deepEqual(nums, ['3.2.1']);
		s2.hide();

		// By words of the title: the indicator's table is found (titled by number when the
		// keyword search did not already list it as a plain table).
		const words = (hit.result?.ref.title ?? '').split(' ').slice(1, 4).join(' ');
		await vscode.commands.executeCommand('bps.search', { query: words });
		const s3 = (await waitFor(
			() => (h.search.active !== s2 ? h.search.active : undefined),
			5000,
			'third search session',
		)) as SearchSession;
		await s3.whenSettled();
		assert.ok(
			s3.items.some(
				(i) => i.result?.ref.domain === '0000' && i.result.ref.kind === 'var' && i.result.ref.id === 154,
			),
			`"${words}" finds var 154: ${s3.items.map((i) => i.label).join(' | ')}`,
		);
		s3.hide();

		// SDDS tables by the words of their category (or title): the national tables they point to.
		await vscode.commands.executeCommand('bps.search', { query: 'sektor eksternal' });
		const s4 = (await waitFor(
			() => (h.search.active !== s3 ? h.search.active : undefined),
			5000,
			'fourth search session',
		)) as SearchSession;
		await s4.whenSettled();
		const national = s4.items.flatMap((i) =>
			i.result?.ref.domain === '0000' && i.result.ref.kind === 'var' ? [Number(i.result.ref.id)] : [],
		);
		assert.deepEqual(national.sort(), [196, 405], s4.items.map((i) => i.label).join(' | '));
	});

	it('public API: getSdgIndicator by number and by varId', async () => {
		const api = await getExtensionApi();
		const t = await api.getSdgIndicator({ number: '1.2.1' });
		assert.equal(t.number, '1.2.1');
		assert.equal(t.variable, 154);
		assert.equal(t.domain, '0000');
		assert.ok(t.title.startsWith('1.2.1 '));
		assert.ok(t.records.length > 0);
		assert.equal(t.attribution, ATTRIBUTION);
		const byVar = await api.getSdgIndicator({ varId: 154 });
		assert.equal(byVar.number, '1.2.1');
		await assert.rejects(api.getSdgIndicator({ number: '99.9.9' }), /no SDG indicator 99\.9\.9/);
	});

	it('faults: an unknown indicator, no SDG list, an error envelope give clear messages', async () => {
		const before = h.messages.length;
		const none = await vscode.commands.executeCommand('bps.preview', { kind: 'sdg', number: '99.9.9' });
		assert.equal(none, undefined);
		const warn = await until(
			() => h.messages.slice(before).find((m) => m.message.includes('99.9.9')),
			5000,
			'the warning',
		);
		assert.equal(warn.message, 'BPS lists no SDG indicator 99.9.9.');

		// The API positively says there is no list: "Nothing here", not an error.
		await vscode.commands.executeCommand('bps.clearCache');
		emu.setFaults([{ kind: 'noData', match: { model: 'sdgs' } }]);
		const t0 = emu.requests.length;
		let kids = await h.tree.getChildren(await sdgsFolder());
		assert.ok(
			emu.requests.slice(t0).some((r) => r.fault === 'noData'),
			'the fault was hit',
		);
		assert.deepEqual(
			kids.map((k) => [k.kind, k.label]),
			[['info', 'Nothing here']],
		);

		// A body that is not the API's JSON: a retry node saying the answer was not understood.
		await vscode.commands.executeCommand('bps.clearCache');
		emu.setFaults([{ kind: 'malformed', match: { model: 'sdgs' } }]);
		kids = await h.tree.getChildren(await sdgsFolder());
		assert.equal(kids[0].kind, 'error');
		if (kids[0].kind === 'error') assert.match(kids[0].detail, /does not understand/);

		// A server error: a retry node whose detail says what happened.
		await vscode.commands.executeCommand('bps.clearCache');
		emu.setFaults([{ kind: 'status', status: 500, match: { model: 'sdgs' } }]);
		kids = await h.tree.getChildren(await sdgsFolder());
		assert.equal(kids[0].kind, 'error');
		if (kids[0].kind === 'error') {
			assert.equal(kids[0].action, 'retry');
			assert.ok(kids[0].detail.length > 0);
		}
		// Recovers once the API answers again.
		emu.clearFaults();
		await vscode.commands.executeCommand('bps.refresh', await sdgsFolder());
		kids = await h.tree.getChildren(await sdgsFolder());
		assert.ok(kids.length >= 10, kids.map((k) => k.label).join(' | '));
	});
});
