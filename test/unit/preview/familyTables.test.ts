import * as assert from 'node:assert/strict';
import type { CensusData, CensusRow, SimdasiTable } from '../../../src/api/families/types';
import { censusDimensions } from '../../../src/api/families/mappers';
import {
	CENSUS_AREA_DIM,
	censusColumn,
	censusDynamicTable,
	censusLayouts,
	keepPeriods,
} from '../../../src/preview/censusTable';
import { simdasiDynamicTable, simdasiTitle } from '../../../src/preview/simdasiTable';

const LABELS = { title: 'Jumlah Penduduk — INDONESIA', area: 'Wilayah', notes: ['Sensus: sp2020 <b>'] };

function row(
	age: [string, string],
	sex: [string, string] | undefined,
	period: string,
	value: number | null,
): CensusRow {
	const categories = [
		{ id: '1022', name: 'Kelompok Umur ', itemId: age[0], itemCode: age[0], itemName: age[1] },
	];
	if (sex)
		categories.push({
			id: '1026',
			name: 'Jenis Kelamin',
			itemId: sex[0],
			itemCode: sex[0],
			itemName: sex[1],
		});
	return {
		areaId: '1667',
		areaCode: '0',
		areaName: 'INDONESIA',
		indicatorId: '7204601',
		indicatorName: 'Jumlah Penduduk',
		categories,
		period,
		value,
	};
}

function census(rows: CensusRow[]): CensusData {
	return {
		event: 'sp2020',
		dataset: 1001,
		areaId: 91622,
		rows,
		dimensions: censusDimensions(rows),
		fetchedAt: 1,
		stale: false,
	};
}

const L: [string, string] = ['L', 'Laki-laki'];
const P: [string, string] = ['P', 'Perempuan'];

describe('preview: census as a dynamic table', () => {
	it('rows are the first categories, columns the last one, periods the census periods; missing stays NaN', () => {
		const t = censusDynamicTable(
			census([
				row(['1', '0-4'], L, '2020', 10),
				row(['1', '0-4'], P, '2020', 11),
				row(['2', '5-9'], L, '2020', null),
				row(['2', '5-9'], P, '2020', 13.5),
			]),
			'ind',
			LABELS,
		);
		assert.deepEqual(
			t.vervar.map((v) => v.label),
			['0-4', '5-9'],
		);
		assert.ok(
			t.vervar.every((v) => !/^\d+$/.test(v.val)),
			'row ids are not region codes (no aggregate pinning)',
		);
		assert.deepEqual(
			t.turvar.map((v) => [v.val, v.label]),
			[
				['L', 'Laki-laki'],
				['P', 'Perempuan'],
			],
		);
		assert.deepEqual(
			t.tahun.map((x) => x.label),
			['2020'],
		);
		assert.equal(t.rowTitle, 'Kelompok Umur', 'trimmed dimension name');
		assert.deepEqual(Array.from(t.values), [10, 11, NaN, 13.5]);
		assert.equal(t.variable.title, LABELS.title);
		assert.equal(t.variable.decimal, 2, 'a fractional value keeps decimals');
		assert.equal(t.variable.notes, 'Sensus: sp2020 &#60;b&#62;', 'notes are escaped text');
	});

	it('one category: the area is the row; no category: the indicator is the column', () => {
		const one = censusDynamicTable(
			census([row(['1', '0-4'], undefined, '2020', 5), row(['2', '5-9'], undefined, '2020', 6)]),
			'ind',
			LABELS,
		);
		assert.deepEqual(
			one.vervar.map((v) => v.label),
			['INDONESIA'],
		);
		assert.equal(one.rowTitle, 'Wilayah');
		assert.deepEqual(
			one.turvar.map((v) => v.label),
			['0-4', '5-9'],
		);
		assert.equal(one.variable.decimal, 0);
		const bare = row(['1', '0-4'], undefined, '2020', 7);
		bare.categories = [];
		const none = censusDynamicTable(census([bare]), 'ind', LABELS);
		assert.deepEqual(
			none.turvar.map((v) => [v.val, v.label]),
			[['7204601', 'Jumlah Penduduk']],
		);
		assert.deepEqual(Array.from(none.values), [7]);
	});

	it('keepPeriods keeps the chosen periods (all: the same table)', () => {
		const t = censusDynamicTable(
			census([
				row(['1', '0-4'], L, '2010', 1),
				row(['1', '0-4'], L, '2020', 2),
				row(['1', '0-4'], P, '2020', 3),
			]),
			'ind',
			LABELS,
		);
		assert.deepEqual(
			t.tahun.map((x) => x.label),
			['2010', '2020'],
		);
		assert.equal(keepPeriods(t, new Set([0, 1])), t);
		const last = keepPeriods(t, new Set([1]));
		assert.deepEqual(
			last.tahun.map((x) => x.label),
			['2020'],
		);
		assert.deepEqual(Array.from(last.values), [2, 3]);
	});

	const inArea = (r: CensusRow, code: string, name: string): CensusRow => ({
		...r,
		areaCode: code,
		areaName: name,
	});
	const twoAreas = () =>
		census([
			row(['1', '0-4'], L, '2020', 1),
			row(['1', '0-4'], P, '2020', 2),
			row(['2', '5-9'], L, '2020', 3),
			row(['2', '5-9'], P, '2020', 4),
			inArea(row(['1', '0-4'], L, '2020', 5), '35', 'JAWA TIMUR'),
			inArea(row(['1', '0-4'], P, '2020', 6), '35', 'JAWA TIMUR'),
			inArea(row(['2', '5-9'], L, '2020', 7), '35', 'JAWA TIMUR'),
			inArea(row(['2', '5-9'], P, '2020', null), '35', 'JAWA TIMUR'),
		]);

	it('the column dimension is a choice: a category, or the area when there are several', () => {
		const one = census([row(['1', '0-4'], L, '2020', 1), row(['1', '0-4'], P, '2020', 2)]);
		assert.deepEqual(
			censusLayouts(one, 'Wilayah').map((x) => [x.val, x.label]),
			[
				['1022', 'Kelompok Umur'],
				['1026', 'Jenis Kelamin'],
			],
			'one area: only the categories',
		);
		assert.equal(censusColumn(one, undefined), '1026', 'default: the last category');
		assert.equal(censusColumn(one, CENSUS_AREA_DIM), '1026', 'a dimension the data lacks falls back');
		// Age groups across, sex down the rows.
		const t = censusDynamicTable(one, 'ind', LABELS, '1022');
		assert.deepEqual(
			t.turvar.map((x) => x.label),
			['0-4'],
		);
		assert.deepEqual(
			t.vervar.map((x) => x.label),
			['Laki-laki', 'Perempuan'],
		);
		assert.equal(t.rowTitle, 'Jenis Kelamin');
		assert.deepEqual(Array.from(t.values), [1, 2]);

		const two = twoAreas();
		assert.deepEqual(
			censusLayouts(two, 'Wilayah').map((x) => x.val),
			[CENSUS_AREA_DIM, '1022', '1026'],
		);
		// Default: the area goes down the rows, first.
		const byDefault = censusDynamicTable(two, 'ind', LABELS);
		assert.deepEqual(
			byDefault.vervar.map((x) => x.label),
			['INDONESIA · 0-4', 'INDONESIA · 5-9', 'JAWA TIMUR · 0-4', 'JAWA TIMUR · 5-9'],
		);
		assert.equal(byDefault.rowTitle, 'Wilayah · Kelompok Umur');
		// The areas across the columns: rows are age group × sex, missing stays NaN.
		const across = censusDynamicTable(two, 'ind', LABELS, CENSUS_AREA_DIM);
		assert.deepEqual(
			across.turvar.map((x) => [x.val, x.label]),
			[
				['0', 'INDONESIA'],
				['35', 'JAWA TIMUR'],
			],
		);
		assert.deepEqual(
			across.vervar.map((x) => x.label),
			['0-4 · Laki-laki', '0-4 · Perempuan', '5-9 · Laki-laki', '5-9 · Perempuan'],
		);
		assert.equal(across.rowTitle, 'Kelompok Umur · Jenis Kelamin');
		assert.deepEqual(Array.from(across.values), [1, 5, 2, 6, 3, 7, 4, NaN]);
	});
});

