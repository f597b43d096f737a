/**
 * The attribution banner the BPS API terms require on every screen: sticky at the top, no close
 * button. Text via textContent only.
 */
import type { Attribution, WebviewMessage } from '../preview/protocol';
import { fmt, h } from './dom';

export function banner(
	a: Attribution,
	strings: Record<string, string>,
	post: (m: WebviewMessage) => void,
): HTMLElement {
	const link = h('a', { text: a.sourceLabel, attrs: { href: a.sourceUrl, class: 'source-link' } });
	link.addEventListener('click', (e) => {
		e.preventDefault();
		post({ type: 'openExternal', url: a.sourceUrl });
	});
	return h(
		'header',
		{ class: 'attribution', attrs: { role: 'note', 'aria-label': 'BPS attribution', id: 'attribution' } },
		h('div', { class: 'attribution-id', text: a.id }),
		a.en ? h('div', { class: 'attribution-en', text: a.en }) : null,
		h(
			'div',
			{ class: 'attribution-source' },
			h('span', { text: `${strings.source ?? 'Source:'} ` }),
			link,
			h('span', { class: 'sep', text: ' · ' }),
			h('span', { class: 'accessed', text: fmt(strings.accessed ?? 'Accessed {0}', a.accessed) }),
		),
	);
}
