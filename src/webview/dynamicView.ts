/**
 * The dynamic-table view: header (title, unit, region, last update, definition, notes), the period
 * range picker with progress and Cancel, the dimension choices (rows, derived variable,
 * sub-period), the pivot (swappable), the virtual grid with sort/filter/selection/copy, the chart
 * of the selected rows, and export.
 */
import {
	defaultPivot,
	formatValue,
	isTrivialDim,
	pivot,
	type Axis,
	type PivotResult,
	type PivotSpec,
} from '../api/table';
import type { DynamicTable } from '../api/types';
import type {
	DynamicDims,
	ExportFormat,
	ExportTable,
	IndicatorCard,
	InsertRequest,
} from '../preview/protocol';
import { tidyExportTable } from '../preview/export/json';
import { Chart } from './chart';
import { t, type ViewContext } from './context';
import { clear, fmt, h } from './dom';
import { VirtualGrid, type GridModel } from './grid';
import { htmlToText, sanitizeToFragment } from './sanitize';
import { button, localiseCount, option, progressRing, select, textfield, type VscSelect } from './elements';

/** Above this many rows the row picker is hidden (the text filter still works). */
const MAX_ROW_OPTIONS = 2000;

export class DynamicView {
	readonly el: HTMLElement;
	private readonly headerEl = h('section', { class: 'meta' });
	private readonly indicatorEl = h('section', { class: 'indicator-slot' });
	private readonly fromSel: VscSelect;
	private readonly toSel: VscSelect;
	private readonly progressEl = h('div', { class: 'progress', attrs: { hidden: '' } });
	private readonly progressText = h('span', { class: 'progress-text' });
	private readonly rowsSel: VscSelect;
	/** Shows the row picker's count in the UI language ("514 dipilih", not "514 Selected"). */
	private readonly rowsCount: (n: number) => void;
	private readonly turvarSel: VscSelect;
	private readonly turtahunSel: VscSelect;
	private readonly turvarWrap: HTMLElement;
	private readonly rowsWrap: HTMLElement;
	private readonly turtahunWrap: HTMLElement;
	private readonly filterField: HTMLInputElement;
	private readonly countEl = h('span', { class: 'count' });
	private readonly grid: VirtualGrid;
	private readonly chart: Chart;
	private readonly tableTab: HTMLElement;
	private readonly chartTab: HTMLElement;
	private readonly messageEl = h('div', { class: 'message', attrs: { hidden: '' } });
	private dims: DynamicDims | undefined;
	private table: DynamicTable | undefined;
	private result: PivotResult | undefined;
	private loadId: number | undefined;
	private swapped: boolean;
	private tab: 'table' | 'chart';

