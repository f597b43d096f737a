/**
 * "Show changes" in a real workbench (code-server + chromium): a favourite kept in the workspace's
 * `.vscode/bps.json` is checked, the emulator revises its table and adds a period, the next day's
 * check marks it, and "Show changes" opens the preview with the revised cells and the new period
 * highlighted — seen (screenshots in the light, dark and high-contrast themes), told (a status line,
 * each cell's accessible name and tooltip) and axe-core clean.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { startEmulator } from '../emulator/server';
import { axeSerious } from './axe';
import { launchWorkbench, openWebviewByKey, type Workbench } from './workbench';

const KEY = 'browser-watch-1';
const CHECK = 'ctrl+alt+shift+f1';
const SHOW = 'ctrl+alt+shift+f2';
const STATIC_KEY = 'browser-watch-static';
const SHOW_STATIC = 'ctrl+alt+shift+f3';
const keybindings = [
	{ key: CHECK, command: 'bps.checkFavourites' },
	{ key: SHOW, command: 'bps.showFavouriteChanges', args: KEY },
	{ key: SHOW_STATIC, command: 'bps.showFavouriteChanges', args: STATIC_KEY },
];

interface Doc {
	favourites: Array<{
		key: string;
		watch?: {
			checkedAt: string;
			snapshot?: unknown;
			table?: unknown;
			change?: { newPeriods: string[]; count: number; table?: { cells?: number[] } };
		};
	}>;
}

/** Polls the favourites file until `ok` holds for its one favourite. */
async function waitForFile(
	file: string,
	ok: (f: Doc['favourites'][number]) => boolean,
	what: string,
): Promise<Doc> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		try {
			const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as Doc;
			if (doc.favourites[0] && ok(doc.favourites[0])) return doc;
		} catch {
			// Not written yet, or caught mid-write.
		}
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

