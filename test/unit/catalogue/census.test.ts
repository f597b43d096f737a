import assert from 'node:assert/strict';
import type { CensusArea, CensusData } from '../../../src/api/families/types';
import {
	areasShownFirst,
	CENSUS_NATIONAL,
	censusAreaCodes,
	findCensusArea,
	findCensusAreas,
	mergeCensusData,
	tickedAreas,
	withCensusAreas,
} from '../../../src/catalogue/census';
import type { CensusRef } from '../../../src/catalogue/itemRef';

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
		assert.deepEqual(
			findCensusAreas(AREAS, ['3578', '12', '35', '0']).map((a) => a.mfdCode),
			['3578', '35', '0'],
			'several: once each, in order',
		);
	});

	it('an area the event does not have is "no data"', () => {
		assert.throws(
			() => findCensusArea(AREAS, '99'),
			(e: unknown) => (e as { kind?: string }).kind === 'noData',
		);
	});

	it("the areas a ref shows: `areas`, else `area`, else Indonesia; one area keeps the contract's `area`", () => {
		const ref: CensusRef = { domain: '0000', kind: 'census', id: 1001, event: 'sp2020' };
		assert.deepEqual(censusAreaCodes(ref), ['0']);
		assert.deepEqual(censusAreaCodes({ area: '35' }), ['35']);
		assert.deepEqual(censusAreaCodes({ area: '35', areas: ['3578', '0'] }), ['3578', '0']);
		const two = withCensusAreas({ ...ref, area: '35' }, ['35', '3578', '35']);
		assert.deepEqual([two.area, two.areas], [undefined, ['35', '3578']]);
		const one = withCensusAreas(two, ['3578']);
		assert.deepEqual([one.area, one.areas], ['3578', undefined]);
		assert.equal(one.id, 1001);
	});

	it('merges several areas: rows one area after another, dimension items unioned, area ids kept', () => {
		const part = (areaId: number, code: string, items: string[], stale: boolean): CensusData => ({
			event: 'sp2020',
			dataset: 1001,
			areaId,
			rows: items.map((it) => ({
				areaId: String(areaId),
				areaCode: code,
				areaName: code,
				indicatorId: '1',
				indicatorName: 'Penduduk',
				categories: [{ id: '1026', name: 'Jenis Kelamin', itemId: it, itemCode: it, itemName: it }],
				period: '2020',
				value: 1,
			})),
			dimensions: [
				{ id: '1026', name: 'Jenis Kelamin', items: items.map((id) => ({ id, code: id, name: id })) },
			],
			fetchedAt: areaId,
			stale,
		});
		const a = part(1, '0', ['L'], false);
		assert.equal(mergeCensusData([a]), a, 'one part: itself');
		const m = mergeCensusData([a, part(12, '35', ['L', 'P'], true)]);
		assert.deepEqual(m.areaIds, [1, 12]);
		assert.deepEqual(
			m.rows.map((r) => `${r.areaCode}:${r.categories[0].itemId}`),
			['0:L', '35:L', '35:P'],
		);
		assert.deepEqual(
			m.dimensions[0].items.map((i) => i.id),
			['L', 'P'],
		);
		assert.deepEqual([m.areaId, m.fetchedAt, m.stale], [1, 1, true]);
		assert.equal(a.dimensions[0].items.length, 1, 'the parts are left as they were');
		assert.throws(() => mergeCensusData([]), RangeError);
	});

	it('the area picker: areas shown first, in their order; ticked areas kept in order, new ones after', () => {
		assert.deepEqual(
			areasShownFirst(AREAS, ['3578', '0']).map((a) => a.mfdCode),
			['3578', '0', '35'],
		);
		assert.deepEqual(
			areasShownFirst(AREAS, []).map((a) => a.mfdCode),
			['0', '35', '3578'],
			'nothing shown: as listed',
		);
		assert.deepEqual(tickedAreas(['35', '0'], ['0', '3578', '35']), ['35', '0', '3578']);
		assert.deepEqual(tickedAreas(['35', '0'], ['3578']), ['3578'], 'unticked areas go');
	});
});
