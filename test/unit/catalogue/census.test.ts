import assert from 'node:assert/strict';
import type { CensusArea } from '../../../src/api/families/types';
import { CENSUS_NATIONAL, findCensusArea } from '../../../src/catalogue/census';

const area = (id: number, mfdCode: string, name: string): CensusArea => ({
	id,
	mfdCode,
	name,
	slug: name.toLowerCase(),
	domain: undefined,
});
const AREAS = [area(1, '0', 'PUSAT'), area(12, '35', 'JAWA TIMUR'), area(340, '3578', 'KOTA SURABAYA')];

describe('census areas', () => {
	it('finds an area by MFD code, then by id; Indonesia by default', () => {
		assert.equal(findCensusArea(AREAS, undefined).mfdCode, CENSUS_NATIONAL);
		assert.equal(findCensusArea(AREAS, '3578').name, 'KOTA SURABAYA');
		assert.equal(findCensusArea(AREAS, '12').name, 'JAWA TIMUR', 'an area id works too');
	});

	it('an area the event does not have is "no data"', () => {
		assert.throws(
			() => findCensusArea(AREAS, '99'),
			(e: unknown) => (e as { kind?: string }).kind === 'noData',
		);
	});
});
