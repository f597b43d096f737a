/**
 * The pure half of the dynamic-table view (src/webview/dynamicModel.ts): the sort and the
 * selection follow column and row identity across pivots, aggregate rows stay on top, and the
 * chart puts time alone on the x axis with one series per region × derived variable.
 */
import assert from 'node:assert/strict';
import { pivot } from '../../../src/api/table';
import type { DynamicTable } from '../../../src/api/types';
import {
	aggregateRanks,
	chartSeries,
	layoutIds,
	LABEL_COLUMN,
	pinRanks,
	pivotSpec,
	selectedRows,
	sortColumn,
	sortState,
	updateSelection,
	type LayoutChoice,
} from '../../../src/webview/dynamicModel';
import { viewRows } from '../../../src/webview/gridOrder';
import { dim, dynamicTable } from '../helpers/dynamicTable';

/** Regions × sex × 2 years × (annual | months), value = a readable code of its coordinates. */
function table(opts: { months?: boolean } = {}): DynamicTable {
	const vervar = dim([
		['1100', 'ACEH'],
		['3500', 'JAWA TIMUR'],
		['3501', 'PACITAN'],
		['3578', 'KOTA SURABAYA'],
		['9999', 'INDONESIA'],
	]);
	const turvar = dim([
		['811', 'Male'],
		['812', 'Female'],
		['813', 'Male+Female'],
	]);
	const tahun = dim([
		['123', '2023'],
		['124', '2024'],
	]);
	const turtahun = opts.months
		? dim([
				['1', 'January'],
				['2', 'February'],
				['13', 'Annual'],
			])
		: dim([['0', 'Year']]);
	const n = vervar.length * turvar.length * tahun.length * turtahun.length;
	const values = new Float64Array(n);
	let i = 0;
	for (let v = 0; v < vervar.length; v++)
		for (let tv = 0; tv < turvar.length; tv++)
			for (let th = 0; th < tahun.length; th++)
				for (let tt = 0; tt < turtahun.length; tt++) values[i++] = v * 1000 + tv * 100 + th * 10 + tt;
	// ACEH · Male · 2023 is missing.
	values[0] = NaN;
	return dynamicTable({ vervar, turvar, tahun, turtahun }, values);
}

function layout(tb: DynamicTable, c: LayoutChoice) {
	const spec = pivotSpec(tb, c);
	const r = pivot(tb, spec);
	return { spec, r, ids: layoutIds(tb, spec, r) };
}

