import assert from 'node:assert/strict';
import { SearchIndex, tokenize, type SearchEntry } from '../../../src/catalogue/searchIndex';

const base: SearchEntry[] = [
	{
		kind: 'var',
		id: 1804,
		domain: '0000',
		title: 'Jumlah Korban Meninggal, Hilang, dan Terluka Akibat Bencana Alam',
		subject: 'Lingkungan Hidup',
		unit: 'Orang',
	},
	{
		kind: 'var',
		id: 2263,
		domain: '0000',
		title: 'Inflasi Bulanan (M-to-M) Menurut Provinsi',
		subject: 'Inflasi',
		unit: 'Persen',
	},
	{
		kind: 'statictable',
		id: 2215,
		domain: '0000',
		title: 'Penduduk Menurut Provinsi',
		subject: 'Kependudukan',
	},
	{
		kind: 'publication',
		id: 'a78f4d4f1c3548600cffcd29',
		domain: '7315',
		title: 'Kabupaten Pinrang Dalam Angka 2023',
	},
	{ kind: 'var', id: 218, domain: '8100', title: 'Inflasi Maluku', subject: 'Harga Konsumen' },
	{ kind: 'pressrelease', id: 55, domain: '0000', title: 'Indeks Harga Konsumen Desember — Énergie' },
];

describe('SearchIndex', () => {
	it('tokenizes without case, accents or punctuation', () => {
		assert.deepEqual(tokenize('Énergie  (M-to-M), 2023!'), ['energie', 'm', 'to', 'm', '2023']);
	});

	it('finds titles by word prefixes, all words required', () => {
		const idx = new SearchIndex();
		idx.add(base);
		assert.deepEqual(
			idx
				.search('infl')
				.map((h) => h.entry.id)
				.sort(),
			[218, 2263],
		);
		assert.deepEqual(
			idx.search('inflasi provinsi').map((h) => h.entry.id),
			[2263],
		);
		assert.deepEqual(idx.search('inflasi jakarta'), []);
		assert.deepEqual(idx.search('   '), []);
	});

	it('is case- and accent-insensitive', () => {
		const idx = new SearchIndex();
		idx.add(base);
		assert.equal(idx.search('ENERGIE')[0]?.entry.id, 55);
		assert.equal(idx.search('énérgie')[0]?.entry.id, 55);
	});

	it('searches subject and unit too, ranking title hits higher', () => {
		const idx = new SearchIndex();
		idx.add(base);
		assert.deepEqual(
			idx.search('orang').map((h) => h.entry.id),
			[1804],
		);
		// "konsumen" is in the press release title but only in the subject of var 218.
		assert.deepEqual(
			idx.search('konsumen').map((h) => h.entry.id),
			[55, 218],
		);
	});

	it('filters by domain, kind and limit', () => {
		const idx = new SearchIndex();
		idx.add(base);
		assert.deepEqual(
			idx.search('inflasi', { domain: '8100' }).map((h) => h.entry.id),
			[218],
		);
		assert.deepEqual(
			idx.search('provinsi', { kinds: ['statictable'] }).map((h) => h.entry.id),
			[2215],
		);
		assert.equal(idx.search('i', { limit: 2 }).length, 2);
	});

	it('replaces an entry re-added with the same domain/kind/id and forgets its old words', () => {
		const idx = new SearchIndex();
		idx.add(base);
		idx.add([{ kind: 'var', id: 218, domain: '8100', title: 'Inflation Maluku' }]);
		assert.equal(idx.size, base.length);
		assert.deepEqual(idx.search('inflasi', { domain: '8100' }), []);
		assert.equal(idx.search('inflation')[0]?.entry.id, 218);
		// Same id in another domain is another entry.
		idx.add([{ kind: 'var', id: 218, domain: '0000', title: 'Inflation Maluku' }]);
		assert.equal(idx.search('inflation').length, 2);
	});

	it('ranks a title starting with the query first', () => {
		const idx = new SearchIndex();
		idx.add([
			{ kind: 'var', id: 1, domain: '0000', title: 'Rata-rata Penduduk Miskin' },
			{ kind: 'var', id: 2, domain: '0000', title: 'Penduduk Miskin Menurut Provinsi' },
		]);
		assert.equal(idx.search('penduduk miskin')[0].entry.id, 2);
	});

	it('indexes and searches 20 000 titles', () => {
		const idx = new SearchIndex();
		const words = [
			'penduduk',
			'inflasi',
			'ekspor',
			'impor',
			'harga',
			'produksi',
			'padi',
			'jagung',
			'upah',
			'kemiskinan',
			'pendidikan',
			'kesehatan',
		];
		const items: SearchEntry[] = [];
		for (let i = 0; i < 20_000; i++) {
			const t = `${words[i % 12]} ${words[(i * 7) % 12]} menurut kabupaten ${words[(i * 5) % 11]} tahun ${2000 + (i % 25)} seri ${i}`;
			items.push({
				kind: i % 2 ? 'var' : 'statictable',
				id: i,
				domain: String(1100 + (i % 30) * 100).padStart(4, '0'),
				title: t,
			});
		}
		idx.add(items);
		assert.equal(idx.size, 20_000);
		idx.search('x'); // build the sorted token list once
		// Speed is measured by `npm run bench` (test/bench/search.ts), not asserted here.
		assert.ok(idx.search('inflasi ekspor 2012', { limit: 20 }).length > 0);
		assert.ok(idx.search('seri 1234', { limit: 5 }).some((h) => h.entry.id === 1234));
	});
});

