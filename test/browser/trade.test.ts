/**
 * The foreign-trade preview in a real workbench (code-server + chromium, Playwright) against the
 * emulator: about 15,000 monthly rows a year for ten HS chapters over two years in the one virtual
 * grid (a window of rows in the DOM), the attribution banner, "Rows by" summing the rows by
 * country, the chart, axe-core, and screenshots (light and dark, English and Indonesian).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startEmulator } from '../emulator/server';
import { tradeRows } from '../emulator/families/trade';
import { axeSerious } from './axe';
import { launchWorkbench, openWebviewByKey, type Workbench } from './workbench';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';
const KEY = 'ctrl+alt+shift+f1';
const CHAPTERS = ['03', '09', '15', '27', '40', '44', '72', '84', '85', '87'];
const YEARS = [2023, 2024];
const QUERY = { kind: 'trade', flow: 'export', hs: CHAPTERS, hsLevel: 2, years: YEARS, monthly: true };

describe('browser: foreign-trade preview', function () {
	this.timeout(300_000);
	let emu: Awaited<ReturnType<typeof startEmulator>>;
	let wb: Workbench | undefined;

	before(async () => {
		emu = await startEmulator();
	});
	after(async () => {
		await wb?.close();
		await emu?.close();
	});

	const records = (year: number) =>
		CHAPTERS.reduce((n, c) => n + tradeRows('export', c, year, true).length, 0);

	for (const theme of ['light', 'dark'] as const) {
		it(`${theme}: ~15k rows a year in the virtual grid, rows by country, chart, axe, screenshots`, async () => {
			await wb?.close();
			wb = await launchWorkbench({
				emulatorUrl: emu.url,
				theme,
				locale: theme === 'dark' ? 'id' : 'en',
				keybindings: [{ key: KEY, command: 'bps.preview', args: QUERY }],
			});
			const perYear = YEARS.map(records);
			assert.ok(
				perYear.every((n) => n > 12_000),
				`about 15,000 rows a year: ${perYear.join(', ')}`,
			);
			const started = Date.now();
			const frame = await openWebviewByKey(wb, KEY, '.grid-row', 120_000);
			const firstRows = Date.now() - started;
			const banner = await frame.locator('.attribution').innerText();
			assert.ok(banner.includes(ATTRIBUTION), banner);
			// The title is in the data language.
			const title = await frame.locator('h1.title').first().innerText();
			assert.match(title, /^(Ekspor menurut kode HS 2 digit|Exports by 2-digit HS code): 03, 09/);
			// Every HS × country × port row is in the model, only a window of them in the DOM.
			const count = await frame.locator('.count').innerText();
			const modelRows = Number(count.match(/^([\d.,]+)/)?.[1].replace(/[.,]/g, ''));
			const domRows = await frame.locator('.grid-row').count();
			assert.ok(modelRows > 1000, `rows in the model: ${count}`);
			assert.ok(domRows > 5 && domRows < 100, `virtualised: ${domRows} row elements for ${modelRows}`);
			// Scrolling to the end renders the last rows quickly and keeps the DOM small.
			const scrollMs = await frame.evaluate(async () => {
				const g = document.querySelector('.grid')!;
				const t0 = performance.now();
				g.scrollTop = g.scrollHeight;
				await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
				return performance.now() - t0;
			});
			assert.ok((await frame.locator('.grid-row').count()) < 100);
			await frame.evaluate(() => (document.querySelector('.grid')!.scrollTop = 0));
			await wb.page.mouse.move(5, 450);
			await wb.page.waitForTimeout(400);
			const file = await wb.screenshot(`preview-trade-${theme}.png`);
			assert.ok(fs.statSync(file).size > 20_000);

			// Rows by country: one click (the select's change) sums the rows over HS codes and ports.
			const groupMs = await frame.evaluate(async () => {
				const sel = document.querySelector('.select-trade-rows') as HTMLElement & { value: string };
				const t0 = performance.now();
				sel.value = 'country';
				sel.dispatchEvent(new Event('change'));
				await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
				return performance.now() - t0;
			});
			await frame.waitForFunction(
				(n) =>
					Number(
						(document.querySelector('.count')?.textContent ?? '')
							.match(/^([\d.,]+)/)?.[1]
							.replace(/[.,]/g, ''),
					) < n,
				modelRows,
			);
			const byCountry = Number(
				(await frame.locator('.count').innerText()).match(/^([\d.,]+)/)?.[1].replace(/[.,]/g, ''),
			);
			assert.ok(byCountry > 5 && byCountry <= 31, `one row per country (and Unknown): ${byCountry}`);
			await wb.page.waitForTimeout(300);
			await wb.screenshot(`preview-trade-by-country-${theme}.png`);

			// The chart of the first countries.
			await frame.locator('vscode-tab-header').nth(1).click();
			await frame.waitForSelector('.chart canvas, .chart svg', { timeout: 30_000 });
			await wb.page.waitForTimeout(500);
			await wb.screenshot(`preview-trade-chart-${theme}.png`);
			await frame.locator('vscode-tab-header').nth(0).click();

			assert.deepEqual(await axeSerious(frame), []);
			console.log(
				`      ${theme}: ${perYear.join(' + ')} records; first rows after ${firstRows} ms (open → data → grid); ` +
					`${modelRows} grid rows, ${domRows} in the DOM; scroll to end ${Math.round(scrollMs)} ms; rows by country ${Math.round(groupMs)} ms`,
			);
		});
	}
});