for (const [name, theme, settings] of [
	['light', 'light', {}],
	['dark', 'dark', {}],
	['high contrast', 'dark', { 'workbench.colorTheme': 'Default High Contrast' }],
] as const) {
	describe(`browser: favourites "Show changes", ${name} theme`, function () {
		this.timeout(300_000);
		let emu: Awaited<ReturnType<typeof startEmulator>>;
		let wb: Workbench | undefined;

		before(async () => {
			emu = await startEmulator();
			wb = await launchWorkbench({
				emulatorUrl: emu.url,
				theme,
				keybindings,
				settings: { ...settings, 'bps.favourites.location': 'workspace' },
			});
		});
		after(async () => {
			await wb?.close();
			await emu?.close();
		});

		it('highlights the revised cells and the new period, with a status line, names and tooltips', async () => {
			const file = path.join(wb!.server.folder, '.vscode', 'bps.json');
			fs.mkdirSync(path.dirname(file), { recursive: true });
			const ref = { domain: '0000', kind: 'var', id: 1804, title: 'Kemiskinan' };
			const added = new Date().toISOString();
			fs.writeFileSync(file, JSON.stringify({ favourites: [{ key: KEY, label: 'Kemiskinan', ref, added }] }));
			await wb!.press(CHECK);
			let doc = await waitForFile(file, (f) => !!f.watch?.snapshot, 'the first check');

			// The next month: the table is revised and gets a period; the next day's check finds it.
			emu.revise('0000', 1804);
			emu.addPeriod('0000', 1804);
			const yesterday = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
			doc.favourites[0]!.watch!.checkedAt = yesterday;
			fs.writeFileSync(file, JSON.stringify(doc));
			await wb!.press(CHECK);
			doc = await waitForFile(file, (f) => !!f.watch?.change, 'the change to be found');
			const change = doc.favourites[0]!.watch!.change!;
			assert.equal(change.count, 3);
			assert.equal(change.newPeriods.length, 1);

			const frame: Frame = await openWebviewByKey(wb!, SHOW, '.grid-row .cell.revised');
			await frame.waitForFunction(() => document.querySelectorAll('.grid-row .cell.revised').length === 3);
			const seen = await frame.evaluate(() => {
				const revised = Array.from(document.querySelectorAll<HTMLElement>('.grid-row .cell.revised'));
				const newHead = Array.from(document.querySelectorAll<HTMLElement>('.grid-header .cell.new-period'));
				const newCells = document.querySelectorAll('.grid-row .cell.new-period').length;
				const status = document.querySelector<HTMLElement>('.changes');
				const s = getComputedStyle(revised[0]!);
				const plain = getComputedStyle(revised[0]!.parentElement!.querySelector('.cell.num:not(.revised)')!);
				return {
					labels: revised.map((c) => c.getAttribute('aria-label') ?? ''),
					titles: revised.map((c) => c.title),
					texts: revised.map((c) => c.textContent ?? ''),
					heads: newHead.map((c) => `${c.textContent} | ${c.getAttribute('aria-label')}`),
					newCells,
					status: status && !status.hidden ? `${status.getAttribute('role')}: ${status.textContent}` : '',
					shadow: s.boxShadow,
					outline: `${s.outlineStyle} ${s.outlineWidth}`,
					differs: s.backgroundColor !== plain.backgroundColor || s.boxShadow !== plain.boxShadow,
					hc: document.body.classList.contains('vscode-high-contrast'),
				};
			});
			assert.equal(seen.hc, name === 'high contrast', 'the theme is the one asked for');
			assert.match(seen.status, new RegExp(`^status: .*3.*${change.newPeriods[0]}`), seen.status);
			seen.labels.forEach((l, i) => {
				assert.ok(l.startsWith(seen.texts[i]!), `the name starts with the value: ${l}`);
				assert.match(l, /revised from|direvisi dari/i);
			});
			for (const t of seen.titles) assert.match(t, /→/);
			assert.equal(seen.heads.length, 1, JSON.stringify(seen.heads));
			assert.ok(seen.heads[0]!.startsWith(change.newPeriods[0]!), seen.heads[0]);
			assert.match(seen.heads[0]!, /new period/i);
			assert.ok(seen.newCells > 0, 'the new period column is marked');
			assert.ok(seen.differs, 'a revised cell does not look like its neighbours');
			assert.match(seen.shadow, /inset/, 'the bar on the left of a revised cell');
			if (seen.hc) assert.equal(seen.outline, 'dashed 1px', 'high contrast: a dashed border');
			assert.deepEqual(await axeSerious(frame), []);

			// The first revised cell's tooltip, as a mouse user sees it.
			await frame.locator('.grid-row .cell.revised').first().hover();
			await wb!.page.waitForTimeout(1200);
			await wb!.screenshot(`favourites-show-changes-${name.replace(' ', '-')}.png`);
		});

		if (name === 'light')
			it('a static table: the changed cell is marked in the table, with the new update date above it', async () => {
				const file = path.join(wb!.server.folder, '.vscode', 'bps.json');
				const ref = { domain: '0000', kind: 'statictable', id: 2215, title: 'ASFR' };
				const added = new Date().toISOString();
				fs.writeFileSync(
					file,
					JSON.stringify({ favourites: [{ key: STATIC_KEY, label: 'ASFR', ref, added }] }),
				);
				await wb!.press(CHECK);
				let doc = await waitForFile(file, (f) => !!f.watch?.table, 'the first check of the static table');
				emu.reviseStatic('0000', 2215);
				doc.favourites[0]!.watch!.checkedAt = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
				fs.writeFileSync(file, JSON.stringify(doc));
				await wb!.press(CHECK);
				doc = await waitForFile(file, (f) => !!f.watch?.change?.table, 'the static change to be found');
				assert.equal(doc.favourites[0]!.watch!.change!.table!.cells?.length, 1);

				const frame = await openWebviewByKey(wb!, SHOW_STATIC, '.static-table td.revised');
				const seen = await frame.evaluate(() => {
					const cells = Array.from(document.querySelectorAll<HTMLElement>('.static-table .revised'));
					const status = document.querySelector<HTMLElement>('.static .changes');
					return {
						cells: cells.map((c) => c.textContent ?? ''),
						status: status ? `${status.getAttribute('role')}: ${status.textContent}` : '',
						shadow: cells[0] ? getComputedStyle(cells[0]).boxShadow : '',
					};
				});
				assert.equal(seen.cells.length, 1);
				assert.match(seen.cells[0]!, /^130 \(changed since you last looked\)$/);
				assert.match(
					seen.status,
					/^status: Changes since you last looked: BPS updated the table: .* → 2026-12-01 · Changed cells: 1/,
				);
				assert.match(seen.shadow, /inset/);
				assert.deepEqual(await axeSerious(frame), []);
				await frame.locator('.static-table .revised').first().scrollIntoViewIfNeeded();
				await wb!.page.waitForTimeout(500);
				await wb!.screenshot('favourites-show-changes-static.png');
			});
	});
}
