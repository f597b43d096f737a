import assert from 'node:assert/strict';
import { MemoryCache } from '../../../src/api/cache';
import { BpsClient, type RequestEvent } from '../../../src/api/client';
import type { ClassificationEntry, GlossaryEntry } from '../../../src/api/families/types';
import {
	childEntry,
	ClassificationIndex,
	classificationId,
	classificationItem,
	isLeafLevel,
	levelsOf,
	parseClassificationId,
	searchClassification,
	subtree,
	treeOrder,
} from '../../../src/catalogue/classifications';
import {
	GlossaryIndex,
	glossaryByInitial,
	glossaryConcept,
	glossaryInitial,
	glossaryItem,
	searchGlossary,
} from '../../../src/catalogue/glossary';
import { searchReference } from '../../../src/catalogue/referenceSearch';
import { EMULATOR_KEY, startEmulator, type Emulator } from '../../emulator/server';

function entry(code: string, title: string, level: string, parents: string[] = []): ClassificationEntry {
	return {
		model: 'kbli2020',
		id: `kbli_2020_${code}`,
		code,
		title,
		description: '',
		level,
		url: '',
		parents: parents.map((p) => ({ code: p, title: p })),
		children: [],
		lastUpdate: null,
	};
}

describe('classifications (pure)', () => {
	it('ids: kbli_2020_0112 ↔ { model, code }; anything else is not an id', () => {
		assert.deepEqual(parseClassificationId('kbli_2020_0112'), { model: 'kbli2020', code: '0112' });
		assert.deepEqual(parseClassificationId('kbki_2015_0113101001'), {
			model: 'kbki2015',
			code: '0113101001',
		});
		assert.deepEqual(parseClassificationId(' kbli_2009_A '), { model: 'kbli2009', code: 'A' });
		for (const bad of ['kbli_2020', 'kbli_1999_01', 'kbli2020_01', 'abc_2020_01', '', 'kbli_2020_0 1'])
			assert.equal(parseClassificationId(bad), undefined, bad);
		assert.equal(classificationId('kbki2015', '21651'), 'kbki_2015_21651');
	});

	it('levels: KBLI has 5, KBKI 7; only the innermost is a leaf; an unknown level is not', () => {
		assert.equal(levelsOf('kbli2017').length, 5);
		assert.equal(levelsOf('kbki2015').length, 7);
		assert.ok(isLeafLevel('kbli2020', 'kelompok'));
		assert.ok(isLeafLevel('kbli2020', ' Kelompok '));
		assert.ok(!isLeafLevel('kbki2015', 'kelompok'), 'kelompok is the 3rd KBKI level');
		assert.ok(isLeafLevel('kbki2015', 'komoditas'));
		assert.ok(!isLeafLevel('kbli2020', ''));
	});

	it("a child known only from its parent's turunan: the next level, the parent's ancestors and the parent", () => {
		const parent = {
			...entry('011', 'Pertanian Tanaman Semusim', 'golongan', ['A', '01']),
			url: 'https://klasifikasi.web.bps.go.id/app/view/kbli2020/011',
		};
		const c = childEntry(parent, { code: '0112', title: '[0112] Pertanian Padi' });
		assert.equal(c.id, 'kbli_2020_0112');
		assert.equal(c.title, 'Pertanian Padi');
		assert.equal(c.level, 'subgolongan');
		assert.deepEqual(
			c.parents.map((p) => p.code),
			['A', '01', '011'],
		);
		assert.equal(c.url, 'https://klasifikasi.web.bps.go.id/app/view/kbli2020/0112');
		assert.equal(childEntry({ ...parent, level: 'kelompok' }, { code: 'x', title: 'x' }).level, '');
	});

	it('tree order is depth first, siblings by code; a subtree is a code and everything under it', () => {
		const list = [
			entry('0112', 'Padi', 'subgolongan', ['A', '01', '011']),
			entry('B', 'Tambang', 'kategori'),
			entry('01', 'Pertanian', 'golongan pokok', ['A']),
			entry('A', 'Pertanian, Kehutanan', 'kategori'),
			entry('011', 'Semusim', 'golongan', ['A', '01']),
			entry('05', 'Batu bara', 'golongan pokok', ['B']),
			entry('0111', 'Serealia', 'subgolongan', ['A', '01', '011']),
			entry('99', 'Orphan', 'golongan pokok', ['Z']),
		];
		const ordered = treeOrder(list).map((e) => e.code);
		assert.deepEqual(ordered, ['99', 'A', '01', '011', '0111', '0112', 'B', '05']);
		const tree = {
			model: 'kbli2020' as const,
			lang: 'ind' as const,
			entries: treeOrder(list),
			byCode: new Map(),
			otherTitles: new Map([['0112', 'Growing of Rice']]),
			stale: false,
			fetchedAt: 0,
		};
		assert.deepEqual(
			subtree(tree, '01').map((e) => e.code),
			['01', '011', '0111', '0112'],
		);
		assert.deepEqual(subtree(tree, 'nope'), []);

		// Search: exact code first, then codes under it; words in either language.
		assert.deepEqual(
			searchClassification(tree, '011').map((e) => e.code),
			['011', '0111', '0112'],
		);
		assert.deepEqual(
			searchClassification(tree, 'b').map((e) => e.code),
			['B', '05'],
			'the code first, then titles with a word starting with it',
		);
		assert.deepEqual(
			searchClassification(tree, 'growing rice').map((e) => e.code),
			['0112'],
		);
		assert.deepEqual(
			searchClassification(tree, 'pertan').map((e) => e.code),
			['A', '01'],
		);
		assert.deepEqual(searchClassification(tree, '   '), []);
	});

	it('a code as an item: national, titled "code title", named by its edition', () => {
		const it = classificationItem(entry('0112', 'Pertanian Padi', 'subgolongan'));
		assert.deepEqual(it.ref, {
			domain: '0000',
			kind: 'classification',
			id: 'kbli_2020_0112',
			title: '0112 Pertanian Padi',
		});
		assert.equal(it.subject, 'KBLI 2020');
	});
});

