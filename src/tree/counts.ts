/**
 * What the tree counts: how fresh the lists behind one load are, and how many tables a loaded
 * subject or "Static tables" folder holds (from the children the provider remembers). No VS Code API.
 */
import type { CatalogueNode } from './nodes';

/** The children remembered for a node id; undefined when not loaded. */
export type ChildrenOf = (id: string) => CatalogueNode[] | undefined;

/** How many tables a loaded subject holds; `statics` undefined until its folder has loaded. */
export function subjectTables(
	childrenOf: ChildrenOf,
	id: string,
): { vars: number; statics: number | undefined } | undefined {
	const kids = childrenOf(id);
	if (!kids || kids.some((ch) => ch.kind === 'error')) return undefined;
	const vars = kids.filter((ch) => ch.kind === 'var').length;
	const folder = kids.find((ch) => ch.kind === 'folder');
	return { vars, statics: folder ? staticCount(childrenOf, folder.id) : 0 };
}

/** The number of static tables in a loaded "Static tables" folder; undefined before (or on failure). */
export function staticCount(childrenOf: ChildrenOf, folderId: string): number | undefined {
	const kids = childrenOf(folderId);
	if (!kids || kids.some((ch) => ch.kind === 'error')) return undefined;
	return kids.filter((ch) => ch.kind === 'statictable').length;
}

/** Tracks the freshness of the lists one load combined. */
export class Fresh {
	private stale = false;
	private fetchedAt = Date.now();
	add<T extends { stale: boolean; fetchedAt: number }>(p: T): T {
		if (p.stale) {
			this.stale = true;
			this.fetchedAt = Math.min(this.fetchedAt, p.fetchedAt);
		}
		return p;
	}
	result(): { stale: boolean; fetchedAt: number } {
		return { stale: this.stale, fetchedAt: this.fetchedAt };
	}
}
