/**
 * Census, `/v1/api/interoperabilitas/datasource/sensus/id/{37..41}/` (bps-api.md §3.8).
 *
 * Known (docs + a 2025 capture): the ids and their parameters (`kegiatan`, `topik`,
 * `wilayah_sensus`, `dataset`), the one-page meta on every list, the id-41 object
 * `{timestamp, status, data_count, data: [rows]}` inside the list envelope, the row fields with
 * up to five categories and the double underscore in `nama_item__kategori_N`, and `nilai` as a
 * number (2025 capture) or a numeric string (docs).
 *
 * GUESSES: the event/topic/dataset catalogue below; that `wilayah_sensus` takes an area's `id` (its
 * `slug` is accepted too) and rows carry the slug as `id_wilayah`; `nilai: null` for a suppressed
 * cell; list-not-available for unknown ids.
 */
import { allDomains } from '../data';
import { unit } from '../prng';
import { AGE_GROUPS } from '../vocab';
import { type ApiResponse, json, listNotAvailable } from '../handlers';
import { censusList, ONE_PAGE } from './envelope';

interface Category {
	id: string;
	name: string;
	items: Array<[id: string, code: string, name: string]>;
}
interface Dataset {
	id: number;
	event: string;
	topic: number;
	name: string;
	desc: string;
	indicator: [id: string, name: string];
	period: string;
	categories: Category[];
	/** Values as numeric strings (the documented form) instead of numbers. */
	stringValues?: boolean;
	/** Share of cells with no value (suppressed). */
	missing?: number;
}

export const CENSUS_EVENTS = [
	{
		id: 'sp2020',
		kegiatan: 'Sensus Penduduk 2020',
		event: 'Population Census 2020',
		tahun_kegiatan: 2020,
		alias: ['SP2020', 'PC2020'],
	},
	{
		id: 'se2016',
		kegiatan: 'Sensus Ekonomi 2016',
		event: 'Economic Census 2016',
		tahun_kegiatan: 2016,
		alias: ['SE2016', 'EC2016'],
	},
	{
		id: 'st2023',
		kegiatan: 'Sensus Pertanian 2023',
		event: 'Agricultural Census 2023',
		tahun_kegiatan: 2023,
		alias: ['ST2023', 'AC2023'],
	},
] as const;

export const CENSUS_TOPICS: ReadonlyArray<{ id: number; event: string; topik: string; topic: string }> = [
	{ id: 9, event: 'sp2020', topik: 'Kependudukan', topic: 'Population' },
	{ id: 10, event: 'sp2020', topik: 'Pendidikan', topic: 'Education' },
	{ id: 31, event: 'se2016', topik: 'Usaha/Perusahaan', topic: 'Establishments' },
	{ id: 21, event: 'st2023', topik: 'Rumah Tangga Usaha Pertanian', topic: 'Agricultural Households' },
];

const cat = (id: string, name: string, labels: string[], codes?: string[]): Category => ({
	id,
	name: `${name} `, // live names carry a trailing space
	items: labels.map((l, i) => [String(Number(id) * 10 + i), codes?.[i] ?? String(i + 1), l]),
});
const SEX = cat('1026', 'Klasifikasi Jenis Kelamin', ['Laki-laki', 'Perempuan'], ['L', 'P']);
const AREA = cat('1027', 'Klasifikasi Perkotaan dan Perdesaan', ['Perkotaan', 'Perdesaan']);
const AGE = cat('1022', 'Klasifikasi Kelompok Umur', AGE_GROUPS.slice());
const AGE5 = cat(
	'1022',
	'Klasifikasi Kelompok Umur',
	AGE_GROUPS.slice(1),
	AGE_GROUPS.slice(1).map((_, i) => String(i + 2)),
);
const LANGUAGE = cat('1036', 'Klasifikasi Kemampuan Berbahasa Indonesia', [
	'Dapat Berbahasa Indonesia',
	'Tidak Dapat Berbahasa Indonesia',
]);
const DIPLOMA = cat('1041', 'Klasifikasi Ijazah Tertinggi', [
	'Tidak/Belum Punya Ijazah',
	'SD/Sederajat',
	'SMP/Sederajat',
	'SMA/Sederajat',
	'Diploma',
	'Sarjana ke Atas',
]);
const KBLI = cat(
	'1051',
	'Klasifikasi Kategori Lapangan Usaha',
	[
		'Pertambangan dan Penggalian',
		'Industri Pengolahan',
		'Konstruksi',
		'Perdagangan Besar dan Eceran',
		'Transportasi dan Pergudangan',
		'Penyediaan Akomodasi dan Makan Minum',
		'Informasi dan Komunikasi',
		'Jasa Keuangan dan Asuransi',
	],
	['B', 'C', 'F', 'G', 'H', 'I', 'J', 'K'],
);
const SUBSECTOR = cat('1061', 'Klasifikasi Subsektor', [
	'Tanaman Pangan',
	'Hortikultura',
	'Perkebunan',
	'Peternakan',
	'Perikanan',
	'Kehutanan',
	'Jasa Pertanian',
]);

