/**
 * "Insert definition": a glossary entry as a quote with its source, after the attribution header —
 * a Markdown blockquote, or a comment block in a code language (`#`, `//`, `--`). For data formats
 * (CSV, JSON, …) callers use the one-row table of `glossarySnippetTable`.
 */
import type { GlossaryEntry } from '../../api/families/types';
import { metadataLines, normalise, oneLine } from '../common';
import { mdInline, mdMetadata } from '../tabular';
import type { SnippetColumn, SnippetFormat, SnippetTable } from '../types';
import { commentLines, commentMarker, wrapWords } from './comment';
import { type FamilyContext, sourceOf } from './context';

export const GLOSSARY_COLUMNS: readonly SnippetColumn[] = [
	{ name: 'concept', type: 'string' },
	{ name: 'definition', type: 'string' },
	{ name: 'unit', type: 'string' },
	{ name: 'source', type: 'string' },
	{ name: 'classification', type: 'string' },
];

interface Texts {
	concept: string;
	definition: string;
	unit: string;
}
const texts = (e: GlossaryEntry, lang: 'ind' | 'eng'): Texts =>
	lang === 'eng'
		? { concept: e.conceptEn, definition: e.definitionEn, unit: e.unitEn }
		: { concept: e.concept, definition: e.definition, unit: e.unit };

/** Entries as a table (one row each), in the data language. */
export function glossarySnippetTable(entries: readonly GlossaryEntry[], ctx: FamilyContext): SnippetTable {
	const en = ctx.lang === 'eng';
	const first = entries[0];
	return {
		title: ctx.title || (first ? texts(first, ctx.lang).concept : en ? 'BPS glossary' : 'Glosarium BPS'),
		domain: '',
		domainName: '',
		periods: '',
		columns: [...GLOSSARY_COLUMNS],
		rows: entries.map((e) => {
			const x = texts(e, ctx.lang);
			return [x.concept, x.definition, x.unit || null, e.source || null, e.classification || null];
		}),
		sourceUrl: sourceOf(ctx, first?.url),
		accessedAt: ctx.accessedAt,
		lang: ctx.lang,
	};
}

/** The line under the quote: "— Sumber: …; Satuan: …; Klasifikasi: …". */
function attributionLine(e: GlossaryEntry, x: Texts, en: boolean): string {
	const parts = [
		e.source && `${en ? 'Source' : 'Sumber'}: ${e.source}`,
		x.unit && `${en ? 'Unit' : 'Satuan'}: ${x.unit}`,
		e.classification && `${en ? 'Classification' : 'Klasifikasi'}: ${e.classification}`,
	].filter(Boolean);
	return `— ${parts.length ? parts.join('; ') : 'Badan Pusat Statistik (BPS)'}`;
}

/** Paragraphs of a definition (BPS separates them with line breaks). */
const paragraphs = (s: string) =>
	s
		.split(/\r?\n\s*\r?\n|\r\s*\r/)
		.map(oneLine)
		.filter(Boolean);

/**
 * The definition of `e` as a quote in `format`'s language.
 * @returns the lines, or undefined for formats without a quote form (CSV, TSV, JSON).
 */
export function glossaryQuoteLines(
	e: GlossaryEntry,
	format: SnippetFormat,
	ctx: FamilyContext,
): string[] | undefined {
	const en = ctx.lang === 'eng';
	const x = texts(e, ctx.lang);
	const t = normalise({ ...glossarySnippetTable([e], ctx), rows: [] });
	const paras = paragraphs(x.definition);
	if (format === 'markdown' || format === 'markdown-long') {
		const quote = [`**${mdInline(x.concept)}**`, ...paras.map(mdInline)];
		const lines = [...mdMetadata(t), ''];
		quote.forEach((p, i) => lines.push(...(i ? ['>'] : []), `> ${p}`));
		lines.push('>', `> ${mdInline(attributionLine(e, x, en))}`);
		return lines;
	}
	if (!commentMarker(format) || format.endsWith('-fetch') || /^(csv|tsv)/.test(format)) return undefined;
	const body = [
		`"${oneLine(x.concept)}"`,
		...paras.flatMap((p) => ['', ...wrapWords(p)]),
		'',
		attributionLine(e, x, en),
	];
	return commentLines([...metadataLines(t), '', ...body], format);
}
