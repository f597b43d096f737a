/**
 * The preview webview in a real workbench (code-server + chromium, driven by Playwright): the
 * attribution banner is visible, hostile BPS content stays inert, the 514-row table is virtualised,
 * and screenshots of each preview kind in light and dark themes.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Frame } from 'playwright-core';
import { FIXTURE_IDS, startEmulator } from '../emulator/server';
import { launchWorkbench, openWebviewByKey, waitForWebview, type Workbench } from './workbench';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';

const ITEMS = {
	regency: { key: 'ctrl+alt+shift+f1', args: { domain: '0000', kind: 'var', id: FIXTURE_IDS.regencyVar } },
	static: {
		key: 'ctrl+alt+shift+f2',
		args: { domain: '0000', kind: 'statictable', id: FIXTURE_IDS.staticTable },
	},
	publication: {
		key: 'ctrl+alt+shift+f3',
		args: { domain: '0000', kind: 'publication', id: FIXTURE_IDS.publication },
	},
	xssVar: { key: 'ctrl+alt+shift+f4', args: { domain: '0000', kind: 'var', id: FIXTURE_IDS.xssVar } },
	xssStatic: {
		key: 'ctrl+alt+shift+f5',
		args: { domain: '0000', kind: 'statictable', id: FIXTURE_IDS.xssStaticTable },
	},
	xssPublication: {
		key: 'ctrl+alt+shift+f6',
		args: { domain: '0000', kind: 'publication', id: FIXTURE_IDS.xssPublication },
	},
	xssPress: {
		key: 'ctrl+alt+shift+f7',
		args: { domain: '0000', kind: 'pressrelease', id: FIXTURE_IDS.xssPressRelease },
	},
	monthly: { key: 'ctrl+alt+shift+f8', args: { domain: '0000', kind: 'var', id: FIXTURE_IDS.monthlyVar } },
} as const;

/** Developer: Reload Window — the workbench saves its editors (and their webview state) before it reloads. */
const RELOAD_KEY = 'ctrl+alt+shift+f12';

const keybindings = [
	...Object.values(ITEMS).map((i) => ({ key: i.key, command: 'bps.preview', args: i.args })),
	{ key: RELOAD_KEY, command: 'workbench.action.reloadWindow' },
];

/** Opens an item through its keybinding and returns its webview frame once `selector` is there. */
function openPreview(wb: Workbench, item: keyof typeof ITEMS, selector: string): Promise<Frame> {
	return openWebviewByKey(wb, ITEMS[item].key, selector);
}

/** Nothing executable in the rendered document: no scripts besides our bundle, no on* attributes, no javascript: URLs. */
async function assertInert(frame: Frame): Promise<void> {
	const report = await frame.evaluate(() => {
		const w = window as unknown as { __xss?: unknown };
		const app = document.getElementById('app')!;
		const handlers: string[] = [];
		const urls: string[] = [];
		for (const el of Array.from(app.querySelectorAll('*'))) {
			for (const a of Array.from(el.attributes)) {
				if (/^on/i.test(a.name)) handlers.push(`${el.tagName}.${a.name}`);
				if (/^\s*javascript:/i.test(a.value)) urls.push(`${el.tagName}.${a.name}`);
			}
		}
		return {
			xss: w.__xss,
			scriptsInApp: app.querySelectorAll('script').length,
			dangerous: app.querySelectorAll('iframe, object, embed, svg:not([class]), math, style, img:not(.cover)')
				.length,
			handlers,
			urls,
		};
	});
	assert.equal(report.xss, undefined, 'no payload ran');
	assert.equal(report.scriptsInApp, 0, 'no <script> in the rendered content');
	assert.deepEqual(report.handlers, [], 'no on* attributes');
	assert.deepEqual(report.urls, [], 'no javascript: URLs');
	assert.equal(report.dangerous, 0, 'no iframe/object/embed/svg/math/style/stray img');
}

