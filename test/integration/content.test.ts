/**
 * Infographics and news in the real extension host against the emulator: a region's Infographics
 * and News folders (paged with "Load more…", news grouped by category), their cards in the preview
 * (title, date, category, a BPS image, the article, links to the BPS website, the attribution),
 * Copy Link, and faults (a failed list, a failed category list, an unknown item, a server error).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CardPayload, HostMessage, WebviewMessage } from '../../src/preview/protocol';
import type { PanelProbe, TestHooks } from '../../src/testHooks';
import type { CatalogueNode, FolderNode } from '../../src/tree/nodes';
import { configure, setupSuite, waitFor, type TestEmulator } from './helpers';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';
/** The emulator's 12 national infographics are 1000, 1007, …, 1077 (10 a page): 1070 is on page 2. */
const INFOGRAPHIC_PAGE_2 = 1070;
/** The emulator's first national news item ("Sensus dan Survey"). */
const NEWS_ID = 300;

const folders = (nodes: CatalogueNode[]) => nodes.filter((n): n is FolderNode => n.kind === 'folder');
const ofKind = (nodes: CatalogueNode[], kind: CatalogueNode['kind']) => nodes.filter((n) => n.kind === kind);

function cardOf(p: PanelProbe): CardPayload | undefined {
	return p.sent.find((m): m is Extract<HostMessage, { type: 'card' }> => m.type === 'card')?.card;
}
function rendered(p: PanelProbe, view: string): boolean {
	return p.received.some((m: WebviewMessage) => m.type === 'rendered' && m.view === view);
}
function errorOf(p: PanelProbe): string | undefined {
	return p.sent.find((m): m is Extract<HostMessage, { type: 'error' }> => m.type === 'error')?.message;
}

