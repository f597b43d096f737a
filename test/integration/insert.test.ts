/**
 * `bps.insertData` in the real extension host against the in-process emulator: each format into
 * an untitled document of its language, multiple cursors + a replaced selection, a new untitled
 * document when no editor is open, static tables / publications, a preview-style
 * `{ snippetTable }` argument with missing cells, and no trace of the API key in any snippet.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InsertResult } from '../../src/insert/apply';
import type { SnippetTable } from '../../src/snippets';
import {
	EMULATOR_KEY,
	configure,
	getExtensionApi,
	setKey,
	storeKeyDirectly,
	startTestEmulator,
	type TestEmulator,
} from './helpers';

/** A key the emulator accepts, with characters that URL-encoding changes: easy to spot in any form. */
const DISTINCTIVE_KEY = 'Zq9+Secret/Key=Insert-7731';
const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';
const YEARS = ['2017', '2018', '2019'];

async function openDoc(language: string, content = ''): Promise<vscode.TextEditor> {
	const doc = await vscode.workspace.openTextDocument({ language, content });
	return vscode.window.showTextDocument(doc);
}

function insert(arg: unknown): Thenable<InsertResult | undefined> {
	return vscode.commands.executeCommand<InsertResult | undefined>('bps.insertData', arg);
}

const var1804 = (format: string, extra: Record<string, unknown> = {}) => ({
	domain: '0000',
	kind: 'var',
	id: 1804,
	years: YEARS,
	format,
	...extra,
});

