/**
 * SIMDASI — the regional "Dalam Angka" tables, `/v1/api/interoperabilitas/datasource/simdasi/id/{n}/`
 * (bps-api.md §3.9).
 *
 * Known (docs + one client's models): the ids and parameters (`wilayah`, `parent`, `id_subjek`,
 * `tahun` lowercase, `id_tabel`), 7-digit MFD area codes (`0000000`, `3500000`, `3578000`,
 * `3578010`), the envelope with a nested `{status, condition, message, created, induk, wilayah,
 * data}` object, the table-list fields and the id-25 table fields (`kolom`, `data[].variables`).
 *
 * GUESSES: the area-list item fields (`kode_wilayah`, `nama_wilayah`); the subject-list item fields;
 * that id 25 wraps the table object in the nested object's `data` array; the nested error
 * `{status: 400, condition: "ERROR", message: "Data tidak tersedia"}` for a year or table that does
 * not exist; the table catalogue and every number; "…" in `value_raw` for a missing value.
 */
import { allDomains, findDomain } from '../data';
import { unit } from '../prng';
import { type ApiResponse, json, listNotAvailable } from '../handlers';

/** Our 4-digit domain → the SIMDASI 7-digit MFD code. */
export function mfdOf(domain: string): string {
	return domain === '0000' ? '0000000' : `${domain}000`;
}
/** The 7-digit MFD code → our 4-digit domain (districts map to their regency). */
export function domainOfMfd(mfd: string): string | undefined {
	if (!/^\d{7}$/.test(mfd)) return undefined;
	return mfd === '0000000' ? '0000' : mfd.slice(0, 4).replace(/^(\d\d)00$/, '$100');
}

interface Column {
	key: string;
	ind: string;
	eng: string;
	unit: [string, string];
	decimals: number;
	scale: number;
}
interface TableDef {
	code: string;
	mms: number;
	chapter: number;
	ind: string;
	eng: string;
	years: number[];
	columns: Column[];
	missing?: number;
}
const CHAPTERS: ReadonlyArray<[number, string, string]> = [
	[1, 'Geografi dan Iklim', 'Geography and Climate'],
	[2, 'Pemerintahan', 'Government'],
	[3, 'Penduduk dan Ketenagakerjaan', 'Population and Employment'],
	[5, 'Pertanian, Kehutanan, Peternakan, dan Perikanan', 'Agriculture, Forestry, Livestock, and Fishery'],
];
const col = (
	key: string,
	ind: string,
	eng: string,
	u: [string, string],
	decimals: number,
	scale: number,
): Column => ({
	key,
	ind,
	eng,
	unit: u,
	decimals,
	scale,
});
const years = (from: number, to: number, skip: number[] = []) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((y) => !skip.includes(y));

export const SIMDASI_TABLES: readonly TableDef[] = [
	{
		code: '1.1.1',
		mms: 152,
		chapter: 1,
		ind: 'Luas Daerah dan Jumlah Pulau Menurut Wilayah',
		eng: 'Total Area and Number of Islands by Region',
		years: years(2018, 2024),
		columns: [
			col('luas', 'Luas', 'Area', ['km²', 'km²'], 2, 5000),
			col('persen', 'Persentase terhadap Luas', 'Percentage of Area', ['persen', 'percent'], 2, 0),
			col('pulau', 'Jumlah Pulau', 'Number of Islands', ['pulau', 'islands'], 0, 60),
		],
	},
	{
		code: '2.1.1',
		mms: 153,
		chapter: 2,
		ind: 'Jumlah Desa/Kelurahan Menurut Wilayah',
		eng: 'Number of Villages by Region',
		years: years(2018, 2024, [2020]),
		columns: [
			col('desa', 'Desa', 'Villages', ['desa', 'villages'], 0, 300),
			col('kel', 'Kelurahan', 'Urban Villages', ['kelurahan', 'urban villages'], 0, 40),
		],
	},
	{
		code: '3.1.1',
		mms: 519,
		chapter: 3,
		ind: 'Jumlah Penduduk, Laju Pertumbuhan Penduduk dan Kepadatan Penduduk Menurut Wilayah',
		eng: 'Population, Population Growth Rate and Population Density by Region',
		years: years(2019, 2024),
		columns: [
			col('pddk', 'Jumlah Penduduk', 'Population', ['ribu jiwa', 'thousand people'], 1, 2500),
			col(
				'laju',
				'Laju Pertumbuhan Penduduk per Tahun',
				'Annual Population Growth Rate',
				['persen', 'percent'],
				2,
				2,
			),
			col(
				'padat',
				'Kepadatan Penduduk per km²',
				'Population Density per km²',
				['jiwa/km²', 'people/km²'],
				0,
				900,
			),
		],
		missing: 0.02,
	},
	{
		code: '3.2.1',
		mms: 520,
		chapter: 3,
		ind: 'Tingkat Pengangguran Terbuka Menurut Wilayah',
		eng: 'Open Unemployment Rate by Region',
		years: years(2019, 2024),
		columns: [
			col('tpt', 'Tingkat Pengangguran Terbuka', 'Open Unemployment Rate', ['persen', 'percent'], 2, 8),
		],
		missing: 0.05,
	},
	{
		code: '5.1.1',
		mms: 540,
		chapter: 5,
		ind: 'Luas Panen dan Produksi Padi Menurut Wilayah',
		eng: 'Harvested Area and Production of Paddy by Region',
		years: years(2018, 2024),
		columns: [
			col('panen', 'Luas Panen', 'Harvested Area', ['hektar', 'hectare'], 0, 40000),
			col('prod', 'Produksi', 'Production', ['ton', 'ton'], 0, 200000),
		],
	},
];

