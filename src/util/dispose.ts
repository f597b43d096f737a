import type * as vscode from 'vscode';

/** Owns disposables: everything registered is disposed with the owner, last registered first. */
export abstract class Disposable implements vscode.Disposable {
	private _disposed = false;
	private readonly _disposables: vscode.Disposable[] = [];

	protected get isDisposed(): boolean {
		return this._disposed;
	}

	protected _register<T extends vscode.Disposable>(d: T): T {
		if (this._disposed) {
			d.dispose();
		} else {
			this._disposables.push(d);
		}
		return d;
	}

	dispose(): void {
		if (this._disposed) {
			return;
		}
		this._disposed = true;
		disposeAll(this._disposables);
	}
}

export function disposeAll(list: vscode.Disposable[]): void {
	while (list.length) {
		try {
			list.pop()?.dispose();
		} catch {
			// one failing dispose must not keep the others alive
		}
	}
}
