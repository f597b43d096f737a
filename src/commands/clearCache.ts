import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { TreeFeature } from '../tree/feature';

/**
 * `bps.clearCache`: drop the response cache (memory and disk), the catalogue memo and the
 * classification, glossary and census/SIMDASI indexes, then reload the tree.
 */
export function registerClearCache(context: vscode.ExtensionContext, f: TreeFeature): void {
	const log = f.services.logger('cache');
	context.subscriptions.push(
		vscode.commands.registerCommand(Commands.clearCache, () => {
			f.services.cache.clear();
			f.catalogue.clear();
			f.services.classifications.clear();
			f.services.glossary.clear();
			f.services.familyIndex.clear();
			f.tree.reset();
			log.info('cache cleared by the user');
			void vscode.window.showInformationMessage(
				vscode.l10n.t('BPS cache cleared. The catalogue will be fetched again.'),
			);
		}),
	);
}
