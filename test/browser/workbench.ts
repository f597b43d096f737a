/**
 * Playwright driver for a real VS Code workbench (code-server + Debian chromium) with this
 * extension installed (the repo symlinked into a fresh extensions dir). Browser tests (test/browser/*.test.ts) run in
 * plain node under mocha, start the emulator in-process, then:
 *
 *   const wb = await launchWorkbench({ emulatorUrl: emu.url, locale: 'id', theme: 'dark' });
 *   await wb.runCommand('bps.refresh');
 *   await wb.screenshot('tree.png');
 *   await wb.close();
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import {
	CHROMIUM_ARGS,
	repoRoot,
	startCodeServer,
	testEnvPaths,
	type CodeServer,
	type Keybinding,
} from './codeServer';

/** The emulator's demo key (test/emulator/server.ts EMULATOR_KEY); seeded unless `env` overrides it. */
const SANDBOX_KEY = 'emulator-demo-key';

export interface WorkbenchOptions {
	/** User settings (`bps.*` and any other); `bps.apiBaseUrl` is set from `emulatorUrl`. */
	settings?: Record<string, unknown>;
	/** Bind spare keys (e.g. `ctrl+alt+shift+f1`) to commands WITH arguments, then `press()` them. */
	keybindings?: Keybinding[];
	locale?: 'en' | 'id';
	theme?: 'light' | 'dark';
	/**
	 * Extension-host environment. `BPS_SANDBOX_KEY` defaults to the emulator's demo key (the
	 * extension stores it at activation); pass `{ BPS_SANDBOX_KEY: '' }` to start without a key.
	 */
	env?: Record<string, string>;
	/** Base URL of a running emulator, e.g. `http://127.0.0.1:41234/v1/api/`. */
	emulatorUrl: string;
	/** Viewport size; default 1400×900. */
	viewport?: { width: number; height: number };
	/** Echo code-server output and browser console. */
	verbose?: boolean;
}

export interface Workbench {
	page: Page;
	/** The workbench URL. */
	url: string;
	server: CodeServer;
	/** Runs a command through the command palette (F1, its title — or the id — then Enter). */
	runCommand(id: string): Promise<void>;
	/** Presses a key or chord in VS Code notation (`ctrl+alt+shift+f1`, `escape`, `ctrl+k ctrl+w`). */
	press(key: string): Promise<void>;
	/** The content frame of a webview panel (iframe.webview > iframe#active-frame), optionally by tab title. */
	webviewFrame(titleContains?: string, timeoutMs?: number): Promise<Frame>;
	/** Saves a PNG under test-results/screenshots/ and returns its path. */
	screenshot(name: string): Promise<string>;
	close(): Promise<void>;
}

export const SCREENSHOT_DIR = path.join(repoRoot(), 'test-results', 'screenshots');

interface ManifestCommand {
	command: string;
	title: string;
	category?: string;
}

/** Command id → palette label ("BPS: Refresh"), resolved through package.nls[.id].json. */
function commandLabels(locale: string): Map<string, string> {
	const root = repoRoot();
	const read = (f: string): Record<string, string> => {
		const p = path.join(root, f);
		return fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, 'utf8')) as Record<string, string>) : {};
	};
	const nls = { ...read('package.nls.json'), ...(locale === 'en' ? {} : read(`package.nls.${locale}.json`)) };
	const resolve = (s: string): string => s.replace(/^%(.+)%$/, (m, k: string) => nls[k] ?? m);
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
		contributes?: { commands?: ManifestCommand[] };
	};
	const out = new Map<string, string>();
	for (const c of pkg.contributes?.commands ?? []) {
		const title = resolve(c.title);
		out.set(c.command, c.category ? `${resolve(c.category)}: ${title}` : title);
	}
	return out;
}

const KEY_NAMES: Record<string, string> = {
	ctrl: 'Control',
	control: 'Control',
	shift: 'Shift',
	alt: 'Alt',
	cmd: 'Meta',
	meta: 'Meta',
	win: 'Meta',
	enter: 'Enter',
	escape: 'Escape',
	esc: 'Escape',
	tab: 'Tab',
	space: 'Space',
	backspace: 'Backspace',
	delete: 'Delete',
	up: 'ArrowUp',
	down: 'ArrowDown',
	left: 'ArrowLeft',
	right: 'ArrowRight',
	home: 'Home',
	end: 'End',
	pageup: 'PageUp',
	pagedown: 'PageDown',
};

