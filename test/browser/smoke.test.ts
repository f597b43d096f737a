/**
 * Browser-level smoke test: a real workbench in chromium, the extension loaded, the emulator
 * serving the API. Opens the BPS activity-bar entry and checks the catalogue view is shown.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startEmulator } from '../emulator/server';
import { activityBarItem, launchWorkbench, type Workbench } from './workbench';

async function waitUntil(check: () => Promise<boolean | undefined>, timeoutMs = 15_000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > end) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 100));
	}
}

describe('browser smoke: BPS view in the workbench', () => {
	let emu: Awaited<ReturnType<typeof startEmulator>>;
	let wb: Workbench | undefined;

	before(async () => {
		emu = await startEmulator();
	});
	after(async () => {
		await wb?.close();
		await emu?.close();
	});

	for (const c of [
		{ locale: 'en', theme: 'light', title: 'BPS Statistics', view: 'Catalogue', shot: 'tree.png' },
		{ locale: 'id', theme: 'dark', title: 'Statistik BPS', view: 'Katalog', shot: 'tree-id-dark.png' },
	] as const) {
		it(`shows the catalogue from the activity bar (${c.locale}, ${c.theme})`, async () => {
			await wb?.close();
			wb = await launchWorkbench({ emulatorUrl: emu.url, locale: c.locale, theme: c.theme });
			const item = activityBarItem(wb.page);
			assert.equal(await item.locator('.action-label').getAttribute('aria-label'), c.title);
			await item.click();
			// Two views (Favourites, then the catalogue): the side bar is titled by the container and
			// each view has its own pane header.
			const sidebar = wb.page.locator('.part.sidebar');
			const title = sidebar.locator('.composite.title');
			await title.waitFor({ state: 'visible' });
			await waitUntil(async () => (await title.textContent())?.includes(c.title));
			assert.equal(await sidebar.locator(`.pane-header[aria-label^="${c.view}"]`).count(), 1);
			// The key is seeded from BPS_SANDBOX_KEY, so the tree fills from the emulator without any
			// typing (no "set a key" welcome view).
			await sidebar.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
			assert.equal(await sidebar.locator('.welcome-view-content:visible').count(), 0);
			await wb.page.mouse.move(800, 500); // no activity-bar hover tooltip in the picture
			const file = await wb.screenshot(c.shot);
			assert.ok(fs.statSync(file).size > 10_000, 'screenshot written');
		});
	}
});
