/**
 * The preview panel in a real VS Code host against the emulator: each item kind opened through
 * `bps.preview`, checked through the `previews` test hook (what the panel was sent, and what its
 * real webview answered: `ready`, `load`, `rendered`…).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { FIXTURE_IDS } from '../emulator/server';
import {
	EMULATOR_KEY,
	getExtensionApi,
	setKey,
	startTestEmulator,
	waitFor,
	type TestEmulator,
} from './helpers';
import type { ExportTable, HostMessage, WebviewMessage, WireDynamicTable } from '../../src/preview/protocol';
import type { PanelProbe as PanelHook, PreviewsProbe as ManagerHook } from '../../src/testHooks';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';

/** The shape of the `previews` hook (PreviewManager), typed structurally: tests never import src/ at run time. */
type Sent<T extends HostMessage['type']> = Extract<HostMessage, { type: T }>;
type Got<T extends WebviewMessage['type']> = Extract<WebviewMessage, { type: T }>;

function sent<T extends HostMessage['type']>(p: PanelHook, type: T): Sent<T>[] {
	return p.sent.filter((m): m is Sent<T> => m.type === type);
}
/** waitFor for a value that may be undefined until it arrives. */
async function until<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
	return (await waitFor(check, timeoutMs, what)) as T;
}
function got<T extends WebviewMessage['type']>(p: PanelHook, type: T): Got<T>[] {
	return p.received.filter((m): m is Got<T> => m.type === type);
}

