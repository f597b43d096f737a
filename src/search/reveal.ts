import * as vscode from 'vscode';
import { sameItem, type ItemRef } from '../catalogue/itemRef';
import type { TreeFeature } from '../tree/feature';
import type { CatalogueNode, FolderKind } from '../tree/nodes';
import { isItemNode } from '../tree/nodes';

/** How many "Load more" pages to walk when looking for a publication or press release. */
const MAX_PAGES = 20;

/**
 * Reveals an item in the catalogue tree, loading the path to it: category → subject [→ Static tables] → table, or
 * the Publications / Press Releases / Indicators folder (walking "Load more" pages). Uses only the
 * provider's public surface (getChildren, loadMore) and the view's `reveal`. Resolves with the
 * node, or undefined when the item is not in the tree's current region (or not found).
 * @param hint the subject id when known (search results from the server carry it).
 */
export async function revealInTree(
	f: TreeFeature,
	ref: ItemRef,
	hint: { subjectId?: number } = {},
): Promise<CatalogueNode | undefined> {
	const same = (n: CatalogueNode) => isItemNode(n) && sameItem(n.ref, ref);
	let node: CatalogueNode | undefined = f.tree.loadedItems().find(same);
	if (!node) {
		const root = await f.tree.getChildren();
		const region = root.find((n) => n.kind === 'region');
		if (!region || region.domain !== ref.domain) return undefined;
		node = await findUnder(f, root, ref, hint, same);
	}
	if (node) await f.view.reveal(node, { select: true, focus: true, expand: false });
	return node;
}

async function findUnder(
	f: TreeFeature,
	root: CatalogueNode[],
	ref: ItemRef,
	hint: { subjectId?: number },
	same: (n: CatalogueNode) => boolean,
): Promise<CatalogueNode | undefined> {
	const folderOf: Partial<Record<ItemRef['kind'], FolderKind>> = {
		publication: 'publications',
		pressrelease: 'pressReleases',
		indicator: 'indicators',
	};
	const folderKind = folderOf[ref.kind];
	if (folderKind) {
		const folder = root.find((n) => n.kind === 'folder' && n.folder === folderKind);
		if (!folder) return undefined;
		let kids = await f.tree.getChildren(folder);
		for (let i = 0; i < MAX_PAGES; i++) {
			const hit = kids.find(same);
			if (hit) return hit;
			const more = kids.find((n) => n.kind === 'loadMore');
			if (!more || more.kind !== 'loadMore') return undefined;
			kids = await f.tree.loadMore(more);
		}
		return undefined;
	}
	const subjectId = hint.subjectId ?? (await subjectOf(f, ref));
	if (subjectId === undefined) return undefined;
	const subjects = await f.catalogue.subjects(ref.domain);
	const categoryId = subjects.items.find((s) => s.id === subjectId)?.categoryId;
	const category = root.find((n) => n.kind === 'category' && n.categoryId === categoryId);
	if (!category) return undefined;
	const subject = (await f.tree.getChildren(category)).find(
		(n) => n.kind === 'subject' && n.subjectId === subjectId,
	);
	if (!subject) return undefined;
	const kids = await f.tree.getChildren(subject);
	// Static tables sit in the subject's "Static tables" folder.
	const statics = kids.find((n) => n.kind === 'folder' && n.folder === 'staticTables');
	return kids.find(same) ?? (statics ? (await f.tree.getChildren(statics)).find(same) : undefined);
}

/** The subject of a table, from the (cached) full lists when the caller did not know it. */
async function subjectOf(f: TreeFeature, ref: ItemRef): Promise<number | undefined> {
	try {
		if (ref.kind === 'statictable') {
			return (
				(await f.catalogue.staticTables(ref.domain)).items.find((t) => t.id === ref.id)?.subjectId ??
				undefined
			);
		}
		if (ref.kind === 'var') {
			return (await f.catalogue.allVariables(ref.domain)).items.find((v) => v.id === ref.id)?.subjectId;
		}
	} catch (e) {
		f.services.logger('search').warn(`reveal: ${e instanceof Error ? e.message : String(e)}`);
	}
	return undefined;
}

/** The message when an item cannot be shown in the tree (another region, or gone). */
export function notInTreeMessage(ref: ItemRef): void {
	void vscode.window.showInformationMessage(
		vscode.l10n.t('This item is not in the catalogue of the current region ({0}).', ref.domain),
	);
}
