/**
 * The 2-digit chapters of the Harmonized System (HS 2022 / BTKI 2022), with short English and
 * Indonesian titles. The WebAPI has no endpoint that lists HS codes, so the trade picker searches
 * this table (and accepts any typed 8-digit code). Chapter 77 is reserved and 98–99 are national.
 */
export interface HsChapter {
	/** Two digits, e.g. "03". */
	code: string;
	eng: string;
	ind: string;
}

const CHAPTERS: ReadonlyArray<readonly [string, string, string]> = [
	['01', 'Live animals', 'Binatang hidup'],
	['02', 'Meat and edible meat offal', 'Daging dan sisa daging yang dapat dimakan'],
	['03', 'Fish, crustaceans and molluscs', 'Ikan, krustasea dan moluska'],
	['04', "Dairy produce; birds' eggs; natural honey", 'Susu dan produk susu; telur unggas; madu alam'],
	['05', 'Products of animal origin, n.e.s.', 'Produk hewani lainnya'],
	['06', 'Live trees and other plants; cut flowers', 'Pohon hidup dan tanaman lainnya; bunga potong'],
	['07', 'Edible vegetables', 'Sayuran'],
	['08', 'Edible fruit and nuts', 'Buah dan kacang-kacangan'],
	['09', 'Coffee, tea, mate and spices', 'Kopi, teh, mate dan rempah-rempah'],
	['10', 'Cereals', 'Serealia'],
	['11', 'Milling products; malt; starches', 'Produk industri penggilingan; malt; pati'],
	['12', 'Oil seeds and oleaginous fruits', 'Biji dan buah mengandung minyak'],
	['13', 'Lac; gums, resins', 'Lak; getah dan resin'],
	['14', 'Vegetable plaiting materials', 'Bahan anyaman nabati'],
	['15', 'Animal or vegetable fats and oils', 'Lemak dan minyak hewani atau nabati'],
	['16', 'Preparations of meat or fish', 'Olahan dari daging atau ikan'],
	['17', 'Sugars and sugar confectionery', 'Gula dan kembang gula'],
	['18', 'Cocoa and cocoa preparations', 'Kakao dan olahannya'],
	['19', 'Preparations of cereals, flour, starch or milk', 'Olahan dari serealia, tepung, pati atau susu'],
	['20', 'Preparations of vegetables, fruit or nuts', 'Olahan dari sayuran, buah atau kacang'],
	['21', 'Miscellaneous edible preparations', 'Berbagai olahan makanan'],
	['22', 'Beverages, spirits and vinegar', 'Minuman, alkohol dan cuka'],
	['23', 'Food industry residues; animal fodder', 'Ampas industri makanan; pakan hewan'],
	['24', 'Tobacco and manufactured substitutes', 'Tembakau dan penggantinya'],
	['25', 'Salt; sulphur; earths and stone; cement', 'Garam; belerang; tanah dan batu; semen'],
	['26', 'Ores, slag and ash', 'Bijih, terak dan abu'],
	['27', 'Mineral fuels, mineral oils', 'Bahan bakar mineral, minyak mineral'],
	['28', 'Inorganic chemicals', 'Bahan kimia anorganik'],
	['29', 'Organic chemicals', 'Bahan kimia organik'],
	['30', 'Pharmaceutical products', 'Produk farmasi'],
	['31', 'Fertilisers', 'Pupuk'],
	['32', 'Tanning or dyeing extracts; paints', 'Ekstrak penyamak atau pencelup; cat'],
	['33', 'Essential oils; perfumery and cosmetics', 'Minyak atsiri; wewangian dan kosmetik'],
	['34', 'Soap, washing preparations, waxes', 'Sabun, preparat pencuci, lilin'],
	['35', 'Albuminoidal substances; glues; enzymes', 'Bahan albuminoid; perekat; enzim'],
	['36', 'Explosives; matches', 'Bahan peledak; korek api'],
	['37', 'Photographic or cinematographic goods', 'Barang fotografi atau sinematografi'],
	['38', 'Miscellaneous chemical products', 'Berbagai produk kimia'],
	['39', 'Plastics and articles thereof', 'Plastik dan barang dari plastik'],
	['40', 'Rubber and articles thereof', 'Karet dan barang dari karet'],
	['41', 'Raw hides and skins and leather', 'Kulit mentah dan kulit samak'],
	['42', 'Articles of leather; handbags', 'Barang dari kulit; tas tangan'],
	['43', 'Furskins and artificial fur', 'Kulit berbulu dan bulu tiruan'],
	['44', 'Wood and articles of wood', 'Kayu dan barang dari kayu'],
	['45', 'Cork and articles of cork', 'Gabus dan barang dari gabus'],
	['46', 'Manufactures of straw; basketware', 'Barang anyaman'],
	['47', 'Pulp of wood', 'Pulp dari kayu'],
	['48', 'Paper and paperboard', 'Kertas dan karton'],
	['49', 'Printed books, newspapers', 'Buku cetakan, surat kabar'],
	['50', 'Silk', 'Sutra'],
	['51', 'Wool, fine or coarse animal hair', 'Wol, bulu hewan'],
	['52', 'Cotton', 'Kapas'],
	['53', 'Other vegetable textile fibres', 'Serat tekstil nabati lainnya'],
	['54', 'Man-made filaments', 'Filamen buatan'],
	['55', 'Man-made staple fibres', 'Serat stapel buatan'],
	['56', 'Wadding, felt and nonwovens', 'Gumpalan, kain kempa dan bukan tenunan'],
	['57', 'Carpets and other textile floor coverings', 'Karpet dan penutup lantai tekstil'],
	['58', 'Special woven fabrics', 'Kain tenunan khusus'],
	['59', 'Impregnated or coated textile fabrics', 'Kain tekstil diresapi atau dilapisi'],
	['60', 'Knitted or crocheted fabrics', 'Kain rajutan'],
	['61', 'Apparel, knitted or crocheted', 'Pakaian rajutan'],
	['62', 'Apparel, not knitted or crocheted', 'Pakaian bukan rajutan'],
	['63', 'Other made-up textile articles', 'Barang tekstil jadi lainnya'],
	['64', 'Footwear', 'Alas kaki'],
	['65', 'Headgear', 'Tutup kepala'],
	['66', 'Umbrellas, walking sticks', 'Payung, tongkat'],
	['67', 'Prepared feathers; artificial flowers', 'Bulu unggas olahan; bunga tiruan'],
	['68', 'Articles of stone, plaster, cement', 'Barang dari batu, plester, semen'],
	['69', 'Ceramic products', 'Produk keramik'],
	['70', 'Glass and glassware', 'Kaca dan barang dari kaca'],
	['71', 'Pearls, precious stones and metals; jewellery', 'Mutiara, batu mulia, logam mulia; perhiasan'],
	['72', 'Iron and steel', 'Besi dan baja'],
	['73', 'Articles of iron or steel', 'Barang dari besi atau baja'],
	['74', 'Copper and articles thereof', 'Tembaga dan barang dari tembaga'],
	['75', 'Nickel and articles thereof', 'Nikel dan barang dari nikel'],
	['76', 'Aluminium and articles thereof', 'Aluminium dan barang dari aluminium'],
	['78', 'Lead and articles thereof', 'Timbal dan barang dari timbal'],
	['79', 'Zinc and articles thereof', 'Seng dan barang dari seng'],
	['80', 'Tin and articles thereof', 'Timah dan barang dari timah'],
	['81', 'Other base metals; cermets', 'Logam tidak mulia lainnya; kermet'],
	['82', 'Tools and cutlery of base metal', 'Perkakas dan peralatan makan dari logam tidak mulia'],
	['83', 'Miscellaneous articles of base metal', 'Berbagai barang dari logam tidak mulia'],
	['84', 'Machinery and mechanical appliances', 'Mesin dan peralatan mekanis'],
	['85', 'Electrical machinery and equipment', 'Mesin dan perlengkapan elektrik'],
	['86', 'Railway locomotives and rolling stock', 'Lokomotif dan gerbong kereta api'],
	['87', 'Vehicles other than railway', 'Kendaraan selain kereta api'],
	['88', 'Aircraft and spacecraft', 'Pesawat udara dan pesawat ruang angkasa'],
	['89', 'Ships, boats and floating structures', 'Kapal, perahu dan struktur terapung'],
	['90', 'Optical, measuring and medical instruments', 'Instrumen optik, ukur dan medis'],
	['91', 'Clocks and watches', 'Jam dan arloji'],
	['92', 'Musical instruments', 'Alat musik'],
	['93', 'Arms and ammunition', 'Senjata dan amunisi'],
	[
		'94',
		'Furniture; bedding; lamps; prefabricated buildings',
		'Perabot; perlengkapan tidur; lampu; bangunan prafabrikasi',
	],
	['95', 'Toys, games and sports requisites', 'Mainan, permainan dan perlengkapan olahraga'],
	['96', 'Miscellaneous manufactured articles', 'Berbagai barang hasil pabrik'],
	['97', "Works of art, collectors' pieces and antiques", 'Karya seni, barang koleksi dan barang antik'],
];

export const HS_CHAPTERS: readonly HsChapter[] = CHAPTERS.map(([code, eng, ind]) => ({ code, eng, ind }));

const byCode = new Map(HS_CHAPTERS.map((c) => [c.code, c]));

/** The chapter of a 2-digit or 8-digit code ("03", "03061719" → chapter 03). */
export function hsChapterOf(code: string): HsChapter | undefined {
	return byCode.get(code.slice(0, 2));
}

/** True for a well-formed HS code of the given level: 2 digits (chapter) or 8 digits (BTKI). */
export function isHsCode(code: string, level: 2 | 8): boolean {
	return level === 2 ? /^\d{2}$/.test(code) && byCode.has(code) : /^\d{8}$/.test(code);
}
