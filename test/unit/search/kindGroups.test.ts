import assert from 'node:assert/strict';
import type { ItemKind } from '../../../src/catalogue/itemRef';
import { groupByKind, nextKindFilter } from '../../../src/search/kindGroups';

const r = (kind: ItemKind, id: number) => ({ kind, id });
const FOUND = [r('var', 1), r('publication', 2), r('var', 3), r('glossary', 4), r('statictable', 5)];

describe('search: kind groups and the kind filter', () => {
	it("groups by kind in the order each kind first came, keeping the results' order", () => {
		const g = groupByKind(FOUND);
		assert.deepEqual(
			g.map((x) => x.kind),
			['var', 'publication', 'glossary', 'statictable'],
		);
		assert.deepEqual(
			g[0].items.map((x) => x.id),
			[1, 3],
		);
		assert.deepEqual(groupByKind(FOUND, 'publication'), [
			{ kind: 'publication', items: [r('publication', 2)] },
		]);
		assert.deepEqual(groupByKind(FOUND, 'news'), []);
		assert.deepEqual(groupByKind([]), []);
	});

	it('the filter cycles through the kinds found, then back to all', () => {
		const seen: Array<ItemKind | undefined> = [];
		let f: ItemKind | undefined;
		for (let i = 0; i < 5; i++) seen.push((f = nextKindFilter(f, FOUND)));
		assert.deepEqual(seen, ['var', 'publication', 'glossary', 'statictable', undefined]);
		assert.equal(nextKindFilter('news', FOUND), 'var', 'a kind no longer found restarts the cycle');
		assert.equal(nextKindFilter(undefined, []), undefined);
	});
});
