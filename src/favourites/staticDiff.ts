/**
 * What changed in a static table between two checks of a favourite: its update date, its content
 * (a digest of the HTML) and which cells changed (a digest of each cell's text, in document order,
 * so the stored state stays small). Pure code (no `vscode`), unit-tested in
 * test/unit/favourites/staticDiff.test.ts.
 */
import { htmlTableCellTexts } from '../api/htmlTableCells';

export interface StaticSnapshot {
	/** The table's `updt_date` at the check. */
	updated: string;
	/** FNV-1a digest of the table's HTML (hex). */
	digest: string;
	/**
	 * Digests of the first table's cells (`td`/`th`, in document order), concatenated: 8 hex digits
	 * a cell. Absent for a table over {@link MAX_WATCHED_CELLS} cells (then only the digest counts).
	 */
	cells?: string;
}

export interface StaticChange {
	/** The update date before and now (equal when only the content changed). */
	from: string;
	to: string;
	/** True when the table's content is not what it was. */
	content: boolean;
	/**
	 * The cells whose text changed, by their index among the table's cells in document order (the
	 * first {@link MAX_MARKED_CELLS}). Absent when cells cannot be compared: the table's layout
	 * changed (another number of cells) or it is too large to keep.
	 */
	cells?: number[];
	/** How many cells changed in all, when they could be compared. */
	cellCount?: number;
}

/** Larger tables keep only their digest: cell digests would cost 8 bytes a cell in the favourites state. */
export const MAX_WATCHED_CELLS = 20_000;
/** The changed cells a change keeps for the preview to mark. */
export const MAX_MARKED_CELLS = 500;

export function staticSnapshotOf(t: { updated: string; html: string }): StaticSnapshot {
	const texts = staticCellTexts(t.html);
	return {
		updated: t.updated,
		digest: fnv1a(t.html),
		...(texts.length && texts.length <= MAX_WATCHED_CELLS ? { cells: texts.map(fnv1a).join('') } : {}),
	};
}

/** The first table's cells' texts in document order (one per `td`/`th`, spans not repeated). */
export function staticCellTexts(html: string): string[] {
	return htmlTableCellTexts(html).map((t) => t.trim());
}

/** The change from `before` to `after`, or undefined when neither the date nor the content moved. */
export function diffStatic(before: StaticSnapshot, after: StaticSnapshot): StaticChange | undefined {
	const content = before.digest !== after.digest;
	if (!content && before.updated === after.updated) return undefined;
	const change: StaticChange = { from: before.updated, to: after.updated, content };
	if (content && before.cells !== undefined && after.cells?.length === before.cells.length) {
		const changed: number[] = [];
		for (let i = 0; i * 8 < after.cells.length; i++)
			if (after.cells.slice(i * 8, i * 8 + 8) !== before.cells.slice(i * 8, i * 8 + 8)) changed.push(i);
		change.cells = changed.slice(0, MAX_MARKED_CELLS);
		change.cellCount = changed.length;
	}
	return change;
}

/**
 * An unseen earlier change and a new one as one: the first date, content changed if either did,
 * and the cells of both (cells can be compared only when both could).
 */
export function mergeStaticChange(prev: StaticChange | undefined, next: StaticChange): StaticChange {
	if (!prev) return next;
	const merged: StaticChange = { from: prev.from, to: next.to, content: next.content || prev.content };
	if (next.cells && (prev.cells || !prev.content)) {
		const cells = [...new Set([...(prev.cells ?? []), ...next.cells])].sort((a, b) => a - b);
		merged.cells = cells.slice(0, MAX_MARKED_CELLS);
		merged.cellCount = Math.max(cells.length, prev.cellCount ?? 0, next.cellCount ?? 0);
	}
	return merged;
}

/** 32-bit FNV-1a over the UTF-16 code units: a change detector, not a security hash. */
function fnv1a(s: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}
