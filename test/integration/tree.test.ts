/**
 * The catalogue tree in the real extension host, against the in-process emulator: national and
 * regency trees, region switching by command argument, language switching, error nodes for a
 * rejected key / 5xx / WAF page, and a failed refresh that keeps what was shown.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CatalogueNode } from '../../src/tree/nodes';
import {
	EMULATOR_KEY,
	configure,
	setKey,
	sleep,
	startTestEmulator,
	waitFor,
	type TestEmulator,
	testHooks,
} from './helpers';
import type { TestHooks } from '../../src/testHooks';

const hooks = testHooks;

const byKind = (nodes: CatalogueNode[], kind: CatalogueNode['kind']) => nodes.filter((n) => n.kind === kind);
const folder = (nodes: CatalogueNode[], which: string) =>
	nodes.find((n) => n.kind === 'folder' && n.folder === which);
/** Most requests in flight at one time: arrived, not yet answered (the emulator's log). */
function inFlight(reqs: TestEmulator['requests']): number {
	return Math.max(
		0,
		...reqs.map((r) => reqs.filter((o) => o.time <= r.time && r.time < (o.answeredAt ?? Infinity)).length),
	);
}
const FOLDERS_ID = ['Publikasi', 'Berita Resmi Statistik', 'Indikator Strategis', 'Infografis', 'Berita'];
const FOLDERS_EN = ['Publications', 'Press Releases', 'Strategic Indicators', 'Infographics', 'News'];
/** National data, the same under every region (labelled in the UI language). */
const NATIONAL_FOLDERS = [
	'SDGs (Indonesia)',
	'SDDS (Indonesia)',
	'Foreign trade (Indonesia)',
	'Census (Indonesia)',
	'Classifications (Indonesia)',
	'Glossary (Indonesia)',
];

