import * as assert from 'node:assert/strict';
import { MemoryCache } from '../../../src/api/cache';
import { BpsClient, type RequestEvent } from '../../../src/api/client';
import { isBpsError } from '../../../src/api/errors';
import { checkTradeQuery } from '../../../src/api/families/trade';
import {
	domainOfCensusMfd,
	domainOfMfd,
	mfdOfDomain,
	splitBracketCode,
} from '../../../src/api/families/mappers';
import type { Emulator } from '../../emulator/server';
import { EMULATOR_KEY, startEmulator } from '../../emulator/server';
import { SIMDASI_TABLES, simdasiTableId } from '../../emulator/families/simdasi';

const UA = 'bps-data-browser-vscode/0.1.0 (VS Code extension; tests)';

describe('BPS data families (client against the emulator)', function () {
	this.timeout(30000);
	let emu: Emulator;
	let events: RequestEvent[];
	let client: BpsClient;
	before(async () => {
		emu = await startEmulator();
	});
	after(async () => {
		await emu.close();
	});
	beforeEach(() => {
		events = [];
		client = new BpsClient({
			baseUrl: emu.url,
			getKey: async () => EMULATOR_KEY,
			userAgent: UA,
			cache: new MemoryCache(),
			onRequest: (e) => events.push(e),
			retries: 0,
		});
	});
	const network = () => events.filter((e) => e.source === 'network');

	describe('foreign trade', () => {
		it('fetches one request per year, concurrently, and merges rows in year order', async () => {
			const t = await client.families.getTrade({
				flow: 'export',
				hs: ['03', '09'],
				hsLevel: 2,
				years: [2024, 2023],
				monthly: false,
			});
			assert.equal(network().length, 2);
			assert.ok(network().every((e) => /dataexim\/\?.*tahun=202[34]/.test(e.url)));
			assert.deepEqual([...new Set(t.records.map((r) => r.year))], [2023, 2024]);
			const r = t.records[0];
			assert.equal(r.hsCode.length, 2);
			assert.equal(r.month, null);
			assert.equal(typeof r.valueUsd, 'number');
			assert.match(t.columnNotes.value, /Ekspor/);
			assert.deepEqual(t.query.years, [2023, 2024]);
		});
		it('keeps rows with an unknown port or country, and reads months', async () => {
			const t = await client.families.getTrade({
				flow: 'export',
				hs: ['03', '15', '27'],
				hsLevel: 2,
				years: [2024],
				monthly: true,
			});
			assert.ok(t.records.some((r) => r.port === null));
			assert.ok(t.records.some((r) => r.country === null));
			assert.ok(t.records.every((r) => r.month !== null && r.month >= 1 && r.month <= 12));
		});
		it('lists years without data and fails with noData when none has any', async () => {
			const t = await client.families.getTrade({
				flow: 'import',
				hs: ['15111000'],
				hsLevel: 8,
				years: [2024, 2030],
				monthly: false,
			});
			assert.deepEqual(t.emptyYears, [2030]);
			await assert.rejects(
				client.families.getTrade({ flow: 'import', hs: ['77'], hsLevel: 2, years: [2020], monthly: false }),
				(e: unknown) => isBpsError(e, 'noData'),
			);
		});
		it('says what is wrong with a query before any request', async () => {
			assert.match(
				checkTradeQuery({ flow: 'export', hs: ['3'], hsLevel: 2, years: [2020], monthly: false })!,
				/not 2-digit/,
			);
			assert.match(
				checkTradeQuery({ flow: 'export', hs: ['03'], hsLevel: 2, years: [2010], monthly: false })!,
				/starts in 2014/,
			);
			await assert.rejects(
				client.families.getTrade({ flow: 'export', hs: [], hsLevel: 2, years: [2020], monthly: false }),
			);
			assert.equal(network().length, 0);
		});
		it("passes on the API's own text for a wrongly named parameter", async () => {
			const url = `${emu.url}dataexim/?sumber=1&periode=2&kodehs=03&jenishs=1&Tahun=2020&key=${EMULATOR_KEY}`;
			const body = await (await fetch(url, { headers: { 'user-agent': UA } })).json();
			assert.equal(body.message, 'Parameter tahun is missing');
		});
	});

	describe('SDGs and SDDS', () => {
		it('lists a goal with indicator numbers without the proxy star', async () => {
			const p = await client.families.listSdgs({ goal: 1, lang: 'eng' });
			assert.ok(p.items.length >= 1);
			assert.equal(p.items[0].goal, 1);
			assert.equal(p.items[0].goalName, '1. No Poverty');
			assert.doesNotMatch(p.items[0].number, /\*/);
			assert.ok(p.items.every((i) => i.varId > 0));
		});
		it('lists every indicator across pages', async () => {
			const p = await client.families.listSdgs();
			assert.ok(p.items.length > 10, String(p.items.length));
			assert.ok(new Set(p.items.map((i) => i.goal)).size > 10);
		});
		it('reads SDDS items as dynamic or static tables', async () => {
			const p = await client.families.listSdds();
			assert.ok(p.items.some((i) => i.kind === 'var'));
			assert.ok(p.items.some((i) => i.kind === 'statictable'));
		});
	});

	describe('census', () => {
		it('walks event → topic → dataset → area → data, with numeric values whatever their form', async () => {
			const events = await client.families.listCensusEvents();
			assert.ok(events.some((e) => e.id === 'sp2020' && e.year === 2020));
			const topics = await client.families.listCensusTopics('sp2020');
			const datasets = await client.families.listCensusDatasets('sp2020', topics[0].id);
			assert.ok(datasets.length > 0);
			const areas = await client.families.listCensusAreas('sp2020');
			const jatim = areas.find((a) => a.domain === '3500')!;
			assert.equal(jatim.mfdCode, '35');
			const d = await client.families.getCensusData({ event: 'sp2020', area: jatim.id, dataset: 1002 });
			assert.equal(d.dimensions.length, 4);
			assert.equal(d.dimensions[2].items.length, 2);
			assert.ok(d.rows.every((r) => typeof r.value === 'number'));
			const st = await client.families.getCensusData({ event: 'st2023', area: jatim.id, dataset: 2001 });
			assert.ok(
				st.rows.every((r) => typeof r.value === 'number'),
				'numeric strings become numbers',
			);
		});
		it('keeps suppressed cells as missing, never 0', async () => {
			const areas = await client.families.listCensusAreas('se2016');
			const all = await Promise.all(
				areas
					.slice(0, 40)
					.map((a) => client.families.getCensusData({ event: 'se2016', area: a.id, dataset: 3001 })),
			);
			const values = all.flatMap((d) => d.rows.map((r) => r.value));
			assert.ok(values.includes(null));
			assert.ok(!values.includes(0));
		});
		it('says noData for an unknown dataset', async () => {
			await assert.rejects(
				client.families.getCensusData({ event: 'sp2020', area: 1, dataset: 9 }),
				(e: unknown) => isBpsError(e, 'noData'),
			);
		});
	});

	describe('SIMDASI', () => {
		it('maps MFD codes to domains both ways', () => {
			assert.equal(domainOfMfd('3500000'), '3500');
			assert.equal(domainOfMfd('3578000'), '3578');
			assert.equal(domainOfMfd('0000000'), '0000');
			assert.equal(domainOfMfd('3578010'), undefined);
			assert.equal(mfdOfDomain('3578'), '3578000');
			assert.equal(domainOfCensusMfd('35'), '3500');
		});
		it("lists an area's tables and reads one with columns, units, rows and missing values", async () => {
			const tables = await client.families.listSimdasiTables(mfdOfDomain('3500'));
			const t = tables.find((x) => x.code === '3.1.1')!;
			assert.ok(t.years.includes(2023));
			const tab = await client.families.getSimdasiTable({ mfd: '3500000', year: 2023, table: t.id });
			assert.deepEqual(
				tab.columns.map((c) => c.unit),
				['ribu jiwa', 'persen', 'jiwa/km²'],
			);
			const sby = tab.rows.find((r) => r.areaCode === '3578000')!;
			assert.equal(sby.label, 'Kota Surabaya');
			assert.equal(sby.values.length, 3);
		});
		it('turns the nested error inside an OK envelope into a clear noData error', async () => {
			const t = SIMDASI_TABLES.find((x) => x.code === '2.1.1')!;
			await assert.rejects(
				client.families.getSimdasiTable({ mfd: '0000000', year: 2020, table: simdasiTableId(t) }),
				(e: unknown) => isBpsError(e, 'noData') && /Data tidak tersedia/.test(e.message),
			);
		});
		it('lists provinces and regencies', async () => {
			const provs = await client.families.listSimdasiAreas();
			assert.ok(provs.some((p) => p.domain === '3500'));
			const kabs = await client.families.listSimdasiAreas('3500000');
			assert.ok(kabs.some((k) => k.domain === '3578'));
		});
	});

	describe('classifications, glossary, infographics, news', () => {
		it('lists KBLI by level and reads a code with parents and children in the data language', async () => {
			const cats = await client.families.listClassification('kbli2020', { level: 'kategori', lang: 'eng' });
			assert.equal(cats.items.length, 21);
			assert.equal(cats.items[0].code, 'A');
			assert.equal(cats.items[0].title, 'Agriculture, Forestry and Fishing');
			const e = await client.families.getClassification('kbli2020', 'kbli_2020_0112');
			assert.equal(e.title, 'Pertanian Padi');
			assert.deepEqual(
				e.parents.map((p) => p.code),
				['A', '01', '011'],
			);
			assert.equal(e.children.length, 2);
		});
		it('finds glossary concepts by keyword', async () => {
			const g = await client.families.searchGlossary({ keyword: 'pengangguran' });
			const tpt = g.items.find((i) => i.concept === 'Tingkat Pengangguran Terbuka');
			assert.equal(tpt?.conceptEn, 'Open Unemployment Rate');
			assert.match(tpt!.definition, /angkatan kerja/);
		});
		it('lists infographics, news and categories, and reads one article', async () => {
			const inf = await client.families.listInfographics('3500');
			assert.ok(inf.items.length >= 10);
			const news = await client.families.listNews('3500');
			assert.match(news.items[0].excerpt, /…$/);
			const cats = await client.families.listNewsCategories('3500');
			assert.equal(cats.length, 2);
			const one = await client.families.getNews('3500', news.items[0].id);
			assert.match(one.html, /^<p>/);
		});
	});

	it('splits bracketed codes', () => {
		assert.deepEqual(splitBracketCode('[03] Fish'), { code: '03', label: 'Fish' });
		assert.deepEqual(splitBracketCode('[11] November'), { code: '11', label: 'November' });
		assert.deepEqual(splitBracketCode('plain'), { code: '', label: 'plain' });
	});
});
