/**
 * Favourites in the real extension host: pin from an item and from the active preview, the view's
 * items, reorder through the view's drag-and-drop controller, rename, open (the preview gets the
 * pinned years back), remove, and the workspace file `.vscode/bps.json`.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { configure, waitFor, type TestEmulator, setupSuite } from './helpers';
import type { Favourite } from '../../src/favourites/model';
import type { TestHooks } from '../../src/testHooks';
import { favouriteHooks, type FavouriteHooks } from './favouriteHooks';

const exec = <T>(cmd: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(cmd, ...args);
const VAR = { domain: '0000', kind: 'var', id: 1804, title: 'Kemiskinan', years: ['2018', '2019'] };

describe('favourites', function () {
	this.timeout(60_000);
	let emu: TestEmulator;
	let h: FavouriteHooks;

	before(async () => {
		let hooks: TestHooks;
		({ emu, hooks } = await setupSuite({ 'favourites.location': undefined }));
		h = favouriteHooks(hooks);
		await h.favourites.update(() => []);
	});
	after(async () => {
		await h.favourites.update(() => []);
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await emu?.close();
	});

	it('pins items once, lists them in the view, reorders by drag and drop, renames and removes', async () => {
		const a = await exec<Favourite>('bps.addFavourite', VAR);
		assert.equal(a.label, 'Kemiskinan');
		assert.deepEqual(a.ref.years, ['2018', '2019']);
		await exec('bps.addFavourite', { ...VAR });
		assert.equal((await h.favourites.list()).length, 1, 'the same item with the same years is pinned once');
		const b = await exec<Favourite>('bps.addFavourite', {
			ref: { domain: '7315', kind: 'statictable', id: 23 },
		});
		const c = await exec<Favourite>('bps.addFavourite', {
			domain: '0000',
			kind: 'pressrelease',
			id: 26,
			title: 'BRS',
		});

		const view = h.favouritesView;
		const items = (await view.getChildren())!;
		assert.deepEqual(
			items.map((f) => f.key),
			[a.key, b.key, c.key],
		);
		const ti = await view.getTreeItem(items[0]!);
		assert.equal(ti.label, 'Kemiskinan');
		assert.match(String(ti.description), /1804 · 0000 · 2018, 2019$/);
		assert.equal(ti.command?.command, 'bps.openFavourite');

		// Drag the last one onto the first: it goes before it.
		const dt = new vscode.DataTransfer();
		view.handleDrag([c], dt);
		await view.handleDrop(a, dt);
		assert.deepEqual(
			(await view.getChildren())!.map((f) => f.key),
			[c.key, a.key, b.key],
		);

		assert.equal(await exec('bps.renameFavourite', b, '  Tabel Pinrang '), 'Tabel Pinrang');
		assert.equal((await h.favourites.list()).find((f) => f.key === b.key)?.label, 'Tabel Pinrang');

		assert.equal(await exec('bps.removeFavourite', c, [c, b]), 2);
		assert.deepEqual(
			(await h.favourites.list()).map((f) => f.key),
			[a.key],
		);
	});

	it('opening a favourite restores its years; pinning the active preview keeps what it shows', async () => {
		const [fav] = await h.favourites.list();
		const id = await exec<string>('bps.openFavourite', fav);
		const p = h.previews.get(id)!;
		assert.deepEqual(p.ref.years, ['2018', '2019']);
		const shown = (await waitFor(() => p.shownYears(), 30_000, 'the table is shown')) ?? [];
		assert.deepEqual([...shown].sort(), ['2018', '2019']);
		p.panel.dispose();

		const id2 = await exec<string>('bps.preview', {
			domain: '0000',
			kind: 'var',
			id: 1804,
			years: ['2016', '2017'],
		});
		const p2 = h.previews.get(id2)!;
		await waitFor(() => p2.shownYears(), 30_000, 'the second table is shown');
		await waitFor(() => p2.panel.active, 5000, 'the preview is active');
		const pinned = await exec<Favourite>('bps.addFavourite');
		assert.deepEqual(pinned.ref.years, p2.shownYears());
		assert.equal((await h.favourites.list()).length, 2);
	});

	it('pins a foreign-trade query with its parameters, named like its preview, and opens it again', async () => {
		const q = { kind: 'trade', flow: 'export', hs: ['09'], hsLevel: 2, years: [2022, 2023], monthly: false };
		const fav = await exec<Favourite>('bps.addFavourite', q);
		assert.equal(fav.ref.kind, 'trade');
		assert.match(fav.label, /HS.*09/);
		assert.deepEqual(fav.ref.years, ['2022', '2023']);
		assert.equal(
			(await exec<Favourite>('bps.addFavourite', q)).key,
			fav.key,
			'the same query is pinned once',
		);
		const id = await exec<string>('bps.openFavourite', fav.key);
		const p = h.previews.get(id)!;
		assert.equal(p.ref.kind, 'trade');
		assert.deepEqual(p.ref.kind === 'trade' && p.ref.hs, ['09']);
		const shown = await waitFor(() => p.shownYears(), 60_000, 'the trade table is shown');
		assert.deepEqual([...(shown ?? [])].sort(), ['2022', '2023']);
		p.panel.dispose();
		await h.favourites.update((l) => l.filter((f) => f.key !== fav.key));
	});

	it('kept in the workspace, favourites are written to .vscode/bps.json (other keys kept)', async () => {
		const file = h.favourites.file();
		assert.ok(file, 'the test host has a folder open');
		const existed = fs.existsSync(file.fsPath);
		assert.equal(existed, false, 'no .vscode/bps.json in the test folder beforehand');
		try {
			fs.mkdirSync(path.dirname(file.fsPath), { recursive: true });
			fs.writeFileSync(file.fsPath, JSON.stringify({ note: 'team settings' }));
			await configure({ 'favourites.location': 'workspace' });
			assert.deepEqual(await h.favourites.list(), [], 'the workspace list starts empty');
			await exec('bps.addFavourite', VAR);
			const json = JSON.parse(fs.readFileSync(file.fsPath, 'utf8'));
			assert.equal(json.note, 'team settings');
			assert.equal(json.favourites.length, 1);
			assert.deepEqual(json.favourites[0].ref, VAR);

			// A broken file is never overwritten.
			fs.writeFileSync(file.fsPath, '{ broken');
			const before = h.messages.length;
			// The error message waits for its "Show Log" button: not awaited.
			void exec('bps.addFavourite', { domain: '0000', kind: 'var', id: 9514 });
			const shown = await waitFor(
				() => h.messages.slice(before).find((m) => m.level === 'error'),
				10_000,
				'an error message',
			);
			assert.match(shown!.message, /bps\.json is not valid JSON\. Fix or delete it/);
			assert.equal(fs.readFileSync(file.fsPath, 'utf8'), '{ broken');
		} finally {
			await configure({ 'favourites.location': undefined });
			fs.rmSync(file.fsPath, { force: true });
			if (fs.readdirSync(path.dirname(file.fsPath)).length === 0) fs.rmdirSync(path.dirname(file.fsPath));
		}
	});
});
