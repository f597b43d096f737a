/**
 * Loads the chart code (uPlot and its stylesheet, dist/webview/chart.js) the first time a chart is
 * shown. The grid is what a preview shows first, so its script leaves the chart out: it parses
 * faster, and a user who never opens the Chart tab never loads it.
 *
 * The CSP allows scripts by nonce only, so the chart script is a `<script>` element carrying the
 * nonce of our own script, from the same folder.
 */
import type { ChartModule } from './chartEntry';

// Only readable while this bundle's top level runs: `document.currentScript` is null afterwards.
const ownScript = document.currentScript as HTMLScriptElement | null;
let loading: Promise<ChartModule> | undefined;

/** The chart module, loaded once; a failed load is tried again at the next call. */
export function loadChart(): Promise<ChartModule> {
	loading ??= new Promise<ChartModule>((resolve, reject) => {
		const script = document.createElement('script');
		script.nonce = ownScript?.nonce ?? '';
		script.src = new URL('chart.js', ownScript?.src || document.baseURI).href;
		script.addEventListener('load', () => {
			const m = window.__bpsChart;
			if (m) resolve(m);
			else reject(new Error('chart.js did not register'));
		});
		script.addEventListener('error', () => reject(new Error(`chart.js could not be loaded`)));
		document.head.append(script);
	}).then(
		(m) => {
			const sheet = new CSSStyleSheet();
			sheet.replaceSync(m.css);
			// Before our own sheet, as the bundled stylesheet was: preview.css overrides uPlot's.
			document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
			return m;
		},
		(e: unknown) => {
			loading = undefined;
			throw e;
		},
	);
	return loading;
}
