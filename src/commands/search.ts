import * as vscode from 'vscode';
import { Commands } from '../constants';
import { parseSearchArg } from '../search/searchController';
import type { Features } from './features';

/**
 * `bps.search`: a QuickPick over the current region's dynamic tables, static tables, publications
 * and press releases (server keyword search merged with the local index), then classification
 * codes and glossary concepts. `bps.searchGlossary`: the same over glossary concepts only (Enter
 * shows the definition, the button inserts it). `{ query }` pre-fills either; `{ query, accept:
 * true }` waits for the results and opens the first one (keybindings, tests).
 */
export function registerSearch(context: vscode.ExtensionContext, f: Features): void {
	const search = (scope: 'all' | 'glossary') => async (arg?: unknown) => {
		const { query, accept } = parseSearchArg(arg);
		const session = f.search.browse(query, scope);
		if (accept) {
			await session.whenSettled();
			const first = session.items.find((i) => i.result);
			session.accept(first);
			return first?.result?.ref;
		}
		return undefined;
	};
	context.subscriptions.push(
		vscode.commands.registerCommand(Commands.search, search('all')),
		vscode.commands.registerCommand(Commands.searchGlossary, search('glossary')),
	);
}
