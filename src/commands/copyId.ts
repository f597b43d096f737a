import * as vscode from 'vscode';
import { toItemRef } from '../catalogue/itemRef';
import { Commands } from '../constants';
import type { CatalogueNode } from '../tree/nodes';
import type { Features } from './features';

/**
 * `bps.copyId [node|ItemRef]`: copies the item's id (var_id, table_id, pub_id…) — or the region
 * code on the region node — to the clipboard. From the palette it asks for the item (the item
 * picker). Resolves with the text copied, or undefined.
 */
export function registerCopyId(context: vscode.ExtensionContext, f: Features): void {
	context.subscriptions.push(
		vscode.commands.registerCommand(Commands.copyId, async (arg?: unknown): Promise<string | undefined> => {
			let text: string | undefined;
			const node = arg as CatalogueNode | undefined;
			if (node && typeof node === 'object' && (node as { kind?: unknown }).kind === 'region') {
				text = node.domain;
			} else {
				const ref = toItemRef(arg) ?? (await f.search.pick(vscode.l10n.t('BPS: Copy ID')))?.ref;
				text = ref ? String(ref.id) : undefined;
			}
			if (text === undefined) return undefined;
			await vscode.env.clipboard.writeText(text);
			vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', text), 3000);
			return text;
		}),
	);
}
