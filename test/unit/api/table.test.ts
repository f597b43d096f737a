import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeDynamicData } from '../../../src/api/decode';
import {
	cell,
	defaultPivot,
	formatValue,
	isTrivialDim,
	periodLabel,
	pivot,
	toRecords,
} from '../../../src/api/table';
import type { DynamicTable } from '../../../src/api/types';

const ctx = { domain: '0000', lang: 'ind' as const, fetchedAt: 0, stale: false };

function sample(name: string): DynamicTable {
	const local = path.resolve('test/fixtures/samples', name);
	const file = fs.existsSync(local) ? local : path.join('/work/shared/bps-samples', name);
	const json = JSON.parse(fs.readFileSync(file, 'utf8'));
	return decodeDynamicData('request' in json && 'body' in json ? json.body : json, ctx);
}

/** A derived table: 2 regions × 2 turvar (sexes) × 2 years, annual. */
function derived(): DynamicTable {
	return decodeDynamicData(
		{
			var: [{ val: 501, label: 'Penduduk', unit: 'Jiwa', decimal: 0 }],
			turvar: [
				{ val: 289, label: 'Laki-laki' },
				{ val: 290, label: 'Perempuan' },
			],
			labelvervar: 'Provinsi',
			vervar: [
				{ val: 1100, label: 'ACEH' },
				{ val: 1200, label: 'SUMUT' },
			],
			tahun: [
				{ val: 123, label: '2023' },
				{ val: 124, label: '2024' },
			],
			turtahun: [{ val: 0, label: 'Tahun' }],
			datacontent: {
				'11005012891230': 1,
				'11005012891240': 2,
				'11005012901230': 3,
				'11005012901240': 4,
				'12005012891230': 5,
				'12005012891240': 6,
				'12005012901230': 7,
			},
			related: [],
		},
		ctx,
	);
}

const t1804 = sample('bps-looker__data_0000_1804.json');
const t2263 = sample('bps-looker__data_0000_2263.json');

describe('toRecords', () => {
	it('gives one record per present cell, row-major', () => {
		const recs = toRecords(t1804);
		assert.equal(recs.length, 9);
		assert.deepEqual(recs[0], {
			vervar: '1',
			vervarLabel: 'Meninggal dan Hilang',
			turvar: '0',
			turvarLabel: 'Tidak ada',
			tahun: '117',
			tahunLabel: '2017',
			turtahun: '0',
			turtahunLabel: 'Tahun',
			value: 440,
		});
		assert.deepEqual(
			recs.map((r) => r.vervar + '/' + r.tahun),
			['1/117', '1/118', '1/119', '2/117', '2/118', '2/119', '3/117', '3/118', '3/119'],
		);
	});

	it('skips missing cells unless includeMissing, which gives them value null', () => {
		assert.equal(toRecords(t2263).length, 468);
		const all = toRecords(t2263, { includeMissing: true });
		assert.equal(all.length, t2263.values.length);
		assert.equal(all.filter((r) => r.value === null).length, t2263.values.length - 468);
		assert.equal(all[12].turtahunLabel, 'Tahunan');
		assert.equal(all[12].value, null);
		const d = toRecords(derived(), { includeMissing: true });
		assert.deepEqual(
			d.map((r) => r.value),
			[1, 2, 3, 4, 5, 6, 7, null],
		);
	});
});

describe('cell', () => {
	it('reads by dimension indices, null when missing, RangeError out of range', () => {
		const d = derived();
		assert.equal(cell(d, 0, 1, 0, 0), 3);
		assert.equal(cell(d, 1, 1, 1, 0), null);
		assert.throws(() => cell(d, 2, 0, 0, 0), RangeError);
		assert.throws(() => cell(d, 0, 0, 0, 1), RangeError);
		assert.throws(() => cell(d, -1, 0, 0, 0), RangeError);
	});
});

