/**
 * "Insert into editor" from a preview panel, in a real VS Code host against the emulator: the
 * webview's `insert` message (sent here through the `previews` hook, as the webview would) makes
 * the host lay out the table it holds and run `bps.insertData` into the editor the user was last
 * in — even when that editor is hidden behind the preview in the same group.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostMessage, InsertRequest } from '../../src/preview/protocol';
import { FIXTURE_IDS } from '../emulator/server';
import { EMULATOR_KEY, configure, waitFor, type TestEmulator, setupSuite } from './helpers';
import type { PanelProbe as PanelHook, PreviewsProbe as ManagerHook } from '../../src/testHooks';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';

/** The `previews` hook, typed structurally (tests never import src/ at run time). */
type Inserted = Extract<HostMessage, { type: 'inserted' }>;

/** Closes every editor without a "save changes?" dialog (the untitled documents are scratch). */
async function closeAll(): Promise<void> {
	for (let i = 0; i < 100 && vscode.window.activeTextEditor; i++) {
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	}
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

function docText(uri: vscode.Uri): string {
	const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
	assert.ok(d, 'the target document is still open');
	return d.getText();
}

describe('preview: insert into editor', function () {
	this.timeout(60_000);
	let emu: TestEmulator;
	let previews: ManagerHook;
	let seq = 7000;

	before(async () => {
		let hooks;
		({ emu, hooks } = await setupSuite({
			domain: '0000',
			language: 'ind',
			'insert.defaultFormat': undefined,
		}));
		previews = hooks.previews;
		assert.ok(previews, 'the previews test hook is registered');
	});
	afterEach(closeAll);
	after(async () => {
		await configure({ domain: undefined, language: undefined, 'insert.defaultFormat': undefined });
		await emu?.close();
	});

	/** A Python scratch document, then the preview of var 1804 (2017–2019) opened over it. */
	async function pythonThenPreview(): Promise<{ doc: vscode.TextDocument; p: PanelHook }> {
		const doc = await vscode.workspace.openTextDocument({ language: 'python', content: '' });
		await vscode.window.showTextDocument(doc);
		const id = await vscode.commands.executeCommand<string>('bps.preview', {
			domain: '0000',
			kind: 'var',
			id: FIXTURE_IDS.annualVar,
			years: ['2017', '2018', '2019'],
		});
		const p = previews.get(id);
		assert.ok(p, 'the panel is known to the manager');
		await waitFor(
			() => p.received.some((m) => m.type === 'rendered' && m.view === 'dynamic'),
			30_000,
			'the dynamic table rendered in the webview',
		);
		assert.ok(p.panel.active, 'the preview is the active editor while "Insert" is clicked');
		assert.equal(vscode.window.activeTextEditor, undefined, 'no text editor is active');
		return { doc, p };
	}

	async function insert(p: PanelHook, m: Omit<InsertRequest, 'type' | 'requestId'>): Promise<Inserted> {
		const requestId = seq++;
		await p.onMessage({ type: 'insert', requestId, ...m });
		return (await waitFor(
			() => p.sent.find((x): x is Inserted => x.type === 'inserted' && x.requestId === requestId),
			20_000,
			'the inserted answer',
		)) as Inserted;
	}

	function assertNoKey(text: string): void {
		assert.ok(!text.includes(EMULATOR_KEY), 'the API key is never inserted');
		assert.ok(!/[?&/]key[=/]/.test(text), 'no URL with a key parameter');
	}

	it('the whole table goes into the Python document behind the preview, as a DataFrame', async () => {
		const { doc, p } = await pythonThenPreview();
		const r = await insert(p, {});
		assert.equal(r.error, undefined);
		assert.equal(r.rows, 3);
		const text = docText(doc.uri);
		assert.match(text, /pd\.DataFrame/);
		assert.ok(text.includes(ATTRIBUTION), 'attribution');
		// A DataFrame gets the tidy schema: one row per cell shown, the year a number.
		assert.match(text, /columns=\["region_code", "region", "year", "period", "value"\]/);
		assert.match(text, /\["1", "Meninggal dan Hilang", 2017, "2017", 440\]/);
		assert.match(text, /\["2", "Terluka", 2018, "2018", 21218\]/);
		assert.match(text, /\["3", "Menderita dan Mengungsi", 2019, "2019", 5188077\]/);
		assertNoKey(text);
		assert.equal(
			vscode.workspace.textDocuments.filter(
				(d) => d.languageId === 'python' && d.getText().includes(ATTRIBUTION),
			).length,
			1,
			'no new untitled document was opened',
		);
		assert.equal(
			vscode.window.activeTextEditor?.document.uri.toString(),
			doc.uri.toString(),
			'the editor is shown',
		);
	});

	it('a selection inserts only those rows, in view order', async () => {
		const { doc, p } = await pythonThenPreview();
		const dynamic = p.sent.find((m): m is Extract<HostMessage, { type: 'dynamic' }> => m.type === 'dynamic');
		assert.ok(dynamic);
		// Rows 2 and 0 of the default pivot (regions × years), the user's sort putting 2 first.
		const r = await insert(p, { pivot: { rows: ['vervar'], cols: ['tahun'] }, rows: [2, 0] });
		assert.equal(r.rows, 2);
		const text = docText(doc.uri);
		assert.match(text, /pd\.DataFrame/);
		assert.ok(text.includes(ATTRIBUTION));
		// "Terluka" (1088, 21218, 3362) may appear in the title; its values must not.
		assert.ok(!/\b21218\b/.test(text), 'an unselected row is left out');
		const a = text.indexOf('Menderita dan Mengungsi');
		const b = text.indexOf('Meninggal dan Hilang');
		assert.ok(a >= 0 && b >= 0 && a < b, 'rows keep the order the user sees');
		for (const [y, v] of [
			[2017, 440],
			[2018, 5248],
			[2019, 492],
		])
			assert.ok(text.includes(`["1", "Meninggal dan Hilang", ${y}, "${y}", ${v}]`), `${y}`);
		assertNoKey(text);
	});

	it('Markdown and CSV get the grid as shown, JSON the tidy records', async () => {
		const { doc, p } = await pythonThenPreview();
		const pivot = { rows: ['vervar' as const], cols: ['tahun' as const] };
		await insert(p, { pivot, rows: [0], format: 'csv' });
		let text = docText(doc.uri);
		assert.match(text, /^Meninggal dan Hilang,440,5248,492$/m, 'wide row as shown');
		await insert(p, { pivot, rows: [0], format: 'json' });
		text = docText(doc.uri);
		const json = JSON.parse(text.slice(text.indexOf('{\n'), text.lastIndexOf('}') + 1));
		assert.deepEqual(json.data[1], {
			region_code: '1',
			region: 'Meninggal dan Hilang',
			year: 2018,
			period: '2018',
			value: 5248,
		});
	});

	it('fetch code: the request names the variable and the periods shown, never the key', async () => {
		const { doc, p } = await pythonThenPreview();
		const dims = p.sent.find((m): m is Extract<HostMessage, { type: 'dims' }> => m.type === 'dims');
		assert.ok(dims);
		const ids = dims.dims.periods.filter((x) => ['2017', '2018', '2019'].includes(x.label)).map((x) => x.id);
		const r = await insert(p, { format: 'python-fetch' });
		assert.equal(r.error, undefined);
		const text = docText(doc.uri);
		assert.ok(text.includes(String(FIXTURE_IDS.annualVar)), 'variable id');
		for (const id of ids) assert.ok(text.includes(String(id)), `th id ${id}`);
		assert.ok(text.includes(ATTRIBUTION));
		assertNoKey(text);
	});

	it('a static table goes in as its parsed rows; with no editor left, a new document opens', async () => {
		const id = await vscode.commands.executeCommand<string>('bps.preview', {
			domain: '0000',
			kind: 'statictable',
			id: FIXTURE_IDS.staticTable,
		});
		const p = previews.get(id);
		assert.ok(p);
		await waitFor(
			() => p.received.some((m) => m.type === 'rendered' && m.view === 'static'),
			30_000,
			'static',
		);
		const r = await insert(p, { format: 'csv' });
		assert.ok(r.rows && r.rows > 0, 'rows were inserted');
		const ed = vscode.window.activeTextEditor;
		assert.ok(ed, 'a new document is shown');
		const text = ed.document.getText();
		assert.ok(text.includes(ATTRIBUTION));
		assert.ok(text.split('\n').length > r.rows, 'header and rows');
		assertNoKey(text);
	});
});
