/**
 * Tiny DOM builder. Text always goes in as textContent: catalogue strings (titles, labels, units)
 * never reach innerHTML. Only sanitize.ts produces HTML from BPS content.
 */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	props?: { class?: string; text?: string; title?: string; attrs?: Record<string, string> },
	...children: Child[]
): HTMLElementTagNameMap[K];
export function h(
	tag: string,
	props?: { class?: string; text?: string; title?: string; attrs?: Record<string, string> },
	...children: Child[]
): HTMLElement;
export function h(
	tag: string,
	props: { class?: string; text?: string; title?: string; attrs?: Record<string, string> } = {},
	...children: Child[]
): HTMLElement {
	const el = document.createElement(tag);
	if (props.class) el.className = props.class;
	if (props.text !== undefined) el.textContent = props.text;
	if (props.title !== undefined) el.title = props.title;
	if (props.attrs) for (const [k, v] of Object.entries(props.attrs)) el.setAttribute(k, v);
	for (const c of children) {
		if (c === null || c === undefined || c === false) continue;
		el.append(typeof c === 'string' ? document.createTextNode(c) : c);
	}
	return el;
}

/** Fill `{0}`, `{1}`… in a localised string. */
export function fmt(s: string, ...args: Array<string | number>): string {
	return s.replace(/\{(\d+)\}/g, (m, i: string) =>
		args[Number(i)] !== undefined ? String(args[Number(i)]) : m,
	);
}

export function clear(el: Element): void {
	while (el.firstChild) el.removeChild(el.firstChild);
}
