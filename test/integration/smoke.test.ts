/**
 * Smoke test of the real extension host: activation, contributions, and one end-to-end data call
 * through the public API against the in-process emulator.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
	EXTENSION_ID,
	EMULATOR_KEY,
	getExtensionApi,
	setKey,
	startTestEmulator,
	type TestEmulator,
} from './helpers';

interface Manifest {
	contributes: {
		commands: Array<{ command: string }>;
		views: Record<string, Array<{ id: string }>>;
	};
}

describe('smoke: extension in a real VS Code', () => {
	let emu: TestEmulator;

	before(async () => {
		emu = await startTestEmulator();
	});
	after(async () => {
		await emu?.close();
	});

	it('activates and exports the versioned API', async () => {
		const api = await getExtensionApi();
		assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
		assert.equal(api.version, 1);
		assert.equal(typeof api.getDynamicTable, 'function');
		// The harness runs the host with BPS_TEST=1, which is what exposes the test hooks.
		assert.equal(process.env.BPS_TEST, '1');
		assert.ok(api._test, 'test hooks are exposed under BPS_TEST=1');
	});

	it('registers the catalogue view and every command in package.json', async () => {
		await getExtensionApi();
		const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
		const all = new Set(await vscode.commands.getCommands(true));
		// VS Code generates `<viewId>.focus` for each contributed view and a command per container.
		assert.ok(manifest.contributes.views.bps.some((v) => v.id === 'bps.catalogue'));
		assert.ok(all.has('bps.catalogue.focus'), 'bps.catalogue view is registered');
		assert.ok(all.has('workbench.view.extension.bps'), 'bps view container is registered');
		const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !all.has(id));
		assert.deepEqual(
			missing,
			[],
			`commands declared in package.json but not registered: ${missing.join(', ')}`,
		);
	});

	it('opens the catalogue view', async () => {
		await vscode.commands.executeCommand('bps.catalogue.focus');
	});

	it('stores the emulator key through bps.setApiKey', async () => {
		assert.equal(await setKey(EMULATOR_KEY), true);
	});

	it('getDynamicTable takes years as numbers or strings, as bps.insertData does', async () => {
		const api = await getExtensionApi();
		const byNumber = await api.getDynamicTable({
			domain: '0000',
			variable: 1804,
			years: [2017, 2018],
			lang: 'ind',
		});
		assert.deepEqual(
			byNumber.table.tahun.map((y) => y.label),
			['2017', '2018'],
		);
		const mixed = await api.getDynamicTable({
			domain: '0000',
			variable: 1804,
			years: ['2019', 2018],
			lang: 'ind',
		});
		assert.deepEqual(
			mixed.table.tahun.map((y) => y.label),
			['2018', '2019'],
		);
		await assert.rejects(
			api.getDynamicTable({ domain: '0000', variable: 1804, years: [1900], lang: 'ind' }),
			/has no period\(s\) 1900/,
		);
	});

	it('getDynamicTable decodes variable 1804 with labels, unit, last update and attribution', async () => {
		const api = await getExtensionApi();
		// lang explicit: other suites may have left bps.language at 'eng'.
		const t = await api.getDynamicTable({
			domain: '0000',
			variable: 1804,
			years: ['2017', '2018', '2019'],
			lang: 'ind',
		});
		assert.equal(t.domain, '0000');
		assert.equal(t.variable, 1804);
		assert.match(t.title, /Korban Meninggal, Hilang, dan Terluka/);
		assert.equal(t.unit, 'Orang');
		assert.equal(t.lastUpdate, '2020-03-26 00:00:00');
		assert.equal(t.attribution, 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).');
		assert.deepEqual(
			t.table.tahun.map((y) => y.label),
			['2017', '2018', '2019'],
		);
		assert.deepEqual(
			t.table.vervar.map((v) => v.label),
			['Meninggal dan Hilang', 'Terluka', 'Menderita dan Mengungsi'],
		);
		// One record per present cell, labels attached; the recorded value for "Menderita dan
		// Mengungsi" in 2018 survives decoding and period-chunking.
		assert.ok(t.records.length > 0 && t.records.length <= 9);
		const cell = t.records.find(
			(r) => r.vervarLabel === 'Menderita dan Mengungsi' && r.tahunLabel === '2018',
		);
		assert.equal(cell?.value, 10417179);
		// The server saw model=data for variable 1804 with the key (never as a URL param in the log).
		const dataCalls = emu.requests.filter((r) => r.params.model === 'data' && r.params.var === '1804');
		assert.ok(dataCalls.length >= 1, 'the emulator served model=data');
		assert.ok(dataCalls.every((r) => r.keyPresent && r.status === 200));
	});
});
