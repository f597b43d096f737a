import * as vscode from 'vscode';
import { BpsError, isCancelled } from '../api/errors';
import { Commands } from '../constants';
import { InputError } from './inputError';
import type { Logger } from './logger';

/**
 * Every error message `reportError` showed, newest last (bounded). Registered as the `messages`
 * test hook: fault tests check that each failure ends with a clear, localised message.
 */
export const shownMessages: Array<{
	level: 'error' | 'warning';
	message: string;
	kind?: string;
	/** The buttons offered with it ("Show Log"…). */
	actions?: string[];
	at: number;
}> = [];

/** Remember a message about to be shown (bounded), for the `messages` test hook. */
export function recordShown(
	level: 'error' | 'warning',
	message: string,
	e?: unknown,
	actions?: string[],
): void {
	const kind = e instanceof BpsError ? e.kind : undefined;
	shownMessages.push({ level, message, kind, actions, at: Date.now() });
	if (shownMessages.length > 200) shownMessages.splice(0, shownMessages.length - 200);
}

/** The user-facing, localised sentence for any error. Never contains the key (BpsError messages are redacted). */
export function describeError(e: unknown): string {
	if (e instanceof BpsError) {
		switch (e.kind) {
			case 'noKey':
				return vscode.l10n.t('No BPS API key is set. Run "BPS: Set API Key" to add one.');
			case 'badKey':
				return vscode.l10n.t(
					'The BPS API rejected the API key. Check the key, or set a new one with "BPS: Set API Key".',
				);
			case 'noData':
				return vscode.l10n.t('BPS has no data for this request.');
			case 'tooLarge':
				return vscode.l10n.t(
					'The request is too large for the BPS API. Choose fewer periods or fewer regions and try again.',
				);
			case 'blocked':
				return vscode.l10n.t(
					'The request was blocked by a firewall (the BPS security system or a proxy answered with a web page instead of data). Try again later, or check your network and proxy settings.',
				);
			case 'notFound':
				return vscode.l10n.t(
					'The BPS API does not know this item or address (HTTP 404). Check the "bps.apiBaseUrl" setting.',
				);
			case 'apiError':
				return vscode.l10n.t('The BPS API answered with an error: {0}', e.details.apiMessage ?? e.message);
			case 'server':
				return vscode.l10n.t('The BPS API is having trouble (server error). Try again in a few minutes.');
			case 'network':
				return vscode.l10n.t('Cannot reach the BPS API. Check your internet connection or proxy.');
			case 'timeout':
				return vscode.l10n.t(
					'The BPS API did not answer in time. Try again, or raise "bps.network.timeoutSeconds".',
				);
			case 'cancelled':
				return vscode.l10n.t('Cancelled.');
			case 'unexpected':
				return vscode.l10n.t('The BPS API sent a response this extension does not understand.');
		}
	}
	if (e instanceof InputError) return e.message;
	return vscode.l10n.t('Something went wrong: {0}', e instanceof Error ? e.message : String(e));
}

/**
 * Log an error and show it with "Show Log" (and "Set API Key" for key problems). Cancellation is
 * not an error and is only logged at debug level. Never throws; returns when the message is shown.
 */
export async function reportError(e: unknown, log: Logger, context?: string): Promise<void> {
	if (isCancelled(e)) {
		log.debug(`${context ?? 'operation'} cancelled`);
		return;
	}
	const message = describeError(e);
	log.error(`${context ? context + ': ' : ''}${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
	const showLogAction = vscode.l10n.t('Show Log');
	const setKeyAction = vscode.l10n.t('Set API Key');
	const actions =
		e instanceof BpsError && (e.kind === 'badKey' || e.kind === 'noKey')
			? [setKeyAction, showLogAction]
			: [showLogAction];
	recordShown('error', message, e, actions);
	const choice = await vscode.window.showErrorMessage(message, ...actions);
	if (choice === showLogAction) {
		await vscode.commands.executeCommand(Commands.showLog);
	} else if (choice === setKeyAction) {
		await vscode.commands.executeCommand(Commands.setApiKey);
	}
}
