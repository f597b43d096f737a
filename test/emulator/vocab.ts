/**
 * Static vocabulary for the emulator's generated catalogue: subject categories, subjects, variable
 * stems, month names, district names. Every label carries Indonesian (`ind`) and English (`eng`).
 */

export type Lang = 'ind' | 'eng';

/** A bilingual label. */
export type Bi = readonly [ind: string, eng: string];

export const SUBCATS: ReadonlyArray<{ id: number; title: Bi }> = [
	{ id: 0, title: ['Lainnya', 'Others'] },
	{ id: 1, title: ['Sosial dan Kependudukan', 'Social and Population'] },
	{ id: 2, title: ['Ekonomi dan Perdagangan', 'Economy and Trade'] },
	{ id: 3, title: ['Pertanian dan Pertambangan', 'Agriculture and Mining'] },
];

/** How a variable's values behave; drives the value generator. */
export type ValueKind = 'count' | 'percent' | 'rate' | 'index' | 'years' | 'ratio' | 'money';

export interface Stem {
	title: Bi;
	kind: ValueKind;
	unit: Bi;
	/** count/money: national magnitude per region; percent/rate/years: [lo, hi]. */
	scale?: number;
	range?: readonly [number, number];
}

export interface SubjectDef {
	id: number;
	subcat: number;
	title: Bi;
	/** CSA subject (`subcsa_id`/`subject[0]` in data responses). */
	csa: readonly [id: number, ind: string, eng: string];
	stems: Stem[];
}

const U = {
	jiwa: ['Jiwa', 'Person'],
	orang: ['Orang', 'Persons'],
	persen: ['Persen', 'Percent'],
	tahun: ['Tahun', 'Year'],
	none: ['Tidak Ada Satuan', 'No Unit'],
	rupiah: ['Rupiah', 'Rupiah'],
	miliarRp: ['Miliar Rupiah', 'Billion Rupiah'],
	ton: ['Ton', 'Ton'],
	ha: ['Hektar', 'Hectare'],
	unit: ['Unit', 'Unit'],
	kunjungan: ['Kunjungan', 'Visit'],
	jutaUsd: ['Juta US$', 'Million US$'],
	ruta: ['Rumah Tangga', 'Household'],
	desa: ['Desa', 'Village'],
	km2: ['Km²', 'Km²'],
	mm: ['Milimeter', 'Millimetre'],
	ekor: ['Ekor', 'Head'],
	kasus: ['Kasus', 'Case'],
	kwh: ['GWh', 'GWh'],
} as const satisfies Record<string, Bi>;

function pct(ind: string, eng: string, lo: number, hi: number): Stem {
	return { title: [ind, eng], kind: 'percent', unit: U.persen, range: [lo, hi] };
}
function cnt(ind: string, eng: string, unit: Bi, scale: number): Stem {
	return { title: [ind, eng], kind: 'count', unit, scale };
}
function rate(ind: string, eng: string, lo: number, hi: number): Stem {
	return { title: [ind, eng], kind: 'rate', unit: U.persen, range: [lo, hi] };
}
function idx(ind: string, eng: string): Stem {
	return { title: [ind, eng], kind: 'index', unit: U.none };
}

