import * as vscode from 'vscode';
import { BpsError } from '../api/errors';
import { type KeyFormatProblem, keyFormatProblem } from '../auth/keyFormat';
import { Commands, REGISTER_URL, StateKeys, TERMS_URL } from '../constants';
import type { Services } from '../services';
import { describeError, recordShown } from '../util/errors';

/**
 * The dialogs `bps.setApiKey` shows, in one object so the integration tests can answer them
 * (the `keyPrompts` test hook, like `pickSaveUri` for exports) while the command itself runs for real.
 */
export const keyPrompts = {
	input: (o: vscode.InputBoxOptions): Thenable<string | undefined> => vscode.window.showInputBox(o),
	terms: (message: string, o: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined> =>
		vscode.window.showInformationMessage(message, o, ...items),
};

/**
 * `bps.setApiKey [key]` and `bps.clearApiKey`. Interactive: the BPS terms first (only until they
 * are accepted once), then the key, whose shape (32 hexadecimal characters) the input box checks
 * as it is typed. As an argument, the shape is checked before anything else. A well-formed key
 * is then checked with one cheap request (`domain?type=prov`) and saved only in SecretStorage.
 * Returns true when a key was saved, so scripted callers can tell.
 */
export function registerApiKeyCommands(context: vscode.ExtensionContext, s: Services): void {
	const log = s.logger('apiKey');
	context.subscriptions.push(
		vscode.commands.registerCommand(Commands.setApiKey, async (arg?: unknown): Promise<boolean> => {
			const scripted = typeof arg === 'string';
			let key: string | undefined;
			if (scripted) {
				key = (arg as string).trim();
				const problem = keyFormatProblem(key);
				if (problem) {
					// Never sent: a malformed key would only earn a rejection (and land in server logs).
					log.warn(`key not saved: malformed (${problem})`);
					showFailure(formatMessage(problem));
					return false;
				}
				// Scripted setups (tests, provisioning) accept the terms by calling the command.
				await context.globalState.update(StateKeys.termsAccepted, true);
			} else {
				if (!(await ensureTermsAccepted(context))) return false;
				key = (
					await keyPrompts.input({
						title: vscode.l10n.t('BPS: Set API Key'),
						prompt: vscode.l10n.t(
							"Paste the App ID (API key) from your BPS WebAPI developer account. It is kept in VS Code's secret storage.",
						),
						placeHolder: vscode.l10n.t('32 hexadecimal characters'),
						password: true,
						ignoreFocusOut: true,
						validateInput: (v) => {
							const problem = keyFormatProblem(v);
							return problem ? formatMessage(problem) : undefined;
						},
					})
				)?.trim();
				if (!key || keyFormatProblem(key)) return false;
			}
			const problem = await vscode.window.withProgress(
				{ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the BPS API key…') },
				() => checkKey(s, key),
			);
			if (problem) {
				log.warn(`key rejected: ${problem.kind}`);
				showFailure(
					problem.kind === 'badKey'
						? vscode.l10n.t('The BPS API rejected this key. Nothing was saved.')
						: vscode.l10n.t('The key could not be checked, so it was not saved: {0}', describeError(problem)),
					problem,
				);
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

/** What is wrong with the key's shape, in a sentence. */
function formatMessage(p: KeyFormatProblem): string {
	switch (p) {
		case 'empty':
			return vscode.l10n.t('The key cannot be empty.');
		case 'chars':
			return vscode.l10n.t('A BPS API key has only the characters 0–9 and a–f (32 of them).');
		case 'length':
			return vscode.l10n.t('A BPS API key is 32 hexadecimal characters (0–9, a–f).');
	}
}

/**
 * An error with "Show Log", like every other failure (the README promises it). Not awaited: the
 * command answers at once, the message stays until dismissed.
 */
function showFailure(message: string, e?: unknown): void {
	const showLog = vscode.l10n.t('Show Log');
	recordShown('error', message, e, [showLog]);
	void vscode.window.showErrorMessage(message, showLog).then((choice) => {
		if (choice === showLog) void vscode.commands.executeCommand(Commands.showLog);
	});
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

/** Before the first key is typed, the user acknowledges the BPS terms of use (once). */
async function ensureTermsAccepted(context: vscode.ExtensionContext): Promise<boolean> {
	if (context.globalState.get<boolean>(StateKeys.termsAccepted)) return true;
	const accept = vscode.l10n.t('I Agree');
	const read = vscode.l10n.t('Read the Terms');
	for (;;) {
		const choice = await keyPrompts.terms(
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
