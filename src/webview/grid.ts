/**
 * A fixed-row-height virtual grid: the data model can hold 100 k rows, but only the rows in view
 * (plus a small overscan) exist in the DOM, recycled from a pool as the user scrolls. Sorting and
 * filtering work on an index permutation, never on copies of the data.
 */
import { h } from './dom';
import { viewRows } from './gridOrder';

export interface GridModel {
	nRows: number;
	nCols: number;
	/** Header of the row-label column. */
	corner: string;
	colHeaders: string[];
	rowLabel(r: number): string;
	/** NaN = missing. */
	value(r: number, c: number): number;
	/** Display text of a cell ("–" for missing). */
	text(r: number, c: number): string;
}

export const ROW_HEIGHT = 24;
const OVERSCAN = 8;
const LABEL_WIDTH = 260;

export class VirtualGrid {
	readonly el: HTMLElement;
	private readonly header: HTMLElement;
	private readonly body: HTMLElement;
	private model: GridModel | undefined;
	/** View position → model row. */
	private order = new Int32Array(0);
	private widths: number[] = [];
	private pool: HTMLElement[] = [];
	private frame = 0;
	private sortCol: number | undefined;
	private sortDir: 1 | -1 = 1;
	private filterText = '';
	/** Selected model rows. */
	readonly selection = new Set<number>();
	private anchor: number | undefined;

	constructor(
		private readonly onChange: (what: 'selection' | 'sort' | 'view') => void,
		private readonly strings: { missing: string },
	) {
		this.header = h('div', { class: 'grid-header', attrs: { role: 'row' } });
		this.body = h('div', { class: 'grid-body', attrs: { role: 'rowgroup' } });
		this.el = h(
			'div',
			{ class: 'grid', attrs: { tabindex: '0', role: 'grid', 'aria-multiselectable': 'true' } },
			this.header,
			this.body,
		);
		this.el.addEventListener('scroll', () => this.schedule(), { passive: true });
		this.body.addEventListener('click', (e) => this.onClick(e));
		new ResizeObserver(() => this.schedule()).observe(this.el);
	}

	setModel(model: GridModel, keep?: { sortCol?: number; sortDir?: 1 | -1; filter?: string }): void {
		this.model = model;
		this.selection.clear();
		this.anchor = undefined;
		this.sortCol = keep?.sortCol !== undefined && keep.sortCol < model.nCols ? keep.sortCol : undefined;
		this.sortDir = keep?.sortDir ?? 1;
		this.filterText = keep?.filter ?? '';
		this.widths = [
			LABEL_WIDTH,
			...model.colHeaders.map((c) => Math.max(96, Math.min(220, c.length * 8 + 28))),
		];
		for (const r of this.pool) r.remove();
		this.pool = [];
		this.buildHeader();
		this.reorder();
	}

	get sort(): { col?: number; dir: 1 | -1 } {
		return { col: this.sortCol, dir: this.sortDir };
	}

	/** Sort by column `col` (-1 = the row labels), or clear with undefined. Missing values go last either way. */
	setSort(col: number | undefined, dir: 1 | -1 = 1): void {
		this.sortCol = col;
		this.sortDir = dir;
		this.buildHeader();
		this.reorder();
		this.onChange('sort');
	}

	setFilter(text: string): void {
		this.filterText = text;
		this.reorder();
	}

	/** Rows in the current view (after filter). */
	get viewRows(): number {
		return this.order.length;
	}

	/** Model rows in view order. */
	viewOrder(): Int32Array {
		return this.order;
	}

	/** How many row elements are in the DOM right now (the virtualisation check). */
	domRowCount(): number {
		return this.body.childElementCount;
	}

	/** TSV with headers: the selected rows (in view order), or every row in view when nothing is selected. */
	toTsv(selectedOnly: boolean): { text: string; rows: number } {
		const m = this.model;
		if (!m) return { text: '', rows: 0 };
		const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
		const lines = [[m.corner, ...m.colHeaders].map(clean).join('\t')];
		let n = 0;
		for (const r of this.order) {
			if (selectedOnly && !this.selection.has(r)) continue;
			const cells = [clean(m.rowLabel(r))];
			for (let c = 0; c < m.nCols; c++) {
				const v = m.value(r, c);
				// Raw numbers (no thousands separators) paste as numbers into any spreadsheet; missing stays empty.
				cells.push(Number.isNaN(v) ? '' : String(v));
			}
			lines.push(cells.join('\t'));
			n++;
		}
		return { text: lines.join('\n') + '\n', rows: n };
	}

