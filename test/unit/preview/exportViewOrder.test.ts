/**
 * The row order the preview shows, copies and exports (src/webview/gridOrder.ts), and the default
 * period choice (src/catalogue/periods.ts). Pure: no DOM, no vscode.
 */
import assert from 'node:assert/strict';
import { viewRows, type OrderModel } from '../../../src/webview/gridOrder';
import { defaultPeriods, sortPeriods } from '../../../src/catalogue/periods';

function model(labels: string[], col0: number[]): OrderModel {
	return { nRows: labels.length, rowLabel: (r) => labels[r], value: (r) => col0[r] };
}

describe('preview view order (sort / filter)', () => {
	const m = model(['Aceh', 'Bali', 'Kota Bandung', 'Jambi', 'Kota Malang'], [5, NaN, 0, -2, NaN]);

	it('keeps model order without a sort', () => {
		assert.deepEqual(viewRows(m, '', undefined, 1), [0, 1, 2, 3, 4]);
	});

	it('sorts numerically ascending with missing values last', () => {
		assert.deepEqual(viewRows(m, '', 0, 1), [3, 2, 0, 1, 4]);
	});

	it('sorts descending with missing values still last (not first)', () => {
		assert.deepEqual(viewRows(m, '', 0, -1), [0, 2, 3, 1, 4]);
	});

	it('treats 0 as a value, distinct from missing', () => {
		const asc = viewRows(m, '', 0, 1);
		assert.ok(asc.indexOf(2) < asc.indexOf(1), '0 sorts among numbers, before missing');
	});

	it('sorts row labels naturally (numbers inside labels by value)', () => {
		const n = model(['Item 10', 'item 2', 'Item 1'], [0, 0, 0]);
		assert.deepEqual(viewRows(n, '', -1, 1), [2, 1, 0]);
		assert.deepEqual(viewRows(n, '', -1, -1), [0, 1, 2]);
	});

	it('filters by label text, case-insensitively, before sorting', () => {
		assert.deepEqual(viewRows(m, 'kota', undefined, 1), [2, 4]);
		assert.deepEqual(viewRows(m, '  KOTA ', 0, -1), [2, 4]);
		assert.deepEqual(viewRows(m, 'zzz', 0, 1), []);
	});

	it('orders 100 000 rows, missing values last', () => {
		const n = 100_000;
		const vals = Array.from({ length: n }, (_, i) => (i % 13 === 0 ? NaN : (i * 7919) % 1000));
		const big: OrderModel = { nRows: n, rowLabel: (r) => `Wilayah ${r}`, value: (r) => vals[r] };
		const out = viewRows(big, '', 0, 1);
		assert.equal(out.length, n);
		for (let i = 1; i < out.length; i++) {
			const a = vals[out[i - 1]];
			const b = vals[out[i]];
			assert.ok(Number.isNaN(b) || (!Number.isNaN(a) && a <= b), `sorted at ${i}`);
		}
	});
});

describe('preview default periods', () => {
	const periods = [
		{ id: 124, label: '2024' },
		{ id: 115, label: '2015' },
		{ id: 120, label: '2020' },
		{ id: 121, label: '2021' },
		{ id: 122, label: '2022' },
		{ id: 123, label: '2023' },
		{ id: 119, label: '2019' },
	];

	it('sorts oldest first by year', () => {
		assert.deepEqual(
			sortPeriods(periods).map((p) => p.label),
			['2015', '2019', '2020', '2021', '2022', '2023', '2024'],
		);
	});

	it('defaults to the five most recent', () => {
		assert.deepEqual(defaultPeriods(sortPeriods(periods)), [120, 121, 122, 123, 124]);
	});

	it('uses ref.years when they match, ignoring unknown years', () => {
		assert.deepEqual(defaultPeriods(sortPeriods(periods), ['2015', '2019', '1990']), [115, 119]);
		assert.deepEqual(defaultPeriods(sortPeriods(periods), ['1990']), [120, 121, 122, 123, 124]);
	});

	it('returns every period when there are fewer than five', () => {
		assert.deepEqual(defaultPeriods(sortPeriods(periods.slice(0, 2))), [115, 124]);
	});
});