describe('pivot', () => {
	it('default view of an annual table: rows vervar, cols tahun', () => {
		const spec = defaultPivot(t1804);
		assert.deepEqual(spec, { rows: ['vervar'], cols: ['tahun'] });
		const p = pivot(t1804, spec);
		assert.equal(p.nRows, 3);
		assert.equal(p.nCols, 3);
		assert.deepEqual(p.rowHeaders, [['Meninggal dan Hilang'], ['Terluka'], ['Menderita dan Mengungsi']]);
		assert.deepEqual(p.rowKeys, [['1'], ['2'], ['3']]);
		assert.deepEqual(p.colHeaders, [['2017'], ['2018'], ['2019']]);
		for (let r = 0; r < 3; r++)
			for (let c = 0; c < 3; c++) assert.equal(p.cells[r * 3 + c], cell(t1804, r, 0, c, 0));
	});

	it('swapping axes transposes', () => {
		const a = pivot(t1804, { rows: ['vervar'], cols: ['tahun'] });
		const b = pivot(t1804, { rows: ['tahun'], cols: ['vervar'] });
		assert.deepEqual(b.rowHeaders, a.colHeaders);
		assert.deepEqual(b.colKeys, a.rowKeys);
		for (let r = 0; r < 3; r++)
			for (let c = 0; c < 3; c++) assert.equal(b.cells[c * 3 + r], a.cells[r * 3 + c]);
	});

	it('default view of a monthly table: cols tahun × turtahun, NaN kept for missing', () => {
		const spec = defaultPivot(t2263);
		assert.deepEqual(spec, { rows: ['vervar'], cols: ['tahun', 'turtahun'] });
		const p = pivot(t2263, spec);
		assert.equal(p.nRows, 39);
		assert.equal(p.nCols, 13);
		assert.deepEqual(p.colHeaders[0], ['2024', 'Januari']);
		assert.deepEqual(p.colKeys[12], ['124', '13']);
		assert.ok(Number.isNaN(p.cells[12]));
		const r = p.rowKeys.findIndex((k) => k[0] === '7500');
		assert.equal(p.cells[r * 13], 4.4);
	});

	it('default view of a derived table: cols tahun × turvar; multi-axis rows', () => {
		const d = derived();
		const spec = defaultPivot(d);
		assert.deepEqual(spec, { rows: ['vervar'], cols: ['tahun', 'turvar'] });
		const p = pivot(d, spec);
		assert.deepEqual(p.colHeaders, [
			['2023', 'Laki-laki'],
			['2023', 'Perempuan'],
			['2024', 'Laki-laki'],
			['2024', 'Perempuan'],
		]);
		assert.deepEqual(Array.from(p.cells), [1, 3, 2, 4, 5, 7, 6, NaN]);
		const q = pivot(d, { rows: ['turvar', 'vervar'], cols: ['tahun'] });
		assert.deepEqual(q.rowKeys, [
			['289', '1100'],
			['289', '1200'],
			['290', '1100'],
			['290', '1200'],
		]);
		assert.deepEqual(Array.from(q.cells), [1, 2, 5, 6, 3, 4, 7, NaN]);
		const all = pivot(d, {
			rows: [],
			cols: [],
			filter: { vervar: ['1200'], turvar: ['290'], tahun: ['123'] },
		});
		assert.equal(all.nRows, 1);
		assert.equal(all.nCols, 1);
		assert.deepEqual(Array.from(all.cells), [7]);
	});

	it('filters keep only the listed vals, in table order; a filtered-out fixed axis leaves no cells', () => {
		const d = derived();
		const p = pivot(d, {
			rows: ['vervar'],
			cols: ['tahun'],
			filter: { turvar: ['290'], tahun: ['124', '123', '999'] },
		});
		assert.deepEqual(p.colKeys, [['123'], ['124']]);
		assert.deepEqual(Array.from(p.cells), [3, 4, 7, NaN]);
		const q = pivot(t1804, {
			rows: ['vervar'],
			cols: ['tahun'],
			filter: { vervar: ['3', '1'], tahun: ['119'] },
		});
		assert.deepEqual(q.rowKeys, [['1'], ['3']]);
		assert.deepEqual(Array.from(q.cells), [cell(t1804, 0, 0, 2, 0), cell(t1804, 2, 0, 2, 0)]);
		const none = pivot(d, { rows: ['vervar'], cols: ['tahun'], filter: { turvar: [] } });
		assert.equal(none.nRows * none.nCols, 0);
		assert.equal(none.cells.length, 0);
	});

	it('rejects an unfixed axis with several values and an axis used twice', () => {
		const d = derived();
		assert.throws(() => pivot(d, { rows: ['vervar'], cols: ['tahun'] }), /turvar/);
		assert.throws(() => pivot(d, { rows: ['vervar'], cols: ['vervar', 'tahun', 'turvar'] }), RangeError);
	});
});

describe('isTrivialDim / periodLabel', () => {
	it('recognises placeholder dimensions', () => {
		assert.equal(isTrivialDim([{ val: '0', label: 'Tidak ada' }]), true);
		assert.equal(isTrivialDim([{ val: '0', label: 'Tahun' }]), true);
		assert.equal(isTrivialDim([]), true);
		assert.equal(isTrivialDim([{ val: '289', label: 'Laki-laki' }]), false);
		assert.equal(
			isTrivialDim([
				{ val: '0', label: 'Tahun' },
				{ val: '1', label: 'Januari' },
			]),
			false,
		);
	});

	it('labels periods', () => {
		assert.equal(periodLabel(t2263, 0, 0), '2024 Januari');
		assert.equal(periodLabel(t2263, 0, 12), '2024 Tahunan');
		assert.equal(periodLabel(t1804, 2, 0), '2019');
	});
});

describe('formatValue', () => {
	it('formats for id-ID and en-US', () => {
		assert.equal(formatValue(1234.5, 2, 'id-ID'), '1.234,50');
		assert.equal(formatValue(1234.5, 2, 'en-US'), '1,234.50');
		assert.equal(formatValue(-0.47, 2, 'id-ID'), '-0,47');
		assert.equal(formatValue(-1234567, 0, 'en-US'), '-1,234,567');
		assert.equal(formatValue(2.345, 1, 'en-US'), '2.3');
		assert.equal(formatValue(0.28, 0, 'id-ID'), '0');
		assert.equal(formatValue(-0.001, 2, 'en-US'), '0.00', 'no negative zero');
		assert.equal(formatValue(440, 0, 'id-ID'), '440');
	});

	it('shows NaN as an en dash; clamps decimals; survives a bad locale', () => {
		assert.equal(formatValue(NaN, 2, 'id-ID'), '–');
		assert.equal(formatValue(1.5, -3, 'en-US'), '2');
		assert.equal(formatValue(1.5, 2, 'not a locale!'), '1.50');
	});
});
