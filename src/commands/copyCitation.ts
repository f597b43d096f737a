import * as vscode from 'vscode';
import type { Lang } from '../api/types';
import { toItemRef } from '../catalogue/itemRef';
import { CITATION_FORMATS, type CitationFormat, formatCitation, isCitationFormat } from '../cite/citation';
import { citationItemFor } from '../cite/citationSource';
import { citationFormatLabel } from '../cite/labels';
import { Commands } from '../constants';
import { reportError } from '../util/errors';
import type { Features } from './features';

/**
 * `bps.copyCitation [node|ItemRef|{ ...ItemRef, format?, lang? }]`: copies a citation of the item
 * (BibTeX, RIS, CSL-JSON or APA-style text) to the clipboard. The citation is in the catalogue's
 * language unless `lang` says otherwise, so the title and the words around it agree. From the
 * palette it asks for the item (the item picker). Resolves with the text copied, or undefined.
 */
export function registerCopyCitation(context: vscode.ExtensionContext, f: Features): void {
	const log = f.services.logger('cite');
	context.subscriptions.push(
		vscode.commands.registerCommand(
			Commands.copyCitation,
			async (arg?: unknown): Promise<string | undefined> => {
				try {
					const o = (arg && typeof arg === 'object' ? arg : {}) as { format?: unknown; lang?: unknown };
					const ref = toItemRef(arg) ?? (await f.search.pick(vscode.l10n.t('BPS: Copy Citation')))?.ref;
					if (!ref) return undefined;
					const format = isCitationFormat(o.format) ? o.format : await pickCitationFormat();
					if (!format) return undefined;
					const lang: Lang = o.lang === 'eng' || o.lang === 'ind' ? o.lang : f.services.config().lang;
					const item = await vscode.window.withProgress(
						{ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Preparing the citation…') },
						() => citationItemFor(f.tree, ref, lang),
					);
					const text = formatCitation(item, format);
					await vscode.env.clipboard.writeText(text);
					vscode.window.setStatusBarMessage(
						vscode.l10n.t('Citation copied ({0})', citationFormatLabel(format)),
						3000,
					);
					return text;
				} catch (e) {
					await reportError(e, log, 'copy citation');
					return undefined;
				}
			},
		),
	);
}

async function pickCitationFormat(): Promise<CitationFormat | undefined> {
	const picked = await vscode.window.showQuickPick(
		CITATION_FORMATS.map((format) => ({ label: citationFormatLabel(format), format })),
		{ title: vscode.l10n.t('BPS: Copy Citation'), placeHolder: vscode.l10n.t('Choose a citation format') },
	);
	return picked?.format;
}
