import * as vscode from 'vscode';
import { Commands, EXTENSION_ID } from '../constants';
import type { Services } from '../services';
import { recordShown } from '../util/errors';
import { LINK_KINDS, type LinkProblem, parseLink } from './link';

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
			return vscode.l10n.t('unknown item kind "{0}" (use one of: {1}).', v, LINK_KINDS.join(', '));
		case 'id':
			return vscode.l10n.t(
				'"{0}" does not name an item of this kind (a number for most kinds, a 24-character code for a publication, the query\'s parameters for foreign trade).',
				v,
			);
		case 'years':
			return vscode.l10n.t(
				'years must be 4-digit years separated by commas, for a dynamic table, indicator, trade query or SIMDASI table, not "{0}".',
				v,
			);
	}
}
