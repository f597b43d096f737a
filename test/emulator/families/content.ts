/**
 * Glossary (`model=glosarium`), infographics (`model=infographic`) and news (`model=news`,
 * `model=newscategory`), bps-api.md §3.3.
 *
 * Known: infographic and news list/view fields (captures); the glossary as Elasticsearch hits with
 * `_source` {konten, jenis, id, konsep(_en), definisi(_en), satuan(_en), ukuran(_en),
 * klasifikasi(_en), sumberData(_en), …} and `sort` (docs); newscategory's odd `data[0] = {total}`
 * meta (a 2023 capture); the news list's truncated HTML ending "....." and the view's `news_type`.
 *
 * GUESSES: the glossary shape itself (one SDK parses `glos_id,title,description,url` instead — the
 * conflict is unresolved, so the client parses both); `prefix` as first-letter filter; that
 * `lang=eng` changes nothing in the glossary hit (both languages are always in `_source`); every
 * title, text and number. Images point at BPS hosts (as live), so they do not load offline.
 */
import { findDomain, type Lang } from '../data';
import { unit } from '../prng';
import { type ApiResponse, json, listNotAvailable, notAvailable, paged } from '../handlers';
import { esHit, esPaged, matchesWords } from './envelope';

type Concept = readonly [
	konsep: string,
	konsepEn: string,
	definisi: string,
	definisiEn: string,
	satuan: string,
	satuanEn: string,
	sumber: string,
];

const GLOSSARY: readonly Concept[] = [
	[
		'Angka Harapan Hidup',
		'Life Expectancy',
		'Rata-rata perkiraan banyak tahun yang dapat ditempuh oleh seseorang sejak lahir.',
		'The average number of years a person is expected to live from birth.',
		'Tahun',
		'Years',
		'Sensus Penduduk, SUPAS',
	],
	[
		'Angkatan Kerja',
		'Labour Force',
		'Penduduk usia kerja (15 tahun ke atas) yang bekerja, atau punya pekerjaan namun sementara tidak bekerja, dan pengangguran.',
		'Working-age people (15 and over) who are employed, temporarily absent from work, or unemployed.',
		'Orang',
		'Persons',
		'Survei Angkatan Kerja Nasional',
	],
	[
		'Garis Kemiskinan',
		'Poverty Line',
		'Nilai pengeluaran minimum makanan dan bukan makanan yang dibutuhkan seseorang untuk hidup layak.',
		'The minimum food and non-food expenditure a person needs to live decently.',
		'Rupiah/kapita/bulan',
		'Rupiah/capita/month',
		'Survei Sosial Ekonomi Nasional',
	],
	[
		'Indeks Harga Konsumen',
		'Consumer Price Index',
		'Indeks yang mengukur rata-rata perubahan harga barang dan jasa yang dikonsumsi rumah tangga.',
		'An index measuring the average change in prices of goods and services consumed by households.',
		'Indeks',
		'Index',
		'Survei Harga Konsumen',
	],
	[
		'Indeks Pembangunan Manusia',
		'Human Development Index',
		'Ukuran capaian pembangunan manusia dari umur panjang dan hidup sehat, pengetahuan, dan standar hidup layak.',
		'A measure of human development from a long and healthy life, knowledge and a decent standard of living.',
		'Indeks',
		'Index',
		'Susenas, SP, SUPAS',
	],
	[
		'Inflasi',
		'Inflation',
		'Kenaikan harga barang dan jasa secara umum dan terus menerus dalam jangka waktu tertentu.',
		'A general and continuous rise in the prices of goods and services over a period.',
		'Persen',
		'Percent',
		'Survei Harga Konsumen',
	],
	[
		'Kepadatan Penduduk',
		'Population Density',
		'Banyaknya penduduk per kilometer persegi.',
		'The number of people per square kilometre.',
		'Jiwa/km²',
		'People/km²',
		'Proyeksi Penduduk',
	],
	[
		'Laju Pertumbuhan Penduduk',
		'Population Growth Rate',
		'Angka yang menunjukkan persentase pertambahan penduduk dalam jangka waktu tertentu.',
		'The percentage increase of the population over a period.',
		'Persen',
		'Percent',
		'Sensus Penduduk',
	],
	[
		'Penduduk',
		'Population',
		'Semua orang yang berdomisili di wilayah Indonesia selama 1 tahun atau lebih, atau kurang dari 1 tahun tetapi bertujuan menetap.',
		'All people who have lived in Indonesia for a year or more, or for less than a year intending to stay.',
		'Jiwa',
		'Persons',
		'Sensus Penduduk',
	],
	[
		'Produk Domestik Bruto',
		'Gross Domestic Product',
		'Jumlah nilai tambah yang dihasilkan oleh seluruh unit usaha dalam suatu negara.',
		'The total value added produced by all production units in a country.',
		'Miliar Rupiah',
		'Billion Rupiah',
		'Neraca Nasional',
	],
	[
		'Rasio Gini',
		'Gini Ratio',
		'Ukuran ketimpangan pengeluaran penduduk, bernilai 0 (merata sempurna) sampai 1 (timpang sempurna).',
		'A measure of inequality of expenditure, from 0 (perfect equality) to 1 (perfect inequality).',
		'Rasio',
		'Ratio',
		'Survei Sosial Ekonomi Nasional',
	],
	[
		'Rumah Tangga',
		'Household',
		'Seseorang atau sekelompok orang yang mendiami sebagian atau seluruh bangunan dan biasanya makan dari satu dapur.',
		'A person or group of people who occupy part or all of a building and usually eat from one kitchen.',
		'Rumah Tangga',
		'Households',
		'Sensus Penduduk',
	],
	[
		'Tingkat Pengangguran Terbuka',
		'Open Unemployment Rate',
		'Persentase jumlah pengangguran terhadap jumlah angkatan kerja.',
		'The percentage of unemployed people in the labour force.',
		'Persen',
		'Percent',
		'Survei Angkatan Kerja Nasional',
	],
	[
		'Upah Minimum',
		'Minimum Wage',
		'Upah bulanan terendah yang ditetapkan pemerintah.',
		'The lowest monthly wage set by the government.',
		'Rupiah',
		'Rupiah',
		'Kementerian Ketenagakerjaan',
	],
];

