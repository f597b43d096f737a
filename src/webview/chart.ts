/**
 * Line chart of the selected rows over time (uPlot, ~50 kB). Colours come from the theme's CSS
 * variables, so the chart follows light, dark and high-contrast themes; it is rebuilt when the
 * theme changes (body class changes).
 */
import uPlot from 'uplot';

export interface ChartData {
	/** X axis labels (periods). */
	labels: string[];
	series: Array<{ name: string; values: number[] }>;
	unit: string;
	/** Legend label of the x values. */
	xLabel: string;
	format: (v: number) => string;
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

export class Chart {
	private plot: uPlot | undefined;
	private data: ChartData | undefined;

	constructor(readonly el: HTMLElement) {
		new ResizeObserver(() => {
			if (this.plot && this.el.clientWidth > 0) this.plot.setSize(this.size());
		}).observe(el);
		// VS Code swaps the body's theme class on a theme change: recolour.
		new MutationObserver(() => this.data && this.render(this.data)).observe(document.body, {
			attributes: true,
			attributeFilter: ['class'],
		});
	}

	private size(): { width: number; height: number } {
		return {
			width: Math.max(320, this.el.clientWidth - 8),
			height: Math.max(220, Math.min(340, Math.round(this.el.clientWidth * 0.35))),
		};
	}

	render(d: ChartData): void {
		this.data = d;
		this.plot?.destroy();
		this.plot = undefined;
		this.el.replaceChildren();
		if (!d.series.length || !d.labels.length) return;
		const fg = cssVar('--vscode-editor-foreground', '#cccccc');
		const grid = cssVar('--vscode-editorWidget-border', cssVar('--vscode-panel-border', '#80808040'));
		const font = `${cssVar('--vscode-font-size', '13px')} ${cssVar('--vscode-font-family', 'sans-serif')}`;
		const colours = palette();
		const x = d.labels.map((_, i) => i);
		const axis = {
			stroke: fg,
			grid: { stroke: grid, width: 1 },
			ticks: { stroke: grid, width: 1 },
			font,
			labelFont: font,
		};
		const opts: uPlot.Options = {
			...this.size(),
			legend: { show: true },
			cursor: { drag: { x: false, y: false } },
			scales: { x: { time: false } },
			axes: [
				{
					...axis,
					// Period labels are long ("2024 September"): ask for wide tick spacing.
					space: 110,
					values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? (d.labels[s] ?? '') : '')),
				},
				{ ...axis, label: d.unit, values: (_u, splits) => splits.map((s) => d.format(s)), size: 70 },
			],
			series: [
				{ label: d.xLabel, value: (_u, v) => (v === null || v === undefined ? '' : (d.labels[v] ?? '')) },
				...d.series.map((s, i) => ({
					label: s.name,
					stroke: colours[i % colours.length],
					width: 2,
					points: { show: d.labels.length <= 40, size: 5 },
					spanGaps: false,
					value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? '–' : d.format(v)),
				})),
			],
		};
		const data: uPlot.AlignedData = [
			x,
			...d.series.map((s) => s.values.map((v) => (Number.isNaN(v) ? null : v))),
		];
		this.plot = new uPlot(opts, data, this.el);
	}
}
