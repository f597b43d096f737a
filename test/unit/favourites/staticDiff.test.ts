/**
 * A favourite static table's watch (src/favourites/staticDiff.ts): a new update date or new content
 * is a change, and the cells that changed are found when the layout stayed.
 */
import assert from 'node:assert/strict';
import {
	MAX_MARKED_CELLS,
	diffStatic,
	mergeStaticChange,
	staticCellTexts,
	staticSnapshotOf,
} from '../../../src/favourites/staticDiff';

const HTML = '<table><tr><td>Jawa Timur</td><td>12,3</td></tr></table>';
const GRID =
	'<table><tr><th colspan="2">Provinsi</th><th>2024</th></tr>' +
	'<tr><td rowspan="2">Jawa</td><td>Timur</td><td><nobr>12,3</nobr></td></tr>' +
	'<tr><td>Barat</td><td>4,5</td></tr></table>';

describe('staticDiff', () => {
	it('sees no change in the same table', () => {
		const a = staticSnapshotOf({ updated: '2024-01-01', html: HTML });
		assert.equal(diffStatic(a, staticSnapshotOf({ updated: '2024-01-01', html: HTML })), undefined);
		assert.match(a.digest, /^[0-9a-f]{8}$/);
		assert.match(a.cells ?? '', /^[0-9a-f]{16}$/, 'two cells, 8 hex digits each');
	});

	it('a revised value changes the content even when the date stays, and names its cell', () => {
		const a = staticSnapshotOf({ updated: '2024-01-01', html: HTML });
		const b = staticSnapshotOf({ updated: '2024-01-01', html: HTML.replace('12,3', '12,5') });
		assert.deepEqual(diffStatic(a, b), {
			from: '2024-01-01',
			to: '2024-01-01',
			content: true,
			cells: [1],
			cellCount: 1,
		});
	});

	it('a new update date is a change, with or without new content', () => {
		const a = staticSnapshotOf({ updated: '2024-01-01', html: HTML });
		const b = staticSnapshotOf({ updated: '2024-06-01', html: HTML });
		assert.deepEqual(diffStatic(a, b), { from: '2024-01-01', to: '2024-06-01', content: false });
	});

	it('cells are counted as the document has them: one per td/th, spans not repeated, short rows not padded', () => {
		assert.deepEqual(staticCellTexts(GRID), ['Provinsi', '2024', 'Jawa', 'Timur', '12,3', 'Barat', '4,5']);
		assert.deepEqual(
			staticCellTexts('<p>x</p><table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>'),
			['a', 'b', 'c', 'd'],
		);
		const a = staticSnapshotOf({ updated: 'x', html: GRID });
		const b = staticSnapshotOf({ updated: 'x', html: GRID.replace('4,5', '4,6').replace('2024', '2025') });
		assert.deepEqual(diffStatic(a, b)?.cells, [1, 6]);
	});

	it('another layout (a row more) is a content change without cells', () => {
		const a = staticSnapshotOf({ updated: 'x', html: HTML });
		const b = staticSnapshotOf({
			updated: 'y',
			html: HTML.replace('</table>', '<tr><td>Bali</td><td>1</td></tr></table>'),
		});
		assert.deepEqual(diffStatic(a, b), { from: 'x', to: 'y', content: true });
	});

	it('keeps at most MAX_MARKED_CELLS cells, and counts them all', () => {
		const row = (v: number) =>
			`<tr>${Array.from({ length: 100 }, (_, i) => `<td>${i + v}</td>`).join('')}</tr>`;
		const html = (v: number) => `<table>${Array.from({ length: 8 }, () => row(v)).join('')}</table>`;
		const d = diffStatic(
			staticSnapshotOf({ updated: 'x', html: html(0) }),
			staticSnapshotOf({ updated: 'x', html: html(1) }),
		)!;
		assert.equal(d.cells?.length, MAX_MARKED_CELLS);
		assert.equal(d.cellCount, 800);
	});

	it('merges an unseen change with a new one: the first date, both sets of cells', () => {
		const first = { from: 'a', to: 'b', content: true, cells: [1, 4], cellCount: 2 };
		assert.deepEqual(
			mergeStaticChange(first, { from: 'b', to: 'c', content: true, cells: [4, 2], cellCount: 2 }),
			{
				from: 'a',
				to: 'c',
				content: true,
				cells: [1, 2, 4],
				cellCount: 3,
			},
		);
		// After a layout change (no cells), later cells cannot be marked against what the user saw.
		const layout = { from: 'a', to: 'b', content: true };
		assert.deepEqual(
			mergeStaticChange(layout, { from: 'b', to: 'c', content: true, cells: [0], cellCount: 1 }),
			{
				from: 'a',
				to: 'c',
				content: true,
			},
		);
		// A date-only change before: the new cells are all there is.
		assert.deepEqual(
			mergeStaticChange(
				{ from: 'a', to: 'b', content: false },
				{ from: 'b', to: 'c', content: true, cells: [3], cellCount: 1 },
			),
			{ from: 'a', to: 'c', content: true, cells: [3], cellCount: 1 },
		);
		assert.deepEqual(mergeStaticChange(undefined, layout), layout);
	});
});
