import assert from 'node:assert/strict';
import type { ItemRef } from '../../../src/catalogue/itemRef';
import {
	addFavourite,
	changesView,
	moveFavourites,
	parseFavourites,
	removeFavourite,
	renameFavourite,
	type Favourite,
} from '../../../src/favourites/model';

const NOW = new Date('2026-11-30T10:00:00Z');
let n = 0;
const key = () => `k${++n}`;
const v1804: ItemRef = {
	domain: '0000',
	kind: 'var',
	id: 1804,
	title: 'Penduduk Miskin',
	years: ['2018', '2019'],
};

function three(): Favourite[] {
	let list: Favourite[] = [];
	for (const ref of [
		v1804,
		{ domain: '3500', kind: 'statictable', id: 7 } as ItemRef,
		{ domain: '0000', kind: 'publication', id: 'fafd73df0c782f4c2302fd1a', title: 'SI' } as ItemRef,
	])
		list = addFavourite(list, ref, NOW, key).list;
	return list;
}

describe('favourites model', () => {
	beforeEach(() => (n = 0));

	it('pins an item with its years once, named after its title', () => {
		const a = addFavourite([], v1804, NOW, key);
		assert.equal(a.added, true);
		assert.deepEqual(a.favourite, {
			key: 'k1',
			label: 'Penduduk Miskin',
			ref: v1804,
			added: NOW.toISOString(),
		});
		const again = addFavourite(a.list, { ...v1804 }, NOW, key);
		assert.equal(again.added, false);
		assert.equal(again.list.length, 1);
		const otherYears = addFavourite(a.list, { ...v1804, years: ['2020'] }, NOW, key);
		assert.equal(otherYears.list.length, 2, 'other years are another favourite');
		assert.equal(
			addFavourite([], { domain: '3500', kind: 'statictable', id: 7 }, NOW, key).favourite.label,
			'statictable 7',
		);
	});

	it('renames (ignoring blank names), removes and reorders', () => {
		const list = three();
		assert.equal(renameFavourite(list, 'k2', '  Tabel   jatim ')[1]!.label, 'Tabel jatim');
		assert.equal(renameFavourite(list, 'k2', '   ')[1]!.label, 'statictable 7');
		assert.deepEqual(
			removeFavourite(list, 'k2').map((f) => f.key),
			['k1', 'k3'],
		);
		assert.deepEqual(
			moveFavourites(list, ['k3'], 'k1').map((f) => f.key),
			['k3', 'k1', 'k2'],
		);
		assert.deepEqual(
			moveFavourites(list, ['k1'], undefined).map((f) => f.key),
			['k2', 'k3', 'k1'],
		);
		assert.deepEqual(
			moveFavourites(list, ['k1', 'k3'], 'k2').map((f) => f.key),
			['k1', 'k3', 'k2'],
		);
		assert.deepEqual(
			moveFavourites(list, ['k1'], 'k1').map((f) => f.key),
			['k2', 'k3', 'k1'],
		);
	});

	it('reads back what it wrote, and drops invalid entries of a hand-edited file', () => {
		const list = three();
		assert.deepEqual(parseFavourites(JSON.parse(JSON.stringify({ favourites: list }))), {
			favourites: list,
			dropped: 0,
		});
		const parsed = parseFavourites({
			favourites: [
				list[0],
				{ key: 'x', ref: { domain: '35', kind: 'var', id: 1 } },
				{ key: 'y', ref: { domain: '3500', kind: 'nope', id: 1 } },
				{ ref: v1804 },
				{ ...list[0], label: 'duplicate key' },
				{ key: 'z', ref: { domain: '3500', kind: 'var', id: '12' }, label: 42 },
				null,
			],
		});
		assert.deepEqual(
			parsed.favourites.map((f) => [f.key, f.label, f.ref.id]),
			[
				['k1', 'Penduduk Miskin', 1804],
				['z', '12', 12],
			],
		);
		assert.equal(parsed.dropped, 5);
		assert.deepEqual(parseFavourites({ favourites: 'no' }), { favourites: [], dropped: 0 });
		assert.deepEqual(parseFavourites(undefined), { favourites: [], dropped: 0 });
	});

	it('keeps the view a dynamic table was pinned with: the same view is pinned once, another is another', () => {
		const view = { turvar: '811', rows: ['3500', '3578'] };
		const a = addFavourite([], v1804, NOW, key, view);
		assert.deepEqual(a.favourite.view, view);
		assert.equal(addFavourite(a.list, v1804, NOW, key, { ...view }).added, false, 'same view');
		const all = addFavourite(a.list, v1804, NOW, key);
		assert.equal(all.added, true, 'all rows and derived variables is another view');
		assert.equal(all.favourite.view, undefined);
		assert.equal(addFavourite(a.list, v1804, NOW, key, { turvar: '812' }).added, true);
		// "All" ('*') and no choice are no view; a static table has none.
		assert.equal(addFavourite([], v1804, NOW, key, { turvar: '*', rows: [] }).favourite.view, undefined);
		const st = { domain: '3500', kind: 'statictable', id: 7 } as ItemRef;
		assert.equal(addFavourite([], st, NOW, key, view).favourite.view, undefined);
	});

	it('reads a view back, and drops a hand-edited one that is not made of vals', () => {
		const a = addFavourite([], v1804, NOW, key, { turvar: '811', turtahun: '1', rows: ['3500'] }).list;
		assert.deepEqual(parseFavourites(JSON.parse(JSON.stringify({ favourites: a }))).favourites, a);
		const bad = (view: unknown) => parseFavourites({ favourites: [{ ...a[0], view }] }).favourites[0]!.view;
		assert.equal(bad('811'), undefined);
		assert.deepEqual(bad({ turvar: 811, rows: ['3500', 7] }), undefined);
		assert.deepEqual(bad({ turvar: '811', rows: 'all' }), { turvar: '811' });
		assert.deepEqual(bad({ rows: Array.from({ length: 6000 }, (_, i) => String(i)) }), undefined);
	});

	it('"Show changes" opens the pinned years and the new periods, with the cells to mark', () => {
		const [f] = addFavourite([], v1804, NOW, key).list;
		const revised = [{ id: '1|0|119|0', row: '1', column: '0|119|0', label: 'A 2019', from: 1, to: 1.5 }];
		const withChange = {
			...f!,
			watch: { checkedAt: '', change: { at: '', newPeriods: ['2020'], count: 4, revised } },
		};
		const v = changesView(withChange);
		assert.deepEqual(v.ref.years, ['2018', '2019', '2020']);
		assert.deepEqual(v.changes, {
			revised: [{ row: '1', column: '0|119|0', from: 1, to: 1.5 }],
			newPeriods: ['2020'],
			count: 4,
		});
		const noYears = changesView({ ...withChange, ref: { ...v1804, years: undefined } });
		assert.equal(noYears.ref.years, undefined, 'the default window already ends with the newest period');
	});

	it("keeps a static table's cell digests through a save and drops malformed ones", () => {
		const ref: ItemRef = { domain: '0000', kind: 'statictable', id: 2215 };
		const fav = (cells: unknown) => ({
			key: 'k',
			label: 'T',
			ref,
			added: '2026-01-01T00:00:00.000Z',
			watch: { checkedAt: '2026-01-02T00:00:00.000Z', table: { updated: 'x', digest: '0badf00d', cells } },
		});
		const table = (cells: unknown) =>
			parseFavourites({ favourites: [fav(cells)] }).favourites[0].watch?.table;
		assert.deepEqual(table('0badf00d12345678'), {
			updated: 'x',
			digest: '0badf00d',
			cells: '0badf00d12345678',
		});
		assert.deepEqual(table('not hex'), { updated: 'x', digest: '0badf00d' });
		assert.deepEqual(table(42), { updated: 'x', digest: '0badf00d' });
	});
});