export function simdasiTableId(t: TableDef): string {
	return Buffer.from(`simdasi#${t.code}#${t.mms}`).toString('base64').replace(/=+$/, '');
}
function tableById(id: string | undefined): TableDef | undefined {
	return SIMDASI_TABLES.find((t) => simdasiTableId(t) === id);
}

interface Area {
	mfd: string;
	name: string;
}
/** The areas one level below an MFD code (provinces under Indonesia, regencies under a province). */
function childrenOf(mfd: string): Area[] {
	const domain = domainOfMfd(mfd);
	if (!domain) return [];
	const all = allDomains();
	if (domain === '0000')
		return all
			.filter((d) => d.domain_id !== '0000' && d.domain_id.endsWith('00'))
			.map((d) => ({ mfd: mfdOf(d.domain_id), name: d.domain_name }));
	if (domain.endsWith('00'))
		return all
			.filter((d) => d.domain_id.startsWith(domain.slice(0, 2)) && !d.domain_id.endsWith('00'))
			.map((d) => ({
				mfd: mfdOf(d.domain_id),
				name: Number(d.domain_id.slice(2)) >= 71 ? `Kota ${d.domain_name}` : d.domain_name,
			}));
	// A regency: ten districts, 7-digit codes.
	return Array.from({ length: 10 }, (_, i) => ({
		mfd: `${domain}${String((i + 1) * 10).padStart(3, '0')}`,
		name: `Kecamatan ${i + 1}`,
	}));
}
function areaName(mfd: string): string | undefined {
	const domain = domainOfMfd(mfd);
	if (!domain) return undefined;
	if (mfd !== mfdOf(domain)) return undefined;
	return domain === '0000' ? 'Indonesia' : findDomain(domain)?.domain_name;
}

function envelope(induk: string, wilayah: string, data: unknown, now: Date): ApiResponse {
	return json({
		status: 'OK',
		'data-availability': 'available',
		data: [
			{ page: 1, pages: 1, per_page: 1, count: 1, total: 1 },
			{
				status: 200,
				condition: 'OK',
				message: '-',
				created: now.toISOString().slice(0, 19).replace('T', ' '),
				induk,
				wilayah,
				data,
			},
		],
	});
}
/** The nested error: an OK envelope around a failed inner status. */
export function nestedError(message: string): ApiResponse {
	return json({
		status: 'OK',
		'data-availability': 'available',
		data: [
			{ page: 1, pages: 1, per_page: 1, count: 1, total: 1 },
			{ status: 400, condition: 'ERROR', message, data: [] },
		],
	});
}

function tableItem(t: TableDef) {
	const ch = CHAPTERS.find((c) => c[0] === t.chapter)!;
	return {
		id_tabel: simdasiTableId(t),
		judul: t.ind,
		judul_en: t.eng,
		kode_tabel: t.code,
		ketersediaan_tahun: t.years,
		id_subject: String(t.chapter),
		bab: `${ch[0]}. ${ch[1]}`,
		bab_en: `${ch[0]}. ${ch[2]}`,
		subject: ch[1],
		subject_en: ch[2],
		mms_id: t.mms,
		mms_subject: ch[1],
	};
}

