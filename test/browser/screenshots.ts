/**
 * Regenerates the README screenshots (media/screenshots/*.png) from a real workbench (code-server +
 * headless chromium) with the extension installed, talking to the BPS WebAPI emulator. Not a
 * mocha test: `npm run screenshots` (scripts/screenshots.mjs) builds this bundle and calls
 * {@link takeScreenshots}. Each step waits for the content it shows, so a broken UI fails the run
 * instead of producing a picture of a spinner.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { FIXTURE_IDS, startEmulator } from '../emulator/server';
import { repoRoot } from './codeServer';
import { activityBarItem, launchWorkbench, type Workbench } from './workbench';

/** Spare chords bound to commands with arguments (see WorkbenchOptions.keybindings). */
const KEYS = {
	previewAnnual: 'ctrl+alt+shift+f1',
	previewStatic: 'ctrl+alt+shift+f2',
	previewPublication: 'ctrl+alt+shift+f3',
	previewMonthly: 'ctrl+alt+shift+f4',
	previewRegency: 'ctrl+alt+shift+f5',
	search: 'ctrl+alt+shift+f6',
	insert: 'ctrl+alt+shift+f7',
	closeEditors: 'ctrl+alt+shift+f8',
	quickOpen: 'ctrl+alt+shift+f9',
	toggleSidebar: 'ctrl+alt+shift+f10',
} as const;

const preview = (kind: string, id: number | string) => ({
	command: 'bps.preview',
	args: { domain: '0000', kind, id },
});

const KEYBINDINGS = [
	{ key: KEYS.previewAnnual, ...preview('var', FIXTURE_IDS.annualVar) },
	{ key: KEYS.previewStatic, ...preview('statictable', FIXTURE_IDS.staticTable) },
	{ key: KEYS.previewPublication, ...preview('publication', FIXTURE_IDS.publication) },
	{ key: KEYS.previewMonthly, ...preview('var', FIXTURE_IDS.monthlyVar) },
	{ key: KEYS.previewRegency, ...preview('var', FIXTURE_IDS.regencyVar) },
	{ key: KEYS.search, command: 'bps.search', args: { query: 'population' } },
	{
		key: KEYS.insert,
		command: 'bps.insertData',
		args: {
			domain: '0000',
			kind: 'var',
			id: FIXTURE_IDS.annualVar,
			years: ['2017', '2018', '2019'],
			format: 'python',
		},
	},
	{ key: KEYS.closeEditors, command: 'workbench.action.closeAllEditors' },
	{ key: KEYS.quickOpen, command: 'workbench.action.quickOpen', args: 'analysis.py' },
	{ key: KEYS.toggleSidebar, command: 'workbench.action.toggleSidebarVisibility' },
];

export const README_SCREENSHOT_DIR = path.join(repoRoot(), 'media', 'screenshots');

export interface ScreenshotOptions {
	/** Output folder; default media/screenshots. */
	outDir?: string;
	/** Only the shots whose name contains one of these. */
	only?: string[];
	verbose?: boolean;
}

/** Takes every README screenshot; returns the files written. */
export async function takeScreenshots(opts: ScreenshotOptions = {}): Promise<string[]> {
	const outDir = opts.outDir ?? README_SCREENSHOT_DIR;
	fs.mkdirSync(outDir, { recursive: true });
	const written: string[] = [];
	const want = (name: string) => !opts.only?.length || opts.only.some((o) => name.includes(o));
	const shoot = async (wb: Workbench, name: string) => {
		if (!want(name)) return;
		await wb.page.mouse.move(700, 880); // no hover tooltip or highlighted row in the picture
		await wb.page.waitForTimeout(400);
		const file = path.join(outDir, name);
		await wb.page.screenshot({ path: file });
		written.push(file);
		console.log(`[screenshots] ${path.relative(repoRoot(), file)}`);
	};

	const emu = await startEmulator();
	let wb: Workbench | undefined;
	try {
		// English, light theme: the tour a new user takes.
		wb = await launchWorkbench({
			emulatorUrl: emu.url,
			locale: 'en',
			theme: 'light',
			keybindings: KEYBINDINGS,
			verbose: opts.verbose,
		});
		await openCatalogue(wb.page);
		await expandPath(wb.page, /^Social and Population$/, /^Population$/, /^Static Tables$/);
		await shoot(wb, 'tree.png');

		await openPreview(wb, KEYS.previewRegency, '.grid-row');
		await shoot(wb, 'preview-dynamic.png');

		const monthly = await openPreview(wb, KEYS.previewMonthly, '.grid-row');
		const rows = monthly.locator('.grid-row');
		await rows.nth(0).click();
		await rows.nth(3).click({ modifiers: ['Shift'] });
		await monthly.locator('vscode-tab-header').nth(1).click();
		await monthly.waitForSelector('.chart canvas', { timeout: 15_000 });
		await shoot(wb, 'preview-chart.png');

		// Full width: BPS static tables are as wide as their (unwrapped) title row.
		await wb.press(KEYS.toggleSidebar);
		await openPreview(wb, KEYS.previewStatic, '.static-table table');
		await shoot(wb, 'preview-static.png');
		await wb.press(KEYS.toggleSidebar);

		await openPreview(wb, KEYS.previewPublication, '.card.document');
		await shoot(wb, 'preview-publication.png');

		await wb.press(KEYS.closeEditors);
		await wb.press(KEYS.search);
		await wb.page
			.locator('.quick-input-widget .monaco-list-row')
			.nth(2)
			.waitFor({ state: 'visible', timeout: 30_000 });
		await wb.page.waitForTimeout(1500); // the server results join the local ones
		await shoot(wb, 'search.png');
		await wb.press('escape');

		fs.writeFileSync(
			path.join(wb.server.folder, 'analysis.py'),
			'# BPS: Insert Data puts the table here\n\n\nprint(df.describe())\n',
		);
		await wb.press(KEYS.quickOpen);
		const pickRow = wb.page
			.locator('.quick-input-widget .monaco-list-row', { hasText: 'analysis.py' })
			.first();
		await pickRow.waitFor({ state: 'visible', timeout: 30_000 });
		await wb.page.keyboard.press('Enter');
		const editor = wb.page.locator('.monaco-editor .view-lines');
		await editor.waitFor({ state: 'visible', timeout: 30_000 });
		await wb.page.locator('.monaco-editor .view-line', { hasText: 'Insert Data puts' }).click();
		await wb.page.keyboard.press('End');
		await wb.page.keyboard.press('Enter');
		await wb.press(KEYS.insert);
		await wb.page
			.locator('.monaco-editor .view-line', { hasText: 'pd.DataFrame' })
			.first()
			.waitFor({ state: 'visible', timeout: 30_000 });
		await shoot(wb, 'insert-data.png');
		await wb.close();
		wb = undefined;

		// Indonesian, dark theme: catalogue and a preview side by side.
		wb = await launchWorkbench({
			emulatorUrl: emu.url,
			locale: 'id',
			theme: 'dark',
			keybindings: KEYBINDINGS,
			verbose: opts.verbose,
		});
		await openCatalogue(wb.page);
		await expandPath(wb.page, /^Sosial dan Kependudukan$/, /^Kependudukan$/);
		await openPreview(wb, KEYS.previewAnnual, '.grid-row');
		await shoot(wb, 'preview-id-dark.png');
	} catch (e) {
		const file = path.join(repoRoot(), 'test-results', 'screenshots', 'screenshots-failure.png');
		fs.mkdirSync(path.dirname(file), { recursive: true });
		await wb?.page.screenshot({ path: file }).catch(() => undefined);
		console.error(`[screenshots] failed; the workbench at that moment: ${file}`);
		throw e;
	} finally {
		await wb?.close();
		await emu.close();
	}
	return written;
}

