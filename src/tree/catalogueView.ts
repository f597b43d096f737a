import * as vscode from 'vscode';
import { Settings, Views } from '../constants';
import type { Services } from '../services';
import { CatalogueTreeProvider } from './catalogueTree';
import type { TreeFeature } from './feature';

/**
 * The catalogue view: the services' CatalogueService → CatalogueTreeProvider → the `bps.catalogue`
 * view, reset when the key, the region, the language or the server changes. The commands that act
 * on it are registered with the others (src/commands/index.ts).
 */
export function createCatalogueView(context: vscode.ExtensionContext, services: Services): TreeFeature {
	const { catalogue } = services;
	const tree = new CatalogueTreeProvider({
		catalogue,
		hasKey: async () => !!(await services.keyStore.get()),
		domain: () => services.config().domain,
		lang: () => services.config().lang,
		log: services.logger('tree'),
		families: services.client.families,
		glossary: services.glossary,
	});
	const view = vscode.window.createTreeView(Views.catalogue, {
		treeDataProvider: tree,
		showCollapseAll: true,
	});
	context.subscriptions.push(tree, view);

	context.subscriptions.push(
		// The key is shared across windows: another window setting or clearing it lands here too.
		services.keyStore.onDidChange(() => tree.reset()),
		vscode.workspace.onDidChangeConfiguration((e) => {
			const s = (k: string) => e.affectsConfiguration(`${Settings.section}.${k}`);
			if (s(Settings.apiBaseUrl)) {
				// Another server: nothing we memoised is valid any more.
				catalogue.clear();
				services.classifications.clear();
				services.glossary.clear();
				services.familyIndex.clear();
			}
			if (s(Settings.apiBaseUrl) || s(Settings.domain) || s(Settings.language)) {
				tree.reset();
			}
		}),
	);
	return { services, catalogue, tree, view };
}
