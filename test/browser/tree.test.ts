/**
 * The catalogue tree as a user sees it, in a real workbench: the categories with "Others" last,
 * the folders named in the data language (also when it differs from VS Code's), a subject with its
 * dynamic tables and its "Static tables" folder, opened, with counts. A screenshot per language.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startEmulator } from '../emulator/server';
import { expandPath, openCatalogue, sidebarRows } from './screenshots';
import { launchWorkbench, type Workbench } from './workbench';

describe('browser: catalogue tree labels and counts', () => {
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
		{
			data: 'eng',
			category: 'Social and Population',
			subject: 'Population',
			others: 'Others',
			folders: ['Publications', 'Press Releases', 'Strategic Indicators'],
			statics: 'Static Tables',
			shot: 'tree-data-eng.png',
		},
		{
			// VS Code in English, data in Indonesian: every folder follows the data.
			data: 'ind',
			category: 'Sosial dan Kependudukan',
			subject: 'Kependudukan',
			others: 'Lainnya',
			folders: ['Publikasi', 'Berita Resmi Statistik', 'Indikator Strategis'],
			statics: 'Tabel Statis',
			shot: 'tree-data-ind.png',
		},
	] as const) {
		it(`shows the tree in the data language (${c.data}), "${c.others}" last, static tables in their folder`, async () => {
			await wb?.close();
			wb = await launchWorkbench({
				emulatorUrl: emu.url,
				locale: 'en',
				theme: 'light',
				settings: { 'bps.language': c.data },
			});
			await openCatalogue(wb.page);
			const labels = async () =>
				(await sidebarRows(wb!.page).locator('.label-name').allInnerTexts()).map((t) => t.trim());
			const root = await labels();
			// "Others" is the last category, right before the folders (the national SDGs/SDDS folders follow).
			const others = root.indexOf(c.others);
			assert.deepEqual(root.slice(others, others + 4), [c.others, ...c.folders], root.join(' | '));

			const subjectRow = () =>
				sidebarRows(wb!.page)
					.filter({ has: wb!.page.locator('.label-name', { hasText: new RegExp(`^${c.subject}$`) }) })
					.first();
			await expandPath(wb.page, new RegExp(`^${c.category}$`), new RegExp(`^${c.subject}$`));
			// Before its static tables are loaded, the subject counts its dynamic tables only.
			const before = (await subjectRow().locator('.label-description').innerText()).trim();
			assert.match(before, /^\d+ dynamic tables?$/);
			const shown = await labels();
			assert.ok(shown.includes(c.statics), shown.join(' | '));

			await expandPath(wb.page, new RegExp(`^${c.statics}$`));
			const folderRow = sidebarRows(wb.page)
				.filter({ has: wb.page.locator('.label-name', { hasText: new RegExp(`^${c.statics}$`) }) })
				.first();
			const vars = Number(/^\d+/.exec(before)![0]);
			const statics = Number(
				/^\d+/.exec((await folderRow.locator('.label-description').innerText()).trim())![0],
			);
			assert.ok(statics > 0, 'the folder counts its static tables');
			// The subject now counts everything it holds.
			await wb.page.waitForFunction(
				([name, total]) =>
					[...document.querySelectorAll('.part.sidebar .monaco-list-row')].some(
						(r) =>
							r.querySelector('.label-name')?.textContent?.trim() === name &&
							r.querySelector('.label-description')?.textContent?.trim() === `${total} tables`,
					),
				[c.subject, vars + statics] as const,
				{ timeout: 15_000 },
			);
			await wb.page.mouse.move(700, 880);
			await wb.page.waitForTimeout(400);
			const file = await wb.screenshot(c.shot);
			assert.ok(fs.statSync(file).size > 10_000, 'screenshot written');
			// The bottom of the tree: the last category and the folders, in the data language.
			await wb.page.locator('.part.sidebar .monaco-list').first().focus();
			await wb.page.keyboard.press('End');
			await sidebarRows(wb.page)
				.filter({ has: wb.page.locator('.label-name', { hasText: c.folders[2] }) })
				.waitFor({ state: 'visible' });
			await wb.page.mouse.move(700, 880);
			await wb.page.waitForTimeout(400);
			await wb.screenshot(c.shot.replace('.png', '-bottom.png'));
		});
	}
});
