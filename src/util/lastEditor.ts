import * as vscode from 'vscode';
import { Disposable } from './dispose';

/**
 * The text editor the user was last in. Run from the tree, a preview or a QuickPick, the active
 * editor is gone (focus is in a view or a webview), and the editor may even be hidden behind the
 * panel in the same group: inserts still go there. One tracker serves every feature.
 */
export class LastEditor extends Disposable {
	private last: vscode.TextEditor | undefined;

	constructor() {
		super();
		this.note(vscode.window.activeTextEditor);
		this._register(vscode.window.onDidChangeActiveTextEditor((e) => this.note(e)));
	}

	/** The last editor while it is still visible. */
	visible(): vscode.TextEditor | undefined {
		return this.last && vscode.window.visibleTextEditors.includes(this.last) ? this.last : undefined;
	}

	/** The last editor's document while a tab still shows it; undefined once it was closed. */
	document(): vscode.Uri | undefined {
		const uri = this.last?.document.uri;
		const u = uri?.toString();
		if (!u) return undefined;
		const open = vscode.window.tabGroups.all.some((g) =>
			g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === u),
		);
		return open ? uri : undefined;
	}

	private note(e: vscode.TextEditor | undefined): void {
		if (usableEditor(e)) this.last = e;
	}
}

/** Editors that can take text: not the Output panel and the like. */
export function usableEditor(e: vscode.TextEditor | undefined): vscode.TextEditor | undefined {
	return e && !['output', 'vscode-output', 'debug'].includes(e.document.uri.scheme) ? e : undefined;
}
