import * as vscode from 'vscode';
import { type SnippetFormat, type SnippetTable, formatSnippet, languageIdForFormat } from '../snippets';
import type { InsertFormat } from './formats';

/** What an insertion did: returned by `bps.insertData` so callers and tests can check it. */
export interface InsertResult {
	format: InsertFormat;
	/** The text inserted at each cursor. */
	text: string;
	/** The document it went into. */
	uri: string;
	/** How many selections were replaced (1 for a new document). */
	cursors: number;
	/** True when a new untitled document was opened for it. */
	newDocument: boolean;
	/** Into a notebook: how many cells were added below the current one. */
	cells?: number;
}

/**
 * Formats `table` and puts it in `editor` at every cursor, replacing each selection, as plain
 * text edits (no SnippetString: `$` and `}` need no escaping). The line endings follow the
 * document's. Without an editor, opens a new untitled document in the format's language.
 * Every occurrence of `secret` (the API key, plain or URL-encoded) is masked: defence in depth,
 * the formatters never receive it.
 */
export async function insertTable(
	table: SnippetTable,
	format: SnippetFormat,
	editor: vscode.TextEditor | undefined,
	secret?: string,
): Promise<InsertResult> {
	const eol = editor?.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
	const text = maskSecret(formatSnippet(table, format, { eol }), secret);
	return insertText(text, format, languageIdForFormat(format), editor);
}

/**
 * Puts `text` in `editor` at every cursor (replacing selections), or into a new untitled document
 * of `languageId` when there is no editor. Line endings become the document's.
 */
export async function insertText(
	raw: string,
	format: InsertFormat,
	languageId: string,
	editor: vscode.TextEditor | undefined,
): Promise<InsertResult> {
	const text = editor?.document.eol === vscode.EndOfLine.CRLF ? raw.replace(/\r?\n/g, '\r\n') : raw;
	if (!editor) {
		const doc = await vscode.workspace.openTextDocument({ language: languageId, content: text });
		await vscode.window.showTextDocument(doc);
		return { format, text, uri: doc.uri.toString(), cursors: 1, newDocument: true };
	}
	const selections = editor.selections;
	const ok = await editor.edit((b) => {
		for (const s of selections) b.replace(s, text);
	});
	if (!ok) throw new Error(vscode.l10n.t('The editor did not accept the edit.'));
	await vscode.window.showTextDocument(editor.document, editor.viewColumn);
	return {
		format,
		text,
		uri: editor.document.uri.toString(),
		cursors: selections.length,
		newDocument: false,
	};
}

/** Replaces `secret` and its URL-encoded form with `***`. */
export function maskSecret(text: string, secret: string | undefined): string {
	if (!secret) return text;
	let out = text;
	for (const s of new Set([secret, encodeURIComponent(secret)])) {
		if (s) out = out.split(s).join('***');
	}
	return out;
}
