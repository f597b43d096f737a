/**
 * Statistical classifications (KBLI/KBKI) and the BPS glossary in the real extension host against
 * the emulator: the national folder (editions → sections → … → the most detailed codes, loaded
 * level by level), a code's card (parents, children, attribution; a child opens its own card),
 * search by code and by words in either language, Insert Data of a code, of a subtree's lookup
 * table and of a definition (by command and from the card), "BPS: Search Glossary", and faults.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InsertResult } from '../../src/insert/apply';
import type { HostMessage } from '../../src/preview/protocol';
import type { SearchSession } from '../../src/search/searchSession';
import type { PanelProbe, TestHooks } from '../../src/testHooks';
import type { CatalogueNode, FolderNode } from '../../src/tree/nodes';
import { configure, setupSuite, waitFor, type TestEmulator, closeScratchEditors } from './helpers';

const ATTRIBUTION = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';
const CODE_0112 = { domain: '0000', kind: 'classification', id: 'kbli_2020_0112' } as const;

type Sent<T extends HostMessage['type']> = Extract<HostMessage, { type: T }>;

async function until<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
	return (await waitFor(check, timeoutMs, what)) as T;
}

function sent<T extends HostMessage['type']>(p: PanelProbe, type: T): Sent<T> | undefined {
	return p.sent.find((m): m is Sent<T> => m.type === type);
}

describe('Classifications and glossary', function () {
	this.timeout(90_000);
	let emu: TestEmulator;
	let h: TestHooks;

	before(async () => {
		({ emu, hooks: h } = await setupSuite({ domain: '3578', language: 'ind', 'network.timeoutSeconds': 3 }));
	});
	beforeEach(async () => {
		emu.clearFaults();
		await vscode.commands.executeCommand('bps.clearCache');
	});
	afterEach(async () => {
		h.search.active?.hide();
		await closeScratchEditors();
	});
	after(async () => {
		emu.clearFaults();
		await configure({ domain: undefined, language: undefined, 'network.timeoutSeconds': undefined });
		await emu?.close();
	});

	async function editions(): Promise<FolderNode[]> {
		const root = await h.tree.getChildren();
		const f = root.find((n): n is FolderNode => n.kind === 'folder' && n.folder === 'classifications');
		assert.ok(f, `a classifications folder in ${root.map((n) => n.label).join(' | ')}`);
		assert.equal(f.label, 'Classifications (Indonesia)');
		assert.equal(f.domain, '0000', 'national data under a city');
		return (await h.tree.getChildren(f)) as FolderNode[];
	}

	/** Opens `path` (labels starting with each code) from an edition's folder. */
	async function walk(edition: string, ...codes: string[]): Promise<CatalogueNode> {
		let node: CatalogueNode | undefined = (await editions()).find((e) => e.label === edition);
		assert.ok(node, edition);
		for (const code of codes) {
			const kids: CatalogueNode[] = await h.tree.getChildren(node);
			node = kids.find((k) => k.label.startsWith(`${code} `));
			assert.ok(node, `${code} in ${kids.map((k) => k.label).join(' | ')}`);
		}
		return node;
	}

	async function search(command: string, query: string): Promise<SearchSession> {
		const before = h.search.active;
		await vscode.commands.executeCommand(command, { query });
		const s = await until(
			() => (h.search.active && h.search.active !== before ? h.search.active : undefined),
			5000,
			'a search session',
		);
		await s.whenSettled();
		return s;
	}

	async function scratch(language: string): Promise<vscode.TextDocument> {
		const doc = await vscode.workspace.openTextDocument({ language, content: '' });
		await vscode.window.showTextDocument(doc);
		return doc;
	}

	it('tree: Classifications (Indonesia) → editions → sections → … → the most detailed codes, each level loaded when opened', async () => {
		const eds = await editions();
		assert.deepEqual(
			eds.map((e) => e.label),
			['KBLI 2025', 'KBLI 2020', 'KBLI 2017', 'KBLI 2015', 'KBLI 2009', 'KBKI 2015'],
		);
		const t0 = emu.requests.length;
		const sections = await h.tree.getChildren(eds.find((e) => e.label === 'KBLI 2020')!);
		assert.equal(sections.length, 21, sections.map((s) => s.label).join(' | '));
		assert.equal(sections[0].label, 'A Pertanian, Kehutanan dan Perikanan');
		const asked = emu.requests.slice(t0).filter((r) => r.params.model === 'kbli2020');
		assert.deepEqual(
			asked.map((r) => [r.action, r.params.level]),
			[['list', 'kategori']],
			'opening an edition lists its sections only',
		);
		const leafParent = await walk('KBLI 2020', 'A', '01', '011', '0112');
		const leaves = await h.tree.getChildren(leafParent);
		assert.deepEqual(
			leaves.map((l) => l.label),
			['01121 Pertanian Padi Hibrida', '01122 Pertanian Padi Inbrida'],
		);
		const parentItem = h.tree.getTreeItem(leafParent);
		assert.equal(parentItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
		assert.equal(parentItem.command?.command, 'bps.preview', 'a code with children previews on click too');
		const leaf = h.tree.getTreeItem(leaves[0]);
		assert.equal(leaf.collapsibleState, vscode.TreeItemCollapsibleState.None, 'kelompok is the last level');
		assert.match(String(leaf.contextValue), /^classification;previewable;insertable;copyable;web$/);
		assert.equal(leaves[0].kind, 'classification');
		if (leaves[0].kind === 'classification') assert.equal(leaves[0].ref.id, 'kbli_2020_01121');

		const kbki = await walk('KBKI 2015', '2', '21', '216', '2165');
		assert.deepEqual(
			(await h.tree.getChildren(kbki)).map((l) => l.label),
			['21651 Minyak Kelapa Sawit Mentah'],
		);
	});

	it("preview: a code's card shows code, title, level, description, parents and children with the attribution; a child opens its own card", async () => {
		const node = await walk('KBLI 2020', 'A', '01', '011', '0112');
		const id = await vscode.commands.executeCommand<string>('bps.preview', node);
		const p = h.previews.get(id);
		assert.ok(p, 'the panel is known');
		const card = await until(() => sent(p, 'classification'), 30_000, 'the classification card');
		const e = card.entry;
		assert.deepEqual(
			[e.name, e.code, e.title, e.level],
			['KBLI 2020', '0112', 'Pertanian Padi', 'subgolongan'],
		);
		assert.match(e.description, /pertanian padi/i);
		assert.deepEqual(
			e.parents.map((x) => x.code),
			['A', '01', '011'],
		);
		assert.deepEqual(
			e.children.map((x) => [x.id, x.title]),
			[
				['kbli_2020_01121', 'Pertanian Padi Hibrida'],
				['kbli_2020_01122', 'Pertanian Padi Inbrida'],
			],
		);
		assert.ok(e.url.startsWith('https://klasifikasi.web.bps.go.id/'), e.url);
		assert.equal(sent(p, 'init')?.attribution.id, ATTRIBUTION);
		await until(
			() => p.received.find((m) => m.type === 'rendered' && m.view === 'reference'),
			30_000,
			'the webview rendered the card',
		);
		assert.equal(p.panel.title, '0112 Pertanian Padi');

		await p.onMessage({
			type: 'openItem',
			ref: { domain: '0000', kind: 'classification', id: e.children[0].id },
		});
		const child = await until(
			() => h.previews.get('0000/classification/kbli_2020_01121'),
			10_000,
			"the child's panel",
		);
		const childCard = await until(() => sent(child, 'classification'), 30_000, "the child's card");
		assert.equal(childCard.entry.children.length, 0);
		assert.deepEqual(
			childCard.entry.parents.map((x) => x.code),
			['A', '01', '011', '0112'],
		);
	});

	it('search: finds codes by code and by words in either language', async () => {
		const byCode = await search('bps.search', '0112');
		const hit = byCode.items.find((i) => i.result?.ref.kind === 'classification');
		assert.ok(hit, byCode.items.map((i) => i.label).join(' | '));
		assert.equal(hit.result?.ref.id, 'kbli_2020_0112', 'the exact code first');
		assert.match(hit.label, /0112 Pertanian Padi/);
		assert.match(String(hit.detail), /Classification code · KBLI 2020 · subgolongan/);
		byCode.hide();

		for (const words of ['padi hibrida', 'hybrid rice']) {
			const s = await search('bps.search', words);
			const ids = s.items.flatMap((i) => (i.result?.ref.kind === 'classification' ? [i.result.ref.id] : []));
			assert.ok(ids.includes('kbli_2020_01121'), `"${words}" finds 01121: ${ids.join(', ')}`);
			s.hide();
		}
		const kbki = await search('bps.search', 'crude palm oil');
		assert.ok(
			kbki.items.some((i) => i.result?.ref.id === 'kbki_2015_21651'),
			kbki.items.map((i) => i.label).join(' | '),
		);
	});

	it('insert: a code with its title as a comment, a lookup table of its subtree, and both from the card', async () => {
		await scratch('python');
		const code = await vscode.commands.executeCommand<InsertResult | undefined>('bps.insertData', {
			...CODE_0112,
			format: 'python',
			lookup: false,
		});
		assert.ok(code, 'inserted');
		assert.ok(code.text.includes(ATTRIBUTION), code.text);
		assert.match(code.text, /^"0112" {2}# Pertanian Padi$/m);

		const csv = await vscode.commands.executeCommand<InsertResult | undefined>('bps.insertData', {
			...CODE_0112,
			format: 'csv',
			lookup: true,
		});
		assert.ok(csv, 'inserted');
		const lines = csv.text.split('\n');
		const header = lines.findIndex((l) => l === 'code,title,level,parent_code');
		assert.ok(header >= 0, csv.text);
		assert.deepEqual(lines.slice(header + 1, header + 4), [
			'0112,Pertanian Padi,subgolongan,011',
			'01121,Pertanian Padi Hibrida,kelompok,0112',
			'01122,Pertanian Padi Inbrida,kelompok,0112',
		]);
		assert.ok(csv.text.includes(ATTRIBUTION));

		// From the card: "Insert lookup table" (the whole section A, from the local index).
		const doc = await scratch('json');
		const id = await vscode.commands.executeCommand<string>('bps.preview', {
			domain: '0000',
			kind: 'classification',
			id: 'kbli_2020_A',
		});
		const p = h.previews.get(id);
		assert.ok(p);
		await until(() => sent(p, 'classification'), 30_000, 'the card');
		await vscode.window.showTextDocument(doc);
		await p.onMessage({ type: 'insert', requestId: 7, lookup: true, format: 'json' });
		const done = await until(
			() => p.sent.find((m): m is Sent<'inserted'> => m.type === 'inserted' && m.requestId === 7),
			30_000,
			'the insert answer',
		);
		assert.ok(done.target, JSON.stringify(done));
		const text = doc.getText();
		for (const c of ['"A"', '"01"', '"0112"', '"01262"', '"03"'])
			assert.ok(text.includes(c), `${c} in ${text}`);
		assert.ok(!text.includes('"B"'), 'only the subtree of A');
	});

	it('glossary: "BPS: Search Glossary" finds a concept in either language; its card; Insert definition quotes it with source and attribution', async () => {
		const s = await search('bps.searchGlossary', 'pengangguran');
		const results = s.items.filter((i) => i.result);
		assert.ok(results.length > 0, s.items.map((i) => i.label).join(' | '));
		assert.ok(
			results.every((i) => i.result?.kind === 'glossary'),
			'only glossary concepts',
		);
		assert.match(results[0].label, /Tingkat Pengangguran Terbuka/);
		const glossaryId = results[0].result?.ref.id;
		s.hide();
		const en = await search('bps.searchGlossary', 'unemployment rate');
		assert.equal(en.items.find((i) => i.result)?.result?.ref.id, glossaryId, 'English words find it too');
		en.hide();

		const ref = await vscode.commands.executeCommand<{ kind: string; id: string }>('bps.searchGlossary', {
			query: 'tingkat pengangguran',
			accept: true,
		});
		assert.equal(ref?.id, glossaryId);
		const p = await until(() => h.previews.get(`0000/glossary/${glossaryId}`), 10_000, 'the glossary panel');
		const card = await until(() => sent(p, 'glossary'), 30_000, 'the glossary card');
		assert.deepEqual(
			[card.entry.concept, card.entry.conceptOther, card.entry.unit, card.entry.source],
			['Tingkat Pengangguran Terbuka', 'Open Unemployment Rate', 'Persen', 'Survei Angkatan Kerja Nasional'],
		);
		assert.match(card.entry.definition, /^Persentase jumlah pengangguran/);
		assert.equal(sent(p, 'init')?.attribution.id, ATTRIBUTION);

		const doc = await scratch('markdown');
		await p.onMessage({ type: 'insert', requestId: 3, format: 'markdown' });
		await until(
			() => p.sent.find((m) => m.type === 'inserted' && m.requestId === 3),
			30_000,
			'the insert answer',
		);
		const text = doc.getText();
		assert.ok(text.startsWith(ATTRIBUTION) || text.includes(ATTRIBUTION), text);
		assert.match(text, /^> \*\*Tingkat Pengangguran Terbuka\*\*$/m);
		assert.match(text, /^> Persentase jumlah pengangguran/m);
		assert.match(text, /^> — Sumber: Survei Angkatan Kerja Nasional; Satuan: Persen$/m);

		// The catalogue search finds concepts too.
		const all = await search('bps.search', 'pengangguran terbuka');
		assert.ok(
			all.items.some((i) => i.result?.kind === 'glossary' && i.result.ref.id === glossaryId),
			all.items.map((i) => i.label).join(' | '),
		);
	});

	it('tree: KBLI 2025 lists its sections; when the API has no data for it, the folder says so and KBLI 2020 still opens', async () => {
		const kbli2025 = async () => (await editions()).find((e) => e.label === 'KBLI 2025')!;
		const sections = await h.tree.getChildren(await kbli2025());
		assert.ok(sections.length > 0 && sections.every((s) => s.kind === 'classification'));
		assert.ok(
			sections.every((s) => s.kind === 'classification' && s.ref.id.startsWith('kbli_2025_')),
			sections.map((s) => (s.kind === 'classification' ? s.ref.id : s.label)).join(' | '),
		);
		await vscode.commands.executeCommand('bps.clearCache');
		emu.setFaults([{ kind: 'noData', match: { model: 'kbli2025' } }]);
		const empty = await h.tree.getChildren(await kbli2025());
		assert.equal(empty.length, 1, empty.map((n) => n.label).join(' | '));
		assert.ok(['info', 'error'].includes(empty[0].kind), `a message node, not codes: ${empty[0].kind}`);
		const kbli2020 = (await editions()).find((e) => e.label === 'KBLI 2020')!;
		assert.equal((await h.tree.getChildren(kbli2020)).length, 21);
	});

	it('tree: Glossary (Indonesia) → initials with counts → concepts in the data language, from one load of the glossary', async () => {
		const root = await h.tree.getChildren();
		const g = root.find((n): n is FolderNode => n.kind === 'folder' && n.folder === 'glossary');
		assert.ok(g, `a glossary folder in ${root.map((n) => n.label).join(' | ')}`);
		assert.equal(g.label, 'Glossary (Indonesia)');
		assert.equal(g.domain, '0000');
		const t0 = emu.requests.length;
		const letters = (await h.tree.getChildren(g)) as FolderNode[];
		assert.deepEqual(
			letters.map((l) => l.label),
			['A', 'G', 'I', 'K', 'L', 'P', 'R', 'T', 'U'],
			'initials of the Indonesian names (the data language here), in order',
		);
		assert.equal(h.tree.getTreeItem(letters[2]).description, '3 concepts');
		const concepts = await h.tree.getChildren(letters[2]);
		assert.deepEqual(
			concepts.map((c) => c.label),
			['Indeks Harga Konsumen', 'Indeks Pembangunan Manusia', 'Inflasi'],
		);
		const item = h.tree.getTreeItem(concepts[2]);
		assert.match(String(item.contextValue), /^glossary;previewable;insertable;copyable;web$/);
		assert.equal(item.command?.command, 'bps.preview');
		assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.None);
		const asked = emu.requests.slice(t0).filter((r) => r.params.model === 'glosarium');
		assert.ok(
			asked.length <= 1,
			`the glossary is read once for the folder and its letters (${asked.length})`,
		);
		// The concept opens its card from the tree.
		const c = concepts[2];
		assert.equal(c.kind, 'glossary');
		if (c.kind !== 'glossary') return;
		await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
		const p = await until(() => h.previews.get(`0000/glossary/${c.ref.id}`), 10_000, 'the glossary panel');
		const card = await until(() => sent(p, 'glossary'), 30_000, 'the glossary card');
		assert.match(JSON.stringify(card), /Inflasi/);
		p.panel.dispose();
	});

	it('faults: a malformed id, an unknown code, a failing edition and an empty glossary give clear messages', async () => {
		const bad = await vscode.commands.executeCommand<string>('bps.preview', {
			domain: '0000',
			kind: 'classification',
			id: 'kbli_2020',
		});
		const p = h.previews.get(bad);
		assert.ok(p);
		const err = await until(() => sent(p, 'error'), 10_000, 'the error');
		assert.ok(
			err.message.endsWith('"kbli_2020" is not the id of a KBLI or KBKI code (such as kbli_2020_0112).'),
			err.message,
		);

		const unknown = h.previews.get(
			await vscode.commands.executeCommand<string>('bps.preview', {
				domain: '0000',
				kind: 'classification',
				id: 'kbli_2020_99999',
			}),
		);
		assert.ok(unknown);
		const err2 = await until(() => sent(unknown, 'error'), 10_000, 'the error');
		assert.equal(err2.message, 'BPS has no data for this request.');

		const before = h.messages.length;
		// The error is shown with "Show Log" (the command settles when it is dismissed).
		void vscode.commands.executeCommand('bps.insertData', {
			domain: '0000',
			kind: 'classification',
			id: 'kbki-2015-0111',
			format: 'python',
		});
		await until(
			() => h.messages.slice(before).find((m) => m.message.includes('is not the id of a KBLI or KBKI code')),
			5000,
			'the insert error',
		);

		// A server error on one edition: a retry node; it recovers once the API answers.
		emu.setFaults([{ kind: 'status', status: 500, match: { model: 'kbli2017' } }]);
		const kbli2017 = () => editions().then((e) => e.find((x) => x.label === 'KBLI 2017')!);
		let kids = await h.tree.getChildren(await kbli2017());
		assert.equal(kids[0].kind, 'error');
		if (kids[0].kind === 'error') assert.equal(kids[0].action, 'retry');
		emu.clearFaults();
		await vscode.commands.executeCommand('bps.refresh', await kbli2017());
		kids = await h.tree.getChildren(await kbli2017());
		assert.equal(kids.length, 21);

		// The API has no glossary: the search says nothing matched.
		await vscode.commands.executeCommand('bps.clearCache');
		emu.setFaults([{ kind: 'noData', match: { model: 'glosarium' } }]);
		const s = await search('bps.searchGlossary', 'inflasi');
		assert.deepEqual(
			s.items.map((i) => i.label),
			['$(search-stop) Nothing in the BPS glossary matches “inflasi”'],
		);
		s.hide();
		// A server error: the search says what failed and offers to try again.
		await vscode.commands.executeCommand('bps.clearCache');
		emu.setFaults([{ kind: 'status', status: 500, match: { model: 'glosarium' } }]);
		const s2 = await search('bps.searchGlossary', 'inflasi lagi');
		assert.ok(
			s2.items.some((i) => i.notice && i.detail === 'Press Enter to try again'),
			s2.items.map((i) => i.label).join(' | '),
		);
	});
});