/** Closes every editor without a "save changes?" dialog (the untitled documents are scratch). */
async function closeAll(): Promise<void> {
	for (let i = 0; i < 100 && vscode.window.activeTextEditor; i++) {
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	}
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Read through a function: TypeScript would keep an earlier narrowing of the property. */
function activeEditor(): vscode.TextEditor | undefined {
	return vscode.window.activeTextEditor;
}

function assertNoKey(text: string): void {
	assert.ok(!text.includes(DISTINCTIVE_KEY), 'snippet contains the key');
	assert.ok(!text.includes(encodeURIComponent(DISTINCTIVE_KEY)), 'snippet contains the URL-encoded key');
	assert.ok(!/Zq9/.test(text), 'snippet contains part of the key');
}

describe('insert data', function () {
	this.timeout(60_000);
	let emu: TestEmulator;

	before(async () => {
		emu = await startTestEmulator({ keys: [DISTINCTIVE_KEY, EMULATOR_KEY] });
		await configure({
			domain: '0000',
			language: 'ind',
			'insert.defaultFormat': undefined,
			'network.timeoutSeconds': 5,
		});
		// Not of the real shape on purpose (bps.setApiKey would refuse it): stored as another window would.
		await storeKeyDirectly(DISTINCTIVE_KEY);
		await getExtensionApi();
	});
	afterEach(closeAll);
	after(async () => {
		await configure({
			domain: undefined,
			language: undefined,
			'insert.defaultFormat': undefined,
			'network.timeoutSeconds': undefined,
		});
		await setKey(EMULATOR_KEY);
		await emu?.close();
	});

	it('inserts a wide Markdown table into a Markdown document', async () => {
		const ed = await openDoc('markdown');
		const r = await insert(var1804('markdown'));
		assert.ok(r, 'insert resolved with a result');
		assert.equal(r.format, 'markdown');
		const text = ed.document.getText();
		assert.equal(text, r.text);
		assert.ok(text.startsWith(ATTRIBUTION), 'the block starts with the attribution');
		assert.match(text, /\|\s*Meninggal dan Hilang\s*\|\s*440\s*\|\s*5248\s*\|\s*492\s*\|/);
		assert.match(text, /\|\s*Terluka\s*\|\s*1088\s*\|\s*21218\s*\|\s*3362\s*\|/);
		assert.match(text, /https:\/\/www\.bps\.go\.id/, 'source is the BPS website');
		assert.ok(!text.includes(emu.url), 'no API URL in a data snippet');
		assertNoKey(text);
	});

	it('inserts pandas code (long layout) into a Python document', async () => {
		const ed = await openDoc('python');
		const r = await insert(var1804('python'));
		const text = ed.document.getText();
		assert.equal(r?.text, text);
		assert.match(text, /pd\.DataFrame/);
		assert.ok(text.includes(ATTRIBUTION));
		for (const v of ['440', '5248', '492', '5188077']) assert.match(text, new RegExp(`\\b${v}\\b`), v);
		// The tidy schema: region code + name, the year as a number, the ISO period, the value.
		assert.match(text, /columns=\["region_code", "region", "year", "period", "value"\]/);
		assert.match(text, /\["1", "Meninggal dan Hilang", 2017, "2017", 440\]/);
		assert.match(text, /"year": "int64"/);
		assertNoKey(text);
	});

	it('inserts an R data.frame into an R document', async () => {
		const ed = await openDoc('r');
		await insert(var1804('r'));
		const text = ed.document.getText();
		assert.match(text, /data\.frame\(/);
		assert.match(text, /c\(2017L, 2018L, 2019L/, 'year is an R integer');
		assert.match(text, /names\(df\) <- c\("region_code", "region", "year", "period", "value"\)/);
		assert.ok(text.includes(ATTRIBUTION));
		for (const v of ['440', '5248', '492']) assert.match(text, new RegExp(`\\b${v}\\b`), v);
		assertNoKey(text);
	});

	it('inserts CSV and JSON', async () => {
		const csvEd = await openDoc('plaintext');
		await insert(var1804('csv'));
		const csv = csvEd.document.getText();
		assert.match(csv, /Meninggal dan Hilang,440,5248,492/);
		assert.ok(csv.includes('Layanan ini menggunakan API Badan Pusat Statistik'));

		const jsonEd = await openDoc('json');
		const r = await insert(var1804('json'));
		const json = jsonEd.document.getText();
		assert.equal(r?.text, json);
		assert.ok(json.includes('Layanan ini menggunakan API Badan Pusat Statistik'));
		assert.deepEqual(JSON.parse(json).data[0], {
			region_code: '1',
			region: 'Meninggal dan Hilang',
			year: 2017,
			period: '2017',
			value: 440,
		});
		assertNoKey(csv + json);
	});

	it('CSV, TSV and Markdown in the long layout are one choice away', async () => {
		const ed = await openDoc('plaintext');
		const r = await insert(var1804('csv-long'));
		assert.equal(r?.format, 'csv-long');
		const csv = ed.document.getText();
		assert.match(csv, /^region_code,region,year,period,value$/m);
		assert.match(csv, /^1,Meninggal dan Hilang,2017,2017,440$/m);
		assert.ok(!/Source: Sumber:/.test(csv));
		const md = await openDoc('markdown');
		await insert(var1804('markdown-long'));
		assert.match(md.document.getText(), /^\| region_code \| region \| year \| period \| value \|$/m);
		await openDoc('plaintext');
		const tsv = await insert(var1804('tsv-long'));
		assert.match(tsv?.text ?? '', /^1\tMeninggal dan Hilang\t2017\t2017\t440$/m);
	});

	it('takes years as numbers or strings', async () => {
		await openDoc('plaintext');
		const r = await insert({
			domain: '0000',
			kind: 'var',
			id: 1804,
			years: [2018, '2019'],
			format: 'csv-long',
		});
		assert.ok(r);
		assert.match(r.text, /^2,Terluka,2018,2018,21218$/m);
		assert.ok(!/,2017,/.test(r.text));
	});

	it('follows the editor language when no format is given, and the setting when set', async () => {
		const py = await openDoc('python');
		const r1 = await insert({ domain: '0000', kind: 'var', id: 1804, years: YEARS });
		assert.equal(r1?.format, 'python');
		assert.equal(py.document.getText(), r1?.text);

		await configure({ 'insert.defaultFormat': 'csv' });
		try {
			await openDoc('python');
			const r2 = await insert({ domain: '0000', kind: 'var', id: 1804, years: YEARS });
			assert.equal(r2?.format, 'csv', 'the setting wins over the language');
		} finally {
			await configure({ 'insert.defaultFormat': undefined });
		}
	});

	it('inserts at every cursor and replaces the selection', async () => {
		const initial = 'first\nREPLACE_ME\nlast\n';
		const ed = await openDoc('markdown', initial);
		// An untitled name freed by an earlier test can come back with that document's text still in
		// the extension host: make sure this one holds exactly what the test expects.
		if (ed.document.getText() !== initial) {
			const all = new vscode.Range(0, 0, ed.document.lineCount, 0);
			assert.ok(await ed.edit((b) => b.replace(all, initial)));
		}
		assert.equal(ed.document.getText(), initial);
		const wanted = [new vscode.Selection(0, 5, 0, 5), new vscode.Selection(1, 0, 1, 'REPLACE_ME'.length)];
		// The workbench may still restore the new editor's view state (cursor at 0:0) after
		// showTextDocument resolves: set the cursors, let that settle, and check they held.
		ed.selections = wanted;
		await new Promise((r) => setTimeout(r, 300));
		ed.selections = wanted;
		await new Promise((r) => setTimeout(r, 100));
		assert.deepEqual(
			ed.selections.map((x) => [x.anchor.line, x.anchor.character, x.active.line, x.active.character]),
			[
				[0, 5, 0, 5],
				[1, 0, 1, 10],
			],
			'the two cursors are in place',
		);
		const r = await insert(var1804('markdown'));
		assert.ok(r);
		assert.equal(r.cursors, 2);
		const text = ed.document.getText();
		assert.ok(!text.includes('REPLACE_ME'), 'selection replaced');
		assert.equal(text.split(r.text).length - 1, 2, 'inserted twice');
		assert.ok(text.startsWith('first'), JSON.stringify(text.slice(0, 200)));
		assert.ok(text.endsWith('last\n'));
		assert.equal(text.split(ATTRIBUTION).length - 1, 2);
	});

	it('opens a new untitled document in the format language when no editor is open', async () => {
		await closeAll();
		assert.equal(vscode.window.activeTextEditor, undefined);
		const r = await insert(var1804('r'));
		assert.ok(r?.newDocument, 'a new document');
		const ed = activeEditor();
		assert.ok(ed);
		assert.equal(ed.document.isUntitled, true);
		assert.equal(ed.document.languageId, 'r');
		assert.equal(ed.document.getText(), r.text);
		assert.equal(ed.document.uri.toString(), r.uri);
	});

	it('fetch code reads BPS_API_KEY and never contains the key, in any format', async () => {
		const formats = [
			'markdown',
			'csv',
			'tsv',
			'markdown-long',
			'csv-long',
			'tsv-long',
			'json',
			'python',
			'r',
			'typescript',
			'javascript',
			'sql',
			'python-fetch',
			'r-fetch',
			'typescript-fetch',
		];
		const all: string[] = [];
		for (const format of formats) {
			await openDoc('plaintext');
			const r = await insert(var1804(format));
			assert.ok(r, `insert ${format}`);
			assert.equal(r.format, format);
			assert.ok(r.text.includes('Badan Pusat Statistik'), `attribution in ${format}`);
			all.push(vscode.window.activeTextEditor?.document.getText() ?? '');
			if (format.endsWith('-fetch')) {
				assert.match(r.text, /BPS_API_KEY/, `${format} reads the key from the environment`);
				assert.match(r.text, /1804/);
				// The same tidy column names as the data formats.
				for (const col of ['region_code', 'year', 'period', 'value'])
					assert.ok(r.text.includes(col), `${format}: ${col}`);
			}
		}
		assertNoKey(all.join('\n'));
	});

	it('inserts a static table parsed from its HTML', async () => {
		const ed = await openDoc('plaintext');
		const r = await insert({ domain: '7315', kind: 'statictable', id: 23, format: 'csv' });
		assert.ok(r);
		const text = ed.document.getText();
		assert.match(text, /Tenaga Kesehatan,Status DIKBUD/);
		assert.match(text, /Penata kesehatan Masy,,,93,,93/);
		assert.match(text, /814/);
		assert.match(text, /pinrangkab\.bps\.go\.id/, 'source is the regency website');
		assertNoKey(text);
	});

	it('inserts a publication as a one-row reference table', async () => {
		const ed = await openDoc('markdown');
		const r = await insert({
			domain: '0000',
			kind: 'publication',
			id: 'fafd73df0c782f4c2302fd1a',
			format: 'markdown',
		});
		assert.ok(r);
		const text = ed.document.getText();
		assert.match(text, /\| Judul \| Tanggal rilis \| Ukuran \| URL PDF \|/);
		assert.match(text, /Buletin Statistik Perdagangan Luar Negeri Impor Mei 2023/);
		assertNoKey(text);
	});

	it('takes a laid-out table from a preview ({ snippetTable }) and writes missing cells per language', async () => {
		const table: SnippetTable = {
			title: 'Contoh',
			domain: '0000',
			domainName: 'Indonesia',
			periods: '2023',
			columns: [
				{ name: 'Provinsi', type: 'string' },
				{ name: '2023', type: 'number' },
			],
			rows: [
				['Aceh', 1.5],
				['Bali', null],
			],
			sourceUrl: 'https://www.bps.go.id',
			accessedAt: new Date(),
			lang: 'ind',
		};
		const r = await openDoc('r');
		const ra = await insert({ snippetTable: table });
		assert.equal(ra?.format, 'r');
		assert.match(r.document.getText(), /c\(1\.5, NA_real_\)/);

		const py = await openDoc('python');
		await insert({ snippetTable: table, format: 'python' });
		assert.match(py.document.getText(), /float\("nan"\)/);

		const md = await openDoc('markdown');
		await insert({ snippetTable: { ...table, accessedAt: new Date().toISOString() }, format: 'markdown' });
		assert.match(md.document.getText(), /\|\s*Bali\s*\|\s*\|/);

		// Fetch code needs a request: a preview selection cannot be re-fetched.
		await openDoc('python');
		const none = await insert({ snippetTable: table, format: 'python-fetch' });
		assert.equal(none, undefined);
	});
});
