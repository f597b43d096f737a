/**
 * Foreign trade in the real extension host against the emulator: the national "Foreign trade"
 * folder, its picker (flow, HS level, codes searched by words, period kind, years), the preview
 * (the dynamic-table grid fed with the trade rows, null ports and countries shown as unknown),
 * Insert Data in the tidy schema and as fetch code (by the contract and from the preview), the
 * export with the attribution, the public API, and faults (a bad HS code, no data, a dropped connection).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { InsertResult } from '../../src/insert/apply';
import type { HostMessage, WebviewMessage } from '../../src/preview/protocol';
import type { TestHooks } from '../../src/testHooks';
import type { CatalogueNode, FolderNode } from '../../src/tree/nodes';
import type { ActiveTradeStep } from '../../src/commands/tradePicker';
import { TRADE_LAST_YEAR, tradeRows } from '../emulator/families/trade';
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
type Rendered = Extract<WebviewMessage, { type: 'rendered' }>;

async function until<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
	return (await waitFor(check, timeoutMs, what)) as T;
}

/** A 2-digit chapter whose annual exports of `year` have a row without a country or a port. */
function chapterWithUnknowns(year: number): string {
	for (let c = 1; c <= 97; c++) {
		const code = String(c).padStart(2, '0');
		if (tradeRows('export', code, year, false).some((r) => r.ctr === null || r.pod === null)) return code;
	}
	throw new Error('the emulator has no row without a port or country');
}

