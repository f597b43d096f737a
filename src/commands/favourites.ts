/**
 * The favourites commands: pin (from a preview with the view it shows, or a picked item), open
 * with the pinned view, show what BPS revised, check now, rename and remove.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { toItemRef, type ItemRef } from '../catalogue/itemRef';
import { tradeTitle } from '../catalogue/trade';
import { Commands } from '../constants';
import {
	addFavourite,
	changesView,
	removeFavourite,
	renameFavourite,
	type Favourite,
} from '../favourites/model';
import type { Favourites } from '../favourites/registerFavourites';
import type { DimensionView } from '../preview/protocol';
import { reportError } from '../util/errors';
import type { Features } from './features';

export function registerFavouriteCommands(
	context: vscode.ExtensionContext,
	f: Features,
	{ favourites: store, favouritesWatch: watch }: Favourites,
): void {
	const log = f.services.logger('favourites');
	const guarded =
		<A extends unknown[], R>(what: string, fn: (...a: A) => Promise<R>) =>
		async (...a: A): Promise<R | undefined> => {
			try {
				return await fn(...a);
			} catch (e) {
				await reportError(e, log, what);
				return undefined;
			}
		};
	/** Opens `ref` (the favourite's item and years) with the favourite's rows and derived variable. */
	const openAs = async (fav: Favourite, ref: ItemRef): Promise<string | undefined> => {
		const id = await vscode.commands.executeCommand<string | undefined>(Commands.preview, ref);
		const panel = id ? f.previews.get(id) : undefined;
		if (panel && ref.kind === 'var') panel.showView(fav.view ?? {});
		return id;
	};
	const favouriteOf = async (arg: unknown): Promise<Favourite | undefined> => {
		const key = typeof arg === 'string' ? arg : (arg as { key?: unknown } | undefined)?.key;
		return (await store.list()).find((x) => x.key === key);
	};

	context.subscriptions.push(
		vscode.commands.registerCommand(
			Commands.checkFavourites,
			guarded('check favourites', async () => {
				const round = await watch.run();
				if (round.stopped === 'off') {
					vscode.window.setStatusBarMessage(
						vscode.l10n.t('The favourites watch is off (bps.favourites.watch).'),
						3000,
					);
				}
				return round;
			}),
		),
		vscode.commands.registerCommand(
			Commands.showFavouriteChanges,
			guarded('show favourite changes', async (arg?: unknown) => {
				const fav = await favouriteOf(arg);
				if (!fav) return undefined;
				const { ref, changes } = changesView(fav);
				const id = await openAs(fav, ref);
				const panel = id ? f.previews.get(id) : undefined;
				if (panel && fav.watch?.change) panel.showChanges(changes);
				// Looked at: the mark goes (the kept cells stay the base of the next comparison).
				await store.update((list) =>
					list.map((x) =>
						x.key === fav.key && x.watch ? { ...x, watch: { ...x.watch, change: undefined } } : x,
					),
				);
				return id;
			}),
		),
		vscode.commands.registerCommand(
			Commands.addFavourite,
			// With no argument: the active preview, with the years it shows; else a loaded item.
			guarded('add favourite', async (arg?: unknown) => {
				let ref: ItemRef | undefined = toItemRef(arg);
				let view: DimensionView | undefined;
				if (!ref && arg === undefined) {
					const active = f.previews.all().find((p) => p.panel.active);
					if (active) ref = { ...active.ref, years: active.shownYears() ?? active.ref.years };
					view = active?.shownView();
				}
				ref ??= (await f.search.pick(vscode.l10n.t('BPS: Add to Favourites')))?.ref;
				if (!ref) return undefined;
				// A trade query has no title of its own: named as its preview is.
				const pinned: ItemRef =
					ref.kind === 'trade' && !ref.title
						? { ...ref, title: tradeTitle(ref, f.services.config().lang) }
						: ref;
				let result: ReturnType<typeof addFavourite> | undefined;
				await store.update((list) => {
					result = addFavourite(list, pinned, new Date(), randomUUID, view);
					return result.list;
				});
				vscode.window.setStatusBarMessage(
					result!.added
						? vscode.l10n.t('Added to favourites: {0}', result!.favourite.label)
						: vscode.l10n.t('Already in favourites: {0}', result!.favourite.label),
					3000,
				);
				return result!.favourite;
			}),
		),
		vscode.commands.registerCommand(
			Commands.openFavourite,
			guarded('open favourite', async (arg?: unknown) => {
				const fav = await favouriteOf(arg);
				return fav && openAs(fav, { ...fav.ref, title: fav.ref.title ?? fav.label });
			}),
		),
		vscode.commands.registerCommand(
			Commands.renameFavourite,
			guarded('rename favourite', async (arg?: unknown, newLabel?: unknown) => {
				const fav = await favouriteOf(arg);
				if (!fav) return undefined;
				const label =
					typeof newLabel === 'string'
						? newLabel
						: await vscode.window.showInputBox({
								title: vscode.l10n.t('Rename favourite'),
								value: fav.label,
								validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a name.')),
							});
				if (!label?.trim()) return undefined;
				await store.update((list) => renameFavourite(list, fav.key, label));
				return label.trim();
			}),
		),
		vscode.commands.registerCommand(
			Commands.removeFavourite,
			guarded('remove favourite', async (arg?: unknown, more?: unknown) => {
				// From the view with several selected, VS Code passes the clicked one and the selection.
				const picked = Array.isArray(more) ? more : [arg];
				const keys = (await Promise.all(picked.map(favouriteOf))).filter((x) => !!x).map((x) => x!.key);
				if (!keys.length) return 0;
				await store.update((list) => keys.reduce((l, k) => removeFavourite(l, k), list));
				return keys.length;
			}),
		),
	);
}
