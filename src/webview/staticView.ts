/**
 * A static table: BPS's Excel-exported HTML (entity-unescaped by the client) rendered only after
 * DOMPurify. Excel's inline colours are dropped by the sanitizer and the theme styles the table;
 * rowspan/colspan survive. Export reads the rendered cells back into a rectangle.
 */
import type { ExportFormat, ExportTable, StaticTablePayload } from '../preview/protocol';
import { t, type ViewContext } from './context';
import { h } from './dom';
import { button } from './elements';
import { sanitizeToFragment } from './sanitize';
import { tableToMatrix } from './tableMatrix';

export { tableToMatrix };

export function staticView(ctx: ViewContext, p: StaticTablePayload): HTMLElement {
	const started = performance.now();
	const content = h('div', { class: 'static-table', attrs: { id: 'bps-content' } });
	content.append(sanitizeToFragment(ctx.purify, p.html));
	// Right-align numeric cells (the sanitizer dropped Excel's own alignment styles).
	for (const td of content.querySelectorAll('td')) {
		if (/^[-+]?[\d.,\s\u00a0]+%?$/.test((td.textContent ?? '').trim()) && /\d/.test(td.textContent ?? ''))
			td.classList.add('n');
	}
	const facts = h('dl', { class: 'facts' });
	for (const [k, v] of [
		[t(ctx, 'updated'), p.updated],
		[t(ctx, 'size'), p.size],
		[t(ctx, 'region'), ctx.regionName ?? ctx.ref.domain],
	] as const) {
		if (v) facts.append(h('dt', { text: k }), h('dd', { text: v }));
	}
	const exportBtns = (['csv', 'xlsx', 'json'] as ExportFormat[]).map((f) => {
		const b = button(
			t(ctx, f === 'csv' ? 'exportCsv' : f === 'xlsx' ? 'exportXlsx' : 'exportJson'),
			() => {
				ctx.post({
					type: 'export',
					requestId: ctx.nextId(),
					format: f,
					table: tableToExport(content, p.title),
				});
			},
			true,
		);
		b.classList.add(`export-${f}`);
		return b;
	});
	// The host parses the same HTML it sent into rows and columns (as the tree's insert does).
	const insertBtn = button(t(ctx, 'insert'), () => ctx.post({ type: 'insert', requestId: ctx.nextId() }));
	insertBtn.classList.add('insert');
	insertBtn.title = t(ctx, 'insertHint');
	const el = h(
		'div',
		{ class: 'static' },
		h(
			'section',
			{ class: 'meta' },
			h('div', { class: 'kicker', text: t(ctx, 'staticTable') }),
			h('h1', { class: 'title', text: p.title }),
			facts,
		),
		h('div', { class: 'row toolbar' }, insertBtn, ...exportBtns),
		content,
	);
	requestAnimationFrame(() => {
		const rows = content.querySelectorAll('tr').length;
		ctx.post({
			type: 'rendered',
			view: 'static',
			modelRows: rows,
			modelCols: maxCols(content),
			domRows: rows,
			ms: Math.round(performance.now() - started),
		});
	});
	return el;
}

function maxCols(root: HTMLElement): number {
	let n = 0;
	for (const tr of root.querySelectorAll('tr')) {
		let c = 0;
		for (const td of tr.querySelectorAll('td,th')) c += Math.max(1, Number(td.getAttribute('colspan')) || 1);
		n = Math.max(n, c);
	}
	return n;
}

function tableToExport(content: HTMLElement, title: string): ExportTable {
	const m = tableToMatrix(content);
	return { title, columns: m[0] ?? [], rows: m.slice(1) };
}
