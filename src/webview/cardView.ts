/**
 * Infographic and news cards: the image (from a BPS host, or a placeholder saying what it shows
 * when it cannot load), title, date, category, the sanitized text and links to the BPS website.
 */
import type { CardPayload } from '../preview/protocol';
import { t, type ViewContext } from './context';
import { h } from './dom';
import { sanitizeToFragment } from './sanitize';
import { factList, linkButton } from './viewParts';

export function cardView(ctx: ViewContext, c: CardPayload): HTMLElement {
	const started = performance.now();
	const facts = factList([
		[t(ctx, 'date'), c.date],
		[t(ctx, 'category'), c.category],
		[t(ctx, 'region'), ctx.regionName ?? ctx.ref.domain],
	]);
	const actions = h(
		'div',
		{ class: 'row toolbar' },
		linkButton(ctx, t(ctx, 'openOnWebsite'), c.pageUrl, 'open-website'),
		linkButton(ctx, t(ctx, 'download'), c.downloadUrl, 'open-download', true),
	);
	const text = h('div', { class: 'rich abstract', attrs: { id: 'bps-content' } });
	text.append(sanitizeToFragment(ctx.purify, c.html));
	const titleId = 'card-title';
	const el = h(
		'article',
		{ class: `card bps-card ${c.kind}`, attrs: { 'aria-labelledby': titleId } },
		image(ctx, c),
		h(
			'div',
			{ class: 'doc-body' },
			h('div', { class: 'kicker', text: t(ctx, c.kind === 'infographic' ? 'infographic' : 'news') }),
			h('h1', { class: 'title', text: c.title, attrs: { id: titleId } }),
			facts,
			actions,
			text.textContent?.trim()
				? h('h2', { text: t(ctx, c.kind === 'infographic' ? 'description' : 'article') })
				: null,
			text,
		),
	);
	requestAnimationFrame(() =>
		ctx.post({
			type: 'rendered',
			view: 'card',
			modelRows: 1,
			modelCols: 1,
			domRows: 1,
			ms: Math.round(performance.now() - started),
		}),
	);
	return el;
}

/**
 * The card's image. Until it has loaded, and for good when it cannot (offline, or no BPS image),
 * a placeholder in its place says what it shows: never a broken-image icon, never an empty box.
 */
function image(ctx: ViewContext, c: CardPayload): HTMLElement {
	const placeholder = h(
		'div',
		{ class: 'image-placeholder' },
		h('p', { class: 'placeholder-title', text: t(ctx, c.imageUrl ? 'imageLoading' : 'imageNone') }),
		h('p', { class: 'placeholder-alt', text: c.imageAlt }),
	);
	const figure = h('figure', { class: 'card-image' }, placeholder);
	if (!c.imageUrl) return figure;
	const img = h('img', { attrs: { alt: c.imageAlt, hidden: '', referrerpolicy: 'no-referrer' } });
	const fail = () => {
		img.remove();
		placeholder.querySelector('.placeholder-title')!.textContent = t(ctx, 'imageUnavailable');
		placeholder.classList.add('failed');
	};
	img.addEventListener('load', () => {
		if (img.naturalWidth === 0) return fail();
		img.hidden = false;
		placeholder.remove();
	});
	img.addEventListener('error', fail);
	figure.append(img);
	img.src = c.imageUrl;
	return figure;
}
