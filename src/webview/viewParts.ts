/** Small building blocks of the dynamic-table view: labelled fields, the action buttons, the tabs. */
import { isTrivialDim } from '../api/table';
import { isHttpUrl, type ExportFormat } from '../preview/protocol';
import { t, type ViewContext } from './context';
import { clear, h } from './dom';
import { button, option, type VscSelect } from './elements';

export function field(label: string, control: HTMLElement, cls = ''): HTMLElement {
	// The vscode-elements controls draw their input in a shadow root, out of the <label>'s reach:
	// their `label` property names it for screen readers.
	if ('label' in control) (control as HTMLElement & { label: string }).label = label;
	return h('label', { class: `field ${cls}` }, h('span', { class: 'field-label', text: label }), control);
}

/** Insert, Copy and the exports — all secondary: "Load" stays the one primary button of the view. */
export function actionButtons(
	ctx: ViewContext,
	on: { insert(): void; copy(): void; export(f: ExportFormat): void },
): HTMLElement[] {
	const insert = button(t(ctx, 'insert'), () => on.insert(), true);
	insert.classList.add('insert');
	insert.title = t(ctx, 'insertHint');
	const copy = button(t(ctx, 'copy'), () => on.copy(), true);
	copy.classList.add('copy');
	const exports = (['csv', 'xlsx', 'json'] as ExportFormat[]).map((f) => {
		const b = button(
			t(ctx, f === 'csv' ? 'exportCsv' : f === 'xlsx' ? 'exportXlsx' : 'exportJson'),
			() => on.export(f),
			true,
		);
		b.classList.add(`export-${f}`);
		return b;
	});
	return [insert, copy, ...exports];
}

/** The Table / Chart tabs; `onSelect` gets the index chosen. */
export function tabs(
	ctx: ViewContext,
	panels: [HTMLElement, HTMLElement],
	selected: number,
	onSelect: (i: number) => void,
): HTMLElement {
	const el = document.createElement('vscode-tabs') as HTMLElement & { selectedIndex: number };
	el.append(
		h('vscode-tab-header', { text: t(ctx, 'table'), attrs: { slot: 'header' } }),
		h('vscode-tab-panel', {}, panels[0]),
		h('vscode-tab-header', { text: t(ctx, 'chart'), attrs: { slot: 'header' } }),
		h('vscode-tab-panel', {}, panels[1]),
	);
	el.selectedIndex = selected;
	el.addEventListener('vsc-tabs-select', (e) =>
		onSelect((e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex),
	);
	return el;
}

/** A one-of picker with "All" first: hidden when the dimension says nothing; the saved value if it still exists. */
export function fillChoice(
	ctx: ViewContext,
	sel: VscSelect,
	wrap: HTMLElement,
	items: Array<{ val: string; label: string }>,
	saved: string | undefined,
): void {
	clear(sel);
	wrap.hidden = isTrivialDim(items);
	const value = saved && (saved === '*' || items.some((i) => i.val === saved)) ? saved : '*';
	sel.append(option('*', t(ctx, 'all'), value === '*'));
	for (const i of items) sel.append(option(i.val, i.label, value === i.val));
}

/** The facts of a card that have a value, as a definition list. */
export function factList(entries: ReadonlyArray<readonly [string, string | null | undefined]>): HTMLElement {
	const dl = h('dl', { class: 'facts' });
	for (const [k, v] of entries) if (v) dl.append(h('dt', { text: k }), h('dd', { text: v }));
	return dl;
}

/** A button opening an http(s) link outside VS Code (the host checks it again); null for any other link. */
export function linkButton(
	ctx: ViewContext,
	label: string,
	url: string,
	cls: string,
	secondary = false,
): HTMLElement | null {
	if (!isHttpUrl(url)) return null;
	const b = button(label, () => ctx.post({ type: 'openExternal', url }), secondary);
	b.classList.add(cls);
	return b;
}
