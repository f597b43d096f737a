import * as assert from 'node:assert/strict';
import { ATTRIBUTION_ID } from '../../../src/api/attribution';
import type {
	CensusData,
	ClassificationEntry,
	GlossaryEntry,
	SimdasiTable,
	TradeResult,
} from '../../../src/api/families/types';
import {
	type FamilyContext,
	type FamilyKind,
	SNIPPET_FORMATS,
	familyFormats,
	familyHasFetch,
	familySnippet,
	familyRequest,
	familySnippetTable,
	formatSnippet,
	sdgTitle,
	snippetTableFromDynamic,
	type SnippetFormat,
} from '../../../src/snippets';
import { decodeDynamicData } from '../../../src/api/decode';
import { sampleBody } from '../../emulator/samples';
import { typecheck } from './typecheck';

const CTX: FamilyContext = {
	lang: 'ind',
	accessedAt: new Date(2026, 10, 30),
	baseUrl: 'https://webapi.bps.go.id/v1/api/',
};

const TRADE: TradeResult = {
	query: { flow: 'export', hs: ['03', '09'], hsLevel: 2, years: [2023, 2024], monthly: true },
	records: [
		{
			year: 2024,
			month: 3,
			hsCode: '03',
			hsLabel: 'Fish, crustaceans and molluscs',
			port: 'BELAWAN',
			country: null,
			valueUsd: 2129015,
			netWeightKg: 403430,
		},
		{
			year: 2024,
			month: 11,
			hsCode: '09',
			hsLabel: 'Coffee, tea, maté and spices',
			port: null,
			country: 'JAPAN',
			valueUsd: null,
			netWeightKg: 12.5,
		},
	],
	columnNotes: { value: 'Nilai Ekspor dalam US Dollar ($)', ctr: 'Negara Tujuan', source: 'x' },
	emptyYears: [2023],
	fetchedAt: 0,
	stale: false,
};

const cat = (id: string, name: string, itemId: string, itemCode: string, itemName: string) => ({
	id,
	name,
	itemId,
	itemCode,
	itemName,
});
/** A Jawa Timur census row for age group 0-4 and one sex item. */
const censusRow = (sexId: string, sexCode: string, sex: string, value: number | null) => ({
	areaId: '1667',
	areaCode: '35',
	areaName: 'JAWA TIMUR',
	indicatorId: '7204601',
	indicatorName: 'Jumlah Penduduk',
	categories: [
		cat('1022', 'Klasifikasi Kelompok Umur ', '10220', '1', '0-4'),
		cat('1026', 'Klasifikasi Jenis Kelamin ', sexId, sexCode, sex),
	],
	period: '2020',
	value,
});
const CENSUS: CensusData = {
	event: 'sp2020',
	dataset: 1001,
	areaId: 91622,
	rows: [censusRow('10260', 'L', 'Laki-laki', 1234), censusRow('10261', '', 'Perempuan', null)],
	dimensions: [
		{ id: '1022', name: 'Klasifikasi Kelompok Umur ', items: [] },
		{ id: '1026', name: 'Klasifikasi Jenis Kelamin ', items: [] },
	],
	fetchedAt: 0,
	stale: false,
};

const col = (key: string, name: string, unit: string) => ({
	key,
	name,
	nameEn: `${name} (en)`,
	unit,
	unitEn: `${unit}-en`,
	decimals: 1,
});
const SIMDASI: SimdasiTable = {
	id: 'c2ltZGFzaQ',
	mfd: '3500000',
	year: 2023,
	title: 'Jumlah Penduduk Menurut Wilayah, 2023',
	titleEn: 'Population by Region, 2023',
	area: 'Jawa Timur',
	columns: [col('pddk', 'Jumlah Penduduk', 'ribu jiwa'), col('laju', 'Laju', 'persen')],
	rows: [
		{ label: 'Pacitan', areaCode: '3501000', values: [586.1, null], raw: ['586,1', '…'] },
		{ label: 'Kecamatan 1', areaCode: '3578010', values: [10, 0], raw: ['10', '0'] },
	],
	notes: 'Tanda … berarti data tidak tersedia.',
	source: 'BPS Jawa Timur',
	fetchedAt: 0,
	stale: false,
};

const entry = (code: string, title: string, level: string, parents: string[], children: string[] = []) =>
	({
		model: 'kbli2020',
		id: `kbli_2020_${code}`,
		code,
		title,
		description: '',
		level,
		url: 'https://www.bps.go.id/klasifikasi/kbli2020',
		parents: parents.map((p) => ({ code: p, title: `t${p}` })),
		children: children.map((c) => ({ code: c, title: `Judul ${c}` })),
		lastUpdate: null,
	}) satisfies ClassificationEntry;
