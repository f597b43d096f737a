/**
 * The code activation leaves for first use (dist/features.js: previews, search, insert, notebooks,
 * citations, the assistant tools' implementations) really runs in the extension host: each of its
 * commands once after activation, through the placeholder or the real registration, whichever is
 * in place; and the activation bundle really holds none of it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, setupSuite, testHooks, waitFor, type TestEmulator } from './helpers';

/** Source folders (or files) whose code must stay out of dist/extension.js. */
const LAZY_SOURCES = [
	'src/preview/',
	'src/search/',
	'src/insert/',
	'src/snippets/',
	'src/notebook/',
	'src/cite/',
	'src/ai/tools.ts',
	'src/commands/insertData.ts',
];

function bundleInputs(name: string): string[] {
	const dir = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist');
	const meta = JSON.parse(fs.readFileSync(path.join(dir, `meta-${name}.json`), 'utf8')) as {
		inputs: Record<string, unknown>;
	};
	return Object.keys(meta.inputs);
}

describe('lazily loaded features (dist/features.js)', function () {
	this.timeout(90_000);
	let emu: TestEmulator;

	before(async () => {
		({ emu } = await setupSuite({ domain: '0000', language: 'ind' }));
	});
	after(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await emu?.close();
	});

	it('the activation bundle holds none of the lazily loaded code; dist/features.js holds it', () => {
		const core = bundleInputs('extension');
		const inCore = core.filter((p) => LAZY_SOURCES.some((s) => p.startsWith(s)));
		assert.deepEqual(inCore, [], `loaded at activation: ${inCore.join(', ')}`);
		const lazy = bundleInputs('features');
		for (const f of ['src/preview/previewManager.ts', 'src/search/searchController.ts', 'src/ai/tools.ts'])
			assert.ok(lazy.includes(f), `${f} is in dist/features.js`);
		// Shared modules are evaluated once, in dist/extension.js: dist/features.js reads them from it.
		assert.ok(!lazy.includes('src/util/logger.ts') && !lazy.includes('src/api/errors.ts'));
		assert.ok(core.includes('src/util/logger.ts') && core.includes('src/api/errors.ts'));
	});

	it('runs each lazily loaded command once: preview, search, insert, new notebook, copy citation', async () => {
		const hooks = await testHooks();
		const ref = { domain: '0000', kind: 'var', id: 1804 };

		const id = await vscode.commands.executeCommand<string>('bps.preview', ref);
		assert.equal(typeof id, 'string', 'bps.preview resolves with the panel id');
		const probe = hooks.previews.get(id);
		assert.ok(probe, 'the panel is known to the preview manager');
		await waitFor(
			() => probe.received.find((m) => m.type === 'rendered'),
			30_000,
			'the webview rendered the table',
		);
		assert.ok(Number.isFinite(hooks.lazy.loadMs), 'dist/features.js was loaded');
		probe.panel.dispose();

		const found = await vscode.commands.executeCommand<{ kind: string } | undefined>('bps.search', {
			query: 'penduduk',
			accept: true,
		});
		assert.ok(found?.kind, 'bps.search found and opened a result');
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');

		const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
		await vscode.window.showTextDocument(doc);
		const inserted = await vscode.commands.executeCommand('bps.insertData', {
			...ref,
			years: ['2019'],
			format: 'csv',
		});
		assert.ok(inserted, 'bps.insertData inserted');
		assert.match(doc.getText(), /Layanan ini menggunakan API Badan Pusat Statistik \(BPS\)\./);
		assert.match(doc.getText(), /Terluka/);

		const nb = await vscode.commands.executeCommand<{ uri: string } | undefined>('bps.newNotebook', {
			...ref,
			years: ['2019'],
			language: 'python',
		});
		assert.ok(
			vscode.workspace.notebookDocuments.some((d) => d.uri.toString() === nb?.uri),
			'bps.newNotebook opened a notebook',
		);

		const cite = await vscode.commands.executeCommand<string | undefined>('bps.copyCitation', {
			...ref,
			years: ['2019'],
			format: 'bibtex',
		});
		assert.match(cite ?? '', /Badan Pusat Statistik/);
	});
});
