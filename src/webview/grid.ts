/**
 * A fixed-row-height virtual grid: the data model can hold 100 k rows, but only the rows in view
 * (plus a small overscan) exist in the DOM, recycled from a pool as the user scrolls. Sorting and
 * filtering work on an index permutation, never on copies of the data.
 *
 * Keyboard and screen readers follow the WAI-ARIA grid pattern: focus stays on the grid element
 * and `aria-activedescendant` names the active cell (rows come and go while scrolling, so a roving
 * tabindex would lose focus with them). The active cell moves with the arrows, Home/End,
 * PageUp/PageDown and Ctrl+Home/End; Enter or Space on a header sorts; Space selects a row;
 * Shift+arrows extend the selection. `aria-rowcount`/`aria-colcount` give the whole size.
 */
import { h } from './dom';
import { gridKey } from './gridKeys';
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
	/** Aggregate rows pinned on top (rank), or undefined. */
	pinned?(r: number): number | undefined;
	/** A highlighted cell (c = -1: the row label): its class, tooltip and what a screen reader says. */
	mark?(r: number, c: number): CellHighlight | undefined;
	/** A highlighted column header. */
	headMark?(c: number): CellHighlight | undefined;
}

/** How a highlighted cell looks and reads: `kind` is its class ("revised", "new-period"). */
export interface CellHighlight {
	kind: string;
	title: string;
	label: string;
}

export interface GridStrings {
	/** Tooltip of a missing cell. */
	missing: string;
	/** What a screen reader says for a missing cell. */
	missingCell: string;
}

export const ROW_HEIGHT = 24;
const OVERSCAN = 8;
const LABEL_WIDTH = 260;
let gridSeq = 0;

export class VirtualGrid {
	readonly el: HTMLElement;
	private readonly header: HTMLElement;
	private readonly body: HTMLElement;
	private readonly activeId = `grid-${++gridSeq}-active`;
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
	/** View position where a Shift range starts. */
	private anchor: number | undefined;
	/** The active cell: view position (-1 = the header row) and column (0 = the row labels). */
	private active = { pos: -1, col: 0 };

	constructor(
		private readonly onChange: (what: 'selection' | 'sort' | 'view') => void,
		private readonly strings: GridStrings,
	) {
		this.header = h('div', { class: 'grid-header', attrs: { role: 'row', 'aria-rowindex': '1' } });
		this.body = h('div', { class: 'grid-body', attrs: { role: 'rowgroup' } });
		this.el = h(
			'div',
			{ class: 'grid', attrs: { tabindex: '0', role: 'grid', 'aria-multiselectable': 'true' } },
			this.header,
			this.body,
		);
		this.el.addEventListener('scroll', () => this.schedule(), { passive: true });
		this.body.addEventListener('click', (e) => this.onClick(e));
		this.el.addEventListener('keydown', (e) => this.onKey(e));
		new ResizeObserver(() => this.schedule()).observe(this.el);
	}

