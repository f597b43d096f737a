/**
 * Browser tier: the search QuickPick in a real workbench against the emulator, data language
 * English, region Jawa Timur (3500). An Indonesian word lists results titled in English; a query
 * that matches nothing says so and offers "Search all of Indonesia" and "Switch data language".
 * Goods words find foreign trade under its own labelled group.
 * Screenshots: test-results/screenshots/search-bilingual.png, search-empty.png and search-trade.png.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startEmulator } from '../emulator/server';
import { launchWorkbench, type Workbench } from './workbench';

const KEYS = {
	bilingual: 'ctrl+alt+shift+f6',
	empty: 'ctrl+alt+shift+f7',
	kinds: 'ctrl+alt+shift+f8',
} as const;

describe('browser: search in Indonesian and English', () => {
	let emu: Awaited<ReturnType<typeof startEmulator>>;
	let wb: Workbench | undefined;

	before(async () => {
		emu = await startEmulator();
		wb = await launchWorkbench({
			emulatorUrl: emu.url,
			settings: { 'bps.language': 'eng', 'bps.domain': '3500' },
			keybindings: [
				{ key: KEYS.bilingual, command: 'bps.search', args: { query: 'penduduk' } },
				{ key: KEYS.empty, command: 'bps.search', args: { query: 'zzzz qqqq' } },
				{ key: KEYS.kinds, command: 'bps.search', args: { query: 'kopi' } },
			],
		});
	});
	after(async () => {
		await wb?.close();
		await emu?.close();
	});

	it('an Indonesian word lists results titled in English', async () => {
		const page = wb!.page;
		await wb!.press(KEYS.bilingual);
		const rows = page.locator('.quick-input-widget .monaco-list-row');
		await rows.first().waitFor({ state: 'visible', timeout: 30_000 });
		// The English titles replace the Indonesian ones the keyword matched.
		const first = rows.filter({ hasText: 'Population by Regency/Municipality and Sex' }).first();
		await first.waitFor({ timeout: 30_000 });
		// Its unit is the English one too.
		assert.match((await first.textContent()) ?? '', /Dynamic table · Person/);
		await page.waitForTimeout(1000);
		// Results are grouped by kind under labelled separators ("Dynamic table (5)"), drawn (not
		// only in the DOM: VS Code hides them while filtering unless the list keeps its order).
		const separators = await visibleSeparators(page);
		assert.ok(
			separators.some((t) => /Dynamic table \(\d+\)/.test(t)),
			`visible kind separators: ${JSON.stringify(separators)}`,
		);
		assert.ok(separators.length >= 2, `several kinds labelled: ${JSON.stringify(separators)}`);
		const file = await wb!.screenshot('search-bilingual.png');
		assert.ok(fs.statSync(file).size > 10_000, 'screenshot written');
		await wb!.press('escape');
	});

	it('goods words find export and import entries under a drawn "Foreign trade" label', async () => {
		const page = wb!.page;
		await wb!.press(KEYS.kinds);
		const rows = page.locator('.quick-input-widget .monaco-list-row');
		await rows
			.filter({ hasText: 'Exports of HS 09 — Coffee, tea, mate and spices' })
			.waitFor({ timeout: 30_000 });
		await rows.filter({ hasText: 'Imports of HS 09 — Coffee, tea, mate and spices' }).waitFor();
		// The other kinds arrive after the tables: wait for the list to settle.
		await page.waitForTimeout(1500);
		const separators = await visibleSeparators(page);
		assert.ok(
			separators.includes('Foreign trade (2)'),
			`visible kind separators: ${JSON.stringify(separators)}`,
		);
		const file = await wb!.screenshot('search-trade.png');
		assert.ok(fs.statSync(file).size > 10_000, 'screenshot written');
		await wb!.press('escape');
	});

	it('nothing found: the message and both actions', async () => {
		const page = wb!.page;
		await wb!.press(KEYS.empty);
		const rows = page.locator('.quick-input-widget .monaco-list-row');
		await rows
			.filter({ hasText: 'Nothing in the BPS catalogue matches “zzzz qqqq” in Jawa Timur' })
			.waitFor({ timeout: 30_000 });
		await rows.filter({ hasText: 'Search all of Indonesia' }).waitFor();
		await rows.filter({ hasText: 'Switch data language' }).waitFor();
		// Enter would search all of Indonesia, not act on the message.
		await page
			.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Search all of Indonesia' })
			.waitFor();
		await page.waitForTimeout(500);
		const file = await wb!.screenshot('search-empty.png');
		assert.ok(fs.statSync(file).size > 10_000, 'screenshot written');
		await wb!.press('escape');
	});
});

/** The texts of the separator labels the QuickPick really draws (displayed, with a size). */
async function visibleSeparators(page: Workbench['page']): Promise<string[]> {
	return page.$$eval('.quick-input-widget .quick-input-list-separator', (els) =>
		els
			.filter((e) => {
				const r = e.getBoundingClientRect();
				return getComputedStyle(e).display !== 'none' && r.width > 0 && r.height > 0;
			})
			.map((e) => e.textContent ?? ''),
	);
}
