/**
 * The "Classifications (Indonesia)" folder: one folder per KBLI/KBKI edition, then the hierarchy
 * level by level, loaded as each code opens: the edition's sections are its top level's list, a
 * code's children come from its own entry (`turunan`). Codes of the innermost level are leaves.
 */
import type { FamilyEndpoints } from '../api/families/endpoints';
import type { Freshness, Lang } from '../api/types';
import {
	BROWSED_CLASSIFICATIONS,
	childEntry,
	classificationName,
	isClassificationModel,
	levelsOf,
} from '../catalogue/classifications';
import type { CatalogueNode, FolderNode, ItemNode, ItemNodeOf } from './nodes';
import { itemNodes } from './nodeFactory';

export type ClassificationSource = Pick<FamilyEndpoints, 'listClassification' | 'getClassification'>;

/** One folder per edition, newest first, named "KBLI 2020". */
export function classificationFolderNodes(parent: FolderNode): FolderNode[] {
	return BROWSED_CLASSIFICATIONS.map((model) => ({
		kind: 'folder',
		id: `${parent.id}/${model}`,
		parentId: parent.id,
		domain: parent.domain,
		folder: 'classification',
		group: model,
		label: classificationName(model),
	}));
}

/**
 * The codes under an edition's folder (its sections) or under a code (its children), in code
 * order. `fresh` hears how fresh each answer was.
 */
export async function classificationChildren(
	source: ClassificationSource,
	base: string,
	node: FolderNode | ItemNodeOf<'classification'>,
	o: { lang: Lang; bypassCache?: boolean },
	fresh: <T extends Freshness>(x: T) => T,
): Promise<ItemNode[]> {
	if (node.kind === 'folder') {
		const model = node.group;
		if (!isClassificationModel(model)) return [];
		const top = fresh(
			await source.listClassification(model, { ...o, level: levelsOf(model)[0], perPage: 500 }),
		);
		const sections = [...top.items].sort((a, b) => a.code.localeCompare(b.code, 'en'));
		return itemNodes(base, node, 'classification', sections);
	}
	const e = fresh(await source.getClassification(node.item.model, node.ref.id, o));
	return itemNodes(
		base,
		node,
		'classification',
		e.children.map((c) => childEntry(e, c)),
	);
}

/** True for the nodes this module loads the children of. */
export function isClassificationParent(n: CatalogueNode): n is FolderNode | ItemNodeOf<'classification'> {
	return (n.kind === 'folder' && n.folder === 'classification') || n.kind === 'classification';
}
