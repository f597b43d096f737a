/**
 * Census and SIMDASI in the real extension host against the emulator: the national Census folder
 * (event → topic → dataset) and a region's SIMDASI folder (chapter → table), each item's preview
 * (rows rendered in the dynamic-table grid, the census area changed, the SIMDASI years chosen),
 * Insert Data from the tree, from the contract and from the preview (tidy rows and fetch code),
 * and faults (no data, a nested SIMDASI error, a server error).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InsertResult } from '../../src/insert/apply';
import type { HostMessage, WebviewMessage } from '../../src/preview/protocol';
import type { PanelProbe, TestHooks } from '../../src/testHooks';
import type { CatalogueNode, FolderNode, ItemNodeOf } from '../../src/tree/nodes';
import {
	configure,
	getExtensionApi,
	setupSuite,
	waitFor,
	type TestEmulator,
	closeScratchEditors,
} from './helpers';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';

type Dynamic = Extract<HostMessage, { type: 'dynamic' }>;

async function until<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
	return (await waitFor(check, timeoutMs, what)) as T;
}

const folders = (nodes: CatalogueNode[]) => nodes.filter((n): n is FolderNode => n.kind === 'folder');

/** The n-th `dynamic` table a panel was sent (after `from` messages). */
function nthDynamic(p: PanelProbe, from = 0): Dynamic | undefined {
	return p.sent.slice(from).find((m): m is Dynamic => m.type === 'dynamic');
}

