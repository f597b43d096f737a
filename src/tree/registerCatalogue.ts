import * as vscode from 'vscode';
import { CatalogueService } from '../catalogue/catalogueService';
import { registerClearCache } from '../commands/clearCache';
import { registerCopyCitation } from '../commands/copyCitation';
import { registerCopyId } from '../commands/copyId';
import { registerOpenOnWebsite } from '../commands/openOnWebsite';
import { registerRefresh } from '../commands/refresh';
import { registerSelectRegion } from '../commands/selectRegion';
import { registerSwitchLanguage } from '../commands/switchLanguage';
import { Settings, Views } from '../constants';
import type { Services } from '../services';
import { registerTestHook } from '../testHooks';
import { CatalogueTreeProvider } from './catalogueTree';
import type { TreeFeature } from './feature';

/**
 * The catalogue feature: CatalogueService → CatalogueTreeProvider → the `bps.catalogue` view, and
 * the commands that act on it (select region, refresh, copy id, open on website, switch language,
 * clear cache). Returns the feature so other features (search) can use the catalogue.
 */
export function registerCatalogue(context: vscode.ExtensionContext, services: Services): TreeFeature {
	const catalogue = new CatalogueService(
		services.client,
		() => services.config().lang,
		services.logger('catalogue'),
	);
	const tree = new CatalogueTreeProvider({
		catalogue,
		hasKey: async () => !!(await services.keyStore.get()),
		domain: () => services.config().domain,
		lang: () => services.config().lang,
		log: services.logger('tree'),
	});
	const view = vscode.window.createTreeView(Views.catalogue, {
		treeDataProvider: tree,
		showCollapseAll: true,
	});
	context.subscriptions.push(catalogue, tree, view);

	context.subscriptions.push(
		// The key is shared across windows: another window setting or clearing it lands here too.
		services.keyStore.onDidChange(() => tree.reset()),
		vscode.workspace.onDidChangeConfiguration((e) => {
			const s = (k: string) => e.affectsConfiguration(`${Settings.section}.${k}`);
			if (s(Settings.apiBaseUrl)) {
				// Another server: nothing we memoised is valid any more.
				catalogue.clear();
			}
			if (s(Settings.apiBaseUrl) || s(Settings.domain) || s(Settings.language)) {
				tree.reset();
			}
		}),
	);

	const feature: TreeFeature = { services, catalogue, tree, view };
	registerSelectRegion(context, feature);
	registerRefresh(context, feature);
	registerCopyId(context, feature);
	registerCopyCitation(context, feature);
	registerOpenOnWebsite(context, feature);
	registerSwitchLanguage(context, feature);
	registerClearCache(context, feature);

	registerTestHook('tree', tree);
	registerTestHook('treeView', view);
	registerTestHook('catalogue', catalogue);
	return feature;
}