function glossaryHit(c: Concept, i: number): Record<string, unknown> & { _source: Record<string, unknown> } {
	const id = String(4400 + i);
	return {
		...(esHit('glosarium', `glosarium_${id}_web`, {
			konten: 'glosarium',
			jenis: 'glosarium',
			id,
			idSds: null,
			noIndikator: null,
			judulIndikator: c[0],
			judulIndikator_en: c[1],
			konsep: c[0],
			konsep_en: c[1],
			definisi: c[2],
			definisi_en: c[3],
			namaKlasifikasi: null,
			namaKlasifikasi_en: null,
			klasifikasi: null,
			klasifikasi_en: null,
			ukuran: c[4],
			ukuran_en: c[5],
			satuan: c[4],
			satuan_en: c[5],
			flagSds: 'f',
			sumberKonten: 'Badan Pusat Statistik',
			sumberKonten_en: 'Statistics Indonesia',
			sumberData: c[6],
			sumberData_en: c[6],
			endpoint: `https://www.bps.go.id/id/glossary?id=${id}`,
			flag: 't',
		}) as { _source: Record<string, unknown> }),
		sort: [c[0].toLowerCase()],
	};
}

export function handleGlossary(action: 'list' | 'view', p: Record<string, string>): ApiResponse {
	const hits = GLOSSARY.map(glossaryHit);
	if (action === 'view') {
		const h = hits.find((x) => (x._source as { id: string }).id === p.id);
		return h ? esPaged([h], '1', '1') : listNotAvailable();
	}
	let out = hits;
	if (p.prefix)
		out = out.filter((h) =>
			String((h._source as { konsep: string }).konsep)
				.toLowerCase()
				.startsWith(p.prefix.toLowerCase()),
		);
	if (p.keyword) {
		out = out.filter((h) => {
			const s = h._source as Record<string, unknown>;
			return matchesWords(
				`${String(s.konsep)} ${String(s.konsep_en)} ${String(s.definisi)} ${String(s.definisi_en)}`,
				p.keyword,
			);
		});
	}
	return esPaged(out, p.page, p.perpage);
}

