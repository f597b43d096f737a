import assert from 'node:assert/strict';
import type { TradeRecord, TradeResult } from '../../../src/api/families/types';
import { pivot, defaultPivot } from '../../../src/api/table';
import { regroupTrade, tradeDynamicTable, type TradeLabels } from '../../../src/preview/tradeTable';

const L: TradeLabels = {
	rows: 'HS · Country · Port',
	unknown: 'Unknown',
	value: 'Value (US$)',
	weight: 'Net weight (kg)',
	annual: 'Annual',
	months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
	notes: ['Exports: FOB <value>'],
};

function rec(p: Partial<TradeRecord>): TradeRecord {
	return {
		year: 2023,
		month: null,
		hsCode: '09',
		hsLabel: 'Coffee',
		port: 'BELAWAN',
		country: 'JAPAN',
		valueUsd: 1,
		netWeightKg: 10,
		...p,
	};
}

function result(records: TradeRecord[], monthly = false, years = [2023, 2024]): TradeResult {
	return {
		query: { flow: 'export', hs: ['09'], hsLevel: 2, years, monthly },
		records,
		columnNotes: {},
		emptyYears: [],
		fetchedAt: 1,
		stale: false,
	};
}

describe('trade as a dynamic table', () => {
	it('rows are HS × country × port; value and weight are the derived variables; years the periods', () => {
		const t = tradeDynamicTable(
			result([
				rec({ valueUsd: 5 }),
				rec({ year: 2024, valueUsd: 7, netWeightKg: null }),
				rec({ country: null, port: null, valueUsd: 3 }),
			]),
			'eng',
			L,
		);
		assert.deepEqual(
			t.vervar.map((v) => v.label),
			['09 · JAPAN · BELAWAN · Coffee', '09 · Unknown · Unknown · Coffee'],
			'a null port or country is a row of its own, shown as unknown',
		);
		assert.deepEqual(
			t.turvar.map((v) => v.val),
			['value', 'weight'],
		);
		assert.deepEqual(
			t.tahun.map((v) => v.label),
			['2023', '2024'],
		);
		assert.deepEqual(
			t.turtahun.map((v) => v.label),
			['Annual'],
		);
		assert.equal(t.variable.title, 'Exports by 2-digit HS code: 09 (annual)');
		assert.equal(t.variable.notes, 'Exports: FOB &#60;value&#62;', 'notes are escaped for the sanitizer');
		const r = pivot(t, defaultPivot(t));
		// cols: tahun × turvar → 2023 value, 2023 weight, 2024 value, 2024 weight
		assert.deepEqual(r.colHeaders, [
			['2023', 'Value (US$)'],
			['2023', 'Net weight (kg)'],
			['2024', 'Value (US$)'],
			['2024', 'Net weight (kg)'],
		]);
		assert.deepEqual(Array.from(r.cells.slice(0, 4)), [5, 10, 7, NaN]);
		assert.deepEqual(Array.from(r.cells.slice(4, 8)), [3, 10, NaN, NaN], 'missing stays missing, never 0');
	});

	it('monthly records go to their month; repeated rows add up', () => {
		const t = tradeDynamicTable(
			result(
				[rec({ month: 3, valueUsd: 2 }), rec({ month: 3, valueUsd: 4 }), rec({ month: 12, valueUsd: 1 })],
				true,
				[2023],
			),
			'eng',
			L,
		);
		assert.equal(t.turtahun.length, 12);
		const r = pivot(t, {
			rows: ['vervar'],
			cols: ['turtahun'],
			filter: { turvar: ['value'], tahun: ['2023'] },
		});
		assert.equal(r.cells[2], 6);
		assert.equal(r.cells[11], 1);
		assert.ok(Number.isNaN(r.cells[0]));
	});

	it('regroups by country, port or HS code, summing the rest', () => {
		const t = tradeDynamicTable(
			result([
				rec({ valueUsd: 5, port: 'BELAWAN' }),
				rec({ valueUsd: 6, port: 'DUMAI' }),
				rec({ valueUsd: 1, country: 'CHINA', port: 'DUMAI', netWeightKg: null }),
				rec({ valueUsd: null, country: null, port: 'DUMAI', netWeightKg: null }),
			]),
			'eng',
			L,
		);
		const byCountry = regroupTrade(t, 'country', { unknown: 'Unknown', rowTitle: 'Country' });
		assert.equal(byCountry.rowTitle, 'Country');
		assert.deepEqual(
			byCountry.vervar.map((v) => v.label),
			['JAPAN', 'CHINA', 'Unknown'],
		);
		const r = pivot(byCountry, {
			rows: ['vervar'],
			cols: ['turvar'],
			filter: { tahun: ['2023'], turtahun: ['0'] },
		});
		assert.deepEqual(
			Array.from(r.cells),
			[11, 20, 1, NaN, NaN, NaN],
			'sums skip missing; all-missing stays missing',
		);
		const byPort = regroupTrade(t, 'port', { unknown: 'Unknown', rowTitle: 'Port' });
		assert.deepEqual(
			byPort.vervar.map((v) => v.label),
			['BELAWAN', 'DUMAI'],
		);
		const byHs = regroupTrade(t, 'hs', { unknown: 'Unknown', rowTitle: 'HS' });
		assert.deepEqual(
			byHs.vervar.map((v) => v.label),
			['09 Coffee'],
		);
		assert.equal(regroupTrade(t, 'all', { unknown: 'Unknown', rowTitle: 'x' }), t);
	});

	it('15,000 monthly records a year for three years lay out and regroup (the load the grid takes)', () => {
		const records: TradeRecord[] = [];
		for (let y = 2021; y <= 2023; y++)
			for (let i = 0; i < 15_000; i++)
				records.push(
					rec({
						year: y,
						month: (i % 12) + 1,
						hsCode: String(10_000_000 + (i % 1250)),
						country: `C${i % 40}`,
						port: `P${i % 9}`,
					}),
				);
		const t = tradeDynamicTable(result(records, true, [2021, 2022, 2023]), 'eng', L);
		assert.ok(t.vervar.length > 0 && t.vervar.length <= 15_000);
		const g = regroupTrade(t, 'country', { unknown: 'Unknown', rowTitle: 'Country' });
		assert.equal(g.vervar.length, 40);
	});
});
