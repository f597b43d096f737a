/**
 * Classifications and the glossary as a user sees them in a real workbench: the national
 * "Classifications (Indonesia)" folder opened down to a KBLI code's children, a code's card
 * (breadcrumb of the codes it belongs to, the codes under it, insert buttons, the attribution)
 * whose child links open their own card, the "Glossary (Indonesia)" folder by initial, and a
 * glossary card; axe-core finds nothing serious. Screenshots of the tree and both cards.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { startEmulator } from '../emulator/server';
import { axeSerious } from './axe';
import { openCatalogue } from './screenshots';
import { launchWorkbench, openWebviewByKey, type Workbench } from './workbench';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';

const ITEMS = {
	code: { key: 'ctrl+alt+shift+f9', args: { domain: '0000', kind: 'classification', id: 'kbli_2020_0112' } },
	concept: { key: 'ctrl+alt+shift+f10', args: { domain: '0000', kind: 'glossary', id: '4412' } },
} as const;

/** A tree row by its label (not its copy in the sticky-scroll header). */
function row(page: Page, label: RegExp): Locator {
	return page
		.locator('.part.sidebar .monaco-list-rows .monaco-list-row')
		.filter({ has: page.locator('.label-name', { hasText: label }) })
		.first();
}

/** Expands a row by its twistie (a click on a code's label previews it) and waits for its children. */
async function expand(page: Page, label: RegExp): Promise<void> {
	const r = row(page, label);
	// The list renders only the rows in view: page up, then down, until the row is there.
	const list = page.locator('.part.sidebar .monaco-list').last();
	for (const key of [...Array(15).fill('PageUp'), ...Array(30).fill('PageDown')] as string[]) {
		if (await r.isVisible()) break;
		await list.focus();
		await page.keyboard.press(key);
		await page.waitForTimeout(150);
	}
	await r.waitFor({ state: 'visible', timeout: 30_000 });
	await r.scrollIntoViewIfNeeded();
	if ((await r.getAttribute('aria-expanded')) !== 'true') await r.locator('.monaco-tl-twistie').click();
	// Scroll the row to the top of the list, so its children are rendered below it.
	const [rowBox, listBox] = await Promise.all([r.boundingBox(), list.boundingBox()]);
	if (rowBox && listBox && rowBox.y - listBox.y > rowBox.height) {
		await page.mouse.move(listBox.x + listBox.width / 2, listBox.y + listBox.height / 2);
		await page.mouse.wheel(0, rowBox.y - listBox.y);
		await page.waitForTimeout(200);
	}
	await page
		.waitForFunction(
			(l) => {
				const rows = [...document.querySelectorAll('.part.sidebar .monaco-list-rows .monaco-list-row')];
				const i = rows.findIndex((x) =>
					new RegExp(l).test(x.querySelector('.label-name')?.textContent ?? ''),
				);
				const next = rows[i + 1];
				return (
					i >= 0 &&
					rows[i].getAttribute('aria-expanded') === 'true' &&
					!!next &&
					Number(next.getAttribute('aria-level')) > Number(rows[i].getAttribute('aria-level'))
				);
			},
			label.source,
			{ timeout: 30_000 },
		)
		.catch(async (e: unknown) => {
			await page.screenshot({ path: `test-results/screenshots/failed-expand.png` }).catch(() => undefined);
			throw new Error(`${label} did not expand: ${e instanceof Error ? e.message : String(e)}`);
		});
}

