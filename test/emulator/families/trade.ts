/**
 * Foreign trade, `GET /v1/api/dataexim/` (bps-api.md §3.10, seen live).
 *
 * Known from live responses: the parameter names (`sumber`, `periode`, `kodehs`, `jenishs`,
 * `tahun` — lowercase; `Tahun` → "Parameter tahun is missing"), earliest year 2014, the envelope
 * without a pagination element, the `metadata` block, row fields, `bulan` on monthly rows,
 * `jenishs: "hs2022"` on 8-digit rows, `null` ports and countries, English export descriptions and
 * Indonesian 2014 import descriptions, and `data-availability: "unavailable"` when nothing matches.
 *
 * GUESSES (not seen live): the texts for a missing `sumber`/`periode`/`jenishs`/`kodehs` (modelled on
 * the `tahun` one), that the error comes in the usual `{status:"Error",message}` envelope, which
 * ports and countries appear, and every number (deterministic, seeded per code/year/port/country).
 */
import { HS_CHAPTERS, hsChapterOf } from '../../../src/api/families/hsChapters';
import { unit } from '../prng';
import { type ApiResponse, apiError, json, unavailable } from '../handlers';

export const TRADE_FIRST_YEAR = 2014;
export const TRADE_LAST_YEAR = 2025;

/** 8-digit BTKI codes the emulator knows (a real client accepts any; unknown ones have no rows). */
export const HS8_CODES: ReadonlyArray<readonly [code: string, eng: string, ind: string]> = [
	['03061719', 'Other shrimps and prawns, frozen', 'Udang lainnya, beku'],
	['09011110', 'Arabica coffee, not roasted', 'Kopi arabika, tidak digongseng'],
	['15111000', 'Crude palm oil', 'Minyak kelapa sawit mentah'],
	['18010000', 'Cocoa beans, whole or broken', 'Biji kakao, utuh atau pecah'],
	['26040000', 'Nickel ores and concentrates', 'Bijih nikel dan konsentratnya'],
	['27011900', 'Other coal', 'Batu bara lainnya'],
	['27090010', 'Crude petroleum oils', 'Minyak mentah petroleum'],
	['27111100', 'Liquefied natural gas', 'Gas alam cair'],
	['40012220', 'Technically specified natural rubber, TSNR 20', 'Karet alam spesifikasi teknis, TSNR 20'],
	['64041190', 'Sports footwear, other', 'Alas kaki olahraga, lainnya'],
	['72024100', 'Ferro-chromium, > 4% carbon', 'Fero-krom, karbon > 4%'],
	['75021000', 'Nickel, not alloyed, unwrought', 'Nikel, bukan paduan, belum tempa'],
	['85171300', 'Smartphones', 'Telepon pintar'],
	['87032363', 'Motor cars, 1,500–3,000 cc, CKD', 'Mobil, 1.500–3.000 cc, CKD'],
];

const PORTS = [
	'TANJUNG PRIOK',
	'TANJUNG PERAK',
	'BELAWAN',
	'TANJUNG EMAS',
	'DUMAI',
	'BALIKPAPAN',
	'MAKASSAR',
	'BATAM',
	'PALEMBANG',
	'SOEKARNO-HATTA',
];
const COUNTRIES = [
	'CHINA',
	'UNITED STATES',
	'JAPAN',
	'INDIA',
	'SINGAPORE',
	'MALAYSIA',
	'KOREA, SOUTH',
	'PHILIPPINES',
	'VIETNAM',
	'THAILAND',
	'TAIWAN',
	'NETHERLANDS',
	'AUSTRALIA',
	'GERMANY',
	'PAKISTAN',
	'BANGLADESH',
	'SAUDI ARABIA',
	'UNITED ARAB EMIRATES',
	'ITALY',
	'SPAIN',
	'UNITED KINGDOM',
	'FRANCE',
	'EGYPT',
	'TURKEY',
	'RUSSIA',
	'BRAZIL',
	'CANADA',
	'HONG KONG',
	'ALBANIA',
	'NEW ZEALAND',
];
const MONTHS_ID = [
	'Januari',
	'Februari',
	'Maret',
	'April',
	'Mei',
	'Juni',
	'Juli',
	'Agustus',
	'September',
	'Oktober',
	'November',
	'Desember',
];

export type Flow = 'export' | 'import';

function describe(code: string, flow: Flow, year: number): string | undefined {
	// Live: export descriptions are English; 2014 import descriptions Indonesian.
	const ind = flow === 'import' && year === 2014;
	if (code.length === 2) {
		const ch = HS_CHAPTERS.find((c) => c.code === code);
		return ch ? `[${code}] ${ind ? ch.ind : ch.eng}` : undefined;
	}
	const h = HS8_CODES.find(([c]) => c === code);
	return h ? `[${code}] ${ind ? h[2] : h[1]}` : undefined;
}

