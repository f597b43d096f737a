/**
 * The favourites update watch in the real extension host against the emulator: at most one check
 * a day per favourite, nothing while offline, a revised value and a new period found and shown on
 * the favourite, "Show changes" opening the preview and clearing the mark, and the setting off.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
	EMULATOR_KEY,
	configure,
	getExtensionApi,
	setKey,
	startTestEmulator,
	waitFor,
	type TestEmulator,
} from './helpers';

interface CellChange {
	row: string;
	column: string;
	label: string;
	from?: number;
	to?: number;
}
interface Watch {
	checkedAt: string;
	snapshot?: { lastUpdate: string; periods: string[] };
	change?: { newPeriods: string[]; count: number; revised: CellChange[] };
}
interface Favourite {
	key: string;
	label: string;
	ref: { domain: string; kind: string; id: number | string; years?: string[]; title?: string };
	watch?: Watch;
}
interface Highlight {
	revised: Array<{ row: string; column: string; from?: number; to?: number }>;
	newPeriods: string[];
	count: number;
}
interface Round {
	checked: number;
	changed: number;
	stopped?: string;
}
interface Hooks {
	favourites: {
		list(): Promise<Favourite[]>;
		update(fn: (l: Favourite[]) => Favourite[]): Promise<Favourite[]>;
	};
	favouritesView: vscode.TreeDataProvider<Favourite>;
	messages: Array<{ level: string; message: string }>;
	previews: {
		get(id: string):
			| {
					ref: Favourite['ref'];
					panel: vscode.WebviewPanel;
					sent: Array<{ type: string; changes?: Highlight }>;
					received: Array<{ type: string; cells?: number; periods?: number; summary?: string }>;
			  }
			| undefined;
	};
}

const exec = <T>(cmd: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(cmd, ...args);
const VAR = { domain: '0000', kind: 'var', id: 1804, title: 'Kemiskinan' };
const YESTERDAY = () => new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();

describe('favourites watch', function () {
	this.timeout(90_000);
	let emu: TestEmulator;
	let h: Hooks;
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
		emu = await startTestEmulator();
		assert.equal(await setKey(EMULATOR_KEY), true);
		h = (await getExtensionApi())._test as unknown as Hooks;
		await configure({ 'favourites.location': undefined, 'favourites.watch': undefined });
		await h.favourites.update(() => []);
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
			await waitFor(() => panel.sent.find((m) => m.type === 'highlight')!, 60_000, 'the highlight is sent')
		).changes;
		assert.deepEqual(
			sent?.revised.map((r) => `${r.row}|${r.column}`),
			change.revised.map((r) => `${r.row}|${r.column}`),
		);
		assert.deepEqual(sent?.newPeriods, change.newPeriods);
		const shown = await waitFor(
			() => panel.received.find((m) => m.type === 'highlighted')!,
			60_000,
			'the webview marks the changes in its grid',
		);
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
