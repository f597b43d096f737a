/**
 * What changed in a static table between two checks of a favourite: its update date, and its
 * content (a digest of the HTML, so the stored state stays small). Pure code (no `vscode`),
 * unit-tested in test/unit/favourites/staticDiff.test.ts.
 */

export interface StaticSnapshot {
	/** The table's `updt_date` at the check. */
	updated: string;
	/** FNV-1a digest of the table's HTML (hex). */
	digest: string;
}

export interface StaticChange {
	/** The update date before and now (equal when only the content changed). */
	from: string;
	to: string;
	/** True when the table's content is not what it was. */
	content: boolean;
}

export function staticSnapshotOf(t: { updated: string; html: string }): StaticSnapshot {
	return { updated: t.updated, digest: fnv1a(t.html) };
}

/** The change from `before` to `after`, or undefined when neither the date nor the content moved. */
export function diffStatic(before: StaticSnapshot, after: StaticSnapshot): StaticChange | undefined {
	const content = before.digest !== after.digest;
	if (!content && before.updated === after.updated) return undefined;
	return { from: before.updated, to: after.updated, content };
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
