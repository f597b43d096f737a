/**
 * The Chart tab of the dynamic-table view: the selected regions (or the first rows in view) over
 * time. Each line is one region × derived variable [× sub-period]; the x axis is time only,
 * whatever the grid's pivot. The chart code is loaded the first time the tab draws
 * (chartLoader.ts); until it is there, the latest request waits and is drawn once it arrives.
 */
import { formatValue, type PivotResult } from '../api/table';
import type { DynamicTable } from '../api/types';
import type { Chart } from './chart';
import { loadChart } from './chartLoader';
import { t, type ViewContext } from './context';
import { fmt, h } from './dom';
import { chartRegions, chartSeries, MAX_SERIES, type LayoutChoice } from './dynamicModel';
import { chartUnit } from './tradeRows';

/** What the chart is drawn from: the table, its current pivot, and which rows the grid offers. */
export interface ChartInput {
	table: DynamicTable;
	result: PivotResult;
	choice: LayoutChoice;
	/** Selected row identities (dynamicModel.layoutIds). */
	selected: ReadonlySet<string>;
	viewOrder: ArrayLike<number>;
}

export class ChartTab {
	/** The tab's body: hint, "capped" note, the chart. */
	readonly el: HTMLElement;
	private readonly host = h('div', { class: 'chart' });
	private readonly note = h('p', { class: 'hint chart-note', attrs: { hidden: '' } });
	private readonly failure = h('p', { class: 'message error', attrs: { hidden: '', role: 'alert' } });
	private chart: Chart | undefined;
	/** The latest input while the chart code loads. */
	private pending: ChartInput | undefined;

	constructor(private readonly ctx: ViewContext) {
		this.el = h(
			'div',
			{ class: 'tab-body chart-tab' },
			h('p', { class: 'hint', text: t(ctx, 'chartHint') }),
			this.note,
			this.failure,
			this.host,
		);
	}

	/** Draws the chart of `input`, loading the chart code first if it is not there yet. */
	render(input: ChartInput): void {
		if (this.chart) {
			this.draw(this.chart, input);
			return;
		}
		const first = this.pending === undefined;
		this.pending = input;
		if (!first) return;
		loadChart().then(
			(m) => {
				this.chart ??= new m.Chart(this.host);
				const latest = this.pending;
				this.pending = undefined;
				this.failure.hidden = true;
				if (latest) this.draw(this.chart, latest);
			},
			(e: unknown) => {
				// Said in the tab; the next render (the tab opened again, a new selection) tries again.
				console.error(e);
				this.pending = undefined;
				this.failure.textContent = t(this.ctx, 'chartLoadFailed');
				this.failure.hidden = false;
			},
		);
	}

	private draw(chart: Chart, { table: tb, result: r, choice, selected, viewOrder }: ChartInput): void {
		const ctx = this.ctx;
		const regions = chartRegions(tb, r, choice, selected, viewOrder);
		const cs = chartSeries(tb, choice, regions);
		const unit = chartUnit(ctx, tb, choice.turvar);
		this.note.hidden = cs.dropped === 0;
		this.note.textContent = cs.dropped ? fmt(t(ctx, 'chartCapped'), MAX_SERIES, cs.dropped) : '';
		chart.render({
			labels: cs.labels,
			series: cs.series,
			unit,
			xLabel: t(ctx, 'period'),
			format: (v: number) => formatValue(v, tb.variable.decimal, ctx.locale),
			missing: t(ctx, 'missingCell'),
			summary: fmt(
				t(ctx, 'chartSummary'),
				tb.variable.title,
				cs.series.length,
				cs.labels[0] ?? '',
				cs.labels[cs.labels.length - 1] ?? '',
				unit,
			),
		});
		ctx.post({ type: 'chart', series: cs.series.length, points: cs.labels.length });
	}
}
