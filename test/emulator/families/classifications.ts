/**
 * Statistical classifications, `list|view model=kbli2009|kbli2015|kbli2017|kbli2020|kbli2025|kbki2015`
 * (bps-api.md §3.5). No domain. Items are Elasticsearch hits; `sebelumnya` holds the ancestors and
 * `turunan` the children (as in the recorded KBLI 2020 detail). Ids read `kbli_2020_01`.
 *
 * Known: the envelope, the hit shape and `_source` fields, the id format, the level names.
 * GUESSES: that every KBLI edition serves the same (abridged) tree below; that `lang=eng` puts the
 * English title in `title`/`description` while `judul`/`deskripsi` stay Indonesian; that `keyword`
 * matches code and both titles; page meta of Elasticsearch lists.
 */
import { type ApiResponse, listNotAvailable } from '../handlers';
import { esHit, esPaged, matchesWords } from './envelope';

type Node = readonly [code: string, ind: string, eng: string];

/** An abridged KBLI: every category, and a few full branches down to 5 digits. */
const KBLI: readonly Node[] = [
	['A', 'Pertanian, Kehutanan dan Perikanan', 'Agriculture, Forestry and Fishing'],
	[
		'01',
		'Pertanian Tanaman, Peternakan, Perburuan dan Kegiatan YBDI',
		'Crop and Animal Production, Hunting and Related Activities',
	],
	['011', 'Pertanian Tanaman Semusim', 'Growing of Non-Perennial Crops'],
	[
		'0111',
		'Pertanian Serealia (Bukan Padi), Aneka Kacang dan Biji-Bijian Penghasil Minyak',
		'Growing of Cereals (Except Rice), Leguminous Crops and Oil Seeds',
	],
	['01111', 'Pertanian Jagung', 'Growing of Maize'],
	['01112', 'Pertanian Gandum', 'Growing of Wheat'],
	['0112', 'Pertanian Padi', 'Growing of Rice'],
	['01121', 'Pertanian Padi Hibrida', 'Growing of Hybrid Rice'],
	['01122', 'Pertanian Padi Inbrida', 'Growing of Inbred Rice'],
	['012', 'Pertanian Tanaman Tahunan', 'Growing of Perennial Crops'],
	['0126', 'Pertanian Buah Oleaginous', 'Growing of Oleaginous Fruits'],
	['01262', 'Perkebunan Buah Kelapa Sawit', 'Oil Palm Plantation'],
	['02', 'Kehutanan dan Penebangan Kayu', 'Forestry and Logging'],
	['021', 'Pengusahaan Hutan', 'Silviculture and Other Forestry Activities'],
	['03', 'Perikanan', 'Fishing and Aquaculture'],
	['B', 'Pertambangan dan Penggalian', 'Mining and Quarrying'],
	['05', 'Pertambangan Batu Bara dan Lignit', 'Mining of Coal and Lignite'],
	['C', 'Industri Pengolahan', 'Manufacturing'],
	['10', 'Industri Makanan', 'Manufacture of Food Products'],
	['107', 'Industri Makanan Lainnya', 'Manufacture of Other Food Products'],
	['1071', 'Industri Produk Roti dan Kue', 'Manufacture of Bakery Products'],
	['10710', 'Industri Produk Roti dan Kue', 'Manufacture of Bakery Products'],
	['11', 'Industri Minuman', 'Manufacture of Beverages'],
	[
		'D',
		'Pengadaan Listrik, Gas, Uap/Air Panas dan Udara Dingin',
		'Electricity, Gas, Steam and Air Conditioning Supply',
	],
	[
		'E',
		'Treatment Air, Treatment Air Limbah, Treatment dan Pemulihan Material Sampah, dan Aktivitas Remediasi',
		'Water Supply; Sewerage, Waste Management and Remediation Activities',
	],
	['F', 'Konstruksi', 'Construction'],
	[
		'G',
		'Perdagangan Besar dan Eceran; Reparasi dan Perawatan Mobil dan Sepeda Motor',
		'Wholesale and Retail Trade; Repair of Motor Vehicles and Motorcycles',
	],
	[
		'47',
		'Perdagangan Eceran, Bukan Mobil dan Motor',
		'Retail Trade, Except of Motor Vehicles and Motorcycles',
	],
	['471', 'Perdagangan Eceran Berbagai Macam Barang di Toko', 'Retail Sale in Non-Specialized Stores'],
	[
		'4711',
		'Perdagangan Eceran Berbagai Macam Barang yang Utamanya Makanan, Minuman atau Tembakau di Toko',
		'Retail Sale in Non-Specialized Stores with Food, Beverages or Tobacco Predominating',
	],
	[
		'47111',
		'Perdagangan Eceran Berbagai Macam Barang yang Utamanya Makanan, Minuman atau Tembakau di Minimarket/Supermarket/Hypermarket',
		'Retail Sale in Minimarkets/Supermarkets/Hypermarkets, Food, Beverages or Tobacco Predominating',
	],
	['H', 'Pengangkutan dan Pergudangan', 'Transportation and Storage'],
	['I', 'Penyediaan Akomodasi dan Penyediaan Makan Minum', 'Accommodation and Food Service Activities'],
	['J', 'Informasi dan Komunikasi', 'Information and Communication'],
	[
		'62',
		'Aktivitas Pemrograman, Konsultasi Komputer dan Kegiatan YBDI',
		'Computer Programming, Consultancy and Related Activities',
	],
	[
		'620',
		'Aktivitas Pemrograman, Konsultasi Komputer dan Kegiatan YBDI',
		'Computer Programming, Consultancy and Related Activities',
	],
	['6201', 'Aktivitas Pemrograman Komputer', 'Computer Programming Activities'],
	['62010', 'Aktivitas Pemrograman Komputer', 'Computer Programming Activities'],
	['K', 'Aktivitas Keuangan dan Asuransi', 'Financial and Insurance Activities'],
	['L', 'Real Estat', 'Real Estate Activities'],
	['M', 'Aktivitas Profesional, Ilmiah dan Teknis', 'Professional, Scientific and Technical Activities'],
	[
		'N',
		'Aktivitas Penyewaan dan Sewa Guna Usaha Tanpa Hak Opsi, Ketenagakerjaan, Agen Perjalanan dan Penunjang Usaha Lainnya',
		'Administrative and Support Service Activities',
	],
	[
		'O',
		'Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib',
		'Public Administration and Defence; Compulsory Social Security',
	],
	['P', 'Pendidikan', 'Education'],
	['Q', 'Aktivitas Kesehatan Manusia dan Aktivitas Sosial', 'Human Health and Social Work Activities'],
	['R', 'Kesenian, Hiburan dan Rekreasi', 'Arts, Entertainment and Recreation'],
	['S', 'Aktivitas Jasa Lainnya', 'Other Service Activities'],
	['T', 'Aktivitas Rumah Tangga sebagai Pemberi Kerja', 'Activities of Households as Employers'],
	[
		'U',
		'Aktivitas Badan Internasional dan Badan Ekstra Internasional Lainnya',
		'Activities of Extraterritorial Organizations and Bodies',
	],
];