describe('catalogue tree', function () {
	this.timeout(60_000);
	let emu: TestEmulator;
	let h: TestHooks;

	before(async () => {
		emu = await startTestEmulator();
		await configure({ domain: '0000', language: 'ind', 'network.timeoutSeconds': 3 });
		assert.equal(await setKey(EMULATOR_KEY), true);
		h = await hooks();
		await vscode.commands.executeCommand('bps.catalogue.focus');
	});
	beforeEach(async () => {
		emu.clearFaults();
		await vscode.commands.executeCommand('bps.clearCache');
	});
	after(async () => {
		emu.clearFaults();
		await configure({ domain: undefined, language: undefined, 'network.timeoutSeconds': undefined });
		await emu?.close();
	});

	it('shows the national region, subject categories ("Others" last) and the three folders', async () => {
		const root = await h.tree.getChildren();
		assert.equal(root[0].kind, 'region');
		assert.equal(root[0].label, 'Region: Indonesia (0000)');
		const item = h.tree.getTreeItem(root[0]);
		assert.equal(item.command?.command, 'bps.selectRegion');
		assert.equal((item.iconPath as vscode.ThemeIcon).id, 'globe');
		const cats = byKind(root, 'category');
		assert.ok(cats.length >= 2, 'several subject categories');
		// The catch-all category 0 ("Lainnya") comes after the real ones, which keep their order.
		const ids = cats.map((c) => (c.kind === 'category' ? c.categoryId : -1));
		assert.equal(ids[ids.length - 1], 0, `"Lainnya" last: ${cats.map((c) => c.label).join(', ')}`);
		assert.equal(cats[cats.length - 1].label, 'Lainnya');
		assert.deepEqual(
			ids.slice(0, -1),
			[...ids.slice(0, -1)].sort((a, b) => a - b),
		);
		// The folders are named in the data language (Indonesian here), like the categories.
		assert.deepEqual(
			byKind(root, 'folder').map((n) => n.label),
			[...FOLDERS_ID, 'SIMDASI', ...NATIONAL_FOLDERS],
		);
	});

	it('lists subjects under a category, dynamic tables and a Static tables folder under a subject', async () => {
		const root = await h.tree.getChildren();
		let found: { subject: CatalogueNode; kids: CatalogueNode[]; statics: CatalogueNode[] } | undefined;
		for (const cat of byKind(root, 'category')) {
			const subjects = await h.tree.getChildren(cat);
			assert.ok(subjects.length > 0);
			assert.ok(subjects.every((s) => s.kind === 'subject' || s.kind === 'info'));
			for (const s of byKind(subjects, 'subject')) {
				assert.equal(h.tree.getParent(s)?.id, cat.id, 'getParent of a subject is its category');
				const kids = await h.tree.getChildren(s);
				const sf = folder(kids, 'staticTables');
				const statics = sf ? await h.tree.getChildren(sf) : [];
				if (byKind(kids, 'var').length && byKind(statics, 'statictable').length) {
					assert.equal(sf?.label, 'Tabel Statis');
					found = { subject: s, kids, statics };
					break;
				}
			}
			if (found) break;
		}
		assert.ok(found, 'some subject has both dynamic and static tables');
		const v = byKind(found.kids, 'var')[0];
		assert.ok(v.kind === 'var');
		assert.deepEqual({ domain: v.ref.domain, kind: v.ref.kind }, { domain: '0000', kind: 'var' });
		assert.equal(h.tree.getParent(v)?.id, found.subject.id, 'getParent works for reveal()');
		const ti = h.tree.getTreeItem(v);
		assert.match(String(ti.contextValue), /^var;previewable;insertable;copyable;web/);
		assert.equal((ti.iconPath as vscode.ThemeIcon).id, 'graph');
		assert.equal(ti.command?.command, 'bps.preview');
		const tip = ti.tooltip as vscode.MarkdownString;
		assert.ok(tip instanceof vscode.MarkdownString);
		assert.equal(tip.isTrusted, false);
		assert.equal(tip.supportHtml, false);
		assert.ok(!/<[a-z]+[\s>]/i.test(tip.value), 'no raw HTML tags in the tooltip');
		const st = byKind(found.statics, 'statictable')[0];
		assert.equal(h.tree.getParent(h.tree.getParent(st)!)?.id, found.subject.id);
		assert.match(
			String(h.tree.getTreeItem(st).contextValue),
			/^statictable;previewable;insertable;copyable;web/,
		);
		assert.equal((h.tree.getTreeItem(st).iconPath as vscode.ThemeIcon).id, 'table');
		// The subject's titles went into the search index.
		assert.ok(h.catalogue.index.search(v.label, { domain: '0000' }).some((x) => x.entry.id === v.ref.id));
		// Copy ID from the node copies its id.
		assert.equal(await vscode.commands.executeCommand('bps.copyId', v), String(v.ref.id));
		assert.equal(await vscode.env.clipboard.readText(), String(v.ref.id));
	});

	it('pages publications with a Load more node and lists national indicators', async () => {
		const root = await h.tree.getChildren();
		const pubs = folder(root, 'publications')!;
		const first = await h.tree.getChildren(pubs);
		const more = first.find((n) => n.kind === 'loadMore');
		assert.ok(more && more.kind === 'loadMore', 'more than one page of publications');
		assert.match(more.label, /^Load more… \(\d+ of \d+\)$/);
		const n1 = byKind(first, 'publication').length;
		await vscode.commands.executeCommand('bps.tree.loadMore', more);
		const second = await h.tree.getChildren(pubs);
		assert.ok(byKind(second, 'publication').length > n1, 'the next page was appended');
		assert.equal(new Set(second.map((n) => n.id)).size, second.length, 'ids stay unique');

		const ind = await h.tree.getChildren(folder(root, 'indicators'));
		assert.ok(byKind(ind, 'indicator').length > 0);
	});

	it('switches region by command argument: Kota Surabaya, no indicators there', async () => {
		assert.equal(await vscode.commands.executeCommand('bps.selectRegion', '3578'), '3578');
		assert.equal(vscode.workspace.getConfiguration('bps').get('domain'), '3578');
		const root = (await waitFor(
			async () => {
				const r = await h.tree.getChildren();
				return r[0]?.label === 'Region: Kota Surabaya (3578)' ? r : undefined;
			},
			10_000,
			'the Surabaya root',
		))!;
		assert.ok(byKind(root, 'category').length >= 1);
		const ind = await h.tree.getChildren(folder(root, 'indicators'));
		assert.equal(ind.length, 1);
		assert.equal(ind[0].kind, 'info');
		assert.match(ind[0].label, /provinces only/);
		const recent = h.services.context.globalState.get<string[]>('bps.recentDomains') ?? [];
		assert.equal(recent[0], '3578');
		// An unknown code is refused and changes nothing.
		assert.equal(await vscode.commands.executeCommand('bps.selectRegion', '9999'), undefined);
		assert.equal(vscode.workspace.getConfiguration('bps').get('domain'), '3578');
		assert.equal(await vscode.commands.executeCommand('bps.selectRegion', '0000'), '0000');
	});

	it('relabels the tree when the data language changes', async () => {
		await configure({ domain: '0000' });
		const ind = (await h.tree.getChildren()).map((n) => n.label);
		assert.equal(await vscode.commands.executeCommand('bps.switchLanguage'), 'eng');
		const eng = await waitFor(
			async () => {
				const labels = (await h.tree.getChildren()).map((n) => n.label);
				return labels.join('|') !== ind.join('|') ? labels : undefined;
			},
			10_000,
			'English labels',
		);
		assert.notDeepEqual(eng, ind);
		// Every folder follows the data language, not only what the API names.
		const root = await h.tree.getChildren();
		assert.deepEqual(
			byKind(root, 'folder').map((n) => n.label),
			[...FOLDERS_EN, 'SIMDASI', ...NATIONAL_FOLDERS],
		);
		assert.equal(byKind(root, 'category').at(-1)?.label, 'Others');
		const subj = byKind(await h.tree.getChildren(byKind(root, 'category')[0]), 'subject')[0];
		assert.equal(folder(await h.tree.getChildren(subj), 'staticTables')?.label, 'Static Tables');
		assert.equal(await vscode.commands.executeCommand('bps.switchLanguage'), 'ind');
		const back = await waitFor(
			async () => {
				const r = await h.tree.getChildren();
				return byKind(r, 'folder')[0]?.label === FOLDERS_ID[0] ? r : undefined;
			},
			10_000,
			'Indonesian labels again',
		);
		assert.deepEqual(
			byKind(back!, 'folder').map((n) => n.label),
			[...FOLDERS_ID, 'SIMDASI', ...NATIONAL_FOLDERS],
		);
	});

	it('counts what a subject really holds, once known, and never counts an empty subject', async () => {
		const root = await h.tree.getChildren();
		const describe = (n: CatalogueNode) => String(h.tree.getTreeItem(n).description ?? '');
		let checked = 0;
		for (const cat of byKind(root, 'category')) {
			for (const s of byKind(await h.tree.getChildren(cat), 'subject')) {
				// Before it is opened, no count: the API's ntabel is only a hint.
				assert.equal(describe(s), '', `no count before loading: ${s.label}`);
				const kids = await h.tree.getChildren(s);
				const vars = byKind(kids, 'var').length;
				const sf = folder(kids, 'staticTables');
				if (!sf) {
					// Left out only when the static list is known and has none for this subject.
					assert.equal(describe(s), vars ? `${vars} tables` : '', s.label);
				} else {
					assert.equal(
						describe(s),
						vars === 0 ? '' : vars === 1 ? '1 dynamic table' : `${vars} dynamic tables`,
					);
					const statics = byKind(await h.tree.getChildren(sf), 'statictable').length;
					const total = vars + statics;
					assert.equal(describe(s), total === 0 ? '' : total === 1 ? '1 table' : `${total} tables`, s.label);
					assert.equal(describe(sf), statics === 0 ? '' : statics === 1 ? '1 table' : `${statics} tables`);
				}
				const again = await h.tree.getChildren(s);
				if (!byKind(again, 'var').length && !folder(again, 'staticTables')) {
					assert.equal(again[0].kind, 'info', 'an empty subject says "Nothing here"');
					assert.equal(describe(s), '', `no count on the empty subject ${s.label}`);
				}
				checked++;
			}
		}
		assert.ok(checked >= 10, `${checked} subjects checked`);
	});

	it('opening a subject asks only for its dynamic tables; static tables load when their folder opens', async () => {
		const root = await h.tree.getChildren();
		const cat = byKind(root, 'category')[0];
		const subj = byKind(await h.tree.getChildren(cat), 'subject')[0];
		assert.ok(subj?.kind === 'subject');
		await sleep(1100); // the client's rate bucket refills: the expansion meets it as a user would
		emu.resetRequests();
		const kids = await h.tree.getChildren(subj);
		const models = emu.requests.map((r) => r.params.model);
		assert.ok(models.length >= 1, 'the dynamic tables were asked for');
		assert.deepEqual(new Set(models), new Set(['var']), `only var lists: ${models.join(', ')}`);
		assert.ok(
			emu.requests.every((r) => r.params.subject === String(subj.subjectId)),
			'filtered by subject=',
		);
		const sf = folder(kids, 'staticTables');
		assert.ok(sf, 'a Static tables folder');
		assert.equal(emu.requests.filter((r) => r.params.model === 'statictable').length, 0);

		// Opening the folder fetches the domain's static-table list: page 1, then the rest together.
		await sleep(1100);
		emu.resetRequests();
		emu.setFaults([{ kind: 'latency', ms: 300 }]);
		await h.tree.getChildren(sf);
		const pages = emu.requests.filter((r) => r.params.model === 'statictable');
		assert.ok(pages.length >= 3, `several pages: ${pages.length}`);
		assert.equal(pages.length, emu.requests.length, 'nothing but static tables');
		const rest = pages.slice(1);
		const together = Math.max(
			...rest.map((r) => rest.filter((o) => o.time <= r.time && r.time < (o.answeredAt ?? Infinity)).length),
		);
		assert.ok(
			together >= Math.min(3, rest.length),
			`pages 2.. in flight together: ${together} of ${rest.length}`,
		);
		// Opened again (or another subject's folder): no more requests.
		emu.resetRequests();
		const other = byKind(await h.tree.getChildren(cat), 'subject')[1];
		if (other) {
			const otherKids = await h.tree.getChildren(other);
			const of = folder(otherKids, 'staticTables');
			if (of) await h.tree.getChildren(of);
			assert.equal(emu.requests.filter((r) => r.params.model === 'statictable').length, 0);
		}
	});

	it('the requests of one expansion go out together: the region root', async () => {
		await sleep(1100);
		emu.resetRequests();
		emu.setFaults([{ kind: 'latency', ms: 300 }]);
		// Cleared now, not in beforeEach: the visible view reloads its root at once.
		await vscode.commands.executeCommand('bps.clearCache');
		await h.tree.getChildren();
		const log = emu.requests
			.map((r) => `${r.action}:${r.params.model ?? ''}:${r.params.page ?? ''}`)
			.join(', ');
		// Page 1 of the subjects tells how many pages there are; the others then go out together.
		const pages = emu.requests.filter((r) => r.params.model === 'subject' && r.params.page !== '1');
		assert.ok(pages.length >= 2, log);
		assert.ok(inFlight(pages) >= Math.min(3, pages.length), `${inFlight(pages)} in flight together: ${log}`);
	});

	it('offers Insert Data on a static table and inserts it from the tree', async () => {
		const menus = vscode.extensions.getExtension('bps-data-browser.bps-data-browser')!.packageJSON.contributes
			.menus['view/item/context'] as Array<{ command: string; when: string }>;
		const whens = menus.filter((m) => m.command === 'bps.insertData').map((m) => m.when);
		assert.ok(whens.length >= 1);
		const root = await h.tree.getChildren();
		let st: CatalogueNode | undefined;
		for (const cat of byKind(root, 'category')) {
			for (const s of byKind(await h.tree.getChildren(cat), 'subject')) {
				const sf = folder(await h.tree.getChildren(s), 'staticTables');
				st = sf && byKind(await h.tree.getChildren(sf), 'statictable')[0];
				if (st) break;
			}
			if (st) break;
		}
		assert.ok(st && st.kind === 'statictable', 'a static table in the tree');
		const contextValue = String(h.tree.getTreeItem(st).contextValue);
		for (const when of whens) {
			const m = /viewItem =~ \/(.+)\/$/.exec(when);
			assert.ok(m, when);
			assert.ok(new RegExp(m[1]).test(contextValue), `${when} shows for ${contextValue}`);
			assert.ok(when.includes('view == bps.catalogue'));
		}
		// As the menu does: the node is the argument, the editor the user was last in gets the table.
		const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
		const ed = await vscode.window.showTextDocument(doc);
		await vscode.commands.executeCommand('bps.catalogue.focus');
		try {
			const r = await vscode.commands.executeCommand<{ format: string; text: string } | undefined>(
				'bps.insertData',
				st,
			);
			assert.ok(r, 'inserted');
			assert.equal(r.format, 'markdown');
			const text = ed.document.getText();
			assert.equal(text, r.text);
			assert.ok(text.startsWith('Layanan ini menggunakan API Badan Pusat Statistik (BPS).'));
			assert.match(text, /^\|.*\|$/m, 'a Markdown table');
			assert.ok(text.includes(st.label) || text.includes(String(st.ref.id)), 'the static table itself');
		} finally {
			await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		}
	});

	it('shows "The BPS API rejected the key" with Set API Key when the key is refused', async () => {
		emu.setFaults([{ kind: 'badKey' }]);
		const root = await h.tree.getChildren();
		const err = root.find((n) => n.kind === 'error');
		assert.ok(err && err.kind === 'error', `an error node: ${root.map((n) => n.label).join(', ')}`);
		assert.equal(err.action, 'setKey');
		assert.match(err.label, /rejected the key/);
		assert.equal(h.tree.getTreeItem(err).command?.command, 'bps.setApiKey');
	});

	it('shows a Retry error node on a 5xx, and Retry recovers', async () => {
		emu.setFaults([{ kind: 'status', status: 503, match: { model: 'subject' } }]);
		const root = await h.tree.getChildren();
		assert.equal(root.length, 1);
		const err = root[0];
		assert.ok(err.kind === 'error');
		assert.equal(err.errorKind, 'server');
		assert.equal(err.action, 'retry');
		const item = h.tree.getTreeItem(err);
		assert.equal(item.command?.command, 'bps.refresh');
		emu.clearFaults();
		await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
		const again = await h.tree.getChildren();
		assert.equal(again[0].kind, 'region');
		assert.ok(byKind(again, 'category').length > 0);
	});

	it('shows a firewall error node when the WAF answers', async () => {
		emu.setFaults([{ kind: 'waf', match: { model: 'subject' } }]);
		const root = await h.tree.getChildren();
		const err = root.find((n) => n.kind === 'error');
		assert.ok(err && err.kind === 'error');
		assert.equal(err.errorKind, 'blocked');
		assert.match(err.label, /firewall/i);
	});

	it('keeps the old nodes when a refresh fails, and marks them offline', async () => {
		const root = await h.tree.getChildren();
		const cat = byKind(root, 'category')[0];
		const before = (await h.tree.getChildren(cat)).map((n) => n.label);
		assert.ok(before.length > 0);
		emu.setFaults([{ kind: 'status', status: 500 }]);
		await vscode.commands.executeCommand('bps.refresh', cat);
		const after = (await h.tree.getChildren(cat)).map((n) => n.label);
		assert.deepEqual(after, before);
		assert.ok(
			emu.requests.some((r) => r.status === 500),
			'the refresh really went to the network',
		);
		assert.ok(h.tree.staleFetchedAt !== undefined, 'the tree knows it shows older data');
		const region = (await h.tree.getChildren())[0];
		assert.match(String(h.tree.getTreeItem(region).description), /offline — cached at \d\d:\d\d/);
		// A full refresh that fails keeps the root too.
		await vscode.commands.executeCommand('bps.refresh');
		const rootAfter = await h.tree.getChildren();
		assert.deepEqual(
			rootAfter.map((n) => n.label),
			root.map((n) => n.label),
		);
	});

	it('returns no children without a key (the welcome view shows)', async () => {
		await vscode.commands.executeCommand('bps.clearApiKey');
		await waitFor(async () => (await h.tree.getChildren()).length === 0, 5000, 'empty tree');
		assert.equal(await setKey(EMULATOR_KEY), true);
		await waitFor(async () => (await h.tree.getChildren()).length > 0, 10_000, 'tree back');
	});
});
