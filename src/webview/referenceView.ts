/**
 * Reference cards: a classification code (code, title, level, description, the codes it belongs
 * to and the codes under it, each opening its own card) and a glossary concept (definition, unit,
 * source, classification). BPS text goes in as text, or through the sanitizer when it is HTML.
 */
import type { ClassificationPayload, CodeLink, GlossaryPayload } from '../preview/protocol';
import { t, type ViewContext } from './context';
import { h } from './dom';
import { button } from './elements';
import { sanitizeToFragment } from './sanitize';

export function classificationView(ctx: ViewContext, e: ClassificationPayload): HTMLElement {
	const started = performance.now();
	const facts = h('dl', { class: 'facts' });
	for (const [k, v] of [
		[t(ctx, 'classificationField'), e.name],
		[t(ctx, 'code'), e.code],
		[t(ctx, 'level'), e.level],
		[t(ctx, 'lastUpdate'), e.lastUpdate ?? ''],
	] as const) {
		if (v) facts.append(h('dt', { text: k }), h('dd', { text: v }));
	}
	const crumbs = h('ol', { class: 'crumbs' });
	for (const p of e.parents) crumbs.append(h('li', {}, codeLink(ctx, p)));
	crumbs.append(h('li', { attrs: { 'aria-current': 'page' }, text: e.code }));

	const insertCode = button(t(ctx, 'insertCode'), () =>
		ctx.post({ type: 'insert', requestId: ctx.nextId() }),
	);
	insertCode.classList.add('insert-code');
	insertCode.title = t(ctx, 'insertCodeHint');
	const actions = h('div', { class: 'row toolbar' }, insertCode);
	if (e.children.length) {
		const lookup = button(
			t(ctx, 'insertLookup'),
			() => ctx.post({ type: 'insert', requestId: ctx.nextId(), lookup: true }),
			true,
		);
		lookup.classList.add('insert-lookup');
		lookup.title = t(ctx, 'insertLookupHint');
		actions.append(lookup);
	}
	if (e.url) actions.append(websiteButton(ctx, e.url));

	const children = e.children.length
		? h('ul', { class: 'codes' }, ...e.children.map((c) => h('li', {}, codeLink(ctx, c))))
		: h('p', { class: 'muted', text: t(ctx, 'noChildren') });
	const el = h(
		'article',
		{ class: 'card reference classification' },
		h('nav', { attrs: { 'aria-label': t(ctx, 'parents') } }, crumbs),
		h('div', { class: 'kicker', text: `${t(ctx, 'classification')} · ${e.name}` }),
		h('h1', { class: 'title' }, h('span', { class: 'code', text: e.code }), ' ', e.title),
		facts,
		actions,
		e.description ? h('h2', { text: t(ctx, 'description') }) : null,
		e.description ? richText(ctx, e.description) : null,
		h('h2', { text: t(ctx, 'children') }),
		children,
	);
	rendered(ctx, started, e.children.length + 1);
	return el;
}

export function glossaryView(ctx: ViewContext, e: GlossaryPayload): HTMLElement {
	const started = performance.now();
	const facts = h('dl', { class: 'facts' });
	for (const [k, v] of [
		[t(ctx, 'unit'), e.unit],
		[t(ctx, 'dataSource'), e.source],
		[t(ctx, 'classificationField'), e.classification],
	] as const) {
		if (v) facts.append(h('dt', { text: k }), h('dd', { text: v }));
	}
	const insert = button(t(ctx, 'insertDefinition'), () =>
		ctx.post({ type: 'insert', requestId: ctx.nextId() }),
	);
	insert.classList.add('insert-definition');
	insert.title = t(ctx, 'insertDefinitionHint');
	const actions = h('div', { class: 'row toolbar' }, insert);
	if (e.url) actions.append(websiteButton(ctx, e.url));
	const el = h(
		'article',
		{ class: 'card reference glossary' },
		h('div', { class: 'kicker', text: t(ctx, 'glossary') }),
		h('h1', { class: 'title', text: e.concept }),
		e.conceptOther ? h('p', { class: 'muted other-name', text: e.conceptOther }) : null,
		h('h2', { text: t(ctx, 'definition') }),
		h('blockquote', { class: 'definition' }, richText(ctx, e.definition)),
		facts,
		actions,
	);
	rendered(ctx, started, 1);
	return el;
}

/** A code that opens its own card. */
function codeLink(ctx: ViewContext, c: CodeLink): HTMLElement {
	const a = h(
		'a',
		{ attrs: { href: '#', 'data-id': c.id } },
		h('span', { class: 'code', text: c.code }),
		' ',
		c.title,
	);
	a.addEventListener('click', (ev) => {
		ev.preventDefault();
		ctx.post({ type: 'openItem', ref: { domain: ctx.ref.domain, kind: 'classification', id: c.id } });
	});
	return a;
}

function websiteButton(ctx: ViewContext, url: string): HTMLElement {
	const b = button(t(ctx, 'openWebsite'), () => ctx.post({ type: 'openExternal', url }), true);
	b.classList.add('open-website');
	return b;
}

/** BPS text: HTML through the sanitizer, plain text as paragraphs. */
function richText(ctx: ViewContext, s: string): HTMLElement {
	const box = h('div', { class: 'rich', attrs: { id: 'bps-content' } });
	if (/<[a-z][^>]*>/i.test(s)) box.append(sanitizeToFragment(ctx.purify, s));
	else
		for (const p of s
			.split(/\r?\n\s*\r?\n|\r?\n/)
			.map((x) => x.trim())
			.filter(Boolean))
			box.append(h('p', { text: p }));
	return box;
}

function rendered(ctx: ViewContext, started: number, rows: number): void {
	requestAnimationFrame(() =>
		ctx.post({
			type: 'rendered',
			view: 'reference',
			modelRows: rows,
			modelCols: 1,
			domRows: rows,
			ms: Math.round(performance.now() - started),
		}),
	);
}