	private buildHeader(): void {
		const m = this.model;
		this.header.replaceChildren();
		if (!m) return;
		const total = this.widths.reduce((a, b) => a + b, 0);
		this.header.style.width = `${total}px`;
		const labels = [m.corner, ...m.colHeaders];
		labels.forEach((label, i) => {
			const col = i - 1;
			const cell = h('div', {
				class: i === 0 ? 'cell label head' : 'cell num head',
				text: label,
				title: label,
				attrs: { role: 'columnheader' },
			});
			cell.style.width = `${this.widths[i]}px`;
			if (this.sortCol === col) {
				cell.classList.add(this.sortDir === 1 ? 'asc' : 'desc');
				cell.setAttribute('aria-sort', this.sortDir === 1 ? 'ascending' : 'descending');
			}
			cell.addEventListener('click', () => {
				if (this.sortCol !== col) this.setSort(col, 1);
				else if (this.sortDir === 1) this.setSort(col, -1);
				else this.setSort(undefined);
			});
			this.header.append(cell);
		});
	}

	private reorder(): void {
		const m = this.model;
		if (!m) return;
		const rows = viewRows(m, this.filterText, this.sortCol, this.sortDir);
		this.order = Int32Array.from(rows);
		this.body.style.height = `${this.order.length * ROW_HEIGHT}px`;
		this.body.style.width = `${this.widths.reduce((a, b) => a + b, 0)}px`;
		this.renderNow();
		this.onChange('view');
	}

	private schedule(): void {
		if (this.frame) return;
		this.frame = requestAnimationFrame(() => {
			this.frame = 0;
			this.renderNow();
		});
	}

	/** Render only the rows inside the viewport (+ overscan), reusing pooled row elements. */
	renderNow(): void {
		const m = this.model;
		if (!m) return;
		const headerH = this.header.offsetHeight;
		const top = Math.max(0, this.el.scrollTop - headerH);
		const height = this.el.clientHeight || 600;
		const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
		const last = Math.min(this.order.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
		const need = Math.max(0, last - first);
		while (this.pool.length < need) this.pool.push(this.makeRow(m));
		while (this.pool.length > need) this.pool.pop()?.remove();
		for (let i = 0; i < need; i++) {
			const pos = first + i;
			const r = this.order[pos];
			const row = this.pool[i];
			if (!row.isConnected) this.body.append(row);
			row.style.transform = `translateY(${pos * ROW_HEIGHT}px)`;
			row.dataset.pos = String(pos);
			row.classList.toggle('selected', this.selection.has(r));
			row.setAttribute('aria-selected', String(this.selection.has(r)));
			row.setAttribute('aria-rowindex', String(pos + 2));
			const cells = row.children;
			(cells[0] as HTMLElement).textContent = m.rowLabel(r);
			(cells[0] as HTMLElement).title = m.rowLabel(r);
			for (let c = 0; c < m.nCols; c++) {
				const v = m.value(r, c);
				const cell = cells[c + 1] as HTMLElement;
				cell.textContent = m.text(r, c);
				cell.classList.toggle('missing', Number.isNaN(v));
				if (Number.isNaN(v)) cell.title = this.strings.missing;
				else cell.removeAttribute('title');
			}
		}
	}

	private makeRow(m: GridModel): HTMLElement {
		const row = h('div', { class: 'grid-row', attrs: { role: 'row' } });
		for (let i = 0; i <= m.nCols; i++) {
			const cell = h('div', {
				class: i === 0 ? 'cell label' : 'cell num',
				attrs: { role: i === 0 ? 'rowheader' : 'gridcell' },
			});
			cell.style.width = `${this.widths[i]}px`;
			row.append(cell);
		}
		return row;
	}

	private onClick(e: MouseEvent): void {
		const row = (e.target as HTMLElement).closest<HTMLElement>('.grid-row');
		if (!row?.dataset.pos) return;
		const pos = Number(row.dataset.pos);
		const r = this.order[pos];
		if (e.shiftKey && this.anchor !== undefined) {
			const a = Math.min(this.anchor, pos);
			const b = Math.max(this.anchor, pos);
			if (!(e.ctrlKey || e.metaKey)) this.selection.clear();
			for (let p = a; p <= b; p++) this.selection.add(this.order[p]);
		} else if (e.ctrlKey || e.metaKey) {
			if (this.selection.has(r)) this.selection.delete(r);
			else this.selection.add(r);
			this.anchor = pos;
		} else {
			const only = this.selection.size === 1 && this.selection.has(r);
			this.selection.clear();
			if (!only) this.selection.add(r);
			this.anchor = pos;
		}
		this.renderNow();
		this.onChange('selection');
	}
}
