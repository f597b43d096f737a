import * as vscode from 'vscode';
import { toItemRef, type ItemRef } from '../catalogue/itemRef';
import { toSdgSpec } from '../catalogue/sdgs';
import { resolveSdgArg } from './sdgArg';
import { isTradeArg, resolveTradeArg } from './tradeArg';
import { Commands } from '../constants';
import { formatCitation } from '../cite/citation';
import { citationItemFor } from '../cite/citationSource';
import { citationLanguageId } from '../cite/labels';
import { type InsertResult, insertTable, insertText, maskSecret } from '../insert/apply';
import { askLookup, isReferenceRef, referenceText } from '../insert/reference';
import {
	type InsertFormat,
	chooseFormat,
	citationOf,
	formatLabel,
	isInsertFormat,
	needsFetch,
} from '../insert/formats';
import { pickPeriods } from '../insert/periods';
import {
	cellFor,
	citationCell,
	insertCells,
	insertTableCells,
	languageOf,
	notebookTarget,
} from '../notebook/insertCells';
import { resolveSnippetTable } from '../insert/resolve';
import { type SnippetFormat, type SnippetTable, languageIdForFormat, preferredLayout } from '../snippets';
import { reportError } from '../util/errors';
import { usableEditor } from '../util/lastEditor';
import type { Features } from './features';

/**
 * What `bps.insertData` accepts (all fields optional; with none, it asks for everything):
 * - a tree node (`{ ref }`) or an `ItemRef` `{ domain, kind, id, years? }`;
 * - `{ ref, years?, format?, layout? }` (e.g. from a preview); `years` as numbers or strings;
 * - `{ snippetTable, longTable?, format? }`: an already laid-out table (a preview's whole table or
 *   selection), with its tidy form for the long formats;
 * - `{ domain, kind, id, years, format }`: no prompts at all (programmatic use, tests).
 */
export interface InsertDataArgs {
	ref?: ItemRef;
	snippetTable?: SnippetTable;
	/** With `snippetTable`: the same cells in the tidy schema, used for the long formats (data frames, JSON, code). */
	longTable?: SnippetTable;
	/** Years of a dynamic table, e.g. ['2017', '2018'] (numbers are accepted and turned into labels). */
	years?: string[];
	/** A data format, or a citation of the item ("cite-bibtex"…). */
	format?: InsertFormat;
	layout?: 'long' | 'wide';
	/** Classification codes: the lookup table of the code's subtree (true) or the code (false); asked when absent. */
	lookup?: boolean;
	/**
	 * The document to insert into (a URI string), e.g. the editor a preview was opened from: used
	 * when a tab still shows it (brought to the front if hidden), else the usual choice applies.
	 */
	targetUri?: string;
}

/**
 * `bps.insertData`: puts a BPS table into the editor at every cursor (replacing selections), or
 * into a new untitled document when no editor is open. Resolves with an {@link InsertResult}, or
 * undefined when cancelled or failed (the failure is shown with "Show Log").
 */