/** An abridged KBKI 2015 (CPC-based): sections are one digit, then 2, 3, 4, 5, 7 and 10 digits. */
const KBKI: readonly Node[] = [
	['0', 'Produk Pertanian, Kehutanan dan Perikanan', 'Agriculture, Forestry and Fishery Products'],
	[
		'01',
		'Produk Pertanian, Hortikultura dan Perkebunan',
		'Products of Agriculture, Horticulture and Market Gardening',
	],
	['011', 'Serealia', 'Cereals'],
	['0111', 'Gandum', 'Wheat'],
	['01121', 'Jagung', 'Maize'],
	['0113', 'Padi', 'Rice'],
	['01131', 'Padi Gogo', 'Upland Rice'],
	['0113101', 'Gabah Kering Giling', 'Dry Unhusked Rice'],
	['0113101001', 'Gabah Kering Giling Varietas Unggul', 'Dry Unhusked Rice, High-Yield Variety'],
	['1', 'Bijih dan Mineral; Listrik, Gas dan Air', 'Ores and Minerals; Electricity, Gas and Water'],
	[
		'2',
		'Makanan, Minuman dan Tembakau; Tekstil, Pakaian dan Produk Kulit',
		'Food Products, Beverages and Tobacco; Textiles, Apparel and Leather Products',
	],
	['21', 'Daging, Ikan, Buah, Sayuran, Minyak dan Lemak', 'Meat, Fish, Fruit, Vegetables, Oils and Fats'],
	['216', 'Minyak dan Lemak Nabati', 'Vegetable Oils and Fats'],
	['2165', 'Minyak Kelapa Sawit', 'Palm Oil'],
	['21651', 'Minyak Kelapa Sawit Mentah', 'Crude Palm Oil'],
	[
		'3',
		'Barang Lainnya yang Dapat Diangkut, Kecuali Produk Logam, Mesin dan Perlengkapannya',
		'Other Transportable Goods, Except Metal Products, Machinery and Equipment',
	],
	['4', 'Produk Logam, Mesin dan Perlengkapannya', 'Metal Products, Machinery and Equipment'],
	['5', 'Konstruksi dan Jasa Konstruksi', 'Constructions and Construction Services'],
	[
		'6',
		'Jasa Perdagangan; Akomodasi; Makanan dan Minuman; Transportasi',
		'Distributive Trade Services; Accommodation, Food and Beverage Serving Services; Transport Services',
	],
	[
		'7',
		'Jasa Keuangan dan Jasa Terkait; Real Estat; Sewa Guna Usaha',
		'Financial and Related Services; Real Estate Services; Rental and Leasing Services',
	],
	['8', 'Jasa Bisnis dan Produksi', 'Business and Production Services'],
	['9', 'Jasa Masyarakat, Sosial dan Perorangan', 'Community, Social and Personal Services'],
];