describe('the glossary by initial (the tree’s letters)', () => {
	const concept = (id: string, concept: string, conceptEn: string): GlossaryEntry => ({
		id,
		concept,
		conceptEn,
		definition: '',
		definitionEn: '',
		unit: '',
		unitEn: '',
		source: '',
		classification: '',
		url: '',
	});
	const entries = [
		concept('1', 'Inflasi', 'Inflation'),
		concept('2', 'angka harapan hidup', 'Life expectancy'),
		concept('3', 'Indeks Harga Konsumen', 'Consumer Price Index'),
		concept('4', '2 digit KBLI', ''),
		concept('5', 'Éducation', ''),
		concept('1', 'Inflasi', 'Inflation'),
		concept('6', '', ''),
	];

	it('files a name under its first letter, accents dropped; digits and symbols under "#"', () => {
		assert.deepEqual(['Inflasi', 'angka', 'Éducation', '2 digit', '(x)', ' ekspor'].map(glossaryInitial), [
			'I',
			'A',
			'E',
			'#',
			'#',
			'E',
		]);
	});

	it('letters in order, "#" last, names sorted inside; duplicates and nameless entries dropped', () => {
		const ind = glossaryByInitial(entries, 'ind');
		assert.deepEqual(
			ind.map((g) => [g.initial, g.entries.map((e) => e.id)]),
			[
				['A', ['2']],
				['E', ['5']],
				['I', ['3', '1']],
				['#', ['4']],
			],
		);
	});

	it('in English the English names decide (the Indonesian one when there is none)', () => {
		const eng = glossaryByInitial(entries, 'eng');
		assert.deepEqual(
			eng.map((g) => [g.initial, g.entries.map((e) => e.id)]),
			[
				['C', ['3']],
				['E', ['5']],
				['I', ['1']],
				['L', ['2']],
				['#', ['4']],
			],
		);
	});
});

