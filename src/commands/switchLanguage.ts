import * as vscode from 'vscode';
import type { Lang } from '../api/types';
import { Commands, Settings } from '../constants';
import type { TreeFeature } from '../tree/feature';
import { updateEffectiveSetting } from '../util/config';

/**
 * `bps.switchLanguage [lang]`: toggles the data language (`bps.language`, ind ⇄ eng), or sets the
 * one given. The tree relabels through its configuration listener. Resolves with the new language.
 */
export function registerSwitchLanguage(context: vscode.ExtensionContext, f: TreeFeature): void {
	context.subscriptions.push(
		vscode.commands.registerCommand(Commands.switchLanguage, async (arg?: unknown): Promise<Lang> => {
			const next: Lang =
				arg === 'ind' || arg === 'eng' ? arg : f.services.config().lang === 'ind' ? 'eng' : 'ind';
			await updateEffectiveSetting(Settings.language, next);
			const name = next === 'ind' ? vscode.l10n.t('Indonesian') : vscode.l10n.t('English');
			vscode.window.setStatusBarMessage(vscode.l10n.t('BPS data language: {0}', name), 4000);
			return next;
		}),
	);
}
