/**
 * `npm run sandbox`: the emulator plus a real VS Code in the browser with this extension
 * installed and its settings pointing at the emulator, the demo key pre-seeded. The CLI lives in
 * scripts/sandbox.mjs; this module is bundled (with the emulator) into dist-test/browser/sandbox.js.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { EMULATOR_KEY, startEmulator } from '../emulator/server';
import { CHROMIUM_ARGS, portIsFree, startCodeServer, testEnvPaths, type CodeServer } from './codeServer';
import { activityBarItem } from './workbench';

export interface SandboxOptions {
	/** code-server port; 8080 when free, else any free port; 0 = any free port. */
	port?: number;
	locale?: 'en' | 'id';
	theme?: 'light' | 'dark';
	verbose?: boolean;
}

export interface Sandbox {
	/** The workbench URL to open. */
	url: string;
	emulatorUrl: string;
	server: CodeServer;
	close(): Promise<void>;
	/** Opens the sandbox in headless chromium, opens the BPS view and saves a PNG (self-check). */
	screenshot(file: string): Promise<void>;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
	const emu = await startEmulator();
	// 0 means "any free port", as it does for listen().
	let port = opts.port || undefined;
	if (opts.port === undefined && (await portIsFree(8080))) port = 8080;
	let server: CodeServer;
	try {
		server = await startCodeServer({
			port,
			// Installed like a user's extension (a symlink to this repo in the extensions dir), so the
			// URL is a plain one and no test-driver mode is needed. The server's environment reaches
			// the extension host; the extension seeds the key from BPS_SANDBOX_KEY because the API URL
			// is a loopback one.
			linkExtension: true,
			env: { BPS_SANDBOX_KEY: EMULATOR_KEY },
			locale: opts.locale === 'id' ? 'id' : undefined,
			settings: {
				'bps.apiBaseUrl': emu.url,
				'workbench.colorTheme': opts.theme === 'dark' ? 'Dark Modern' : 'Light Modern',
				'window.autoDetectColorScheme': false,
			},
			verbose: opts.verbose,
		});
	} catch (e) {
		await emu.close();
		throw e;
	}
	// A few files to insert data into.
	fs.writeFileSync(path.join(server.folder, 'analysis.py'), '# Run "BPS: Insert Data" here\n');
	fs.writeFileSync(path.join(server.folder, 'notes.md'), '# Notes\n\n');
	const url = server.workbenchUrl();
	return {
		url,
		emulatorUrl: emu.url,
		server,
		close: async () => {
			await server.close();
			await emu.close();
		},
		screenshot: async (file) => {
			const browser = await chromium.launch({
				executablePath: testEnvPaths().chromium,
				headless: true,
				args: CHROMIUM_ARGS,
			});
			try {
				const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
				await page.goto(url);
				const item = activityBarItem(page);
				await item.waitFor({ state: 'visible', timeout: 60_000 });
				await item.click();
				await page
					.locator('.part.sidebar .pane-body .monaco-list-row, .part.sidebar .welcome-view-content')
					.first()
					.waitFor({ timeout: 30_000 })
					.catch(() => undefined);
				await page.waitForTimeout(1500);
				fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
				await page.screenshot({ path: file });
			} finally {
				await browser.close();
			}
		},
	};
}
