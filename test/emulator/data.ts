/**
 * The emulator's catalogue: recorded samples where we have them, deterministic generated data
 * everywhere else. Built lazily per domain + language (+ xss flag) and cached.
 *
 * Code conventions of the generated data (documented for test authors):
 * - `th_id` = year − 1900 (2015 → 115).
 * - `turtahun`: 0 "Tahun" (annual); 1–12 months + 13 "Tahunan" (monthly vars; the latest year has
 *   no 13); 31–34 "Triwulan I–IV" + 35 "Tahunan" (quarterly vars).
 * - `turvar`: "0"/"Tidak ada" when none; sex 811 Laki-laki, 812 Perempuan, 813 Laki-laki+Perempuan;
 *   area 821 Perkotaan, 822 Perdesaan, 823 Perkotaan+Perdesaan.
 * - `vervar`: national rows are province codes (1100…9700) + 9999 INDONESIA; province rows are
 *   regency codes (3501…) + 9999 = the province; regency rows are 7-digit district codes
 *   (3578010…) + 9999 = the regency. Vertical groups: 1 region, 2 age group (1–16), 3 industry (1–17).
 */
import { hash32, Rng, unit } from './prng';
import { sampleBody, sampleDatacontentOrder } from './samples';
import {
	AGE_GROUPS,
	type Bi,
	DISTRICT_PREFIX,
	DISTRICT_SUFFIX,
	INDUSTRIES,
	type Lang,
	MONTHS,
	QUARTERS,
	type Stem,
	SUBCATS,
	SUBJECTS,
	SURABAYA_DISTRICTS,
	type ValueKind,
} from './vocab';

export type { Lang } from './vocab';

/** Well-known ids the emulator always serves; tests and other engineers code against these. */
export const FIXTURE_IDS = {
	/** National var: 514 regencies/cities × 10 years (th 115–124), annual, no turvar. */
	regencyVar: 9514,
	/** National monthly var (recorded sample for th=124): 39 rows × turtahun 1–13. */
	monthlyVar: 2263,
	/** National annual var (recorded sample for th=117:119); periods 113–119. */
	annualVar: 1804,
	/** National quarterly var (turtahun 31–34 + 35 Tahunan), periods 115–124. */
	quarterlyVar: 104,
	/** National var with a derived variable (turvar sex 811/812/813), periods 115–124. */
	derivedVar: 501,
	/** National var whose 3-year windows exceed the default maxCells (514 × 30 turvar): answers `null`. */
	tooLargeVar: 2096,
	/** National var with periods 110–124 only: th=86:88 answers list-not-available (recorded case). */
	emptyWindowVar: 698,
	/** On every province/regency domain: "Jumlah Penduduk" by regency/district and sex. */
	regionalVar: 1,
	/** Domain 8100 (Maluku) monthly var from the recorded Vue sample: periods 117, 119, 122. */
	malukuVar: 218,
	malukuDomain: '8100',
	/** National static table (generated). */
	staticTable: 2215,
	/** Recorded static table detail (domain 7315, Kabupaten Pinrang). */
	sampleStaticTable: 23,
	sampleDomain: '7315',
	/** National publication (generated) and the recorded detail (domain 7315). */
	publication: 'fafd73df0c782f4c2302fd1a',
	samplePublication: 'a78f4d4f1c3548600cffcd29',
	/** National press release (generated) and the recorded detail (national). */
	pressRelease: 2035,
	samplePressRelease: 26,
	regencyDomain: '3578',
	provinceDomain: '3500',
	/** xssProbes only (domain 0000). */
	xssVar: 666,
	xssStaticTable: 666,
	xssPublication: 'aaaaaaaaaaaaaaaaaaaa0666',
	xssPressRelease: 666,
} as const;

// ---------------------------------------------------------------------------------------------
// Domains

export interface DomainInfo {
	domain_id: string;
	domain_name: string;
	domain_url: string;
}
export type Level = 'national' | 'province' | 'regency';

let domainsCache: DomainInfo[] | undefined;
/** The 549 domains of the recorded `/domain?type=all` response. */
export function allDomains(): DomainInfo[] {
	if (!domainsCache) {
		const body = sampleBody<{ data: [unknown, DomainInfo[]] }>('bps-looker__domain_all');
		domainsCache = body.data[1];
	}
	return domainsCache;
}
export function findDomain(id: string): DomainInfo | undefined {
	return allDomains().find((d) => d.domain_id === id);
}
export function levelOf(id: string): Level {
	if (id === '0000') return 'national';
	return id.endsWith('00') ? 'province' : 'regency';
}
function regenciesOf(prov: string): DomainInfo[] {
	return allDomains().filter((d) => d.domain_id.startsWith(prov.slice(0, 2)) && !d.domain_id.endsWith('00'));
}
function provinces(): DomainInfo[] {
	return allDomains().filter((d) => d.domain_id !== '0000' && d.domain_id.endsWith('00'));
}
/** "Kota Surabaya" / "Surabaya City" for 71+ codes, the plain name for regencies. */
function regencyLabel(d: DomainInfo, lang: Lang): string {
	const isKota = Number(d.domain_id.slice(2)) >= 71;
	if (!isKota) return d.domain_name;
	return lang === 'eng' ? `${d.domain_name} City` : `Kota ${d.domain_name}`;
}
function domainTitle(d: DomainInfo, lang: Lang): string {
	const lvl = levelOf(d.domain_id);
	if (lvl === 'national') return 'Indonesia';
	if (lvl === 'province') return lang === 'eng' ? `${d.domain_name} Province` : `Provinsi ${d.domain_name}`;
	const isKota = Number(d.domain_id.slice(2)) >= 71;
	if (lang === 'eng') return `${d.domain_name} ${isKota ? 'Municipality' : 'Regency'}`;
	return `${isKota ? 'Kota' : 'Kabupaten'} ${d.domain_name}`;
}

// ---------------------------------------------------------------------------------------------
// Variables

export interface Dim {
	val: number | string;
	label: string;
}
export interface VervarItem {
	val: number;
	label: string;
	itemId: number;
	groupId: number;
	groupName: string;
}

export interface VarDef {
	id: number;
	title: string;
	subId: number;
	subName: string;
	csaId: number;
	csaName: string;
	def: string;
	/** Raw HTML; the var list entity-escapes it, the data response does not. */
	notes: string;
	vertical: number;
	unit: string;
	graphId: number;
	graphName: string;
	decimal: number;
	lastUpdate: string;
	labelvervar: string;
	vervar: VervarItem[];
	turvar: Dim[];
	turvarGroup: { id: number; name: string };
	tahun: Dim[];
	turtahun: Dim[];
	turthGroup: { id: number; name: string };
	related: unknown;
	/** The cell value, or undefined when the API has no value (the key is simply absent). */
	value(v: number, tv: number | string, t: number, tt: number): number | undefined;
	/** Recorded datacontent key order (sample vars); other keys follow in a seeded shuffle. */
	recordedOrder?: string[];
}

interface VarSpec {
	id: number;
	sub: (typeof SUBJECTS)[number];
	title: Bi;
	stem: Stem;
	rows: 'region' | 'age' | 'industry' | 'regencies';
	turvar: 'none' | 'sex' | 'area' | 'age30';
	freq: 'annual' | 'monthly' | 'quarterly';
	periods: number[];
	missRate: number;
	notes?: Bi;
	def?: Bi;
}

const SEX: Dim[][] = [
	[
		{ val: 811, label: 'Laki-laki' },
		{ val: 812, label: 'Perempuan' },
		{ val: 813, label: 'Laki-laki+Perempuan' },
	],
	[
		{ val: 811, label: 'Male' },
		{ val: 812, label: 'Female' },
		{ val: 813, label: 'Male+Female' },
	],
];
const AREA: Dim[][] = [
	[
		{ val: 821, label: 'Perkotaan' },
		{ val: 822, label: 'Perdesaan' },
		{ val: 823, label: 'Perkotaan+Perdesaan' },
	],
	[
		{ val: 821, label: 'Urban' },
		{ val: 822, label: 'Rural' },
		{ val: 823, label: 'Urban+Rural' },
	],
];
const NEW_PAPUA: ReadonlyArray<[number, string]> = [
	[9200, 'PAPUA BARAT DAYA'],
	[9500, 'PAPUA SELATAN'],
	[9600, 'PAPUA TENGAH'],
	[9700, 'PAPUA PEGUNUNGAN'],
];

function L(lang: Lang, b: Bi): string {
	return lang === 'eng' ? b[1] : b[0];
}
function range(a: number, b: number): number[] {
	const out: number[] = [];
	for (let i = a; i <= b; i++) out.push(i);
	return out;
}
function pad2(n: number): string {
	return String(n).padStart(2, '0');
}
function seededDate(seed: string, fromYear: number, toYear: number): string {
	const r = new Rng(seed);
	return `${r.int(fromYear, toYear)}-${pad2(r.int(1, 12))}-${pad2(r.int(1, 28))}`;
}

