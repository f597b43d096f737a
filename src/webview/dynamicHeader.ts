/**
 * The parts of the dynamic-table view above the controls: the strategic-indicator card (when the
 * table was opened from an indicator) and the header (title, unit, region, last update, and the
 * sanitized definition and notes).
 */
import { formatValue } from '../api/table';
import type { DynamicTable } from '../api/types';
import type { IndicatorCard } from '../preview/protocol';
import { t, type ViewContext } from './context';
import { h } from './dom';
import { htmlToText, sanitizeToFragment } from './sanitize';

/** The heading's kind word of the views drawn as a dynamic table (others say "Dynamic table"). */
const KICKERS = { trade: 'foreignTrade', census: 'census', simdasi: 'simdasi' } as const;

export function indicatorCard(ctx: ViewContext, card: IndicatorCard): HTMLElement {
	const value = card.value === null ? '–' : formatValue(card.value, 2, ctx.locale).replace(/[.,]00$/, '');
	return h(
		'div',
		{ class: 'card indicator' },
		h('div', { class: 'kicker', text: t(ctx, 'indicator') }),
		h('h2', { text: card.title }),
		card.name && card.name !== card.title ? h('div', { class: 'sub', text: card.name }) : null,
		h(
			'div',
			{ class: 'big-value' },
			h('span', { class: 'value', text: value }),
			h('span', { class: 'unit', text: ` ${card.unit}` }),
		),
		h(
			'dl',
			{},
			h('dt', { text: t(ctx, 'period') }),
			h('dd', { text: card.period }),
			h('dt', { text: t(ctx, 'dataSource') }),
			h('dd', { text: card.dataSource }),
		),
	);
}

export function tableHeader(ctx: ViewContext, tb: DynamicTable): HTMLElement[] {
	const v = tb.variable;
	const meta: Array<[string, string]> = [
		[t(ctx, 'unit'), v.unit],
		// A census dataset is national; the areas it shows are in its title.
		[t(ctx, 'region'), ctx.ref.kind === 'census' ? '' : (ctx.regionName ?? ctx.ref.domain)],
		[t(ctx, 'lastUpdate'), tb.lastUpdate],
	];
	const dl = h('dl', { class: 'facts' });
	for (const [k, val] of meta) if (val) dl.append(h('dt', { text: k }), h('dd', { text: val }));
	const sections: HTMLElement[] = [];
	for (const [key, html] of [
		['definition', v.definition],
		['notes', v.notes],
	] as const) {
		if (!html || !htmlToText(ctx.purify, html)) continue;
		const body = h('div', { class: 'rich' });
		body.append(sanitizeToFragment(ctx.purify, html));
		sections.push(
			h(
				'details',
				{ class: `rich-block ${key}`, attrs: key === 'definition' ? { open: '' } : {} },
				h('summary', { text: t(ctx, key) }),
				body,
			),
		);
	}
	return [
		h('div', {
			class: 'kicker',
			text: t(ctx, KICKERS[ctx.ref.kind as keyof typeof KICKERS] ?? 'dynamicTable'),
		}),
		h('h1', { class: 'title', text: v.title }),
		dl,
		...sections,
	];
}