/** Opens the BPS view from the activity bar and waits for the catalogue's first rows. */
export async function openCatalogue(page: Page): Promise<void> {
	await activityBarItem(page).click();
	await sidebarRows(page).nth(2).waitFor({ state: 'visible', timeout: 30_000 });
	await widenSidebar(page, 470);
	// Let the status bar's "Activating Extensions…" go.
	await page.waitForTimeout(2000);
}

export function sidebarRows(page: Page): Locator {
	return page.locator('.part.sidebar .monaco-list-row');
}

/** Expands the rows whose labels match, in turn (category, subject, …): the picture shows table titles. */
export async function expandPath(page: Page, ...labels: RegExp[]): Promise<void> {
	for (const label of labels) {
		const row = sidebarRows(page)
			.filter({ has: page.locator('.label-name', { hasText: label }) })
			.first();
		await row.waitFor({ state: 'visible', timeout: 30_000 });
		await row.click();
		await expandNextCollapsed(page, row);
	}
}

/** Drags the side bar's edge so that table titles are readable. */
async function widenSidebar(page: Page, width: number): Promise<void> {
	const box = await page.locator('.part.sidebar').boundingBox();
	if (!box) return;
	const x = box.x + box.width + 1;
	await page.mouse.move(x, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 8 });
	await page.mouse.up();
}

/** Waits until `row` is expanded and its first child is there. */
async function expandNextCollapsed(page: Page, row: Locator): Promise<void> {
	const deadline = Date.now() + 30_000;
	while ((await row.getAttribute('aria-expanded')) !== 'true') {
		if (Date.now() > deadline) throw new Error(`row did not expand: ${await row.innerText()}`);
		await page.waitForTimeout(100);
	}
	const rows = sidebarRows(page);
	const i = await indexOf(rows, row);
	const level = Number(await row.getAttribute('aria-level'));
	while (
		Number(
			await rows
				.nth(i + 1)
				.getAttribute('aria-level')
				.catch(() => '0'),
		) <= level
	) {
		if (Date.now() > deadline) throw new Error(`children did not load: ${await row.innerText()}`);
		await page.waitForTimeout(100);
	}
}

async function indexOf(rows: Locator, row: Locator): Promise<number> {
	const id = await row.getAttribute('data-index');
	const all = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-index')));
	const i = all.indexOf(id);
	if (i < 0) throw new Error('row not found');
	return i;
}

/** Triggers a preview through its keybinding; returns its webview frame once `selector` is there. */
async function openPreview(wb: Workbench, key: string, selector: string): Promise<Frame> {
	// One panel at a time: the tab strip stays readable.
	await wb.press(KEYS.closeEditors);
	await wb.page.waitForTimeout(300);
	await wb.press(key);
	const deadline = Date.now() + 60_000;
	for (;;) {
		const frame = await wb.webviewFrame();
		const ok = await frame
			.waitForSelector(selector, { timeout: 2000 })
			.then(() => true)
			.catch(() => false);
		if (ok) {
			await frame.locator('.attribution').waitFor({ state: 'visible' });
			return frame;
		}
		if (Date.now() > deadline) throw new Error(`preview (${key}): ${selector} never appeared`);
	}
}
