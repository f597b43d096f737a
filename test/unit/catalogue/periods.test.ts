import assert from 'node:assert/strict';
import {
	DEFAULT_PERIOD_COUNT,
	defaultPeriods,
	periodsForYears,
	sortPeriods,
} from '../../../src/catalogue/periods';

const P = (id: number, label: string) => ({ id, label });

describe('catalogue periods', () => {
	it('sorts by year label, then id', () => {
		const sorted = sortPeriods([P(120, '2020'), P(99, '1999'), P(122, '2021'), P(121, '2021')]);
		assert.deepEqual(
			sorted.map((p) => p.id),
			[99, 120, 121, 122],
		);
		assert.deepEqual(
			sortPeriods([P(5, 'x'), P(4, 'y')]).map((p) => p.id),
			[4, 5],
			'labels without a year: by id',
		);
	});

	it('defaults to the most recent periods, or the asked years when any exist', () => {
		const all = Array.from({ length: 10 }, (_, i) => P(100 + i, String(2010 + i)));
		assert.equal(defaultPeriods(all).length, DEFAULT_PERIOD_COUNT);
		assert.deepEqual(defaultPeriods(all), [105, 106, 107, 108, 109]);
		assert.deepEqual(defaultPeriods(all, [' 2012', '2014']), [102, 104]);
		assert.deepEqual(defaultPeriods(all, ['1900']), [105, 106, 107, 108, 109], 'none found: the default');
	});

	it('years → periods: numbers and strings alike, missing years named once', () => {
		const all = [P(1, '2021'), P(2, '2022 '), P(3, '2023')];
		const r = periodsForYears(all, [2022, '2023', '2023', 2030]);
		assert.deepEqual(
			r.chosen.map((p) => p.id),
			[2, 3],
		);
		assert.deepEqual(r.missing, ['2030']);
	});
});
