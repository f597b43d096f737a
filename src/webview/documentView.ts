/** Publication and press-release cards: cover, title, dates, size, sanitized abstract, open buttons. */
import { isHttpUrl, type DocumentPayload } from '../preview/protocol';
import { t, type ViewContext } from './context';
import { h } from './dom';
import { sanitizeToFragment } from './sanitize';
import { factList, linkButton } from './viewParts';

export function documentView(ctx: ViewContext, d: DocumentPayload): HTMLElement {
	const started = performance.now();
	const facts = factList([
		[t(ctx, 'released'), d.releaseDate],
		[t(ctx, 'updated'), d.updated],
		[t(ctx, 'size'), d.size],
		['ISSN/ISBN', d.issn && d.issn !== '-' ? d.issn : ''],
		[t(ctx, 'region'), ctx.regionName ?? ctx.ref.domain],
	]);
	const actions = h(
		'div',
		{ class: 'row toolbar' },
		linkButton(ctx, t(ctx, 'openPdf'), d.pdfUrl, 'open-pdf'),
		linkButton(ctx, t(ctx, 'openSlides'), d.extraUrl, 'open-slides', true),
	);
	// Hidden until it has loaded (an eager image loads while hidden): offline, or blocked, the
	// cover is removed without ever showing a broken-image icon.
	const cover = isHttpUrl(d.coverUrl)
		? h('img', { class: 'cover', attrs: { alt: '', hidden: '', referrerpolicy: 'no-referrer' } })
		: null;
	if (cover) {
		cover.addEventListener('load', () => {
			if (cover.naturalWidth > 0) cover.hidden = false;
			else cover.remove();
		});
		cover.addEventListener('error', () => cover.remove());
		cover.src = d.coverUrl;
	}
	const abstract = h('div', { class: 'rich abstract', attrs: { id: 'bps-content' } });
	abstract.append(sanitizeToFragment(ctx.purify, d.abstract));
	const el = h(
		'article',
		{ class: 'card document' },
		cover,
		h(
			'div',
			{ class: 'doc-body' },
			h('div', { class: 'kicker', text: t(ctx, d.kind === 'publication' ? 'publication' : 'pressRelease') }),
			h('h1', { class: 'title', text: d.title }),
			facts,
			actions,
			h('h2', { text: t(ctx, 'abstract') }),
			abstract,
		),
	);
	requestAnimationFrame(() =>
		ctx.post({
			type: 'rendered',
			view: 'document',
			modelRows: 1,
			modelCols: 1,
			domRows: 1,
			ms: Math.round(performance.now() - started),
		}),
	);
	return el;
}
