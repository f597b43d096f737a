/**
 * The response cache survives a window reload: expand the catalogue, reload the page (which
 * restarts the extension host), expand again → not one request reaches the emulator. Then a
 * corrupt cache entry (the category list's): the extension starts anyway, logs that it dropped that
 * entry, fetches only that answer again, and the rest still comes from the cache.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startEmulator } from '../emulator/server';
import { activityBarItem, launchWorkbench, type Workbench } from './workbench';

/** The cache's folder in globalStorage: one file per answer, each holding its request URL. */
const CACHE_DIR = 'bps-response-cache';

async function waitUntil(
	check: () => boolean | undefined | Promise<boolean | undefined>,
	timeoutMs = 30_000,
	what = 'condition',
): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** The entry files of the response cache under the server's user data. */
function cacheEntries(dir: string): string[] {
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && e.name.endsWith('.json') && path.basename(e.parentPath) === CACHE_DIR)
		.map((e) => path.join(e.parentPath, e.name));
}

/** Opens the BPS view and expands the first subject category; resolves with the labels shown. */
async function expandCatalogue(page: Page): Promise<string[]> {
	const sidebar = page.locator('.part.sidebar');
	const title = sidebar.locator('.composite.title');
	const rows = sidebar.locator('.monaco-list-row');
	await activityBarItem(page).waitFor({ state: 'visible', timeout: 60_000 });
	// The side bar may show another container (or none) at start: open ours, once it is there.
	await waitUntil(
		async () => {
			if ((await title.textContent().catch(() => ''))?.includes('BPS Statistics')) return true;
			await activityBarItem(page).click();
			await new Promise((r) => setTimeout(r, 1000));
			return false;
		},
		60_000,
		'the BPS view',
	);
	await rows.first().waitFor({ state: 'visible', timeout: 60_000 });
	await waitUntil(async () => (await rows.count()) >= 3, 30_000, 'the root nodes');
	// Row 0 is the region; row 1 the first category (collapsed).
	const category = rows.nth(1);
	if ((await category.getAttribute('aria-expanded')) !== 'true') await category.click();
	await waitUntil(
		async () => (await category.getAttribute('aria-expanded')) === 'true',
		10_000,
		'the category to expand',
	);
	await waitUntil(
		async () => (await sidebar.locator('.monaco-list-row[aria-level="2"]').count()) > 0,
		30_000,
		'the subjects',
	);
	return sidebar.locator('.monaco-list-row').allTextContents();
}

describe('browser: the cache survives a window reload', () => {
	let emu: Awaited<ReturnType<typeof startEmulator>>;
	let wb: Workbench | undefined;

	before(async () => {
		emu = await startEmulator();
		wb = await launchWorkbench({ emulatorUrl: emu.url, locale: 'en', theme: 'light' });
	});
	after(async () => {
		await wb?.close();
		await emu?.close();
	});

	const apiRequests = () => emu.requests.filter((r) => r.action !== '');
	const what = (r: { action: string; params: Record<string, string> }) =>
		`${r.action}${r.params.model ? `:${r.params.model}` : ''}`;
	/** What the first expansion asked the API for, e.g. `list:subject`, `domain`. */
	let firstRequests: string[] = [];

	it('expand, reload, expand again: no new request', async () => {
		const page = wb!.page;
		const before = await expandCatalogue(page);
		firstRequests = apiRequests().map(what);
		assert.ok(firstRequests.length > 0, 'the first expansion went to the API');
		// Each answer is written to its own file as it arrives; give the last ones a moment.
		await waitUntil(() => cacheEntries(wb!.server.dataDir).length > 0, 15_000, 'the cache entries');
		await new Promise((r) => setTimeout(r, 1000));
		emu.resetRequests();
		await page.reload();
		const after = await expandCatalogue(page);
		assert.deepEqual(after, before, 'the same tree after the reload');
		// Give a late request (activation, attribution) a moment to show up.
		await new Promise((r) => setTimeout(r, 1500));
		assert.deepEqual(
			apiRequests().map((r) => `${r.action} ${JSON.stringify(r.params)}`),
			[],
			'no request after the reload: everything came from the persisted cache',
		);
		await wb!.screenshot('reload-cached-tree.png');
	});

	it('a corrupt cache entry is dropped alone, with a log line; the rest still comes from the cache', async () => {
		const page = wb!.page;
		// The (first page of the) subject list, which the tree's categories and subjects come from.
		const file = cacheEntries(wb!.server.dataDir).find((f) =>
			/model=subject/.test(fs.readFileSync(f, 'utf8')),
		);
		assert.ok(file, `the subject list is cached (the first expansion asked for ${firstRequests.join(', ')})`);
		// Leave the workbench first so nothing rewrites the entry between our corruption and the next start.
		await page.goto('about:blank');
		await new Promise((r) => setTimeout(r, 2000));
		fs.writeFileSync(file, '{"key":"http://x","fetchedAt":1,"kind":"metadata","body":');
		emu.resetRequests();
		await page.goto(wb!.url);
		const rows = await expandCatalogue(page);
		assert.ok(rows.length >= 3, 'the tree loads');
		const asked = apiRequests().map(what);
		assert.ok(asked.includes('list:subject'), `the dropped entry is fetched again (${asked.join(', ')})`);
		const cached = firstRequests.filter((r) => r !== 'list:subject');
		assert.ok(
			cached.length > 0,
			`the first expansion asked for more than subjects (${firstRequests.join(', ')})`,
		);
		assert.deepEqual(
			asked.filter((r) => cached.includes(r)),
			[],
			`the other entries still come from the cache (asked: ${asked.join(', ')})`,
		);
		const logs = findLogs(wb!.server.dataDir);
		await waitUntil(
			() => findLogs(wb!.server.dataDir).some((t) => /dropping corrupt entry/.test(t)),
			15_000,
			`the log line (${logs.length} log files)`,
		);
		const crashed = findLogs(wb!.server.dataDir).some((t) =>
			/Activating extension .*bps-data-browser.* failed/i.test(t),
		);
		assert.equal(crashed, false, 'the extension activated');
	});
});

/** Texts of every log file of the server's user data (the extension's output channel among them). */
function findLogs(dir: string): string[] {
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && e.name.endsWith('.log'))
		.map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'));
}
