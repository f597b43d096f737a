import assert from 'node:assert/strict';
import { hsEntries, searchHs } from '../../../src/catalogue/hsSearch';
import { itemKey, toItemRef } from '../../../src/catalogue/itemRef';
import { fromSearchEntry, tradeRef } from '../../../src/catalogue/items';
import { parseTradeKey, tradeKey, tradeTitle } from '../../../src/catalogue/trade';

describe('trade queries as items', () => {
	it('the contract { kind: "trade", … } is a national ref keyed by the query without its years', () => {
		const ref = toItemRef({
			kind: 'trade',
			flow: 'export',
			hs: ['09', ' 03 '],
			hsLevel: 2,
			years: [2022, 2023],
			monthly: false,
		});
		assert.ok(ref && ref.kind === 'trade');
		assert.equal(ref.domain, '0000');
		assert.deepEqual(ref.hs, ['09', '03']);
		assert.deepEqual(ref.years, ['2022', '2023']);
		assert.equal(ref.id, 'export/hs2/03,09/annual');
		const other = toItemRef({
			kind: 'trade',
			flow: 'export',
			hs: ['03', '09'],
			hsLevel: 2,
			years: [2019],
			monthly: false,
		});
		assert.equal(itemKey(other!), itemKey(ref), 'the same query in another year range is the same panel');
	});

	it('a trade argument missing its flow, level or codes is no ref', () => {
		assert.equal(toItemRef({ kind: 'trade' }), undefined);
		assert.equal(toItemRef({ kind: 'trade', flow: 'both', hs: ['03'], hsLevel: 2 }), undefined);
		assert.equal(toItemRef({ kind: 'trade', flow: 'import', hs: [], hsLevel: 2 }), undefined);
		assert.equal(toItemRef({ kind: 'trade', flow: 'import', hs: ['03'], hsLevel: 4 }), undefined);
	});

	it('the key parses back into the query (search entries, restored panels)', () => {
		const q = { flow: 'import' as const, hs: ['15111000', '03061719'], hsLevel: 8 as const, monthly: true };
		assert.deepEqual(parseTradeKey(tradeKey(q)), { ...q, hs: ['03061719', '15111000'] });
		assert.equal(parseTradeKey('export/hs3/03/annual'), undefined);
		const item = fromSearchEntry({ kind: 'trade', id: tradeKey(q), domain: '0000', title: 'x' });
		assert.equal(item.kind, 'trade');
		assert.equal(item.ref.kind === 'trade' && item.ref.monthly, true);
	});

	it('tradeRef de-duplicates codes and keeps the years as labels', () => {
		const r = tradeRef({ flow: 'export', hs: ['03', '03', '09'], hsLevel: 2, years: [2024], monthly: false });
		assert.deepEqual(r.hs, ['03', '09']);
		assert.deepEqual(r.years, ['2024']);
	});

	it('titles name the flow, level, codes and period kind in the data language', () => {
		const q = { flow: 'import' as const, hs: ['03'], hsLevel: 2 as const, monthly: true };
		assert.equal(tradeTitle(q, 'eng'), 'Imports by 2-digit HS code: 03 (monthly)');
		assert.equal(tradeTitle(q, 'ind'), 'Impor menurut kode HS 2 digit: 03 (bulanan)');
	});
});

describe('HS search', () => {
	const chapters = hsEntries(2);

	it('finds chapters by code prefix', () => {
		assert.deepEqual(
			searchHs('0', 2, chapters)
				.matches.map((m) => m.code)
				.slice(0, 3),
			['01', '02', '03'],
		);
		assert.deepEqual(
			searchHs('09', 2, chapters).matches.map((m) => m.code),
			['09'],
		);
	});

	it('finds chapters by words in English or Indonesian, accents and case ignored', () => {
		assert.deepEqual(
			searchHs('coffee', 2, chapters).matches.map((m) => m.code),
			['09'],
		);
		assert.deepEqual(
			searchHs('KOPI', 2, chapters).matches.map((m) => m.code),
			['09'],
		);
		assert.deepEqual(
			searchHs('ikan', 2, chapters).matches.map((m) => m.code),
			['03', '16'],
		);
		// Every word must match.
		assert.deepEqual(
			searchHs('iron steel articles', 2, chapters).matches.map((m) => m.code),
			['73'],
		);
		assert.deepEqual(searchHs('zzz', 2, chapters).matches, []);
	});

	it('takes several typed codes of the level, and names the ones that are not', () => {
		const s = searchHs('03, 09 09 77 0306', 2, chapters);
		assert.deepEqual(s.typed, ['03', '09']);
		assert.deepEqual(s.invalid, ['77', '0306'], 'chapter 77 is reserved; 0306 is no chapter');
		const e = searchHs('03061719 1511', 8, hsEntries(8));
		assert.deepEqual(e.typed, ['03061719']);
		assert.deepEqual(e.invalid, []);
		assert.deepEqual(searchHs('123456789', 8, []).invalid, ['123456789']);
	});

	it('8-digit codes used before are searched by code and words', () => {
		const known = hsEntries(8, [
			{ code: '09011110', ind: 'Kopi arabika', eng: 'Arabica coffee' },
			{ code: '03061719', ind: 'Udang beku', eng: 'Frozen shrimps' },
			{ code: 'bad', ind: '', eng: '' },
		]);
		assert.deepEqual(
			known.map((k) => k.code),
			['03061719', '09011110'],
		);
		assert.deepEqual(
			searchHs('arabica', 8, known).matches.map((m) => m.code),
			['09011110'],
		);
		assert.deepEqual(
			searchHs('0306', 8, known).matches.map((m) => m.code),
			['03061719'],
		);
	});
});
