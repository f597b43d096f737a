/**
 * "Show changes" on a static table: the status line above it (the new update date, how many cells
 * changed) and a mark on each changed cell — a tint and a bar, as in the dynamic grid, with the
 * words for screen readers. Cells are counted as the host counts them: every `td`/`th` of the
 * first table, in document order.
 */
import type { ChangeHighlight, WebviewMessage } from '../preview/protocol';
import { t, type ViewContext } from './context';
import { fmt, h } from './dom';

/** Marks `changes` in a rendered static table; returns the `highlighted` message to post. */
export function markStaticChanges(
	ctx: ViewContext,
	view: HTMLElement,
	changes: ChangeHighlight,
): WebviewMessage | undefined {
	const c = changes.table;
	if (!c) return undefined;
	const cells = [...(view.querySelector('.static-table table')?.querySelectorAll('td, th') ?? [])];
	let marked = 0;
	for (const i of c.cells ?? []) {
		const cell = cells[i];
		if (!cell || cell.classList.contains('revised')) continue;
		cell.classList.add('revised');
		cell.setAttribute('title', t(ctx, 'staticChangedCell'));
		cell.append(h('span', { class: 'visually-hidden', text: ` (${t(ctx, 'staticChangedCell')})` }));
		marked++;
	}
	const parts = [fmt(t(ctx, 'staticUpdated'), c.from || '–', c.to || '–')];
	if (!c.content) parts.push(t(ctx, 'staticSame'));
	else if (c.cells) parts.push(fmt(t(ctx, 'staticCells'), c.cellCount ?? c.cells.length));
	else parts.push(t(ctx, 'staticLayout'));
	const summary = parts.join(' · ');
	let line = view.querySelector<HTMLElement>('.changes');
	if (!line) {
		line = h('p', { class: 'changes', attrs: { role: 'status' } });
		view.querySelector('.toolbar')?.after(line);
	}
	line.textContent = fmt(t(ctx, 'changesSince'), summary);
	return { type: 'highlighted', cells: marked, periods: 0, summary };
}
