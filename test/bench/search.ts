/**
 * Search latency per keystroke: `SearchIndex.search` for every successive prefix of realistic
 * queries ("i", "in", "inf", … "inflasi bulanan"), over an index of ~6 000 catalogue titles built
 * from the emulator's vocabulary generator's style (Indonesian statistical titles × regions).
 */
import { SearchIndex, type SearchEntry } from '../../src/catalogue/searchIndex';
import type { BenchResult } from './decode';

const TOPICS = [
	'Inflasi Bulanan',
	'Indeks Harga Konsumen',
	'Jumlah Penduduk',
	'Laju Pertumbuhan Penduduk',
	'Persentase Penduduk Miskin',
	'Tingkat Pengangguran Terbuka',
	'Produk Domestik Regional Bruto',
	'Luas Panen Padi',
	'Produksi Padi',
	'Nilai Tukar Petani',
	'Indeks Pembangunan Manusia',
	'Rata-rata Lama Sekolah',
	'Angka Harapan Hidup',
	'Jumlah Wisatawan Mancanegara',
	'Tingkat Penghunian Kamar Hotel',
	'Ekspor Nonmigas',
	'Impor Migas',
	'Upah Minimum Provinsi',
	'Garis Kemiskinan',
	'Rasio Gini',
	'Jumlah Rumah Tangga',
	'Kepadatan Penduduk',
	'Angka Partisipasi Sekolah',
	'Jumlah Desa',
	'Curah Hujan',
	'Jumlah Kendaraan Bermotor',
	'Produksi Jagung',
	'Populasi Ternak Sapi',
	'Pengeluaran per Kapita',
	'Konsumsi Kalori',
];
const BREAKDOWNS = [
	'menurut Provinsi',
	'menurut Kabupaten/Kota',
	'menurut Jenis Kelamin',
	'menurut Kelompok Umur',
	'menurut Lapangan Usaha',
	'menurut Daerah Perkotaan dan Perdesaan',
	'menurut Kelompok Pengeluaran',
	'menurut Komoditas',
];
const REGIONS = [
	'Aceh',
	'Sumatera Utara',
	'Sumatera Barat',
	'Riau',
	'Jambi',
	'Sumatera Selatan',
	'Bengkulu',
	'Lampung',
	'Kepulauan Bangka Belitung',
	'Kepulauan Riau',
	'DKI Jakarta',
	'Jawa Barat',
	'Jawa Tengah',
	'DI Yogyakarta',
	'Jawa Timur',
	'Banten',
	'Bali',
	'Nusa Tenggara Barat',
	'Nusa Tenggara Timur',
	'Kalimantan Barat',
	'Kalimantan Tengah',
	'Kalimantan Selatan',
	'Kalimantan Timur',
	'Kalimantan Utara',
	'Sulawesi Utara',
	'Sulawesi Tengah',
	'Sulawesi Selatan',
	'Sulawesi Tenggara',
	'Gorontalo',
	'Sulawesi Barat',
	'Maluku',
	'Maluku Utara',
	'Papua Barat',
	'Papua',
];
const KINDS = ['var', 'statictable', 'publication', 'pressrelease'] as const;

/** ~6 500 distinct titles: topic × breakdown × region (+ year for publications). */
export function syntheticEntries(): SearchEntry[] {
	const out: SearchEntry[] = [];
	let id = 1;
	for (const region of REGIONS) {
		const domain = String(11 + REGIONS.indexOf(region)).padStart(2, '0') + '00';
		for (const topic of TOPICS) {
			for (const b of BREAKDOWNS.slice(0, 1 + ((id * 7) % BREAKDOWNS.length))) {
				const kind = KINDS[id % KINDS.length];
				const year = 2015 + (id % 10);
				const title =
					kind === 'publication'
						? `${topic} Provinsi ${region} ${year}`
						: `${topic} ${b} di ${region}, ${year}`;
				const n = id++;
				out.push({
					...(kind === 'publication' ? { kind, id: n.toString(16).padStart(24, '0') } : { kind, id: n }),
					domain,
					title,
					subject: topic.split(' ')[0],
					unit: kind === 'var' ? 'Persen' : undefined,
					lang: 'ind',
				});
			}
		}
	}
	return out;
}

const QUERIES = [
	'inflasi bulanan',
	'penduduk miskin jawa',
	'ipm',
	'produksi padi sulawesi',
	'tingkat pengangguran terbuka 2023',
	'ekspor',
];

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function quantile(xs: number[], q: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/**
 * Per-keystroke latency: the index is built once (as the catalogue service fills it), then every
 * prefix of every query is searched, 7 rounds; the first search after a build also pays the lazy
 * token sort, reported separately.
 */
export async function runSearchBench(): Promise<BenchResult[]> {
	const entries = syntheticEntries();
	const index = new SearchIndex();
	let t = performance.now();
	index.add(entries);
	const buildMs = performance.now() - t;
	t = performance.now();
	index.search('a');
	const firstMs = performance.now() - t;
	const times: number[] = [];
	let hits = 0;
	for (let round = 0; round < 7; round++) {
		for (const q of QUERIES) {
			for (let n = 1; n <= q.length; n++) {
				const t0 = performance.now();
				hits += index.search(q.slice(0, n)).length;
				times.push(performance.now() - t0);
			}
		}
		await new Promise((r) => setImmediate(r));
	}
	if (!hits) throw new Error('search bench: no hits at all — the synthetic index is broken');
	const r3 = (x: number) => Math.round(x * 1000) / 1000;
	return [
		{ name: `search index build (${index.size} titles)`, value: r3(buildMs), unit: 'ms' },
		{ name: 'search first query (lazy token sort)', value: r3(firstMs), unit: 'ms', target: '<= 50' },
		{
			name: `search per keystroke, median (${times.length / 7} prefixes)`,
			value: r3(median(times)),
			unit: 'ms',
			target: '<= 50',
		},
		{ name: 'search per keystroke, p95', value: r3(quantile(times, 0.95)), unit: 'ms', target: '<= 50' },
	];
}
