/**
 * The host side of the reference cards: a KBLI/KBKI code (its text, parents and children, each a
 * link to open it) and a glossary concept (definition, unit, source, in the data language). Kept
 * apart from itemLoader.ts, which routes these kinds here.
 */
import * as vscode from 'vscode';
import type { FamilyEndpoints } from '../api/families/endpoints';
import {
	classificationId,
	classificationName,
	codeLabel,
	parseClassificationId,
} from '../catalogue/classifications';
import { glossaryConcept, glossaryDefinition, glossaryUnit } from '../catalogue/glossary';
import type { ClassificationRef, GlossaryRef } from '../catalogue/itemRef';
import type { PanelDeps } from './panelDeps';
import { isHttpUrl } from './protocol';

export interface ReferenceLoadDeps extends PanelDeps {
	families: Pick<FamilyEndpoints, 'getClassification' | 'getGlossary'>;
}

export function loadReference(
	d: ReferenceLoadDeps,
	ref: ClassificationRef | GlossaryRef,
	requestId: number,
): Promise<void> {
	return ref.kind === 'classification'
		? loadClassification(d, ref, requestId)
		: loadGlossary(d, ref, requestId);
}

/** A classification code: its text, its parents and its children (each a link to open it). */
async function loadClassification(
	d: ReferenceLoadDeps,
	ref: ClassificationRef,
	requestId: number,
): Promise<void> {
	const c = parseClassificationId(ref.id);
	if (!c)
		throw new Error(
			vscode.l10n.t('"{0}" is not the id of a KBLI or KBKI code (such as kbli_2020_0112).', ref.id),
		);
	d.post({ type: 'loading', requestId, what: 'classification' });
	const e = await d.families.getClassification(c.model, ref.id, d.opts);
	d.setTitle(codeLabel(e));
	d.freshness(e);
	const link = (x: { code: string; title: string }) => ({
		id: classificationId(e.model, x.code),
		code: x.code,
		title: x.title,
	});
	d.post({
		type: 'classification',
		requestId,
		entry: {
			name: classificationName(e.model),
			code: e.code,
			title: e.title,
			description: e.description,
			level: e.level,
			url: isHttpUrl(e.url) ? e.url : '',
			lastUpdate: e.lastUpdate,
			parents: e.parents.map(link),
			children: e.children.map(link),
		},
	});
}

/** A glossary concept: its definition, unit, source and classification, in the data language. */
async function loadGlossary(d: ReferenceLoadDeps, ref: GlossaryRef, requestId: number): Promise<void> {
	d.post({ type: 'loading', requestId, what: 'glossary' });
	const e = await d.families.getGlossary(ref.id, d.opts);
	const lang = d.lang;
	const concept = glossaryConcept(e, lang);
	const other = glossaryConcept(e, lang === 'ind' ? 'eng' : 'ind');
	d.setTitle(concept);
	d.freshness(e);
	d.post({
		type: 'glossary',
		requestId,
		entry: {
			id: e.id,
			concept,
			conceptOther: other === concept ? '' : other,
			definition: glossaryDefinition(e, lang),
			unit: glossaryUnit(e, lang),
			source: e.source,
			classification: e.classification,
			url: isHttpUrl(e.url) ? e.url : '',
		},
	});
}
