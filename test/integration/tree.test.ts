/**
 * The catalogue tree in the real extension host, against the in-process emulator: national and
 * regency trees, region switching by command argument, language switching, error nodes for a
 * rejected key / 5xx / WAF page, and a failed refresh that keeps what was shown.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CatalogueService } from '../../src/catalogue/catalogueService';
import type { CatalogueTreeProvider } from '../../src/tree/catalogueTree';
import type { CatalogueNode } from '../../src/tree/nodes';
import {
	EMULATOR_KEY,
	configure,
	getExtensionApi,
	setKey,
	startTestEmulator,
	waitFor,
	type TestEmulator,
} from './helpers';

interface Hooks {
	tree: CatalogueTreeProvider;
	catalogue: CatalogueService;
	services: { context: vscode.ExtensionContext };
}

async function hooks(): Promise<Hooks> {
	const api = await getExtensionApi();
	assert.ok(api._test, 'test hooks exposed');
	return api._test as unknown as Hooks;
}

const byKind = (nodes: CatalogueNode[], kind: CatalogueNode['kind']) => nodes.filter((n) => n.kind === kind);

describe('catalogue tree', function () {
	this.timeout(60_000);
	let emu: TestEmulator;
	let h: Hooks;

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

	it('shows the national region, subject categories and the three folders', async () => {
		const root = await h.tree.getChildren();
		assert.equal(root[0].kind, 'region');
		assert.equal(root[0].label, 'Region: Indonesia (0000)');
		const item = h.tree.getTreeItem(root[0]);
		assert.equal(item.command?.command, 'bps.selectRegion');
		assert.equal((item.iconPath as vscode.ThemeIcon).id, 'globe');
		assert.ok(byKind(root, 'category').length >= 2, 'several subject categories');
		assert.deepEqual(
			byKind(root, 'folder').map((n) => n.label),
			['Publications', 'Press Releases', 'Strategic Indicators'],
		);
	});

	it('lists subjects under a category and dynamic + static tables under a subject', async () => {
		const root = await h.tree.getChildren();
		let found: { subject: CatalogueNode; kids: CatalogueNode[] } | undefined;
		for (const cat of byKind(root, 'category')) {
			const subjects = await h.tree.getChildren(cat);
			assert.ok(subjects.length > 0);
			assert.ok(subjects.every((s) => s.kind === 'subject' || s.kind === 'info'));
			for (const s of byKind(subjects, 'subject')) {
				assert.equal(h.tree.getParent(s)?.id, cat.id, 'getParent of a subject is its category');
				const kids = await h.tree.getChildren(s);
				if (byKind(kids, 'var').length && byKind(kids, 'statictable').length) {
					found = { subject: s, kids };
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
		const st = byKind(found.kids, 'statictable')[0];
		assert.match(String(h.tree.getTreeItem(st).contextValue), /^statictable;previewable;copyable;web/);
		assert.equal((h.tree.getTreeItem(st).iconPath as vscode.ThemeIcon).id, 'table');
		// The subject's titles went into the search index.
		assert.ok(h.catalogue.index.search(v.label, { domain: '0000' }).some((x) => x.entry.id === v.ref.id));
		// Copy ID from the node copies its id.
		assert.equal(await vscode.commands.executeCommand('bps.copyId', v), String(v.ref.id));
		assert.equal(await vscode.env.clipboard.readText(), String(v.ref.id));
	});

	it('pages publications with a Load more node and lists national indicators', async () => {
		const root = await h.tree.getChildren();
		const pubs = root.find((n) => n.label === 'Publications')!;
		const first = await h.tree.getChildren(pubs);
		const more = first.find((n) => n.kind === 'loadMore');
		assert.ok(more && more.kind === 'loadMore', 'more than one page of publications');
		assert.match(more.label, /^Load more… \(\d+ of \d+\)$/);
		const n1 = byKind(first, 'publication').length;
		await vscode.commands.executeCommand('bps.tree.loadMore', more);
		const second = await h.tree.getChildren(pubs);
		assert.ok(byKind(second, 'publication').length > n1, 'the next page was appended');
		assert.equal(new Set(second.map((n) => n.id)).size, second.length, 'ids stay unique');

		const ind = await h.tree.getChildren(root.find((n) => n.label === 'Strategic Indicators'));
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
		const ind = await h.tree.getChildren(root.find((n) => n.label === 'Strategic Indicators'));
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
		assert.equal(await vscode.commands.executeCommand('bps.switchLanguage'), 'ind');
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