export const SUBJECTS: SubjectDef[] = [
	// 1 Sosial dan Kependudukan
	{
		id: 12,
		subcat: 1,
		title: ['Kependudukan', 'Population'],
		csa: [519, 'Kependudukan', 'Population'],
		stems: [
			cnt('Jumlah Penduduk', 'Population', U.jiwa, 7_000_000),
			rate('Laju Pertumbuhan Penduduk', 'Population Growth Rate', 0.4, 2.4),
			{ title: ['Rasio Jenis Kelamin', 'Sex Ratio'], kind: 'index', unit: U.none },
		],
	},
	{
		id: 6,
		subcat: 1,
		title: ['Tenaga Kerja', 'Employment'],
		csa: [520, 'Tenaga Kerja', 'Employment'],
		stems: [
			pct('Tingkat Partisipasi Angkatan Kerja', 'Labor Force Participation Rate', 60, 75),
			cnt('Jumlah Angkatan Kerja', 'Labor Force', U.orang, 3_500_000),
			cnt(
				'Rata-rata Upah Bersih Sebulan Buruh',
				'Average Monthly Net Wage of Employees',
				U.rupiah,
				3_000_000,
			),
		],
	},
	{
		id: 28,
		subcat: 1,
		title: ['Pendidikan', 'Education'],
		csa: [521, 'Pendidikan', 'Education'],
		stems: [
			pct('Angka Partisipasi Sekolah (APS)', 'School Participation Rate', 70, 99),
			{
				title: ['Rata-rata Lama Sekolah', 'Mean Years of Schooling'],
				kind: 'years',
				unit: U.tahun,
				range: [6.5, 11.5],
			},
			pct('Persentase Penduduk Buta Huruf', 'Illiteracy Rate', 0.5, 12),
		],
	},
	{
		id: 30,
		subcat: 1,
		title: ['Kesehatan', 'Health'],
		csa: [522, 'Kesehatan', 'Health'],
		stems: [
			pct(
				'Persentase Balita yang Pernah Diimunisasi',
				'Percentage of Children Under Five Ever Immunized',
				80,
				99,
			),
			cnt('Jumlah Puskesmas', 'Number of Community Health Centres', U.unit, 300),
			cnt('Jumlah Kasus Penyakit Demam Berdarah', 'Number of Dengue Fever Cases', U.kasus, 3000),
		],
	},
	{
		id: 23,
		subcat: 1,
		title: ['Kemiskinan dan Ketimpangan', 'Poverty and Inequality'],
		csa: [523, 'Konsumsi dan Pendapatan', 'Consumption and Income'],
		stems: [
			pct('Persentase Penduduk Miskin', 'Percentage of Poor People', 4, 27),
			cnt('Garis Kemiskinan', 'Poverty Line', U.rupiah, 550_000),
		],
	},
	{
		id: 26,
		subcat: 1,
		title: ['Indeks Pembangunan Manusia', 'Human Development Index'],
		csa: [
			563,
			'Kondisi Tempat Tinggal, Kemiskinan, dan Permasalahan Sosial Lintas Sektor',
			'Living Conditions, Poverty, and Cross-cutting Social Issues',
		],
		stems: [
			{
				title: ['Indeks Pembangunan Manusia', 'Human Development Index'],
				kind: 'years',
				unit: U.none,
				range: [60, 82],
			},
			{
				title: ['Harapan Lama Sekolah', 'Expected Years of Schooling'],
				kind: 'years',
				unit: U.tahun,
				range: [11, 15.5],
			},
		],
	},
	{
		id: 40,
		subcat: 1,
		title: ['Gender', 'Gender'],
		csa: [522, 'Kesehatan', 'Health'],
		stems: [
			{
				title: ['Indeks Pemberdayaan Gender', 'Gender Empowerment Measure'],
				kind: 'years',
				unit: U.none,
				range: [55, 80],
			},
			pct('Sumbangan Pendapatan Perempuan', 'Female Income Contribution', 25, 42),
		],
	},
	{
		id: 2,
		subcat: 1,
		title: ['Komunikasi', 'Communication'],
		csa: [565, 'Masyarakat Informasi', 'Information Society'],
		stems: [
			pct(
				'Persentase Rumah Tangga yang Mengakses Internet',
				'Percentage of Households Accessing the Internet',
				50,
				95,
			),
			pct(
				'Persentase Penduduk yang Memiliki Telepon Seluler',
				'Percentage of Population Owning a Mobile Phone',
				55,
				85,
			),
		],
	},
	{
		id: 27,
		subcat: 1,
		title: ['Perumahan', 'Housing'],
		csa: [
			563,
			'Kondisi Tempat Tinggal, Kemiskinan, dan Permasalahan Sosial Lintas Sektor',
			'Living Conditions, Poverty, and Cross-cutting Social Issues',
		],
		stems: [
			pct(
				'Persentase Rumah Tangga dengan Akses Air Minum Layak',
				'Percentage of Households with Access to Improved Drinking Water',
				60,
				99,
			),
			pct(
				'Persentase Rumah Tangga dengan Sanitasi Layak',
				'Percentage of Households with Improved Sanitation',
				40,
				95,
			),
		],
	},
	{
		id: 5,
		subcat: 1,
		title: ['Konsumsi dan Pengeluaran', 'Consumption and Expenditure'],
		csa: [523, 'Konsumsi dan Pendapatan', 'Consumption and Income'],
		stems: [
			cnt(
				'Rata-rata Pengeluaran per Kapita Sebulan',
				'Average Monthly Per Capita Expenditure',
				U.rupiah,
				1_400_000,
			),
			pct('Persentase Pengeluaran untuk Makanan', 'Share of Food Expenditure', 45, 60),
		],
	},
	{
		id: 34,
		subcat: 1,
		title: ['Kriminalitas', 'Criminality'],
		csa: [564, 'Politik dan Keamanan', 'Politics and Security'],
		stems: [
			cnt('Jumlah Tindak Pidana', 'Number of Crimes', U.kasus, 8000),
			cnt(
				'Risiko Penduduk Terkena Tindak Pidana (per 100.000 Penduduk)',
				'Crime Risk (per 100,000 Population)',
				U.orang,
				120,
			),
		],
	},
	{
		id: 25,
		subcat: 1,
		title: ['Politik dan Keamanan', 'Politics and Security'],
		csa: [564, 'Politik dan Keamanan', 'Politics and Security'],
		stems: [
			{
				title: ['Indeks Demokrasi Indonesia', 'Indonesian Democracy Index'],
				kind: 'years',
				unit: U.none,
				range: [65, 85],
			},
			cnt('Jumlah Desa yang Mengalami Konflik Massal', 'Number of Villages with Mass Conflict', U.desa, 60),
		],
	},
	{
		id: 19,
		subcat: 1,
		title: ['Kesejahteraan Rakyat', "People's Welfare"],
		csa: [523, 'Konsumsi dan Pendapatan', 'Consumption and Income'],
		stems: [
			pct(
				'Persentase Penduduk yang Memiliki Jaminan Kesehatan',
				'Percentage of Population with Health Insurance',
				55,
				95,
			),
			pct(
				'Persentase Rumah Tangga Penerima Bantuan Sosial',
				'Percentage of Households Receiving Social Assistance',
				10,
				45,
			),
		],
	},
	{
		id: 20,
		subcat: 1,
		title: ['Migrasi', 'Migration'],
		csa: [519, 'Kependudukan', 'Population'],
		stems: [
			cnt('Jumlah Migran Risen', 'Number of Recent Migrants', U.jiwa, 120_000),
			pct('Persentase Migran Seumur Hidup', 'Percentage of Lifetime Migrants', 3, 30),
		],
	},
	{
		id: 38,
		subcat: 1,
		title: ['Lingkungan Hidup', 'Environment'],
		csa: [539, 'Lingkungan', 'Environment'],
		stems: [
			cnt(
				'Jumlah Desa yang Mengalami Bencana Alam',
				'Number of Villages Affected by Natural Disasters',
				U.desa,
				500,
			),
			pct('Persentase Rumah Tangga yang Memilah Sampah', 'Percentage of Households Sorting Waste', 10, 40),
		],
	},
	{
		id: 39,
		subcat: 1,
		title: ['Tujuan Pembangunan Berkelanjutan Edisi I', 'Sustainable Development Goals 1st Edition'],
		csa: [539, 'Lingkungan', 'Environment'],
		stems: [
			pct(
				'Proporsi Penduduk dengan Akses Layanan Dasar',
				'Proportion of Population with Access to Basic Services',
				60,
				98,
			),
			cnt(
				'Jumlah Korban Bencana per 100.000 Penduduk',
				'Disaster Victims per 100,000 Population',
				U.orang,
				80,
			),
		],
	},
	{
		id: 41,
		subcat: 1,
		title: ['Pemuda', 'Youth'],
		csa: [519, 'Kependudukan', 'Population'],
		stems: [
			pct('Persentase Pemuda yang Bekerja', 'Percentage of Employed Youth', 40, 65),
			cnt('Jumlah Pemuda', 'Number of Youth', U.jiwa, 1_800_000),
		],
	},
	// 2 Ekonomi dan Perdagangan
	{
		id: 8,
		subcat: 2,
		title: ['Ekspor-Impor', 'Export-Import'],
		csa: [535, 'Ekspor-Impor', 'Export-Import'],
		stems: [
			cnt('Nilai Ekspor Nonmigas', 'Non-Oil and Gas Export Value', U.jutaUsd, 1500),
			cnt('Berat Bersih Impor', 'Import Net Weight', U.ton, 400_000),
		],
	},
	{
		id: 13,
		subcat: 2,
		title: ['Keuangan', 'Finance'],
		csa: [537, 'Keuangan', 'Finance'],
		stems: [
			cnt('Posisi Kredit Perbankan', 'Outstanding Bank Credit', U.miliarRp, 90_000),
			cnt('Jumlah Simpanan Masyarakat', 'Third-Party Funds', U.miliarRp, 120_000),
		],
	},
	{
		id: 3,
		subcat: 2,
		title: ['Inflasi', 'Inflation'],
		csa: [536, 'Harga-Harga', 'Prices'],
		stems: [
			rate('Inflasi Bulanan (M-to-M)', 'Monthly Inflation (M-to-M)', -0.6, 1.2),
			rate('Inflasi Tahun Kalender (Y-to-D)', 'Year-to-Date Inflation', -0.5, 5.5),
		],
	},
	{
		id: 36,
		subcat: 2,
		title: ['Harga Konsumen', 'Consumer Prices'],
		csa: [536, 'Harga-Harga', 'Prices'],
		stems: [
			idx('Indeks Harga Konsumen', 'Consumer Price Index'),
			cnt('Rata-rata Harga Beras Medium', 'Average Price of Medium-Quality Rice', U.rupiah, 12_500),
		],
	},
	{
		id: 11,
		subcat: 2,
		title: ['Produk Domestik Regional Bruto (Lapangan Usaha)', 'Gross Regional Domestic Product (Industry)'],
		csa: [531, 'Neraca Produksi', 'Production Accounts'],
		stems: [
			cnt('PDRB Atas Dasar Harga Berlaku', 'GRDP at Current Market Prices', U.miliarRp, 450_000),
			rate(
				'Laju Pertumbuhan PDRB Atas Dasar Harga Konstan 2010',
				'GRDP Growth Rate at 2010 Constant Prices',
				-3,
				8,
			),
		],
	},
	{
		id: 52,
		subcat: 2,
		title: ['Produk Domestik Regional Bruto (Pengeluaran)', 'Gross Regional Domestic Product (Expenditure)'],
		csa: [531, 'Neraca Produksi', 'Production Accounts'],
		stems: [
			cnt('Pengeluaran Konsumsi Rumah Tangga', 'Household Consumption Expenditure', U.miliarRp, 250_000),
			cnt('Pembentukan Modal Tetap Bruto', 'Gross Fixed Capital Formation', U.miliarRp, 140_000),
		],
	},
	{
		id: 9,
		subcat: 2,
		title: ['Industri Besar dan Sedang', 'Large and Medium Industry'],
		csa: [532, 'Industri', 'Industry'],
		stems: [
			cnt(
				'Jumlah Perusahaan Industri Besar dan Sedang',
				'Number of Large and Medium Manufacturing Establishments',
				U.unit,
				800,
			),
			rate('Pertumbuhan Produksi Industri Manufaktur', 'Manufacturing Production Growth', -8, 12),
		],
	},
	{
		id: 15,
		subcat: 2,
		title: ['Energi', 'Energy'],
		csa: [533, 'Energi', 'Energy'],
		stems: [
			cnt('Listrik yang Didistribusikan', 'Electricity Distributed', U.kwh, 7000),
			pct('Rasio Elektrifikasi', 'Electrification Ratio', 85, 100),
		],
	},
	{
		id: 16,
		subcat: 2,
		title: ['Pariwisata', 'Tourism'],
		csa: [561, 'Pariwisata', 'Tourism'],
		stems: [
			pct('Tingkat Penghunian Kamar Hotel Bintang', 'Star Hotel Room Occupancy Rate', 30, 65),
			cnt(
				'Jumlah Perjalanan Wisatawan Nusantara',
				'Number of Domestic Tourist Trips',
				U.kunjungan,
				20_000_000,
			),
		],
	},
	{
		id: 17,
		subcat: 2,
		title: ['Transportasi', 'Transportation'],
		csa: [562, 'Transportasi', 'Transportation'],
		stems: [
			cnt('Jumlah Kendaraan Bermotor', 'Number of Motor Vehicles', U.unit, 3_500_000),
			cnt('Jumlah Penumpang Angkutan Udara', 'Number of Air Passengers', U.orang, 2_000_000),
		],
	},
	{
		id: 18,
		subcat: 2,
		title: ['Konstruksi', 'Construction'],
		csa: [534, 'Konstruksi', 'Construction'],
		stems: [
			cnt('Nilai Konstruksi yang Diselesaikan', 'Value of Completed Construction', U.miliarRp, 25_000),
			cnt('Jumlah Perusahaan Konstruksi', 'Number of Construction Establishments', U.unit, 4500),
		],
	},
	{
		id: 21,
		subcat: 2,
		title: ['Harga Produsen', 'Producer Prices'],
		csa: [536, 'Harga-Harga', 'Prices'],
		stems: [
			idx('Indeks Harga Produsen', 'Producer Price Index'),
			idx('Indeks Harga Perdagangan Besar', 'Wholesale Price Index'),
		],
	},
	{
		id: 22,
		subcat: 2,
		title: ['Nilai Tukar Petani', 'Farmer Terms of Trade'],
		csa: [536, 'Harga-Harga', 'Prices'],
		stems: [
			idx('Nilai Tukar Petani', 'Farmer Terms of Trade'),
			idx('Nilai Tukar Usaha Pertanian', 'Agricultural Business Terms of Trade'),
		],
	},
	{
		id: 7,
		subcat: 2,
		title: ['Upah', 'Wages'],
		csa: [520, 'Tenaga Kerja', 'Employment'],
		stems: [
			cnt('Upah Minimum Provinsi', 'Provincial Minimum Wage', U.rupiah, 2_800_000),
			cnt('Rata-rata Upah Nominal Buruh Tani', 'Average Nominal Wage of Farm Labourers', U.rupiah, 58_000),
		],
	},
	{
		id: 14,
		subcat: 2,
		title: ['Perdagangan Dalam Negeri', 'Domestic Trade'],
		csa: [535, 'Ekspor-Impor', 'Export-Import'],
		stems: [
			cnt('Jumlah Pasar Tradisional', 'Number of Traditional Markets', U.unit, 420),
			cnt(
				'Jumlah Usaha Perdagangan Besar dan Eceran',
				'Number of Wholesale and Retail Trade Establishments',
				U.unit,
				220_000,
			),
		],
	},
	{
		id: 4,
		subcat: 2,
		title: ['Keuangan Pemerintah', 'Government Finance'],
		csa: [537, 'Keuangan', 'Finance'],
		stems: [
			cnt('Realisasi Pendapatan Daerah', 'Realized Regional Revenue', U.miliarRp, 12_000),
			cnt('Realisasi Belanja Daerah', 'Realized Regional Expenditure', U.miliarRp, 12_500),
		],
	},
	{
		id: 10,
		subcat: 2,
		title: ['Usaha Mikro dan Kecil', 'Micro and Small Enterprises'],
		csa: [532, 'Industri', 'Industry'],
		stems: [
			cnt('Jumlah Usaha Mikro dan Kecil', 'Number of Micro and Small Enterprises', U.unit, 120_000),
			cnt(
				'Jumlah Tenaga Kerja Usaha Mikro dan Kecil',
				'Workers in Micro and Small Enterprises',
				U.orang,
				300_000,
			),
		],
	},
	{
		id: 42,
		subcat: 2,
		title: ['Teknologi Informasi', 'Information Technology'],
		csa: [565, 'Masyarakat Informasi', 'Information Society'],
		stems: [
			{
				title: ['Indeks Pembangunan Teknologi Informasi dan Komunikasi', 'ICT Development Index'],
				kind: 'years',
				unit: U.none,
				range: [4.5, 7.8],
			},
			pct(
				'Persentase Usaha yang Menggunakan Internet',
				'Percentage of Businesses Using the Internet',
				20,
				70,
			),
		],
	},
	{
		id: 43,
		subcat: 2,
		title: ['Neraca Arus Dana', 'Flow of Funds'],
		csa: [537, 'Keuangan', 'Finance'],
		stems: [
			cnt(
				'Investasi Finansial Sektor Rumah Tangga',
				'Household Sector Financial Investment',
				U.miliarRp,
				30_000,
			),
			cnt('Pinjaman Neto Sektor Korporasi', 'Corporate Sector Net Lending', U.miliarRp, 20_000),
		],
	},
	{
		id: 44,
		subcat: 2,
		title: ['Akomodasi', 'Accommodation'],
		csa: [561, 'Pariwisata', 'Tourism'],
		stems: [
			cnt('Jumlah Usaha Akomodasi', 'Number of Accommodation Establishments', U.unit, 900),
			cnt('Rata-rata Lama Menginap Tamu', 'Average Length of Stay of Guests', U.none, 2),
		],
	},
	// 3 Pertanian dan Pertambangan
	{
		id: 53,
		subcat: 3,
		title: ['Tanaman Pangan', 'Food Crops'],
		csa: [541, 'Pertanian', 'Agriculture'],
		stems: [
			cnt('Produksi Padi', 'Paddy Production', U.ton, 1_500_000),
			cnt('Luas Panen Padi', 'Paddy Harvested Area', U.ha, 300_000),
			cnt('Produksi Jagung', 'Maize Production', U.ton, 600_000),
		],
	},
	{
		id: 54,
		subcat: 3,
		title: ['Hortikultura', 'Horticulture'],
		csa: [541, 'Pertanian', 'Agriculture'],
		stems: [
			cnt('Produksi Cabai Besar', 'Large Chili Production', U.ton, 30_000),
			cnt('Produksi Bawang Merah', 'Shallot Production', U.ton, 40_000),
		],
	},
	{
		id: 55,
		subcat: 3,
		title: ['Perkebunan', 'Estate Crops'],
		csa: [541, 'Pertanian', 'Agriculture'],
		stems: [
			cnt('Produksi Kelapa Sawit', 'Oil Palm Production', U.ton, 1_300_000),
			cnt('Luas Tanaman Karet', 'Rubber Planted Area', U.ha, 100_000),
		],
	},
	{
		id: 24,
		subcat: 3,
		title: ['Peternakan', 'Livestock'],
		csa: [541, 'Pertanian', 'Agriculture'],
		stems: [
			cnt('Populasi Sapi Potong', 'Beef Cattle Population', U.ekor, 500_000),
			cnt('Produksi Daging Ayam Ras Pedaging', 'Broiler Meat Production', U.ton, 100_000),
		],
	},
	{
		id: 56,
		subcat: 3,
		title: ['Perikanan', 'Fisheries'],
		csa: [542, 'Perikanan', 'Fisheries'],
		stems: [
			cnt('Produksi Perikanan Tangkap', 'Capture Fisheries Production', U.ton, 200_000),
			cnt('Jumlah Rumah Tangga Budidaya Ikan', 'Number of Aquaculture Households', U.ruta, 40_000),
		],
	},
	{
		id: 60,
		subcat: 3,
		title: ['Kehutanan', 'Forestry'],
		csa: [543, 'Kehutanan', 'Forestry'],
		stems: [
			cnt('Luas Kawasan Hutan', 'Forest Area', U.ha, 3_500_000),
			cnt('Produksi Kayu Bulat', 'Roundwood Production', U.ton, 1_200_000),
		],
	},
	{
		id: 61,
		subcat: 3,
		title: ['Pertambangan', 'Mining'],
		csa: [544, 'Pertambangan', 'Mining'],
		stems: [
			cnt('Produksi Batu Bara', 'Coal Production', U.ton, 15_000_000),
			cnt('Jumlah Perusahaan Pertambangan', 'Number of Mining Establishments', U.unit, 90),
		],
	},
	// 0 Lainnya
	{
		id: 100,
		subcat: 0,
		title: ['Geografi', 'Geography'],
		csa: [545, 'Geografi', 'Geography'],
		stems: [
			cnt('Luas Wilayah', 'Total Area', U.km2, 50_000),
			cnt('Jumlah Pulau', 'Number of Islands', U.unit, 400),
		],
	},
	{
		id: 101,
		subcat: 0,
		title: ['Iklim', 'Climate'],
		csa: [545, 'Geografi', 'Geography'],
		stems: [
			cnt('Jumlah Curah Hujan', 'Total Rainfall', U.mm, 2500),
			{
				title: ['Rata-rata Suhu Udara', 'Average Air Temperature'],
				kind: 'years',
				unit: ['Derajat Celsius', 'Degrees Celsius'],
				range: [24, 29],
			},
		],
	},
	{
		id: 102,
		subcat: 0,
		title: ['Pemerintahan', 'Government'],
		csa: [566, 'Pemerintahan', 'Government'],
		stems: [
			cnt('Jumlah Pegawai Negeri Sipil', 'Number of Civil Servants', U.orang, 110_000),
			cnt('Jumlah Desa/Kelurahan', 'Number of Villages', U.desa, 2200),
		],
	},
	{
		id: 103,
		subcat: 0,
		title: ['Potensi Desa', 'Village Potential'],
		csa: [566, 'Pemerintahan', 'Government'],
		stems: [
			pct(
				'Persentase Desa dengan Sinyal Telepon Seluler Kuat',
				'Percentage of Villages with Strong Mobile Signal',
				40,
				95,
			),
			cnt('Jumlah Desa yang Memiliki Pasar', 'Number of Villages with a Market', U.desa, 500),
		],
	},
	{
		id: 104,
		subcat: 0,
		title: ['Sensus Penduduk 2020', 'Population Census 2020'],
		csa: [519, 'Kependudukan', 'Population'],
		stems: [
			cnt('Jumlah Penduduk Hasil SP2020', 'Population (SP2020)', U.jiwa, 7_000_000),
			pct('Persentase Penduduk Usia Produktif Hasil SP2020', 'Working-Age Population Share (SP2020)', 64, 72),
		],
	},
	{
		id: 105,
		subcat: 0,
		title: ['Sensus Pertanian 2023', 'Agricultural Census 2023'],
		csa: [541, 'Pertanian', 'Agriculture'],
		stems: [
			cnt('Jumlah Rumah Tangga Usaha Pertanian', 'Number of Agricultural Households', U.ruta, 800_000),
			cnt('Jumlah Petani Milenial', 'Number of Millennial Farmers', U.orang, 160_000),
		],
	},
];

