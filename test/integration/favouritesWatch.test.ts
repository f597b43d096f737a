/**
 * The favourites update watch in the real extension host against the emulator: at most one check
 * a day per favourite, nothing while offline, a revised value and a new period found and shown on
 * the favourite, "Show changes" opening the preview with the changes highlighted in its grid and
 * clearing the mark, and the setting off. Favourites keep the view they were pinned from (rows,
 * derived variable), open with it, and the watch compares only what they show.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURE_IDS } from '../emulator/server';
import { configure, setupSuite, waitFor, type TestEmulator } from './helpers';
import type { Favourite } from '../../src/favourites/model';
import type { WatchRound as Round } from '../../src/favourites/watch';
import type { HostMessage as Sent, WebviewMessage as Received } from '../../src/preview/protocol';
import { favouriteHooks, type FavouriteHooks } from './favouriteHooks';

const exec = <T>(cmd: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(cmd, ...args);
const VAR = { domain: '0000', kind: 'var', id: 1804, title: 'Kemiskinan' };
const YESTERDAY = () => new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();

/** The emulator up, its key stored, favourites in global state with none pinned and the watch on. */
async function start(): Promise<{ emu: TestEmulator; h: FavouriteHooks }> {
	const { emu, hooks } = await setupSuite({
		'favourites.location': undefined,
		'favourites.watch': undefined,
	});
	const h = favouriteHooks(hooks);
	await h.favourites.update(() => []);
	return { emu, h };
}

type Highlighted = Extract<Received, { type: 'highlighted' }>;

/** The webview's `highlighted` answer to "Show changes": what it marked, once it has. */
async function highlighted(panel: { received: readonly Received[] }, what: string): Promise<Highlighted> {
	return (await waitFor(
		() => panel.received.find((m): m is Highlighted => m.type === 'highlighted'),
		60_000,
		what,
	))!;
}