	/**
	 * A new model (a new pivot). `keep` restores what should survive it: the sort column, the
	 * filter and the selected model rows (resolved by identity by the caller).
	 */
	setModel(
		model: GridModel,
		keep?: { sortCol?: number; sortDir?: 1 | -1; filter?: string; selected?: number[] },
	): void {
		this.model = model;
		this.selection.clear();
		for (const r of keep?.selected ?? []) if (r >= 0 && r < model.nRows) this.selection.add(r);
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
		this.el.setAttribute('aria-colcount', String(model.nCols + 1));
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

	private cycleSort(col: number): void {
		if (this.sortCol !== col) this.setSort(col, 1);
		else if (this.sortDir === 1) this.setSort(col, -1);
		else this.setSort(undefined);
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
			// The label ellipsises; the arrow is its own box after it, so a cut-off header keeps it.
			const cell = h(
				'div',
				{
					class: i === 0 ? 'cell label head' : 'cell num head',
					title: label,
					attrs: { role: 'columnheader', 'aria-colindex': String(i + 1) },
				},
				h('span', { class: 'head-text', text: label }),
				h('span', { class: 'sort-arrow', attrs: { 'aria-hidden': 'true' } }),
			);
			cell.style.width = `${this.widths[i]}px`;
			const mark = i > 0 ? m.headMark?.(col) : undefined;
			if (mark) {
				cell.classList.add(mark.kind);
				cell.title = mark.title;
				cell.setAttribute('aria-label', mark.label);
			}
			if (this.sortCol === col) {
				cell.classList.add(this.sortDir === 1 ? 'asc' : 'desc');
				cell.setAttribute('aria-sort', this.sortDir === 1 ? 'ascending' : 'descending');
			}
			cell.addEventListener('click', () => {
				this.active = { pos: -1, col: i };
				this.cycleSort(col);
			});
			this.header.append(cell);
		});
		this.markActive();
	}

	private reorder(): void {
		const m = this.model;
		if (!m) return;
		const rows = viewRows(m, this.filterText, this.sortCol, this.sortDir);
		this.order = Int32Array.from(rows);
		this.el.setAttribute('aria-rowcount', String(this.order.length + 1));
		this.active.pos = Math.min(this.active.pos, this.order.length - 1);
		this.active.col = Math.min(this.active.col, m.nCols);
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
			row.classList.toggle('pinned', m.pinned?.(r) !== undefined);
			row.setAttribute('aria-selected', String(this.selection.has(r)));
			row.setAttribute('aria-rowindex', String(pos + 2));
			const cells = row.children;
			const head = cells[0] as HTMLElement;
			head.textContent = m.rowLabel(r);
			this.decorate(head, m.mark?.(r, -1), m.rowLabel(r));
			for (let c = 0; c < m.nCols; c++) {
				const cell = cells[c + 1] as HTMLElement;
				cell.textContent = m.text(r, c);
				const missing = Number.isNaN(m.value(r, c));
				cell.classList.toggle('missing', missing);
				const hint = missing ? { title: this.strings.missing, label: this.strings.missingCell } : undefined;
				this.decorate(cell, m.mark?.(r, c), hint?.title, hint?.label);
			}
		}
		this.markActive();
	}

	/**
	 * A recycled cell's highlight class, tooltip and accessible name: the highlight's when it has
	 * one (a revised missing value still says it was revised), else `title` / `label`.
	 */
	private decorate(cell: HTMLElement, mark: CellHighlight | undefined, title?: string, label?: string): void {
		const kind = cell.dataset.mark;
		if (kind && kind !== mark?.kind) cell.classList.remove(kind);
		if (mark) cell.classList.add(mark.kind);
		cell.dataset.mark = mark?.kind ?? '';
		const t = mark?.title ?? title;
		const l = mark?.label ?? label;
		if (t) cell.title = t;
		else cell.removeAttribute('title');
		if (l) cell.setAttribute('aria-label', l);
		else cell.removeAttribute('aria-label');
	}

	/** Moves the `active` class and the id that `aria-activedescendant` points at. */
	private markActive(): void {
		const old = this.el.querySelector(`#${this.activeId}`);
		old?.removeAttribute('id');
		old?.classList.remove('active');
		const { pos, col } = this.active;
		const row = pos < 0 ? this.header : this.pool.find((r) => r.isConnected && r.dataset.pos === String(pos));
		const cell = row?.children[col] as HTMLElement | undefined;
		if (cell) {
			cell.id = this.activeId;
			cell.classList.add('active');
			this.el.setAttribute('aria-activedescendant', this.activeId);
		} else this.el.removeAttribute('aria-activedescendant');
	}

	private makeRow(m: GridModel): HTMLElement {
		const row = h('div', { class: 'grid-row', attrs: { role: 'row' } });
		for (let i = 0; i <= m.nCols; i++) {
			const cell = h('div', {
				class: i === 0 ? 'cell label' : 'cell num',
				attrs: { role: i === 0 ? 'rowheader' : 'gridcell', 'aria-colindex': String(i + 1) },
			});
			cell.style.width = `${this.widths[i]}px`;
			row.append(cell);
		}
		return row;
	}

	/** Makes (pos, col) the active cell and scrolls it into view (below the sticky header, right of the labels). */
	private setActive(pos: number, col: number): void {
		this.active = { pos, col };
		const headerH = this.header.offsetHeight;
		if (pos >= 0) {
			const top = pos * ROW_HEIGHT;
			const view = this.el.clientHeight - headerH;
			if (top < this.el.scrollTop) this.el.scrollTop = top;
			else if (top + ROW_HEIGHT > this.el.scrollTop + view) this.el.scrollTop = top + ROW_HEIGHT - view;
		}
		if (col > 0) {
			const left = this.widths.slice(0, col).reduce((a, b) => a + b, 0);
			const w = this.widths[col];
			if (left - this.widths[0] < this.el.scrollLeft) this.el.scrollLeft = left - this.widths[0];
			else if (left + w > this.el.scrollLeft + this.el.clientWidth)
				this.el.scrollLeft = left + w - this.el.clientWidth;
		}
		this.renderNow();
	}

	private onKey(e: KeyboardEvent): void {
		const m = this.model;
		if (!m) return;
		const ctrl = e.ctrlKey || e.metaKey;
		const page = Math.max(1, Math.floor((this.el.clientHeight - this.header.offsetHeight) / ROW_HEIGHT) - 1);
		const { pos, col } = this.active;
		const res = gridKey(e.key, ctrl, this.active, { last: this.order.length - 1, nCols: m.nCols, page });
		if (!res) return;
		e.preventDefault();
		if ('sort' in res) return this.cycleSort(col - 1);
		if ('toggle' in res) return this.toggle(pos, ctrl || e.shiftKey);
		if ('consumed' in res) return;
		this.setActive(res.move.pos, res.move.col);
		if (e.shiftKey && res.vertical && res.move.pos >= 0) {
			this.anchor ??= Math.max(0, pos);
			this.selectRange(this.anchor, res.move.pos, false);
		} else if (res.vertical) this.anchor = undefined;
	}

	private toggle(pos: number, add: boolean): void {
		const r = this.order[pos];
		const had = this.selection.has(r);
		if (!add) this.selection.clear();
		if (had) this.selection.delete(r);
		else this.selection.add(r);
		this.anchor = pos;
		this.renderNow();
		this.onChange('selection');
	}

	private selectRange(a: number, b: number, add: boolean): void {
		if (!add) this.selection.clear();
		for (let p = Math.min(a, b); p <= Math.max(a, b); p++) this.selection.add(this.order[p]);
		this.renderNow();
		this.onChange('selection');
	}

	private onClick(e: MouseEvent): void {
		const row = (e.target as HTMLElement).closest<HTMLElement>('.grid-row');
		if (!row?.dataset.pos) return;
		const pos = Number(row.dataset.pos);
		const cell = (e.target as HTMLElement).closest<HTMLElement>('.cell');
		this.active = { pos, col: cell ? Array.prototype.indexOf.call(row.children, cell) : 0 };
		if (e.shiftKey && this.anchor !== undefined) this.selectRange(this.anchor, pos, e.ctrlKey || e.metaKey);
		else if (e.ctrlKey || e.metaKey) this.toggle(pos, true);
		else {
			const r = this.order[pos];
			const only = this.selection.size === 1 && this.selection.has(r);
			this.selection.clear();
			if (!only) this.selection.add(r);
			this.anchor = pos;
			this.renderNow();
			this.onChange('selection');
		}
	}
}
