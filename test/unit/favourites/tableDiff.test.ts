import assert from 'node:assert/strict';
import type { DynamicTable } from '../../../src/api/types';
import { diffSnapshots, hasChanges, revisedLines, snapshotOf } from '../../../src/favourites/tableDiff';
import { dynamicTable } from '../helpers/dynamicTable';

/** A 2-row, 1-derived-variable table over `years`, values from `value(row, year)`. */
function table(
	years: string[],
	value: (row: number, year: string) => number,
	lastUpdate = '2024-01-01',
): DynamicTable {
	const vervar = [
		{ val: '3500', label: 'Jawa Timur' },
		{ val: '3300', label: 'Jawa Tengah' },
	];
	const tahun = years.map((y) => ({ val: String(Number(y) - 1900), label: y }));
	const values = new Float64Array(vervar.length * tahun.length);
	vervar.forEach((_, v) => years.forEach((y, t) => (values[v * years.length + t] = value(v, y))));
	const dims = {
		vervar,
		turvar: [{ val: '0', label: 'Tidak ada' }],
		tahun,
		turtahun: [{ val: '0', label: 'Tahunan' }],
	};
	return dynamicTable(dims, values, { decimal: 1, lastUpdate, lang: 'ind', rowTitle: 'Provinsi' });
}
const base = (row: number, year: string) => row * 10 + Number(year) - 2000;

describe('tableDiff', () => {
	it('finds no change between equal snapshots', () => {
		const a = snapshotOf(table(['2022', '2023'], base), ['2022', '2023']);
		const b = snapshotOf(table(['2022', '2023'], base), ['2022', '2023']);
		assert.equal(hasChanges(diffSnapshots(a, b)), false);
	});

	it('lists revised cells with labels, row val and column identity', () => {
		const a = snapshotOf(table(['2022', '2023'], base), ['2022', '2023']);
		const revised = (row: number, year: string) => (row === 0 && year === '2023' ? 12.5 : base(row, year));
		const b = snapshotOf(table(['2022', '2023'], revised, '2024-02-01'), ['2022', '2023']);
		const c = diffSnapshots(a, b);
		assert.deepEqual(c.newPeriods, []);
		assert.equal(c.revised.length, 1);
		assert.deepEqual(c.revised[0], {
			id: '3500|0|123|0',
			row: '3500',
			column: '0|123|0',
			label: 'Jawa Timur 2023',
			from: 23,
			to: 12.5,
		});
		assert.deepEqual(
			revisedLines(c, (x) => (x === undefined ? '–' : x.toFixed(1))),
			['Jawa Timur 2023: 23.0 → 12.5'],
		);
	});

	it('reports a new period without counting its cells as revisions', () => {
		const a = snapshotOf(table(['2022', '2023'], base), ['2022', '2023']);
		const b = snapshotOf(table(['2022', '2023', '2024'], base), ['2022', '2023', '2024']);
		const c = diffSnapshots(a, b);
		assert.deepEqual(c.newPeriods, ['2024']);
		assert.deepEqual(c.revised, []);
	});

	it('counts a cell that lost its value as revised to none', () => {
		const a = snapshotOf(table(['2023'], base), ['2023']);
		const b = snapshotOf(
			table(['2023'], (r, y) => (r === 1 ? NaN : base(r, y))),
			['2023'],
		);
		const c = diffSnapshots(a, b);
		assert.equal(c.revised.length, 1);
		assert.equal(c.revised[0]!.label, 'Jawa Tengah 2023');
		assert.equal(c.revised[0]!.to, undefined);
		assert.deepEqual(
			revisedLines(c, (x) => (x === undefined ? '–' : String(x))),
			['Jawa Tengah 2023: 33 → –'],
		);
	});

	it('names the derived variable only when there is a choice', () => {
		const t = table(['2023'], base);
		t.turvar = [
			{ val: '1', label: 'Laki-laki' },
			{ val: '2', label: 'Perempuan' },
		];
		t.values = new Float64Array([1, 2, 3, 4]);
		const s = snapshotOf(t, ['2023']);
		assert.equal(s.labels['3500|2|123|0'], 'Jawa Timur · Perempuan 2023');
		assert.equal(s.cells['3300|1|123|0'], 3);
	});

	it("with a favourite's view, keeps only the cells it shows", () => {
		const t = table(['2022', '2023'], base);
		const all = snapshotOf(t, ['2022', '2023']);
		assert.equal(Object.keys(all.cells).length, 4);
		const one = snapshotOf(t, ['2022', '2023'], { rows: ['3300'] });
		assert.deepEqual(Object.keys(one.cells), ['3300|0|122|0', '3300|0|123|0']);
		// A derived variable the table does not have shows everything, as the preview does.
		assert.equal(Object.keys(snapshotOf(t, [], { turvar: '999' }).cells).length, 4);
		const after = snapshotOf(
			table(['2022', '2023'], (r, y) => base(r, y) + (r === 0 ? 1 : 0)),
			[],
			{
				rows: ['3300'],
			},
		);
		assert.equal(
			hasChanges(diffSnapshots(one, { ...after, periods: one.periods })),
			false,
			'a row not shown',
		);
	});
});
