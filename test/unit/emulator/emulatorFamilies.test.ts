import assert from 'node:assert/strict';
import { type Emulator, EMULATOR_KEY, startEmulator } from '../../emulator/server';
import { CENSUS_DATASETS, censusAreas } from '../../emulator/families/census';
import { SIMDASI_TABLES, simdasiTableId } from '../../emulator/families/simdasi';

const UA = 'Mozilla/5.0 (emulator test)';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('BPS WebAPI emulator: newer data families', function () {
	this.timeout(20000);
	let emu: Emulator;
	async function get(path: string): Promise<any> {
		const sep = path.includes('?') ? '&' : '?';
		const r = await fetch(`${emu.url}${path}${sep}key=${EMULATOR_KEY}`, { headers: { 'user-agent': UA } });
		assert.equal(r.status, 200, path);
		return JSON.parse(await r.text());
	}
	before(async () => {
		emu = await startEmulator();
	});
	after(async () => {
		await emu.close();
	});

	describe('foreign trade (dataexim)', () => {
		it('answers an annual chapter query with the live envelope: metadata, no pagination, rows', async () => {
			const b = await get('dataexim/?sumber=1&periode=2&kodehs=03&jenishs=1&tahun=2024');
			assert.equal(b.status, 'OK');
			assert.equal(b['data-availability'], 'available');
			assert.match(b.metadata.source, /^Sumber : https:\/\/www\.bps\.go\.id diakses pada \d\d-\d\d-\d{4}/);
			assert.equal(b.metadata.ctr, 'Negara Tujuan');
			assert.ok(Array.isArray(b.data) && b.data.length > 20);
			const r = b.data[0];
			assert.deepEqual(Object.keys(r), ['tahun', 'kodehs', 'pod', 'ctr', 'value', 'netweight']);
			assert.equal(r.tahun, '2024');
			assert.equal(r.kodehs, '[03] Fish, crustaceans and molluscs');
			assert.equal(typeof r.value, 'number');
		});
		it('adds bulan on monthly rows and jenishs on 8-digit rows; several codes at once', async () => {
			const m = await get('dataexim/?sumber=2&periode=1&kodehs=15111000;27011900&jenishs=2&tahun=2023');
			const codes = new Set(m.data.map((r: any) => r.kodehs.slice(1, 9)));
			assert.deepEqual([...codes].sort(), ['15111000', '27011900']);
			assert.match(m.data[0].bulan, /^\[\d\d\] [A-Z][a-z]+$/);
			assert.equal(m.data[0].jenishs, 'hs2022');
			assert.equal(m.metadata.ctr, 'Negara Asal');
		});
		it('has rows with a null port or country (kept, never dropped)', async () => {
			const b = await get('dataexim/?sumber=1&periode=1&kodehs=03;09;15;27;40&jenishs=1&tahun=2024');
			assert.ok(b.data.length > 3000, `monthly rows: ${b.data.length}`);
			assert.ok(b.data.some((r: any) => r.pod === null));
			assert.ok(b.data.some((r: any) => r.ctr === null));
		});
		it('writes 2014 import descriptions in Indonesian', async () => {
			const b = await get('dataexim/?sumber=2&periode=2&kodehs=03&jenishs=1&tahun=2014');
			assert.equal(b.data[0].kodehs, '[03] Ikan, krustasea dan moluska');
		});
		it('answers "unavailable" before 2014 and for unknown codes; names a missing parameter', async () => {
			assert.equal(
				(await get('dataexim/?sumber=1&periode=2&kodehs=03&jenishs=1&tahun=2013'))['data-availability'],
				'unavailable',
			);
			assert.equal(
				(await get('dataexim/?sumber=1&periode=2&kodehs=77&jenishs=1&tahun=2020'))['data-availability'],
				'unavailable',
			);
			const e = await get('dataexim/?sumber=1&periode=2&kodehs=03&jenishs=1&Tahun=2020');
			assert.deepEqual(e, { status: 'Error', message: 'Parameter tahun is missing' });
		});
	});

	describe('SDGs and SDDS', () => {
		it("lists a goal's indicators with their dynamic table, and the table really serves data", async () => {
			const b = await get('list/model/sdgs/domain/0000/goal/1/lang/eng');
			const items = b.data[1];
			assert.equal(items[0].sdgs_goal, 'sdgs_1');
			assert.equal(items[0].sdgs_goal_name, '1. No Poverty');
			assert.match(items[0].sdgs_id, /^1\.\d/);
			const th = await get(`list/model/th/domain/0000/var/${items[0].var_id}`);
			const last = th.data[1].at(-1).th_id;
			const v = await get(`list/model/data/domain/0000/var/${items[0].var_id}/th/${last}/lang/eng`);
			assert.equal(v['data-availability'], 'available');
		});
		it('answers list-not-available for a goal without indicators and outside 0000', async () => {
			assert.equal(
				(await get('list/model/sdgs/domain/0000/goal/14'))['data-availability'],
				'list-not-available',
			);
			assert.equal((await get('list/model/sdgs/domain/3500'))['data-availability'], 'list-not-available');
		});
		it('lists SDDS tables pointing at data or static tables', async () => {
			const b = await get('list/model/sdds/domain/0000');
			assert.ok(b.data[1].some((x: any) => x.model === 'data' && typeof x.var_id === 'number'));
		});
	});

	describe('census (interoperabilitas/datasource/sensus)', () => {
		it('walks event → topic → dataset → area → data', async () => {
			const ev = await get('interoperabilitas/datasource/sensus/id/37/');
			assert.deepEqual(ev.data[0], { page: 1, pages: 1, per_page: 1, count: 1, total: 1 });
			assert.ok(ev.data[1].some((e: any) => e.id === 'sp2020'));
			const topics = await get('interoperabilitas/datasource/sensus/id/38/?kegiatan=sp2020');
			const t = topics.data[1][0];
			const ds = await get(`interoperabilitas/datasource/sensus/id/40/?kegiatan=sp2020&topik=${t.id}`);
			const d = ds.data[1].find((x: any) => x.id === 1002);
			assert.ok(d, 'dataset 1002');
			const areas = await get('interoperabilitas/datasource/sensus/id/39/?kegiatan=sp2020');
			const jatim = areas.data[1].find((a: any) => a.kode_mfd === '35');
			assert.equal(jatim.nama, 'JAWA TIMUR');
			const data = await get(
				`interoperabilitas/datasource/sensus/id/41/?kegiatan=sp2020&wilayah_sensus=${jatim.id}&dataset=1002`,
			);
			const obj = data.data[1];
			assert.equal(obj.status, 200);
			assert.equal(obj.data_count, obj.data.length);
			assert.equal(obj.data.length, 15 * 2 * 2 * 2);
			const row = obj.data[0];
			assert.equal(row.nama_wilayah, 'JAWA TIMUR');
			assert.equal(row.nama_item__kategori_3, 'Laki-laki');
			assert.equal(row.nama_kategori_5, '');
			assert.equal(typeof row.nilai, 'number');
		});
		it('serves nilai as numeric strings for the agricultural census, and null cells for suppressed ones', async () => {
			const area = censusAreas()[0];
			const st = await get(
				`interoperabilitas/datasource/sensus/id/41/?kegiatan=st2023&wilayah_sensus=${area.id}&dataset=2001`,
			);
			assert.match(st.data[1].data[0].nilai, /^\d+\.0$/);
			const ds = CENSUS_DATASETS.find((d) => d.id === 3001)!;
			const se = await get(
				`interoperabilitas/datasource/sensus?id=41&kegiatan=se2016&wilayah_sensus=${area.slug}&dataset=${ds.id}`,
			);
			assert.ok(se.data[1].data.length === 8);
		});
		it('answers list-not-available for an unknown event', async () => {
			assert.equal(
				(await get('interoperabilitas/datasource/sensus/id/38/?kegiatan=sp1990'))['data-availability'],
				'list-not-available',
			);
		});
	});

	describe('SIMDASI (interoperabilitas/datasource/simdasi)', () => {
		it("lists an area's tables and serves one for a year with kolom and rows", async () => {
			const list = await get('interoperabilitas/datasource/simdasi/id/23/wilayah/3500000/');
			const inner = list.data[1];
			assert.equal(inner.condition, 'OK');
			assert.equal(inner.wilayah, 'Jawa Timur');
			const t = inner.data.find((x: any) => x.kode_tabel === '3.1.1');
			assert.ok(t.ketersediaan_tahun.includes(2023));
			const tab = await get(
				`interoperabilitas/datasource/simdasi/id/25/wilayah/3500000/tahun/2023/id_tabel/${t.id_tabel}/`,
			);
			const table = tab.data[1].data[0];
			assert.equal(table.tahun_data, 2023);
			assert.deepEqual(Object.keys(table.kolom), ['pddk', 'laju', 'padat']);
			assert.equal(table.kolom.pddk.satuan, 'ribu jiwa');
			const surabaya = table.data.find((r: any) => r.kode_wilayah === '3578000');
			assert.equal(surabaya.label, 'Kota Surabaya');
			assert.equal(typeof surabaya.variables.pddk.value, 'number');
			assert.equal(table.data.at(-1).kode_wilayah, '3500000');
		});
		it('puts a nested error inside an OK envelope for a year the table does not have', async () => {
			const t = SIMDASI_TABLES.find((x) => x.code === '2.1.1')!;
			const b = await get(
				`interoperabilitas/datasource/simdasi/id/25/wilayah/0000000/tahun/2020/id_tabel/${simdasiTableId(t)}/`,
			);
			assert.equal(b.status, 'OK');
			assert.equal(b.data[1].status, 400);
			assert.equal(b.data[1].condition, 'ERROR');
		});
		it("lists provinces and a province's regencies as 7-digit MFD codes", async () => {
			const p = await get('interoperabilitas/datasource/simdasi/id/26/');
			assert.ok(p.data[1].data.some((a: any) => a.kode_wilayah === '3100000'));
			const k = await get('interoperabilitas/datasource/simdasi/id/27/parent/3500000/');
			assert.ok(k.data[1].data.some((a: any) => a.kode_wilayah === '3578000'));
		});
	});

	describe('classifications, glossary, infographics, news', () => {
		it('lists KBLI 2020 by level and views one code with its parent chain and children', async () => {
			const l = await get('list/model/kbli2020/level/kategori/perpage/50');
			assert.equal(l.data[1].length, 21);
			const v = await get('view/model/kbli2020/id/kbli_2020_0112');
			const s = v.data[1][0]._source;
			assert.equal(s.level, 'subgolongan');
			assert.deepEqual(
				s.sebelumnya.map((x: any) => x.kode),
				['A', '01', '011'],
			);
			assert.deepEqual(
				s.turunan.map((x: any) => x.kode),
				['01121', '01122'],
			);
		});
		it('finds KBLI codes by English words with lang=eng', async () => {
			const l = await get('list/model/kbli2017/keyword/computer+programming/lang/eng');
			assert.ok(l.data[1].some((h: any) => h._source.title === '[6201] Computer Programming Activities'));
		});
		it('serves the glossary as Elasticsearch hits, searchable by keyword', async () => {
			const g = await get('list/model/glosarium/keyword/inflasi');
			assert.equal(g.data[1][0]._source.konsep, 'Inflasi');
			assert.equal(g.data[1][0]._source.definisi_en.length > 10, true);
		});
		it('lists infographics and news; views one news item with news_type and full HTML', async () => {
			const inf = await get('list/model/infographic/domain/3500/lang/eng');
			assert.match(inf.data[1][0].img, /^https:\/\/web-api\.bps\.go\.id\//);
			const news = await get('list/model/news/domain/3500');
			const n = news.data[1][0];
			assert.match(n.news, /\.\.\.\.\.$/);
			const v = await get(`view/model/news/domain/3500/id/${n.news_id}`);
			assert.equal(typeof v.data.news_type, 'string');
			const cats = await get('list/model/newscategory/domain/3500');
			assert.deepEqual(cats.data[0], { total: 2 });
		});
		it('filters infographics and news by keyword (titles, case-insensitive, every word) in both URL styles', async () => {
			const all = (await get('list/model/infographic/domain/3500/lang/eng')).data[1];
			const inf = await get('list/model/infographic/domain/3500/lang/eng/keyword/Monthly+inflation');
			assert.ok(all.length > inf.data[1].length);
			assert.deepEqual(
				inf.data[1].map((i: any) => i.title),
				all.filter((i: any) => /monthly inflation/i.test(i.title)).map((i: any) => i.title),
			);
			assert.equal(inf.data[0].total, inf.data[1].length);
			const news = await get('list?model=news&domain=3500&keyword=sensus');
			assert.ok(news.data[1].length >= 2);
			assert.ok(news.data[1].every((n: any) => /sensus/i.test(n.title)));
			const none = await get('list/model/news/domain/3500/keyword/zzzz+qqqq');
			assert.equal(none['data-availability'], 'list-not-available');
		});
	});
});