function fmt(v: number, decimals: number): string {
	return v.toLocaleString('id-ID', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function simdasiTable(t: TableDef, mfd: string, name: string, year: number): Record<string, unknown> {
	const rowsAreas = childrenOf(mfd);
	const scaleDown = mfd === '0000000' ? 1 : mfd.endsWith('00000') ? 0.08 : 0.01;
	const kolom: Record<string, unknown> = {};
	for (const c of t.columns)
		kolom[c.key] = {
			nama_variabel: c.ind,
			nama_variabel_en: c.eng,
			tipe: 'numeric',
			angka_desimal_dibelakang_koma: c.decimals,
			satuan: c.unit[0],
			satuan_en: c.unit[1],
			tanggal_cut_off: `${year}-12-31`,
		};
	const valueOf = (c: Column, area: string, i: number, n: number): number | null => {
		if (t.missing && unit(`${t.code}|${area}|${year}|${c.key}|na`) < t.missing) return null;
		if (c.key === 'persen') return Math.round((10000 * (0.3 + unit(`${area}|share`))) / n) / 100;
		const rate = c.scale < 20;
		const base = rate
			? c.scale * (0.4 + unit(`${t.code}|${area}|${c.key}`))
			: c.scale * scaleDown * (0.3 + 1.4 * unit(`${t.code}|${area}|${c.key}`));
		const v =
			base *
			(1 + 0.02 * (year - 2018) * (rate ? 0 : 1)) *
			(1 + 0.03 * (unit(`${area}|${year}|${c.key}|${i}`) - 0.5));
		const f = 10 ** c.decimals;
		return Math.round(v * f) / f;
	};
	const data = rowsAreas.map((a, i) => {
		const variables: Record<string, unknown> = {};
		for (const c of t.columns) {
			const v = valueOf(c, a.mfd, i, rowsAreas.length);
			variables[c.key] =
				v === null
					? { value: null, value_raw: '…', value_code: 'na' }
					: { value: v, value_raw: fmt(v, c.decimals), value_code: '' };
		}
		return { label: a.name, label_raw: a.name, satuan: '', kode_wilayah: a.mfd, variables };
	});
	// The total row for the area itself comes last, as in the printed books.
	const total: Record<string, unknown> = {};
	for (const c of t.columns) {
		const parts = data.map((d) => (d.variables[c.key] as { value: number | null }).value);
		const present = parts.filter((v): v is number => v !== null);
		const sum =
			c.scale < 20 || c.key === 'persen'
				? c.key === 'persen'
					? 100
					: present.reduce((a, b) => a + b, 0) / Math.max(1, present.length)
				: present.reduce((a, b) => a + b, 0);
		const f = 10 ** c.decimals;
		const v = Math.round(sum * f) / f;
		total[c.key] = { value: v, value_raw: fmt(v, c.decimals), value_code: '' };
	}
	data.push({ label: name, label_raw: name, satuan: '', kode_wilayah: mfd, variables: total });
	const ch = CHAPTERS.find((c) => c[0] === t.chapter)!;
	return {
		change_log: [],
		judul_tabel: `${t.ind}, ${year}`,
		judul_tabel_en: `${t.eng}, ${year}`,
		lingkup: 'Wilayah',
		lingkup_id: 1,
		lingkup_en: 'Region',
		tahun_data: year,
		wilayah: name,
		penanggung_jawab: `BPS ${name}`,
		show_satuan: true,
		id_subject: String(t.chapter),
		bab: `${ch[0]}. ${ch[1]}`,
		bab_en: `${ch[0]}. ${ch[2]}`,
		subject: ch[1],
		subject_en: ch[2],
		mms_id: t.mms,
		mms_subject: ch[1],
		keterangan_data: '',
		kolom,
		data,
		catatan: t.missing ? 'Tanda … berarti data tidak tersedia.' : '',
		sumber: `BPS ${name}`,
		versi: 1,
		table_created: `${year + 1}-02-28 09:00:00`,
	};
}

export function handleSimdasi(p: Record<string, string>, now = new Date()): ApiResponse {
	switch (p.id) {
		case '26':
			return envelope(
				'0000000',
				'Indonesia',
				childrenOf('0000000').map((a) => ({ kode_wilayah: a.mfd, nama_wilayah: a.name })),
				now,
			);
		case '27':
		case '28': {
			const parent = p.parent ?? '';
			const name = areaName(parent);
			const kids = name ? childrenOf(parent) : [];
			if (kids.length === 0) return nestedError('Wilayah tidak ditemukan');
			return envelope(
				parent,
				name!,
				kids.map((a) => ({ kode_wilayah: a.mfd, nama_wilayah: a.name })),
				now,
			);
		}
		case '22':
		case '23':
		case '24': {
			const w = p.wilayah ?? '';
			const name = areaName(w);
			if (!name) return nestedError('Wilayah tidak ditemukan');
			if (p.id === '22')
				return envelope(
					w,
					name,
					CHAPTERS.map(([n, ind, eng]) => ({
						id_subject: String(n),
						bab: `${n}. ${ind}`,
						bab_en: `${n}. ${eng}`,
						subject: ind,
						subject_en: eng,
						mms_id: SIMDASI_TABLES.find((t) => t.chapter === n)?.mms,
					})),
					now,
				);
			let tables = SIMDASI_TABLES.slice();
			if (p.id === '24')
				tables = tables.filter((t) => String(t.mms) === p.id_subjek || String(t.chapter) === p.id_subjek);
			if (tables.length === 0) return listNotAvailable();
			return envelope(w, name, tables.map(tableItem), now);
		}
		case '25': {
			const w = p.wilayah ?? '';
			const name = areaName(w);
			const t = tableById(p.id_tabel);
			if (p.tahun === undefined) return nestedError('Parameter tahun is missing');
			const year = Number(p.tahun);
			if (!name || !t || !t.years.includes(year)) return nestedError('Data tidak tersedia');
			return envelope(w, name, [simdasiTable(t, w, name, year)], now);
		}
		case '34':
			return envelope('0000000', 'Indonesia', SIMDASI_TABLES.map(tableItem), now);
		case '36': {
			const t = tableById(p.id_tabel);
			return t ? envelope('0000000', 'Indonesia', [tableItem(t)], now) : nestedError('Data tidak tersedia');
		}
		default:
			return listNotAvailable();
	}
}