describe('preview panel (bps.preview)', function () {
	this.timeout(60_000);
	let emu: TestEmulator;
	let previews: ManagerHook;

	before(async () => {
		emu = await startTestEmulator({ xssProbes: true });
		assert.equal(await setKey(EMULATOR_KEY), true);
		const api = await getExtensionApi();
		previews = api._test?.previews as ManagerHook;
		assert.ok(previews, 'the previews test hook is registered');
	});
	after(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await emu?.close();
	});

	async function open(ref: Record<string, unknown>): Promise<PanelHook> {
		const id = await vscode.commands.executeCommand<string>('bps.preview', ref);
		assert.equal(typeof id, 'string', 'bps.preview returns the panel id');
		const p = previews.get(id);
		assert.ok(p, `panel ${id} is known to the manager`);
		return p;
	}

	/** Sanity checks every panel must pass: handshake first, banner, never the key. */
	function checkCommon(p: PanelHook): void {
		assert.equal(p.received[0]?.type, 'ready', 'the webview speaks first');
		assert.equal(p.sent[0]?.type, 'init', 'the host posts init right after ready, nothing before');
		const init = sent(p, 'init')[0];
		assert.equal(init.attribution.id, ATTRIBUTION);
		assert.match(init.attribution.sourceUrl, /^https?:\/\//);
		assert.ok(init.attribution.accessed.length > 0);
		assert.ok(init.strings.cancel && init.strings.exportCsv, 'webview strings are injected');
		const all = JSON.stringify(p.sent) + p.panel.webview.html;
		assert.ok(!all.includes(EMULATOR_KEY), 'the API key never reaches the webview');
		assert.ok(!/[?&/]key[=/]/.test(all), 'no URL with a key parameter reaches the webview');
		assert.ok(!p.panel.webview.html.includes("'unsafe-inline'"), 'strict CSP');
		assert.match(p.panel.webview.html, /script-src 'nonce-[A-Za-z0-9]+'/);
	}

	it('var 1804: periods, the default table, the webview renders 3 rows; same item reveals the same panel', async () => {
		const p = await open({ domain: '0000', kind: 'var', id: FIXTURE_IDS.annualVar });
		const r = await until(
			() => got(p, 'rendered').find((m) => m.view === 'dynamic'),
			30_000,
			'dynamic table rendered',
		);
		checkCommon(p);
		const dims = sent(p, 'dims')[0].dims;
		assert.equal(dims.varId, FIXTURE_IDS.annualVar);
		assert.ok(dims.periods.length >= 3);
		// The default is the last five periods (or all, when fewer).
		assert.deepEqual(
			dims.defaultPeriods,
			dims.periods.slice(-5).map((x) => x.id),
		);
		// The default window, fetched while the webview booted, is pushed with the periods: the first
		// table answers the host's own load id, and the webview never had to ask for it.
		const pushed = sent(p, 'dims')[0].load;
		assert.ok(pushed && pushed.requestId < 0, 'the host announces the load it already runs');
		assert.deepEqual(pushed.periods, dims.defaultPeriods);
		assert.equal(sent(p, 'dynamic')[0].requestId, pushed.requestId, 'the first table is the pushed one');
		assert.deepEqual(got(p, 'load'), [], 'no load round trip through the webview');
		const table = sent(p, 'dynamic')[0].table;
		assert.equal(table.variable.id, FIXTURE_IDS.annualVar);
		assert.deepEqual(
			table.vervar.map((v) => v.label),
			['Meninggal dan Hilang', 'Terluka', 'Menderita dan Mengungsi'],
		);
		assert.equal(r.modelRows, 3);
		assert.equal(r.modelCols, table.tahun.length);
		assert.equal(p.panel.title, table.variable.title);

		const again = await vscode.commands.executeCommand<string>('bps.preview', {
			domain: '0000',
			kind: 'var',
			id: FIXTURE_IDS.annualVar,
		});
		assert.equal(again, p.id, 'opening the same item reveals its panel');
		assert.equal(previews.all().filter((x) => x.key === p.key).length, 1);
	});

	it('ref.years picks the periods; a tree node carrying `ref` works too', async () => {
		const p = await open({
			ref: { domain: '0000', kind: 'var', id: FIXTURE_IDS.regencyVar, years: ['2016', '2017'] },
			label: 'node',
		});
		await waitFor(() => sent(p, 'dynamic').length, 30_000, 'data');
		const table = sent(p, 'dynamic')[0].table;
		assert.deepEqual(
			table.tahun.map((t) => t.label),
			['2016', '2017'],
		);
		p.panel.dispose();
	});

	it('var 9514: 514 regencies × 5 default years render virtualised (few DOM rows)', async () => {
		const p = await open({ domain: '0000', kind: 'var', id: FIXTURE_IDS.regencyVar });
		const r = await until(() => got(p, 'rendered').find((m) => m.view === 'dynamic'), 30_000, 'rendered');
		checkCommon(p);
		const table = sent(p, 'dynamic')[0].table;
		assert.equal(table.vervar.length, 514);
		assert.equal(r.modelRows, 514, 'the data model holds every row');
		assert.ok(r.domRows > 0 && r.domRows < 120, `only visible rows are in the DOM (${r.domRows})`);
		// Progress arrives for the chunked load (5 periods over a cap of 3 = 2 calls).
		const progress = sent(p, 'progress');
		assert.ok(progress.length >= 1, 'progress was reported: ' + JSON.stringify(p.sent.map((m) => m.type)));
		assert.equal(progress[progress.length - 1].done, progress[progress.length - 1].total);
	});

	it('the whole 10-year range of 9514 loads through chunked calls', async () => {
		const p = previews.all().find((x) => x.key === `0000/var/${FIXTURE_IDS.regencyVar}`)!;
		const dims = sent(p, 'dims')[0].dims;
		const before = got(p, 'rendered').length;
		await p.onMessage({ type: 'load', requestId: 1000, periods: dims.periods.map((x) => x.id) });
		const t = sent(p, 'dynamic').find((m) => m.requestId === 1000)!.table;
		assert.equal(t.tahun.length, dims.periods.length);
		assert.equal(t.vervar.length, 514);
		// The host's answer reaches the webview; its requestId is not the one it is waiting for, so it is ignored there.
		assert.equal(got(p, 'rendered').length, before);
	});

	it('a synthetic 100 000-row table renders through the virtual grid', async () => {
		const p = previews.all().find((x) => x.key === `0000/var/${FIXTURE_IDS.regencyVar}`)!;
		const n = 100_000;
		const years = 10;
		const base = sent(p, 'dynamic')[0].table;
		const values: Array<number | null> = new Array(n * years);
		for (let i = 0; i < values.length; i++) values[i] = i % 97 === 0 ? null : ((i * 7919) % 100_000) / 10;
		const synthetic: WireDynamicTable = {
			...base,
			vervar: Array.from({ length: n }, (_, i) => ({ val: String(i + 1), label: `Wilayah ${i + 1}` })),
			tahun: Array.from({ length: years }, (_, i) => ({ val: String(100 + i), label: String(2000 + i) })),
			turvar: [{ val: '0', label: 'Tidak ada' }],
			turtahun: [{ val: '0', label: 'Tahun' }],
			values,
		};
		const before = got(p, 'rendered').length;
		p.post({ type: 'dynamic', requestId: -1, table: synthetic });
		const r = await until(
			() =>
				got(p, 'rendered')
					.slice(before)
					.find((m) => m.modelRows === n),
			30_000,
			'synthetic rendered',
		);
		assert.equal(r.modelCols, years);
		assert.ok(r.domRows < 120, `virtualised: ${r.domRows} DOM rows for ${n}`);
		assert.ok(r.ms < 5000, `pivot + first paint in ${r.ms} ms`);
	});

	it('var 2263 (monthly): sub-periods become columns', async () => {
		const p = await open({ domain: '0000', kind: 'var', id: FIXTURE_IDS.monthlyVar });
		const r = await until(() => got(p, 'rendered').find((m) => m.view === 'dynamic'), 30_000, 'rendered');
		const t = sent(p, 'dynamic')[0].table;
		assert.ok(t.turtahun.length > 1);
		assert.equal(r.modelCols, t.tahun.length * t.turtahun.length);
	});

	it('Cancel aborts a slow load and the panel says so', async () => {
		const p = previews.all().find((x) => x.key === `0000/var/${FIXTURE_IDS.monthlyVar}`)!;
		emu.setFaults([{ kind: 'latency', ms: 4000, match: { model: 'data' } }]);
		try {
			const dims = sent(p, 'dims')[0].dims;
			const done = p.onMessage({
				type: 'load',
				requestId: 2000,
				periods: dims.periods.slice(0, 2).map((x) => x.id),
			});
			await waitFor(() => sent(p, 'loading').find((m) => m.requestId === 2000), 5000, 'loading');
			await p.onMessage({ type: 'cancel', requestId: 2000 });
			await done;
			assert.ok(
				sent(p, 'cancelled').find((m) => m.requestId === 2000),
				'cancelled was posted',
			);
			assert.ok(!sent(p, 'dynamic').find((m) => m.requestId === 2000), 'no data after cancel');
		} finally {
			emu.setFaults([]);
		}
	});

	it('exports CSV, XLSX and JSON with the attribution', async () => {
		const p = previews.all().find((x) => x.key === `0000/var/${FIXTURE_IDS.annualVar}`)!;
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bps-export-'));
		const old = previews.pickSaveUri;
		previews.pickSaveUri = async (name) => vscode.Uri.file(path.join(dir, name));
		try {
			const table: ExportTable = {
				title: 'T',
				columns: ['Wilayah', '2019'],
				rows: [
					['Aceh', 1.5],
					['Bali', null],
				],
				unit: 'Orang',
			};
			for (const [i, format] of (['csv', 'xlsx', 'json'] as const).entries()) {
				await p.onMessage({ type: 'export', requestId: 3000 + i, format, table });
				const ans = sent(p, 'exported').find((m) => m.requestId === 3000 + i);
				assert.ok(ans?.path && fs.existsSync(ans.path), `${format} written`);
			}
			const csv = fs.readFileSync(path.join(dir, `bps-0000-var-${FIXTURE_IDS.annualVar}.csv`), 'utf8');
			assert.ok(csv.includes(`# Atribusi / Attribution: ${ATTRIBUTION}`));
			assert.ok(csv.includes('Aceh,1.5') && csv.includes('Bali,\r\n'));
			const json = JSON.parse(
				fs.readFileSync(path.join(dir, `bps-0000-var-${FIXTURE_IDS.annualVar}.json`), 'utf8'),
			);
			assert.equal(json.attribution, ATTRIBUTION);
			assert.deepEqual(json.data[1], { Wilayah: 'Bali', '2019': null });
			const xlsx = fs.readFileSync(path.join(dir, `bps-0000-var-${FIXTURE_IDS.annualVar}.xlsx`));
			assert.equal(xlsx.subarray(0, 2).toString('latin1'), 'PK', 'a zip');
		} finally {
			previews.pickSaveUri = old;
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('static table: unescaped HTML is sent and the webview renders its rows', async () => {
		const p = await open({ domain: '0000', kind: 'statictable', id: FIXTURE_IDS.staticTable });
		const r = await until(
			() => got(p, 'rendered').find((m) => m.view === 'static'),
			30_000,
			'static rendered',
		);
		checkCommon(p);
		const s = sent(p, 'static')[0].table;
		assert.match(s.html, /<table/i, 'entity-unescaped once');
		assert.ok(r.modelRows > 1);
	});

	it('publication and press release: a card with links, rendered', async () => {
		const pub = await open({ domain: '0000', kind: 'publication', id: FIXTURE_IDS.publication });
		await waitFor(
			() => got(pub, 'rendered').find((m) => m.view === 'document'),
			30_000,
			'publication rendered',
		);
		checkCommon(pub);
		const d = sent(pub, 'document')[0].doc;
		assert.equal(d.kind, 'publication');
		assert.match(d.pdfUrl, /^https?:\/\//);
		const brs = await open({ domain: '0000', kind: 'pressrelease', id: FIXTURE_IDS.pressRelease });
		await waitFor(
			() => got(brs, 'rendered').find((m) => m.view === 'document'),
			30_000,
			'press release rendered',
		);
		assert.equal(sent(brs, 'document')[0].doc.kind, 'pressrelease');
	});

	it('openExternal refuses non-http(s) links', async () => {
		const p = previews.all()[0];
		// Would throw or open something if accepted; the handler only logs a warning.
		await p.onMessage({ type: 'openExternal', url: 'javascript:alert(1)' });
		await p.onMessage({ type: 'openExternal', url: 'command:workbench.action.quit' });
	});

	it('indicator: a card with the value, then the dynamic table of its variable', async () => {
		const res = await fetch(`${emu.url}list?model=indicators&domain=0000&key=${EMULATOR_KEY}`, {
			headers: { 'user-agent': 'Mozilla/5.0 (test)' },
		});
		const body = (await res.json()) as { data: [unknown, Array<{ indicator_id: number; var: number }>] };
		const ind = body.data[1][0];
		const p = await open({ domain: '0000', kind: 'indicator', id: ind.indicator_id });
		await waitFor(
			() => got(p, 'rendered').find((m) => m.view === 'dynamic'),
			30_000,
			'indicator table rendered',
		);
		const card = sent(p, 'indicator')[0].card;
		assert.equal(card.varId, ind.var);
		assert.equal(sent(p, 'dims')[0].dims.varId, ind.var);
	});

	for (const [kind, id, view] of [
		['var', FIXTURE_IDS.xssVar, 'dynamic'],
		['statictable', FIXTURE_IDS.xssStaticTable, 'static'],
		['publication', FIXTURE_IDS.xssPublication, 'document'],
		['pressrelease', FIXTURE_IDS.xssPressRelease, 'document'],
	] as const) {
		it(`XSS probe ${kind} ${id}: hostile content is delivered as data and the webview still renders`, async () => {
			const p = await open({ domain: '0000', kind, id });
			await waitFor(() => got(p, 'rendered').find((m) => m.view === view), 30_000, `${kind} rendered`);
			checkCommon(p);
			// Titles travel as data (rendered with textContent); the HTML fields are sanitized in the webview.
			assert.ok(
				JSON.stringify(p.sent).includes('onerror') || JSON.stringify(p.sent).includes('<script'),
				'the probe payload was really sent',
			);
		});
	}

	it('closing a panel aborts its calls and forgets it', async () => {
		emu.setFaults([{ kind: 'latency', ms: 5000, match: { model: 'data' } }]);
		try {
			const p = await open({ domain: '0000', kind: 'var', id: FIXTURE_IDS.quarterlyVar });
			await waitFor(() => sent(p, 'loading').length, 20_000, 'loading');
			p.panel.dispose();
			assert.equal(p.aborted, true);
			assert.equal(previews.get(p.id), undefined);
			await new Promise((r) => setTimeout(r, 100));
			assert.ok(!sent(p, 'dynamic').length);
		} finally {
			emu.setFaults([]);
		}
	});

	it('palette flow with no argument: asks for the item (cancel → nothing opens)', async () => {
		const before = previews.all().length;
		const pending = vscode.commands.executeCommand<string | undefined>('bps.preview');
		await new Promise((r) => setTimeout(r, 500));
		await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
		assert.equal(await pending, undefined);
		assert.equal(previews.all().length, before);
	});

	it('Retry after "no data" asks BPS again: the cached "not available" answer is not served back', async () => {
		await vscode.commands.executeCommand('bps.clearCache');
		emu.setFaults([{ kind: 'noData', match: { model: 'data' } }]);
		const p = await open({ domain: '0000', kind: 'var', id: FIXTURE_IDS.derivedVar });
		const err = await until(() => sent(p, 'error')[0], 30_000, 'the no-data message');
		assert.match(err.message, /no data/i);
		emu.clearFaults();
		// BPS has the data now. Retry (the webview's button): the host starts again, the webview
		// asks for its window; the answer comes from BPS, not from the cached "not available".
		const errors = sent(p, 'error').length;
		const t0 = emu.requests.length;
		await p.onMessage({ type: 'retry' });
		const dims = await until(() => sent(p, 'dims').at(-1), 30_000, 'the periods after Retry');
		if (!sent(p, 'dynamic').length)
			await p.onMessage({ type: 'load', requestId: 2001, periods: dims.dims.defaultPeriods });
		await until(() => sent(p, 'dynamic')[0], 30_000, 'the table after Retry');
		assert.equal(sent(p, 'error').length, errors, 'no second error');
		assert.ok(
			emu.requests.slice(t0).some((r) => r.params.model === 'data'),
			'the data was asked of the API again',
		);
		// Later loads use the cache again.
		const t1 = emu.requests.length;
		await p.onMessage({ type: 'load', requestId: 2002, periods: dims.dims.defaultPeriods });
		await until(() => sent(p, 'dynamic').find((m) => m.requestId === 2002), 30_000, 'the same window again');
		assert.equal(
			emu.requests.slice(t1).filter((r) => r.params.model === 'data').length,
			0,
			'served from the cache',
		);
		p.panel.dispose();
	});

	it('a panel restored without its webview state finds its item by title; an unknown one closes', async () => {
		const p = await open({ domain: '0000', kind: 'statictable', id: FIXTURE_IDS.staticTable });
		await until(() => sent(p, 'static')[0], 30_000, 'the static table');
		const title = p.panel.title;
		assert.ok(!/^BPS /.test(title), `the table's own title: ${title}`);
		p.panel.dispose();
		// VS Code restores a panel whose webview never wrote its state: only the title is known.
		const panel = vscode.window.createWebviewPanel('bps.preview', title, vscode.ViewColumn.Active, {
			enableScripts: true,
		});
		await previews.restore(panel, undefined);
		const restored = await until(
			() => previews.all().find((x) => x.panel === panel),
			10_000,
			'the panel adopted by its title',
		);
		assert.equal(restored.key, `0000/statictable/${FIXTURE_IDS.staticTable}`);
		await until(() => sent(restored, 'static')[0], 30_000, 'the table again');
		restored.panel.dispose();

		const stray = vscode.window.createWebviewPanel(
			'bps.preview',
			'Not a BPS table',
			vscode.ViewColumn.Active,
			{
				enableScripts: true,
			},
		);
		let closed = false;
		stray.onDidDispose(() => (closed = true));
		await previews.restore(stray, undefined);
		assert.equal(closed, true, 'nothing to show: the panel closes');
	});
});
