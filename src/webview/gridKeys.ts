/**
 * What a key does in the grid (the WAI-ARIA grid pattern's keyboard model), apart from the DOM:
 * where the active cell moves, or which action it asks for. Pure, so VirtualGrid only applies it.
 */

/** The active cell: view position (-1 = the header row) and column (0 = the row labels). */
export interface GridPos {
	pos: number;
	col: number;
}

export type KeyResult =
	| { move: GridPos; vertical: boolean }
	/** Enter or Space on the header row: sort that column; Space on a row: toggle its selection. */
	| { sort: true }
	| { toggle: true }
	/** A key the grid keeps from the page (Enter on a row) without doing anything. */
	| { consumed: true }
	| undefined;

/**
 * The result of `key` from `at`, with `last` the last view position, `nCols` the data columns and
 * `page` the rows a PageUp/PageDown moves. Undefined: the grid does not use the key.
 */
export function gridKey(
	key: string,
	ctrl: boolean,
	at: GridPos,
	bounds: { last: number; nCols: number; page: number },
): KeyResult {
	let { pos, col } = at;
	const { last, nCols, page } = bounds;
	switch (key) {
		case 'ArrowDown':
			pos = Math.min(last, pos + 1);
			break;
		case 'ArrowUp':
			pos = Math.max(-1, pos - 1);
			break;
		case 'ArrowRight':
			col = Math.min(nCols, col + 1);
			break;
		case 'ArrowLeft':
			col = Math.max(0, col - 1);
			break;
		case 'Home':
			col = 0;
			if (ctrl) pos = -1;
			break;
		case 'End':
			col = nCols;
			if (ctrl) pos = last;
			break;
		case 'PageDown':
			pos = Math.min(last, pos + page);
			break;
		case 'PageUp':
			pos = Math.max(pos < 0 ? -1 : 0, pos - page);
			break;
		case 'Enter':
		case ' ':
			if (pos < 0) return { sort: true };
			return key === ' ' ? { toggle: true } : { consumed: true };
		default:
			return undefined;
	}
	const vertical = key !== 'ArrowLeft' && key !== 'ArrowRight' && !(key === 'Home' && !ctrl);
	return { move: { pos, col }, vertical };
}
