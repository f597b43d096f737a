import * as vscode from 'vscode';
import { Commands, Views } from '../constants';
import type { Features } from '../commands/features';
import { FavouritesView } from './favouritesView';
import { FavouritesStore } from './store';
import { FavouritesWatch } from './watch';
import { testHooksEnabled } from '../testHooks';

/** The favourites: their store, the Favourites view's provider and the update watch. */
export interface Favourites {
	favourites: FavouritesStore;
	favouritesView: FavouritesView;
	favouritesWatch: FavouritesWatch;
}

/**
 * Favourites: the store, the view (with drag and drop) and the update watch. The commands that
 * pin, open, rename and remove are in src/commands/favourites.ts.
 */
export function registerFavourites(context: vscode.ExtensionContext, f: Features): Favourites {
	const log = f.services.logger('favourites');
	const store = new FavouritesStore(context.globalState, log);
	const provider = new FavouritesView(store, Commands.openFavourite);
	// Under test the rounds run only when asked (bps.checkFavourites), so a timer cannot race a test.
	const watch = new FavouritesWatch(store, f.services, log, !testHooksEnabled());
	const view = vscode.window.createTreeView(Views.favourites, {
		treeDataProvider: provider,
		dragAndDropController: provider,
		canSelectMany: true,
	});
	context.subscriptions.push(store, provider, watch, view);
	return { favourites: store, favouritesView: provider, favouritesWatch: watch };
}
