/**
 * The dynamic-table view: header (title, unit, region, last update, definition, notes), the period
 * range picker with progress and Cancel, the dimension choices (rows, derived variable,
 * sub-period), the pivot (swappable), the virtual grid with sort/filter/selection/copy, the Chart
 * tab (chartTab.ts), and export.
 */
import { formatValue, pivot, type PivotResult } from '../api/table';
import type { DynamicTable } from '../api/types';
import type {
	ChangeHighlight,
	DynamicDims,
	ExportFormat,
	ExportTable,
	IndicatorCard,
	InsertRequest,
} from '../preview/protocol';
import { tidyExportTable } from '../preview/export/json';
import { ChartTab } from './chartTab';
import { DimensionPickers } from './dimensionPickers';
import { ChangeView } from './changeView';
import { t, type ViewContext } from './context';
import { fmt, h } from './dom';
import { indicatorCard, tableHeader } from './dynamicHeader';
import {
	exportView,
	layoutIds,
	pinRanks,
	pivotSpec,
	selectedRows,
	sortColumn,
	sortState,
	updateSelection,
	type LayoutChoice,
	type SortState,
} from './dynamicModel';
import { VirtualGrid, type GridModel } from './grid';
import { CensusColumns } from './censusColumns';
import { button, textfield } from './elements';
import { PeriodPicker } from './periodPicker';
import { TradeRows } from './tradeRows';
import { actionButtons, field, tabs } from './viewParts';

export class DynamicView {
	readonly el: HTMLElement;
	private readonly headerEl = h('section', { class: 'meta' });
	private readonly indicatorEl = h('section', { class: 'indicator-slot' });
	private readonly periods: PeriodPicker;
	private readonly pickers: DimensionPickers;
	private readonly filterField: HTMLInputElement;
	private readonly countEl = h('span', { class: 'count' });
	private readonly grid: VirtualGrid;
	private readonly chart: ChartTab;
	private readonly messageEl = h('div', { class: 'message', attrs: { hidden: '' } });
	/** "No rows match …" with Clear, in place of an empty grid. */
	private readonly noMatchEl = h('div', { class: 'message no-match', attrs: { hidden: '', role: 'status' } });
	/** A favourite's changes marked in the grid ("Show changes"). */
	private readonly changeView: ChangeView;
	private table: DynamicTable | undefined;
	/** The table as loaded; `table` is it as the trade grouping shows it (the same table otherwise). */
	private loaded: DynamicTable | undefined;
	private readonly tradeRows: TradeRows;
	private readonly censusColumns: CensusColumns;
	private result: PivotResult | undefined;
	/** Row and column identities of the current pivot (see dynamicModel.layoutIds). */
	private ids: { rows: string[]; cols: string[] } = { rows: [], cols: [] };
	/** The sort, by column identity: it follows its column across pivots, and waits while it is not shown. */
	private sortBy: SortState;
	/** Selected row identities (kept across pivots; those the pivot does not show wait for it). */
	private selKeys: Set<string>;
	private swapped: boolean;
	private tab: 'table' | 'chart';

