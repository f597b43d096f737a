import * as vscode from 'vscode';
import { Commands, EXTENSION_ID } from '../constants';
import type { Services } from '../services';
import { recordShown } from '../util/errors';
import { type LinkProblem, parseLink } from './link';

/** Opens a link as the URI handler does; resolves with the preview's panel id. */
export interface LinkOpener {
	open(uri: vscode.Uri): Promise<string | undefined>;
}

/**
 * Links: `window.registerUriHandler` opens `<scheme>://bps-data-browser.bps-data-browser/open?…`
 * in a preview ("BPS: Copy Link", commands/copyLink.ts, writes such a link). A bad link gets a
 * message saying what is wrong with it; nothing is fetched for it. Returns the handler's `open`
 * (the `links` test hook).
 */
export function registerLinks(context: vscode.ExtensionContext, services: Services): LinkOpener {
	const log = services.logger('links');
	const links: LinkOpener = {
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
	return links;
}

/** `<scheme>://<publisher>.<name>`: `vscode`, `vscode-insiders`, `code-oss`… as this app answers to. */
export function linkBase(): string {
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
