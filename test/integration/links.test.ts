/**
 * Links in the real extension host against the emulator: the registered URI handler opens the
 * preview with the linked years, refuses bad links with a clear message (and fetches nothing for
 * them), and "BPS: Copy Link" writes links from an item and from the active preview that open the
 * same view again.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, type TestEmulator, EXTENSION_ID, setupSuite } from './helpers';
import type { TestHooks as Hooks } from '../../src/testHooks';

describe('links (URI handler, bps.copyLink)', function () {
	this.timeout(60_000);
	let emu: TestEmulator;
	let h: Hooks;
	const base = () => `${vscode.env.uriScheme}://${EXTENSION_ID}`;

	before(async () => {
		({ emu, hooks: h } = await setupSuite());
		assert.ok(h.links && h.previews, 'the links and previews hooks are registered');
	});
	afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));
	after(async () => {
		await emu?.close();
	});

	it('opens a dynamic table with the linked years', async () => {
		const uri = vscode.Uri.parse(`${base()}/open?domain=0000&kind=var&id=1804&years=2018,2019`);
		const id = await h.links!.open(uri);
		assert.ok(id, 'a preview opened');
		const p = h.previews.get(id)!;
		assert.deepEqual(p.ref, { domain: '0000', kind: 'var', id: 1804, years: ['2018', '2019'] });
		const shown = (await waitFor(() => p.shownYears(), 30_000, 'the table is shown')) ?? [];
		assert.deepEqual([...shown].sort(), ['2018', '2019']);
	});

	it('refuses bad links with a message saying what is wrong, and fetches nothing', async () => {
		const cases: Array<[string, RegExp]> = [
			['/open?domain=35&kind=var&id=1804', /region code must be 4 digits.*"35"/],
			['/open?domain=3500&kind=table&id=1804', /unknown item kind "table"/],
			['/open?domain=3500&kind=var&id=abc', /"abc" does not name an item of this kind/],
			['/open?domain=0000&kind=trade&flow=sideways&hs=09&hsLevel=2', /does not name an item of this kind/],
			['/open?domain=3500&kind=var&id=1804&years=2019;2020', /years must be 4-digit years/],
			['/delete?domain=3500&kind=var&id=1804', /unknown action "\/delete"/],
		];
		for (const [link, expected] of cases) {
			const before = emu.requests.length;
			const shownBefore = h.messages.length;
			const panels = h.previews.all().length;
			assert.equal(await h.links!.open(vscode.Uri.parse(`${base()}${link}`)), undefined, link);
			const msg = h.messages.slice(shownBefore).find((m) => m.level === 'error')?.message ?? '';
			assert.match(msg, /^This BPS link cannot be opened: /, link);
			assert.match(msg, expected, link);
			assert.equal(emu.requests.length, before, `${link}: no request`);
			assert.equal(h.previews.all().length, panels, `${link}: no panel`);
		}
	});

	it('copies the link of a tree item', async () => {
		const link = await vscode.commands.executeCommand<string>('bps.copyLink', {
			ref: { domain: '7315', kind: 'statictable', id: 23, title: 'x' },
		});
		assert.equal(link, `${base()}/open?domain=7315&kind=statictable&id=23`);
		assert.equal(await vscode.env.clipboard.readText(), link);
	});

	it('copies the link of the active preview with the years it shows, and the link opens it again', async () => {
		const id = await vscode.commands.executeCommand<string>('bps.preview', {
			domain: '0000',
			kind: 'var',
			id: 1804,
			years: ['2016', '2017'],
		});
		const p = h.previews.get(id)!;
		await waitFor(() => p.shownYears(), 30_000, 'the table is shown');
		await waitFor(() => p.panel.active, 5000, 'the preview is active');
		const link = await vscode.commands.executeCommand<string>('bps.copyLink');
		const shown = p.shownYears() ?? [];
		assert.deepEqual([...shown].sort(), ['2016', '2017']);
		assert.equal(link, `${base()}/open?domain=0000&kind=var&id=1804&years=${shown.join(',')}`);
		assert.equal(await vscode.env.clipboard.readText(), link);
		p.panel.dispose();
		const again = await h.links!.open(vscode.Uri.parse(link));
		const q = h.previews.get(again!)!;
		assert.deepEqual(q.ref.years, shown);
		const shownAgain = (await waitFor(() => q.shownYears(), 30_000, 'shown again')) ?? [];
		assert.deepEqual(shownAgain, shown);
	});

	it('links the newer kinds too: a foreign-trade query and a classification code open again from their links', async () => {
		const trade = { kind: 'trade', flow: 'export', hs: ['09'], hsLevel: 2, years: [2023], monthly: false };
		const tradeLink = await vscode.commands.executeCommand<string>('bps.copyLink', trade);
		assert.equal(
			tradeLink,
			`${base()}/open?domain=0000&kind=trade&flow=export&hs=09&hsLevel=2&monthly=0&years=2023`,
		);
		const t = h.previews.get((await h.links!.open(vscode.Uri.parse(tradeLink)))!)!;
		assert.equal(t.ref.kind, 'trade');
		assert.deepEqual(t.ref.kind === 'trade' && t.ref.hs, ['09']);
		const years = (await waitFor(() => t.shownYears(), 60_000, 'the trade table is shown')) ?? [];
		assert.deepEqual(years, ['2023']);

		const code = { domain: '0000', kind: 'classification', id: 'kbli_2020_0112' };
		const codeLink = await vscode.commands.executeCommand<string>('bps.copyLink', code);
		assert.equal(codeLink, `${base()}/open?domain=0000&kind=classification&id=kbli_2020_0112`);
		const c = h.previews.get((await h.links!.open(vscode.Uri.parse(codeLink)))!)!;
		assert.deepEqual([c.ref.kind, c.ref.id], ['classification', 'kbli_2020_0112']);
		await waitFor(() => c.sent.some((m) => m.type === 'classification'), 60_000, 'the code card is sent');
	});
});
