/**
 * The preview for keyboards and screen readers, in a real workbench (code-server + chromium):
 * the WAI-ARIA grid pattern on the virtual grid (active cell, keys, focus ring, counts, missing
 * cells), the sort and selection following their column and rows across pivots, the chart of a
 * table with a derived variable (time alone on the x axis, a legend with values, a text
 * alternative), the empty-filter message, no CSP report from any of our webviews, and axe-core
 * with 0 serious or critical violations in every preview kind.
 */
import assert from 'node:assert/strict';
import type { ConsoleMessage, Frame } from 'playwright-core';
import { FIXTURE_IDS, startEmulator } from '../emulator/server';
import { axeSerious } from './axe';
import { launchWorkbench, openWebviewByKey, type Workbench } from './workbench';

const ITEMS = {
	derived: { key: 'ctrl+alt+shift+f1', args: { domain: '0000', kind: 'var', id: FIXTURE_IDS.derivedVar } },
	regency: { key: 'ctrl+alt+shift+f2', args: { domain: '0000', kind: 'var', id: FIXTURE_IDS.regencyVar } },
	static: {
		key: 'ctrl+alt+shift+f3',
		args: { domain: '0000', kind: 'statictable', id: FIXTURE_IDS.staticTable },
	},
	publication: {
		key: 'ctrl+alt+shift+f4',
		args: { domain: '0000', kind: 'publication', id: FIXTURE_IDS.publication },
	},
	pressrelease: {
		key: 'ctrl+alt+shift+f5',
		args: { domain: '0000', kind: 'pressrelease', id: FIXTURE_IDS.pressRelease },
	},
	indicator: { key: 'ctrl+alt+shift+f6', args: { domain: '0000', kind: 'indicator', id: 3 } },
	// The emulator's first national infographic and news item (their images fail offline: the placeholder shows).
	infographic: { key: 'ctrl+alt+shift+f7', args: { domain: '0000', kind: 'infographic', id: 1000 } },
	news: { key: 'ctrl+alt+shift+f8', args: { domain: '0000', kind: 'news', id: 300 } },
} as const;

const keybindings = Object.values(ITEMS).map((i) => ({ key: i.key, command: 'bps.preview', args: i.args }));

/** Opens an item through its keybinding and returns its webview frame (watched for CSP reports) once `selector` is there. */
async function openPreview(wb: Workbench, item: keyof typeof ITEMS, selector: string): Promise<Frame> {
	const frame = await openWebviewByKey(wb, ITEMS[item].key, selector);
	await watchCsp(frame);
	return frame;
}

/** Records the webview's securitypolicyviolation events (where and what) in `window.__csp`. */
async function watchCsp(frame: Frame): Promise<void> {
	await frame.evaluate(() => {
		const w = window as unknown as { __csp?: string[] };
		if (w.__csp) return;
		w.__csp = [];
		document.addEventListener(
			'securitypolicyviolation',
			(e) =>
				w.__csp!.push(
					`${e.violatedDirective} ${e.sourceFile.replace(/.*\//, '')}:${e.lineNumber}:${e.columnNumber} ${JSON.stringify(e.sample)}`,
				),
			true,
		);
	});
}

/** The active cell (what aria-activedescendant names): its row and column index, and text. */
async function activeCell(frame: Frame) {
	return frame.evaluate(() => {
		const grid = document.querySelector('.grid')!;
		const id = grid.getAttribute('aria-activedescendant');
		const cell = id ? document.getElementById(id) : null;
		return {
			row: Number(cell?.parentElement?.getAttribute('aria-rowindex')),
			col: Number(cell?.getAttribute('aria-colindex')),
			role: cell?.getAttribute('role') ?? '',
			text: cell?.textContent ?? '',
			focused: document.activeElement === grid,
		};
	});
}

/** Header texts and which one carries aria-sort. */
async function headers(frame: Frame) {
	return frame.evaluate(() =>
		Array.from(document.querySelectorAll('.grid-header [role=columnheader]')).map((h) => ({
			text: h.textContent ?? '',
			sort: h.getAttribute('aria-sort') ?? '',
		})),
	);
}