function simdasi(
	year: number,
	keys: string[],
	rows: Array<[string, string, Array<number | null>]>,
): SimdasiTable {
	return {
		id: 'T1',
		mfd: '3500000',
		year,
		title: `Luas Daerah Menurut Wilayah, ${year}`,
		titleEn: `Area by Region, ${year}`,
		area: 'Jawa Timur',
		columns: keys.map((key) => ({
			key,
			name: key.toUpperCase(),
			nameEn: key,
			unit: 'km²',
			unitEn: 'km²',
			decimals: 2,
		})),
		rows: rows.map(([areaCode, label, values]) => ({ areaCode, label, values, raw: values.map(String) })),
		notes: year === 2024 ? 'Tanda … berarti <tidak tersedia>' : '',
		source: 'BPS Jawa Timur',
		fetchedAt: year,
		stale: false,
	};
}

describe('preview: SIMDASI as a dynamic table', () => {
	it('years are periods, columns the variables, rows by MFD code; a cell a year lacks is NaN', () => {
		const t = simdasiDynamicTable(
			[
				simdasi(
					2024,
					['luas', 'pulau'],
					[
						['3501000', 'Pacitan', [1389.9, 4]],
						['3500000', 'Jawa Timur', [47803.5, null]],
					],
				),
				simdasi(
					2023,
					['luas'],
					[
						['3501000', 'Pacitan', [1389.8]],
						['3502000', 'Ponorogo', [1305.7]],
					],
				),
			],
			'ind',
		);
		assert.deepEqual(
			t.tahun.map((x) => x.label),
			['2023', '2024'],
		);
		assert.deepEqual(
			t.turvar.map((x) => [x.val, x.label]),
			[
				['luas', 'LUAS (km²)'],
				['pulau', 'PULAU (km²)'],
			],
		);
		assert.deepEqual(
			t.vervar.map((x) => [x.val, x.label]),
			[
				['3501000', 'Pacitan'],
				['3500000', 'Jawa Timur'],
				['3502000', 'Ponorogo'],
			],
		);
		// [row][column][year]
		assert.deepEqual(Array.from(t.values), [
			1389.8,
			1389.9,
			NaN,
			4,
			NaN,
			47803.5,
			NaN,
			NaN,
			1305.7,
			NaN,
			NaN,
			NaN,
		]);
		assert.equal(t.variable.title, 'Luas Daerah Menurut Wilayah');
		assert.equal(t.variable.decimal, 2);
		assert.match(t.variable.notes, /Catatan: Tanda … berarti &#60;tidak tersedia&#62;/);
		assert.match(t.variable.notes, /Sumber: BPS Jawa Timur/);
		assert.equal(t.fetchedAt, 2023, 'the oldest answer');
	});

	it('the English title names no year; an empty list is refused', () => {
		assert.equal(simdasiTitle(simdasi(2024, [], []), 'eng'), 'Area by Region');
		assert.throws(() => simdasiDynamicTable([], 'ind'), RangeError);
	});
});