function site(domain: string): string {
	return findDomain(domain)?.domain_url?.replace(/\/$/, '') ?? 'https://www.bps.go.id';
}

const INFOGRAPHICS: ReadonlyArray<readonly [string, string, number]> = [
	['Inflasi Bulanan', 'Monthly Inflation', 2],
	['Ekspor dan Impor', 'Exports and Imports', 2],
	['Profil Kemiskinan', 'Poverty Profile', 1],
	['Keadaan Ketenagakerjaan', 'Labour Force Situation', 1],
	['Pertumbuhan Ekonomi', 'Economic Growth', 2],
	['Luas Panen dan Produksi Padi', 'Harvested Area and Rice Production', 3],
	['Indeks Pembangunan Manusia', 'Human Development Index', 1],
	['Nilai Tukar Petani', 'Farmer Terms of Trade', 3],
	['Pariwisata', 'Tourism', 2],
	['Hasil Sensus Pertanian 2023', 'Agricultural Census 2023 Results', 3],
	['Hasil Long Form SP2020', 'Long Form Population Census 2020 Results', 0],
	['Statistik Gender', 'Gender Statistics', 1],
];

export function infographics(domain: string, lang: Lang): Record<string, unknown>[] {
	const base = site(domain);
	return INFOGRAPHICS.map(([ind, eng, category], i) => {
		const id = 1000 + i * 7 + (Number(domain) % 5);
		const month = 12 - (i % 12);
		return {
			inf_id: id,
			title: `${lang === 'eng' ? eng : ind} ${2024 - Math.floor(i / 6)}`,
			img: `https://web-api.bps.go.id/cover.php?f=infografis%2F${domain}%2F${id}.jpg`,
			desc:
				lang === 'eng'
					? `${eng}: the main figures at a glance.`
					: `${ind}: angka-angka utama dalam satu pandangan.`,
			category,
			dl: `${base}/galery/download.html?asdf=${Buffer.from(String(id)).toString('base64')}&qwer=ldjfdifsdjkfahi&zxcv=${Buffer.from(`2024-${String(month).padStart(2, '0')}-01`).toString('base64')}`,
		};
	});
}

export function handleInfographic(p: Record<string, string>, lang: Lang): ApiResponse {
	if (!p.domain || !findDomain(p.domain)) return listNotAvailable();
	const items = infographics(p.domain, lang).filter((it) => matchesWords(String(it.title), p.keyword));
	return paged(items, p.page);
}

const NEWS_CATS: ReadonlyArray<readonly [id: string, ind: string, eng: string]> = [
	['Sensus dan Survey', 'KEGIATAN SENSUS DAN SURVEI', 'CENSUS AND SURVEY ACTIVITIES'],
	['Statistik Lain', 'KEGIATAN STATISTIK LAINNYA', 'OTHER STATISTICAL ACTIVITIES'],
];
const NEWS: ReadonlyArray<readonly [ind: string, eng: string, cat: number]> = [
	['Petugas Sensus Mulai Mendata Rumah Tangga', 'Census Officers Begin Enumerating Households', 0],
	['Rilis Berita Resmi Statistik Inflasi', 'Official Statistics News on Inflation Released', 1],
	['Pelatihan Petugas Survei Angkatan Kerja', 'Training for Labour Force Survey Officers', 0],
	['Diseminasi Hasil Sensus Pertanian 2023', 'Dissemination of the 2023 Agricultural Census Results', 0],
	['Hari Statistik Nasional', 'National Statistics Day', 1],
	['Kerja Sama Data dengan Pemerintah Daerah', 'Data Cooperation with the Regional Government', 1],
	['Pencanangan Desa Cinta Statistik', 'Launch of the Statistics-Loving Village Programme', 1],
	['Uji Coba Survei Sosial Ekonomi Nasional', 'Trial of the National Socio-Economic Survey', 0],
	['Evaluasi Pembinaan Statistik Sektoral', 'Evaluation of Sectoral Statistics Development', 1],
	['Pendataan Usaha Mikro dan Kecil', 'Enumeration of Micro and Small Enterprises', 0],
	['Sosialisasi Satu Data Indonesia', 'Socialisation of One Data Indonesia', 1],
	['Rapat Koordinasi Teknis Sensus', 'Census Technical Coordination Meeting', 0],
];

