import assert from 'node:assert/strict';
import type { SimdasiTable } from '../../../src/api/families/types';
import { simdasiInsertTable } from '../../../src/insert/familyLayout';
import type { TableSource } from '../../../src/insert/layout';

const SRC: TableSource = {
	domain: '3500',
	domainName: 'Jawa Timur',
	sourceUrl: 'https://jatim.bps.go.id',
	accessedAt: new Date('2026-01-02T00:00:00Z'),
	lang: 'ind',
};
const BASE = 'https://webapi.bps.go.id/v1/api/';

function table(year: number): SimdasiTable {
	return {
		id: 'T1',
		mfd: '3500000',
		year,
		title: `Luas Daerah, ${year}`,
		titleEn: `Area, ${year}`,
		area: 'Jawa Timur',
		columns: [{ key: 'luas', name: 'Luas', nameEn: 'Area', unit: 'km²', unitEn: 'km²', decimals: 2 }],
		rows: [{ areaCode: '3501000', label: 'Pacitan', values: [1389.9], raw: ['1.389,90'] }],
		notes: '',
		source: 'BPS Jawa Timur',
		fetchedAt: 0,
		stale: false,
	};
}

describe('insert layouts: SIMDASI', () => {
	it('one year: wide as printed, with its request for the fetch code', () => {
		const t = simdasiInsertTable([table(2024)], SRC, BASE, 'wide');
		assert.deepEqual(
			t.columns.map((c) => c.name),
			['region_code', 'region', 'Luas (km²)'],
		);
		assert.deepEqual(t.rows, [['3501000', 'Pacitan', 1389.9]]);
		assert.equal(t.familyRequest?.kind, 'simdasi');
		assert.equal(t.sourceUrl, 'https://jatim.bps.go.id');
	});

	it('several years: the tidy rows of each, oldest first, titled without a year, fetching every year', () => {
		const t = simdasiInsertTable([table(2024), table(2022)], SRC, BASE, 'wide');
		assert.equal(t.title, 'Luas Daerah');
		assert.equal(t.periods, '2022, 2024');
		assert.deepEqual(
			t.rows.map((r) => r[6]),
			[2022, 2024],
		);
		const req = t.familyRequest;
		assert.equal(req?.kind, 'simdasi');
		assert.deepEqual(req?.kind === 'simdasi' ? req.years : [], [2022, 2024]);
		assert.throws(() => simdasiInsertTable([], SRC, BASE, 'long'), RangeError);
	});
});
