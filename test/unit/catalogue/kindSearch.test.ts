import assert from 'node:assert/strict';
import { MemoryCache } from '../../../src/api/cache';
import { BpsClient, type RequestEvent } from '../../../src/api/client';
import type { SimdasiTableRef } from '../../../src/api/families/types';
import { ClassificationIndex } from '../../../src/catalogue/classifications';
import {
	FamilyIndex,
	searchCensus,
	searchSimdasi,
	simdasiSearchItem,
} from '../../../src/catalogue/familyIndex';
import { GlossaryIndex } from '../../../src/catalogue/glossary';
import { type KindSources, searchOtherKinds } from '../../../src/catalogue/kindSearch';
import { defaultTradeYears, tradeSearchItems, tradeSearchTitle } from '../../../src/catalogue/tradeSearch';
import { mergeResults } from '../../../src/search/kindGroups';
import { EMULATOR_KEY, startEmulator, type Emulator } from '../../emulator/server';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('search of every kind (pure)', () => {
	it('trade: an HS chapter by code gives its exports and imports, the last two complete years', () => {
		const items = tradeSearchItems('09', 'eng', NOW);
		assert.deepEqual(
			items.map((i) => [i.ref.flow, i.ref.hs, i.ref.hsLevel, i.ref.monthly, i.ref.years]),
			[
				['export', ['09'], 2, false, ['2024', '2025']],
				['import', ['09'], 2, false, ['2024', '2025']],
			],
		);
		assert.equal(items[0].ref.title, 'Exports of HS 09 — Coffee, tea, mate and spices');
		assert.equal(items[0].ref.id, 'export/hs2/09/annual');
		assert.deepEqual(defaultTradeYears(NOW), [2024, 2025]);
	});

	it('trade: words of a chapter in either language, a flow word keeps one flow, 8-digit codes, "HS 09"', () => {
		const kopi = tradeSearchItems('ekspor kopi', 'ind', NOW);
		assert.deepEqual(
			kopi.map((i) => i.ref.title),
			['Ekspor HS 09 — Kopi, teh, mate dan rempah-rempah'],
		);
		assert.deepEqual(
			tradeSearchItems('coffee', 'ind', NOW).map((i) => i.ref.id),
			['export/hs2/09/annual', 'import/hs2/09/annual'],
		);
		const eight = tradeSearchItems('imports 09011110', 'eng', NOW);
		assert.deepEqual(
			eight.map((i) => [i.ref.flow, i.ref.hs, i.ref.hsLevel]),
			[['import', ['09011110'], 8]],
		);
		assert.equal(eight[0].ref.title, 'Imports of HS 09011110 — Coffee, tea, mate and spices');
		assert.equal(tradeSearchItems('HS 09', 'eng', NOW).length, 2);
		assert.equal(tradeSearchTitle('import', '99', 'eng'), 'Imports of HS 99', 'an unknown chapter: no words');
	});

	it('trade: nothing for years, short words, mixed codes and words, or words no chapter has', () => {
		for (const q of ['2020', 'penduduk 2020', 'ko', 'kopi 09', 'penduduk', 'ekspor', '123'])
			assert.deepEqual(tradeSearchItems(q, 'ind', NOW), [], q);
		// Many chapters match a broad word: bounded (four codes, two flows each).
		assert.ok(tradeSearchItems('products', 'eng', NOW).length <= 8);
	});

	it('SIMDASI: titles in either language before code and chapter; items titled in the data language', () => {
		const t = (id: string, title: string, titleEn: string, chapter: string): SimdasiTableRef => ({
			id,
			code: id,
			title,
			titleEn,
			years: [2023, 2024],
			chapter,
			chapterEn: `${chapter} (en)`,
			subjectId: null,
		});
		const tables = [
			t('3.1.1', 'Penduduk menurut Kecamatan', 'Population by District', 'Penduduk'),
			t('3.2.1', 'Tingkat Pengangguran Terbuka', 'Open Unemployment Rate', 'Penduduk'),
		];
		assert.deepEqual(
			searchSimdasi(tables, 'penduduk').map((x) => x.id),
			['3.1.1', '3.2.1'],
			'the title first, then the chapter',
		);
		assert.deepEqual(
			searchSimdasi(tables, 'unemployment').map((x) => x.id),
			['3.2.1'],
		);
		assert.deepEqual(searchSimdasi(tables, ''), []);
		const item = simdasiSearchItem(tables[1], '3500', 'eng');
		assert.deepEqual(
			[item.ref.kind, item.ref.domain, item.ref.id, item.ref.title, item.subject],
			['simdasi', '3500', '3.2.1', 'Open Unemployment Rate', 'Penduduk (en)'],
		);
	});

	it('merging the index and the server: each item once, the server copy wins', () => {
		const a = { ref: { kind: 'var' as const, domain: '0000', id: 1 }, from: 'local' };
		const b = { ref: { kind: 'var' as const, domain: '0000', id: 1 }, from: 'server' };
		const c = { ref: { kind: 'var' as const, domain: '0000', id: 2 }, from: 'server' };
		assert.deepEqual(
			mergeResults([a], [c, b]).map((x) => [x.ref.id, x.from]),
			[
				[1, 'server'],
				[2, 'server'],
			],
		);
	});
});