/** `ctrl+alt+shift+f1` → `Control+Alt+Shift+F1` (Playwright's notation). */
export function toPlaywrightKey(chord: string): string {
	return chord
		.split('+')
		.map((k) => {
			const l = k.toLowerCase();
			if (KEY_NAMES[l]) return KEY_NAMES[l];
			if (/^f\d{1,2}$/.test(l)) return l.toUpperCase();
			return k.length === 1 ? k.toLowerCase() : k;
		})
		.join('+');
}

/**
 * Starts code-server with the extension installed, opens the workbench in
 * headless chromium and waits until the workbench (and the BPS activity-bar entry) is there.
 */
export async function launchWorkbench(opts: WorkbenchOptions): Promise<Workbench> {
	const root = repoRoot();
	const locale = opts.locale ?? 'en';
	const env: Record<string, string> = { BPS_SANDBOX_KEY: SANDBOX_KEY, ...opts.env };
	const settings: Record<string, unknown> = {
		// Theme ids in VS Code 1.139 (the labels read "Dark Modern"; 'Default Dark Modern' is not an id there).
		'workbench.colorTheme': opts.theme === 'dark' ? 'Dark Modern' : 'Light Modern',
		// Otherwise the web workbench follows the browser's prefers-color-scheme and ignores colorTheme.
		'window.autoDetectColorScheme': false,
		...opts.settings,
		'bps.apiBaseUrl': opts.emulatorUrl,
	};
	const server = await startCodeServer({
		// Installed by symlink rather than as a development extension through the URL payload: the
		// payload needs --enable-smoke-test-driver, and in that mode VS Code ignores
		// workbench.colorTheme (always the default light theme). The server's environment reaches
		// the extension host, so `env` still applies.
		linkExtension: true,
		settings,
		keybindings: opts.keybindings,
		locale: locale === 'en' ? undefined : locale,
		env,
		verbose: opts.verbose,
	});
	let browser: Browser | undefined;
	try {
		browser = await chromium.launch({
			executablePath: testEnvPaths(root).chromium,
			headless: true,
			args: CHROMIUM_ARGS,
		});
		const context = await browser.newContext({
			viewport: opts.viewport ?? { width: 1400, height: 900 },
			locale: locale === 'id' ? 'id-ID' : 'en-US',
			colorScheme: opts.theme === 'dark' ? 'dark' : 'light',
		});
		const page = await context.newPage();
		if (opts.verbose) page.on('console', (m) => console.log(`[browser:${m.type()}] ${m.text()}`));
		const url = server.workbenchUrl();
		await page.goto(url);
		await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
		// The activity-bar entry appears once the extension's contributions are registered.
		await activityBarItem(page).waitFor({ state: 'visible', timeout: 60_000 });
		const labels = commandLabels(locale);
		const b = browser;
		return {
			page,
			url,
			server,
			runCommand: (id) => runCommand(page, labels.get(id) ?? id),
			press: async (key) => {
				for (const chord of key.trim().split(/\s+/)) await page.keyboard.press(toPlaywrightKey(chord));
			},
			webviewFrame: (titleContains, timeoutMs) => webviewFrame(page, titleContains, timeoutMs),
			screenshot: async (name) => {
				fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
				const file = path.join(SCREENSHOT_DIR, name.endsWith('.png') ? name : `${name}.png`);
				await page.screenshot({ path: file });
				return file;
			},
			close: async () => {
				await b.close().catch(() => undefined);
				await server.close();
			},
		};
	} catch (e) {
		await browser?.close().catch(() => undefined);
		await server.close({ keep: true });
		throw new Error(
			`workbench did not start (${e instanceof Error ? e.message : String(e)}); server log: ${server.logFile}`,
		);
	}
}

/** The BPS entry in the activity bar (view container `bps`). */
export function activityBarItem(page: Page) {
	// The label's class is `activity-workbench-view-extension-bps-<hash>` (id with dots → dashes).
	return page
		.locator('.activitybar .action-item:has(.action-label[class*="activity-workbench-view-extension-bps-"])')
		.first();
}

