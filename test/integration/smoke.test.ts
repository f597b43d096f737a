/**
 * Smoke test of the real extension host: activation, contributions, and one end-to-end data call
 * through the public API against the in-process emulator.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, EMULATOR_KEY, getExtensionApi, setKey, startTestEmulator, type TestEmulator } from './helpers';

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
		assert.deepEqual(missing, [], `commands declared in package.json but not registered: ${missing.join(', ')}`);
	});

	it('opens the catalogue view', async () => {
		await vscode.commands.executeCommand('bps.catalogue.focus');
	});

	it('stores the emulator key through bps.setApiKey', async () => {
		assert.equal(await setKey(EMULATOR_KEY), true);
	});

	it('getDynamicTable decodes variable 1804 with labels, unit, last update and attribution', async () => {
		const api = await getExtensionApi();
		const t = await api.getDynamicTable({ domain: '0000', variable: 1804, years: ['2017', '2018', '2019'] });
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
		// 3 rows × 3 years, one record per cell, with labels attached.
		assert.equal(t.records.length, 9);
		// The server must have seen exactly the years asked for, with the demo key.
		const dataCalls = emu.requests.filter((r) => /model=data/.test(JSON.stringify(r)));
		assert.ok(dataCalls.length >= 1, 'the emulator served model=data');
	});
});
