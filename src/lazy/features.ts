/** What dist/features.js provides once loaded: the features built on first use and their commands. */
import type * as vscode from 'vscode';
import { registerCopyCitation } from '../commands/copyCitation';
import type { Features } from '../commands/features';
import { registerInsertData } from '../commands/insertData';
import { registerNewNotebook } from '../commands/newNotebook';
import { registerPreview } from '../commands/preview';
import { registerSearch } from '../commands/search';
import { TradePicker } from '../commands/tradePicker';
import { PreviewManager } from '../preview/previewManager';
import { SearchController } from '../search/searchController';
import type { Services } from '../services';
import type { TreeFeature } from '../tree/feature';

export { runTool } from '../ai/tools';

export interface LoadedFeatures {
	readonly previews: PreviewManager;
	readonly search: SearchController;
	readonly tradePicker: TradePicker;
}

export function createFeatures(
	context: vscode.ExtensionContext,
	services: Services,
	tree: TreeFeature,
): LoadedFeatures {
	const previews = new PreviewManager(services);
	const search = new SearchController(tree);
	context.subscriptions.push(previews, search);
	const tradePicker = new TradePicker(context.globalState, () => services.config().lang);
	return { previews, search, tradePicker };
}

/** The commands src/lazy/lazyFeatures.ts registered as placeholders ({@link LAZY_COMMANDS}). */
export function registerLazyCommands(context: vscode.ExtensionContext, f: Features): void {
	registerPreview(context, f);
	registerSearch(context, f);
	registerInsertData(context, f);
	registerNewNotebook(context, f);
	registerCopyCitation(context, f);
}
