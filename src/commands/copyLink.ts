import * as vscode from 'vscode';
import { toItemRef, type ItemRef } from '../catalogue/itemRef';
import { Commands } from '../constants';
import { buildLink } from '../links/link';
import { linkBase } from '../links/registerLinks';
import type { Features } from './features';

/**
 * `bps.copyLink [node|ItemRef]`: copies a link that opens the same view in anyone's VS Code.
 * Without an argument it links the active preview (with the years it shows), else asks for an
 * item (the item picker). Resolves with the link copied, or undefined.
 */
export function registerCopyLink(context: vscode.ExtensionContext, f: Features): void {
	context.subscriptions.push(
		vscode.commands.registerCommand(Commands.copyLink, async (arg?: unknown): Promise<string | undefined> => {
			let ref: ItemRef | undefined = toItemRef(arg);
			if (!ref && arg === undefined) {
				const active = f.previews.all().find((p) => p.panel.active);
				if (active) ref = { ...active.ref, years: active.shownYears() ?? active.ref.years };
			}
			ref ??= (await f.search.pick(vscode.l10n.t('BPS: Copy Link')))?.ref;
			if (!ref) return undefined;
			const link = buildLink(linkBase(), ref);
			await vscode.env.clipboard.writeText(link);
			vscode.window.setStatusBarMessage(vscode.l10n.t('Link copied: {0}', link), 3000);
			return link;
		}),
	);
}
