import assert from 'node:assert/strict';
import { ITEM_KINDS, isItemKind, itemKey, sameItem, toItemRef } from '../../../src/catalogue/itemRef';

describe('itemRef', () => {
	it("parses ids into their kind's type, once", () => {
		assert.deepEqual(toItemRef({ domain: '3578', kind: 'var', id: '12' }), {
			domain: '3578',
			kind: 'var',
			id: 12,
		});
		assert.deepEqual(toItemRef({ domain: '0000', kind: 'publication', id: 12 }), {
			domain: '0000',
			kind: 'publication',
			id: '12',
		});
		assert.equal(toItemRef({ domain: '0000', kind: 'statictable', id: '12a' }), undefined);
		assert.equal(toItemRef({ domain: '0000', kind: 'publication', id: '' }), undefined);
		assert.equal(toItemRef({ domain: '0000', kind: 'var', id: 2 ** 60 }), undefined);
		// Infographics and news have numeric ids, as the API gives them.
		assert.deepEqual(toItemRef({ domain: '3500', kind: 'infographic', id: '1002' }), {
			domain: '3500',
			kind: 'infographic',
			id: 1002,
		});
		assert.deepEqual(toItemRef({ domain: '3500', kind: 'news', id: 302 }), {
			domain: '3500',
			kind: 'news',
			id: 302,
		});
		assert.equal(toItemRef({ domain: '3500', kind: 'news', id: 'x1' }), undefined);
	});

	it('takes the ref a tree node carries, and keeps title, years, varId and sdg', () => {
		const node = {
			id: 'x',
			ref: { domain: '0000', kind: 'indicator', id: 7, varId: 1804, title: 'T', years: [2020] },
		};
		assert.deepEqual(toItemRef(node), {
			domain: '0000',
			kind: 'indicator',
			id: 7,
			varId: 1804,
			title: 'T',
			years: ['2020'],
		});
		assert.deepEqual(toItemRef({ domain: '0000', kind: 'var', id: 154, sdg: '1.2.1' }), {
			domain: '0000',
			kind: 'var',
			id: 154,
			sdg: '1.2.1',
		});
	});

	it('refuses what is not a ref: bad domains, unknown kinds, non-objects', () => {
		for (const bad of [
			undefined,
			null,
			'var',
			12,
			{},
			{ domain: '35', kind: 'var', id: 1 },
			{ domain: '0000', kind: 'map', id: 1 },
		])
			assert.equal(toItemRef(bad), undefined, JSON.stringify(bad));
		assert.equal(isItemKind('constructor'), false, 'no prototype keys');
		assert.ok(ITEM_KINDS.includes('var'));
	});

	it('keys and sameness by domain, kind and id', () => {
		const a = { domain: '0000', kind: 'var' as const, id: 1 };
		assert.equal(itemKey(a), '0000/var/1');
		assert.equal(sameItem(a, { ...a }), true);
		assert.equal(sameItem(a, { ...a, domain: '3500' }), false);
		assert.equal(sameItem(a, { domain: '0000', kind: 'statictable', id: 1 }), false);
	});
});

describe('itemRef: census and SIMDASI', () => {
	it('reads the contract: { kind: "census", event, dataset, area } and { kind: "simdasi", domain, table, years }', () => {
		assert.deepEqual(toItemRef({ kind: 'census', event: 'sp2020', dataset: '1001', area: 35 }), {
			domain: '0000',
			kind: 'census',
			id: 1001,
			event: 'sp2020',
			area: '35',
		});
		assert.deepEqual(toItemRef({ kind: 'simdasi', domain: '3500', table: 'abc', years: [2023] }), {
			domain: '3500',
			kind: 'simdasi',
			id: 'abc',
			years: ['2023'],
		});
		// A tree node carries the ref.
		assert.equal(
			toItemRef({ ref: { kind: 'census', domain: '0000', id: 7, event: 'se2016' } })?.kind,
			'census',
		);
	});

	it('refuses what it cannot use', () => {
		assert.equal(toItemRef({ kind: 'census', dataset: 1001 }), undefined, 'no event');
		assert.equal(toItemRef({ kind: 'census', event: 'sp2020', dataset: 'x' }), undefined);
		assert.equal(toItemRef({ kind: 'simdasi', table: 'abc' }), undefined, 'no region');
		assert.equal(toItemRef({ kind: 'simdasi', domain: '3500' }), undefined, 'no table');
		const odd = toItemRef({ kind: 'census', event: 'sp2020', dataset: 1, area: '35; drop' });
		assert.ok(odd && odd.kind === 'census' && odd.area === undefined, 'a malformed area is dropped');
	});

	it('several census areas: `areas` (MFD codes, once each, in order); a malformed list is dropped', () => {
		const ref = toItemRef({ kind: 'census', event: 'sp2020', dataset: 1001, areas: ['35', 3578, '35'] });
		assert.ok(ref?.kind === 'census');
		assert.deepEqual(ref.areas, ['35', '3578']);
		const bad = toItemRef({ kind: 'census', event: 'sp2020', dataset: 1001, areas: ['35', 'x'] });
		assert.ok(bad?.kind === 'census' && bad.areas === undefined);
	});
});
