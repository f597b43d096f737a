import * as vscode from 'vscode';
import { Views } from '../constants';
import { kindLabel } from '../presentation/kinds';
import { Disposable } from '../util/dispose';
import { type Favourite, type FavouriteWatch, moveFavourites } from './model';
import { revisedLines } from './tableDiff';
import type { FavouritesStore } from './store';

const MIME = `application/vnd.code.tree.${Views.favourites}`;

/**
 * The Favourites view, the first section of the BPS side bar: the pinned items in the user's
 * order. Clicking one opens it with its parameters; dragging reorders (a drop before the target,
 * or at the end on empty space).
 */
export class FavouritesView
	extends Disposable
	implements vscode.TreeDataProvider<Favourite>, vscode.TreeDragAndDropController<Favourite>
{
	readonly dragMimeTypes = [MIME];
	readonly dropMimeTypes = [MIME];
	private readonly onDidChangeEmitter = this._register(new vscode.EventEmitter<void>());
	readonly onDidChangeTreeData = this.onDidChangeEmitter.event;

	constructor(
		private readonly store: FavouritesStore,
		private readonly openCommand: string,
	) {
		super();
		this._register(store.onDidChange(() => this.onDidChangeEmitter.fire()));
	}

	async getChildren(element?: Favourite): Promise<Favourite[]> {
		return element ? [] : this.store.list();
	}

	getTreeItem(f: Favourite): vscode.TreeItem {
		const item = new vscode.TreeItem(f.label, vscode.TreeItemCollapsibleState.None);
		item.id = f.key;
		const years = f.ref.years?.length ? ` · ${f.ref.years.join(', ')}` : '';
		item.description = `${kindLabel(f.ref.kind)} ${f.ref.id} · ${f.ref.domain}${years}`;
		item.tooltip = `${f.ref.title ?? f.label}\n${item.description}`;
		item.iconPath = new vscode.ThemeIcon('star-full');
		item.contextValue = `favourite;${f.ref.kind};previewable`;
		const change = f.watch?.change;
		if (change) {
			// Marked until "Show changes": another icon and colour, the word, and what changed.
			item.description = `${vscode.l10n.t('changed')} · ${item.description}`;
			item.tooltip = `${item.tooltip}\n\n${changeSummary(change)}`;
			item.iconPath = new vscode.ThemeIcon('diff-modified', new vscode.ThemeColor('list.warningForeground'));
			item.contextValue += ';changed';
		}
		item.command = { command: this.openCommand, title: vscode.l10n.t('Open'), arguments: [f] };
		return item;
	}

	handleDrag(source: readonly Favourite[], data: vscode.DataTransfer): void {
		data.set(MIME, new vscode.DataTransferItem(source.map((f) => f.key)));
	}

	async handleDrop(target: Favourite | undefined, data: vscode.DataTransfer): Promise<void> {
		const keys = data.get(MIME)?.value as unknown;
		if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) return;
		await this.store.update((list) => moveFavourites(list, keys, target?.key));
	}
}

/** "2 new periods: 2025, 2026 · 3 revised values: Jawa Timur 2023: 12.3 → 12.5; …". */
export function changeSummary(change: NonNullable<FavouriteWatch['change']>): string {
	const parts: string[] = [];
	const table = change.table;
	if (table) {
		parts.push(
			table.from === table.to
				? vscode.l10n.t('The table was updated (its content changed).')
				: vscode.l10n.t('Table updated: {0} → {1}', table.from, table.to),
		);
	}
	if (change.newPeriods.length) {
		parts.push(vscode.l10n.t('New periods: {0}', change.newPeriods.join(', ')));
	}
	if (change.count) {
		const fmt = (x: number | undefined) => (x === undefined ? '–' : x.toLocaleString(vscode.env.language));
		const lines = revisedLines({ newPeriods: [], revised: change.revised }, fmt);
		const more = change.count - lines.length;
		parts.push(
			[
				vscode.l10n.t('Revised values: {0}', change.count),
				...lines,
				...(more > 0 ? [vscode.l10n.t('… and {0} more', more)] : []),
			].join('\n'),
		);
	}
	return parts.join('\n');
}