describe('classification and glossary indexes (client against the emulator)', function () {
	this.timeout(30_000);
	let emu: Emulator;
	let events: RequestEvent[];
	let client: BpsClient;
	before(async () => {
		emu = await startEmulator();
	});
	after(async () => emu.close());
	beforeEach(() => {
		events = [];
		client = new BpsClient({
			baseUrl: emu.url,
			getKey: async () => EMULATOR_KEY,
			userAgent: 'tests',
			cache: new MemoryCache(),
			onRequest: (e) => events.push(e),
			retries: 0,
		});
	});
	const network = () => events.filter((e) => e.source === 'network');

	it('loads a whole classification once (every level, both languages), then searches and cuts subtrees locally', async () => {
		const index = new ClassificationIndex(client.families);
		const t = await index.load('kbli2020', 'ind');
		assert.equal(network().length, 10, 'five levels in two languages');
		assert.ok(network().every((e) => /perpage=500/.test(e.url)));
		assert.equal(t.entries[0].code, 'A');
		assert.equal(t.byCode.get('0112')?.title, 'Pertanian Padi');
		assert.equal(t.otherTitles.get('0112'), 'Growing of Rice');
		assert.deepEqual(
			subtree(t, '0112').map((e) => [e.code, e.level]),
			[
				['0112', 'subgolongan'],
				['01121', 'kelompok'],
				['01122', 'kelompok'],
			],
		);
		assert.equal(searchClassification(t, 'inbred rice')[0]?.code, '01122');
		await index.load('kbli2020', 'ind');
		assert.equal(network().length, 10, 'memoised');
		assert.equal(await index.ifLoaded('kbli2017', 'ind'), undefined);
	});

	it('a failed load is tried again; noData when the API lists no codes', async () => {
		const index = new ClassificationIndex(client.families);
		emu.setFaults([{ kind: 'noData', match: { model: 'kbki2015' } }]);
		await assert.rejects(
			index.load('kbki2015', 'ind'),
			(e: Error & { kind?: string }) => e.kind === 'noData',
		);
		emu.clearFaults();
		// The "no data" answers are cached like any other: a refresh asks again.
		const t = await index.load('kbki2015', 'ind', { bypassCache: true });
		assert.ok(t.byCode.has('0113101001'));
	});

	it('the glossary: loaded once, searched by concept before definition, in either language', async () => {
		const g = new GlossaryIndex(client.families);
		const list = await g.load();
		assert.ok(list.entries.length >= 10);
		assert.equal(network().length, 1);
		assert.deepEqual(
			searchGlossary(list.entries, 'penduduk')
				.map((e) => e.concept)
				.slice(0, 3),
			['Kepadatan Penduduk', 'Laju Pertumbuhan Penduduk', 'Penduduk'],
		);
		const byDefinition = searchGlossary(list.entries, 'dapur');
		assert.deepEqual(
			byDefinition.map((e) => e.concept),
			['Rumah Tangga'],
		);
		const en = searchGlossary(list.entries, 'poverty line')[0];
		assert.equal(glossaryConcept(en, 'eng'), 'Poverty Line');
		assert.equal(glossaryItem(en, 'eng').ref.title, 'Poverty Line');
		assert.equal(glossaryItem(en, 'ind').ref.title, 'Garis Kemiskinan');
		await g.load();
		assert.equal(network().length, 1, 'memoised');
	});

	it('reference search: concepts and codes together; a failing glossary leaves the codes and reports the error', async () => {
		const indexes = {
			classifications: new ClassificationIndex(client.families),
			glossary: new GlossaryIndex(client.families),
		};
		const r = await searchReference(indexes, 'padi', { lang: 'ind' });
		assert.equal(r.error, undefined);
		const ids = r.items.map((i) => i.ref.id);
		assert.ok(ids.includes('kbli_2020_0112') && ids.includes('kbki_2015_0113'), ids.join(', '));
		emu.setFaults([{ kind: 'status', status: 500, match: { model: 'glosarium' } }]);
		const fresh = {
			...indexes,
			glossary: new GlossaryIndex(
				new BpsClient({ baseUrl: emu.url, getKey: async () => EMULATOR_KEY, userAgent: 'tests', retries: 0 })
					.families,
			),
		};
		const r2 = await searchReference(fresh, 'padi', { lang: 'ind' });
		assert.ok(
			r2.items.some((i) => i.ref.id === 'kbli_2020_0112'),
			'the codes are still found',
		);
		assert.ok(r2.error, 'the glossary error is reported');
		const only = await searchReference(indexes, 'padi', { lang: 'ind', kinds: ['classification'] });
		assert.ok(only.items.every((i) => i.kind === 'classification'));
	});
});