async function choose(frame: Frame, cls: 'turvar' | 'turtahun', value: string): Promise<void> {
	await frame.evaluate(
		([name, v]) => {
			const sel = document.querySelector<HTMLElement & { value: string }>(
				`vscode-single-select[name="${name}"]`,
			);
			if (!sel) throw new Error(`no ${name} picker`);
			sel.value = v;
			sel.dispatchEvent(new Event('change'));
		},
		[cls, value] as const,
	);
}

async function rowLabels(frame: Frame): Promise<string[]> {
	return frame.evaluate(() =>
		Array.from(document.querySelectorAll<HTMLElement>('.grid-row'))
			.sort((a, b) => Number(a.dataset.pos) - Number(b.dataset.pos))
			.map((r) => r.firstElementChild?.textContent ?? ''),
	);
}

describe('browser: preview keyboard, screen reader, CSP and axe', function () {
	this.timeout(600_000);
	let emu: Awaited<ReturnType<typeof startEmulator>>;
	let wb: Workbench | undefined;
	/** CSP reports from webview documents (console entries and securitypolicyviolation events). */
	const csp: Array<{ text: string; url: string }> = [];
	const onConsole = (m: ConsoleMessage) => {
		if (/Content.Security.Policy|Refused to (apply|load|execute)/i.test(m.text()))
			csp.push({ text: m.text().slice(0, 120), url: `${m.location().url}:${m.location().lineNumber}` });
	};

	before(async () => {
		emu = await startEmulator();
		wb = await launchWorkbench({ emulatorUrl: emu.url, theme: 'light', keybindings });
		wb.page.on('console', onConsole);
	});
	/** securitypolicyviolation events seen in our webview documents (collected after each test). */
	const events: string[] = [];
	afterEach(async () => {
		const frame = await wb?.webviewFrame().catch(() => undefined);
		const seen = await frame
			?.evaluate(() => (window as unknown as { __csp?: string[] }).__csp?.splice(0) ?? [])
			.catch(() => []);
		events.push(...(seen ?? []));
	});
	after(async () => {
		await wb?.close();
		await emu?.close();
	});

	it('grid: WAI-ARIA grid pattern — active cell keys, counts, focus ring, header sort, Shift+arrows, Ctrl+C', async () => {
		const frame = await openPreview(wb!, 'regency', '.grid-row');
		await frame.waitForFunction(() => /514/.test(document.querySelector('.count')?.textContent ?? ''));
		const counts = await frame.evaluate(() => {
			const g = document.querySelector('.grid')!;
			return [g.getAttribute('role'), g.getAttribute('aria-rowcount'), g.getAttribute('aria-colcount')];
		});
		// 514 regencies + the header row; the labels + the periods loaded.
		const cols = Number((await frame.locator('.count').innerText()).match(/× (\d+)/)?.[1]);
		assert.ok(cols >= 2, `columns: ${cols}`);
		assert.deepEqual(counts, ['grid', '515', String(cols + 1)]);
		await frame.locator('.grid').focus();
		assert.deepEqual(await activeCell(frame), {
			row: 1,
			col: 1,
			role: 'columnheader',
			text: (await headers(frame))[0].text,
			focused: true,
		});
		await wb!.press('down');
		await wb!.press('right');
		await wb!.press('right');
		let a = await activeCell(frame);
		assert.deepEqual([a.row, a.col, a.role], [2, 3, 'gridcell']);
		await wb!.press('end');
		assert.equal((await activeCell(frame)).col, cols + 1);
		await wb!.press('home');
		a = await activeCell(frame);
		assert.deepEqual([a.col, a.role], [1, 'rowheader']);
		await wb!.press('pagedown');
		assert.ok((await activeCell(frame)).row > 5, 'PageDown moves a page');
		await wb!.press('ctrl+end');
		a = await activeCell(frame);
		assert.deepEqual([a.row, a.col], [515, cols + 1], 'Ctrl+End: the last cell, scrolled into view');
		await wb!.press('ctrl+home');
		a = await activeCell(frame);
		assert.deepEqual([a.row, a.col], [1, 1], 'Ctrl+Home: the first cell');

		// The focus ring: the theme's focus colour, 2 px, on the active cell.
		const ring = await frame.evaluate(() => {
			const cell = document.querySelector('.cell.active')!;
			const s = getComputedStyle(cell);
			const probe = document.createElement('div');
			probe.style.color = 'var(--vscode-focusBorder)';
			document.body.append(probe);
			const focus = getComputedStyle(probe).color;
			probe.remove();
			return { style: s.outlineStyle, width: s.outlineWidth, color: s.outlineColor, focus };
		});
		assert.deepEqual(ring, { style: 'solid', width: '2px', color: ring.focus, focus: ring.focus });

		// Enter on a header sorts (ascending, then descending); Space does too.
		await wb!.press('right');
		await wb!.press('enter');
		assert.equal((await headers(frame))[1].sort, 'ascending');
		const firstValues = await frame.evaluate(() =>
			Array.from(document.querySelectorAll<HTMLElement>('.grid-row'))
				.sort((a, b) => Number(a.dataset.pos) - Number(b.dataset.pos))
				.slice(0, 5)
				.map((r) => Number((r.children[1].textContent ?? '').replace(/[^\d]/g, ''))),
		);
		assert.deepEqual(
			firstValues,
			[...firstValues].sort((a, b) => a - b),
			'the rows are sorted',
		);
		assert.equal(await frame.locator('.grid-row.pinned').count(), 0, 'no regency is taken for an aggregate');
		await wb!.press('space');
		assert.equal((await headers(frame))[1].sort, 'descending');
		// Sorted descending, missing values are last: Ctrl+End shows missing cells, announced as such.
		await wb!.press('ctrl+end');
		const missing = await frame.evaluate(() =>
			Array.from(document.querySelectorAll('.grid-row .cell.missing')).map((c) =>
				c.getAttribute('aria-label'),
			),
		);
		assert.ok(missing.length > 0, 'the emulator table has missing cells');
		assert.ok(
			missing.every((l) => l === 'missing value'),
			`missing cells are labelled: ${missing.join(',')}`,
		);
		await wb!.press('ctrl+home');
		await wb!.press('down');
		await wb!.screenshot('a11y-grid-focus-light.png');

		// Shift+Down twice: three rows selected; Ctrl+C copies them.
		await wb!.press('shift+down');
		await wb!.press('shift+down');
		const selected = await frame.locator('.grid-row[aria-selected="true"]').count();
		assert.equal(selected, 3);
		assert.match(await frame.locator('.count').innerText(), /3 selected/);
		await wb!.press('ctrl+c');
		await frame.waitForFunction(() =>
			/Copied 3 rows/.test(document.querySelector('.status')?.textContent ?? ''),
		);
		// A sorted header that is cut off still shows its arrow.
		const arrow = await frame.evaluate(() => {
			const h = document.querySelector('.grid-header .cell.desc')!;
			const a = h.querySelector('.sort-arrow')!.getBoundingClientRect();
			const box = h.getBoundingClientRect();
			return {
				inside: a.width > 0 && a.right <= box.right + 0.5,
				content: getComputedStyle(a ? h.querySelector('.sort-arrow')! : h, '::after').content,
			};
		});
		assert.deepEqual(arrow, { inside: true, content: '"▼"' });
	});

	it('filter that matches nothing: a message naming the text, and Clear', async () => {
		const frame = await wb!.webviewFrame();
		await frame.locator('vscode-textfield input').first().fill('zzzz');
		const msg = frame.locator('.no-match');
		await msg.waitFor({ state: 'visible' });
		assert.match(await msg.innerText(), /No rows match “zzzz”/);
		await frame.locator('.no-match vscode-button').click();
		await frame.waitForFunction(() => /^514 /.test(document.querySelector('.count')?.textContent ?? ''));
		assert.equal(await msg.isVisible(), false);
		assert.equal(await frame.locator('vscode-textfield input').first().inputValue(), '');
	});

	it('derived variable: sort and selection follow their column and rows; aggregates stay on top', async () => {
		const frame = await openPreview(wb!, 'derived', '.grid-row');
		const hs = await headers(frame);
		// Columns are year × derived variable; sort on the last year's second derived variable.
		const target = hs.length - 2;
		const label = hs[target].text;
		await frame.locator('.grid-header [role=columnheader]').nth(target).click();
		await frame.locator('.grid-header [role=columnheader]').nth(target).click();
		assert.equal((await headers(frame))[target].sort, 'descending');
		const first = await rowLabels(frame);
		assert.match(
			first[0],
			/^INDONESIA$/i,
			`the national row is pinned on top: ${first.slice(0, 3).join(', ')}`,
		);
		// Select two provinces.
		await frame.locator('.grid-row').nth(1).click();
		await frame
			.locator('.grid-row')
			.nth(2)
			.click({ modifiers: ['Shift'] });
		const picked = (await rowLabels(frame)).slice(1, 3);
		const turvars = await frame.evaluate(() =>
			Array.from(document.querySelectorAll('vscode-single-select[name="turvar"] vscode-option')).map(
				(o) => o.getAttribute('value') ?? '',
			),
		);
		// Only that derived variable: its column is the year alone, still sorted.
		await choose(frame, 'turvar', turvars[2]);
		await frame.waitForFunction(
			(n) => document.querySelectorAll('.grid-header [role=columnheader]').length < n,
			hs.length,
		);
		let now = await headers(frame);
		assert.equal(now.filter((h) => h.sort).length, 1);
		assert.equal(label.startsWith(now.find((h) => h.sort)!.text), true, `${label} → ${JSON.stringify(now)}`);
		// Another derived variable: that column is not shown, nothing is marked sorted.
		await choose(frame, 'turvar', turvars[1]);
		await frame.waitForTimeout(200);
		assert.equal((await headers(frame)).filter((h) => h.sort).length, 0);
		// Back to all: the same column is sorted again, the rows still selected.
		await choose(frame, 'turvar', '*');
		await frame.waitForFunction(
			(n) => document.querySelectorAll('.grid-header [role=columnheader]').length === n,
			hs.length,
		);
		now = await headers(frame);
		assert.equal(now[target].sort, 'descending');
		const selectedLabels = () =>
			frame.evaluate(() =>
				Array.from(document.querySelectorAll('.grid-row[aria-selected="true"]')).map(
					(r) => r.firstElementChild?.textContent ?? '',
				),
			);
		assert.deepEqual((await selectedLabels()).sort(), [...picked].sort());
		// Swap the axes twice: sort and selection are back.
		for (let i = 0; i < 2; i++) {
			await frame.locator('vscode-button.swap').click();
			await frame.waitForTimeout(200);
		}
		assert.equal((await headers(frame))[target].sort, 'descending');
		assert.deepEqual((await selectedLabels()).sort(), [...picked].sort());
	});

	it('chart of a table with a derived variable: one line per region × derived variable over time, legend with values, text alternative', async () => {
		const frame = await wb!.webviewFrame();
		await frame.locator('vscode-tab-header').nth(1).click();
		await frame.waitForSelector('.chart canvas', { timeout: 15_000 });
		const legend = () =>
			frame.evaluate(() =>
				Array.from(document.querySelectorAll('.u-legend .u-series')).map((tr) => ({
					name: tr.querySelector('.u-label')?.textContent ?? '',
					value: tr.querySelector('.u-value')?.textContent ?? '',
				})),
			);
		const before = await legend();
		// The x entry plus 2 provinces × 3 derived variables, each named "province · derived variable".
		assert.equal(before.length, 7, JSON.stringify(before));
		assert.ok(
			before.slice(1).every((s) => / · /.test(s.name)),
			JSON.stringify(before),
		);
		// Hover the middle of the plot: every series shows its value there, as the table below says.
		const box = (await frame.locator('.u-over').boundingBox())!;
		await frame.locator('.u-over').hover({ position: { x: box.width / 2, y: box.height / 2 } });
		await frame.waitForTimeout(200);
		const hovered = await legend();
		const alt = await frame.evaluate(() => {
			const t = document.querySelector('.chart-alt table')!;
			return {
				label: t.getAttribute('aria-label') ?? '',
				head: Array.from(t.querySelectorAll('thead th')).map((x) => x.textContent ?? ''),
				rows: Array.from(t.querySelectorAll('tbody tr')).map((tr) =>
					Array.from(tr.children).map((x) => x.textContent ?? ''),
				),
				hidden: getComputedStyle(t.closest('.chart-alt')!).clip,
			};
		});
		assert.match(alt.label, /3 series|6 series/);
		assert.deepEqual(
			alt.head.slice(1),
			hovered.slice(1).map((s) => s.name),
		);
		assert.ok(
			alt.rows.every((r) => /^\d{4}$/.test(r[0])),
			`x is time only: ${alt.rows.map((r) => r[0]).join(',')}`,
		);
		const row = alt.rows.find((r) => r[0] === hovered[0].value);
		assert.ok(row, `hovered period ${hovered[0].value} is a row of the text alternative`);
		hovered.slice(1).forEach((s, i) => {
			const want = row![i + 1] === 'missing value' ? '–' : row![i + 1];
			assert.equal(s.value, want, `legend value of ${s.name}`);
		});
		await wb!.page.mouse.move(5, 450);
		await frame.waitForTimeout(300);
		await wb!.screenshot('a11y-chart-derived-light.png');
		await frame.locator('vscode-tab-header').nth(0).click();
	});

	it('no CSP report from our webviews (grid, pivot, chart, filter, static table, publication)', async () => {
		await openPreview(wb!, 'static', '.static-table table');
		await openPreview(wb!, 'publication', '.card.document');
		for (const item of ['derived', 'static', 'publication'] as const) {
			const f = await openPreview(wb!, item, '.attribution');
			events.push(
				...(await f.evaluate(() => (window as unknown as { __csp?: string[] }).__csp?.splice(0) ?? [])),
			);
		}
		const ours = csp.filter((c) => !/\/workbench|\/vs\/code\//.test(c.url) || /webview/.test(c.url));
		if (process.env.BPS_CSP_DEBUG) console.log(events.join('\n'));
		assert.deepEqual(events, [], 'securitypolicyviolation events in our webviews');
		assert.deepEqual(ours, [], 'CSP console reports from our webviews');
	});

	for (const [item, selector] of [
		['derived', '.grid-row'],
		['static', '.static-table table'],
		['publication', '.card.document'],
		['pressrelease', '.card.document'],
		['indicator', '.card.indicator'],
		['infographic', '.image-placeholder.failed'],
		['news', '.image-placeholder.failed'],
	] as const) {
		it(`axe-core: no serious or critical violation in the ${item} preview`, async () => {
			const frame = await openPreview(wb!, item, selector);
			await frame.waitForTimeout(300);
			assert.deepEqual(await axeSerious(frame), []);
		});
	}
});

/** The focus ring in the dark and high-contrast themes: drawn in the theme's own colour, and seen. */
for (const [name, theme, settings] of [
	['dark', 'dark', {}],
	['high contrast', 'dark', { 'workbench.colorTheme': 'Default High Contrast' }],
] as const) {
	describe(`browser: grid focus ring, ${name} theme`, function () {
		this.timeout(300_000);
		let emu: Awaited<ReturnType<typeof startEmulator>>;
		let wb: Workbench | undefined;
		before(async () => {
			emu = await startEmulator();
			wb = await launchWorkbench({ emulatorUrl: emu.url, theme, keybindings, settings });
		});
		after(async () => {
			await wb?.close();
			await emu?.close();
		});

		it('the active cell has a 2 px ring in the theme focus colour', async () => {
			const frame = await openPreview(wb!, 'regency', '.grid-row');
			await frame.locator('.grid').focus();
			await wb!.press('down');
			await wb!.press('right');
			const ring = await frame.evaluate(() => {
				const cell = document.querySelector('.cell.active')!;
				const s = getComputedStyle(cell);
				const hc = document.body.classList.contains('vscode-high-contrast');
				const probe = document.createElement('div');
				probe.style.color = hc
					? 'var(--vscode-contrastActiveBorder, var(--vscode-focusBorder))'
					: 'var(--vscode-focusBorder)';
				document.body.append(probe);
				const want = getComputedStyle(probe).color;
				const bg = getComputedStyle(document.body).backgroundColor;
				probe.remove();
				return { style: s.outlineStyle, width: s.outlineWidth, color: s.outlineColor, want, bg, hc };
			});
			assert.equal(ring.hc, name === 'high contrast', 'the theme is the one asked for');
			assert.equal(ring.style, 'solid');
			assert.equal(ring.width, '2px');
			assert.equal(ring.color, ring.want);
			assert.notEqual(ring.color, ring.bg, 'the ring stands out from the background');
			await wb!.page.mouse.move(5, 450);
			await wb!.screenshot(`a11y-grid-focus-${name.replace(' ', '-')}.png`);
		});

		it('axe-core: no serious or critical violation in the dynamic and static previews', async () => {
			assert.deepEqual(await axeSerious(await openPreview(wb!, 'derived', '.grid-row')), []);
			assert.deepEqual(await axeSerious(await openPreview(wb!, 'static', '.static-table table')), []);
		});
	});
}
