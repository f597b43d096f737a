/**
 * Infographic and news cards in a real workbench (code-server + chromium): offline (the machine
 * has no network) the image degrades to a placeholder that says what it shows; with the BPS image
 * served (a Playwright route for one BPS address) the image shows and the placeholder goes. Both
 * keyboard-reachable, axe-clean and without CSP reports; screenshots of each card.
 */
import assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { startEmulator } from '../emulator/server';
import { axeSerious } from './axe';
import { launchWorkbench, openWebviewByKey, type Workbench } from './workbench';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';

/** English data (the workbench's default). The emulator's national infographics 1000 and 1007 and news item 300 (test/emulator/families/content.ts). */
const ITEMS = {
	offline: { key: 'ctrl+alt+shift+f1', args: { domain: '0000', kind: 'infographic', id: 1000 } },
	served: { key: 'ctrl+alt+shift+f2', args: { domain: '0000', kind: 'infographic', id: 1007 } },
	news: { key: 'ctrl+alt+shift+f3', args: { domain: '0000', kind: 'news', id: 300 } },
} as const;
const keybindings = Object.values(ITEMS).map((i) => ({ key: i.key, command: 'bps.preview', args: i.args }));

/** A stand-in infographic: what BPS would serve at the image address of infographic 1007. */
const INFOGRAPHIC_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="840" viewBox="0 0 600 840">
<rect width="600" height="840" fill="#f4f7fb"/><rect width="600" height="130" fill="#0b5394"/>
<text x="40" y="80" font-family="sans-serif" font-size="34" font-weight="bold" fill="#fff">Exports and Imports 2024</text>
<g font-family="sans-serif" font-size="22" fill="#0b5394">
<text x="40" y="200">Exports (US$ billion)</text><rect x="40" y="220" width="420" height="50" fill="#3c78d8"/>
<text x="470" y="255">264.7</text>
<text x="40" y="330">Imports (US$ billion)</text><rect x="40" y="350" width="350" height="50" fill="#e69138"/>
<text x="400" y="385">233.7</text>
<text x="40" y="470">Trade balance</text><rect x="40" y="490" width="60" height="50" fill="#6aa84f"/>
<text x="110" y="525">+31.0</text></g>
<text x="40" y="800" font-family="sans-serif" font-size="18" fill="#555">Source: Statistics Indonesia (BPS)</text></svg>`;

async function open(wb: Workbench, item: keyof typeof ITEMS): Promise<Frame> {
	const frame = await openWebviewByKey(wb, ITEMS[item].key, '.card.bps-card');
	await frame.evaluate(() => {
		const w = window as unknown as { __csp?: string[] };
		w.__csp ??= [];
		document.addEventListener('securitypolicyviolation', (e) => w.__csp!.push(e.violatedDirective), true);
	});
	return frame;
}

/** What the card shows: its texts, its image (if any) and the placeholder (if any). */
function cardState(frame: Frame) {
	return frame.evaluate(() => {
		const card = document.querySelector('.card.bps-card')!;
		const img = card.querySelector<HTMLImageElement>('.card-image img');
		const ph = card.querySelector('.image-placeholder');
		return {
			banner: document.querySelector('.attribution-id')?.textContent ?? '',
			kicker: card.querySelector('.kicker')?.textContent ?? '',
			title: card.querySelector('h1')?.textContent ?? '',
			labelledBy: document.getElementById(card.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
			facts: Array.from(card.querySelectorAll('dt')).map(
				(dt) => `${dt.textContent}=${dt.nextElementSibling?.textContent}`,
			),
			image: img ? { shown: !img.hidden, width: img.naturalWidth, alt: img.alt } : null,
			placeholder: ph
				? { failed: ph.classList.contains('failed'), text: (ph as HTMLElement).innerText }
				: null,
			buttons: Array.from(card.querySelectorAll('vscode-button')).map((b) => b.textContent ?? ''),
			text: card.querySelector('#bps-content')?.innerHTML ?? '',
		};
	});
}

describe('browser: infographic and news cards', function () {
	this.timeout(600_000);
	let emu: Awaited<ReturnType<typeof startEmulator>>;
	let wb: Workbench | undefined;
	const served: string[] = [];

	before(async () => {
		emu = await startEmulator();
		wb = await launchWorkbench({ emulatorUrl: emu.url, theme: 'light', keybindings });
		// One BPS image address answers (as BPS would online); every other stays unreachable.
		await wb.page.context().route(
			(u) => u.hostname.endsWith('.bps.go.id') && u.search.includes('1007.jpg'),
			async (route) => {
				served.push(route.request().url());
				await route.fulfill({ status: 200, contentType: 'image/svg+xml', body: INFOGRAPHIC_SVG });
			},
		);
	});
	after(async () => {
		await wb?.close();
		await emu?.close();
	});

	it('offline: the infographic card says what its image shows; keyboard reaches its buttons; axe clean', async () => {
		const frame = await open(wb!, 'offline');
		await frame.waitForSelector('.image-placeholder.failed', { timeout: 30_000 });
		const s = await cardState(frame);
		assert.equal(s.banner, ATTRIBUTION);
		assert.equal(s.kicker, 'Infographic');
		assert.equal(s.title, 'Monthly Inflation 2024');
		assert.equal(s.labelledBy, s.title, 'the card is named by its title');
		assert.deepEqual(s.facts, ['Category=Economy', 'Region=Indonesia']);
		assert.equal(s.image, null, 'no broken image left behind');
		assert.match(
			s.placeholder!.text,
			/^Image unavailable \(offline or not reachable\)\. It shows:\n+Monthly Inflation 2024\. Monthly Inflation: the main figures/,
		);
		assert.deepEqual(s.buttons, ['Open on BPS website', 'Download']);
		// Tab from the title lands on the first button, then the second.
		await frame.locator('h1').click();
		await wb!.press('tab');
		const focused = () => frame.evaluate(() => document.activeElement?.textContent ?? '');
		assert.equal(await focused(), 'Open on BPS website');
		await wb!.press('tab');
		assert.equal(await focused(), 'Download');
		await wb!.page.mouse.move(5, 450);
		await wb!.screenshot('card-infographic-offline.png');
		assert.deepEqual(await axeSerious(frame), []);
	});

	it('online: the BPS image shows in place of the placeholder, with its alt text', async () => {
		const frame = await open(wb!, 'served');
		await frame.waitForSelector('.card-image img:not([hidden])', { timeout: 30_000 });
		const s = await cardState(frame);
		assert.ok(served.length > 0, 'the image was asked for at its BPS address');
		assert.equal(s.placeholder, null);
		assert.ok(s.image && s.image.shown && s.image.width > 0, JSON.stringify(s.image));
		assert.match(s.image.alt, /^Exports and Imports 2024\. Exports and Imports: the main figures/);
		await wb!.page.mouse.move(5, 450);
		await wb!.screenshot('card-infographic.png');
		assert.deepEqual(await axeSerious(frame), []);
	});

	it('news: date, category, the sanitised article and a placeholder for its picture; axe clean, no CSP report', async () => {
		const frame = await open(wb!, 'news');
		await frame.waitForSelector('.image-placeholder.failed', { timeout: 30_000 });
		const s = await cardState(frame);
		assert.equal(s.kicker, 'News');
		assert.equal(s.title, 'Census Officers Begin Enumerating Households');
		assert.equal(s.facts.length, 3);
		assert.match(s.facts[0], /^Date=2024-12-\d\d$/);
		assert.equal(s.facts[1], 'Category=Census And Survey Activities');
		assert.match(s.text, /^<p>Census Officers Begin Enumerating Households\. BPS staff/);
		assert.ok(!/<(script|img|iframe)/i.test(s.text), 'sanitised');
		assert.deepEqual(s.buttons, ['Open on BPS website']);
		await wb!.page.mouse.move(5, 450);
		await wb!.screenshot('card-news-offline.png');
		assert.deepEqual(await axeSerious(frame), []);
		for (const item of ['offline', 'served', 'news'] as const) {
			const f = await open(wb!, item);
			const csp = await f.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
			assert.deepEqual(csp, [], `${item}: securitypolicyviolation events`);
		}
	});
});