export const MONTHS: ReadonlyArray<Bi> = [
	['Januari', 'January'],
	['Februari', 'February'],
	['Maret', 'March'],
	['April', 'April'],
	['Mei', 'May'],
	['Juni', 'June'],
	['Juli', 'July'],
	['Agustus', 'August'],
	['September', 'September'],
	['Oktober', 'October'],
	['November', 'November'],
	['Desember', 'December'],
];

export const QUARTERS: ReadonlyArray<Bi> = [
	['Triwulan I', 'Quarter I'],
	['Triwulan II', 'Quarter II'],
	['Triwulan III', 'Quarter III'],
	['Triwulan IV', 'Quarter IV'],
];

export const AGE_GROUPS = [
	'0-4',
	'5-9',
	'10-14',
	'15-19',
	'20-24',
	'25-29',
	'30-34',
	'35-39',
	'40-44',
	'45-49',
	'50-54',
	'55-59',
	'60-64',
	'65-69',
	'70-74',
	'75+',
];

export const INDUSTRIES: ReadonlyArray<Bi> = [
	['Pertanian, Kehutanan, dan Perikanan', 'Agriculture, Forestry and Fishing'],
	['Pertambangan dan Penggalian', 'Mining and Quarrying'],
	['Industri Pengolahan', 'Manufacturing'],
	['Pengadaan Listrik dan Gas', 'Electricity and Gas'],
	['Pengadaan Air; Pengelolaan Sampah, Limbah dan Daur Ulang', 'Water Supply; Sewerage, Waste Management'],
	['Konstruksi', 'Construction'],
	[
		'Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor',
		'Wholesale and Retail Trade; Repair of Motor Vehicles',
	],
	['Transportasi dan Pergudangan', 'Transportation and Storage'],
	['Penyediaan Akomodasi dan Makan Minum', 'Accommodation and Food Service Activities'],
	['Informasi dan Komunikasi', 'Information and Communication'],
	['Jasa Keuangan dan Asuransi', 'Financial and Insurance Activities'],
	['Real Estat', 'Real Estate'],
	['Jasa Perusahaan', 'Business Activities'],
	[
		'Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib',
		'Public Administration and Defence; Compulsory Social Security',
	],
	['Jasa Pendidikan', 'Education'],
	['Jasa Kesehatan dan Kegiatan Sosial', 'Human Health and Social Work Activities'],
	['Jasa Lainnya', 'Other Services'],
];

