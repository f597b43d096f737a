import * as vscode from 'vscode';
import { toItemRef } from '../catalogue/itemRef';
import { Commands } from '../constants';
import type { TreeFeature } from '../tree/feature';
import type { CatalogueNode } from '../tree/nodes';
import { pickLoadedItem } from '../tree/pickItem';

/**
 * `bps.copyId [node|ItemRef]`: copies the item's id (var_id, table_id, pub_id…) — or the region
 * code on the region node — to the clipboard. From the palette it offers the items loaded so far.
 * Resolves with the text copied, or undefined.
 */
export function registerCopyId(context: vscode.ExtensionContext, f: TreeFeature): void {
	context.subscriptions.push(
		vscode.commands.registerCommand(Commands.copyId, async (arg?: unknown): Promise<string | undefined> => {
			let text: string | undefined;
			const node = arg as CatalogueNode | undefined;
			if (node && typeof node === 'object' && (node as { kind?: unknown }).kind === 'region') {
				text = node.domain;
			} else {
				const ref = toItemRef(arg) ?? (await pickLoadedItem(f, vscode.l10n.t('BPS: Copy ID')));
				text = ref ? String(ref.id) : undefined;
			}
			if (text === undefined) return undefined;
			await vscode.env.clipboard.writeText(text);
			vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', text), 3000);
			return text;
		}),
	);
}