export const CLASSIFICATION_MODELS = [
	'kbli2009',
	'kbli2015',
	'kbli2017',
	'kbli2020',
	'kbli2025',
	'kbki2015',
] as const;
export type ClassificationModel = (typeof CLASSIFICATION_MODELS)[number];

const KBLI_LEVELS = ['kategori', 'golongan pokok', 'golongan', 'subgolongan', 'kelompok'];
const KBKI_LEVELS: Record<number, string> = {
	1: 'seksi',
	2: 'divisi',
	3: 'kelompok',
	4: 'kelas',
	5: 'subkelas',
	7: 'kelompok komoditas',
	10: 'komoditas',
};

function treeOf(model: ClassificationModel): readonly Node[] {
	return model.startsWith('kbki') ? KBKI : KBLI;
}
function levelOf(model: ClassificationModel, code: string): string {
	if (model.startsWith('kbki')) return KBKI_LEVELS[code.length] ?? 'komoditas';
	return /^[A-Z]$/.test(code) ? KBLI_LEVELS[0] : KBLI_LEVELS[code.length - 1];
}
/** The parent code: KBLI 2-digit codes hang under their category letter (the range table). */
function parentOf(model: ClassificationModel, code: string, tree: readonly Node[]): Node | undefined {
	if (/^[A-Z]$/.test(code)) return undefined;
	if (!model.startsWith('kbki') && code.length === 2) {
		const idx = tree.findIndex((n) => n[0] === code);
		for (let i = idx - 1; i >= 0; i--) if (/^[A-Z]$/.test(tree[i][0])) return tree[i];
		return undefined;
	}
	for (let len = code.length - 1; len >= 1; len--) {
		const p = tree.find((n) => n[0] === code.slice(0, len));
		if (p) return p;
	}
	return undefined;
}
function childrenOf(model: ClassificationModel, code: string, tree: readonly Node[]): Node[] {
	return tree.filter((n) => parentOf(model, n[0], tree)?.[0] === code);
}

function idOf(model: ClassificationModel, code: string): string {
	const m = /^(kbli|kbki)(\d{4})$/.exec(model)!;
	return `${m[1]}_${m[2]}_${code}`;
}
const describe = (n: Node, lang: 'ind' | 'eng'): string =>
	lang === 'eng'
		? `This group covers ${n[2].toLowerCase()}.`
		: `Kelompok ini mencakup ${n[1].toLowerCase()}.`;

function hit(model: ClassificationModel, n: Node, tree: readonly Node[], lang: 'ind' | 'eng') {
	const ancestors: Node[] = [];
	for (let p = parentOf(model, n[0], tree); p; p = parentOf(model, p[0], tree)) ancestors.unshift(p);
	const id = idOf(model, n[0]);
	const judul = `[${n[0]}] ${n[1]}`;
	return esHit('datacontent', id, {
		konten: model,
		jenis: model,
		id,
		source: 'Metadata Management System (MMS)',
		judul,
		title: lang === 'eng' ? `[${n[0]}] ${n[2]}` : judul,
		deskripsi: describe(n, 'ind'),
		description: describe(n, lang),
		isbn: null,
		issn: null,
		no_katalog: null,
		no_publikasi: null,
		last_update: '2023-12-21',
		tgl_rilis: '2020-09-15',
		lokasi: null,
		url: `https://klasifikasi.web.bps.go.id/app/view/${model}/${n[0]}`,
		level: levelOf(model, n[0]),
		mfd: null,
		sebelumnya: ancestors.map((a) => ({ kode: a[0], judul: a[1], deskripsi: describe(a, 'ind') })),
		turunan: childrenOf(model, n[0], tree).map((c) => ({
			kode: c[0],
			deskripsi: describe(c, 'ind'),
			judul: c[1],
		})),
		flag: true,
		tags: [n[1].split(' ')[0].toLowerCase(), n[2].split(' ')[0].toLowerCase()],
	});
}

export function handleClassification(
	action: 'list' | 'view',
	model: ClassificationModel,
	p: Record<string, string>,
): ApiResponse {
	const lang = p.lang === 'eng' ? 'eng' : 'ind';
	const tree = treeOf(model);
	if (action === 'view') {
		const n = tree.find((x) => idOf(model, x[0]) === p.id);
		return n ? esPaged([hit(model, n, tree, lang)], '1', '1') : listNotAvailable();
	}
	let nodes = tree.slice();
	if (p.level) nodes = nodes.filter((n) => levelOf(model, n[0]) === p.level.replace(/\+/g, ' '));
	if (p.keyword) nodes = nodes.filter((n) => matchesWords(`${n[0]} ${n[1]} ${n[2]}`, p.keyword));
	return esPaged(
		nodes.map((n) => hit(model, n, tree, lang)),
		p.page,
		p.perpage,
	);
}
