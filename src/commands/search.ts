import * as vscode from 'vscode';
import { Commands } from '../constants';
import { SearchController, parseSearchArg } from '../search/searchController';
import { registerTestHook } from '../testHooks';
import type { TreeFeature } from '../tree/feature';

/**
 * `bps.search`: a QuickPick over the current region's dynamic tables, static tables, publications
 * and press releases (server keyword search merged with the local index). `{ query }` pre-fills
 * it; `{ query, accept: true }` waits for the results and opens the first one (keybindings,
 * tests). Returns the controller so `bps.insertData` can reuse its "pick" mode.
 */
export function registerSearch(context: vscode.ExtensionContext, feature: TreeFeature): SearchController {
	const controller = new SearchController(feature);
	context.subscriptions.push(
		controller,
		vscode.commands.registerCommand(Commands.search, async (arg?: unknown) => {
			const { query, accept } = parseSearchArg(arg);
			const session = controller.browse(query);
			if (accept) {
				await session.whenSettled();
				const first = session.items.find((i) => i.result);
				session.accept(first);
				return first?.result?.ref;
			}
			return undefined;
		}),
	);
	registerTestHook('search', controller);
	return controller;
}