/** The 31 kecamatan of Kota Surabaya (3578), in BPS code order. */
export const SURABAYA_DISTRICTS = [
	'Karang Pilang',
	'Jambangan',
	'Gayungan',
	'Wonocolo',
	'Tenggilis Mejoyo',
	'Gunung Anyar',
	'Rungkut',
	'Sukolilo',
	'Mulyorejo',
	'Gubeng',
	'Wonokromo',
	'Dukuh Pakis',
	'Wiyung',
	'Lakarsantri',
	'Sambikerep',
	'Tandes',
	'Suko Manunggal',
	'Sawahan',
	'Tegalsari',
	'Genteng',
	'Tambaksari',
	'Kenjeran',
	'Bulak',
	'Simokerto',
	'Semampir',
	'Pabean Cantian',
	'Bubutan',
	'Krembangan',
	'Asemrowo',
	'Benowo',
	'Pakal',
];

/** Syllables for made-up district names elsewhere. */
export const DISTRICT_PREFIX = [
	'Suka',
	'Tanjung',
	'Sumber',
	'Batu',
	'Pasir',
	'Karang',
	'Banjar',
	'Muara',
	'Sungai',
	'Air',
	'Bukit',
	'Gunung',
	'Teluk',
	'Rantau',
	'Padang',
	'Lubuk',
	'Sido',
	'Wono',
	'Kali',
	'Tegal',
	'Rejo',
	'Mekar',
	'Cipta',
	'Bangun',
];
export const DISTRICT_SUFFIX = [
	'Jaya',
	'Makmur',
	'Baru',
	'Sari',
	'Raya',
	'Indah',
	'Mulya',
	'Asri',
	'Agung',
	'Timur',
	'Barat',
	'Utara',
	'Selatan',
	'Tengah',
	'Harjo',
	'Rejo',
	'Mukti',
	'Arum',
	'Kencana',
	'Permai',
];
