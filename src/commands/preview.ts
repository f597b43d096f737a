import * as vscode from 'vscode';
import { toItemRef } from '../catalogue/itemRef';
import { toSdgSpec } from '../catalogue/sdgs';
import { resolveSdgArg } from './sdgArg';
import { isTradeArg, resolveTradeArg } from './tradeArg';
import { Commands } from '../constants';
import { reportError } from '../util/errors';
import type { Features } from './features';

/**
 * `bps.preview`: from a tree node (`ref`), a search result, `{ domain, kind, id, years? }` or an SDG
 * indicator `{ kind: 'sdg', number }` / `{ kind: 'sdg', varId }` (its national dynamic table), or
 * foreign trade `{ kind: 'trade', flow, hs, hsLevel, years, monthly }` (what is missing is asked);
 * with no argument it asks for the item (the item picker). Resolves with the panel's id (tests
 * use it with the `previews` hook), or undefined when the user cancelled.
 */
export function registerPreview(context: vscode.ExtensionContext, f: Features): void {
	const log = f.services.logger('preview');
	context.subscriptions.push(
		vscode.commands.registerCommand(Commands.preview, async (arg?: unknown) => {
			try {
				if (toSdgSpec(arg)) {
					const sdg = toItemRef(await resolveSdgArg(arg, f.services.catalogue));
					return sdg && f.previews.open(sdg).id;
				}
				if (isTradeArg(arg)) {
					const trade = await resolveTradeArg(arg, f.tradePicker);
					return trade && f.previews.open(trade).id;
				}
				const ref =
					toItemRef(arg) ??
					(arg === undefined ? (await f.search.pick(vscode.l10n.t('BPS: Preview')))?.ref : undefined);
				if (!ref) {
					if (arg !== undefined)
						void vscode.window.showWarningMessage(vscode.l10n.t('This item cannot be previewed.'));
					return undefined;
				}
				return f.previews.open(ref).id;
			} catch (e) {
				await reportError(e, log, 'preview');
				return undefined;
			}
		}),
	);
}
