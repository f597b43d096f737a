/**
 * Statistical classifications (KBLI/KBKI): a lookup table of a subtree
 *   code, title, level, parent_code
 * for coding survey data (CSV/JSON/pandas/R/…), and one code with its title as a comment in the
 * editor's language (`"01121"  # Pertanian Padi Hibrida`).
 */
import type { ClassificationEntry } from '../../api/families/types';
import { classificationName } from '../../catalogue/classificationFacts';
import {
	type CleanTable,
	jsString,
	metadataLines,
	normalise,
	oneLine,
	pyString,
	rString,
	sqlString,
} from '../common';
import { mdInline, mdMetadata } from '../tabular';
import type { SnippetColumn, SnippetFormat, SnippetTable } from '../types';
import { commentLines } from './comment';
import { FAMILY_COLUMNS as F, type FamilyContext, sourceOf } from './context';

export const CLASSIFICATION_COLUMNS: readonly SnippetColumn[] = [
	{ name: F.code, type: 'string' },
	{ name: F.title, type: 'string' },
	{ name: F.level, type: 'string' },
	{ name: F.parentCode, type: 'string' },
];

export { classificationName };

/**
 * The lookup table of `entries` (a subtree's root and whichever descendants were loaded), in
 * order, each code once. Children named by an entry but not loaded themselves are added under it,
 * with their level unknown (null), so passing one entry gives it and its direct children.
 */
export function classificationSnippetTable(
	entries: readonly ClassificationEntry[],
	ctx: FamilyContext,
): SnippetTable {
	const rows: SnippetTable['rows'] = [];
	const seen = new Set<string>();
	const loaded = new Set(entries.map((e) => e.code));
	for (const e of entries) {
		if (seen.has(e.code)) continue;
		seen.add(e.code);
		rows.push([e.code, e.title, e.level || null, e.parents[e.parents.length - 1]?.code ?? null]);
		for (const c of e.children) {
			if (seen.has(c.code) || loaded.has(c.code)) continue;
			seen.add(c.code);
			rows.push([c.code, c.title, null, e.code]);
		}
	}
	const root = entries[0];
	const name = root ? classificationName(root.model) : 'KBLI';
	return {
		title: ctx.title || (root ? `${name}: ${root.code} ${root.title}` : name),
		domain: '',
		domainName: '',
		periods: '',
		notes: [`${ctx.lang === 'eng' ? 'Classification' : 'Klasifikasi'}: ${name}`],
		columns: [...CLASSIFICATION_COLUMNS],
		rows,
		sourceUrl: sourceOf(ctx, root?.url),
		accessedAt: ctx.accessedAt,
		lang: ctx.lang,
	};
}

/** The header table for a snippet about one entry (no rows). */
function entryHeader(e: ClassificationEntry, ctx: FamilyContext): CleanTable {
	return normalise({
		...classificationSnippetTable([], ctx),
		title: ctx.title || `${classificationName(e.model)}: ${e.code} ${e.title}`,
		sourceUrl: sourceOf(ctx, e.url),
	});
}

/**
 * One code as a string literal with its title as a trailing comment, after the attribution
 * header, in the language of `format`: Python/R `#`, TypeScript/JavaScript `//`, SQL `--`;
 * Markdown gets the code in backticks. Other formats (CSV, JSON, …) are not code: callers use the
 * lookup table of the one entry for them (see `familySnippet`).
 * @returns the lines, or undefined when `format` has no code form.
 */
export function classificationCodeLines(
	e: ClassificationEntry,
	format: SnippetFormat,
	ctx: FamilyContext,
): string[] | undefined {
	const t = entryHeader(e, ctx);
	const title = oneLine(e.title);
	switch (format) {
		case 'python':
			return [...commentLines(metadataLines(t), format), `${pyString(e.code)}  # ${title}`];
		case 'r':
			return [...commentLines(metadataLines(t), format), `${rString(e.code)} # ${title}`];
		case 'typescript':
		case 'javascript':
			return [...commentLines(metadataLines(t), format), `${jsString(e.code)} // ${title}`];
		case 'sql':
			return [...commentLines(metadataLines(t), format), `${sqlString(e.code)} -- ${title}`];
		case 'markdown':
		case 'markdown-long': {
			return [...mdMetadata(t), '', `\`${e.code.replace(/`/g, '')}\` ${mdInline(title)}`];
		}
		default:
			return undefined;
	}
}
