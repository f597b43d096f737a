/**
 * Line chart of the selected rows over time (uPlot, ~50 kB). Colours come from the theme's CSS
 * variables, so the chart follows light, dark and high-contrast themes; it is rebuilt when the
 * theme changes (body class changes). Axis sizes are measured from the tick labels, so no label is
 * cut off and the unit never overlaps the values. A visually hidden table with the same numbers is
 * the text alternative for screen readers (the canvas itself is hidden from them).
 */
import uPlot from 'uplot';
import { h } from './dom';

export interface ChartData {
	/** X axis labels (periods, in time order). */
	labels: string[];
	series: Array<{ name: string; values: number[] }>;
	unit: string;
	/** Legend label of the x values. */
	xLabel: string;
	format: (v: number) => string;
	/** One line for screen readers: what the chart shows. */
	summary: string;
	/** What a screen reader says for a missing value. */
	missing: string;
}

function cssVar(name: string, fallback: string): string {
	const v = getComputedStyle(document.body).getPropertyValue(name).trim();
	return v || fallback;
}

function palette(): string[] {
	return [
		cssVar('--vscode-charts-blue', '#3794ff'),
		cssVar('--vscode-charts-orange', '#d18616'),
		cssVar('--vscode-charts-green', '#89d185'),
		cssVar('--vscode-charts-red', '#f14c4c'),
		cssVar('--vscode-charts-purple', '#b180d7'),
		cssVar('--vscode-charts-yellow', '#cca700'),
		cssVar('--vscode-charts-foreground', '#cccccc'),
	];
}

/** Dashes tell series of the same colour apart once the palette wraps. */
const DASHES: Array<number[] | undefined> = [undefined, [6, 3], [2, 3]];

let measurer: CanvasRenderingContext2D | null | undefined;
/** Width in CSS pixels of the widest text in `font`. */
function textWidth(texts: Iterable<string>, font: string): number {
	measurer ??= document.createElement('canvas').getContext('2d');
	if (!measurer) return 0;
	measurer.font = font;
	let w = 0;
	for (const t of texts) w = Math.max(w, measurer.measureText(t).width);
	return Math.ceil(w);
}

export class Chart {
	readonly el: HTMLElement;
	private readonly plotEl = h('div', { class: 'chart-plot', attrs: { 'aria-hidden': 'true' } });
	private readonly altEl = h('div', { class: 'visually-hidden chart-alt' });
	private plot: uPlot | undefined;
	private data: ChartData | undefined;

	constructor(host: HTMLElement) {
		this.el = host;
		host.append(this.plotEl, this.altEl);
		new ResizeObserver(() => {
			if (this.plot && this.el.clientWidth > 0) this.plot.setSize(this.size());
		}).observe(host);
		// VS Code swaps the body's theme class on a theme change: recolour.
		new MutationObserver(() => this.data && this.render(this.data)).observe(document.body, {
			attributes: true,
			attributeFilter: ['class'],
		});
	}

	private size(): { width: number; height: number } {
		return {
			width: Math.max(320, this.el.clientWidth - 8),
			height: Math.max(240, Math.min(360, Math.round(this.el.clientWidth * 0.35))),
		};
	}

	render(d: ChartData): void {
		this.data = d;
		this.plot?.destroy();
		this.plot = undefined;
		this.plotEl.replaceChildren();
		this.renderAlt(d);
		if (!d.series.length || !d.labels.length) return;
		const fg = cssVar('--vscode-editor-foreground', '#cccccc');
		const grid = cssVar('--vscode-editorWidget-border', cssVar('--vscode-panel-border', '#80808040'));
		const fontPx = parseFloat(cssVar('--vscode-font-size', '13px')) || 13;
		const font = `${fontPx}px ${cssVar('--vscode-font-family', 'sans-serif')}`;
		const colours = palette();
		const x = d.labels.map((_, i) => i);
		const axis = {
			stroke: fg,
			grid: { stroke: grid, width: 1 },
			ticks: { stroke: grid, width: 1, size: 6 },
			font,
			labelFont: font,
			gap: 6,
		};
		// The first and last x labels are centred on the plot's edges: leave room for half of each.
		const half = Math.ceil(textWidth([d.labels[0], d.labels[d.labels.length - 1]], font) / 2) + 4;
		const opts: uPlot.Options = {
			...this.size(),
			padding: [12, half, 0, 0],
			legend: { show: true, live: true },
			cursor: { drag: { x: false, y: false } },
			scales: { x: { time: false } },
			axes: [
				{
					...axis,
					// Period labels are long ("2024 September"): space the ticks by the widest one.
					space: textWidth(d.labels, font) + 16,
					size: Math.ceil(fontPx * 1.5) + 12,
					values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? (d.labels[s] ?? '') : '')),
				},
				{
					...axis,
					label: d.unit,
					labelSize: Math.ceil(fontPx * 1.5) + 4,
					labelGap: 2,
					values: (_u, splits) => splits.map((s) => d.format(s)),
					// Wide enough for the widest tick value, so the unit title never overlaps them.
					size: (_u, values) => 6 + 6 + textWidth(values ?? [d.format(0)], font) + 4,
				},
			],
			series: [
				{
					label: d.xLabel,
					value: (_u, v) => (v === null || v === undefined ? '' : (d.labels[v] ?? '')),
				},
				...d.series.map((s, i) => ({
					label: s.name,
					stroke: colours[i % colours.length],
					dash: DASHES[Math.floor(i / colours.length) % DASHES.length],
					width: 2,
					points: { show: d.labels.length <= 40, size: 5 },
					spanGaps: false,
					// No cursor: nothing. A cell that is really missing: the missing marker. Else the value.
					value: (_u: uPlot, v: number | null, _si: number, idx: number | null) =>
						idx === null || idx === undefined ? '' : v === null || v === undefined ? '–' : d.format(v),
				})),
			],
		};
		const data: uPlot.AlignedData = [
			x,
			...d.series.map((s) => s.values.map((v) => (Number.isNaN(v) ? null : v))),
		];
		this.plot = new uPlot(opts, data, this.plotEl);
	}

	/** The same numbers as a table, for screen readers (periods as rows, series as columns). */
	private renderAlt(d: ChartData): void {
		const head = h(
			'tr',
			{},
			h('th', { text: d.xLabel, attrs: { scope: 'col' } }),
			...d.series.map((s) => h('th', { text: s.name, attrs: { scope: 'col' } })),
		);
		const rows = d.labels.map((label, i) =>
			h(
				'tr',
				{},
				h('th', { text: label, attrs: { scope: 'row' } }),
				...d.series.map((s) =>
					h('td', { text: Number.isNaN(s.values[i]) ? d.missing : d.format(s.values[i]) }),
				),
			),
		);
		this.altEl.replaceChildren(
			h('p', { class: 'chart-summary', text: d.summary }),
			h(
				'table',
				{ attrs: { 'aria-label': d.summary } },
				h('caption', { text: d.summary }),
				h('thead', {}, head),
				h('tbody', {}, ...rows),
			),
		);
	}
}
