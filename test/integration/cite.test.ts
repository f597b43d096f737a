/**
 * `bps.copyCitation` and the citation formats of `bps.insertData` in the real extension host
 * against the emulator: what lands on the clipboard (or in the editor) is read back with
 * citation-js.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { FIXTURE_IDS } from '../emulator/server';
import { EMULATOR_KEY, configure, type TestEmulator, setupSuite } from './helpers';

type Csl = Record<string, unknown> & { author?: Array<{ family?: string; literal?: string }> };

function parse(text: string): Csl {
	const data = new Cite(text).data;
	assert.equal(data.length, 1, text);
	return data[0] as Csl;
}
const authorOf = (c: Csl) => c.author?.[0]?.literal ?? c.author?.[0]?.family;

function copyCitation(arg: unknown): Thenable<string | undefined> {
	return vscode.commands.executeCommand<string | undefined>('bps.copyCitation', arg);
}

describe('citations (bps.copyCitation)', function () {
	this.timeout(60_000);
	let emu: TestEmulator;

	before(async () => {
		({ emu } = await setupSuite({ domain: '0000', language: 'ind' }));
	});
	afterEach(async () => {
		// The untitled documents are scratch: close them without a "save changes?" dialog.
		for (let i = 0; i < 20 && vscode.window.activeTextEditor; i++) {
			await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		}
	});
	after(async () => {
		await configure({ domain: undefined, language: undefined });
		await emu?.close();
	});

	it('copies a BibTeX citation of a dynamic table with its variable id and periods', async () => {
		await vscode.env.clipboard.writeText('');
		const text = await copyCitation({
			domain: '0000',
			kind: 'var',
			id: 1804,
			years: ['2017', '2018', '2019'],
			format: 'bibtex',
		});
		assert.ok(text, 'the command returns the citation');
		assert.equal(await vscode.env.clipboard.readText(), text, 'the clipboard holds the citation');
		const c = parse(text);
		assert.equal(authorOf(c), 'Badan Pusat Statistik');
		assert.ok(typeof c.title === 'string' && c.title.length > 10, `a real title: ${String(c.title)}`);
		assert.match(String(c.URL), /^https:\/\/([a-z0-9-]+\.)?bps\.go\.id\//);
		assert.equal(c.note, 'ID variabel 1804; periode 2017–2019');
		const today = new Date();
		assert.deepEqual(c.accessed, {
			'date-parts': [[today.getFullYear(), today.getMonth() + 1, today.getDate()]],
		});
		assert.ok(!text.includes(EMULATOR_KEY), 'no key in a citation');
	});

	it('names the regional office and the release year of a regional static table (RIS)', async () => {
		const text = await copyCitation({
			domain: FIXTURE_IDS.sampleDomain,
			kind: 'statictable',
			id: FIXTURE_IDS.sampleStaticTable,
			format: 'ris',
		});
		assert.ok(text);
		const c = parse(text);
		assert.equal(authorOf(c), 'BPS Kabupaten Pinrang');
		assert.equal(c.type, 'dataset');
		assert.match(String(c.note), /^ID tabel 23/);
		assert.ok((c.issued as { 'date-parts': number[][] })['date-parts'][0]![0]! > 2000);
	});

	it('cites in English when asked, with the English title (CSL-JSON)', async () => {
		const text = await copyCitation({
			domain: '0000',
			kind: 'pressrelease',
			id: FIXTURE_IDS.samplePressRelease,
			format: 'csl-json',
			lang: 'eng',
		});
		assert.ok(text);
		const c = new Cite(JSON.parse(text)).data[0] as Csl;
		assert.equal(authorOf(c), 'BPS-Statistics Indonesia');
		assert.equal(c.language, 'en');
		assert.equal(c.genre, 'Press release');
	});

	it('inserts an APA-style citation into the editor through Insert Data', async () => {
		const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
		await vscode.window.showTextDocument(doc);
		const r = await vscode.commands.executeCommand<{ text: string; format: string } | undefined>(
			'bps.insertData',
			{ domain: '0000', kind: 'publication', id: FIXTURE_IDS.publication, format: 'cite-apa' },
		);
		assert.equal(r?.format, 'cite-apa');
		assert.match(doc.getText(), /^Badan Pusat Statistik\. \(\d{4}\)\. .+ \[Publikasi; ID publikasi fafd73df/);
		assert.match(doc.getText(), /Diakses \d{1,2} \w+ \d{4}, dari https:\/\//);
	});

	it('inserts BibTeX into a .bib document without asking for the format', async () => {
		const doc = await vscode.workspace.openTextDocument({ language: 'bibtex', content: '' });
		await vscode.window.showTextDocument(doc);
		await vscode.commands.executeCommand('bps.insertData', {
			domain: '0000',
			kind: 'var',
			id: 1804,
			years: ['2019'],
		});
		const c = parse(doc.getText());
		assert.equal(authorOf(c), 'Badan Pusat Statistik');
		assert.equal(c.note, 'ID variabel 1804; periode 2019');
	});
});
