import * as vscode from 'vscode';
import type { ItemRef } from '../catalogue/itemRef';
import type { TreeFeature } from './feature';
import type { ItemNode } from './nodes';

/** The codicon per item kind, shared by the tree and the pickers. */
const KIND_ICON: Record<ItemNode['kind'], string> = {
	var: 'graph',
	statictable: 'table',
	publication: 'file-pdf',
	pressrelease: 'note',
	indicator: 'dashboard',
};

/**
 * For item commands run from the palette: a QuickPick over every item the tree has loaded (VS
 * Code's own fuzzy filter on title and id is enough here). Undefined when nothing is loaded or
 * the user cancels.
 */
export async function pickLoadedItem(f: TreeFeature, title: string): Promise<ItemRef | undefined> {
	const nodes = f.tree.loadedItems();
	if (!nodes.length) {
		void vscode.window.showInformationMessage(
			vscode.l10n.t(
				'Expand the BPS catalogue (or search it) first, then pick an item here or use its context menu.',
			),
		);
		return undefined;
	}
	const picked = await vscode.window.showQuickPick(
		nodes.map((n) => ({
			label: n.label,
			description: `${kindLabel(n.kind)} · ${n.ref.id} · ${n.domain}`,
			iconPath: new vscode.ThemeIcon(KIND_ICON[n.kind]),
			node: n,
		})),
		{
			title,
			placeHolder: vscode.l10n.t('Choose a table, publication or press release'),
			matchOnDescription: true,
		},
	);
	return picked?.node.ref;
}

export function kindLabel(kind: ItemNode['kind']): string {
	switch (kind) {
		case 'var':
			return vscode.l10n.t('Dynamic table');
		case 'statictable':
			return vscode.l10n.t('Static table');
		case 'publication':
			return vscode.l10n.t('Publication');
		case 'pressrelease':
			return vscode.l10n.t('Press release');
		case 'indicator':
			return vscode.l10n.t('Indicator');
	}
}