const KBLI = [
	entry('011', 'Pertanian Tanaman Semusim', 'golongan', ['A', '01'], ['0111', '0112']),
	entry('0112', 'Pertanian Padi', 'subgolongan', ['A', '01', '011'], ['01121', '01122']),
];
const PADI = entry('01121', 'Pertanian Padi Hibrida', 'kelompok', ['A', '01', '011', '0112']);

const GLOSSARY: GlossaryEntry = {
	id: 'g1',
	concept: 'Angka Partisipasi Kasar (APK)',
	conceptEn: 'Gross Enrolment Ratio',
	definition: 'Proporsi anak sekolah pada suatu jenjang.\n\nDinyatakan dalam persen; "x" | *y*.',
	definitionEn: 'The ratio of enrolment.',
	unit: 'Persen',
	unitEn: 'Percent',
	source: 'Susenas',
	classification: 'Pendidikan',
	url: 'https://www.bps.go.id/id/glossary',
};

const records = (kind: FamilyKind, data: never, ctx = CTX) => {
	const t = familySnippetTable(kind, data, 'json', ctx);
	return { t, recs: t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c.name, r[i]]))) };
};

describe('family snippets: converters to the tidy schema', () => {
	it('trade: the tidy columns, integer year and month, ISO period, null port/country kept, flow in the title', () => {
		const { t, recs } = records('trade', TRADE as never);
		assert.deepEqual(
			t.columns.map((c) => [c.name, c.type, !!c.integer]),
			[
				['year', 'number', true],
				['month', 'number', true],
				['period', 'string', false],
				['hs_code', 'string', false],
				['hs_description', 'string', false],
				['port', 'string', false],
				['country', 'string', false],
				['value_usd', 'number', false],
				['net_weight_kg', 'number', false],
			],
		);
		assert.deepEqual(recs[0], {
			year: 2024,
			month: 3,
			period: '2024-03',
			hs_code: '03',
			hs_description: 'Fish, crustaceans and molluscs',
			port: 'BELAWAN',
			country: null,
			value_usd: 2129015,
			net_weight_kg: 403430,
		});
		assert.equal(recs[1].port, null);
		assert.equal(recs[1].value_usd, null, 'missing stays null, never 0');
		assert.match(t.title, /^Ekspor menurut kode HS 2 digit: 03, 09 \(bulanan\)$/);
		assert.ok(t.notes?.some((n) => n === 'value_usd: Nilai Ekspor dalam US Dollar ($)'));
		assert.ok(t.notes?.some((n) => n === 'Tahun tanpa data: 2023'));
		const annual = { ...TRADE, query: { ...TRADE.query, monthly: false, flow: 'import' as const } };
		const a = familySnippetTable(
			'trade',
			{ ...annual, records: [{ ...TRADE.records[0], month: null }] },
			'json',
			{
				...CTX,
				lang: 'eng',
			},
		);
		assert.deepEqual(a.rows[0].slice(0, 3), [2024, null, '2024']);
		assert.equal(a.title, 'Imports by 2-digit HS code: 03, 09 (annual)');
	});

	it('census: positional category pairs with the dimension names in the header, domain_code, year integer', () => {
		const { t, recs } = records('census', CENSUS as never);
		assert.deepEqual(
			t.columns.map((c) => c.name),
			[
				'region_code',
				'domain_code',
				'region',
				'indicator_code',
				'indicator',
				'category_1_code',
				'category_1',
				'category_2_code',
				'category_2',
				'year',
				'period',
				'value',
			],
		);
		assert.ok(t.columns.find((c) => c.name === 'year')?.integer);
		assert.deepEqual(recs[0], {
			region_code: '35',
			domain_code: '3500',
			region: 'JAWA TIMUR',
			indicator_code: '7204601',
			indicator: 'Jumlah Penduduk',
			category_1_code: '1',
			category_1: '0-4',
			category_2_code: 'L',
			category_2: 'Laki-laki',
			year: 2020,
			period: '2020',
			value: 1234,
		});
		assert.equal(recs[1].category_2_code, '10261', 'no item code: the item id');
		assert.equal(recs[1].value, null);
		assert.ok(t.notes?.includes('category_1: Klasifikasi Kelompok Umur (1022)'));
		assert.ok(t.notes?.includes('category_2: Klasifikasi Jenis Kelamin (1026)'));
		assert.equal(t.domain, '3500');
		const csv = familySnippet('census', CENSUS, 'csv', CTX);
		assert.match(csv, /^# category_2: Klasifikasi Jenis Kelamin \(1026\)$/m);
		assert.match(csv, /^35,3500,JAWA TIMUR,7204601,Jumlah Penduduk,1,0-4,10261,Perempuan,2020,2020,$/m);
	});

	it('SIMDASI: long form with the MFD code, our domain where it maps, units; wide form for reading', () => {
		const { t, recs } = records('simdasi', SIMDASI as never);
		assert.equal(recs.length, 4);
		assert.deepEqual(recs[1], {
			region_code: '3501000',
			domain_code: '3501',
			region: 'Pacitan',
			variable_code: 'laju',
			variable: 'Laju',
			unit: 'persen',
			year: 2023,
			period: '2023',
			value: null,
		});
		assert.equal(recs[2].domain_code, null, 'a district has no domain');
		assert.equal(recs[3].value, 0, 'a real 0 stays 0');
		assert.equal(t.domain, '3500');
		const eng = records('simdasi', SIMDASI as never, { ...CTX, lang: 'eng' });
		assert.equal(eng.t.title, 'Population by Region, 2023');
		assert.equal(eng.recs[0].variable, 'Jumlah Penduduk (en)');
		const wide = familySnippetTable('simdasi', SIMDASI, 'csv', CTX);
		assert.deepEqual(
			wide.columns.map((c) => c.name),
			['region_code', 'region', 'Jumlah Penduduk (ribu jiwa)', 'Laju (persen)'],
		);
		assert.deepEqual(wide.rows[0], ['3501000', 'Pacitan', 586.1, null]);
		const md = familySnippet('simdasi', SIMDASI, 'markdown', CTX);
		assert.match(md, /^\| 3501000 \| Pacitan \| 586\.1 \| {2}\|$/m);
		assert.match(md, /Catatan: Tanda … berarti data tidak tersedia\./);
		assert.match(
			familySnippet('simdasi', SIMDASI, 'csv-long', CTX),
			/^region_code,domain_code,region,variable_code/m,
		);
	});

	it('classification: a lookup table of the subtree (code, title, level, parent_code)', () => {
		const { t, recs } = records('classification', KBLI as never);
		assert.deepEqual(
			t.columns.map((c) => c.name),
			['code', 'title', 'level', 'parent_code'],
		);
		assert.deepEqual(
			recs.map((r) => [r.code, r.level, r.parent_code]),
			[
				['011', 'golongan', '01'],
				['0111', null, '011'],
				['0112', 'subgolongan', '011'],
				['01121', null, '0112'],
				['01122', null, '0112'],
			],
		);
		assert.equal(t.title, 'KBLI 2020: 011 Pertanian Tanaman Semusim');
		const json = JSON.parse(familySnippet('classification', KBLI, 'json', CTX));
		assert.equal(json.attribution, ATTRIBUTION_ID);
		assert.equal(json.region, undefined, 'no region for a classification');
		assert.deepEqual(json.notes, ['Klasifikasi: KBLI 2020']);
		assert.ok(!/Wilayah|Periode/.test(familySnippet('classification', KBLI, 'csv', CTX)));
	});

	it('classification code: the code with its title as a comment in the editor language', () => {
		const last = (f: Parameters<typeof familySnippet>[2]) =>
			familySnippet('classificationCode', PADI, f, CTX).trimEnd().split('\n').pop();
		assert.equal(last('python'), '"01121"  # Pertanian Padi Hibrida');
		assert.equal(last('r'), '"01121" # Pertanian Padi Hibrida');
		assert.equal(last('typescript'), "'01121' // Pertanian Padi Hibrida");
		assert.equal(last('javascript'), "'01121' // Pertanian Padi Hibrida");
		assert.equal(last('sql'), "'01121' -- Pertanian Padi Hibrida");
		assert.equal(last('markdown'), '`01121` Pertanian Padi Hibrida');
		assert.equal(last('csv'), '01121,Pertanian Padi Hibrida,kelompok,0112');
		const py = familySnippet('classificationCode', PADI, 'python', CTX);
		assert.match(py, /^# Judul: KBLI 2020: 01121 Pertanian Padi Hibrida$/m);
		// A title cannot break out of its comment.
		const evil = { ...PADI, title: 'x\nimport os; os.remove("y")' };
		assert.equal(
			familySnippet('classificationCode', evil, 'python', CTX).trimEnd().split('\n').pop(),
			'"01121"  # x import os; os.remove("y")',
		);
	});

	it('glossary: a Markdown quote with its source, a comment block in code, a table for data formats', () => {
		const md = familySnippet('glossary', GLOSSARY, 'markdown', CTX);
		const lines = md.trimEnd().split('\n');
		assert.ok(lines[0].startsWith(ATTRIBUTION_ID));
		assert.ok(lines.includes('> **Angka Partisipasi Kasar (APK)**'));
		assert.ok(lines.includes('> Proporsi anak sekolah pada suatu jenjang.'));
		assert.ok(lines.includes('> Dinyatakan dalam persen; "x" \\| \\*y\\*.'));
		assert.equal(lines[lines.length - 1], '> — Sumber: Susenas; Satuan: Persen; Klasifikasi: Pendidikan');
		for (const [f, m] of [
			['python', '#'],
			['r', '#'],
			['typescript', '//'],
			['sql', '--'],
		] as const) {
			const out = familySnippet('glossary', GLOSSARY, f, CTX).trimEnd().split('\n');
			for (const l of out) assert.ok(l.startsWith(m), `${f}: not a comment: ${l}`);
			assert.ok(out.some((l) => l.includes('— Sumber: Susenas')));
		}
		const eng = familySnippet('glossary', GLOSSARY, 'markdown', { ...CTX, lang: 'eng' });
		assert.match(eng, /> \*\*Gross Enrolment Ratio\*\*/);
		const json = JSON.parse(familySnippet('glossary', GLOSSARY, 'json', CTX));
		assert.equal(json.data[0].definition, GLOSSARY.definition);
	});

	it('every kind and format starts with the attribution (or carries it first in JSON)', () => {
		const data: Record<FamilyKind, unknown> = {
			trade: TRADE,
			census: CENSUS,
			simdasi: SIMDASI,
			classification: KBLI,
			classificationCode: PADI,
			glossary: GLOSSARY,
		};
		for (const kind of Object.keys(data) as FamilyKind[]) {
			const formats = familyFormats(kind);
			// The UI labels them from SNIPPET_FORMATS.
			for (const f of formats)
				assert.ok(
					SNIPPET_FORMATS.some((x) => x.format === f),
					f,
				);
			for (const f of formats) {
				const out = familySnippet(kind, data[kind] as never, f, CTX);
				if (f === 'json') assert.match(JSON.parse(out).attribution, /^Layanan ini/, `${kind} ${f}`);
				else
					assert.match(
						out.split('\n')[0],
						/^(# |\/\/ |-- )?Layanan ini menggunakan API Badan Pusat Statistik \(BPS\)\./,
						`${kind} ${f}`,
					);
			}
		}
	});

	it('fetch formats: only for trade, census and SIMDASI; need a base URL; never carry a key', () => {
		assert.deepEqual(
			(['trade', 'census', 'simdasi', 'classification', 'classificationCode', 'glossary'] as const).map(
				familyHasFetch,
			),
			[true, true, true, false, false, false],
		);
		assert.throws(() => familySnippet('classification', KBLI, 'python-fetch', CTX), TypeError);
		assert.throws(() => familySnippet('glossary', GLOSSARY, 'r-fetch', CTX), TypeError);
		assert.throws(() => familySnippet('census', CENSUS, 'nope' as never, CTX), TypeError);
		assert.throws(
			() => familySnippet('trade', TRADE, 'python-fetch', { ...CTX, baseUrl: undefined }),
			TypeError,
		);
		const keyed = { ...CTX, baseUrl: 'https://x.test/v1/api/?key=abc123secret' };
		for (const f of ['python-fetch', 'r-fetch', 'typescript-fetch'] as const) {
			const out = familySnippet('trade', TRADE, f, keyed);
			assert.ok(!out.includes('abc123secret'), f);
			assert.match(out, /BPS_API_KEY/);
			assert.match(out, /dataexim\//);
		}
		assert.match(familySnippet('census', CENSUS, 'python-fetch', CTX), /"wilayah_sensus": area/);
		assert.match(familySnippet('simdasi', SIMDASI, 'r-fetch', CTX), /id = 25, wilayah = area, tahun = year/);
		assert.throws(
			() => familySnippet('simdasi', { ...SIMDASI, mfd: '35"; rm' }, 'python-fetch', CTX),
			RangeError,
		);
		assert.throws(
			() => familySnippet('trade', { ...TRADE, query: { ...TRADE.query, hs: ['3'] } }, 'r-fetch', CTX),
			RangeError,
		);
	});

	it('SIMDASI fetch code of several years: one request per year in a loop, rows bound, key from BPS_API_KEY', () => {
		const req = { ...familyRequest('simdasi', SIMDASI, CTX), years: [2024, 2022, 2023, 2022] };
		const table = { ...familySnippetTable('simdasi', SIMDASI, 'json', CTX), familyRequest: req };
		const shapes: Record<string, RegExp[]> = {
			'python-fetch': [
				/^YEARS = \[2022, 2023, 2024\] {2}# one request per year$/m,
				/^for year in YEARS:.*\n {4}records\.extend\(year_records\(year\)\)$/m,
				/"tahun": year, "id_tabel": TABLE/,
				/"year": data_year,\n\s+"period": str\(data_year\)/,
				/os\.environ\.get\("BPS_API_KEY"\)/,
				/"year": "int64", "value": "float64"/,
			],
			'r-fetch': [
				/^years <- c\(2022, 2023, 2024\) # one request per year$/m,
				/^df <- do\.call\(rbind, lapply\(years, year_frame\)\)$/m,
				/tahun = year, id_tabel = table_id/,
				/Sys\.getenv\("BPS_API_KEY"\)/,
			],
			'typescript-fetch': [
				/^const YEARS = \[2022, 2023, 2024\]; \/\/ one request per year$/m,
				/for \(const year of YEARS\) records\.push\(\.\.\.\(await yearRecords\(year\)\)\);/,
				/tahun: asked,/,
				/process\.env\.BPS_API_KEY/,
			],
		};
		for (const [format, res] of Object.entries(shapes)) {
			const out = formatSnippet(table, format as SnippetFormat);
			assert.ok(out.includes('Layanan ini menggunakan API Badan Pusat Statistik (BPS).'), format);
			for (const re of res) assert.match(out, re, format);
		}
		assert.throws(
			() => familySnippet('simdasi', { ...SIMDASI, year: 20.5 }, 'python-fetch', CTX),
			RangeError,
		);
	});

	it('census fetch code of several areas: one request per area in a loop, rows bound', () => {
		const merged = { ...CENSUS, areaIds: [91622, 1667, 91622] };
		const py = familySnippet('census', merged, 'python-fetch', CTX);
		assert.match(py, /^AREAS = \[91622, 1667\] {2}# wilayah_sensus: one request per area$/m);
		assert.match(py, /^for area in AREAS:$/m);
		assert.match(familySnippet('census', merged, 'r-fetch', CTX), /^areas <- c\(91622, 1667\)/m);
		assert.match(familySnippet('census', merged, 'typescript-fetch', CTX), /for \(const area of AREAS\)/);
		assert.match(familySnippet('census', CENSUS, 'python-fetch', CTX), /^AREAS = \[91622\]/m);
	});

	it('forSnippet escapes and CRLF apply like every snippet', () => {
		const out = familySnippet('classificationCode', { ...PADI, title: 'a $x }' }, 'python', CTX, {
			forSnippet: true,
			eol: '\r\n',
		});
		assert.ok(out.endsWith('"01121"  # a \\$x \\}\r\n'));
	});

	it('SDG indicators: the dynamic table with the indicator number in the title', () => {
		const t = decodeDynamicData(sampleBody('bps-looker__data_0000_1804'), {
			domain: '0000',
			lang: 'ind',
			fetchedAt: 0,
			stale: false,
		});
		const st = snippetTableFromDynamic(t, {
			domainName: 'Indonesia',
			sourceUrl: 'https://www.bps.go.id',
			accessedAt: CTX.accessedAt,
			baseUrl: CTX.baseUrl!,
			title: sdgTitle({ number: '1.2.1', title: ' Persentase penduduk miskin ' }),
		});
		assert.equal(st.title, '1.2.1 Persentase penduduk miskin');
		assert.match(formatSnippet(st, 'csv'), /^# Judul: 1\.2\.1 Persentase penduduk miskin$/m);
	});
});

describe('family snippets: TypeScript type-check', function () {
	this.timeout(60000);
	it('typescript-fetch for trade, census and SIMDASI, and the data snippets, compile strictly', () => {
		const diags = typecheck({
			'trade.ts': familySnippet('trade', TRADE, 'typescript-fetch', CTX),
			'census.ts': familySnippet('census', CENSUS, 'typescript-fetch', CTX),
			'simdasi.ts': familySnippet('simdasi', SIMDASI, 'typescript-fetch', { ...CTX, lang: 'eng' }),
			'data.ts': familySnippet('census', CENSUS, 'typescript', CTX),
			'code.ts': familySnippet('classificationCode', PADI, 'typescript', CTX),
			'broken.ts': 'const x: number = "a";',
		});
		assert.equal(diags['broken.ts'].length, 1, 'the checker finds errors');
		delete diags['broken.ts'];
		assert.deepEqual(diags, {
			'trade.ts': [],
			'census.ts': [],
			'simdasi.ts': [],
			'data.ts': [],
			'code.ts': [],
		});
	});
});
