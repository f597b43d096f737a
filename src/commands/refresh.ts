import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { TreeFeature } from '../tree/feature';
import type { CatalogueNode } from '../tree/nodes';

/**
 * `bps.refresh [node]`: re-fetch a node's children (or the whole tree) past every cache. Also the
 * Retry action of error nodes. A refresh that fails keeps what was shown (see CatalogueTreeProvider).
 */
export function registerRefresh(context: vscode.ExtensionContext, f: TreeFeature): void {
	context.subscriptions.push(
		vscode.commands.registerCommand(Commands.refresh, (node?: CatalogueNode) => {
			f.tree.refresh(node && typeof node === 'object' && 'kind' in node ? node : undefined);
		}),
	);
}