	constructor(private readonly ctx: ViewContext) {
		this.swapped = ctx.ui.swapped === true;
		this.tab = ctx.ui.tab ?? 'table';
		this.sortBy = { key: ctx.ui.sortKey, dir: ctx.ui.sortDir ?? 1 };
		this.selKeys = new Set(ctx.ui.selected ?? []);
		this.periods = new PeriodPicker(ctx, (text) => this.showMessage(text));
		this.changeView = new ChangeView(ctx);
		const { from, to, load, progress } = this.periods.parts;

		this.pickers = new DimensionPickers(ctx, () => this.relayout());
		this.tradeRows = new TradeRows(ctx, () => {
			if (!this.loaded) return;
			this.selKeys.clear();
			this.showTable(this.loaded);
		});
		this.censusColumns = new CensusColumns(ctx, () => this.periods.reload());
		this.filterField = textfield(t(ctx, 'filter'), ctx.ui.filter ?? '');
		this.filterField.addEventListener('input', () => this.setFilter(this.filterField.value));
		const clearBtn = button(t(ctx, 'clearFilter'), () => {
			this.setFilter('');
			this.grid.el.focus();
		});
		clearBtn.classList.add('clear-filter');
		this.noMatchEl.append(h('span', { class: 'no-match-text' }), clearBtn);
		const swapBtn = button(
			t(ctx, 'swap'),
			() => {
				this.swapped = !this.swapped;
				this.ctx.saveUi({ swapped: this.swapped });
				this.relayout();
			},
			true,
		);
		swapBtn.classList.add('swap');

		this.grid = new VirtualGrid(
			(what) => {
				if (what === 'sort') {
					this.sortBy = sortState(this.ids.cols, this.grid.sort.col, this.grid.sort.dir);
					this.ctx.saveUi({ sortKey: this.sortBy.key, sortDir: this.sortBy.dir });
				}
				if (what === 'selection') {
					this.selKeys = updateSelection(this.selKeys, this.ids.rows, this.grid.selection);
					// A huge selection (Ctrl+A on 100 k rows) is not worth persisting.
					this.ctx.saveUi({ selected: this.selKeys.size <= 5000 ? [...this.selKeys] : undefined });
					if (this.tab === 'chart') this.renderChart();
				}
				this.updateCount();
			},
			{ missing: t(ctx, 'missingHint'), missingCell: t(ctx, 'missingCell') },
		);
		this.grid.el.addEventListener('keydown', (e) => {
			if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
				e.preventDefault();
				for (const r of this.grid.viewOrder()) this.grid.selection.add(r);
				this.grid.renderNow();
				this.selKeys = updateSelection(this.selKeys, this.ids.rows, this.grid.selection);
				this.updateCount();
			}
		});
		// Ctrl+C while the grid has focus: the selection (or the whole view) as TSV with headers. The
		// copy event goes to the document when nothing is selected as text, so listen there.
		document.addEventListener('copy', (e) => {
			if (!this.el.isConnected || !this.grid.el.contains(document.activeElement)) return;
			const { text, rows } = this.grid.toTsv(this.grid.selection.size > 0);
			e.clipboardData?.setData('text/plain', text);
			e.preventDefault();
			this.ctx.status(fmt(t(ctx, 'copied'), rows));
		});
		this.chart = new ChartTab(ctx);
		const tableTab = h('div', { class: 'tab-body table-tab' }, this.grid.el);
		const tabBar = tabs(ctx, [tableTab, this.chart.el], this.tab === 'chart' ? 1 : 0, (i) => {
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
					field(t(ctx, 'periods') + ' — ' + t(ctx, 'from'), from),
					field(t(ctx, 'to'), to),
					load,
					progress,
				),
				h('div', { class: 'row' }, this.tradeRows.el, this.censusColumns.el, ...this.pickers.fields, swapBtn),
				h(
					'div',
					{ class: 'row toolbar' },
					field(t(ctx, 'filter'), this.filterField),
					...actionButtons(ctx, {
						insert: () => this.insert(),
						copy: () => this.copy(),
						export: (f) => this.export(f),
					}),
					this.countEl,
				),
			),
			this.messageEl,
			this.noMatchEl,
			this.changeView.el,
			tabBar,
			h('p', { class: 'hint', text: t(ctx, 'missingHint') }),
		);
	}

	showIndicator(card: IndicatorCard): void {
		this.indicatorEl.replaceChildren(indicatorCard(this.ctx, card));
	}

	/** The variable's periods arrived: fill the range picker and load (or await) the saved or default range. */
	setDims(d: DynamicDims, pushed?: { requestId: number; periods: number[] }): void {
		this.censusColumns.set(d);
		this.periods.setDims(d, pushed);
	}

	onProgress(requestId: number, done: number, total: number): void {
		this.periods.onProgress(requestId, done, total);
	}

	onCancelled(requestId: number): void {
		this.periods.onCancelled(requestId);
	}

	onError(requestId: number | undefined, message: string): boolean {
		return this.periods.onError(requestId, message);
	}

	/** The saved choices changed from outside (a favourite opened): the pickers and grid follow. */
	applyView(): void {
		if (!this.table) return;
		this.pickers.fill(this.table);
		this.relayout();
	}

	/** Highlights a favourite's changes in this and every later layout of the table. */
	setChanges(changes: ChangeHighlight): void {
		this.changeView.set(changes);
		this.relayout();
	}

	private showMessage(text: string): void {
		this.messageEl.textContent = text;
		this.messageEl.hidden = !text;
	}

	/** A decoded table arrived. Stale answers (an older load) are ignored. */
	setTable(requestId: number, table: DynamicTable): boolean {
		if (!this.periods.accepts(requestId)) return false;
		this.loaded = table;
		this.showTable(table);
		return true;
	}

	private showTable(loaded: DynamicTable): void {
		const table = this.tradeRows.apply(loaded);
		this.table = table;
		this.headerEl.replaceChildren(...tableHeader(this.ctx, table));
		this.grid.el.setAttribute('aria-label', table.variable.title);
		const rowPicker = this.pickers.fill(table, false);
		this.relayout();
		// The row picker's options come after the grid has painted: 514 of them took longer than the
		// whole rest of the first paint.
		if (rowPicker) requestAnimationFrame(() => setTimeout(() => this.pickers.fillRows(table)));
	}

	private choice(): LayoutChoice {
		const ui = this.ctx.ui;
		return { rows: ui.rows, turvar: ui.turvar, turtahun: ui.turtahun, swapped: this.swapped };
	}

	private setFilter(text: string): void {
		if (this.filterField.value !== text) this.filterField.value = text;
		this.ctx.saveUi({ filter: text });
		this.grid.setFilter(text);
	}

	private relayout(): void {
		const tb = this.table;
		if (!tb) return;
		const started = performance.now();
		const spec = pivotSpec(tb, this.choice());
		const r = pivot(tb, spec);
		this.result = r;
		this.ids = layoutIds(tb, spec, r);
		const ctx = this.ctx;
		const decimal = tb.variable.decimal;
		const rowLabels = r.rowHeaders.map((x) => (x.length === 1 ? x[0] : x.join(' · ')));
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
			pinned: pinRanks(tb, spec, r),
		};
		const highlighted = this.changeView.apply(tb, spec, r, model);
		this.grid.setModel(model, {
			sortCol: sortColumn(this.ids.cols, this.sortBy),
			sortDir: this.sortBy.dir,
			filter: this.filterField.value,
			selected: selectedRows(this.ids.rows, this.selKeys),
		});
		if (highlighted) ctx.post(highlighted);
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
		// A filter that leaves nothing says so, with a way out.
		const filter = this.filterField.value.trim();
		const none = r.nRows > 0 && this.grid.viewRows === 0 && filter !== '';
		this.noMatchEl.hidden = !none;
		if (none) this.noMatchEl.firstElementChild!.textContent = fmt(t(this.ctx, 'noMatch'), filter);
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
		const corner = this.swapped ? t(this.ctx, 'period') : tb.rowTitle || t(this.ctx, 'region');
		return exportView(tb, r, this.grid.viewOrder(), corner);
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
		return { type: 'insert', requestId: this.ctx.nextId(), pivot: pivotSpec(tb, this.choice()), rows };
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
				? tidyExportTable(tb, pivotSpec(tb, this.choice()), Array.from(this.grid.viewOrder()))
				: this.exportTable();
		if (table) this.ctx.post({ type: 'export', requestId: this.ctx.nextId(), format, table });
	}

	/** The chart of the current pivot and selection (drawn only while its tab is shown). */
	private renderChart(): void {
		const tb = this.table;
		const r = this.result;
		if (!tb || !r) return;
		const viewOrder = this.grid.viewOrder();
		this.chart.render({ table: tb, result: r, choice: this.choice(), selected: this.selKeys, viewOrder });
	}
}
