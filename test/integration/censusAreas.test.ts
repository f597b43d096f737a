/**
 * A census preview with several areas, in the real extension host against the emulator: areas
 * chosen ("Choose areas…" answered directly), one request per area, the area a dimension of the
 * grid; the dimension across the columns chosen (the `load` the "Columns by" control sends);
 * Insert Data and the JSON export with area code and name columns, and fetch code looping over
 * the areas; then the panel restored from the state its webview saved, as after a window reload.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostMessage, PersistedState, WebviewMessage } from '../../src/preview/protocol';
import type { PanelProbe, TestHooks } from '../../src/testHooks';
import { censusAreas } from '../emulator/families/census';
import { closeScratchEditors, getExtensionApi, setupSuite, waitFor, type TestEmulator } from './helpers';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';
const DATASET = { kind: 'census', event: 'sp2020', dataset: 1001 } as const;

type Sent<T extends HostMessage['type']> = Extract<HostMessage, { type: T }>;

async function until<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
	return (await waitFor(check, timeoutMs, what)) as T;
}

function sent<T extends HostMessage['type']>(p: PanelProbe, type: T, from = 0): Sent<T> | undefined {
	return p.sent.slice(from).find((m): m is Sent<T> => m.type === type);
}

/** The state the webview saved last (what VS Code hands the serializer after a reload). */
function savedState(p: PanelProbe): PersistedState | undefined {
	const states = p.received.filter(
		(m): m is Extract<WebviewMessage, { type: 'state' }> => m.type === 'state',
	);
	return states[states.length - 1]?.state;
}