describe('SearchIndex: both languages', () => {
	const bi: SearchEntry[] = [
		{ kind: 'statictable', id: 7, domain: '0000', title: 'Penduduk Menurut Provinsi', lang: 'ind' },
		{ kind: 'statictable', id: 7, domain: '0000', title: 'Population by Province', lang: 'eng' },
		{ kind: 'var', id: 2262, domain: '0000', title: 'Inflasi Bulanan (M-to-M)', lang: 'ind' },
		{ kind: 'var', id: 9, domain: '0000', title: 'Penduduk Miskin', lang: 'ind' },
		{ kind: 'var', id: 9, domain: '0000', title: 'Poor Population', lang: 'eng' },
	];
	const idx = new SearchIndex();
	idx.add(bi);

	it('finds Indonesian words with English data, shown in English when known', () => {
		const hits = idx.searchBilingual('penduduk', { lang: 'eng' });
		assert.deepEqual(
			hits.map((h) => [h.entry.id, h.entry.title, h.otherLang]),
			[
				[9, 'Poor Population', false],
				[7, 'Population by Province', false],
			],
		);
	});

	it('finds English words with Indonesian data, shown in Indonesian', () => {
		const hits = idx.searchBilingual('population', { lang: 'ind' });
		assert.deepEqual(hits.map((h) => h.entry.title).sort(), ['Penduduk Menurut Provinsi', 'Penduduk Miskin']);
		assert.ok(hits.every((h) => h.entry.lang === 'ind' && !h.otherLang));
	});

	it('returns each item once, even when both titles match', () => {
		const both = new SearchIndex();
		both.add([
			{ kind: 'var', id: 1, domain: '0000', title: 'PDRB Jawa Timur', lang: 'ind' },
			{ kind: 'var', id: 1, domain: '0000', title: 'GRDP Jawa Timur', lang: 'eng' },
			{ kind: 'statictable', id: 1, domain: '0000', title: 'Jawa Timur Dalam Angka', lang: 'ind' },
		]);
		const hits = both.searchBilingual('jawa timur', { lang: 'eng' });
		assert.deepEqual(
			hits.map((h) => `${h.entry.kind}/${h.entry.id}/${h.entry.lang}`),
			// The title that starts with the words ranks first, as in one language.
			['statictable/1/ind', 'var/1/eng'],
		);
		assert.deepEqual(
			hits.map((h) => h.otherLang),
			[true, false],
		);
	});

	it('marks an item whose title in the data language is not known, and honours limit', () => {
		const [h] = idx.searchBilingual('inflasi', { lang: 'eng' });
		assert.equal(h.entry.title, 'Inflasi Bulanan (M-to-M)');
		assert.equal(h.otherLang, true);
		assert.equal(idx.searchBilingual('p', { lang: 'ind', limit: 1 }).length, 1);
		assert.equal(idx.entry({ domain: '0000', kind: 'var', id: 9 }, 'eng')?.title, 'Poor Population');
		assert.equal(idx.entry({ domain: '0000', kind: 'var', id: 2262 }, 'eng'), undefined);
	});
});
