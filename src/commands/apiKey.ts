import * as vscode from 'vscode';
import { BpsError } from '../api/errors';
import { Commands, REGISTER_URL, StateKeys, TERMS_URL } from '../constants';
import type { Services } from '../services';
import { describeError } from '../util/errors';

/**
 * `bps.setApiKey [key]` and `bps.clearApiKey`. The key is checked with one cheap request
 * (`domain?type=prov`) before it is saved, and is saved only in SecretStorage.
 * Returns true when a key was saved, so scripted callers can tell.
 */
export function registerApiKeyCommands(context: vscode.ExtensionContext, s: Services): void {
	const log = s.logger('apiKey');
	context.subscriptions.push(
		vscode.commands.registerCommand(Commands.setApiKey, async (arg?: unknown): Promise<boolean> => {
			const scripted = typeof arg === 'string';
			let key = scripted ? (arg as string).trim() : undefined;
			if (!scripted) {
				key = (
					await vscode.window.showInputBox({
						title: vscode.l10n.t('BPS: Set API Key'),
						prompt: vscode.l10n.t(
							"Paste the App ID (API key) from your BPS WebAPI developer account. It is kept in VS Code's secret storage.",
						),
						placeHolder: vscode.l10n.t('BPS WebAPI key'),
						password: true,
						ignoreFocusOut: true,
						validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('The key cannot be empty.')),
					})
				)?.trim();
			}
			if (!key) {
				return false;
			}
			if (!(await ensureTermsAccepted(context, scripted))) {
				return false;
			}
			const problem = await vscode.window.withProgress(
				{ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the BPS API key…') },
				() => checkKey(s, key),
			);
			if (problem) {
				log.warn(`key rejected: ${problem.kind}`);
				const msg =
					problem.kind === 'badKey'
						? vscode.l10n.t('The BPS API rejected this key. Nothing was saved.')
						: vscode.l10n.t('The key could not be checked, so it was not saved: {0}', describeError(problem));
				void vscode.window.showErrorMessage(msg);
				return false;
			}
			await s.keyStore.set(key);
			log.info('API key saved to secret storage');
			void vscode.window.showInformationMessage(vscode.l10n.t('BPS API key saved.'));
			return true;
		}),
		vscode.commands.registerCommand(Commands.clearApiKey, async () => {
			await s.keyStore.delete();
			log.info('API key cleared');
			void vscode.window.showInformationMessage(vscode.l10n.t('BPS API key cleared.'));
		}),
	);
}

/** One cheap request with the candidate key; undefined when the key works. */
async function checkKey(s: Services, key: string): Promise<BpsError | undefined> {
	const probe = s.clientForKey(key);
	try {
		await probe.listDomains('prov', { bypassCache: true });
		return undefined;
	} catch (e) {
		return e instanceof BpsError ? e : new BpsError('unexpected', String(e));
	}
}

/** The first time a key is set, the user acknowledges the BPS terms of use. */
async function ensureTermsAccepted(context: vscode.ExtensionContext, scripted: boolean): Promise<boolean> {
	if (context.globalState.get<boolean>(StateKeys.termsAccepted) || scripted) {
		// Scripted setups (tests, provisioning) accept the terms by calling the command.
		await context.globalState.update(StateKeys.termsAccepted, true);
		return true;
	}
	const accept = vscode.l10n.t('I Agree');
	const read = vscode.l10n.t('Read the Terms');
	for (;;) {
		const choice = await vscode.window.showInformationMessage(
			vscode.l10n.t(
				'Data from the BPS WebAPI is provided under the BPS API terms of use: keep your key private, do not strain the service, and show "Layanan ini menggunakan API Badan Pusat Statistik (BPS)." wherever the data is displayed. This extension does the last two for you.',
			),
			{ modal: true, detail: vscode.l10n.t('Register for a key at {0}', REGISTER_URL) },
			accept,
			read,
		);
		if (choice === read) {
			await vscode.env.openExternal(vscode.Uri.parse(TERMS_URL));
			continue;
		}
		if (choice === accept) {
			await context.globalState.update(StateKeys.termsAccepted, true);
			return true;
		}
		return false;
	}
}
