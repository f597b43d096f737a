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

	/** Work that may still store a key (the sandbox seed); `get()` waits for it. */
	private pending: Promise<unknown> = Promise.resolve();

	/** Runs `work` (which may call `set`) without blocking the caller; `get()` answers after it. */
	whileSettling(work: () => Promise<void>): Promise<void> {
		const p = work();
		this.pending = p.catch(() => undefined);
		return p;
	}

	async get(): Promise<string | undefined> {
		await this.pending;
		return this.read();
	}

	/** The stored key without waiting for pending work (for that work itself). */
	peek(): Promise<string | undefined> {
		return this.read();
	}

	private async read(): Promise<string | undefined> {
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