/** The rows the emulator serves for one code and year (deterministic). */
export function tradeRows(
	flow: Flow,
	code: string,
	year: number,
	monthly: boolean,
): Record<string, unknown>[] {
	const desc = describe(code, flow, year);
	if (!desc) return [];
	const rows: Record<string, unknown>[] = [];
	const level8 = code.length === 8;
	const seed = `${flow}|${code}`;
	// Bigger chapters trade with more partners.
	const breadth = 0.25 + 0.5 * unit(`${seed}|breadth`);
	for (let p = 0; p < PORTS.length; p++) {
		for (let c = 0; c < COUNTRIES.length; c++) {
			const pair = `${seed}|${p}|${c}`;
			if (unit(`${pair}|on`) > breadth) continue;
			// A few rows have no port or no country on record (live quirk): shown, never dropped.
			const pod = unit(`${pair}|nullpod`) < 0.02 ? null : PORTS[p];
			const ctr = unit(`${pair}|nullctr`) < 0.015 ? null : COUNTRIES[c];
			const base = 20_000 + Math.floor(unit(`${pair}|size`) ** 3 * 40_000_000);
			const growth = 1 + 0.04 * (year - TRADE_FIRST_YEAR) + 0.1 * (unit(`${pair}|${year}`) - 0.5);
			const price = 0.4 + 6 * unit(`${seed}|price`);
			const row = (value: number, month?: number): Record<string, unknown> => {
				const r: Record<string, unknown> = { tahun: String(year) };
				if (month !== undefined) r.bulan = `[${String(month).padStart(2, '0')}] ${MONTHS_ID[month - 1]}`;
				r.kodehs = desc;
				if (level8) r.jenishs = 'hs2022';
				r.pod = pod;
				r.ctr = ctr;
				r.value = Math.round(value);
				r.netweight = Math.round(value / price);
				return r;
			};
			const annual = base * growth;
			if (!monthly) {
				rows.push(row(annual));
				continue;
			}
			for (let m = 1; m <= 12; m++) {
				if (unit(`${pair}|${year}|${m}|on`) < 0.2) continue;
				rows.push(row((annual / 12) * (0.7 + 0.6 * unit(`${pair}|${year}|${m}`)), m));
			}
		}
	}
	return rows;
}

function metadata(flow: Flow, now: Date): Record<string, string> {
	const pad = (n: number) => String(n).padStart(2, '0');
	const stamp = `${pad(now.getUTCDate())}-${pad(now.getUTCMonth() + 1)}-${now.getUTCFullYear()} ${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())}`;
	const exp = flow === 'export';
	return {
		source: `Sumber : https://www.bps.go.id diakses pada ${stamp} WIB`,
		value: exp ? 'Nilai Ekspor dalam US Dollar ($)' : 'Nilai Impor dalam US Dollar ($)',
		netweight: exp ? 'Berat Ekspor dalam Kilogram (KG)' : 'Berat Impor dalam Kilogram (KG)',
		kodehs: 'Kode dan Deskripsi dari HS',
		pod: exp ? 'Pelabuhan keluarnya barang di Indonesia' : 'Pelabuhan masuknya barang di Indonesia',
		ctr: exp ? 'Negara Tujuan' : 'Negara Asal',
		tahun: 'Tahun Data',
	};
}

/** `dataexim`: params are the merged path pairs + query string (key removed). */
export function handleTrade(p: Record<string, string>, now = new Date()): ApiResponse {
	for (const name of ['sumber', 'periode', 'kodehs', 'jenishs', 'tahun'])
		if (p[name] === undefined || p[name] === '') return apiError(`Parameter ${name} is missing`);
	const flow: Flow | undefined = p.sumber === '1' ? 'export' : p.sumber === '2' ? 'import' : undefined;
	const monthly = p.periode === '1' ? true : p.periode === '2' ? false : undefined;
	const level = p.jenishs === '1' ? 2 : p.jenishs === '2' ? 8 : undefined;
	const year = /^\d{4}$/.test(p.tahun) ? Number(p.tahun) : NaN;
	if (!flow || monthly === undefined || !level || !Number.isFinite(year)) return unavailable();
	if (year < TRADE_FIRST_YEAR || year > TRADE_LAST_YEAR) return unavailable();
	const codes = p.kodehs
		.split(';')
		.map((c) => c.trim())
		.filter((c) => c.length === level && /^\d+$/.test(c) && hsChapterOf(c));
	const data = [...new Set(codes)].flatMap((c) => tradeRows(flow, c, year, monthly));
	if (data.length === 0) return unavailable();
	return json({ status: 'OK', 'data-availability': 'available', metadata: metadata(flow, now), data });
}
