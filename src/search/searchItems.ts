/** The QuickPick rows of search results: one per result, and one separator per kind. */
import * as vscode from 'vscode';
import { BpsError, isOfflineError } from '../api/errors';
import type { Lang } from '../api/types';
import type { CatalogueItem } from '../catalogue/items';
import { itemDescription, KIND_ICONS, kindLabel } from '../presentation/kinds';
import { describeError } from '../util/errors';
import { groupByKind } from './kindGroups';

/** What a session reports when the user acts on a result. */
export type SearchAction = 'open' | 'insert' | 'reveal';

export interface SearchItem extends vscode.QuickPickItem {
	result?: CatalogueItem;
	/** The "offline — showing cached results" / error line: accepting it retries. */
	notice?: boolean;
	/** When nothing matched: search the national catalogue (0000), or switch the data language. */
	emptyAction?: 'allIndonesia' | 'switchLanguage';
}

export interface ItemOptions {
	lang: Lang;
	/** 'browse': items carry insert (and reveal) buttons. */
	mode: 'browse' | 'pick';
	canReveal?: boolean;
}

/** The results under one separator per kind ("Dynamic table (12)"), only `only`'s when given. */
export function groupedItems(
	found: readonly CatalogueItem[],
	o: ItemOptions,
	only?: CatalogueItem['kind'],
): SearchItem[] {
	return groupByKind(found, only).flatMap((g) => [
		{ label: `${kindLabel(g.kind)} (${g.items.length})`, kind: vscode.QuickPickItemKind.Separator },
		...g.items.map((r) => searchItem(r, o)),
	]);
}

export function searchItem(r: CatalogueItem, o: ItemOptions): SearchItem {
	const kind = kindLabel(r.kind);
	const note = itemDescription(r);
	// Found only in the other language, and its title in the data language is not known yet.
	const foreign =
		r.titleLang && r.titleLang !== o.lang
			? r.titleLang === 'ind'
				? vscode.l10n.t('Indonesian title')
				: vscode.l10n.t('English title')
			: undefined;
	const detail = [kind, note, foreign].filter(Boolean).join(' · ');
	const item: SearchItem = {
		label: `$(${KIND_ICONS[r.kind]}) ${r.ref.title ?? r.ref.id}`,
		description: r.subject || undefined,
		detail,
		// The server and the index already filtered: VS Code's own fuzzy filter must not hide
		// results that matched on a subject, a unit or a substring.
		alwaysShow: true,
		result: r,
	};
	if (o.mode === 'browse') {
		const buttons: Array<vscode.QuickInputButton & { action: SearchAction }> = [
			{
				iconPath: new vscode.ThemeIcon('insert'),
				tooltip: vscode.l10n.t('Insert data into the editor'),
				action: 'insert',
			},
		];
		// A trade query has no node in the tree to reveal (the tree offers the trade picker).
		if (o.canReveal && r.kind !== 'trade') {
			buttons.push({
				iconPath: new vscode.ThemeIcon('list-tree'),
				tooltip: vscode.l10n.t('Reveal in the BPS catalogue'),
				action: 'reveal',
			});
		}
		item.buttons = buttons;
	}
	return item;
}

/** The "offline — showing cached results" or error line under the results: accepting it retries. */
export function noticeItem(error: unknown): SearchItem {
	const offline = error === undefined || (error instanceof BpsError && isOfflineError(error.kind));
	return {
		label: offline
			? `$(cloud-offline) ${vscode.l10n.t('Offline — showing cached results')}`
			: `$(warning) ${describeError(error)}`,
		detail: vscode.l10n.t('Press Enter to try again'),
		alwaysShow: true,
		notice: true,
	};
}
