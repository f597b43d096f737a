/**
 * Notebooks with VS Code's built-in Jupyter support (the `jupyter-notebook` serializer of the
 * ipynb extension) in the real extension host: Insert Data adds cells below the current one, and
 * "BPS: New Notebook from Table" makes a Python or R notebook, untitled or written to an .ipynb.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { EMULATOR_KEY, configure, type TestEmulator, setupSuite } from './helpers';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';
const YEARS = ['2017', '2018', '2019'];

interface InsertResult {
	format: string;
	uri: string;
	cells?: number;
}

async function closeAll(): Promise<void> {
	for (let i = 0; i < 20 && (vscode.window.activeTextEditor || vscode.window.activeNotebookEditor); i++) {
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	}
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

async function openNotebook(language: string, cells: Array<[vscode.NotebookCellKind, string]>) {
	const data = new vscode.NotebookData(
		cells.map(
			([kind, value]) =>
				new vscode.NotebookCellData(
					kind,
					value,
					kind === vscode.NotebookCellKind.Code ? language : 'markdown',
				),
		),
	);
	const doc = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
	return vscode.window.showNotebookDocument(doc);
}

const text = (nb: vscode.NotebookDocument) =>
	nb
		.getCells()
		.map((c) => [
			c.kind === vscode.NotebookCellKind.Code ? c.document.languageId : 'md',
			c.document.getText(),
		]);

describe('notebooks (Insert Data, bps.newNotebook)', function () {
	this.timeout(90_000);
	let emu: TestEmulator;

	before(async () => {
		({ emu } = await setupSuite({ domain: '0000', language: 'ind', 'insert.defaultFormat': undefined }));
		await closeAll();
	});
	afterEach(closeAll);
	after(async () => {
		await configure({ domain: undefined, language: undefined });
		await emu?.close();
	});

	it('Insert Data adds a Markdown cell and a Python code cell below the selected cell', async () => {
		const editor = await openNotebook('python', [
			[vscode.NotebookCellKind.Markup, '# Analysis'],
			[vscode.NotebookCellKind.Code, 'x = 1'],
			[vscode.NotebookCellKind.Code, 'y = 2'],
		]);
		editor.selections = [new vscode.NotebookRange(1, 2)];
		const r = await vscode.commands.executeCommand<InsertResult>('bps.insertData', {
			domain: '0000',
			kind: 'var',
			id: 1804,
			years: YEARS,
		});
		assert.equal(r?.format, 'python', "the notebook's language picks the format");
		assert.equal(r.cells, 2);
		const cells = text(editor.notebook);
		assert.equal(cells.length, 5);
		assert.deepEqual(cells[0], ['md', '# Analysis']);
		assert.deepEqual(cells[1], ['python', 'x = 1'], 'the current cell is left alone');
		assert.equal(cells[2]![0], 'md');
		assert.match(cells[2]![1]!, new RegExp(`^### .+\\n\\n\\*${ATTRIBUTION.replace(/[().]/g, '\\$&')}\\*`));
		assert.match(cells[2]![1]!, /- \*\*Sumber:\*\* <https:\/\//);
		assert.equal(cells[3]![0], 'python');
		assert.match(cells[3]![1]!, /^# Layanan ini menggunakan API/);
		assert.match(cells[3]![1]!, /df = pd\.DataFrame\(/);
		assert.deepEqual(cells[4], ['python', 'y = 2']);
		assert.ok(!JSON.stringify(cells).includes(EMULATOR_KEY));
	});

	it('from inside a cell of an R notebook, fetch code goes below that cell', async () => {
		const editor = await openNotebook('r', [
			[vscode.NotebookCellKind.Code, 'library(stats)'],
			[vscode.NotebookCellKind.Code, 'summary(cars)'],
		]);
		editor.selections = [new vscode.NotebookRange(0, 1)];
		await vscode.commands.executeCommand('notebook.cell.edit');
		const active = vscode.window.activeTextEditor;
		assert.equal(active?.document.getText(), 'library(stats)', 'the first cell is being edited');
		const r = await vscode.commands.executeCommand<InsertResult>('bps.insertData', {
			domain: '0000',
			kind: 'var',
			id: 1804,
			years: YEARS,
			format: 'r-fetch',
		});
		assert.equal(r?.cells, 2);
		const cells = text(editor.notebook);
		assert.deepEqual(
			cells.map((c) => c[0]),
			['r', 'md', 'r', 'r'],
		);
		assert.equal(cells[0]![1], 'library(stats)', 'no text was put inside the current cell');
		assert.match(cells[2]![1]!, /Sys\.getenv\("BPS_API_KEY"\)/);
		assert.equal(cells[3]![1], 'summary(cars)');
	});

	it('New Notebook from Table: an untitled Python notebook with data, chart and fetch code', async () => {
		const r = await vscode.commands.executeCommand<{ uri: string; cells: number; language: string }>(
			'bps.newNotebook',
			{ domain: '0000', kind: 'var', id: 1804, years: YEARS, language: 'python' },
		);
		assert.ok(r, 'a notebook was made');
		const nb = vscode.workspace.notebookDocuments.find((d) => d.uri.toString() === r.uri);
		assert.ok(nb, 'the notebook is open');
		assert.equal(nb.notebookType, 'jupyter-notebook');
		assert.equal(nb.isUntitled, true);
		const cells = text(nb);
		assert.deepEqual(
			cells.map((c) => c[0]),
			['md', 'md', 'python', 'python', 'md', 'python', 'md', 'python'],
		);
		assert.ok(cells[0]![1]!.includes(ATTRIBUTION));
		assert.match(cells[2]![1]!, /df = pd\.DataFrame\(/);
		assert.match(cells[5]![1]!, /import matplotlib\.pyplot as plt/);
		assert.match(cells[7]![1]!, /os\.environ.*BPS_API_KEY|BPS_API_KEY/);
		assert.ok(!JSON.stringify(cells).includes(EMULATOR_KEY));
	});

	it('New Notebook from Table: an R notebook written to an .ipynb, read back by the ipynb serializer', async () => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bps-nb-')), 'poverty.ipynb');
		const r = await vscode.commands.executeCommand<{ uri: string; cells: number }>('bps.newNotebook', {
			domain: '0000',
			kind: 'var',
			id: 1804,
			years: YEARS,
			language: 'r',
			uri: vscode.Uri.file(file).toString(),
		});
		assert.equal(r?.cells, 8);
		const json = JSON.parse(fs.readFileSync(file, 'utf8'));
		assert.equal(json.nbformat, 4);
		assert.equal(json.metadata.language_info.name, 'R');
		const nb = vscode.workspace.notebookDocuments.find((d) => d.uri.fsPath === file);
		assert.ok(nb, 'opened from the file');
		const cells = text(nb);
		assert.deepEqual(
			cells.map((c) => c[0]),
			['md', 'md', 'r', 'r', 'md', 'r', 'md', 'r'],
			'the serializer took the language from the file',
		);
		assert.match(cells[2]![1]!, /df <- data\.frame\(/);
		assert.match(cells[5]![1]!, /matplot\(/);
	});
});