describe('foreign trade', function () {
	this.timeout(90_000);
	let emu: TestEmulator;
	let h: TestHooks;

	before(async () => {
		({ emu, hooks: h } = await setupSuite({ domain: '0000', language: 'ind', 'network.timeoutSeconds': 3 }));
	});
	beforeEach(async () => {
		emu.clearFaults();
		await vscode.commands.executeCommand('bps.clearCache');
	});
	afterEach(async () => {
		h.tradePicker.active?.quickPick.hide();
		await closeScratchEditors();
	});
	after(async () => {
		emu.clearFaults();
		await configure({ domain: undefined, language: undefined, 'network.timeoutSeconds': undefined });
		await emu?.close();
	});

	async function tradeFolder(): Promise<FolderNode> {
		const root = await h.tree.getChildren();
		const f = root.find((n): n is FolderNode => n.kind === 'folder' && n.folder === 'trade');
		assert.ok(f, `a Foreign trade folder in ${root.map((n) => n.label).join(' | ')}`);
		return f;
	}

	/** The picker's step `step`, once it is on screen. */
	function step(name: ActiveTradeStep['step']): Promise<ActiveTradeStep> {
		return until(
			() => (h.tradePicker.active?.step === name ? h.tradePicker.active : undefined),
			10_000,
			`the ${name} step`,
		);
	}

	/** Chooses the item whose value is `value` at a one-of step. */
	async function choose(name: ActiveTradeStep['step'], value: string): Promise<void> {
		const s = await step(name);
		const item = s.quickPick.items.find((i) => i.value === value);
		assert.ok(item, `${value} at ${name}: ${s.quickPick.items.map((i) => i.value).join(', ')}`);
		s.quickPick.activeItems = [item];
		s.accept();
	}

	async function rendered(id: string): Promise<{ dyn: Dynamic; view: Rendered }> {
		const p = h.previews.get(id);
		assert.ok(p, 'the panel is known');
		const dyn = await until(
			() => p.sent.find((m): m is Dynamic => m.type === 'dynamic'),
			30_000,
			'trade data posted',
		);
		const view = await until(
			() => p.received.find((m): m is Rendered => m.type === 'rendered'),
			30_000,
			'the webview rendered the grid',
		);
		return { dyn, view };
	}

	it('tree → picker (codes found by words) → preview renders the rows', async () => {
		const folder = await tradeFolder();
		assert.equal(folder.domain, '0000');
		const kids: CatalogueNode[] = await h.tree.getChildren(folder);
		assert.deepEqual(
			kids.map((k) => k.label),
			['Exports…', 'Imports…'],
		);
		const item = h.tree.getTreeItem(kids[0]);
		assert.equal(item.command?.command, 'bps.preview');
		assert.match(String(item.contextValue), /previewable;insertable/);
		const opened = vscode.commands.executeCommand<string | undefined>(
			item.command!.command,
			...(item.command!.arguments ?? []),
		);

		// Exports was chosen by the node: the picker starts at the HS level.
		await choose('level', '2');
		const codes = await step('codes');
		codes.quickPick.value = 'kopi';
		// The list follows the typed words: chapter 09 only (the others are gone).
		const coffee = await until(
			() =>
				codes.quickPick.items.some((i) => i.value === '03')
					? undefined
					: codes.quickPick.items.find((i) => i.value === '09'),
			5000,
			'chapter 09 alone found by "kopi"',
		);
		codes.quickPick.selectedItems = [coffee];
		codes.accept();
		await choose('period', 'annual');
		await choose('from', '2023');
		await choose('to', '2024');
		const id = await opened;
		assert.ok(id, 'a panel opened');

		const { dyn, view } = await rendered(id);
		assert.deepEqual(
			dyn.table.tahun.map((t) => t.label),
			['2023', '2024'],
		);
		const rows = tradeRows('export', '09', 2023, false).length;
		assert.ok(dyn.table.vervar.length >= rows, `${dyn.table.vervar.length} rows for ${rows} records`);
		assert.ok(view.modelRows > 0 && view.domRows > 0, JSON.stringify(view));
		assert.ok(view.domRows < view.modelRows || view.modelRows < 60, 'the grid renders the rows in view only');
		const p = h.previews.get(id)!;
		assert.equal(p.panel.title, 'Ekspor menurut kode HS 2 digit: 09 (tahunan)');
		const init = p.sent.find((m): m is Extract<HostMessage, { type: 'init' }> => m.type === 'init');
		assert.equal(init?.attribution.id, ATTRIBUTION);
		assert.deepEqual(p.shownYears(), ['2023', '2024']);
	});

	it('preview by the contract: monthly 8-digit imports; a null port or country is a row shown as unknown', async () => {
		const id = await vscode.commands.executeCommand<string>('bps.preview', {
			kind: 'trade',
			flow: 'import',
			hs: ['03061719'],
			hsLevel: 8,
			years: [2024],
			monthly: true,
		});
		const { dyn } = await rendered(id);
		assert.equal(dyn.table.turtahun.length, 12, 'the months are the sub-periods');
		assert.ok(dyn.table.vervar.every((v) => v.label.startsWith('03061719 ')));

		const year = 2022;
		const code = chapterWithUnknowns(year);
		const id2 = await vscode.commands.executeCommand<string>('bps.preview', {
			kind: 'trade',
			flow: 'export',
			hs: [code],
			hsLevel: 2,
			years: [year],
			monthly: false,
		});
		const { dyn: d2 } = await rendered(id2);
		// Rows without a country at the same port (or the reverse) are one "unknown" row: their
		// values add up, none is dropped.
		const isUnknown = (label: string) => / · (Unknown|Tidak diketahui)( · |$)/.test(label);
		const expected = tradeRows('export', code, year, false).filter((r) => r.ctr === null || r.pod === null);
		const values = d2.table.values as Float64Array | Array<number | null>;
		const stride = d2.table.turvar.length * d2.table.tahun.length * d2.table.turtahun.length;
		let shown = 0;
		d2.table.vervar.forEach((v, i) => {
			if (isUnknown(v.label)) shown += Number(values[i * stride]);
		});
		const sum = expected.reduce((a, r) => a + Number(r.value), 0);
		assert.ok(expected.length > 0 && shown === sum, `unknown rows hold ${shown} of ${sum} US$`);
	});

	it('insert: tidy rows by the contract, fetch code, and "Insert into editor" from the preview', async () => {
		const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
		await vscode.window.showTextDocument(doc);
		const q = { kind: 'trade', flow: 'export', hs: ['09', '18'], hsLevel: 2, years: [2023], monthly: false };
		const r = await vscode.commands.executeCommand<InsertResult | undefined>('bps.insertData', {
			...q,
			format: 'csv',
		});
		assert.ok(r, 'inserted');
		assert.ok(r.text.startsWith(`# ${ATTRIBUTION}`) || r.text.includes(ATTRIBUTION), r.text.slice(0, 200));
		const lines = r.text.split('\n').filter((l) => l && !l.startsWith('#'));
		assert.equal(lines[0], 'year,month,period,hs_code,hs_description,port,country,value_usd,net_weight_kg');
		const records =
			tradeRows('export', '09', 2023, false).length + tradeRows('export', '18', 2023, false).length;
		assert.equal(lines.length - 1, records, 'one row per record');

		const py = await vscode.commands.executeCommand<InsertResult | undefined>('bps.insertData', {
			...q,
			format: 'python-fetch',
		});
		assert.ok(py, 'fetch code inserted');
		assert.ok(py.text.includes('dataexim'), py.text.slice(0, 400));
		assert.ok(py.text.includes('BPS_API_KEY'), 'the key comes from the environment');
		assert.ok(py.text.includes(ATTRIBUTION));

		// From the preview: the host lays out the trade records it holds, in the tidy schema.
		const target = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
		await vscode.window.showTextDocument(target);
		const id = await vscode.commands.executeCommand<string>('bps.preview', q);
		await rendered(id);
		const p = h.previews.get(id)!;
		await p.onMessage({ type: 'insert', requestId: 9001, format: 'markdown' });
		const done = await until(
			() =>
				p.sent.find(
					(m): m is Extract<HostMessage, { type: 'inserted' }> =>
						m.type === 'inserted' && m.requestId === 9001,
				),
			20_000,
			'the insert answer',
		);
		assert.equal(done.rows, records, JSON.stringify(done));
		assert.match(target.getText(), /\| year \| month \| period \| hs_code/);

		// Export: the grid as the webview sends it, saved with the attribution and the source.
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bps-trade-'));
		const old = h.previews.pickSaveUri;
		h.previews.pickSaveUri = async (name) => vscode.Uri.file(path.join(dir, name));
		try {
			await p.onMessage({
				type: 'export',
				requestId: 9002,
				format: 'csv',
				table: { title: p.panel.title, columns: ['HS', '2023'], rows: [['09 · JAPAN · BELAWAN', 12]] },
			});
			const saved = await until(
				() =>
					p.sent.find(
						(m): m is Extract<HostMessage, { type: 'exported' }> =>
							m.type === 'exported' && m.requestId === 9002,
					),
				10_000,
				'the export answer',
			);
			assert.ok(saved.path, 'saved');
			const csv = fs.readFileSync(saved.path, 'utf8');
			assert.ok(csv.includes(ATTRIBUTION), csv.slice(0, 300));
			assert.ok(csv.includes('09 · JAPAN · BELAWAN'));
		} finally {
			h.previews.pickSaveUri = old;
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('public API: getTrade resolves records with the attribution; bad queries reject', async () => {
		const api = await getExtensionApi();
		const t = await api.getTrade({
			flow: 'import',
			hs: ['27'],
			hsLevel: 2,
			years: [2015, 2016],
			monthly: false,
		});
		assert.equal(t.attribution, ATTRIBUTION);
		assert.ok(t.source.length > 0);
		assert.deepEqual(t.query.years, [2015, 2016]);
		const expected =
			tradeRows('import', '27', 2015, false).length + tradeRows('import', '27', 2016, false).length;
		assert.equal(t.records.length, expected);
		assert.ok(t.records.every((x) => x.hsCode === '27' && (x.year === 2015 || x.year === 2016)));
		assert.ok(t.records.some((x) => typeof x.valueUsd === 'number'));
		await assert.rejects(
			api.getTrade({ flow: 'export', hs: ['0901'], hsLevel: 2, years: [2020], monthly: false }),
			/not 2-digit HS codes: 0901/,
		);
		await assert.rejects(
			api.getTrade({ flow: 'export', hs: ['09'], hsLevel: 2, years: [2013], monthly: false }),
			/starts in 2014/,
		);
	});

	it('faults: a bad HS code, no data, a dropped connection give clear messages', async () => {
		const before = h.messages.length;
		const none = await vscode.commands.executeCommand<string | undefined>('bps.preview', {
			kind: 'trade',
			flow: 'export',
			hs: ['9'],
			hsLevel: 2,
			years: [2020],
			monthly: false,
		});
		assert.equal(none, undefined, 'no panel for a bad code');
		const bad = await until(
			() => h.messages.slice(before).find((m) => m.message.includes('HS')),
			5000,
			'the bad-code message',
		);
		assert.match(bad.message, /^(These are not 2-digit HS codes: 9\.|Ini bukan kode HS 2 digit: 9\.)$/);

		// A year BPS has nothing for: the usual no-data message in the panel.
		const id = await vscode.commands.executeCommand<string>('bps.preview', {
			kind: 'trade',
			flow: 'export',
			hs: ['09'],
			hsLevel: 2,
			years: [TRADE_LAST_YEAR + 1],
			monthly: true,
		});
		const p = h.previews.get(id)!;
		const noData = await until(
			() => p.sent.find((m): m is Extract<HostMessage, { type: 'error' }> => m.type === 'error'),
			30_000,
			'the no-data error',
		);
		assert.match(noData.message, /no data|tidak ada data/i);

		// The connection drops: the network message, not a crash.
		emu.setFaults([{ kind: 'drop', match: { action: 'dataexim' } }]);
		const t0 = emu.requests.length;
		const id2 = await vscode.commands.executeCommand<string>('bps.preview', {
			kind: 'trade',
			flow: 'import',
			hs: ['10'],
			hsLevel: 2,
			years: [2019],
			monthly: false,
		});
		const p2 = h.previews.get(id2)!;
		const net = await until(
			() => p2.sent.find((m): m is Extract<HostMessage, { type: 'error' }> => m.type === 'error'),
			60_000,
			'the network error',
		);
		assert.ok(
			emu.requests.slice(t0).some((r) => r.action === 'dataexim'),
			'the fault was hit',
		);
		assert.match(net.message, /Cannot reach the BPS API|Tidak dapat menghubungi/);
	});
});