describe('favourites watch', function () {
	this.timeout(90_000);
	let emu: TestEmulator;
	let h: FavouriteHooks;
	let fav: Favourite;

	const current = async () => (await h.favourites.list()).find((f) => f.key === fav.key)!;
	/** Makes the favourite due again, as on the next day. */
	const dueAgain = () =>
		h.favourites.update((l) =>
			l.map((f) =>
				f.key === fav.key && f.watch ? { ...f, watch: { ...f.watch, checkedAt: YESTERDAY() } } : f,
			),
		);

	before(async () => {
		({ emu, h } = await start());
		fav = (await exec<Favourite>('bps.addFavourite', VAR))!;
	});
	after(async () => {
		await configure({ 'favourites.watch': undefined });
		await h.favourites.update(() => []);
		await exec('workbench.action.closeAllEditors');
		await emu?.close();
	});

	it('checks a favourite at most once a day: the second run the same day sends no request', async () => {
		emu.resetRequests();
		const first = await exec<Round>('bps.checkFavourites');
		assert.equal(first.checked, 1);
		assert.equal(first.changed, 0, 'the first check only keeps the cells');
		const sent = emu.requests.filter((r) => r.params.var === '1804');
		assert.ok(
			sent.some((r) => r.params.model === 'th'),
			'the periods were asked',
		);
		assert.ok(
			sent.some((r) => r.params.model === 'data'),
			'the data were asked',
		);
		const w = (await current()).watch!;
		assert.ok(w.snapshot && w.snapshot.periods.length > 0);
		assert.equal(w.change, undefined);

		const n = emu.requests.length;
		const second = await exec<Round>('bps.checkFavourites');
		assert.deepEqual(second, { checked: 0, changed: 0 });
		assert.equal(emu.requests.length, n, 'no request on the same day');
	});

	it('does nothing while offline: no mark, no message, checked again later', async () => {
		await dueAgain();
		const before = (await current()).watch!;
		const shown = h.messages.length;
		emu.revise('0000', 1804);
		// Only the watch's requests fail: a tree refresh meanwhile must not turn into a toast of its own.
		emu.setFaults([{ kind: 'drop', match: { var: '1804' } }]);
		try {
			const round = await exec<Round>('bps.checkFavourites');
			assert.equal(round.stopped, 'offline');
			assert.equal(round.changed, 0);
		} finally {
			emu.clearFaults();
		}
		const after = (await current()).watch!;
		assert.equal(after.checkedAt, before.checkedAt, 'an offline check does not count');
		assert.equal(after.change, undefined);
		assert.deepEqual(h.messages.slice(shown), [], 'no toast');
	});

	it('finds a revised value and a new period and marks the favourite with them', async () => {
		emu.addPeriod('0000', 1804);
		const round = await exec<Round>('bps.checkFavourites');
		assert.equal(round.changed, 1);
		const w = (await current()).watch!;
		const c = w.change!;
		assert.equal(c.newPeriods.length, 1, JSON.stringify(c.newPeriods));
		const lastKnown = Math.max(...w.snapshot!.periods.filter((p) => p !== c.newPeriods[0]).map(Number));
		assert.equal(c.newPeriods[0], String(lastKnown + 1));
		assert.equal(c.count, 3, 'three cells revised by the emulator');
		for (const r of c.revised) {
			assert.equal(Math.round((r.to! - r.from!) * 100) / 100, 0.5, JSON.stringify(r));
			assert.match(r.label, new RegExp(`${lastKnown}$`));
		}

		const item = await h.favouritesView.getTreeItem(await current());
		assert.match(String(item.contextValue), /;changed$/);
		assert.equal((item.iconPath as vscode.ThemeIcon).id, 'diff-modified');
		const tip = String(item.tooltip);
		assert.ok(tip.includes(c.newPeriods[0]!), tip);
		assert.ok(tip.includes(`${c.revised[0]!.label}: `), tip);
		assert.ok(tip.includes('→'), tip);
	});

	it('"Show changes" opens the preview, the grid highlights the changes, and the mark goes', async () => {
		const change = (await current()).watch!.change!;
		const id = await exec<string>('bps.showFavouriteChanges', fav.key);
		assert.ok(id);
		const panel = h.previews.get(id)!;
		assert.equal(panel?.ref.id, 1804);
		// The host sends the cells by identity once the webview is ready; it answers when its grid marks them.
		const sent = (
			await waitFor(
				() => panel.sent.find((m): m is Extract<Sent, { type: 'highlight' }> => m.type === 'highlight')!,
				60_000,
				'the highlight is sent',
			)
		).changes;
		assert.deepEqual(
			sent?.revised.map((r) => `${r.row}|${r.column}`),
			change.revised.map((r) => `${r.row}|${r.column}`),
		);
		assert.deepEqual(sent?.newPeriods, change.newPeriods);
		const shown = await highlighted(panel, 'the webview marks the changes in its grid');
		assert.equal(shown.cells, 3, 'the three revised cells are in the grid');
		assert.equal(shown.periods, 1, 'the new period is a column of the grid');
		assert.match(String(shown.summary), /3/);
		assert.ok(String(shown.summary).includes(change.newPeriods[0]!), shown.summary);
		const f = await current();
		assert.equal(f.watch?.change, undefined);
		assert.ok(f.watch?.snapshot, 'the cells stay the base of the next check');
		const item = await h.favouritesView.getTreeItem(f);
		assert.doesNotMatch(String(item.contextValue), /changed/);
	});

	it('sends no request with bps.favourites.watch off', async () => {
		await exec('workbench.action.closeAllEditors'); // no preview still loading
		await configure({ 'favourites.watch': false });
		await dueAgain();
		emu.resetRequests();
		const round = await exec<Round>('bps.checkFavourites');
		assert.equal(round.stopped, 'off');
		assert.equal(round.checked, 0);
		assert.equal(emu.requests.length, 0);
		await configure({ 'favourites.watch': undefined });
	});
});

