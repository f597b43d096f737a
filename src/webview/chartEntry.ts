/**
 * Entry point of dist/webview/chart.js, the chart code loaded on first use by chartLoader.ts: the
 * uPlot chart and its stylesheet, handed over through one window property (both bundles are
 * classic scripts, so there is no module import between them).
 */
import uplotCss from 'uplot/dist/uPlot.min.css';
import { Chart } from './chart';

export interface ChartModule {
	Chart: typeof Chart;
	/** uPlot's stylesheet, adopted by the loader. */
	css: string;
}

declare global {
	interface Window {
		/** Set by dist/webview/chart.js when it has run. */
		__bpsChart?: ChartModule;
	}
}

window.__bpsChart = { Chart, css: uplotCss };