async function runCommand(page: Page, label: string): Promise<void> {
	const input = page.locator('.quick-input-widget .quick-input-box input');
	await page.keyboard.press('F1');
	await input.waitFor({ state: 'visible' });
	// F1 pre-fills '>'; replace it so the text is exactly '>label'.
	await input.fill(`>${label}`);
	const rows = page.locator('.quick-input-widget .monaco-list-row');
	await rows.first().waitFor({ state: 'visible' });
	// Prefer the row whose label is exactly ours (fuzzy matching may rank a longer title first).
	const exact = rows.filter({
		has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(label)}$`) }),
	});
	if (await exact.count()) await exact.first().click();
	else await page.keyboard.press('Enter');
	await page
		.locator('.quick-input-widget .quick-input-box input')
		.waitFor({ state: 'hidden' })
		.catch(() => undefined);
}

function escapeRe(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function webviewFrame(page: Page, titleContains?: string, timeoutMs = 30_000): Promise<Frame> {
	if (titleContains) {
		const tab = page.locator('.tabs-container .tab', { hasText: titleContains }).first();
		await tab.waitFor({ state: 'visible', timeout: timeoutMs });
		await tab.click();
	}
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const [first] = await visibleWebviewFrames(page);
		if (first) return first;
		if (Date.now() > deadline)
			throw new Error(`no visible webview${titleContains ? ` titled "${titleContains}"` : ''}`);
		await page.waitForTimeout(100);
	}
}

/**
 * The content frames of the visible webviews that have finished loading. Webviews live in
 * iframe.webview (outside the editor DOM, positioned over it); each hosts its content in
 * iframe#active-frame.
 */
async function visibleWebviewFrames(page: Page): Promise<Frame[]> {
	const out: Frame[] = [];
	for (const outer of await page.locator('iframe.webview').elementHandles()) {
		if (!(await outer.isVisible().catch(() => false))) continue;
		const host = await outer.contentFrame().catch(() => null);
		const innerEl = await host?.$('iframe#active-frame').catch(() => null);
		const inner = await innerEl?.contentFrame().catch(() => null);
		if (inner && (await inner.evaluate(() => document.readyState).catch(() => '')) === 'complete')
			out.push(inner);
	}
	return out;
}

/**
 * Presses `key` (bound to a command that opens a webview, e.g. `bps.preview` with arguments) and
 * returns the visible webview's frame once `selector` is in it. The webview may navigate while it
 * loads, so a frame that is not ready is looked up again rather than failing.
 */
export async function openWebviewByKey(
	wb: Workbench,
	key: string,
	selector: string,
	timeoutMs = 60_000,
): Promise<Frame> {
	await wb.press(key);
	return waitForWebview(wb, selector, timeoutMs, key);
}

/**
 * The visible webview's frame once `selector` is in it, looked up again while webviews navigate or
 * are replaced (a panel opening, or every restored panel after a window reload).
 */
export async function waitForWebview(
	wb: Workbench,
	selector: string,
	timeoutMs = 60_000,
	what = 'webview',
): Promise<Frame> {
	const deadline = Date.now() + timeoutMs;
	let lastText = '';
	for (;;) {
		// Every visible webview is a candidate: after a reload an old frame may linger beside the new one.
		const frames = await visibleWebviewFrames(wb.page);
		for (const frame of frames) {
			const ok = await frame
				.waitForSelector(selector, { timeout: 2000 })
				.then(() => true)
				.catch(() => false);
			if (ok) return frame;
			lastText =
				(await frame.evaluate(() => document.body.innerText.slice(0, 400)).catch(() => '')) || lastText;
		}
		if (!frames.length) await wb.page.waitForTimeout(500);
		if (Date.now() > deadline) {
			const tabs = await wb.page
				.locator('.tabs-container .tab')
				.allInnerTexts()
				.catch(() => [] as string[]);
			await wb.screenshot(`failed-${what.replace(/[^\w-]+/g, '_')}.png`).catch(() => undefined);
			throw new Error(
				`${what}: ${selector} never appeared; ${frames.length} visible webview(s), tabs [${tabs.join(' | ')}]; webview shows: ${lastText}`,
			);
		}
	}
}