/** Row dimension for a domain's region group. */
function regionRows(domain: string, lang: Lang): VervarItem[] {
	const lvl = levelOf(domain);
	const groupName =
		lang === 'eng'
			? lvl === 'national'
				? 'Province'
				: lvl === 'province'
					? 'Regency/Municipality'
					: 'District'
			: lvl === 'national'
				? 'Provinsi'
				: lvl === 'province'
					? 'Kabupaten/Kota'
					: 'Kecamatan';
	let rows: Array<[number, string]>;
	if (lvl === 'national') {
		rows = provinces().map((p) => [Number(p.domain_id), p.domain_name.toUpperCase()] as [number, string]);
		rows.push(...NEW_PAPUA);
		rows.sort((a, b) => a[0] - b[0]);
		rows.push([9999, 'INDONESIA']);
	} else if (lvl === 'province') {
		rows = regenciesOf(domain).map((d) => [Number(d.domain_id), regencyLabel(d, lang)] as [number, string]);
		rows.push([9999, findDomain(domain)?.domain_name ?? domain]);
	} else {
		const d = findDomain(domain);
		let names: string[];
		if (domain === '3578') names = SURABAYA_DISTRICTS;
		else {
			const r = new Rng(`districts|${domain}`);
			const n = r.int(5, 24);
			const seen = new Set<string>();
			names = [];
			while (names.length < n) {
				const name = `${r.pick(DISTRICT_PREFIX)} ${r.pick(DISTRICT_SUFFIX)}`;
				if (!seen.has(name)) {
					seen.add(name);
					names.push(name);
				}
			}
		}
		rows = names.map((name, i) => [Number(domain) * 1000 + (i + 1) * 10, name] as [number, string]);
		rows.push([9999, d ? regencyLabel(d, lang) : domain]);
	}
	return rows.map(([val, label], i) => ({ val, label, itemId: 100 + i, groupId: 1, groupName }));
}

function categoryRows(kind: 'age' | 'industry', lang: Lang): VervarItem[] {
	if (kind === 'age') {
		const groupName = lang === 'eng' ? 'Age Group' : 'Kelompok Umur';
		return AGE_GROUPS.map((label, i) => ({ val: i + 1, label, itemId: 300 + i, groupId: 2, groupName }));
	}
	const groupName = lang === 'eng' ? 'Industry' : 'Lapangan Usaha';
	return INDUSTRIES.map((b, i) => ({
		val: i + 1,
		label: L(lang, b),
		itemId: 400 + i,
		groupId: 3,
		groupName,
	}));
}

function regencyRows(lang: Lang): VervarItem[] {
	const groupName = lang === 'eng' ? 'Regency/Municipality' : 'Kabupaten/Kota';
	return allDomains()
		.filter((d) => levelOf(d.domain_id) === 'regency')
		.map((d, i) => ({
			val: Number(d.domain_id),
			label: regencyLabel(d, lang),
			itemId: 1000 + i,
			groupId: 4,
			groupName,
		}));
}

function turtahunFor(freq: VarSpec['freq'], lang: Lang): Dim[] {
	if (freq === 'monthly') {
		return [
			...MONTHS.map((m, i) => ({ val: i + 1, label: L(lang, m) })),
			{ val: 13, label: lang === 'eng' ? 'Annual' : 'Tahunan' },
		];
	}
	if (freq === 'quarterly') {
		return [
			...QUARTERS.map((q, i) => ({ val: 31 + i, label: L(lang, q) })),
			{ val: 35, label: lang === 'eng' ? 'Annual' : 'Tahunan' },
		];
	}
	return [{ val: 0, label: lang === 'eng' ? 'Year' : 'Tahun' }];
}

function roundTo(x: number, decimals: number): number {
	const f = 10 ** decimals;
	return Math.round(x * f) / f;
}

const DECIMALS: Record<ValueKind, number> = {
	count: 0,
	money: 0,
	percent: 2,
	rate: 2,
	index: 2,
	years: 2,
	ratio: 3,
};

/** A deterministic, plausible value for one cell of a generated variable. */
function generatedValue(
	seed: string,
	spec: VarSpec,
	rowIndex: number,
	rowCount: number,
	tvIndex: number,
	t: number,
	tt: number,
): number {
	const s = spec.stem;
	const decimals = DECIMALS[s.kind];
	const rf = 0.3 + 1.4 * unit(`${seed}|row|${rowIndex}`);
	const noise = unit(`${seed}|${rowIndex}|${tvIndex}|${t}|${tt}`);
	const y = t - 115;
	const sub = tt >= 1 && tt <= 12 ? tt : tt >= 31 && tt <= 34 ? tt - 30 : 0;
	let v: number;
	switch (s.kind) {
		case 'count':
		case 'money': {
			const scale = s.scale ?? 1000;
			v = (scale * rf * (1 + 0.025 * y) * (0.96 + 0.08 * noise)) / Math.max(1, rowCount / 38);
			if (sub && tt <= 12) v = v / 12;
			if (sub && tt >= 31) v = v / 4;
			// Derived variables: shares of the total (total = male + female, roughly).
			if (spec.turvar === 'sex' || spec.turvar === 'area')
				v = tvIndex === 2 ? v : v * (tvIndex === 0 ? 0.505 : 0.495);
			if (spec.turvar === 'age30') v = v / 30;
			break;
		}
		case 'percent': {
			const [lo, hi] = s.range ?? [0, 100];
			v =
				lo +
				(hi - lo) * (0.15 + 0.7 * unit(`${seed}|row|${rowIndex}`)) +
				0.3 * y * (hi > 50 ? 1 : -0.3) +
				(noise - 0.5) * 2;
			if (spec.turvar !== 'none') v += tvIndex === 0 ? 1.7 : tvIndex === 1 ? -1.9 : 0;
			v = Math.min(100, Math.max(0, v));
			break;
		}
		case 'rate': {
			const [lo, hi] = s.range ?? [-1, 5];
			v = lo + (hi - lo) * (0.5 * unit(`${seed}|row|${rowIndex}`) + 0.5 * noise);
			break;
		}
		case 'index':
			v = 100 + 2.8 * y + 12 * (rf - 1) + (noise - 0.5) * 3 + (sub ? sub * 0.25 : 0);
			break;
		case 'years': {
			const [lo, hi] = s.range ?? [60, 80];
			v = lo + (hi - lo) * (0.2 + 0.6 * unit(`${seed}|row|${rowIndex}`)) + 0.15 * y + (noise - 0.5) * 0.2;
			if (spec.turvar === 'sex') v += tvIndex === 0 ? -2 : tvIndex === 1 ? 2 : 0;
			break;
		}
		case 'ratio':
			v = 0.3 + 0.1 * unit(`${seed}|row|${rowIndex}`) + (noise - 0.5) * 0.02;
			break;
	}
	return roundTo(v, decimals);
}

