import * as vscode from 'vscode';
import { toItemRef } from '../catalogue/itemRef';
import { Commands } from '../constants';
import { maskSecret } from '../insert/apply';
import { pickPeriods } from '../insert/periods';
import { resolveSnippetTable } from '../insert/resolve';
import { type NotebookLanguage, newNotebookCells, notebookJson } from '../notebook/cells';
import { toCellData } from '../notebook/insertCells';
import { formatSnippet } from '../snippets';
import { reportError } from '../util/errors';
import type { Features } from './features';

/** What `bps.newNotebook` resolves with. */
export interface NewNotebookResult {
	uri: string;
	language: NotebookLanguage;
	cells: number;
}

/**
 * `bps.newNotebook [node|ItemRef|{ ...ItemRef, years?, language?, uri? }]`: a Jupyter notebook
 * (Python or R) for a dynamic table or indicator — the attribution and provenance, the data as a
 * tidy data frame, a first chart, and code that fetches fresh data with the key from
 * `BPS_API_KEY`. It opens as a new untitled notebook, or is written to `uri` (an .ipynb path)
 * and opened from there. Asks for whatever is missing.
 */
export function registerNewNotebook(context: vscode.ExtensionContext, f: Features): void {
	const { services, search } = f;
	const log = services.logger('notebook');
	context.subscriptions.push(
		vscode.commands.registerCommand(
			Commands.newNotebook,
			async (arg?: unknown): Promise<NewNotebookResult | undefined> => {
				try {
					const o = (arg && typeof arg === 'object' ? arg : {}) as {
						language?: unknown;
						uri?: unknown;
						years?: unknown;
					};
					const ref =
						toItemRef(arg) ?? (await search.pick(vscode.l10n.t('BPS: New Notebook from Table')))?.ref;
					if (!ref) return undefined;
					if (ref.kind !== 'var' && ref.kind !== 'indicator') {
						void vscode.window.showWarningMessage(
							vscode.l10n.t('A notebook can be made from a dynamic table or an indicator.'),
						);
						return undefined;
					}
					const lang = o.language === 'python' || o.language === 'r' ? o.language : await pickLanguage();
					if (!lang) return undefined;
					const years = Array.isArray(o.years) ? o.years.map(String) : ref.years;
					const table = await vscode.window.withProgress(
						{ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Fetching BPS data…') },
						() =>
							resolveSnippetTable(services, ref, 'python', {
								years,
								layout: 'long',
								pickPeriods,
							}),
					);
					if (!table) return undefined;
					const secret = await services.keyStore.get();
					const code = (f: Parameters<typeof formatSnippet>[1]) =>
						maskSecret(formatSnippet(table, f), secret);
					const cells = newNotebookCells({
						lang,
						table,
						dataCode: code(lang === 'r' ? 'r' : 'python'),
						fetchCode: code(lang === 'r' ? 'r-fetch' : 'python-fetch'),
					});
					let doc: vscode.NotebookDocument;
					if (typeof o.uri === 'string' && o.uri) {
						const uri = vscode.Uri.parse(o.uri);
						await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(notebookJson(lang, cells)));
						doc = await vscode.workspace.openNotebookDocument(uri);
					} else {
						doc = await vscode.workspace.openNotebookDocument(
							'jupyter-notebook',
							new vscode.NotebookData(cells.map(toCellData)),
						);
					}
					await vscode.window.showNotebookDocument(doc);
					return { uri: doc.uri.toString(), language: lang, cells: doc.cellCount };
				} catch (e) {
					await reportError(e, log, 'new notebook');
					return undefined;
				}
			},
		),
	);
}

async function pickLanguage(): Promise<NotebookLanguage | undefined> {
	const picked = await vscode.window.showQuickPick(
		[
			{ label: 'Python', description: vscode.l10n.t('pandas and matplotlib'), language: 'python' as const },
			{ label: 'R', description: vscode.l10n.t('data.frame and base graphics'), language: 'r' as const },
		],
		{ title: vscode.l10n.t('BPS: New Notebook from Table'), placeHolder: vscode.l10n.t('Notebook language') },
	);
	return picked?.language;
}
