import * as vscode from 'vscode';
import { Views } from '../constants';
import { kindLabel } from '../presentation/kinds';
import { Disposable } from '../util/dispose';
import { type Favourite, moveFavourites } from './model';
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
