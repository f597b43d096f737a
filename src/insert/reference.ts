/**
 * Insert Data of reference items, through the family snippets (`familySnippet`): a classification
 * code with its title as a comment in the editor's language, a lookup table of a code's subtree
 * (code, title, level, parent_code) from the local classification index, and a glossary
 * definition as a quote with its source and the attribution.
 */
import * as vscode from 'vscode';
import type { ClassificationEntry, GlossaryEntry } from '../api/families/types';
import type { Lang } from '../api/types';
import { parseClassificationId, subtree } from '../catalogue/classifications';
import type { ClassificationRef, GlossaryRef, ItemRef } from '../catalogue/itemRef';
import type { Services } from '../services';
import type { SnippetFormat, SnippetTable } from '../snippets';
import { type FamilyContext, familySnippet, familySnippetTable } from '../snippets/families';

export type ReferenceRef = ClassificationRef | GlossaryRef;

export function isReferenceRef(ref: ItemRef | undefined): ref is ReferenceRef {
	return ref?.kind === 'classification' || ref?.kind === 'glossary';
}

/** The code a classification ref names, fetched (cached); a clear error for a malformed id. */
export async function classificationEntry(
	services: Services,
	ref: ClassificationRef,
	lang: Lang,
): Promise<ClassificationEntry> {
	const c = parseClassificationId(ref.id);
	if (!c)
		throw new Error(
			vscode.l10n.t('"{0}" is not the id of a KBLI or KBKI code (such as kbli_2020_0112).', ref.id),
		);
	return services.client.families.getClassification(c.model, ref.id, { lang });
}

/**
 * A code and every code under it, from the local index of its classification; when the index
 * cannot be built, the code and its direct children (what its own entry lists).
 */
export async function lookupEntries(
	services: Services,
	e: ClassificationEntry,
	lang: Lang,
): Promise<ClassificationEntry[]> {
	try {
		const found = subtree(await services.classifications.load(e.model, lang), e.code);
		if (found.length) return found;
	} catch (err) {
		services.logger('insert').warn(`lookup table of ${e.id}: the index did not load (${String(err)})`);
	}
	return [e];
}

function context(lang: Lang, url: string): FamilyContext {
	return { lang, accessedAt: new Date(), sourceUrl: url };
}

/** Data formats accept no long/wide variants here: "markdown-long" is Markdown. */
function plain(format: SnippetFormat): SnippetFormat {
	return format.replace(/-long$/, '') as SnippetFormat;
}

/** The table form of a reference item: a code's lookup table, or a concept as one row. */
export async function referenceSnippetTable(
	services: Services,
	ref: ReferenceRef,
	format: SnippetFormat,
	lang: Lang,
): Promise<SnippetTable> {
	if (ref.kind === 'glossary') {
		const g = await services.client.families.getGlossary(ref.id, { lang });
		return familySnippetTable('glossary', g, plain(format), context(lang, g.url));
	}
	const e = await classificationEntry(services, ref, lang);
	const entries = await lookupEntries(services, e, lang);
	return familySnippetTable('classification', entries, plain(format), context(lang, e.url));
}

/**
 * The text Insert Data puts in for a reference item: the code (or, with `lookup`, the lookup
 * table of its subtree) or the definition, in `format`, after the attribution header.
 */
export async function referenceText(
	services: Services,
	ref: ReferenceRef,
	format: SnippetFormat,
	o: { lang: Lang; lookup: boolean; eol?: '\n' | '\r\n' },
): Promise<string> {
	const f = plain(format);
	if (ref.kind === 'glossary') {
		const g: GlossaryEntry = await services.client.families.getGlossary(ref.id, { lang: o.lang });
		return familySnippet('glossary', g, f, context(o.lang, g.url), { eol: o.eol });
	}
	const e = await classificationEntry(services, ref, o.lang);
	if (!o.lookup) return familySnippet('classificationCode', e, f, context(o.lang, e.url), { eol: o.eol });
	const entries = await lookupEntries(services, e, o.lang);
	return familySnippet('classification', entries, f, context(o.lang, e.url), { eol: o.eol });
}

/**
 * Asks whether to insert a code or the lookup table of its subtree; a code without children is
 * inserted as itself. Undefined when the user dismissed the question.
 */
export async function askLookup(
	services: Services,
	ref: ClassificationRef,
	lang: Lang,
): Promise<boolean | undefined> {
	const e = await classificationEntry(services, ref, lang);
	if (!e.children.length) return false;
	const picked = await vscode.window.showQuickPick(
		[
			{
				label: `$(symbol-class) ${vscode.l10n.t('The code with its title')}`,
				detail: vscode.l10n.t('{0} as a value, its title as a comment', e.code),
				lookup: false,
			},
			{
				label: `$(table) ${vscode.l10n.t('A lookup table of the code and the codes under it')}`,
				detail: vscode.l10n.t('Columns code, title, level, parent_code — for coding survey data'),
				lookup: true,
			},
		],
		{ title: vscode.l10n.t('Insert {0}', `${e.code} ${e.title}`), ignoreFocusOut: true },
	);
	return picked?.lookup;
}