describe('webview dynamic model', () => {
	it('pivot spec: regions × years × derived variable, or one derived variable, or swapped', () => {
		const tb = table();
		assert.deepEqual(pivotSpec(tb, {}), { rows: ['vervar'], cols: ['tahun', 'turvar'], filter: {} });
		assert.deepEqual(pivotSpec(tb, { turvar: '812' }), {
			rows: ['vervar'],
			cols: ['tahun'],
			filter: { turvar: ['812'] },
		});
		assert.deepEqual(pivotSpec(tb, { turvar: 'nope', swapped: true, rows: ['1100'] }), {
			rows: ['tahun', 'turvar'],
			cols: ['vervar'],
			filter: { vervar: ['1100'] },
		});
	});

	it('a sort on "Female 2024" follows its column when the derived variable changes', () => {
		const tb = table();
		const all = layout(tb, { turvar: '*' });
		const col = all.r.colHeaders.findIndex((h) => h.join(' ') === '2024 Female');
		const s = sortState(all.ids.cols, col, -1);
		assert.equal(s.key, 'turvar=812&tahun=124&turtahun=0');
		// Only "Female": the same data is column 1 (2024) — not whatever is at the old position.
		const female = layout(tb, { turvar: '812' });
		assert.equal(sortColumn(female.ids.cols, s), 1);
		assert.deepEqual(female.r.colHeaders[1], ['2024']);
		// Only "Male": that column is not shown, so no column is marked sorted…
		assert.equal(sortColumn(layout(tb, { turvar: '811' }).ids.cols, s), undefined);
		// …and back to "All" it is the 2024 Female column again.
		assert.equal(sortColumn(all.ids.cols, s), col);
		assert.equal(sortColumn(all.ids.cols, sortState(all.ids.cols, -1, 1)), -1);
		assert.equal(sortState(all.ids.cols, -1, 1).key, LABEL_COLUMN);
		assert.equal(sortColumn(all.ids.cols, sortState(all.ids.cols, undefined, 1)), undefined);
	});

	it('sort and selection survive swapping the axes twice', () => {
		const tb = table();
		const a = layout(tb, { turvar: '813' });
		const s = sortState(a.ids.cols, 0, 1);
		let keys = updateSelection(new Set(), a.ids.rows, [0, 3]);
		assert.deepEqual([...keys], ['vervar=1100', 'vervar=3578']);
		const b = layout(tb, { turvar: '813', swapped: true });
		assert.equal(sortColumn(b.ids.cols, s), undefined, 'periods are rows now');
		assert.deepEqual(selectedRows(b.ids.rows, keys), []);
		// Selecting a period while swapped keeps the regions for later.
		keys = updateSelection(keys, b.ids.rows, [1]);
		assert.equal(keys.size, 3);
		const c = layout(tb, { turvar: '813' });
		assert.equal(sortColumn(c.ids.cols, s), 0);
		assert.deepEqual(selectedRows(c.ids.rows, keys), [0, 3]);
		// Deselecting in this layout drops only this layout's rows.
		keys = updateSelection(keys, c.ids.rows, [3]);
		assert.deepEqual(selectedRows(c.ids.rows, keys), [3]);
		assert.equal(keys.size, 2);
	});

	it('aggregates: 9999 / INDONESIA first, a province above its regencies; categories never', () => {
		const ranks = aggregateRanks(table().vervar);
		assert.deepEqual(
			[...ranks],
			[
				['3500', 2],
				['9999', 0],
			],
		);
		// Regencies whose code ends in 0 are not aggregates of their neighbours.
		assert.equal(
			aggregateRanks(
				dim([
					['3510', 'BANYUWANGI'],
					['3511', 'BONDOWOSO'],
					['3520', 'MAGETAN'],
				]),
			).size,
			0,
		);
		assert.deepEqual(
			[
				...aggregateRanks(
					dim([
						['3578000', 'KOTA SURABAYA'],
						['3578010', 'KARANG PILANG'],
						['3578020', 'JAMBANGAN'],
					]),
				),
			],
			[['3578000', 4]],
		);
		assert.equal(
			aggregateRanks(
				dim([
					['1100', 'ACEH'],
					['1200', 'SUMATERA UTARA'],
				]),
			).size,
			0,
		);
		assert.equal(
			aggregateRanks(
				dim([
					['10', '10-14'],
					['11', '15-19'],
					['1', '0-4'],
				]),
			).size,
			0,
		);
		assert.deepEqual(
			[
				...aggregateRanks(
					dim([
						['0', 'x'],
						['5', 'Indonesia '],
					]),
				),
			],
			[['5', 0]],
		);
	});

	it('aggregate rows stay pinned on top whatever the sort, and still obey the filter', () => {
		const tb = table();
		const { spec, r } = layout(tb, { turvar: '813' });
		const m = {
			nRows: r.nRows,
			rowLabel: (i: number) => r.rowHeaders[i].join(' '),
			value: (i: number, c: number) => r.cells[i * r.nCols + c],
			pinned: pinRanks(tb, spec, r),
		};
		const labels = (rows: number[]) => rows.map((i) => r.rowHeaders[i][0]);
		assert.deepEqual(labels(viewRows(m, '', undefined, 1)), [
			'INDONESIA',
			'JAWA TIMUR',
			'ACEH',
			'PACITAN',
			'KOTA SURABAYA',
		]);
		assert.deepEqual(labels(viewRows(m, '', 0, -1)), [
			'INDONESIA',
			'JAWA TIMUR',
			'KOTA SURABAYA',
			'PACITAN',
			'ACEH',
		]);
		assert.deepEqual(labels(viewRows(m, 'a', -1, 1)), [
			'INDONESIA',
			'JAWA TIMUR',
			'ACEH',
			'KOTA SURABAYA',
			'PACITAN',
		]);
		assert.deepEqual(labels(viewRows(m, 'kota', 0, 1)), ['KOTA SURABAYA']);
		// Swapped: the rows are periods, nothing is pinned.
		const sw = layout(tb, { turvar: '813', swapped: true });
		assert.equal(pinRanks(tb, sw.spec, sw.r)(0), undefined);
	});

	it('chart with derived variable "All": one series per region × derived variable, years on x', () => {
		const tb = table();
		const cs = chartSeries(tb, { turvar: '*' }, ['1100', '3578']);
		assert.deepEqual(cs.labels, ['2023', '2024'], 'time only on the x axis');
		assert.deepEqual(
			cs.series.map((s) => s.name),
			[
				'ACEH · Male',
				'ACEH · Female',
				'ACEH · Male+Female',
				'KOTA SURABAYA · Male',
				'KOTA SURABAYA · Female',
				'KOTA SURABAYA · Male+Female',
			],
		);
		// ACEH Male 2023 is the missing cell; SURABAYA Female 2024 = v3 tv1 th1.
		assert.ok(Number.isNaN(cs.series[0].values[0]));
		assert.deepEqual(cs.series[4].values, [3100, 3110]);
		assert.equal(cs.dropped, 0);
		const one = chartSeries(tb, { turvar: '812' }, ['1100']);
		assert.deepEqual(
			one.series.map((s) => s.name),
			['ACEH · Female'],
		);
	});

	it('chart of a monthly table: months in time order, the annual aggregate left out; a chosen month is a series', () => {
		const tb = table({ months: true });
		const cs = chartSeries(tb, { turvar: '813' }, ['9999']);
		assert.deepEqual(cs.labels, ['2023 January', '2023 February', '2024 January', '2024 February']);
		assert.deepEqual(
			cs.series.map((s) => s.name),
			['INDONESIA · Male+Female'],
		);
		assert.deepEqual(cs.series[0].values, [4200, 4201, 4210, 4211]);
		const feb = chartSeries(tb, { turvar: '813', turtahun: '2' }, ['9999']);
		assert.deepEqual(feb.labels, ['2023', '2024']);
		assert.deepEqual(
			feb.series.map((s) => s.name),
			['INDONESIA · Male+Female · February'],
		);
	});

	it('chart series are capped, and the cap says how many were left out', () => {
		const tb = table();
		const cs = chartSeries(tb, {}, ['1100', '3500', '3501', '3578', '9999']);
		assert.equal(cs.series.length, 12);
		assert.equal(cs.dropped, 3);
		assert.deepEqual(chartSeries(tb, {}, ['nope']).series, []);
	});
});
