import * as vscode from 'vscode';
import type { CitationFormat } from '../cite/citation';
import { citationLanguageId } from '../cite/labels';
import { type InsertResult, maskSecret } from '../insert/apply';
import type { InsertFormat } from '../insert/formats';
import { type SnippetFormat, type SnippetTable, formatSnippet, languageIdForFormat } from '../snippets';
import { type CellSpec, type NotebookLanguage, headerMarkdown, notebookLanguage } from './cells';

/** Where Insert Data goes in a notebook: the notebook editor and the index below the current cell. */
export interface NotebookTarget {
	editor: vscode.NotebookEditor;
	index: number;
}

/**
 * The notebook to insert into: the one whose cell `editor` edits (cells go below that cell), or,
 * with no text editor, the active notebook (below its selected cell). Undefined for a plain
 * text editor.
 */
export function notebookTarget(editor: vscode.TextEditor | undefined): NotebookTarget | undefined {
	if (editor) {
		const uri = editor.document.uri.toString();
		for (const nbe of vscode.window.visibleNotebookEditors) {
			const cell = nbe.notebook.getCells().find((c) => c.document.uri.toString() === uri);
			if (cell) return { editor: nbe, index: cell.index + 1 };
		}
		return undefined;
	}
	const nbe = vscode.window.activeNotebookEditor;
	if (!nbe) return undefined;
	const sel = nbe.selections[0];
	return { editor: nbe, index: sel && !sel.isEmpty ? sel.end : nbe.notebook.cellCount };
}

/** The notebook's language (Python unless it says R). */
export function languageOf(nb: vscode.NotebookDocument): NotebookLanguage {
	return notebookLanguage(
		nb.metadata,
		nb
			.getCells()
			.filter((c) => c.kind === vscode.NotebookCellKind.Code)
			.map((c) => c.document.languageId),
	);
}

export function toCellData(c: CellSpec): vscode.NotebookCellData {
	return new vscode.NotebookCellData(
		c.kind === 'markdown' ? vscode.NotebookCellKind.Markup : vscode.NotebookCellKind.Code,
		c.value,
		c.language,
	);
}

/**
 * Adds `cells` below the current cell as one notebook edit (one undo step), selects and reveals
 * them. The current cell's text is left alone.
 */
export async function insertCells(
	target: NotebookTarget,
	cells: readonly CellSpec[],
	format: InsertFormat,
): Promise<InsertResult> {
	const nb = target.editor.notebook;
	const edit = new vscode.WorkspaceEdit();
	edit.set(nb.uri, [vscode.NotebookEdit.insertCells(target.index, cells.map(toCellData))]);
	if (!(await vscode.workspace.applyEdit(edit))) {
		throw new Error(vscode.l10n.t('The notebook did not accept the new cells.'));
	}
	const range = new vscode.NotebookRange(target.index, target.index + cells.length);
	target.editor.selections = [range];
	target.editor.revealRange(range);
	return {
		format,
		text: cells.map((c) => c.value).join('\n\n'),
		uri: nb.uri.toString(),
		cursors: 1,
		newDocument: false,
		cells: cells.length,
	};
}

/**
 * Cells for text Insert Data produced: code in the notebook's language goes in a code cell,
 * Markdown in a Markdown cell, anything else (CSV, JSON, a citation…) in a fenced block.
 */
export function cellFor(text: string, languageId: string, nbLanguage: NotebookLanguage): CellSpec {
	const value = text.replace(/\s+$/, '');
	if (languageId === nbLanguage) return { kind: 'code', language: nbLanguage, value };
	if (languageId === 'markdown') return { kind: 'markdown', language: 'markdown', value };
	const fence = value.includes('```') ? '~~~~' : '```';
	const info = languageId === 'plaintext' ? '' : languageId;
	return { kind: 'markdown', language: 'markdown', value: `${fence}${info}\n${value}\n${fence}` };
}

/** Insert Data's cells: the Markdown header (attribution, title, source), then the data or code. */
export function insertTableCells(
	target: NotebookTarget,
	table: SnippetTable,
	format: SnippetFormat,
	secret: string | undefined,
): Promise<InsertResult> {
	const text = maskSecret(formatSnippet(table, format), secret);
	const lang = languageOf(target.editor.notebook);
	return insertCells(
		target,
		[
			{ kind: 'markdown', language: 'markdown', value: headerMarkdown(table) },
			cellFor(text, languageIdForFormat(format), lang),
		],
		format,
	);
}

/** A citation goes in one Markdown cell. */
export function citationCell(text: string, format: CitationFormat, target: NotebookTarget): CellSpec {
	return cellFor(text, citationLanguageId(format), languageOf(target.editor.notebook));
}