describe('favourites keep their view', function () {
	this.timeout(120_000);
	let emu: TestEmulator;
	let h: FavouriteHooks;
	const DERIVED = { domain: '0000', kind: 'var', id: 501, title: 'AHH' };

	/** The last UI state the panel's webview reported. */
	const lastUi = (p: NonNullable<ReturnType<FavouriteHooks['previews']['get']>>) =>
		p.received.filter((m): m is Extract<Received, { type: 'state' }> => m.type === 'state').at(-1)?.state.ui;
	const table = async (p: NonNullable<ReturnType<FavouriteHooks['previews']['get']>>) =>
		(
			await waitFor(
				() => p.sent.find((m): m is Extract<Sent, { type: 'dynamic' }> => m.type === 'dynamic')!,
				60_000,
				'the table is sent',
			)
		).table;

	before(async () => {
		({ emu, h } = await start());
		await exec('workbench.action.closeAllEditors');
	});
	after(async () => {
		await h.favourites.update(() => []);
		await exec('workbench.action.closeAllEditors');
		await emu?.close();
	});

	it('pins the rows and derived variable the preview shows, and opens the favourite with them', async () => {
		const p = h.previews.get((await exec<string>('bps.preview', DERIVED))!)!;
		const tb = await table(p);
		assert.ok(tb.turvar.length > 1, 'a table with a choice of derived variables');
		const view = { turvar: tb.turvar[1]!.val, rows: tb.vervar.slice(0, 2).map((v) => v.val) };
		// The choices go to the webview as a favourite's would; it lays out the grid and reports them.
		p.post({ type: 'view', view });
		await waitFor(() => lastUi(p)?.turvar === view.turvar, 30_000, 'the webview shows the derived variable');
		await waitFor(() => p.panel.active, 5000, 'the preview is active');
		const pinned = (await exec<Favourite>('bps.addFavourite'))!;
		assert.deepEqual(pinned.view, view);
		const other = (await exec<Favourite>('bps.addFavourite', DERIVED))!;
		assert.notEqual(other.key, pinned.key, 'all rows and derived variables is another favourite');
		assert.equal(other.view, undefined);

		await exec('workbench.action.closeAllEditors');
		const q = h.previews.get((await exec<string>('bps.openFavourite', pinned.key))!)!;
		await waitFor(
			() => lastUi(q)?.turvar === view.turvar,
			60_000,
			'the favourite opens with its derived variable',
		);
		assert.deepEqual(lastUi(q)?.rows, view.rows);
		// Its grid: the two rows, one column per year (one derived variable, not all of them).
		const rendered = await waitFor(
			() =>
				q.received
					.filter((m): m is Extract<Received, { type: 'rendered' }> => m.type === 'rendered')
					.find((m) => m.modelRows === 2)!,
			60_000,
			'the grid with the pinned rows',
		);
		assert.equal(rendered.modelCols, (await table(q)).tahun.length);

		// Opening the favourite of the whole table again shows every row and derived variable.
		await exec('bps.openFavourite', other.key);
		await waitFor(
			() => lastUi(q)?.turvar === undefined && lastUi(q)?.rows === undefined,
			30_000,
			'all again',
		);
	});

	it('the watch compares what each favourite shows: a revision of another derived variable is not news', async () => {
		await exec('workbench.action.closeAllEditors');
		const first = await exec<Round>('bps.checkFavourites');
		assert.equal(first.checked, 2);
		const [narrow, whole] = await h.favourites.list();
		assert.ok(narrow?.view && whole && !whole.view);
		// The emulator revises the first derived variable only; the narrow favourite shows the second.
		emu.revise('0000', 501);
		await h.favourites.update((l) =>
			l.map((f) => (f.watch ? { ...f, watch: { ...f.watch, checkedAt: YESTERDAY() } } : f)),
		);
		const round = await exec<Round>('bps.checkFavourites');
		assert.equal(round.checked, 2);
		assert.equal(round.changed, 1);
		const [n2, w2] = await h.favourites.list();
		assert.equal(n2!.watch?.change, undefined, 'the favourite of the second derived variable is unchanged');
		assert.equal(w2!.watch?.change?.count, 3, 'the whole table has the three revised cells');
	});
});

