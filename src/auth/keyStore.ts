import * as vscode from 'vscode';
import { Secrets } from '../constants';
import { Disposable } from '../util/dispose';

/**
 * The API key lives in SecretStorage and nowhere else. SecretStorage is shared across windows,
 * so `onDidChange` fires when another window sets or clears the key too.
 */
export class KeyStore extends Disposable {
	private readonly _onDidChange = this._register(new vscode.EventEmitter<string | undefined>());
	readonly onDidChange = this._onDidChange.event;
	private cached: string | undefined;
	private loaded = false;

	constructor(private readonly secrets: vscode.SecretStorage) {
		super();
		this._register(
			secrets.onDidChange(async (e) => {
				if (e.key === Secrets.apiKey) {
					this.cached = await this.secrets.get(Secrets.apiKey);
					this.loaded = true;
					this._onDidChange.fire(this.cached);
				}
			}),
		);
	}

	async get(): Promise<string | undefined> {
		if (!this.loaded) {
			this.cached = await this.secrets.get(Secrets.apiKey);
			this.loaded = true;
		}
		return this.cached || undefined;
	}

	async set(key: string): Promise<void> {
		this.cached = key;
		this.loaded = true;
		await this.secrets.store(Secrets.apiKey, key);
	}

	async delete(): Promise<void> {
		this.cached = undefined;
		this.loaded = true;
		await this.secrets.delete(Secrets.apiKey);
	}
}