describe('browser: preview webview', function () {
	this.timeout(300_000);
	let emu: Awaited<ReturnType<typeof startEmulator>>;
	let wb: Workbench | undefined;
	const dialogs: string[] = [];
	/** CSP violations reported in any frame (our webview must cause none: no inline styles or scripts). */
	const cspViolations: string[] = [];

	before(async () => {
		emu = await startEmulator({ xssProbes: true });
	});
	after(async () => {
		await wb?.close();
		await emu?.close();
	});
	let reported = 0;
	afterEach(function () {
		const fresh = cspViolations.slice(reported);
		reported = cspViolations.length;
		const kinds = new Map<string, number>();
		for (const v of fresh) {
			const k = v.slice(0, 40);
			kinds.set(k, (kinds.get(k) ?? 0) + 1);
		}
		if (fresh.length && process.env.BPS_CSP_DEBUG)
			console.log(`    CSP reports during "${this.currentTest?.title}": ${JSON.stringify([...kinds])}`);
	});

	for (const theme of ['light', 'dark'] as const) {
		describe(`${theme} theme`, () => {
			before(async () => {
				await wb?.close();
				// The dark run is also the Indonesian one: localised webview strings and id-ID numbers.
				wb = await launchWorkbench({
					emulatorUrl: emu.url,
					theme,
					locale: theme === 'dark' ? 'id' : 'en',
					keybindings,
					// "Insert into editor" then needs no format QuickPick.
					settings: { 'bps.insert.defaultFormat': 'markdown' },
				});
				wb.page.on('console', (m) => {
					if (/Content.Security.Policy|Refused to (apply|load|execute)/i.test(m.text()))
						cspViolations.push(m.text());
				});
				wb.page.on('dialog', (d) => {
					dialogs.push(d.message());
					void d.dismiss();
				});
			});

			it('dynamic table 9514: banner visible, 514 rows in the model, few in the DOM', async () => {
				const cspBefore = cspViolations.length;
				const frame = await openPreview(wb!, 'regency', '.grid-row');
				const bannerText = await frame.locator('.attribution').innerText();
				assert.ok(bannerText.includes(ATTRIBUTION), bannerText);
				assert.ok(await frame.locator('.attribution').isVisible());
				assert.match(bannerText, /bps\.go\.id|Badan Pusat Statistik/);
				// "514 rows × 5 columns" (the count line) and only a window of rows in the DOM.
				await frame.waitForFunction(() => /514/.test(document.querySelector('.count')?.textContent ?? ''));
				const exportLabel = await frame.locator('vscode-button.export-csv').innerText();
				const firstValue = await frame.locator('.grid-row .cell.num').first().innerText();
				// vscode-elements (adoptedStyleSheets), our constructable stylesheet and CSSOM styles render
				// under the strict CSP without a single report. (Hostile or Excel HTML does draw reports
				// while DOMPurify parses it: those are blocked attempts, which the XSS tests below cover.)
				assert.deepEqual(cspViolations.slice(cspBefore), [], 'no CSP violations from the dynamic view');
				if (theme === 'dark') {
					assert.equal(exportLabel.trim(), 'Ekspor CSV', 'webview strings are localised');
					assert.match(firstValue, /^\d{1,3}(\.\d{3})*$|^–$/, `id-ID grouping: ${firstValue}`);
				} else {
					assert.equal(exportLabel.trim(), 'Export CSV');
					assert.match(firstValue, /^\d{1,3}(,\d{3})*$|^–$/, `en grouping: ${firstValue}`);
				}
				// The row picker's count is ours, in the UI language: not vscode-elements' "514 Selected". The
				// picker fills just after the grid's first paint: the options are awaited, then the badge read.
				await frame.waitForFunction(
					() => document.querySelectorAll('vscode-multi-select vscode-option').length === 514,
				);
				const badge = await frame.evaluate(() => {
					const b = document
						.querySelector('vscode-multi-select')
						?.shadowRoot?.querySelector('.select-face-badge');
					return b ? getComputedStyle(b, '::after').content : '';
				});
				assert.equal(badge, theme === 'dark' ? '"514 dipilih"' : '"514 selected"');
				const insertLabel = (await frame.locator('vscode-button.insert').innerText()).trim();
				assert.equal(insertLabel, theme === 'dark' ? 'Sisipkan ke editor' : 'Insert into editor');
				const domRows = await frame.locator('.grid-row').count();
				assert.ok(domRows > 5 && domRows < 100, `virtualised: ${domRows} row elements for 514 rows`);
				// Scroll to the end: the last regency is rendered, the DOM stays small.
				await frame.evaluate(() => {
					const g = document.querySelector('.grid')!;
					g.scrollTop = g.scrollHeight;
				});
				await frame.waitForTimeout(300);
				assert.ok((await frame.locator('.grid-row').count()) < 100);
				// The banner is still on screen after scrolling (sticky, not dismissible).
				assert.ok(await frame.locator('.attribution').isVisible());
				assert.equal(await frame.locator('.attribution button, .attribution vscode-button').count(), 0);
				await frame.evaluate(() => (document.querySelector('.grid')!.scrollTop = 0));
				// Text filter on the rows: only cities ("Kota" / "City") remain.
				await frame
					.locator('vscode-textfield input')
					.first()
					.fill(theme === 'dark' ? 'Kota' : 'City');
				await frame.waitForFunction(() => !/^514 /.test(document.querySelector('.count')?.textContent ?? ''));
				const filtered = Number(
					(await frame.locator('.count').innerText()).match(/^([\d.,]+)/)?.[1].replace(/[.,]/g, ''),
				);
				assert.ok(filtered > 0 && filtered < 514, `filter keeps some rows (${filtered})`);
				await frame.locator('vscode-textfield input').first().fill('');
				await frame.waitForFunction(() => /^514 /.test(document.querySelector('.count')?.textContent ?? ''));
				// Sort by the first year (click header): numbers ascending, missing last.
				await frame.locator('.grid-header .cell.num').first().click();
				await frame.waitForSelector('.grid-header .cell.asc');
				await wb!.page.mouse.move(5, 450);
				await wb!.page.waitForTimeout(400);
				const file = await wb!.screenshot(`preview-dynamic-${theme}.png`);
				assert.ok(fs.statSync(file).size > 20_000);
			});

			it('static table renders sanitized with the theme', async () => {
				const frame = await openPreview(wb!, 'static', '.static-table table');
				assert.ok((await frame.locator('.attribution').innerText()).includes(ATTRIBUTION));
				assert.ok((await frame.locator('.static-table tr').count()) > 2);
				await assertInert(frame);
				// The long title row wraps (Excel's <nobr> no longer holds it): the value column stays
				// in view, even in the dark run where the side bar is open.
				const fit = await frame.evaluate(() => {
					const box = document.querySelector('.static-table')!.getBoundingClientRect();
					const table = document.querySelector('.static-table table')!.getBoundingClientRect();
					const num = document.querySelector('.static-table td.n')!.getBoundingClientRect();
					return { box: box.right, table: table.right, num: num.right, vw: window.innerWidth };
				});
				assert.ok(fit.table <= fit.box + 1 && fit.num <= fit.vw, `table fits: ${JSON.stringify(fit)}`);
				const label = (await frame.locator('.static .kicker').innerText()).trim();
				const exportLabel = (await frame.locator('vscode-button.export-csv').innerText()).trim();
				assert.deepEqual(
					[label, exportLabel],
					theme === 'dark' ? ['TABEL STATIS', 'Ekspor CSV'] : ['STATIC TABLE', 'Export CSV'],
				);
				await wb!.page.waitForTimeout(300);
				await wb!.screenshot(`preview-static-${theme}.png`);
			});

			it('publication card', async () => {
				const frame = await openPreview(wb!, 'publication', '.card.document');
				assert.ok((await frame.locator('.attribution').innerText()).includes(ATTRIBUTION));
				assert.ok((await frame.locator('.open-pdf').count()) === 1);
				await wb!.page.waitForTimeout(500);
				await wb!.screenshot(`preview-publication-${theme}.png`);
			});

			if (theme === 'dark') {
				it('panels come back after a window reload (serializer + saved state)', async () => {
					// Reload as a user does (the command), not page.reload(): the workbench writes its open
					// editors and webview state on shutdown, which a bare page reload may cut short.
					const reloaded = wb!.page.waitForEvent('domcontentloaded', { timeout: 120_000 });
					await wb!.press(RELOAD_KEY);
					await reloaded;
					await wb!.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
					// The restored panel waits for activation and the features bundle, and its webview's frames
					// navigate while it is revived: the lookup retries through that (and waits longer than a
					// fresh panel does on a loaded machine).
					const frame = await waitForWebview(
						wb!,
						'.card.document, .static-table, .grid-row',
						150_000,
						'reload',
					);
					assert.ok((await frame.locator('.attribution').innerText()).includes(ATTRIBUTION));
				});
			}

			if (theme === 'light') {
				it('the chart code loads when the Chart tab first opens, then draws (no CSP report)', async () => {
					const before = cspViolations.length;
					const frame = await openPreview(wb!, 'regency', '.grid-row');
					/** File names of the scripts loaded from files (VS Code's own API script is inline). */
					const scripts = () =>
						frame.evaluate(() =>
							Array.from(document.scripts)
								.filter((s) => s.src)
								.map((s) => s.src.replace(/^.*\//, ''))
								.sort(),
						);
					assert.deepEqual(await scripts(), ['preview.js'], 'the grid comes up without the chart code');
					assert.equal(await frame.locator('.chart canvas').count(), 0);
					// The Chart tab is saved in the panel's state: leave the Table tab selected, pass or fail, so
					// the tests after this one (and a retry) find the grid.
					try {
						await frame.locator('vscode-tab-header').nth(1).click();
						await frame.waitForSelector('.chart canvas', { timeout: 15_000 });
						assert.deepEqual(await scripts(), ['chart.js', 'preview.js'], 'the chart code came at first use');
						const drawn = await frame.evaluate(() => {
							const c = document.querySelector<HTMLCanvasElement>('.chart canvas')!;
							const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
							let inked = 0;
							for (let i = 3; i < px.length; i += 4) if (px[i]) inked++;
							return {
								inked,
								width: c.width,
								// uPlot's stylesheet came with its code: the cursor layer lies over the plot.
								over: getComputedStyle(document.querySelector('.chart .u-over')!).position,
								series: document.querySelectorAll('.chart .u-legend .u-series').length,
								alt: document.querySelectorAll('.chart-alt tbody tr').length,
							};
						});
						assert.ok(
							drawn.width > 300 && drawn.inked > 2000,
							`lines and axes drawn: ${JSON.stringify(drawn)}`,
						);
						assert.equal(drawn.over, 'absolute', 'uPlot stylesheet adopted');
						// Nothing selected: the first rows in view, one line each, plus the x legend entry.
						assert.ok(drawn.series >= 2, `legend: ${drawn.series}`);
						assert.equal(drawn.alt, 5, 'the text alternative lists the 5 default periods');
						await wb!.page.mouse.move(5, 450);
						await wb!.page.waitForTimeout(400);
						await wb!.screenshot('preview-chart-lazy-light.png');
						// Back to the table and to the chart again: the chart code is not loaded twice.
						await frame.locator('vscode-tab-header').nth(0).click();
						await frame.locator('vscode-tab-header').nth(1).click();
						await frame.waitForSelector('.chart canvas');
						assert.deepEqual(await scripts(), ['chart.js', 'preview.js']);
						assert.deepEqual(cspViolations.slice(before), [], 'the chart script loads under the nonce CSP');
					} finally {
						await frame.locator('vscode-tab-header').nth(0).click();
					}
				});

				it('monthly table 2263 and its chart', async () => {
					const before = cspViolations.length;
					const frame = await openPreview(wb!, 'monthly', '.grid-row');
					// Select three rows (click, shift-click) and show the chart.
					const rows = frame.locator('.grid-row');
					await rows.nth(0).click();
					await rows.nth(2).click({ modifiers: ['Shift'] });
					assert.equal(await frame.locator('.grid-row.selected').count(), 3);
					await frame.locator('vscode-button.copy').click();
					await frame.waitForFunction(() => /3/.test(document.querySelector('.status')?.textContent ?? ''));
					await frame.locator('vscode-tab-header').nth(1).click();
					await frame.waitForSelector('.chart canvas', { timeout: 15_000 });
					await wb!.page.waitForTimeout(400);
					await wb!.screenshot('preview-chart-light.png');
					assert.deepEqual(cspViolations.slice(before), [], 'the uPlot chart renders without CSP reports');
					// "Insert into editor" with the 3 rows selected: no editor is open, so a new Markdown
					// document gets the header, the separator and exactly those rows.
					await frame.locator('vscode-tab-header').nth(0).click();
					await frame.locator('vscode-button.insert').click();
					const text = await wb!.page.waitForFunction(
						() => {
							const t =
								document.querySelector('.editor-group-container.active .monaco-editor .view-lines')
									?.textContent ?? '';
							return /Badan\sPusat\sStatistik/.test(t) ? t : '';
						},
						undefined,
						{ timeout: 20_000 },
					);
					const inserted = String(await text.jsonValue());
					// Monaco draws spaces as U+00A0 (\s matches it); the selected rows are the first three:
					// INDONESIA (the aggregate, pinned on top), then the first two provinces.
					assert.equal(inserted.match(/\|\s(PROV\s|INDONESIA\s)/g)?.length, 3, inserted);
					assert.match(inserted, /\|\sINDONESIA\s[\s\S]*\|\sPROV\sACEH\s/);
					assert.match(inserted, /PROV\sACEH/);
					assert.match(inserted, /\|\s---\s\|/, 'a Markdown table');
				});

				for (const [item, selector] of [
					['xssVar', '.grid-row'],
					['xssStatic', '.static-table'],
					['xssPublication', '.card.document'],
					['xssPress', '.card.document'],
				] as const) {
					it(`XSS probe ${item}: payloads stay inert`, async () => {
						const frame = await openPreview(wb!, item, selector);
						// Give any handler (onerror, onload) a chance to fire.
						await frame.waitForTimeout(800);
						await assertInert(frame);
						assert.deepEqual(dialogs, [], 'no alert() dialog was raised');
						if (item === 'xssVar') {
							// The hostile title is shown as text, literally.
							const title = await frame.locator('h1.title').innerText();
							assert.ok(
								title.includes('<img') || title.includes('<script'),
								`title rendered as text: ${title}`,
							);
						}
						await frame.locator('.attribution').waitFor({ state: 'visible' });
					});
				}
			}
		});
	}
});
