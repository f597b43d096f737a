import * as vscode from 'vscode';
import { Commands, EXTENSION_ID } from '../constants';
import type { PreviewManager } from '../preview/previewManager';
import { registerTestHook } from '../testHooks';
import type { TreeFeature } from '../tree/feature';
import { recordShown } from '../util/errors';
import { registerCopyLink } from '../commands/copyLink';
import { type LinkProblem, parseLink } from './link';

/**
 * Links: `window.registerUriHandler` opens `<scheme>://bps-data-browser.bps-data-browser/open?…`
 * in a preview, and "BPS: Copy Link" writes such a link. A bad link gets a message saying what
 * is wrong with it; nothing is fetched for it. The handler's `open` is the `links` test hook; it
 * resolves with the preview's panel id.
 */
export function registerLinks(
	context: vscode.ExtensionContext,
	f: TreeFeature,
	previews: PreviewManager,
): void {
	const log = f.services.logger('links');
	const links = {
		async open(uri: vscode.Uri): Promise<string | undefined> {
			const r = parseLink(uri.path, uri.query);
			if (!r.ok) {
				// The link text is outside input: logged, but only its problem is shown.
				log.warn(`refused link ${uri.path}?${uri.query}: ${r.problem.code}`);
				const message = vscode.l10n.t('This BPS link cannot be opened: {0}', describeProblem(r.problem));
				recordShown('error', message);
				void vscode.window.showErrorMessage(message);
				return undefined;
			}
			return vscode.commands.executeCommand<string | undefined>(Commands.preview, r.target);
		},
	};
	context.subscriptions.push(
		vscode.window.registerUriHandler({
			handleUri: async (uri) => {
				await links.open(uri);
			},
		}),
	);
	registerTestHook('links', links);
	registerCopyLink(context, f, previews, linkBase);
}

/** `<scheme>://<publisher>.<name>`: `vscode`, `vscode-insiders`, `code-oss`… as this app answers to. */
function linkBase(): string {
	return `${vscode.env.uriScheme}://${EXTENSION_ID}`;
}

function describeProblem(p: LinkProblem): string {
	const v = p.value.length > 40 ? `${p.value.slice(0, 40)}…` : p.value;
	switch (p.code) {
		case 'path':
			return vscode.l10n.t('unknown action "{0}" (links start with /open).', v);
		case 'domain':
			return vscode.l10n.t('the region code must be 4 digits, such as 3500, not "{0}".', v);
		case 'kind':
			return vscode.l10n.t(
				'unknown item kind "{0}" (use var, statictable, indicator, publication or pressrelease).',
				v,
			);
		case 'id':
			return vscode.l10n.t(
				'the item id must be a number (a 24-character code for a publication), not "{0}".',
				v,
			);
		case 'years':
			return vscode.l10n.t(
				'years must be 4-digit years separated by commas, for a dynamic table or indicator, not "{0}".',
				v,
			);
	}
}