	constructor(private readonly ctx: ViewContext) {
		this.swapped = ctx.ui.swapped === true;
		this.tab = ctx.ui.tab ?? 'table';
		this.fromSel = select('from');
		this.toSel = select('to');
		const loadBtn = button(t(ctx, 'load'), () => this.loadRange());
		const cancelBtn = button(t(ctx, 'cancel'), () => this.cancel(), true);
		cancelBtn.classList.add('cancel');
		this.progressEl.append(progressRing(), this.progressText, cancelBtn);

		this.rowsSel = select('rows', true);
		this.rowsCount = localiseCount(this.rowsSel, (n) =>
			n ? fmt(t(ctx, 'selected'), n.toLocaleString(ctx.locale)) : t(ctx, 'allRows'),
		);
		this.rowsSel.addEventListener('change', () => {
			const v = this.rowsSel.value as string[];
			this.rowsCount(v.length);
			const all = !v.length || (this.table && v.length === this.table.vervar.length);
			this.ctx.saveUi({ rows: all ? undefined : v });
			this.relayout();
		});
		this.turvarSel = select('turvar');
		this.turvarSel.addEventListener('change', () => {
			this.ctx.saveUi({ turvar: this.turvarSel.value as string });
			this.relayout();
		});
		this.turtahunSel = select('turtahun');
		this.turtahunSel.addEventListener('change', () => {
			this.ctx.saveUi({ turtahun: this.turtahunSel.value as string });
			this.relayout();
		});
		this.turvarWrap = field(t(ctx, 'derivedVariable'), this.turvarSel);
		this.rowsWrap = field(t(ctx, 'rows'), this.rowsSel, 'wide');
		this.turtahunWrap = field(t(ctx, 'subPeriod'), this.turtahunSel);
		this.filterField = textfield(t(ctx, 'filter'), ctx.ui.filter ?? '');
		this.filterField.addEventListener('input', () => {
			this.ctx.saveUi({ filter: this.filterField.value });
			this.grid.setFilter(this.filterField.value);
		});
		const swapBtn = button(
			t(ctx, 'swap'),
			() => {
				this.swapped = !this.swapped;
				this.ctx.saveUi({ swapped: this.swapped, sortCol: undefined });
				this.relayout();
			},
			true,
		);
		swapBtn.classList.add('swap');

		this.grid = new VirtualGrid(
			(what) => {
				if (what === 'sort') this.ctx.saveUi({ sortCol: this.grid.sort.col, sortDir: this.grid.sort.dir });
				if (what === 'selection' && this.tab === 'chart') this.renderChart();
				this.updateCount();
			},
			{ missing: t(ctx, 'missingHint') },
		);
		this.grid.el.addEventListener('keydown', (e) => {
			if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
				e.preventDefault();
				for (const r of this.grid.viewOrder()) this.grid.selection.add(r);
				this.grid.renderNow();
				this.updateCount();
			}
		});
		// Ctrl+C inside the grid: the selection (or the whole view) as TSV with headers.
		this.grid.el.addEventListener('copy', (e) => {
			const { text, rows } = this.grid.toTsv(this.grid.selection.size > 0);
			e.clipboardData?.setData('text/plain', text);
			e.preventDefault();
			this.ctx.status(fmt(t(ctx, 'copied'), rows));
		});
		const chartHost = h('div', { class: 'chart' });
		this.chart = new Chart(chartHost);

		const copyBtn = button(t(ctx, 'copy'), () => this.copy(), true);
		copyBtn.classList.add('copy');
		// Secondary: "Load" stays the one primary button of this view.
		const insertBtn = button(t(ctx, 'insert'), () => this.insert(), true);
		insertBtn.classList.add('insert');
		insertBtn.title = t(ctx, 'insertHint');
		const exportBtns = (['csv', 'xlsx', 'json'] as ExportFormat[]).map((f) => {
			const b = button(
				t(ctx, f === 'csv' ? 'exportCsv' : f === 'xlsx' ? 'exportXlsx' : 'exportJson'),
				() => this.export(f),
				true,
			);
			b.classList.add(`export-${f}`);
			return b;
		});

		this.tableTab = h('div', { class: 'tab-body table-tab' }, this.grid.el);
		this.chartTab = h(
			'div',
			{ class: 'tab-body chart-tab' },
			h('p', { class: 'hint', text: t(ctx, 'chartHint') }),
			chartHost,
		);
		const tabs = document.createElement('vscode-tabs') as HTMLElement & { selectedIndex: number };
		const th1 = h('vscode-tab-header', { text: t(ctx, 'table'), attrs: { slot: 'header' } });
		const th2 = h('vscode-tab-header', { text: t(ctx, 'chart'), attrs: { slot: 'header' } });
		const tp1 = h('vscode-tab-panel', {}, this.tableTab);
		const tp2 = h('vscode-tab-panel', {}, this.chartTab);
		tabs.append(th1, tp1, th2, tp2);
		tabs.selectedIndex = this.tab === 'chart' ? 1 : 0;
		tabs.addEventListener('vsc-tabs-select', (e) => {
			const i = (e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
			this.tab = i === 1 ? 'chart' : 'table';
			this.ctx.saveUi({ tab: this.tab });
			if (this.tab === 'chart') requestAnimationFrame(() => this.renderChart());
			else this.grid.renderNow();
		});

		this.el = h(
			'div',
			{ class: 'dynamic' },
			this.indicatorEl,
			this.headerEl,
			h(
				'section',
				{ class: 'controls' },
				h(
					'div',
					{ class: 'row' },
					field(t(ctx, 'periods') + ' — ' + t(ctx, 'from'), this.fromSel),
					field(t(ctx, 'to'), this.toSel),
					loadBtn,
					this.progressEl,
				),
				h('div', { class: 'row' }, this.rowsWrap, this.turvarWrap, this.turtahunWrap, swapBtn),
				h(
					'div',
					{ class: 'row toolbar' },
					field(t(ctx, 'filter'), this.filterField),
					insertBtn,
					copyBtn,
					...exportBtns,
					this.countEl,
				),
			),
			this.messageEl,
			tabs,
			h('p', { class: 'hint', text: t(ctx, 'missingHint') }),
		);
	}