export const CENSUS_DATASETS: readonly Dataset[] = [
	{
		id: 1001,
		event: 'sp2020',
		topic: 9,
		name: 'Jumlah Penduduk menurut Kelompok Umur dan Jenis Kelamin',
		desc: 'Hasil Sensus Penduduk 2020 (September 2020).',
		indicator: ['7204601', 'Jumlah Penduduk'],
		period: '2020',
		categories: [AGE, SEX],
	},
	{
		id: 1002,
		event: 'sp2020',
		topic: 9,
		name: 'Jumlah Penduduk Berumur 5 Tahun ke Atas menurut Kelompok Umur, Perkotaan/Perdesaan, Jenis Kelamin dan Kemampuan Berbahasa Indonesia',
		desc: 'Hasil Long Form Sensus Penduduk 2020.',
		indicator: ['7204701', 'Jumlah Penduduk Berumur 5 Tahun ke Atas'],
		period: '2022',
		categories: [AGE5, AREA, SEX, LANGUAGE],
	},
	{
		id: 1003,
		event: 'sp2020',
		topic: 10,
		name: 'Penduduk Berumur 5 Tahun ke Atas menurut Ijazah Tertinggi dan Jenis Kelamin',
		desc: 'Hasil Long Form Sensus Penduduk 2020.',
		indicator: ['7204801', 'Jumlah Penduduk Berumur 5 Tahun ke Atas'],
		period: '2022',
		categories: [DIPLOMA, SEX],
		missing: 0.03,
	},
	{
		id: 3001,
		event: 'se2016',
		topic: 31,
		name: 'Jumlah Usaha/Perusahaan Non Pertanian menurut Kategori Lapangan Usaha',
		desc: 'Hasil Pendaftaran Sensus Ekonomi 2016.',
		indicator: ['7301001', 'Jumlah Usaha/Perusahaan'],
		period: '2016',
		categories: [KBLI],
		missing: 0.05,
	},
	{
		id: 2001,
		event: 'st2023',
		topic: 21,
		name: 'Jumlah Rumah Tangga Usaha Pertanian menurut Subsektor',
		desc: 'Hasil Pencacahan Lengkap Sensus Pertanian 2023 Tahap I.',
		indicator: ['7401001', 'Jumlah Rumah Tangga Usaha Pertanian'],
		period: '2023',
		categories: [SUBSECTOR],
		stringValues: true,
	},
];

export interface CensusArea {
	id: number;
	kode_mfd: string;
	nama: string;
	slug: string;
	/** Our 4-digit domain. */
	domain: string;
}

let areas: CensusArea[] | undefined;
/** Indonesia, the provinces and the regencies/cities, with MFD codes "0", "35", "3578". */
export function censusAreas(): CensusArea[] {
	areas ??= allDomains().map((d, i) => {
		const id = d.domain_id;
		const kode = id === '0000' ? '0' : id.endsWith('00') ? id.slice(0, 2) : id;
		return {
			id: 91622 + i,
			kode_mfd: kode,
			nama: d.domain_name.toUpperCase(),
			slug: String(1667 + i),
			domain: id,
		};
	});
	return areas;
}

function areaWeight(a: CensusArea): number {
	if (a.kode_mfd === '0') return 1;
	if (a.kode_mfd.length === 2) return 0.005 + 0.06 * unit(`census|${a.kode_mfd}`);
	return 0.0002 + 0.004 * unit(`census|${a.kode_mfd}`);
}

