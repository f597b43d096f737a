import type * as vscode from 'vscode';
import { registerApiKeyCommands } from './apiKey';
import { registerClearCache } from './clearCache';
import { registerCopyId } from './copyId';
import { registerCopyLink } from './copyLink';
import { registerCopyMcpConfig } from './copyMcpConfig';
import type { Favourites } from '../favourites/registerFavourites';
import { registerFavouriteCommands } from './favourites';
import type { Features } from './features';
import { registerOpenOnWebsite } from './openOnWebsite';
import { registerRefresh } from './refresh';
import { registerSelectRegion } from './selectRegion';
import { registerShowLog } from './showLog';
import { registerSwitchLanguage } from './switchLanguage';

export type { Features };

/**
 * Registers the commands activation needs (one file per command). Preview, search, insert, new
 * notebook and copy citation are registered by src/lazy/features.ts when first used.
 */
export function registerCommands(
	context: vscode.ExtensionContext,
	f: Features,
	favourites: Favourites,
): void {
	registerShowLog(context);
	registerApiKeyCommands(context, f.services);
	registerSelectRegion(context, f.tree);
	registerSwitchLanguage(context, f.tree);
	registerRefresh(context, f.tree);
	registerClearCache(context, f.tree);
	registerCopyId(context, f);
	registerCopyLink(context, f);
	registerOpenOnWebsite(context, f);
	registerCopyMcpConfig(context, f.services);
	registerFavouriteCommands(context, f, favourites);
}