	showIndicator(card: IndicatorCard): void {
		const ctx = this.ctx;
		const value = card.value === null ? '–' : formatValue(card.value, 2, ctx.locale).replace(/[.,]00$/, '');
		this.indicatorEl.replaceChildren(
			h(
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
			),
		);
	}

	/** The variable's periods arrived: fill the range picker and load the saved or default range. */
	setDims(d: DynamicDims): void {
		this.dims = d;
		const saved = this.ctx.ui.periods?.filter((p) => d.periods.some((x) => x.id === p));
		const chosen = saved?.length ? saved : d.defaultPeriods;
		const idx = chosen.map((id) => d.periods.findIndex((p) => p.id === id)).filter((i) => i >= 0);
		const from = idx.length ? Math.min(...idx) : Math.max(0, d.periods.length - 5);
		const to = idx.length ? Math.max(...idx) : d.periods.length - 1;
		for (const [sel, pick] of [
			[this.fromSel, from],
			[this.toSel, to],
		] as const) {
			clear(sel);
			d.periods.forEach((p, i) => sel.append(option(String(p.id), p.label, i === pick)));
		}
		if (!d.periods.length) {
			this.showMessage(t(this.ctx, 'noData'));
			return;
		}
		this.requestLoad(d.periods.slice(from, to + 1).map((p) => p.id));
	}

	private loadRange(): void {
		const d = this.dims;
		if (!d) return;
		let a = d.periods.findIndex((p) => String(p.id) === this.fromSel.value);
		let b = d.periods.findIndex((p) => String(p.id) === this.toSel.value);
		if (a < 0) a = 0;
		if (b < 0) b = d.periods.length - 1;
		if (a > b) [a, b] = [b, a];
		this.requestLoad(d.periods.slice(a, b + 1).map((p) => p.id));
	}

	private requestLoad(periods: number[]): void {
		this.ctx.saveUi({ periods });
		this.loadId = this.ctx.nextId();
		this.showProgress(t(this.ctx, 'loading'));
		this.ctx.post({ type: 'load', requestId: this.loadId, periods });
	}

	private cancel(): void {
		if (this.loadId !== undefined) this.ctx.post({ type: 'cancel', requestId: this.loadId });
	}

	onProgress(requestId: number, done: number, total: number): void {
		if (requestId === this.loadId) this.showProgress(fmt(t(this.ctx, 'progress'), done, total));
	}

	onCancelled(requestId: number): void {
		if (requestId !== this.loadId) return;
		this.hideProgress();
		this.showMessage(t(this.ctx, 'cancelled'));
	}

	onError(requestId: number | undefined, message: string): boolean {
		if (requestId !== undefined && requestId !== this.loadId) return false;
		this.hideProgress();
		this.showMessage(message);
		return true;
	}

	private showProgress(text: string): void {
		this.progressText.textContent = text;
		this.progressEl.hidden = false;
	}

	private hideProgress(): void {
		this.progressEl.hidden = true;
	}

	private showMessage(text: string): void {
		this.messageEl.textContent = text;
		this.messageEl.hidden = !text;
	}

	/** A decoded table arrived. Stale answers (an older load) are ignored. */
	setTable(requestId: number, table: DynamicTable): boolean {
		if (requestId !== this.loadId && requestId >= 0) return false;
		this.hideProgress();
		this.showMessage('');
		this.table = table;
		this.renderHeader(table);
		this.fillDimensionPickers(table);
		this.relayout();
		return true;
	}