describe('infographics and news', function () {
	this.timeout(60_000);
	let emu: TestEmulator;
	let h: TestHooks;

	before(async () => {
		({ emu, hooks: h } = await setupSuite({ domain: '0000', language: 'ind', 'network.timeoutSeconds': 3 }));
	});
	beforeEach(async () => {
		emu.clearFaults();
		// Drops the response cache, the memo and the tree's children: every test fetches afresh.
		await vscode.commands.executeCommand('bps.clearCache');
	});
	afterEach(async () => {
		emu.clearFaults();
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});
	after(async () => {
		await configure({ domain: undefined, language: undefined, 'network.timeoutSeconds': undefined });
		await emu?.close();
	});

	async function folder(which: string): Promise<FolderNode> {
		const root = await h.tree.getChildren();
		const f = folders(root).find((n) => n.folder === which);
		assert.ok(f, `a ${which} folder in ${root.map((n) => n.label).join(' | ')}`);
		return f;
	}

	async function open(ref: Record<string, unknown>): Promise<PanelProbe> {
		const id = await vscode.commands.executeCommand<string>('bps.preview', ref);
		const p = h.previews.get(id);
		assert.ok(p, 'the panel is registered');
		return p;
	}

	it('tree: Infographics pages with "Load more…"; each infographic previews, copies and links', async () => {
		const f = await folder('infographics');
		assert.equal(f.label, 'Infografis');
		assert.equal(f.domain, '0000');
		const first = await h.tree.getChildren(f);
		assert.equal(ofKind(first, 'infographic').length, 10);
		const more = first.find((n) => n.kind === 'loadMore');
		assert.ok(more && more.kind === 'loadMore', 'a second page');
		assert.equal(more.label, 'Load more… (10 of 12)');
		await vscode.commands.executeCommand('bps.tree.loadMore', more);
		const all = await h.tree.getChildren(f);
		assert.equal(ofKind(all, 'infographic').length, 12, 'the second page was appended');
		assert.equal(ofKind(all, 'loadMore').length, 0, 'nothing more to load');
		assert.equal(new Set(all.map((n) => n.id)).size, all.length, 'ids stay unique');

		const g = all.find((n) => n.kind === 'infographic' && n.ref.id === INFOGRAPHIC_PAGE_2);
		assert.ok(g && g.kind === 'infographic');
		const ti = h.tree.getTreeItem(g);
		assert.equal(ti.contextValue, 'infographic;previewable;copyable;web');
		assert.equal((ti.iconPath as vscode.ThemeIcon).id, 'file-media');
		assert.equal(ti.command?.command, 'bps.preview');
		assert.equal(ti.description, undefined, 'category 0: nothing beside the title');
		const economy = all.find((n) => n.kind === 'infographic' && n.item.category === 2)!;
		assert.equal(h.tree.getTreeItem(economy).description, 'Economy');
		const tip = ti.tooltip as vscode.MarkdownString;
		assert.match(tip.value, /Hasil(&nbsp;| )Long(&nbsp;| )Form/);
		assert.equal(tip.isTrusted, false);

		const link = await vscode.commands.executeCommand<string>('bps.copyLink', g);
		assert.match(link, /open\?domain=0000&kind=infographic&id=1070$/);
		assert.equal(await vscode.env.clipboard.readText(), link);
	});

	it('tree: News has a folder per category, then the latest news of all categories, paged', async () => {
		const f = await folder('news');
		assert.equal(f.label, 'Berita');
		const kids = await h.tree.getChildren(f);
		const cats = folders(kids);
		assert.deepEqual(
			cats.map((c) => [c.label, c.group]),
			[
				['KEGIATAN SENSUS DAN SURVEI', 'Sensus dan Survey'],
				['KEGIATAN STATISTIK LAINNYA', 'Statistik Lain'],
			],
		);
		const news = ofKind(kids, 'news');
		assert.equal(news.length, 10);
		const more = kids.find((n) => n.kind === 'loadMore');
		assert.ok(more && more.kind === 'loadMore');
		assert.equal(more.label, 'Load more… (10 of 12)');
		const n0 = news[0];
		assert.ok(n0.kind === 'news');
		const ti = h.tree.getTreeItem(n0);
		assert.equal(ti.contextValue, 'news;previewable;copyable;web');
		assert.match(String(ti.description), /^2024-\d\d-\d\d$/, 'the release date beside the title');

		await vscode.commands.executeCommand('bps.tree.loadMore', more);
		const after = await h.tree.getChildren(f);
		assert.equal(ofKind(after, 'news').length, 12);
		assert.equal(folders(after).length, 2, 'the category folders stay');

		const census = await h.tree.getChildren(cats[0]);
		const inCat = ofKind(census, 'news');
		assert.equal(inCat.length, 6, 'the six census and survey items');
		assert.ok(inCat.every((n) => n.kind === 'news' && n.item.categoryId === 'Sensus dan Survey'));
		assert.ok(
			emu.requests.some(
				(r) => r.params.model === 'news' && /^Sensus.dan.Survey$/.test(r.params.newscat ?? ''),
			),
			'the category is filtered by the API',
		);
		const ids = new Set([...after, ...census].map((n) => n.id));
		assert.equal(ids.size, after.length + census.length, 'an item under News and its category has two ids');
	});

	it('tree: English folder names in English data', async () => {
		await configure({ language: 'eng' });
		try {
			const root = await waitFor(async () => {
				const r = await h.tree.getChildren();
				return folders(r).some((n) => n.label === 'Infographics') ? r : undefined;
			});
			assert.ok(folders(root!).some((n) => n.folder === 'news' && n.label === 'News'));
		} finally {
			await configure({ language: 'ind' });
		}
	});

	it('preview: an infographic card (found on the second page) with its BPS image, links and attribution', async () => {
		const seen = emu.requests.length;
		const p = await open({ domain: '0000', kind: 'infographic', id: INFOGRAPHIC_PAGE_2 });
		await waitFor(() => rendered(p, 'card'), 30_000, 'the card rendered');
		const init = p.sent.find((m): m is Extract<HostMessage, { type: 'init' }> => m.type === 'init')!;
		assert.equal(init.attribution.id, ATTRIBUTION);
		const c = cardOf(p)!;
		assert.equal(c.kind, 'infographic');
		assert.equal(c.id, INFOGRAPHIC_PAGE_2);
		assert.equal(c.title, 'Hasil Long Form SP2020 2023');
		assert.match(c.imageUrl, /^https:\/\/[a-z-]+\.bps\.go\.id\/.+1070\.jpg$/);
		assert.match(c.imageAlt, /^Hasil Long Form SP2020 2023\. Hasil Long Form SP2020: angka-angka utama/);
		assert.equal(c.pageUrl, 'https://www.bps.go.id/id/infographic');
		assert.match(c.downloadUrl, /^https:\/\/www\.bps\.go\.id\/galery\/download\.html\?/);
		assert.equal(c.date, '', 'the list gives no date');
		assert.equal(p.panel.title, 'Hasil Long Form SP2020 2023');
		const pages = emu.requests
			.slice(seen)
			.filter((r) => r.params.model === 'infographic')
			.map((r) => r.params.page);
		assert.deepEqual(pages, ['1', '2'], 'the list was read up to the page that has it');
	});

	it('preview: a news card with the full article (HTML to sanitize), date, category and picture', async () => {
		const p = await open({ domain: '0000', kind: 'news', id: NEWS_ID });
		await waitFor(() => rendered(p, 'card'), 30_000, 'the card rendered');
		const c = cardOf(p)!;
		assert.equal(c.kind, 'news');
		assert.equal(c.title, 'Petugas Sensus Mulai Mendata Rumah Tangga');
		assert.match(c.date, /^2024-12-\d\d$/);
		assert.equal(c.category, 'Kegiatan Sensus Dan Survei');
		assert.match(
			c.html,
			/^<p>Petugas Sensus Mulai Mendata Rumah Tangga\. Pegawai BPS/,
			'entity-decoded once',
		);
		assert.match(c.imageUrl, /^https:\/\/[a-z-]+\.bps\.go\.id\//);
		assert.equal(c.pageUrl, 'https://www.bps.go.id/id/news');
		assert.ok(emu.requests.some((r) => r.action === 'view' && r.params.model === 'news'));
	});

	it('faults: a failed list is an error node with Retry; a failed category list still lists the news', async () => {
		emu.setFaults([{ kind: 'status', status: 500, match: { model: 'infographic' } }]);
		const f = await folder('infographics');
		const kids = await h.tree.getChildren(f);
		assert.equal(kids.length, 1);
		assert.equal(kids[0].kind, 'error');
		assert.equal(kids[0].label, 'The BPS API had a server error — click to retry');

		emu.setFaults([{ kind: 'status', status: 500, match: { model: 'newscategory' } }]);
		const news = await h.tree.getChildren(await folder('news'));
		assert.equal(folders(news).length, 0, 'no category folders');
		assert.equal(ofKind(news, 'news').length, 10, 'the latest news still shows');
	});

	it('faults: an unknown infographic and a news item that fails say so, localised, in the panel', async () => {
		const missing = await open({ domain: '0000', kind: 'infographic', id: 999_999 });
		const m1 = await waitFor(() => errorOf(missing), 30_000, 'an error');
		assert.equal(m1, 'Infographic 999999 was not found in region 0000.');
		const gone = await open({ domain: '0000', kind: 'news', id: 999_999 });
		assert.equal(
			await waitFor(() => errorOf(gone), 30_000, 'an error'),
			'News item 999999 was not found in region 0000.',
		);

		emu.setFaults([{ kind: 'status', status: 503, match: { action: 'view', model: 'news' } }]);
		const broken = await open({ domain: '0000', kind: 'news', id: NEWS_ID + 3 });
		const m2 = await waitFor(() => errorOf(broken), 30_000, 'an error');
		assert.equal(m2, 'The BPS API is having trouble (server error). Try again in a few minutes.');
		assert.equal(cardOf(broken), undefined);
	});
});
