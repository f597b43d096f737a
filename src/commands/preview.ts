import * as vscode from 'vscode';
import { ITEM_KINDS, toItemRef, type ItemKind, type ItemRef } from '../catalogue/itemRef';
import { Commands } from '../constants';
import { PreviewManager } from '../preview/previewManager';
import type { Services } from '../services';
import { registerTestHook } from '../testHooks';
import { reportError } from '../util/errors';

/**
 * `bps.preview`: from a tree node (`ref`), a search result or `{ domain, kind, id, years? }`;
 * with no argument it asks for the kind and the item. Resolves with the panel's id (tests use it
 * with the `previews` hook), or undefined when the user cancelled.
 */
export function registerPreview(context: vscode.ExtensionContext, services: Services): PreviewManager {
	const manager = new PreviewManager(services);
	const log = services.logger('preview');
	context.subscriptions.push(
		manager,
		vscode.commands.registerCommand(Commands.preview, async (arg?: unknown) => {
			try {
				const ref = toItemRef(arg) ?? (arg === undefined ? await askForItem(services) : undefined);
				if (!ref) {
					if (arg !== undefined)
						void vscode.window.showWarningMessage(vscode.l10n.t('This item cannot be previewed.'));
					return undefined;
				}
				return manager.open(ref).id;
			} catch (e) {
				await reportError(e, log, 'preview');
				return undefined;
			}
		}),
	);
	registerTestHook('previews', manager);
	return manager;
}

/** Palette flow: pick a kind, then an item of the current region from the client's lists. */
async function askForItem(services: Services): Promise<ItemRef | undefined> {
	const labels: Record<ItemKind, string> = {
		var: vscode.l10n.t('Dynamic table'),
		statictable: vscode.l10n.t('Static table'),
		publication: vscode.l10n.t('Publication'),
		pressrelease: vscode.l10n.t('Press release'),
		indicator: vscode.l10n.t('Strategic indicator'),
	};
	const kinds: Array<vscode.QuickPickItem & { itemKind: ItemKind }> = ITEM_KINDS.map((k) => ({
		label: labels[k],
		itemKind: k,
	}));
	const kindPick = await vscode.window.showQuickPick(kinds, {
		placeHolder: vscode.l10n.t('What do you want to preview?'),
	});
	if (!kindPick) return undefined;
	const domain = services.config().domain;
	const api = services.client;
	const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { id: number | string }>();
	qp.placeholder = vscode.l10n.t('Choose an item of region {0} (type to filter by title or id)', domain);
	qp.matchOnDescription = true;
	qp.busy = true;
	qp.show();
	const ctrl = new AbortController();
	type Pick = vscode.QuickPickItem & { id: number | string };
	const items = (async (): Promise<Pick[]> => {
		const o = { signal: ctrl.signal };
		switch (kindPick.itemKind) {
			case 'var':
				return (await api.listVariables(domain, o)).items.map((x) => ({
					label: x.title,
					description: String(x.id),
					id: x.id,
				}));
			case 'statictable':
				return (await api.listStaticTables(domain, o)).items.map((x) => ({
					label: x.title,
					description: String(x.id),
					id: x.id,
				}));
			case 'publication':
				return (await api.listPublications(domain, o)).items.map((x) => ({
					label: x.title,
					description: x.releaseDate,
					id: x.id,
				}));
			case 'pressrelease':
				return (await api.listPressReleases(domain, o)).items.map((x) => ({
					label: x.title,
					description: x.releaseDate,
					id: x.id,
				}));
			case 'indicator':
				return (await api.listIndicators(domain, o)).items.map((x) => ({
					label: x.title,
					description: String(x.indicatorId),
					id: x.indicatorId,
				}));
			default:
				return [];
		}
	})();
	return new Promise<ItemRef | undefined>((resolve, reject) => {
		let done = false;
		const finish = (r: ItemRef | undefined) => {
			if (done) return;
			done = true;
			ctrl.abort();
			qp.dispose();
			resolve(r);
		};
		qp.onDidAccept(() => {
			const s = qp.selectedItems[0];
			finish(s ? { domain, kind: kindPick.itemKind, id: s.id, title: s.label } : undefined);
		});
		qp.onDidHide(() => finish(undefined));
		items.then(
			(list) => {
				qp.items = list;
				qp.busy = false;
			},
			(e) => {
				if (done) return;
				done = true;
				qp.dispose();
				reject(e);
			},
		);
	});
}
