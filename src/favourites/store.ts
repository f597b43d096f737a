import * as vscode from 'vscode';
import { Settings, StateKeys } from '../constants';
import { Disposable } from '../util/dispose';
import type { Logger } from '../util/logger';
import { type Favourite, parseFavourites } from './model';

export type FavouritesLocation = 'global' | 'workspace';

/**
 * Where favourites live: per user in global state (the default), or — with
 * `bps.favourites.location: "workspace"` and a folder open — in the folder's `.vscode/bps.json`,
 * so they travel with the project. The file is re-read when it changes on disk; other keys in it
 * are kept. A file that is not valid JSON is never overwritten (its text would be lost): changes
 * are refused with a message until it is fixed.
 */
export class FavouritesStore extends Disposable {
	private readonly onDidChangeEmitter = this._register(new vscode.EventEmitter<void>());
	readonly onDidChange = this.onDidChangeEmitter.event;

	constructor(
		private readonly state: vscode.Memento,
		private readonly log: Logger,
	) {
		super();
		const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/.vscode/bps.json'));
		const fire = () => this.onDidChangeEmitter.fire();
		this._register(watcher.onDidChange(fire));
		this._register(watcher.onDidCreate(fire));
		this._register(watcher.onDidDelete(fire));
		this._register(
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (e.affectsConfiguration(`${Settings.section}.${Settings.favouritesLocation}`)) fire();
			}),
		);
	}

	location(): FavouritesLocation {
		const want = vscode.workspace.getConfiguration(Settings.section).get<string>(Settings.favouritesLocation);
		return want === 'workspace' && this.file() ? 'workspace' : 'global';
	}

	/** The workspace file: `.vscode/bps.json` in the first folder; undefined with no folder open. */
	file(): vscode.Uri | undefined {
		const folder = vscode.workspace.workspaceFolders?.[0];
		return folder && vscode.Uri.joinPath(folder.uri, '.vscode', 'bps.json');
	}

	async list(): Promise<Favourite[]> {
		try {
			return parseFavourites((await this.read()).doc).favourites;
		} catch (e) {
			this.log.warn(`favourites not read: ${e instanceof Error ? e.message : String(e)}`);
			return [];
		}
	}

	/** Applies `change` to the stored list and saves it; resolves with the new list. */
	async update(change: (list: Favourite[]) => Favourite[]): Promise<Favourite[]> {
		const { doc, file } = await this.read();
		const next = change(parseFavourites(doc).favourites);
		if (file) {
			const text = `${JSON.stringify({ ...doc, favourites: next }, null, '\t')}\n`;
			await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
			await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
		} else {
			await this.state.update(StateKeys.favourites, { favourites: next });
		}
		this.onDidChangeEmitter.fire();
		return next;
	}

	/** The stored document; throws a readable error for a workspace file that is not JSON. */
	private async read(): Promise<{ doc: Record<string, unknown>; file?: vscode.Uri }> {
		if (this.location() === 'global') {
			return { doc: this.state.get<Record<string, unknown>>(StateKeys.favourites) ?? {} };
		}
		const file = this.file()!;
		let text: string;
		try {
			text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
		} catch {
			return { doc: {}, file }; // No file yet: the first favourite creates it.
		}
		try {
			const doc = JSON.parse(text) as unknown;
			if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not an object');
			return { doc: doc as Record<string, unknown>, file };
		} catch {
			throw new Error(
				vscode.l10n.t('{0} is not valid JSON. Fix or delete it to change favourites.', file.fsPath),
			);
		}
	}
}