describe('Census and SIMDASI', function () {
	this.timeout(90_000);
	let emu: TestEmulator;
	let h: TestHooks;

	before(async () => {
		({ emu, hooks: h } = await setupSuite({ domain: '3500', language: 'ind', 'network.timeoutSeconds': 3 }));
	});
	beforeEach(async () => {
		emu.clearFaults();
		await vscode.commands.executeCommand('bps.clearCache');
	});
	afterEach(async () => {
		await closeScratchEditors();
	});
	after(async () => {
		emu.clearFaults();
		await configure({ domain: undefined, language: undefined, 'network.timeoutSeconds': undefined });
		await emu?.close();
	});

	async function rootFolder(folder: 'census' | 'simdasi'): Promise<FolderNode> {
		const root = await h.tree.getChildren();
		const f = folders(root).find((n) => n.folder === folder);
		assert.ok(f, `a ${folder} folder in ${root.map((n) => n.label).join(' | ')}`);
		return f;
	}

	async function child(parent: CatalogueNode, label: RegExp): Promise<CatalogueNode> {
		const kids = await h.tree.getChildren(parent);
		const hit = kids.find((k) => label.test(k.label));
		assert.ok(hit, `${label} in ${kids.map((k) => k.label).join(' | ')}`);
		return hit;
	}

	/** Census → Sensus Penduduk 2020 → Kependudukan → dataset 1001 (age group × sex). */
	async function censusDataset(): Promise<ItemNodeOf<'census'>> {
		const event = await child(await rootFolder('census'), /^Sensus Penduduk 2020$/);
		const topic = await child(event, /^Kependudukan$/);
		const ds = await child(topic, /^Jumlah Penduduk menurut Kelompok Umur dan Jenis Kelamin$/);
		assert.equal(ds.kind, 'census');
		return ds as ItemNodeOf<'census'>;
	}

	/** SIMDASI → "3. Penduduk dan Ketenagakerjaan" → table 3.1.1. */
	async function simdasiTable(): Promise<ItemNodeOf<'simdasi'>> {
		const chapter = await child(await rootFolder('simdasi'), /^3\. Penduduk dan Ketenagakerjaan$/);
		const t = await child(chapter, /^3\.1\.1 Jumlah Penduduk/);
		assert.equal(t.kind, 'simdasi');
		return t as ItemNodeOf<'simdasi'>;
	}

	async function open(node: CatalogueNode | object): Promise<PanelProbe> {
		const id = await vscode.commands.executeCommand<string>('bps.preview', node);
		const p = h.previews.get(id);
		assert.ok(p, 'the panel is known');
		return p;
	}

	async function rendered(p: PanelProbe, from = 0): Promise<void> {
		await until(
			() => p.received.slice(from).find((m: WebviewMessage) => m.type === 'rendered' && m.modelRows > 0),
			30_000,
			'the webview rendered rows',
		);
	}

	it("tree: a national Census folder (event → topic → dataset) and the region's SIMDASI by chapter", async () => {
		const census = await rootFolder('census');
		assert.equal(census.label, 'Census (Indonesia)', 'UI language (English here)');
		assert.equal(census.domain, '0000');
		const events = await h.tree.getChildren(census);
		assert.deepEqual(
			events.map((e) => e.label),
			['Sensus Penduduk 2020', 'Sensus Ekonomi 2016', 'Sensus Pertanian 2023'],
		);
		const ds = await censusDataset();
		assert.deepEqual(
			{ id: ds.ref.id, event: ds.ref.event, domain: ds.ref.domain },
			{ id: 1001, event: 'sp2020', domain: '0000' },
		);
		const item = h.tree.getTreeItem(ds);
		assert.equal(item.command?.command, 'bps.preview');
		assert.match(String(item.contextValue), /previewable;insertable/);

		const simdasi = await rootFolder('simdasi');
		assert.equal(simdasi.domain, '3500');
		const chapters = await h.tree.getChildren(simdasi);
		assert.deepEqual(
			chapters.map((c) => c.label),
			[
				'1. Geografi dan Iklim',
				'2. Pemerintahan',
				'3. Penduduk dan Ketenagakerjaan',
				'5. Pertanian, Kehutanan, Peternakan, dan Perikanan',
			],
		);
		const t = await simdasiTable();
		assert.equal(t.ref.domain, '3500');
		assert.match(String(h.tree.getTreeItem(t).contextValue), /previewable;insertable/);
	});

	it('census preview: the dataset as a grid (age groups × sex), then another area', async () => {
		const p = await open(await censusDataset());
		const dyn = await until(() => nthDynamic(p), 30_000, 'census data');
		assert.equal(dyn.table.vervar.length, 16, 'one row per age group');
		assert.deepEqual(
			dyn.table.turvar.map((x) => x.label),
			['Laki-laki', 'Perempuan'],
		);
		assert.deepEqual(
			dyn.table.tahun.map((x) => x.label),
			['2020'],
		);
		assert.ok(Array.from(dyn.table.values).every(Number.isFinite), 'every cell has a value');
		await rendered(p);
		assert.match(p.panel.title, /Jumlah Penduduk menurut Kelompok Umur dan Jenis Kelamin — PUSAT/);
		const init = p.sent.find((m): m is Extract<HostMessage, { type: 'init' }> => m.type === 'init');
		assert.equal(init?.attribution.id, ATTRIBUTION);

		// Another area (the QuickPick's answer given directly): the province's data replaces it.
		const sent = p.sent.length;
		const received = p.received.length;
		await p.onMessage({ type: 'pickArea', area: '35' });
		const jatim = await until(() => nthDynamic(p, sent), 30_000, 'the province data');
		assert.equal(jatim.table.vervar.length, 16);
		assert.ok(
			Number(jatim.table.values[0]) < Number(dyn.table.values[0]),
			'a province counts fewer people than Indonesia',
		);
		await rendered(p, received);
		assert.match(p.panel.title, /JAWA TIMUR/);
		const asked = emu.requests.filter((r) => r.params.id === '41').map((r) => r.params.wilayah_sensus);
		assert.equal(new Set(asked).size, 2, `two areas asked: ${asked.join(', ')}`);
	});

	it('census insert: tidy rows from the tree node and the contract, fetch code, and from the preview', async () => {
		const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
		await vscode.window.showTextDocument(doc);
		const node = await censusDataset();
		const r = await vscode.commands.executeCommand<InsertResult | undefined>('bps.insertData', {
			...node.ref,
			format: 'csv',
		});
		assert.ok(r, 'inserted');
		assert.ok(r.text.includes(ATTRIBUTION), r.text.slice(0, 300));
		assert.match(
			r.text,
			/region_code,domain_code,region,indicator_code,indicator,category_1_code,category_1,category_2_code,category_2,year,period,value/,
		);
		assert.match(r.text, /\n0,0000,PUSAT,7204601,Jumlah Penduduk,/);
		assert.equal(
			r.text.split('\n').filter((l) => l.startsWith('0,0000,')).length,
			32,
			'16 age groups × 2 sexes',
		);

		// The contract: `{ kind: 'census', event, dataset, area }`, a regency, as Python fetch code.
		const py = await vscode.commands.executeCommand<InsertResult | undefined>('bps.insertData', {
			kind: 'census',
			event: 'sp2020',
			dataset: 1002,
			area: '3578',
			format: 'python-fetch',
		});
		assert.ok(py, 'fetch code inserted');
		assert.match(py.text, /EVENT = "sp2020"/);
		assert.match(py.text, /DATASET = 1002/);
		assert.match(py.text, /SURABAYA \(3578\)/, 'the regency asked for');
		assert.ok(!/[0-9a-f]{32}/i.test(py.text), 'no key in the code');

		// From the preview: the grid's rows, tidy for JSON.
		const p = await open(node);
		await until(() => nthDynamic(p), 30_000, 'census data');
		await rendered(p);
		const before = p.sent.length;
		await p.onMessage({ type: 'insert', requestId: 900, format: 'json' });
		const done = await until(
			() =>
				p.sent
					.slice(before)
					.find((m): m is Extract<HostMessage, { type: 'inserted' }> => m.type === 'inserted'),
			30_000,
			'the insert answer',
		);
		assert.equal(done.error, undefined);
		assert.equal(done.rows, 16, 'the wide grid as shown: one row per age group');
		const text = vscode.window.activeTextEditor?.document.getText() ?? '';
		assert.match(text, /"category_2": "Perempuan"/, 'JSON gets the tidy rows');
	});

	it('SIMDASI preview: the latest year, then a range of years', async () => {
		const p = await open(await simdasiTable());
		const dyn = await until(() => nthDynamic(p), 30_000, 'SIMDASI data');
		assert.deepEqual(
			dyn.table.tahun.map((x) => x.label),
			['2024'],
		);
		assert.deepEqual(
			dyn.table.turvar.map((x) => x.label),
			[
				'Jumlah Penduduk (ribu jiwa)',
				'Laju Pertumbuhan Penduduk per Tahun (persen)',
				'Kepadatan Penduduk per km² (jiwa/km²)',
			],
		);
		assert.ok(dyn.table.vervar.length > 20, 'the regencies and the province');
		assert.equal(
			dyn.table.vervar[dyn.table.vervar.length - 1].val,
			'3500000',
			'the province total, last as printed',
		);
		await rendered(p);
		assert.match(p.panel.title, /^Jumlah Penduduk, Laju Pertumbuhan/);
		assert.ok(!/2024$/.test(p.panel.title), 'the title names no single year');

		// The year picker's range: three years, one request each.
		const t0 = emu.requests.length;
		const sent = p.sent.length;
		await p.onMessage({ type: 'load', requestId: 77, periods: [2021, 2022, 2023] });
		const three = await until(() => nthDynamic(p, sent), 30_000, 'three years');
		assert.deepEqual(
			three.table.tahun.map((x) => x.label),
			['2021', '2022', '2023'],
		);
		const asked = emu.requests
			.slice(t0)
			.filter((r) => r.params.id === '25')
			.map((r) => r.params.tahun);
		assert.deepEqual([...asked].sort(), ['2021', '2022', '2023']);
	});

	it('SIMDASI insert: wide Markdown of one year from the tree, and the contract with years', async () => {
		const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
		await vscode.window.showTextDocument(doc);
		const node = await simdasiTable();
		const r = await vscode.commands.executeCommand<InsertResult | undefined>('bps.insertData', {
			...node.ref,
			format: 'markdown',
		});
		assert.ok(r, 'inserted');
		assert.ok(r.text.includes(ATTRIBUTION));
		assert.match(r.text, /\| region_code \| region \| Jumlah Penduduk \(ribu jiwa\) \|/);
		assert.match(r.text, /\| 3500000 \| Jawa Timur \|/);

		const long = await vscode.commands.executeCommand<InsertResult | undefined>('bps.insertData', {
			kind: 'simdasi',
			domain: '3500',
			table: node.ref.id,
			years: [2022, 2023],
			format: 'csv-long',
		});
		assert.ok(long, 'inserted');
		assert.match(long.text, /region_code,domain_code,region,variable_code,variable,unit,year,period,value/);
		assert.match(long.text, /,2022,2022,/);
		assert.match(long.text, /,2023,2023,/);

		// The fetch code of those years asks for each of them in a loop.
		const code = await vscode.commands.executeCommand<InsertResult | undefined>('bps.insertData', {
			kind: 'simdasi',
			domain: '3500',
			table: node.ref.id,
			years: [2023, 2022],
			format: 'r-fetch',
		});
		assert.ok(code?.text.includes(ATTRIBUTION), 'fetch code inserted with the attribution');
		assert.ok(code);
		assert.match(code.text, /^years <- c\(2022, 2023\) # one request per year$/m);
		assert.match(code.text, /Sys\.getenv\("BPS_API_KEY"\)/);
	});

	it('public API: getCensus for an area, getSimdasi for some years (a year without data is listed)', async () => {
		const api = await getExtensionApi();
		const c = await api.getCensus({ event: 'sp2020', dataset: 1001, area: '35' });
		assert.equal(c.attribution, ATTRIBUTION);
		assert.equal(c.area.mfdCode, '35');
		assert.ok(c.data.rows.length > 0);
		assert.ok(c.data.dimensions.length >= 2, 'age group and sex');
		assert.ok(c.data.rows.every((r) => r.value === null || typeof r.value === 'number'));
		await assert.rejects(api.getCensus({ event: 'sp2020', dataset: 1001, area: '99' }), /no census area 99/);

		const node = await simdasiTable();
		const t = await api.getSimdasi({ domain: '3500', table: String(node.ref.id), years: [2015, 2023, 2022] });
		assert.equal(t.attribution, ATTRIBUTION);
		assert.deepEqual(t.emptyYears, [2015]);
		assert.equal(t.tables.length, 2);
		await assert.rejects(
			api.getSimdasi({ domain: '3500', table: String(node.ref.id), years: [2015] }),
			/no data/,
		);
	});

	it('faults: census with no data, a nested SIMDASI error, a server error — clear messages', async () => {
		// The census area has no data: the preview says so (in the UI language), with Retry.
		emu.setFaults([{ kind: 'noData', match: { id: '41' } }]);
		const p = await open(await censusDataset());
		const err = await until(
			() => p.sent.find((m): m is Extract<HostMessage, { type: 'error' }> => m.type === 'error'),
			30_000,
			'the census error',
		);
		assert.equal(err.message, 'BPS has no census data for this dataset in PUSAT.');
		emu.clearFaults();
		await vscode.commands.executeCommand('bps.clearCache');
		const sent = p.sent.length;
		await p.onMessage({ type: 'retry' });
		await until(() => nthDynamic(p, sent), 30_000, 'data after Retry');

		// SIMDASI: a year BPS does not have answers the nested error inside an OK envelope.
		const s = await open(await simdasiTable());
		await until(() => nthDynamic(s), 30_000, 'SIMDASI data');
		const sent2 = s.sent.length;
		await s.onMessage({ type: 'load', requestId: 78, periods: [2015] });
		const nested = await until(
			() => s.sent.slice(sent2).find((m): m is Extract<HostMessage, { type: 'error' }> => m.type === 'error'),
			30_000,
			'the SIMDASI error',
		);
		assert.equal(nested.requestId, 78);
		assert.equal(nested.message, 'SIMDASI has no data for this table in 2015.');

		// A server error on the SIMDASI list: the folder shows a retry node.
		await vscode.commands.executeCommand('bps.clearCache');
		emu.setFaults([{ kind: 'status', status: 500, match: { id: '23' } }]);
		const kids = await h.tree.getChildren(await rootFolder('simdasi'));
		assert.equal(kids[0].kind, 'error', kids.map((k) => k.label).join(' | '));
		emu.clearFaults();
	});
});