export function registerInsertData(context: vscode.ExtensionContext, f: Features): void {
	const { services } = f;
	const log = services.logger('insert');
	context.subscriptions.push(
		vscode.commands.registerCommand(
			Commands.insertData,
			async (arg?: unknown): Promise<InsertResult | undefined> => {
				try {
					if (toSdgSpec(arg)) {
						// An SDG indicator inserts as its national dynamic table (format, years… kept).
						arg = await resolveSdgArg(arg, services.catalogue);
						if (arg === undefined) return undefined;
					}
					if (isTradeArg(arg)) {
						// Foreign trade: the contract's query; what is missing is asked with the trade picker.
						arg = await resolveTradeArg(arg, f.tradePicker);
						if (arg === undefined) return undefined;
					}
					const args = parseInsertArg(arg);
					if (!args) {
						void vscode.window.showWarningMessage(vscode.l10n.t('This item cannot be inserted.'));
						return undefined;
					}
					let { ref } = args;
					if (!ref && !args.snippetTable) {
						ref = (await f.search.pick(vscode.l10n.t('Insert BPS data')))?.ref;
						if (!ref) return undefined;
					}
					// Run from the tree or a preview, the active editor is gone (focus is in the view or
					// the webview): the text goes to the editor the user was last in, if still visible.
					const editor =
						(args.targetUri ? await editorFor(args.targetUri) : undefined) ??
						usableEditor(vscode.window.activeTextEditor) ??
						services.lastEditor.visible();
					// A notebook cell (or an active notebook): the data goes in new cells below.
					const notebook = notebookTarget(editor);
					const allowFetch = args.snippetTable
						? !!args.snippetTable.request || !!args.snippetTable.familyRequest
						: ref?.kind === 'var' ||
							ref?.kind === 'indicator' ||
							ref?.kind === 'trade' ||
							ref?.kind === 'census' ||
							ref?.kind === 'simdasi';
					if (args.format && needsFetch(args.format) && !allowFetch) {
						void vscode.window.showWarningMessage(
							vscode.l10n.t('"{0}" is only available for dynamic tables.', formatLabel(args.format)),
						);
						return undefined;
					}
					// A classification code: the code itself, or the lookup table of its subtree.
					let lookup = args.lookup ?? false;
					if (ref?.kind === 'classification' && args.lookup === undefined && !args.format) {
						const item = ref;
						const asked = await askLookup(services, item, services.config().lang);
						if (asked === undefined) return undefined;
						lookup = asked;
					}
					const format = await chooseFormat({
						explicit: args.format,
						setting: services.config().insertDefaultFormat,
						languageId: notebook ? languageOf(notebook.editor.notebook) : editor?.document.languageId,
						allowFetch,
						allowCitation: !!ref,
						state: services.context.globalState,
					});
					if (!format) return undefined;
					const cite = citationOf(format);
					if (cite) {
						if (!ref) {
							void vscode.window.showWarningMessage(
								vscode.l10n.t(
									'"{0}" needs a catalogue item, not a table from a preview.',
									formatLabel(format),
								),
							);
							return undefined;
						}
						const item = ref;
						const c = await vscode.window.withProgress(
							{ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Preparing the citation…') },
							() => citationItemFor(f.tree, item, services.config().lang),
						);
						const text = formatCitation(c, cite);
						return notebook
							? await insertCells(notebook, [citationCell(text, cite, notebook)], format)
							: await insertText(text, format, citationLanguageId(cite), editor);
					}
					// Not a citation, so one of the data formats.
					const dataFormat = format as SnippetFormat;
					if (isReferenceRef(ref) && !args.snippetTable) {
						const item = ref;
						const text = await vscode.window.withProgress(
							{ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Fetching BPS data…') },
							() => referenceText(services, item, dataFormat, { lang: services.config().lang, lookup }),
						);
						const masked = maskSecret(text, await services.keyStore.get());
						const languageId = languageIdForFormat(dataFormat);
						return notebook
							? await insertCells(
									notebook,
									[cellFor(masked, languageId, languageOf(notebook.editor.notebook))],
									format,
								)
							: await insertText(masked, format, languageId, editor);
					}
					let table =
						args.longTable && preferredLayout(dataFormat) === 'long' ? args.longTable : args.snippetTable;
					if (!table && ref) {
						const item = ref;
						table = await vscode.window.withProgress(
							{ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Fetching BPS data…') },
							() =>
								resolveSnippetTable(services, item, dataFormat, {
									years: args.years,
									layout: args.layout,
									pickPeriods,
								}),
						);
					}
					if (!table) return undefined;
					const secret = await services.keyStore.get();
					return notebook
						? await insertTableCells(notebook, table, dataFormat, secret)
						: await insertTable(table, dataFormat, editor, secret);
				} catch (e) {
					await reportError(e, log, 'insert data');
					return undefined;
				}
			},
		),
	);
}

/** The visible editor of a document, or the document shown again when a tab still holds it. */
async function editorFor(uri: string): Promise<vscode.TextEditor | undefined> {
	const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
	if (visible) return usableEditor(visible);
	const tab = vscode.window.tabGroups.all
		.flatMap((g) => g.tabs.map((t) => ({ t, column: g.viewColumn })))
		.find(({ t }) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri);
	if (!tab) return undefined;
	const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
	return usableEditor(await vscode.window.showTextDocument(doc, { viewColumn: tab.column, preview: false }));
}

/** Reads the command argument; undefined for an argument it cannot use. */
export function parseInsertArg(arg: unknown): InsertDataArgs | undefined {
	if (arg === undefined || arg === null) return {};
	if (typeof arg !== 'object') return undefined;
	const o = arg as Record<string, unknown>;
	const out: InsertDataArgs = {};
	if (isInsertFormat(o.format)) out.format = o.format;
	if (o.layout === 'long' || o.layout === 'wide') out.layout = o.layout;
	if (typeof o.targetUri === 'string' && o.targetUri) out.targetUri = o.targetUri;
	if (typeof o.lookup === 'boolean') out.lookup = o.lookup;
	if (o.snippetTable !== undefined) {
		if (!isSnippetTable(o.snippetTable)) return undefined;
		out.snippetTable = reviveDates(o.snippetTable);
		if (isSnippetTable(o.longTable)) out.longTable = reviveDates(o.longTable);
		return out;
	}
	const ref = toItemRef(arg);
	if (!ref) return undefined;
	out.ref = ref;
	// Numbers or strings (2023, '2023'): period labels are the year text.
	const years = Array.isArray(o.years) ? o.years.map((y) => String(y).trim()) : ref.years;
	if (years?.length) out.years = years;
	return out;
}

function isSnippetTable(x: unknown): x is SnippetTable {
	if (!x || typeof x !== 'object') return false;
	const t = x as Partial<SnippetTable>;
	return (
		typeof t.title === 'string' &&
		typeof t.domain === 'string' &&
		Array.isArray(t.columns) &&
		t.columns.every((c) => c && typeof c.name === 'string' && (c.type === 'string' || c.type === 'number')) &&
		Array.isArray(t.rows) &&
		t.rows.every(Array.isArray)
	);
}

/** A table that crossed a message boundary may carry `accessedAt` as a string or number. */
function reviveDates(t: SnippetTable): SnippetTable {
	const at =
		t.accessedAt instanceof Date
			? t.accessedAt
			: new Date((t.accessedAt as unknown as string | number | undefined) ?? Date.now());
	return {
		...t,
		accessedAt: Number.isNaN(at.getTime()) ? new Date() : at,
		domainName: typeof t.domainName === 'string' ? t.domainName : t.domain,
		periods: typeof t.periods === 'string' ? t.periods : '',
		sourceUrl: typeof t.sourceUrl === 'string' ? t.sourceUrl : 'https://www.bps.go.id',
		lang: t.lang === 'eng' ? 'eng' : 'ind',
	};
}
