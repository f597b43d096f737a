/** A favourite static table's watch (src/favourites/staticDiff.ts): a new update date or new content is a change. */
import assert from 'node:assert/strict';
import { diffStatic, staticSnapshotOf } from '../../../src/favourites/staticDiff';

const HTML = '<table><tr><td>Jawa Timur</td><td>12,3</td></tr></table>';

describe('staticDiff', () => {
	it('sees no change in the same table', () => {
		const a = staticSnapshotOf({ updated: '2024-01-01', html: HTML });
		assert.equal(diffStatic(a, staticSnapshotOf({ updated: '2024-01-01', html: HTML })), undefined);
		assert.match(a.digest, /^[0-9a-f]{8}$/);
	});

	it('a revised value changes the content even when the date stays', () => {
		const a = staticSnapshotOf({ updated: '2024-01-01', html: HTML });
		const b = staticSnapshotOf({ updated: '2024-01-01', html: HTML.replace('12,3', '12,5') });
		assert.deepEqual(diffStatic(a, b), { from: '2024-01-01', to: '2024-01-01', content: true });
	});

	it('a new update date is a change, with or without new content', () => {
		const a = staticSnapshotOf({ updated: '2024-01-01', html: HTML });
		const b = staticSnapshotOf({ updated: '2024-06-01', html: HTML });
		assert.deepEqual(diffStatic(a, b), { from: '2024-01-01', to: '2024-06-01', content: false });
	});
});