describe('Census: several areas, the column dimension, restore', function () {
	this.timeout(120_000);
	let emu: TestEmulator;
	let h: TestHooks;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bps-census-areas-'));

	before(async () => {
		({ emu, hooks: h } = await setupSuite({ domain: '3500', language: 'ind' }));
	});
	beforeEach(async () => {
		emu.clearFaults();
		await vscode.commands.executeCommand('bps.clearCache');
	});
	afterEach(async () => {
		for (const p of h.previews.all()) if (p.ref.kind === 'census') p.panel.dispose();
		await closeScratchEditors();
	});
	after(async () => {
		await emu?.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	async function open(args: object): Promise<PanelProbe> {
		const id = await vscode.commands.executeCommand<string>('bps.preview', args);
		const p = h.previews.get(id);
		assert.ok(p, 'the panel is known');
		return p;
	}

	async function rendered(p: PanelProbe, from = 0): Promise<void> {
		await until(
			() => p.received.slice(from).find((m) => m.type === 'rendered' && m.modelRows > 0),
			30_000,
			'the webview rendered rows',
		);
	}

	/** The census area ids the emulator was asked for, since request `from`. */
	const askedAreas = (from: number) =>
		emu.requests
			.slice(from)
			.filter((r) => r.params.id === '41' && r.params.dataset === '1001')
			.map((r) => r.params.wilayah_sensus);

	it('areas side by side: one request per area, the area a row dimension, then across the columns', async () => {
		const p = await open(DATASET);
		await until(() => sent(p, 'dynamic'), 30_000, 'Indonesia');
		await rendered(p);
		const dims0 = sent(p, 'dims');
		assert.deepEqual(
			dims0?.dims.layouts?.map((x) => x.label),
			['Klasifikasi Kelompok Umur', 'Klasifikasi Jenis Kelamin'],
			'one area: the categories can go across',
		);

		const r0 = emu.requests.length;
		const s0 = p.sent.length;
		const w0 = p.received.length;
		await p.onMessage({ type: 'pickArea', areas: ['0', '35', '3578'] });
		const ref = await until(() => sent(p, 'ref', s0), 30_000, 'the new ref');
		assert.deepEqual(ref.ref.kind === 'census' && ref.ref.areas, ['0', '35', '3578']);
		const dyn = await until(() => sent(p, 'dynamic', s0), 30_000, 'three areas');
		assert.equal(dyn.table.vervar.length, 48, '3 areas × 16 age groups');
		assert.match(dyn.table.vervar[0].label, /^PUSAT · /);
		assert.match(dyn.table.vervar[47].label, /SURABAYA · /);
		assert.equal(dyn.table.rowTitle, 'Area · Klasifikasi Kelompok Umur');
		// One request per new area; Indonesia's answer comes from the cache.
		assert.equal(askedAreas(r0).length, 2, `asked: ${askedAreas(r0).join(', ')}`);
		assert.equal(new Set(askedAreas(r0)).size, 2, 'once each');
		await rendered(p, w0);
		assert.match(p.panel.title, /— PUSAT, JAWA TIMUR, SURABAYA$/);
		assert.deepEqual(p.ref.kind === 'census' && p.ref.areas, ['0', '35', '3578']);
		// The real webview saved the new ref (what the serializer gets after a reload).
		await until(
			() => {
				const st = savedState(p);
				return st?.ref.kind === 'census' && st.ref.areas?.length === 3 ? st : undefined;
			},
			10_000,
			'the webview saved the areas',
		);
		const dims = sent(p, 'dims', s0);
		assert.deepEqual(
			dims?.dims.layouts?.map((x) => x.val),
			['area', '1022', '1026'],
		);
		assert.equal(dims?.dims.column, '1026', 'by default the last category goes across');

		// "Columns by" → Area: the load carries it; age group × sex go down the rows.
		const s1 = p.sent.length;
		const r1 = emu.requests.length;
		await p.onMessage({ type: 'load', requestId: 501, periods: [0], column: 'area' });
		const across = await until(
			() => p.sent.slice(s1).find((m): m is Sent<'dynamic'> => m.type === 'dynamic' && m.requestId === 501),
			30_000,
			'the areas across',
		);
		assert.deepEqual(
			across.table.turvar.map((x) => x.label),
			['PUSAT', 'JAWA TIMUR', 'SURABAYA'],
		);
		assert.equal(across.table.vervar.length, 32, '16 age groups × 2 sexes');
		assert.equal(askedAreas(r1).length, 0, 'a new layout asks nothing again');
		const nat = Number(across.table.values[0]);
		const prov = Number(across.table.values[1]);
		assert.ok(nat > prov, 'Indonesia counts more people than Jawa Timur in the same row');

		// Insert Data from the preview (JSON: the tidy rows) and the fetch code loop over the areas.
		const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '' });
		await vscode.window.showTextDocument(doc);
		const s2 = p.sent.length;
		await p.onMessage({ type: 'insert', requestId: 902, format: 'json' });
		const done = await until(() => sent(p, 'inserted', s2), 30_000, 'the insert');
		assert.equal(done.error, undefined);
		const text = vscode.window.activeTextEditor?.document.getText() ?? '';
		assert.ok(text.includes(ATTRIBUTION));
		for (const [code, name] of [
			['0', 'PUSAT'],
			['35', 'JAWA TIMUR'],
			['3578', 'SURABAYA'],
		])
			assert.match(text, new RegExp(`"region_code": "${code}",[^}]*"region": "${name}"`), name);
		const py = await vscode.workspace.openTextDocument({ language: 'python', content: '' });
		await vscode.window.showTextDocument(py);
		const s3 = p.sent.length;
		await p.onMessage({ type: 'insert', requestId: 903, format: 'python-fetch' });
		await until(() => sent(p, 'inserted', s3), 30_000, 'the fetch code');
		const code = vscode.window.activeTextEditor?.document.getText() ?? '';
		assert.match(code, /^AREAS = \[\d+, \d+, \d+\] {2}# wilayah_sensus/m);
		assert.match(code, /^for area in AREAS:$/m);
		assert.ok(!/[0-9a-f]{32}/i.test(code), 'no key in the code');

		// The JSON export: area code and name columns from the host's rows, whatever the grid shows.
		h.previews.pickSaveUri = async (name) => vscode.Uri.file(path.join(dir, name));
		const s4 = p.sent.length;
		await p.onMessage({
			type: 'export',
			requestId: 904,
			format: 'json',
			table: { title: 'grid', columns: ['x'], rows: [['y']] },
		});
		const exported = await until(() => sent(p, 'exported', s4), 30_000, 'the export');
		assert.ok(exported.path, 'saved');
		const json = JSON.parse(fs.readFileSync(exported.path, 'utf8')) as {
			attribution: string;
			columns: string[];
			data: Array<Record<string, unknown>>;
		};
		assert.equal(json.attribution, ATTRIBUTION);
		assert.deepEqual(json.columns.slice(0, 3), ['region_code', 'domain_code', 'region']);
		assert.deepEqual([...new Set(json.data.map((r) => r.region_code))], ['0', '35', '3578']);
		assert.equal(json.data.length, 96, '3 areas × 16 age groups × 2 sexes');
	});

	it('a restored panel shows the areas chosen before the reload', async () => {
		const p = await open(DATASET);
		await until(() => sent(p, 'dynamic'), 30_000, 'Indonesia');
		const s0 = p.sent.length;
		await p.onMessage({ type: 'pickArea', areas: ['35', '3578'] });
		await until(() => sent(p, 'dynamic', s0), 30_000, 'two areas');
		const state = await until(
			() => {
				const st = savedState(p);
				return st?.ref.kind === 'census' && st.ref.areas?.length === 2 ? st : undefined;
			},
			10_000,
			'the saved state',
		);
		p.panel.dispose();
		await vscode.commands.executeCommand('bps.clearCache');

		// What VS Code does after a reload: a new panel of our type, handed to the serializer with the state.
		const r0 = emu.requests.length;
		const panel = vscode.window.createWebviewPanel('bps.preview', 'restored', vscode.ViewColumn.Active, {
			enableScripts: true,
		});
		await h.previews.restore(panel, JSON.parse(JSON.stringify(state)) as PersistedState);
		const restored = await until(
			() => h.previews.all().find((x) => x.panel === panel),
			10_000,
			'the restored panel',
		);
		const dyn = await until(() => sent(restored, 'dynamic'), 30_000, 'the restored data');
		assert.equal(dyn.table.vervar.length, 32, '2 areas × 16 age groups');
		assert.match(dyn.table.vervar[0].label, /^JAWA TIMUR · /);
		assert.match(dyn.table.vervar[31].label, /SURABAYA · /);
		assert.equal(askedAreas(r0).length, 2, 'both areas asked, not Indonesia');
		await rendered(restored);
		assert.match(restored.panel.title, /— JAWA TIMUR, SURABAYA$/);
		const init = sent(restored, 'init');
		assert.deepEqual(init?.ref.kind === 'census' && init.ref.areas, ['35', '3578']);

		// The contract (or a link) naming other areas of the same dataset: the open panel follows.
		const s1 = restored.sent.length;
		const id = await vscode.commands.executeCommand<string>('bps.preview', {
			...DATASET,
			areas: ['0', '35'],
		});
		assert.equal(id, restored.id, 'the same panel');
		const other = await until(() => sent(restored, 'dynamic', s1), 30_000, 'the areas of the link');
		assert.match(other.table.vervar[0].label, /^PUSAT · /);
		assert.deepEqual(restored.ref.kind === 'census' && restored.ref.areas, ['0', '35']);
	});

	it('public API: getCensus for several areas (rows one area after another)', async () => {
		const api = await getExtensionApi();
		const c = await api.getCensus({ event: 'sp2020', dataset: 1001, areas: ['35', '3578'] });
		assert.equal(c.attribution, ATTRIBUTION);
		assert.deepEqual(
			c.areas.map((a) => a.mfdCode),
			['35', '3578'],
		);
		assert.equal(c.area.mfdCode, '35');
		assert.deepEqual([...new Set(c.data.rows.map((r) => r.areaCode))], ['35', '3578']);
		assert.equal(c.data.rows.length, 64, '2 areas × 16 age groups × 2 sexes');
	});

	it('an area without data is left out and named; none with data gives a clear error', async () => {
		const surabaya = String(censusAreas().find((a) => a.kode_mfd === '3578')!.id);
		emu.setFaults([{ kind: 'noData', match: { id: '41', dataset: '1001', wilayah_sensus: surabaya } }]);
		const p = await open({ ...DATASET, areas: ['35', '3578'] });
		const dyn = await until(() => sent(p, 'dynamic'), 30_000, 'the province alone');
		assert.equal(dyn.table.vervar.length, 16, 'the province only');
		assert.match(dyn.table.variable.notes, /BPS has no census data for this dataset in SURABAYA\./);
		await rendered(p);
		assert.match(p.panel.title, /— JAWA TIMUR$/);

		emu.setFaults([{ kind: 'noData', match: { id: '41', dataset: '1001' } }]);
		await vscode.commands.executeCommand('bps.clearCache');
		const s0 = p.sent.length;
		await p.onMessage({ type: 'retry' });
		const err = await until(() => sent(p, 'error', s0), 30_000, 'the error');
		assert.equal(err.message, 'BPS has no census data for this dataset in JAWA TIMUR, SURABAYA.');
	});
});
