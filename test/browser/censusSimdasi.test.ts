/**
 * Census and SIMDASI previews in a real workbench (code-server + chromium, driven by Playwright):
 * the dataset and the table render in the dynamic-table grid under the attribution banner, the
 * census preview offers "Choose areas…" and a "Columns by" choice worked from the keyboard, and
 * screenshots of both (light, English; dark, Indonesian).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startEmulator } from '../emulator/server';
import { SIMDASI_TABLES, simdasiTableId } from '../emulator/families/simdasi';
import { axeSerious } from './axe';
import { launchWorkbench, openWebviewByKey, type Workbench } from './workbench';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';
const POPULATION = SIMDASI_TABLES.find((t) => t.code === '3.1.1')!;

const CENSUS = {
	key: 'ctrl+alt+shift+f9',
	command: 'bps.preview',
	args: {
		kind: 'census',
		event: 'sp2020',
		dataset: 1001,
		title: 'Jumlah Penduduk menurut Kelompok Umur dan Jenis Kelamin',
	},
};
/** The same dataset for Indonesia, a province and a city, side by side. */
const CENSUS_AREAS = {
	key: 'ctrl+alt+shift+f11',
	command: 'bps.preview',
	args: { ...CENSUS.args, areas: ['0', '35', '3578'] },
};
const SIMDASI = {
	key: 'ctrl+alt+shift+f10',
	command: 'bps.preview',
	args: { kind: 'simdasi', domain: '3500', table: simdasiTableId(POPULATION), years: [2022, 2023, 2024] },
};

describe('browser: census and SIMDASI previews', function () {
	this.timeout(300_000);
	let emu: Awaited<ReturnType<typeof startEmulator>>;
	let wb: Workbench | undefined;

	before(async () => {
		emu = await startEmulator();
	});
	after(async () => {
		await wb?.close();
		await emu?.close();
	});

	for (const theme of ['light', 'dark'] as const) {
		describe(`${theme} theme`, () => {
			before(async () => {
				await wb?.close();
				wb = await launchWorkbench({
					emulatorUrl: emu.url,
					theme,
					locale: theme === 'dark' ? 'id' : 'en',
					keybindings: [CENSUS, CENSUS_AREAS, SIMDASI],
				});
			});

			it('census dataset: age groups × sex in the grid, Choose areas…, Columns by (keyboard)', async () => {
				const frame = await openWebviewByKey(wb!, CENSUS.key, '.grid-row');
				assert.ok((await frame.locator('.attribution').innerText()).includes(ATTRIBUTION));
				await frame.waitForFunction(() => /^16 /.test(document.querySelector('.count')?.textContent ?? ''));
				const header = await frame.locator('.grid-header').innerText();
				assert.match(header, /Laki-laki/);
				assert.match(header, /Perempuan/);
				const change = (await frame.locator('vscode-button.change-area').innerText()).trim();
				assert.equal(change, theme === 'dark' ? 'Pilih wilayah…' : 'Choose areas…');
				const kicker = (await frame.locator('.kicker').first().innerText()).trim();
				assert.match(
					kicker,
					theme === 'dark' ? /^sensus$/i : /^census$/i,
					'headed as a census, not a dynamic table',
				);
				await wb!.page.mouse.move(5, 450);
				await wb!.page.waitForTimeout(400);
				const file = await wb!.screenshot(`preview-census-${theme}.png`);
				assert.ok(fs.statSync(file).size > 20_000);

				// "Columns by": the age groups across, from the keyboard (an arrow opens the list, another
				// moves to the option above, Enter chooses it).
				const columns = frame.locator('.select-census-columns');
				const label = await frame
					.locator('label.field', { has: columns })
					.locator('.field-label')
					.innerText();
				assert.equal(label.trim(), theme === 'dark' ? 'Kolom menurut' : 'Columns by');
				assert.equal(await columns.evaluate((el) => (el as HTMLElement & { value: string }).value), '1026');
				await columns.focus();
				for (const key of ['ArrowUp', 'ArrowUp', 'Enter']) await wb!.page.keyboard.press(key);
				await frame.waitForFunction(() => /^2 /.test(document.querySelector('.count')?.textContent ?? ''));
				const across = await frame.locator('.grid-header').innerText();
				assert.match(across, /0-4/);
				assert.match(across, /75\+/);
				// Saved in the webview state: the next load of this panel lays it out the same way.
				await wb!.page.mouse.move(5, 450);
				await wb!.page.waitForTimeout(400);
				await wb!.screenshot(`preview-census-columns-${theme}.png`);
				await columns.focus();
				for (const key of ['ArrowDown', 'ArrowDown', 'Enter']) await wb!.page.keyboard.press(key);
				await frame.waitForFunction(() => /^16 /.test(document.querySelector('.count')?.textContent ?? ''));
			});

			if (theme === 'light')
				it('census dataset for three areas: the areas across the columns (Columns by → Area)', async () => {
					const frame = await openWebviewByKey(wb!, CENSUS_AREAS.key, '.grid-row');
					await frame.waitForFunction(() => /^48 /.test(document.querySelector('.count')?.textContent ?? ''));
					const columns = frame.locator('.select-census-columns');
					await columns.evaluate((el) => {
						const sel = el as HTMLElement & { value: string };
						sel.value = 'area';
						sel.dispatchEvent(new Event('change'));
					});
					await frame.waitForFunction(() => /^32 /.test(document.querySelector('.count')?.textContent ?? ''));
					const header = await frame.locator('.grid-header').innerText();
					assert.match(header, /PUSAT/);
					assert.match(header, /JAWA TIMUR/);
					assert.match(header, /SURABAYA/);
					assert.deepEqual(await axeSerious(frame), []);
					await wb!.page.mouse.move(5, 450);
					await wb!.page.waitForTimeout(400);
					await wb!.screenshot('preview-census-areas-light.png');
				});

			it("SIMDASI table: three years of the province's regencies, columns with units", async () => {
				const frame = await openWebviewByKey(wb!, SIMDASI.key, '.grid-row');
				assert.ok((await frame.locator('.attribution').innerText()).includes(ATTRIBUTION));
				const header = await frame.locator('.grid-header').innerText();
				assert.match(header, /2022/);
				assert.match(header, /2024/);
				const kicker = (await frame.locator('.kicker').first().innerText()).trim();
				assert.match(kicker, theme === 'dark' ? /^tabel simdasi$/i : /^simdasi table$/i);
				assert.match(
					header,
					theme === 'dark' ? /ribu jiwa/ : /thousand people/,
					'units in the data language',
				);
				await wb!.page.mouse.move(5, 450);
				await wb!.page.waitForTimeout(400);
				const file = await wb!.screenshot(`preview-simdasi-${theme}.png`);
				assert.ok(fs.statSync(file).size > 20_000);
			});
		});
	}
});