describe('search of every kind (emulator)', () => {
	let emu: Emulator;
	let client: BpsClient;
	let events: RequestEvent[];
	let src: KindSources;
	before(async () => (emu = await startEmulator()));
	after(async () => emu.close());
	beforeEach(() => {
		emu.clearFaults();
		events = [];
		client = new BpsClient({
			baseUrl: emu.url,
			getKey: async () => EMULATOR_KEY,
			userAgent: 'tests',
			cache: new MemoryCache(),
			onRequest: (e) => events.push(e),
			retries: 0,
		});
		src = {
			families: client.families,
			familyIndex: new FamilyIndex(client.families),
			classifications: new ClassificationIndex(client.families),
			glossary: new GlossaryIndex(client.families),
		};
	});
	const network = () => events.filter((e) => e.source === 'network');

	it('the census catalogue is read once (events, topics, datasets: bounded) and searched by words', async () => {
		const cat = await src.familyIndex.censusCatalogue();
		const calls = network().length;
		assert.ok(calls <= 1 + 3 + 60, `bounded: ${calls}`);
		assert.equal(cat.partial, false);
		const hits = searchCensus(cat.entries, 'ijazah');
		assert.equal(hits.length, 1);
		assert.equal(hits[0].event.id, 'sp2020');
		assert.match(hits[0].dataset.name, /Ijazah Tertinggi/);
		await src.familyIndex.censusCatalogue();
		assert.equal(network().length, calls, 'memoised');
	});

	it('a census topic that fails leaves the others searchable, and is read again at the next search', async () => {
		emu.setFaults([{ kind: 'status', status: 500, match: { id: '40', topik: '10' } }]);
		const cat = await src.familyIndex.censusCatalogue();
		assert.equal(cat.partial, true);
		assert.equal(searchCensus(cat.entries, 'ijazah').length, 0, 'the failed topic (education) is missing');
		assert.ok(searchCensus(cat.entries, 'kelompok umur').length > 0, 'the other topics are there');
		emu.clearFaults();
		const again = await src.familyIndex.censusCatalogue();
		assert.equal(again.partial, false);
		assert.equal(searchCensus(again.entries, 'ijazah').length, 1);
	});

	it('every other kind for one query, in order; each source once per language', async () => {
		const r = await searchOtherKinds(src, 'penduduk', { domain: '3500', lang: 'ind' });
		assert.equal(r.error, undefined);
		const kinds = [...new Set(r.items.map((i) => i.kind))];
		assert.deepEqual(
			kinds,
			['infographic', 'census', 'simdasi', 'glossary', 'classification'].filter((k) =>
				kinds.includes(k as never),
			),
		);
		for (const k of ['census', 'simdasi', 'glossary'])
			assert.ok(kinds.includes(k as never), `${k}: ${kinds.join(', ')}`);
		const news = await searchOtherKinds(src, 'sensus', { domain: '3500', lang: 'eng', kinds: ['news'] });
		assert.ok(news.items.length >= 2, 'news matching "sensus" in Indonesian titles');
		assert.ok(news.items.every((i) => i.kind === 'news' && i.ref.domain === '3500'));
		const kw = network().filter((e) => /model=news/.test(e.url) && /keyword=sensus/.test(e.url));
		assert.equal(kw.length, 2, 'one keyword request per language');
		const inf = await searchOtherKinds(src, 'inflation', {
			domain: '3500',
			lang: 'ind',
			kinds: ['infographic'],
		});
		assert.deepEqual(
			inf.items.map((i) => [i.kind, i.titleLang]),
			[['infographic', 'eng']],
			'found in English only: its title language says so',
		);
	});

	it('a failing source leaves the others and reports its error; the next search reads it again', async () => {
		emu.setFaults([{ kind: 'status', status: 500, match: { id: '23' } }]);
		const r = await searchOtherKinds(src, 'penduduk', {
			domain: '3500',
			lang: 'ind',
			kinds: ['census', 'simdasi'],
		});
		assert.ok(
			r.items.some((i) => i.kind === 'census'),
			'census still found',
		);
		assert.ok(!r.items.some((i) => i.kind === 'simdasi'));
		assert.ok(r.error, 'the SIMDASI error is reported');
		emu.clearFaults();
		const again = await searchOtherKinds(src, 'penduduk', {
			domain: '3500',
			lang: 'ind',
			kinds: ['simdasi'],
		});
		assert.equal(again.error, undefined);
		assert.ok(
			again.items.some((i) => i.kind === 'simdasi'),
			'a failed load is not kept',
		);
	});
});