	private renderHeader(tb: DynamicTable): void {
		const ctx = this.ctx;
		const v = tb.variable;
		const meta: Array<[string, string]> = [
			[t(ctx, 'unit'), v.unit],
			[t(ctx, 'region'), regionLabel(ctx)],
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
		this.headerEl.replaceChildren(
			h('div', { class: 'kicker', text: t(ctx, 'dynamicTable') }),
			h('h1', { class: 'title', text: v.title }),
			dl,
			...sections,
		);
	}

	private fillDimensionPickers(tb: DynamicTable): void {
		const ui = this.ctx.ui;
		const rows = new Set(ui.rows ?? tb.vervar.map((x) => x.val));
		clear(this.rowsSel);
		// A picker with tens of thousands of options would freeze the page; the text filter
		// covers huge tables.
		this.rowsWrap.hidden = tb.vervar.length > MAX_ROW_OPTIONS;
		if (!this.rowsWrap.hidden) {
			for (const v of tb.vervar) this.rowsSel.append(option(v.val, v.label, rows.has(v.val)));
			this.rowsCount(tb.vervar.filter((v) => rows.has(v.val)).length);
		}
		const fillOne = (
			sel: VscSelect,
			wrap: HTMLElement,
			items: { val: string; label: string }[],
			saved: string | undefined,
		) => {
			clear(sel);
			wrap.hidden = isTrivialDim(items);
			const value = saved && (saved === '*' || items.some((i) => i.val === saved)) ? saved : '*';
			sel.append(option('*', t(this.ctx, 'all'), value === '*'));
			for (const i of items) sel.append(option(i.val, i.label, value === i.val));
		};
		fillOne(this.turvarSel, this.turvarWrap, tb.turvar, ui.turvar);
		fillOne(this.turtahunSel, this.turtahunWrap, tb.turtahun, ui.turtahun);
	}

	/** The pivot for the current choices; exported for tests through the `rendered` message. */
	private spec(tb: DynamicTable): PivotSpec {
		const ui = this.ctx.ui;
		const base = defaultPivot(tb);
		const filter: PivotSpec['filter'] = {};
		let cols = base.cols;
		for (const axis of ['turvar', 'turtahun'] as Axis[]) {
			const items = tb[axis];
			const choice = axis === 'turvar' ? ui.turvar : ui.turtahun;
			if (choice && choice !== '*' && items.some((i) => i.val === choice)) {
				filter[axis] = [choice];
				cols = cols.filter((c) => c !== axis);
			} else if (items.length > 1 && !cols.includes(axis)) {
				cols = [...cols, axis];
			}
		}
		if (ui.rows?.length) filter.vervar = ui.rows;
		const rows: Axis[] = ['vervar'];
		return this.swapped ? { rows: cols, cols: rows, filter } : { rows, cols, filter };
	}

	private relayout(): void {
		const tb = this.table;
		if (!tb) return;
		const started = performance.now();
		const r = pivot(tb, this.spec(tb));
		this.result = r;
		const ctx = this.ctx;
		const decimal = tb.variable.decimal;
		const rowLabels = r.rowHeaders.map((x) => x.join(' · '));
		const colLabels = r.colHeaders.map((x) => x.join(' '));
		const corner = this.swapped ? t(ctx, 'period') : tb.rowTitle || t(ctx, 'region');
		const model: GridModel = {
			nRows: r.nRows,
			nCols: r.nCols,
			corner,
			colHeaders: colLabels,
			rowLabel: (i) => rowLabels[i],
			value: (i, c) => r.cells[i * r.nCols + c],
			text: (i, c) => formatValue(r.cells[i * r.nCols + c], decimal, ctx.locale),
		};
		this.grid.setModel(model, {
			sortCol: ctx.ui.sortCol,
			sortDir: ctx.ui.sortDir,
			filter: this.filterField.value,
		});
		if (!r.nRows) this.showMessage(t(ctx, 'noData'));
		this.updateCount();
		if (this.tab === 'chart') this.renderChart();
		const ms = performance.now() - started;
		// Measured after layout so the DOM row count reflects what is really on screen.
		requestAnimationFrame(() => {
			this.grid.renderNow();
			ctx.post({
				type: 'rendered',
				view: 'dynamic',
				modelRows: r.nRows,
				modelCols: r.nCols,
				domRows: this.grid.domRowCount(),
				ms: Math.round(ms),
			});
		});
	}

	private updateCount(): void {
		const r = this.result;
		if (!r) return;
		let text = fmt(t(this.ctx, 'rowCount'), this.grid.viewRows.toLocaleString(this.ctx.locale), r.nCols);
		if (this.grid.selection.size) text += ' · ' + fmt(t(this.ctx, 'selected'), this.grid.selection.size);
		this.countEl.textContent = text;
	}

	private copy(): void {
		const { text, rows } = this.grid.toTsv(this.grid.selection.size > 0);
		this.ctx.post({ type: 'copy', text, rows });
		this.ctx.status(fmt(t(this.ctx, 'copied'), rows));
	}

	/** The current view (filter and sort applied) as an export table. */
	exportTable(): ExportTable | undefined {
		const tb = this.table;
		const r = this.result;
		if (!tb || !r) return undefined;
		const order = this.grid.viewOrder();
		const rows: ExportTable['rows'] = [];
		for (const i of order) {
			const row: Array<string | number | null> = [r.rowHeaders[i].join(' · ')];
			for (let c = 0; c < r.nCols; c++) {
				const v = r.cells[i * r.nCols + c];
				row.push(Number.isNaN(v) ? null : v);
			}
			rows.push(row);
		}
		return {
			title: tb.variable.title,
			columns: [
				this.swapped ? t(this.ctx, 'period') : tb.rowTitle || t(this.ctx, 'region'),
				...r.colHeaders.map((x) => x.join(' ')),
			],
			rows,
			unit: tb.variable.unit,
			lastUpdate: tb.lastUpdate,
			decimal: tb.variable.decimal,
		};
	}

	/**
	 * The host inserts the table it holds, laid out as shown: this pivot, and the selected rows (or
	 * every row in view) in view order — so the filter and the sort carry over.
	 */
	insertRequest(): InsertRequest | undefined {
		const tb = this.table;
		if (!tb || !this.result) return undefined;
		const sel = this.grid.selection;
		const rows = Array.from(this.grid.viewOrder()).filter((r) => !sel.size || sel.has(r));
		return { type: 'insert', requestId: this.ctx.nextId(), pivot: this.spec(tb), rows };
	}

	private insert(): void {
		const m = this.insertRequest();
		if (m) this.ctx.post(m);
	}

	private export(format: ExportFormat): void {
		// JSON is for code: the tidy schema. CSV and XLSX keep the readable grid.
		const tb = this.table;
		const table =
			format === 'json' && tb && this.result
				? tidyExportTable(tb, this.spec(tb), Array.from(this.grid.viewOrder()))
				: this.exportTable();
		if (table) this.ctx.post({ type: 'export', requestId: this.ctx.nextId(), format, table });
	}

	/** Chart: the selected regions (or the first five) over the period columns, always regions × periods. */
	private renderChart(): void {
		const tb = this.table;
		if (!tb) return;
		const spec = this.spec(tb);
		const unswapped: PivotSpec = this.swapped
			? { rows: spec.cols, cols: spec.rows, filter: spec.filter }
			: spec;
		const r = this.swapped ? pivot(tb, unswapped) : this.result;
		if (!r) return;
		let rows = this.swapped ? [] : [...this.grid.selection];
		if (!rows.length) rows = Array.from(this.grid.viewOrder().slice(0, 5));
		if (this.swapped) rows = Array.from({ length: Math.min(5, r.nRows) }, (_, i) => i);
		rows = rows.slice(0, 12);
		const ctx = this.ctx;
		// A time series of months/quarters must not mix in the annual aggregate ("Tahunan").
		const tt = unswapped.cols.indexOf('turtahun');
		const annual = new Set(
			tb.turtahun.filter((x) => /^(tahunan|annual|yearly)$/i.test(x.label.trim())).map((x) => x.val),
		);
		const keep: number[] = [];
		for (let c = 0; c < r.nCols; c++)
			if (tt < 0 || tb.turtahun.length < 2 || !annual.has(r.colKeys[c][tt])) keep.push(c);
		this.chart.render({
			labels: keep.map((c) => r.colHeaders[c].join(' ')),
			series: rows.map((i) => ({
				name: r.rowHeaders[i].join(' · '),
				values: keep.map((c) => r.cells[i * r.nCols + c]),
			})),
			unit: tb.variable.unit,
			xLabel: t(ctx, 'period'),
			format: (v) => formatValue(v, tb.variable.decimal, ctx.locale),
		});
		ctx.post({ type: 'chart', series: rows.length, points: keep.length });
	}
}

function field(label: string, control: HTMLElement, cls = ''): HTMLElement {
	return h('label', { class: `field ${cls}` }, h('span', { class: 'field-label', text: label }), control);
}

function regionLabel(ctx: ViewContext): string {
	return ctx.regionName ?? ctx.ref.domain;
}
