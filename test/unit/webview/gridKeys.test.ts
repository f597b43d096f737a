/**
 * The grid's keyboard model (src/webview/gridKeys.ts), the WAI-ARIA grid pattern: arrows, Home/End,
 * Ctrl+Home/End, PageUp/PageDown within the bounds, Enter/Space on the header sort, Space on a row
 * toggles it, and keys the grid does not use are left to the page.
 */
import assert from 'node:assert/strict';
import { gridKey } from '../../../src/webview/gridKeys';

const bounds = { last: 99, nCols: 5, page: 10 };
const move = (key: string, pos: number, col: number, ctrl = false) =>
	gridKey(key, ctrl, { pos, col }, bounds);

describe('gridKey (the grid keyboard model)', () => {
	it('moves with the arrows and stops at the edges (the header row is -1, the labels column 0)', () => {
		assert.deepEqual(move('ArrowDown', 3, 2), { move: { pos: 4, col: 2 }, vertical: true });
		assert.deepEqual(move('ArrowDown', 99, 2), { move: { pos: 99, col: 2 }, vertical: true });
		assert.deepEqual(move('ArrowUp', -1, 2), { move: { pos: -1, col: 2 }, vertical: true });
		assert.deepEqual(move('ArrowRight', 3, 5), { move: { pos: 3, col: 5 }, vertical: false });
		assert.deepEqual(move('ArrowLeft', 3, 0), { move: { pos: 3, col: 0 }, vertical: false });
	});

	it('Home/End go along the row; with Ctrl to the first and last cell', () => {
		assert.deepEqual(move('Home', 3, 4), { move: { pos: 3, col: 0 }, vertical: false });
		assert.deepEqual(move('End', 3, 1), { move: { pos: 3, col: 5 }, vertical: true });
		assert.deepEqual(move('Home', 30, 4, true), { move: { pos: -1, col: 0 }, vertical: true });
		assert.deepEqual(move('End', 3, 1, true), { move: { pos: 99, col: 5 }, vertical: true });
	});

	it('PageUp/PageDown move a page, PageUp stops at the first row (not the header)', () => {
		assert.deepEqual(move('PageDown', 95, 1), { move: { pos: 99, col: 1 }, vertical: true });
		assert.deepEqual(move('PageUp', 4, 1), { move: { pos: 0, col: 1 }, vertical: true });
		assert.deepEqual(move('PageUp', -1, 1), { move: { pos: -1, col: 1 }, vertical: true });
	});

	it('Enter/Space on the header sort; Space on a row toggles it; Enter on a row is kept', () => {
		assert.deepEqual(move('Enter', -1, 2), { sort: true });
		assert.deepEqual(move(' ', -1, 2), { sort: true });
		assert.deepEqual(move(' ', 4, 2), { toggle: true });
		assert.deepEqual(move('Enter', 4, 2), { consumed: true });
		assert.equal(move('a', 4, 2), undefined);
		assert.equal(move('Tab', 4, 2), undefined);
	});
});