function buildGeneratedVar(domain: string, lang: Lang, spec: VarSpec, lastUpdateSeed: string): VarDef {
	const sub = spec.sub;
	const rows =
		spec.rows === 'region'
			? regionRows(domain, lang)
			: spec.rows === 'regencies'
				? regencyRows(lang)
				: categoryRows(spec.rows, lang);
	let turvar: Dim[] = [{ val: '0', label: lang === 'eng' ? 'None' : 'Tidak ada' }];
	let turvarGroup = { id: 0, name: lang === 'eng' ? 'None' : 'Tidak ada' };
	if (spec.turvar === 'sex') {
		turvar = SEX[lang === 'eng' ? 1 : 0];
		turvarGroup = { id: 81, name: lang === 'eng' ? 'Sex' : 'Jenis Kelamin' };
	} else if (spec.turvar === 'area') {
		turvar = AREA[lang === 'eng' ? 1 : 0];
		turvarGroup = { id: 82, name: lang === 'eng' ? 'Area' : 'Klasifikasi Daerah' };
	} else if (spec.turvar === 'age30') {
		turvar = range(1, 30).map((i) => ({
			val: 900 + i,
			label: lang === 'eng' ? `Age ${i * 2 - 2}-${i * 2 - 1}` : `Umur ${i * 2 - 2}-${i * 2 - 1}`,
		}));
		turvarGroup = { id: 90, name: lang === 'eng' ? 'Single-Year Age Pairs' : 'Umur Dua Tahunan' };
	}
	const turtahun = turtahunFor(spec.freq, lang);
	const tahun = spec.periods.map((t) => ({ val: t, label: String(1900 + t) }));
	const seed = `${domain}|${spec.id}`;
	const r = new Rng(`meta|${seed}`);
	const labelBase =
		spec.rows === 'region'
			? rows[0].groupName
			: spec.rows === 'regencies'
				? rows[0].groupName
				: rows[0].groupName;
	const labelvervar = r.chance(0.3) ? `${labelBase} ` : labelBase;
	const lastPeriod = spec.periods[spec.periods.length - 1];
	const rowIndex = new Map(rows.map((row, i) => [row.val, i]));
	const tvIndex = new Map(turvar.map((d, i) => [String(d.val), i]));
	// Only additive quantities get INDONESIA/province totals as sums (not prices, wages, rates).
	const additive =
		(spec.stem.kind === 'count' || spec.stem.kind === 'money') &&
		!/rupiah|per |rata-rata/i.test(`${spec.stem.unit[0]} ${spec.title[0]}`);
	const sumRow = rows.length > 2 && rows[rows.length - 1].val === 9999 && additive;
	const notes = spec.notes
		? L(lang, spec.notes)
		: `<p>${lang === 'eng' ? 'Source' : 'Sumber'}: BPS, ${r.pick(['Survei Sosial Ekonomi Nasional (Susenas)', 'Survei Angkatan Kerja Nasional (Sakernas)', 'Sensus Penduduk', 'Statistik Harga', 'Survei Industri', 'Registrasi'])}.<br /></p>${r.chance(0.4) ? `<p>${lang === 'eng' ? 'Note' : 'Catatan'}: ${lang === 'eng' ? 'figures for the latest year are preliminary' : 'angka tahun terakhir merupakan angka sementara'}&nbsp;</p>` : ''}`;
	const missing = (v: number, t: number, tt: number, i: number, tvi: number): boolean => {
		if (spec.rows === 'region' && domain === '0000' && v >= 9200 && v !== 9400 && v !== 9999 && t < 122)
			return true;
		if (tt === 13 || tt === 35) {
			if (t === lastPeriod) return true;
		}
		return spec.missRate > 0 && unit(`${seed}|miss|${i}|${tvi}|${t}|${tt}`) < spec.missRate;
	};
	const value = (v: number, tv: number | string, t: number, tt: number): number | undefined => {
		const i = rowIndex.get(v);
		const tvi = tvIndex.get(String(tv));
		if (i === undefined || tvi === undefined) return undefined;
		if (missing(v, t, tt, i, tvi)) return undefined;
		if (sumRow && v === 9999) {
			let sum = 0;
			for (let j = 0; j < rows.length - 1; j++) {
				if (!missing(rows[j].val, t, tt, j, tvi))
					sum += generatedValue(seed, spec, j, rows.length, tvi, t, tt);
			}
			return roundTo(sum, DECIMALS[spec.stem.kind]);
		}
		return generatedValue(seed, spec, i, rows.length, tvi, t, tt);
	};
	return {
		id: spec.id,
		title: L(lang, spec.title),
		subId: sub.id,
		subName: L(lang, sub.title),
		csaId: sub.csa[0],
		csaName: lang === 'eng' ? sub.csa[2] : sub.csa[1],
		def: spec.def
			? L(lang, spec.def)
			: r.chance(0.3)
				? lang === 'eng'
					? `${spec.title[1]} as measured by BPS.`
					: `${spec.title[0]} sebagaimana diukur oleh BPS.`
				: '',
		notes,
		vertical: rows[0].groupId,
		unit: L(lang, spec.stem.unit),
		graphId: spec.freq === 'annual' ? 1 : 3,
		graphName: spec.freq === 'annual' ? 'bar' : 'line',
		decimal: DECIMALS[spec.stem.kind],
		lastUpdate: `${seededDate(lastUpdateSeed, 2020, 2025)} ${pad2(r.int(0, 23))}:${pad2(r.int(0, 59))}:${pad2(r.int(0, 59))}`,
		labelvervar,
		vervar: rows,
		turvar,
		turvarGroup,
		tahun,
		turtahun,
		turthGroup:
			spec.freq === 'annual'
				? { id: 0, name: lang === 'eng' ? 'Year' : 'Tahun' }
				: spec.freq === 'monthly'
					? { id: 1, name: lang === 'eng' ? 'Monthly' : 'Bulanan' }
					: { id: 3, name: lang === 'eng' ? 'Quarterly' : 'Triwulanan' },
		related: r.chance(0.25)
			? {
					'1': {
						id: Buffer.from(`${r.int(100, 999)}#2`).toString('base64'),
						title: `${L(lang, spec.title)} (${lang === 'eng' ? 'previous series' : 'seri sebelumnya'})`,
						tablesource: 2,
						last_update: seededDate(`${seed}|rel`, 2019, 2024),
						link: `/2/${Buffer.from(`${r.int(100, 999)}#2`).toString('base64')}/${L(lang, spec.title)
							.toLowerCase()
							.replace(/[^a-z0-9]+/g, '-')}.html`,
					},
				}
			: [],
		value,
	};
}

/** A variable whose cells come from a recorded sample, with generated cells for other periods. */
function buildSampleVar(opts: {
	sample: string;
	lang: Lang;
	sub: (typeof SUBJECTS)[number] | undefined;
	engTitle: string;
	periods: number[];
	freqLabelsEng?: boolean;
}): VarDef {
	type DataBody = {
		last_update: string;
		subject: Array<{ val: number; label: string }>;
		var: Array<{
			val: number;
			label: string;
			unit: string;
			subj: string;
			def: string;
			decimal: number;
			note: string;
		}>;
		turvar: Dim[];
		labelvervar: string;
		vervar: Array<{ val: number; label: string }>;
		tahun: Dim[];
		turtahun: Array<{ val: number; label: string }>;
		datacontent: Record<string, number>;
		related: unknown;
	};
	const b = sampleBody<DataBody>(opts.sample);
	const v0 = b.var[0];
	const eng = opts.lang === 'eng';
	const recorded = new Map(Object.entries(b.datacontent));
	const recordedTahun = new Set(b.tahun.map((t) => Number(t.val)));
	// Per-row average of the recorded values: the level for generated periods.
	const rowAvg = new Map<number, number>();
	for (const row of b.vervar) {
		let sum = 0;
		let n = 0;
		for (const [k, val] of recorded) {
			if (k.startsWith(`${row.val}${v0.val}`)) {
				sum += val;
				n++;
			}
		}
		rowAvg.set(row.val, n ? sum / n : 1);
	}
	const engMonths = (d: { val: number; label: string }): Dim => {
		if (!eng) return d;
		if (d.val >= 1 && d.val <= 12) return { val: d.val, label: MONTHS[d.val - 1][1] };
		if (d.val === 13) return { val: 13, label: 'Annual' };
		if (d.val === 0) return { val: 0, label: 'Year' };
		return d;
	};
	const turtahun = b.turtahun.map(engMonths);
	const lastPeriod = opts.periods[opts.periods.length - 1];
	const value = (v: number, tv: number | string, t: number, tt: number): number | undefined => {
		if (String(tv) !== '0') return undefined;
		const key = `${v}${v0.val}0${t}${tt}`;
		if (recordedTahun.has(t)) return recorded.get(key);
		const avg = rowAvg.get(v);
		if (avg === undefined) return undefined;
		if (tt === 13 && t === lastPeriod) return undefined;
		const noise = unit(`sample|${v0.val}|${key}`);
		return roundTo(avg * (0.85 + 0.3 * noise), v0.decimal);
	};
	return {
		id: v0.val,
		title: eng ? opts.engTitle : v0.label,
		subId: opts.sub?.id ?? 0,
		subName: opts.sub ? L(opts.lang, opts.sub.title) : v0.subj,
		csaId: b.subject[0].val,
		csaName: eng && opts.sub ? opts.sub.csa[2] : b.subject[0].label,
		def: v0.def,
		notes: v0.note,
		vertical: 1,
		unit: eng
			? (({ Orang: 'Persons', Persen: 'Percent' } as Record<string, string>)[v0.unit] ?? v0.unit)
			: v0.unit,
		graphId: b.turtahun.length > 1 ? 3 : 1,
		graphName: b.turtahun.length > 1 ? 'line' : 'bar',
		decimal: v0.decimal,
		lastUpdate: b.last_update,
		labelvervar: b.labelvervar,
		vervar: b.vervar.map((r, i) => ({
			val: r.val,
			label: r.label,
			itemId: 500 + i,
			groupId: 1,
			groupName: b.labelvervar.trim(),
		})),
		turvar: eng ? [{ val: '0', label: 'None' }] : b.turvar,
		turvarGroup: { id: 0, name: eng ? 'None' : 'Tidak ada' },
		tahun: opts.periods.map((t) => ({ val: t, label: String(1900 + t) })),
		turtahun,
		turthGroup:
			b.turtahun.length > 1
				? { id: 1, name: eng ? 'Monthly' : 'Bulanan' }
				: { id: 0, name: eng ? 'Year' : 'Tahun' },
		related: b.related,
		value,
		recordedOrder: sampleDatacontentOrder(opts.sample),
	};
}

function subjectById(id: number): (typeof SUBJECTS)[number] {
	const s = SUBJECTS.find((x) => x.id === id);
	if (!s) throw new Error(`emulator: no subject ${id}`);
	return s;
}

/** Variables with fixed ids and meaning on 0000 (besides the sample-backed ones). */
function namedNationalSpecs(): VarSpec[] {
	const p = (a: number, b: number) => range(a, b);
	const mk = (
		id: number,
		subId: number,
		title: Bi,
		stem: Omit<Stem, 'title'>,
		rest: Partial<VarSpec> = {},
	): VarSpec => ({
		id,
		sub: subjectById(subId),
		title,
		stem: { ...stem, title },
		rows: 'region',
		turvar: 'none',
		freq: 'annual',
		periods: p(115, 124),
		missRate: 0.02,
		...rest,
	});
	const pctU: Bi = ['Persen', 'Percent'];
	const none: Bi = ['Tidak Ada Satuan', 'No Unit'];
	return [
		mk(
			9514,
			12,
			['Jumlah Penduduk Menurut Kabupaten/Kota', 'Population by Regency/Municipality'],
			{ kind: 'count', unit: ['Jiwa', 'Person'], scale: 520_000 },
			{ rows: 'regencies', missRate: 0.01 },
		),
		mk(
			2096,
			12,
			[
				'Jumlah Penduduk Menurut Kabupaten/Kota dan Kelompok Umur Dua Tahunan',
				'Population by Regency/Municipality and Two-Year Age Group',
			],
			{ kind: 'count', unit: ['Jiwa', 'Person'], scale: 520_000 },
			{ rows: 'regencies', turvar: 'age30', periods: p(118, 120), missRate: 0 },
		),
		mk(
			698,
			6,
			['Jumlah Pencari Kerja Terdaftar Menurut Provinsi', 'Registered Job Seekers by Province'],
			{ kind: 'count', unit: ['Orang', 'Persons'], scale: 60_000 },
			{ periods: p(110, 124) },
		),
		mk(
			104,
			11,
			[
				'Laju Pertumbuhan PDB Triwulanan (Y-on-Y) Menurut Provinsi',
				'Quarterly GDP Growth Rate (Y-on-Y) by Province',
			],
			{ kind: 'rate', unit: pctU, range: [-4, 8] },
			{ freq: 'quarterly' },
		),
		mk(
			501,
			40,
			[
				'Angka Harapan Hidup (AHH) Menurut Provinsi dan Jenis Kelamin',
				'Life Expectancy at Birth by Province and Sex',
			],
			{ kind: 'years', unit: ['Tahun', 'Year'], range: [64, 74] },
			{ turvar: 'sex' },
		),
		mk(
			2262,
			3,
			[
				'Inflasi Bulanan (M-to-M) 38 Provinsi (2022=100)',
				'Monthly Inflation (M-to-M) 38 Provinces (2022=100)',
			],
			{ kind: 'rate', unit: pctU, range: [-0.8, 1.1] },
			{ freq: 'monthly', periods: p(124, 125), missRate: 0 },
		),
		mk(
			192,
			23,
			[
				'Persentase Penduduk Miskin (P0) Menurut Provinsi dan Daerah',
				'Percentage of Poor People (P0) by Province and Area',
			],
			{ kind: 'percent', unit: pctU, range: [4, 27] },
			{ turvar: 'area' },
		),
		mk(543, 6, ['Tingkat Pengangguran Terbuka Menurut Provinsi', 'Open Unemployment Rate by Province'], {
			kind: 'percent',
			unit: pctU,
			range: [2.5, 9],
		}),
		mk(
			98,
			23,
			['Gini Ratio Menurut Provinsi dan Daerah', 'Gini Ratio by Province and Area'],
			{ kind: 'ratio', unit: none },
			{ turvar: 'area' },
		),
		mk(
			2207,
			26,
			[
				'[Metode Baru] Indeks Pembangunan Manusia menurut Provinsi (Umur Harapan Hidup Hasil Long Form SP2020)',
				'[New Method] Human Development Index by Province (Life Expectancy from the SP2020 Long Form)',
			],
			{ kind: 'years', unit: none, range: [62, 82] },
			{ periods: p(120, 125) },
		),
		mk(
			2273,
			30,
			[
				'Umur Harapan Hidup Saat Lahir (UHH) Hasil Long Form SP2020 Menurut Provinsi dan Jenis Kelamin',
				'Life Expectancy at Birth (SP2020 Long Form) by Province and Sex',
			],
			{ kind: 'years', unit: none, range: [64, 75] },
			{ turvar: 'sex', periods: p(120, 125) },
		),
		mk(
			196,
			8,
			['Nilai Ekspor Menurut Provinsi Asal Barang', 'Export Value by Province of Origin'],
			{ kind: 'count', unit: ['Juta US$', 'Million US$'], scale: 9000 },
			{ freq: 'monthly', periods: p(122, 125) },
		),
		mk(
			497,
			8,
			['Nilai Impor Menurut Provinsi Bongkar', 'Import Value by Province of Unloading'],
			{ kind: 'count', unit: ['Juta US$', 'Million US$'], scale: 7500 },
			{ freq: 'monthly', periods: p(122, 125) },
		),
		mk(
			1150,
			16,
			[
				'Jumlah Kunjungan Wisatawan Mancanegara per Bulan ke Indonesia Menurut Provinsi Pintu Masuk',
				'Monthly Foreign Tourist Arrivals to Indonesia by Province of Entry',
			],
			{ kind: 'count', unit: ['Kunjungan', 'Visit'], scale: 900_000 },
			{ freq: 'monthly', periods: p(121, 125) },
		),
		mk(
			2498,
			21,
			[
				'Indeks Harga Perdagangan Besar (IHPB) Umum Menurut Provinsi (2018=100)',
				'General Wholesale Price Index by Province (2018=100)',
			],
			{ kind: 'index', unit: none },
			{ freq: 'monthly', periods: p(121, 125) },
		),
		mk(
			1741,
			22,
			[
				'NTP (Nilai Tukar Petani) menurut Provinsi (2018=100)',
				'Farmer Terms of Trade by Province (2018=100)',
			],
			{ kind: 'index', unit: none },
			{ freq: 'monthly', periods: p(120, 125) },
		),
		mk(
			2215,
			12,
			['Angka Kelahiran Menurut Kelompok Umur Ibu dan Provinsi', 'Age-Specific Fertility Rate by Province'],
			{ kind: 'count', unit: ['Per 1000 Perempuan', 'Per 1000 Women'], scale: 70 },
			{ rows: 'age', periods: [120] },
		),
	];
}

/** The recorded var list page 1 (var_0000_p1): those variables exist with their recorded metadata. */
function recordedVarListSpecs(): Array<VarSpec & { raw: Record<string, unknown> }> {
	const body = sampleBody<{ data: [unknown, Array<Record<string, unknown>>] }>('bps-looker__var_0000_p1');
	return body.data[1].map((raw) => {
		const title = String(raw.title);
		const turvar = /Jenis Kelamin/i.test(title) ? 'sex' : /Klasifikasi Daerah/i.test(title) ? 'area' : 'none';
		const sub = SUBJECTS.find((s) => s.id === raw.sub_id) ?? subjectById(2);
		const notes = decodeEntities(String(raw.notes));
		return {
			raw,
			id: Number(raw.var_id),
			sub,
			title: [title, title] as Bi,
			stem: {
				title: [title, title] as Bi,
				kind: 'percent' as const,
				unit: [String(raw.unit), 'No Unit'] as Bi,
				range: [20, 95] as const,
			},
			rows: 'region' as const,
			turvar,
			freq: 'annual' as const,
			periods: range(117, 124),
			missRate: 0.03,
			notes: [notes, notes] as Bi,
			def: [String(raw.def), String(raw.def)] as Bi,
		};
	});
}

/** Undo one level of HTML entity escaping (`&lt;p&gt;` → `<p>`). */
export function decodeEntities(s: string): string {
	return s.replace(
		/&(lt|gt|quot|#39|amp);/g,
		(_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? _m,
	);
}
/** Entity-escape once, as BPS does for `notes`, `abstract`, static `table`. */
export function escapeEntities(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const XSS = {
	img: '<img src=x onerror=alert(1)>',
	script: '<script>alert("xss")</script>',
	link: '<a href="javascript:alert(1)">klik</a>',
	svg: '<svg onload=alert(1)>',
	style:
		'<div style="position:fixed;top:0;left:0;width:100%;height:100%;background:url(javascript:alert(1))">overlay</div>',
	iframe: '<iframe src="javascript:alert(1)"></iframe>',
};

function xssVar(lang: Lang): VarDef {
	const spec: VarSpec = {
		id: FIXTURE_IDS.xssVar,
		sub: subjectById(12),
		title: [`Uji ${XSS.img} Keamanan ${XSS.script}`, `Security ${XSS.img} probe ${XSS.script}`],
		stem: { title: ['x', 'x'], kind: 'count', unit: [`Jiwa${XSS.svg}`, `Person${XSS.svg}`], scale: 1000 },
		rows: 'region',
		turvar: 'sex',
		freq: 'annual',
		periods: range(122, 124),
		missRate: 0,
		notes: [`<p>${XSS.link} ${XSS.style} ${XSS.iframe}</p>`, `<p>${XSS.link} ${XSS.style} ${XSS.iframe}</p>`],
		def: [`Definisi ${XSS.svg}${XSS.script}`, `Definition ${XSS.svg}${XSS.script}`],
	};
	const v = buildGeneratedVar('0000', lang, spec, 'xss');
	const hostile = [XSS.img, XSS.script, XSS.svg, XSS.link, '"><b onmouseover=alert(1)>x</b>', XSS.style];
	v.vervar = v.vervar.slice(0, 6).map((row, i) => ({ ...row, label: `${row.label} ${hostile[i]}` }));
	v.labelvervar = `Provinsi ${XSS.img}`;
	v.turvar = v.turvar.map((d, i) => (i === 0 ? { ...d, label: `${d.label}${XSS.script}` } : d));
	v.tahun = v.tahun.map((d) => d);
	const base = v.value;
	v.value = (row, tv, t, tt) => base(row, tv, t, tt) ?? 1;
	return v;
}

// ---------------------------------------------------------------------------------------------
// Catalogue

export interface SubjectRow {
	sub_id: number;
	title: string;
	subcat_id: number;
	subcat: string;
	ntabel: number | null;
}
export interface StaticTableDef {
	table_id: number;
	title: string;
	subj_id: number;
	subj: string;
	updt_date: string;
	cr_date: string;
	size: string;
	excel: string;
	/** The raw (unescaped) HTML; the view escapes it once. Sample tables give the escaped text. */
	html: () => string;
	escapedHtml?: string;
	/** Recorded detail fields that differ from the list item (the sample's `excel` does). */
	viewOverride?: Record<string, unknown>;
}
export type Row = Record<string, unknown>;

export interface Catalogue {
	domain: DomainInfo;
	level: Level;
	lang: Lang;
	subcats: Array<{ subcat_id: number; title: string }>;
	subjects: SubjectRow[];
	vars: VarDef[];
	varById: Map<number, VarDef>;
	units: Array<{ unit_id: number; unit: string }>;
	statictables: StaticTableDef[];
	publications: Row[];
	publicationDetail: Map<string, Row>;
	pressreleases: Row[];
	pressreleaseDetail: Map<number, Row>;
	/** null = not supported on this domain (regencies). */
	indicators: Row[] | null;
}

const catalogues = new Map<string, Catalogue>();

/** The catalogue of one domain in one language; undefined for unknown domains. */
export function getCatalogue(domainId: string, lang: Lang, xss = false): Catalogue | undefined {
	const key = `${domainId}|${lang}|${xss ? 1 : 0}`;
	let c = catalogues.get(key);
	if (!c) {
		const d = findDomain(domainId);
		if (!d) return undefined;
		c = buildCatalogue(d, lang, xss);
		catalogues.set(key, c);
	}
	return c;
}

function buildCatalogue(domain: DomainInfo, lang: Lang, xss: boolean): Catalogue {
	const id = domain.domain_id;
	const level = levelOf(id);
	const rng = new Rng(`catalogue|${id}`);
	const vars: VarDef[] = [];
	let subjects = SUBJECTS.slice();
	if (level !== 'national') {
		// Regional catalogues carry a subset of subjects; population always (regionalVar lives there).
		const n = level === 'province' ? rng.int(14, 22) : rng.int(8, 14);
		const pool = rng.shuffle(SUBJECTS.filter((s) => s.id !== 12)).slice(0, n - 1);
		subjects = SUBJECTS.filter((s) => s.id === 12 || pool.includes(s));
	}

	if (level === 'national') {
		const reserved = new Set<number>([1804, 2263, FIXTURE_IDS.xssVar]);
		for (const spec of namedNationalSpecs()) {
			vars.push(buildGeneratedVar(id, lang, spec, `lu|${spec.id}`));
			reserved.add(spec.id);
		}
		for (const spec of recordedVarListSpecs()) {
			const v = buildGeneratedVar(id, lang, spec, `lu|${spec.id}`);
			if (lang === 'ind') v.unit = String(spec.raw.unit);
			vars.push(v);
			reserved.add(spec.id);
		}
		vars.push(
			buildSampleVar({
				sample: 'bps-looker__data_0000_1804',
				lang,
				sub: subjectById(39),
				engTitle: 'Number of Deaths, Missing, and Injured Persons Affected by Disasters',
				periods: range(113, 119),
			}),
			buildSampleVar({
				sample: 'bps-looker__data_0000_2263',
				lang,
				sub: subjectById(3),
				engTitle: 'Year-on-Year Inflation (Y-on-Y) 38 Provinces (2022=100)',
				periods: [124, 125],
			}),
		);
		if (xss) vars.push(xssVar(lang));
		// Generated bulk: every stem in several breakdowns.
		let nextId = 30;
		const takeId = () => {
			do nextId += rng.int(1, 9);
			while (reserved.has(nextId));
			reserved.add(nextId);
			return nextId;
		};
		for (const sub of SUBJECTS) {
			for (const stem of sub.stems) {
				for (const spec of stemVariants(sub, stem, rng, 'national'))
					vars.push(buildGeneratedVar(id, lang, { ...spec, id: takeId() }, `lu|${id}|${nextId}`));
			}
		}
	} else {
		const popSub = subjectById(12);
		const regionWord: Bi =
			level === 'province' ? ['Kabupaten/Kota', 'Regency/Municipality'] : ['Kecamatan', 'District'];
		const popTitle: Bi = [
			`Jumlah Penduduk Menurut ${regionWord[0]} dan Jenis Kelamin`,
			`Population by ${regionWord[1]} and Sex`,
		];
		vars.push(
			buildGeneratedVar(
				id,
				lang,
				{
					id: FIXTURE_IDS.regionalVar,
					sub: popSub,
					title: popTitle,
					stem: {
						title: popTitle,
						kind: 'count',
						unit: ['Jiwa', 'Person'],
						scale: level === 'province' ? 700_000 : 60_000,
					},
					rows: 'region',
					turvar: 'sex',
					freq: 'annual',
					periods: range(115, 124),
					missRate: 0.01,
				},
				`lu|${id}|1`,
			),
		);
		if (id === FIXTURE_IDS.malukuDomain) {
			vars.push(
				buildSampleVar({
					sample: 'vue-embedded__data_var218_maluku_monthly',
					lang,
					sub: subjectById(3),
					engTitle: '2- Calendar-Year Inflation (y-to-d) Ambon and Tual',
					periods: [117, 119, 122],
				}),
			);
		}
		const target = level === 'province' ? rng.int(35, 60) : rng.int(20, 40);
		const reserved = new Set<number>([1, 218]);
		let nextId = 1;
		const specs: Array<Omit<VarSpec, 'id'>> = [];
		for (const sub of subjects)
			for (const stem of sub.stems) specs.push(...stemVariants(sub, stem, rng, level));
		for (const spec of rng.shuffle(specs).slice(0, target - vars.length)) {
			do nextId += rng.int(1, 6);
			while (reserved.has(nextId));
			reserved.add(nextId);
			vars.push(buildGeneratedVar(id, lang, { ...spec, id: nextId }, `lu|${id}|${nextId}`));
		}
	}
	vars.sort((a, b) => a.subId - b.subId || a.id - b.id);
	const varById = new Map(vars.map((v) => [v.id, v]));

	const subjectRows: SubjectRow[] = subjects.map((s) => {
		const n = vars.filter((v) => v.subId === s.id).length;
		return {
			sub_id: s.id,
			title: L(lang, s.title),
			subcat_id: s.subcat,
			subcat: L(lang, SUBCATS.find((c) => c.id === s.subcat)!.title),
			ntabel: n > 0 ? n : null,
		};
	});
	subjectRows.sort((a, b) => a.subcat_id - b.subcat_id || a.sub_id - b.sub_id);
	const usedSubcats = new Set(subjectRows.map((s) => s.subcat_id));
	const subcats = SUBCATS.filter((c) => usedSubcats.has(c.id)).map((c) => ({
		subcat_id: c.id,
		title: L(lang, c.title),
	}));

	const unitNames = [...new Set(vars.map((v) => v.unit))].sort();
	const units = unitNames.map((u) => ({ unit_id: 1 + (hash32(`unit|${u}`) % 9000), unit: u }));

	const content = buildContent(domain, level, lang, vars, xss);
	return {
		domain,
		level,
		lang,
		subcats,
		subjects: subjectRows,
		vars,
		varById,
		units,
		...content,
	};
}

function stemVariants(
	sub: (typeof SUBJECTS)[number],
	stem: Stem,
	rng: Rng,
	level: Level,
): Array<Omit<VarSpec, 'id'>> {
	const regionWord: Bi =
		level === 'national'
			? ['Provinsi', 'Province']
			: level === 'province'
				? ['Kabupaten/Kota', 'Regency/Municipality']
				: ['Kecamatan', 'District'];
	const start = rng.pick([110, 113, 115, 115, 117, 118]);
	const base: Omit<VarSpec, 'id'> = {
		sub,
		title: [`${stem.title[0]} Menurut ${regionWord[0]}`, `${stem.title[1]} by ${regionWord[1]}`],
		stem,
		rows: 'region',
		turvar: 'none',
		freq: 'annual',
		periods: range(start, 124),
		missRate: 0.03,
	};
	const out = [base];
	const counts = stem.kind === 'count' || stem.kind === 'percent' || stem.kind === 'years';
	if (counts && rng.chance(0.8)) {
		const sex = rng.chance(0.5);
		out.push({
			...base,
			title: sex
				? [
						`${stem.title[0]} Menurut ${regionWord[0]} dan Jenis Kelamin`,
						`${stem.title[1]} by ${regionWord[1]} and Sex`,
					]
				: [
						`${stem.title[0]} Menurut ${regionWord[0]} dan Klasifikasi Daerah`,
						`${stem.title[1]} by ${regionWord[1]} and Area`,
					],
			turvar: sex ? 'sex' : 'area',
			periods: range(Math.max(start, 115), 124),
		});
	}
	if ((stem.kind === 'rate' || stem.kind === 'index' || stem.kind === 'count') && rng.chance(0.6)) {
		const monthly = rng.chance(0.6);
		out.push({
			...base,
			title: monthly
				? [
						`${stem.title[0]} Bulanan Menurut ${regionWord[0]}`,
						`Monthly ${stem.title[1]} by ${regionWord[1]}`,
					]
				: [
						`${stem.title[0]} Triwulanan Menurut ${regionWord[0]}`,
						`Quarterly ${stem.title[1]} by ${regionWord[1]}`,
					],
			freq: monthly ? 'monthly' : 'quarterly',
			periods: range(120, 124),
			missRate: 0.01,
		});
	}
	if (stem.kind === 'count' && rng.chance(0.4)) {
		const age = rng.chance(0.5);
		out.push({
			...base,
			title: age
				? [`${stem.title[0]} Menurut Kelompok Umur`, `${stem.title[1]} by Age Group`]
				: [`${stem.title[0]} Menurut Lapangan Usaha`, `${stem.title[1]} by Industry`],
			rows: age ? 'age' : 'industry',
			periods: range(118, 124),
		});
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Static tables, publications, press releases, indicators

function siteOf(d: DomainInfo): string {
	return d.domain_url.replace(/\/$/, '');
}
function opaque(seed: string, bytes = 48): string {
	const r = new Rng(seed);
	const buf = Buffer.alloc(bytes);
	for (let i = 0; i < bytes; i++) buf[i] = r.int(0, 255);
	return encodeURIComponent(buf.toString('base64'));
}
function coverUrl(site: string, pubId: string): string {
	const inner = `2026-10-09##https://portalpublikasi.bps.go.id/api/getKover.php?selector=${pubId}`;
	return `${site}/publication/getImageCover.html?url=${encodeURIComponent(Buffer.from(inner).toString('base64'))}`;
}
function slug(s: string): string {
	return s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}
function fmtNum(v: number, decimals: number, lang: Lang): string {
	const fixed = v.toFixed(decimals);
	const [int, frac] = fixed.split('.');
	const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'eng' ? ',' : ' ');
	return frac ? `${grouped}${lang === 'eng' ? '.' : ','}${frac}` : grouped;
}

/** A BPS-style Excel-export HTML table (unescaped), like the recorded static table. */
function excelTable(
	titleInd: string,
	titleEng: string,
	head: string[],
	rows: Array<[string, ...string[]]>,
	extraCell = '',
): string {
	const cols = head.length;
	const td = (text: string, style = '') => `\t\t<td style="${style}"><nobr>${text}</nobr></td>\r\n`;
	const empty = () => td('&nbsp;');
	const tr = (cells: string, h = 20) =>
		`\r\n\t<tr style="height:${h}px;">\r\n${cells.replace(/\r\n$/, '')}</tr>\r\n`;
	const hs =
		'font-family:Calibri;text-align:center;font-size:12px;background-color:#003366;color:#FFFFFF;font-weight:bold;border-left:1px solid;border-right:1px solid;border-top:1px solid;border-left-color:#FFFFFF;border-right-color:#FFFFFF;border-top-color:#000000;';
	const ds =
		'font-family:Calibri;font-size:11px;color:#000000;border-left:1px solid;border-right:1px solid;border-left-color:#000000;border-right-color:#000000;';
	let html = `<table class="excel" cellpadding=0 cellspacing=0 width=${cols * 107} style="border-collapse:\r\n collapse;table-layout:fixed;width:${cols * 80}pt"><tbody>\r\n`;
	html += tr(
		td(titleInd, 'font-family:Times New Roman;font-size:11px;color:#000000;') + empty().repeat(cols - 1),
	);
	html += tr(
		td(titleEng, 'font-family:Times New Roman;font-size:11px;color:#000000;font-style:italic;') +
			empty().repeat(cols - 1),
	);
	html += tr(empty().repeat(cols));
	html += tr(head.map((h) => td(h + extraCell, hs)).join(''), 21);
	for (const row of rows)
		html += tr(row.map((c, i) => td(c, i === 0 ? ds : `${ds}text-align:right;`)).join(''));
	html += tr(
		td(
			'Sumber/<i>Source</i>: Badan Pusat Statistik',
			'font-family:Calibri;font-size:10px;font-style:italic;',
		) + empty().repeat(cols - 1),
	);
	html += '</tbody></table>' + '                            \r\n'.repeat(6) + '                            ';
	return html;
}

function buildContent(
	domain: DomainInfo,
	level: Level,
	lang: Lang,
	vars: VarDef[],
	xss: boolean,
): Pick<
	Catalogue,
	| 'statictables'
	| 'publications'
	| 'publicationDetail'
	| 'pressreleases'
	| 'pressreleaseDetail'
	| 'indicators'
> {
	const id = domain.domain_id;
	const site = siteOf(domain);
	const rng = new Rng(`content|${id}`);
	const place = domainTitle(domain, lang);
	const placeInd = domainTitle(domain, 'ind');
	const placeEng = domainTitle(domain, 'eng');

	// Static tables: one per chosen annual region var, showing its three latest years.
	const statictables: StaticTableDef[] = [];
	const nTables = level === 'national' ? 40 : level === 'province' ? rng.int(6, 10) : rng.int(3, 6);
	const candidates = vars.filter(
		(v) =>
			v.turtahun.length === 1 &&
			v.turvar.length === 1 &&
			v.vervar.length <= 60 &&
			v.id !== FIXTURE_IDS.xssVar,
	);
	const chosen = rng.shuffle(candidates).slice(0, nTables);
	let tableId = level === 'national' ? 1000 : 10;
	for (const v of chosen) {
		tableId += rng.int(3, 40);
		if (tableId === FIXTURE_IDS.staticTable || tableId === FIXTURE_IDS.xssStaticTable) tableId++;
		statictables.push(staticFromVar(v, tableId, `st|${id}|${tableId}`));
	}
	if (level === 'national') {
		const v2215 = vars.find((v) => v.id === 2215);
		if (v2215) {
			const st = staticFromVar(v2215, FIXTURE_IDS.staticTable, 'st|2215');
			st.title =
				lang === 'eng'
					? "Birth Rate Long Form SP2020 Result by Mother's Age Group (Age Spesific Fertility Rate/ASFR) and Province/Regency/Municipality, 2020"
					: 'Angka Kelahiran Hasil Long Form SP2020 Menurut Kelompok Umur Ibu  (Age Spesific Fertility Rate/ASFR) dan Provinsi/Kabupaten/Kota, 2020';
			const t = st.title;
			const inner = st.html;
			st.html = () => inner().replace(/<nobr>[^<]*<\/nobr>/, `<nobr>${t}</nobr>`);
			statictables.push(st);
		}
		if (xss) {
			statictables.push({
				table_id: FIXTURE_IDS.xssStaticTable,
				title: `Tabel ${XSS.img} Uji`,
				subj_id: 12,
				subj: `Kependudukan${XSS.svg}`,
				updt_date: '2024-01-02',
				cr_date: '2024-01-02',
				size: '0.01 MB',
				excel: 'javascript:alert(1)',
				html: () =>
					excelTable(
						`Judul ${XSS.script}`,
						`Title ${XSS.img}`,
						['Wilayah', `Nilai ${XSS.svg}`],
						[
							[XSS.link, '1'],
							[XSS.style, '2'],
							[XSS.iframe, '3'],
							['<form action="https://evil.example"><input name=x></form>', '4'],
							['<meta http-equiv="refresh" content="0;url=https://evil.example">', '5'],
						],
						'<style>body{display:none}</style>',
					),
			});
		}
	}
	if (id === FIXTURE_IDS.sampleDomain) {
		type StItem = {
			table_id: number;
			title: string;
			subj_id: number;
			subj: string;
			updt_date: string;
			size: string;
			excel: string;
		};
		const list = sampleBody<{ data: [unknown, StItem[]] }>('flutter__static_table_list_fixture').data[1];
		const detail = sampleBody<{
			data: {
				table_id: number;
				table: string;
				cr_date: string;
				excel: string;
				size: string;
				updt_date: string;
			};
		}>('flutter__static_table_detail_fixture').data;
		for (const it of list) {
			const gen = staticFromVar(vars[0], it.table_id, `st|${id}|${it.table_id}`);
			statictables.push({
				...it,
				cr_date: it.table_id === detail.table_id ? detail.cr_date : it.updt_date,
				html: gen.html,
				escapedHtml: it.table_id === detail.table_id ? detail.table : undefined,
				viewOverride:
					it.table_id === detail.table_id
						? { excel: detail.excel, size: detail.size, updt_date: detail.updt_date }
						: undefined,
			});
		}
	}
	statictables.sort((a, b) => b.updt_date.localeCompare(a.updt_date) || b.table_id - a.table_id);

	function staticFromVar(v: VarDef, tableId: number, seed: string): StaticTableDef {
		const years = v.tahun.slice(-3);
		const date = seededDate(seed, 2019, 2025);
		const titleFor = (lng: Lang) =>
			`${lng === lang ? v.title : v.title}, ${years[0].label}-${years[years.length - 1].label}`;
		const title = titleFor(lang);
		return {
			table_id: tableId,
			title,
			subj_id: v.subId,
			subj: v.subName,
			updt_date: date,
			cr_date: seededDate(`${seed}|cr`, 2015, Number(date.slice(0, 4))),
			size: `0.0${1 + (hash32(seed) % 9)} MB`,
			excel: `${site}/statictable/downloadapi.html?data=${opaque(seed)}&tokenuser=`,
			html: () => {
				const rows: Array<[string, ...string[]]> = v.vervar.map((r) => [
					r.label,
					...years.map((t) => {
						const x = v.value(r.val, v.turvar[0].val, Number(t.val), Number(v.turtahun[0].val));
						return x === undefined ? '-' : fmtNum(x, v.decimal, lang);
					}),
				]);
				return excelTable(
					`${title} (${v.unit})`,
					lang === 'eng' ? `${title} (${v.unit})` : `${v.title} (${v.unit})`,
					[v.labelvervar.trim(), ...years.map((y) => y.label)],
					rows,
				);
			},
		};
	}

	// Publications
	const publications: Row[] = [];
	const publicationDetail = new Map<string, Row>();
	const pubTemplates: Array<(y: number, m: Bi) => Bi> = [
		(y) => [`Statistik Indonesia ${y}`, `Statistical Yearbook of Indonesia ${y}`],
		(y) => [`${placeInd} Dalam Angka ${y}`, `${placeEng} in Figures ${y}`],
		(y) => [`Statistik Kesejahteraan Rakyat ${placeInd} ${y}`, `Welfare Statistics of ${placeEng} ${y}`],
		(y, m) => [`Indikator Ekonomi ${m[0]} ${y}`, `Economic Indicators ${m[1]} ${y}`],
		(y, m) => [
			`Buletin Statistik Perdagangan Luar Negeri Ekspor ${m[0]} ${y}`,
			`Foreign Trade Statistical Bulletin Exports ${m[1]} ${y}`,
		],
		(y) => [`Profil Kemiskinan di ${placeInd} ${y}`, `Poverty Profile of ${placeEng} ${y}`],
		(y, m) => [
			`Keadaan Angkatan Kerja di ${placeInd} ${m[0]} ${y}`,
			`Labor Force Situation in ${placeEng} ${m[1]} ${y}`,
		],
		(y) => [`Statistik Harga Produsen Pertanian ${y}`, `Agricultural Producer Price Statistics ${y}`],
		(y) => [`Indeks Pembangunan Manusia ${placeInd} ${y}`, `Human Development Index of ${placeEng} ${y}`],
		(y) => [`Statistik Daerah ${placeInd} ${y}`, `Regional Statistics of ${placeEng} ${y}`],
	];
	const nPubs = level === 'national' ? 32 : level === 'province' ? rng.int(8, 14) : rng.int(4, 8);
	const addPub = (pubId: string, title: string, abstract: string, rl: string, extra: Partial<Row> = {}) => {
		const item: Row = {
			pub_id: pubId,
			title,
			abstract,
			issn: rng.chance(0.5)
				? `${rng.int(2000, 2999)}-${rng.int(1000, 9999)}`
				: rng.chance(0.5)
					? `978-602-${rng.int(100, 999)}-${rng.int(10, 99)}-${rng.int(0, 9)}`
					: '-',
			sch_date: rl,
			rl_date: rl,
			updt_date: null,
			cover: coverUrl(site, pubId),
			pdf: `${site}/publication/downloadapi.html?data=${opaque(`pdf|${pubId}`)}&tokenuser=`,
			size: `${(1 + (hash32(pubId) % 2000) / 100).toFixed(2)} MB`,
			...extra,
		};
		publications.push(item);
	};
	for (let i = 0; i < nPubs; i++) {
		const y = 2026 - Math.floor(i / 4);
		const m = MONTHS[rng.int(0, 11)];
		const tpl = pubTemplates[(i + rng.int(0, 3)) % pubTemplates.length](y, m);
		const title = L(lang, tpl);
		const rl = `${y}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
		const abstract =
			lang === 'eng'
				? `${title} is published by BPS-Statistics ${place}. It presents data on geography, population, social affairs and the economy.<br>The data come from BPS surveys and censuses and from other agencies.`
				: `${title} merupakan publikasi yang diterbitkan oleh BPS ${place}. Publikasi ini menyajikan data geografi, kependudukan, sosial, dan perekonomian.<br>Data bersumber dari survei dan sensus BPS serta instansi lain.`;
		addPub(new Rng(`pub|${id}|${i}`).hex(24), title, abstract, rl);
	}
	if (level === 'national') {
		addPub(
			FIXTURE_IDS.publication,
			lang === 'eng'
				? 'Foreign Trade Statistical Bulletin Imports May 2023'
				: 'Buletin Statistik Perdagangan Luar Negeri Impor Mei 2023',
			lang === 'eng'
				? 'The bulletin presents import data by commodity and country of origin for May 2023.'
				: 'Buletin ini menyajikan data impor menurut komoditas dan negara asal untuk bulan Mei 2023.',
			'2023-07-14',
		);
		if (xss) {
			addPub(
				FIXTURE_IDS.xssPublication,
				`Publikasi ${XSS.img}`,
				`${XSS.script}${XSS.link}${XSS.style}`,
				'2024-02-02',
				{ cover: 'javascript:alert(1)', pdf: 'javascript:alert(1)' },
			);
		}
	}
	if (id === FIXTURE_IDS.sampleDomain) {
		for (const p of sampleBody<{ data: [unknown, Row[]] }>('flutter__publication_list_fixture').data[1])
			publications.push(p);
		const det = sampleBody<{ data: Row }>('flutter__publication_detail_fixture').data;
		const listItem: Row = { ...det };
		for (const k of ['related', 'kat_no', 'pub_no']) delete listItem[k];
		publications.push(listItem);
		publicationDetail.set(String(det.pub_id), det);
	}
	publications.sort((a, b) => String(b.rl_date).localeCompare(String(a.rl_date)));
	for (const p of publications) {
		const pid = String(p.pub_id);
		if (publicationDetail.has(pid)) continue;
		const r = new Rng(`pubdet|${pid}`);
		const related = publications
			.filter((q) => q !== p)
			.slice(0, 3)
			.map((q) => ({
				pub_id: q.pub_id,
				title: q.title,
				rl_date: q.rl_date,
				url: `${site}/publication/${String(q.rl_date).replace(/-/g, '/')}/${q.pub_id}/${slug(String(q.title))}.html`,
				cover: q.cover,
			}));
		publicationDetail.set(pid, {
			pub_id: p.pub_id,
			title: p.title,
			kat_no: `${r.int(1100, 9300)}${r.int(100, 999)}.${id}`,
			pub_no: `${id}${r.int(0, 9)}.${r.int(2000, 2699)}`,
			issn: p.issn,
			abstract: p.abstract,
			sch_date: p.sch_date,
			rl_date: p.rl_date,
			updt_date: p.updt_date,
			cover: p.cover,
			pdf: p.pdf,
			size: p.size,
			related,
		});
	}

	// Press releases
	const pressreleases: Row[] = [];
	const pressreleaseDetail = new Map<number, Row>();
	const brsTemplates: Array<(y: number, m: Bi, x: string) => [Bi, number]> = [
		(y, m, x) => [
			[
				`Inflasi Year on Year (y-on-y) ${place === 'Indonesia' ? '' : `${placeInd} `}${m[0]} ${y} sebesar ${x} persen`,
				`Year-on-Year Inflation ${place === 'Indonesia' ? '' : `in ${placeEng} `}${m[1]} ${y} was ${x} percent`,
			],
			3,
		],
		(y, m, x) => [
			[`Ekspor ${m[0]} ${y} mencapai US$${x} miliar`, `Exports in ${m[1]} ${y} reached US$${x} billion`],
			8,
		],
		(y, m, x) => [
			[
				`Tingkat Pengangguran Terbuka (TPT) ${m[0]} ${y} sebesar ${x} persen`,
				`Open Unemployment Rate in ${m[1]} ${y} was ${x} percent`,
			],
			6,
		],
		(y, m, x) => [
			[
				`Persentase penduduk miskin ${m[0]} ${y} sebesar ${x} persen`,
				`The percentage of poor people in ${m[1]} ${y} was ${x} percent`,
			],
			23,
		],
		(y, _m, x) => [
			[
				`Ekonomi ${placeInd} Triwulan II-${y} tumbuh ${x} persen (y-on-y)`,
				`The economy of ${placeEng} grew ${x} percent (y-on-y) in Q2-${y}`,
			],
			11,
		],
		(y, m, x) => [
			[
				`Nilai Tukar Petani (NTP) ${m[0]} ${y} sebesar 1${x}`,
				`Farmer Terms of Trade in ${m[1]} ${y} was 1${x}`,
			],
			22,
		],
		(y, m, x) => [
			[
				`Tingkat penghunian kamar hotel bintang ${m[0]} ${y} mencapai ${x} persen`,
				`Star hotel room occupancy in ${m[1]} ${y} reached ${x} percent`,
			],
			16,
		],
	];
	const nBrs = level === 'national' ? 36 : level === 'province' ? rng.int(8, 16) : rng.int(3, 7);
	let brsId = level === 'national' ? 1900 : 100;
	const addBrs = (
		brs: number,
		title: string,
		abstract: string,
		rl: string,
		subjId: number,
		extra: Partial<Row> = {},
	) => {
		const sub = SUBJECTS.find((s) => s.id === subjId);
		const stamp = rl.replace(/-/g, '') + '103633';
		const item: Row = {
			brs_id: brs,
			subj_id: subjId,
			subj: sub ? L(lang, sub.title) : '',
			title,
			abstract,
			rl_date: rl,
			updt_date: rng.chance(0.2) ? rl : null,
			pdf: `${site}/pressrelease/downloadapi.html?data=${opaque(`brs|${id}|${brs}`)}&tokenuser=`,
			size: `${(0.2 + (hash32(`brs|${brs}`) % 800) / 100).toFixed(2)} MB`,
			slide: rng.chance(0.6) ? `${site}/website/materi_ind/materiBrsInd-${stamp}.pdf` : '',
			thumbnail: `${site}/website/images/${slug(title).slice(0, 30)}-ind.jpeg`,
			...extra,
		};
		pressreleases.push(item);
	};
	for (let i = 0; i < nBrs; i++) {
		brsId += rng.int(1, 6);
		if (
			brsId === FIXTURE_IDS.pressRelease ||
			brsId === FIXTURE_IDS.xssPressRelease ||
			brsId === 1969 ||
			brsId === 2011
		)
			brsId++;
		const y = 2026 - Math.floor(i / 8);
		const m = MONTHS[rng.int(0, 11)];
		const x = fmtNum(rng.int(100, 899) / 100, 2, lang);
		const [bi, subjId] = brsTemplates[i % brsTemplates.length](y, m, x);
		const title = L(lang, bi);
		const abstract = escapeEntities(
			lang === 'eng'
				? `<ul><li>${title}.</li><li>The figure ${rng.chance(0.5) ? 'increased' : 'decreased'} compared with the previous period.</li></ul>`
				: `<ul><li>${title}.</li><li>Angka ini ${rng.chance(0.5) ? 'naik' : 'turun'} dibandingkan periode sebelumnya.</li></ul>`,
		).replace(/<\/li>/g, '</li>\r\n');
		addBrs(brsId, title, abstract, `${y}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`, subjId);
	}
	if (level === 'national') {
		addBrs(
			FIXTURE_IDS.pressRelease,
			lang === 'eng'
				? 'The Gini Ratio in March 2023 was 0.388.'
				: 'Gini Ratio Maret 2023 tercatat sebesar 0,388.',
			escapeEntities(
				'<p>Tingkat ketimpangan pengeluaran penduduk Indonesia yang diukur oleh Gini Ratio adalah sebesar 0,388.</p>',
			),
			'2023-07-17',
			23,
		);
		type Brs = Row & { brs_id: number };
		for (const it of sampleBody<{ data: [unknown, Brs[]] }>('flutter__press_release_list_fixture').data[1])
			pressreleases.push(it);
		const det = sampleBody<{ data: Brs }>('flutter__press_release_detail_fixture').data;
		pressreleases.push({
			brs_id: det.brs_id,
			subj_id: 22,
			subj: L(lang, subjectById(22).title),
			title: det.title,
			abstract: det.abstract,
			rl_date: det.rl_date,
			updt_date: det.updt_date,
			pdf: det.pdf,
			size: det.size,
			slide: det.slide,
			thumbnail: det.thumbnail,
		});
		pressreleaseDetail.set(det.brs_id, det);
		if (xss) {
			addBrs(
				FIXTURE_IDS.xssPressRelease,
				`BRS ${XSS.img}${XSS.script}`,
				escapeEntities(`${XSS.svg}${XSS.link}${XSS.style}<img src="https://tracker.example/pixel.gif">`),
				'2024-03-03',
				12,
				{ thumbnail: 'javascript:alert(1)' },
			);
		}
	}
	pressreleases.sort((a, b) => String(b.rl_date).localeCompare(String(a.rl_date)));
	for (const p of pressreleases) {
		const bid = Number(p.brs_id);
		if (pressreleaseDetail.has(bid)) continue;
		pressreleaseDetail.set(bid, {
			brs_id: p.brs_id,
			title: p.title,
			abstract: p.abstract,
			rl_date: p.rl_date,
			updt_date: p.updt_date,
			pdf: p.pdf,
			size: p.size,
			hit: hash32(`hit|${bid}`) % 20000,
			thumbnail: p.thumbnail,
			slide: p.slide,
		});
	}

	// Strategic indicators: national = the recorded 16; provinces generated; regencies none.
	let indicators: Row[] | null = null;
	if (level === 'national') {
		indicators = [
			...sampleBody<{ data: [unknown, Row[]] }>('bps-looker__indicators_0000_p1').data[1],
			...sampleBody<{ data: [unknown, Row[]] }>('bps-looker__indicators_0000_p2').data[1],
		];
	} else if (level === 'province') {
		indicators = vars
			.filter((v) => v.vervar.some((r) => r.val === 9999))
			.slice(0, rng.int(5, 9))
			.map((v, i) => {
				const t = v.tahun[v.tahun.length - 1];
				const tt = v.turtahun[v.turtahun.length > 1 ? v.turtahun.length - 2 : 0];
				const val = v.value(9999, v.turvar[v.turvar.length - 1].val, Number(t.val), Number(tt.val)) ?? 0;
				return {
					var: v.id,
					indicator_id: i + 1,
					subject_csa: v.csaId,
					title: `${v.title.replace(/ Menurut.*| by .*/, '')}, ${t.label}`,
					name: rng.chance(0.3) ? '' : v.title,
					data_source: 'BPS',
					value: val,
					unit: v.unit,
					category: 2,
					hash_id: Buffer.from(`${v.id}#2`).toString('base64'),
					periode: `${lang === 'eng' ? 'Year' : 'Tahun'} ${t.label}`,
				};
			});
	}
	return { statictables, publications, publicationDetail, pressreleases, pressreleaseDetail, indicators };
}