describe('browser: classifications and glossary', function () {
	this.timeout(300_000);
	let emu: Awaited<ReturnType<typeof startEmulator>>;
	let wb: Workbench | undefined;

	before(async () => {
		emu = await startEmulator();
		wb = await launchWorkbench({
			emulatorUrl: emu.url,
			locale: 'en',
			theme: 'light',
			keybindings: Object.values(ITEMS).map((i) => ({ key: i.key, command: 'bps.preview', args: i.args })),
			settings: { 'bps.language': 'ind', 'bps.insert.defaultFormat': 'markdown' },
		});
	});
	after(async () => {
		await wb?.close();
		await emu?.close();
	});

	it('the tree: Classifications (Indonesia) → KBLI 2020 → A → 01 → 011 → 0112 and its codes', async () => {
		const page = wb!.page;
		// The activity bar item toggles: when the BPS side bar was already showing (a retry in the
		// same window), the first click closed it.
		await openCatalogue(page).catch(() => openCatalogue(page));
		// The national folders are the last rows (a window may restore what an earlier run expanded).
		await page.locator('.part.sidebar .monaco-list').last().focus();
		await page.keyboard.press('End');
		await expand(page, /^Classifications \(Indonesia\)$/);
		// The editions and their order are checked in the integration tier; here the user's path.
		for (const label of [
			/^KBLI 2020$/,
			/^A Pertanian/,
			/^01 Pertanian/,
			/^011 Pertanian/,
			/^0112 Pertanian Padi$/,
		])
			await expand(page, label);
		const leaf = row(page, /^01121 Pertanian Padi Hibrida$/);
		await leaf.waitFor({ state: 'visible' });
		assert.equal(await leaf.getAttribute('aria-expanded'), null, 'the most detailed codes do not expand');
		await leaf.scrollIntoViewIfNeeded();
		await page.mouse.move(700, 880);
		await page.waitForTimeout(400);
		const file = await wb!.screenshot('tree-classifications.png');
		assert.ok(fs.statSync(file).size > 10_000, 'screenshot written');
	});

	it('the tree: Glossary (Indonesia) → I → its concepts, with the count beside each letter', async () => {
		const page = wb!.page;
		await page.locator('.part.sidebar .monaco-list').last().focus();
		await page.keyboard.press('End');
		await expand(page, /^Glossary \(Indonesia\)$/);
		const letter = row(page, /^I$/);
		await letter.waitFor({ state: 'visible', timeout: 30_000 });
		assert.equal((await letter.locator('.label-description').innerText()).trim(), '3 concepts');
		await expand(page, /^I$/);
		const concept = row(page, /^Inflasi$/);
		await concept.waitFor({ state: 'visible' });
		assert.equal(await concept.getAttribute('aria-expanded'), null, 'a concept does not expand');
		await page.keyboard.press('End');
		await page.mouse.move(700, 880);
		await page.waitForTimeout(400);
		const file = await wb!.screenshot('tree-glossary.png');
		assert.ok(fs.statSync(file).size > 10_000, 'screenshot written');
	});

	it("a code's card: breadcrumb, codes under it, insert buttons, attribution; a child opens its own card; axe-clean", async () => {
		const frame = await openWebviewByKey(wb!, ITEMS.code.key, '.card.reference.classification');
		assert.ok((await frame.locator('.attribution').innerText()).includes(ATTRIBUTION));
		assert.equal((await frame.locator('h1.title').innerText()).trim(), '0112 Pertanian Padi');
		assert.deepEqual(
			(await frame.locator('ol.crumbs li').allInnerTexts()).map((t) => t.trim()),
			[
				'A Pertanian, Kehutanan dan Perikanan',
				'01 Pertanian Tanaman, Peternakan, Perburuan dan Kegiatan YBDI',
				'011 Pertanian Tanaman Semusim',
				'0112',
			],
		);
		assert.equal(await frame.locator('ul.codes li a').count(), 2);
		assert.equal(await frame.locator('vscode-button.insert-code').count(), 1);
		assert.equal(await frame.locator('vscode-button.insert-lookup').count(), 1);
		assert.deepEqual(await axeSerious(frame), []);
		await wb!.page.waitForTimeout(300);
		await wb!.screenshot('preview-classification-light.png');

		await frame.locator('ul.codes li a').first().click();
		const child = await wb!.webviewFrame('01121', 60_000);
		await child.waitForSelector('.card.reference.classification');
		assert.equal((await child.locator('h1.title').innerText()).trim(), '01121 Pertanian Padi Hibrida');
		assert.equal(await child.locator('vscode-button.insert-lookup').count(), 0, 'a leaf has no lookup table');
		assert.match(await child.locator('.card').innerText(), /No codes under this one/);
	});

	it('a glossary card: definition as a quote, unit, source, Insert definition; axe-clean', async () => {
		const frame = await openWebviewByKey(wb!, ITEMS.concept.key, '.card.reference.glossary');
		assert.ok((await frame.locator('.attribution').innerText()).includes(ATTRIBUTION));
		assert.equal((await frame.locator('h1.title').innerText()).trim(), 'Tingkat Pengangguran Terbuka');
		assert.match(await frame.locator('blockquote.definition').innerText(), /^Persentase jumlah pengangguran/);
		assert.match(await frame.locator('dl.facts').innerText(), /Survei Angkatan Kerja Nasional/);
		assert.equal(await frame.locator('vscode-button.insert-definition').count(), 1);
		assert.deepEqual(await axeSerious(frame), []);
		await wb!.page.waitForTimeout(300);
		await wb!.screenshot('preview-glossary-light.png');
	});
});