describe('favourites watch: static tables', function () {
	this.timeout(90_000);
	let emu: TestEmulator;
	let h: FavouriteHooks;
	const STATIC = { domain: '0000', kind: 'statictable', id: FIXTURE_IDS.staticTable, title: 'Tabel' };

	before(async () => ({ emu, h } = await start()));
	after(async () => {
		await h.favourites.update(() => []);
		await exec('workbench.action.closeAllEditors');
		await emu?.close();
	});

	it('marks a static table whose update date and content changed, and says so in the view', async () => {
		const fav = (await exec<Favourite>('bps.addFavourite', STATIC))!;
		const current = async () => (await h.favourites.list()).find((f) => f.key === fav.key)!;
		emu.resetRequests();
		assert.equal((await exec<Round>('bps.checkFavourites')).checked, 1);
		assert.ok(
			emu.requests.some((r) => r.params.model === 'statictable' && r.params.id === String(STATIC.id)),
			'the table was asked for',
		);
		const before = (await current()).watch!;
		assert.ok(before.table?.updated && before.table.digest);
		assert.equal(before.change, undefined);

		emu.reviseStatic('0000', STATIC.id);
		await h.favourites.update((l) =>
			l.map((f) => (f.watch ? { ...f, watch: { ...f.watch, checkedAt: YESTERDAY() } } : f)),
		);
		const round = await exec<Round>('bps.checkFavourites');
		assert.equal(round.changed, 1);
		const change = (await current()).watch!.change!;
		const cells = change.table?.cells;
		assert.ok(cells?.length === 1, `one cell revised in place: ${JSON.stringify(change.table)}`);
		assert.deepEqual(change.table, {
			from: before.table.updated,
			to: '2026-12-01',
			content: true,
			cells,
			cellCount: 1,
		});
		const item = await h.favouritesView.getTreeItem(await current());
		assert.match(String(item.contextValue), /;changed$/);
		assert.ok(String(item.tooltip).includes(`${before.table.updated} → 2026-12-01`), String(item.tooltip));

		// "Show changes" opens the table with the changed cell marked, and the mark in the list goes.
		const id = await exec<string>('bps.showFavouriteChanges', fav.key);
		const panel = h.previews.get(id)!;
		assert.equal(panel.ref.id, STATIC.id);
		const shown = await highlighted(panel, 'the webview marks the changed cell');
		assert.equal(shown.cells, 1, 'the revised cell is marked in the table');
		assert.match(String(shown.summary), /2026-12-01/);
		assert.match(String(shown.summary), /Changed cells: 1/);
		assert.equal((await current()).watch?.change, undefined);
		panel.panel.dispose();

		// A revision that adds a row changes the layout: the change says so, no cells are compared.
		emu.reviseStatic('0000', STATIC.id, { addRow: true });
		await h.favourites.update((l) =>
			l.map((f) => (f.watch ? { ...f, watch: { ...f.watch, checkedAt: YESTERDAY() } } : f)),
		);
		assert.equal((await exec<Round>('bps.checkFavourites')).changed, 1);
		const layout = (await current()).watch!.change!.table!;
		assert.equal(layout.content, true);
		assert.equal(layout.cells, undefined, 'cells are not compared across layouts');
		const id2 = await exec<string>('bps.showFavouriteChanges', fav.key);
		const panel2 = h.previews.get(id2)!;
		const shown2 = await highlighted(panel2, 'the webview says the layout changed');
		assert.equal(shown2.cells, 0);
		assert.match(String(shown2.summary), /layout changed/);
	});
});
