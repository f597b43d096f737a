/**
 * Browser-level smoke test: a real workbench in chromium, the extension loaded, the emulator
 * serving the API. Opens the BPS activity-bar entry and checks the catalogue view is shown.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startEmulator } from '../emulator/server';
import { activityBarItem, launchWorkbench, type Workbench } from './workbench';

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
			// The side bar shows the container's title and the catalogue view's pane header.
			const sidebar = wb.page.locator('.part.sidebar');
			await sidebar.locator('.composite.title', { hasText: new RegExp(c.title, 'i') }).waitFor({ state: 'visible' });
			const pane = sidebar.locator('.pane-header', { hasText: new RegExp(c.view, 'i') });
			await pane.waitFor({ state: 'visible' });
			// With the key seeded the view gets content from the emulator: wait for a tree row or a
			// welcome/message, never the bare empty pane.
			const body = sidebar.locator('.pane-body').first();
			await body.locator('.monaco-list-row, .welcome-view-content, .message').first().waitFor({ state: 'visible', timeout: 30_000 });
			const file = await wb.screenshot(c.shot);
			assert.ok(fs.statSync(file).size > 10_000, 'screenshot written');
		});
	}
});