function* combos(cats: Category[]): Generator<Category['items']> {
	const idx = cats.map(() => 0);
	if (cats.some((c) => c.items.length === 0)) return;
	for (;;) {
		yield cats.map((c, i) => c.items[idx[i]]);
		let k = cats.length - 1;
		while (k >= 0 && ++idx[k] === cats[k].items.length) idx[k--] = 0;
		if (k < 0) return;
	}
}

export function censusRows(ds: Dataset, area: CensusArea): Record<string, unknown>[] {
	const total = ds.event === 'sp2020' ? 270_203_917 : ds.event === 'se2016' ? 26_711_296 : 29_342_202;
	const cells = ds.categories.reduce((n, c) => n * c.items.length, 1);
	const rows: Record<string, unknown>[] = [];
	for (const items of combos(ds.categories)) {
		const key = `${ds.id}|${area.kode_mfd}|${items.map((i) => i[0]).join('|')}`;
		const v = Math.round(((total * areaWeight(area)) / cells) * (0.4 + 1.2 * unit(key)));
		const missing = ds.missing !== undefined && unit(`${key}|na`) < ds.missing;
		const row: Record<string, unknown> = {
			id_wilayah: area.slug,
			kode_wilayah: area.kode_mfd,
			nama_wilayah: area.nama,
			level_wilayah: null,
			id_indikator: ds.indicator[0],
			nama_indikator: ds.indicator[1],
		};
		for (let n = 1; n <= 5; n++) {
			const c = ds.categories[n - 1];
			const it = items[n - 1];
			row[`id_kategori_${n}`] = c?.id ?? '';
			row[`nama_kategori_${n}`] = c?.name ?? '';
			row[`id_item_kategori_${n}`] = it?.[0] ?? '';
			row[`kode_item_kategori_${n}`] = it?.[1] ?? '';
			row[`nama_item__kategori_${n}`] = it?.[2] ?? '';
		}
		row.period = ds.period;
		row.nilai = missing ? null : ds.stringValues ? `${v}.0` : v;
		rows.push(row);
	}
	return rows;
}

function eventOf(id: string | undefined) {
	return CENSUS_EVENTS.find((e) => e.id === id);
}

export function handleCensus(p: Record<string, string>, now = new Date()): ApiResponse {
	switch (p.id) {
		case '37':
			return censusList(
				CENSUS_EVENTS.map((e) => ({ id: e.id, kegiatan: e.kegiatan, tahun_kegiatan: e.tahun_kegiatan })),
			);
		case '38': {
			const e = eventOf(p.kegiatan);
			if (!e) return listNotAvailable();
			return censusList(
				CENSUS_TOPICS.filter((t) => t.event === e.id).map((t) => ({
					id: t.id,
					topik: t.topik,
					topic: t.topic,
					id_kegiatan: e.id,
					kegiatan: e.kegiatan,
					event: e.event,
					alias_kegiatan: e.alias[0],
					alias_event: e.alias[1],
				})),
			);
		}
		case '39': {
			if (!eventOf(p.kegiatan)) return listNotAvailable();
			return censusList(censusAreas().map(({ id, kode_mfd, nama, slug }) => ({ id, kode_mfd, nama, slug })));
		}
		case '40': {
			const e = eventOf(p.kegiatan);
			const topic = Number(p.topik);
			const t = CENSUS_TOPICS.find((x) => x.id === topic && x.event === e?.id);
			if (!e || !t) return listNotAvailable();
			return censusList(
				CENSUS_DATASETS.filter((d) => d.event === e.id && d.topic === topic).map((d) => ({
					id: d.id,
					id_topik: t.id,
					topik: t.topik,
					id_kegiatan: e.id,
					nama: d.name,
					deskripsi: d.desc,
				})),
			);
		}
		case '41': {
			const ds = CENSUS_DATASETS.find((d) => String(d.id) === p.dataset && d.event === p.kegiatan);
			const w = p.wilayah_sensus;
			const area = censusAreas().find((a) => String(a.id) === w || a.slug === w);
			if (!ds || !area) return listNotAvailable();
			const data = censusRows(ds, area);
			return json({
				status: 'OK',
				'data-availability': 'available',
				data: [
					ONE_PAGE,
					{ timestamp: now.toISOString().replace('Z', '000000'), status: 200, data_count: data.length, data },
				],
			});
		}
		default:
			return listNotAvailable();
	}
}