function newsItem(domain: string, lang: Lang, i: number, full: boolean): Record<string, unknown> {
	const [ind, eng, cat] = NEWS[i];
	const c = NEWS_CATS[cat];
	const day = 1 + Math.floor(unit(`news|${domain}|${i}`) * 27);
	const month = 12 - (i % 12);
	const body =
		lang === 'eng'
			? `<p>${eng}. BPS staff met regional partners to discuss the schedule, the questionnaires and the publication of results.</p><p>The activity is part of the annual statistical programme.</p>`
			: `<p>${ind}. Pegawai BPS bertemu mitra daerah untuk membahas jadwal, kuesioner, dan publikasi hasil.</p><p>Kegiatan ini bagian dari program statistik tahunan.</p>`;
	const item: Record<string, unknown> = { news_id: 300 + i * 3 + (Number(domain) % 3) };
	if (full) item.news_type = c[0];
	else item.newscat_id = c[0];
	Object.assign(item, {
		newscat_name: full
			? (lang === 'eng' ? c[2] : c[1]).replace(
					/\b(\w)(\w*)/g,
					(_m, a: string, b: string) => a + b.toLowerCase(),
				)
			: lang === 'eng'
				? c[2]
				: c[1],
		title: lang === 'eng' ? eng : ind,
		news: full ? body.replace(/</g, '&lt;').replace(/>/g, '&gt;') : `${body.slice(0, 120)}.....`,
		rl_date: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
		picture: `https://web-api.bps.go.id/cover.php?f=news%2F${domain}%2F${i}.jpg`,
	});
	return item;
}

export function handleNews(
	action: 'list' | 'view',
	model: 'news' | 'newscategory',
	p: Record<string, string>,
	lang: Lang,
): ApiResponse {
	if (!p.domain || !findDomain(p.domain)) return action === 'view' ? notAvailable() : listNotAvailable();
	if (model === 'newscategory')
		return json({
			status: 'OK',
			'data-availability': 'available',
			data: [
				{ total: NEWS_CATS.length },
				NEWS_CATS.map(([id, ind, eng]) => ({ newscat_id: id, newscat_name: lang === 'eng' ? eng : ind })),
			],
		});
	const all = NEWS.map((_, i) => newsItem(p.domain, lang, i, false));
	if (action === 'view') {
		const i = all.findIndex((n) => String(n.news_id) === p.id);
		if (i < 0) return notAvailable();
		return json({ status: 'OK', 'data-availability': 'available', data: newsItem(p.domain, lang, i, true) });
	}
	let items = all;
	if (p.newscat) items = items.filter((n) => String(n.newscat_id) === p.newscat.replace(/\+/g, ' '));
	if (p.keyword) items = items.filter((n) => matchesWords(String(n.title), p.keyword));
	if (p.year) items = items.filter((n) => String(n.rl_date).startsWith(p.year));
	if (p.month) items = items.filter((n) => String(n.rl_date).slice(5, 7) === p.month.padStart(2, '0'));
	return paged(items, p.page);
}
