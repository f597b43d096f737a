/**
 * The fetch code for foreign trade, census and SIMDASI, RUN against the emulator: Python (pandas),
 * R (jsonlite) and TypeScript (transpiled, run by Node). Each must build exactly the tidy table our
 * own client + converter build from the same answers — same columns, integer years, NaN/NA/null for
 * missing — and the Python and R data snippets must build the same frame as the fetch code.
 */
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as TS from 'typescript';
import type { BpsClient } from '../../../src/api/client';
import {
	type FamilyContext,
	type FamilyDataMap,
	type FetchableFamilyKind,
	type SnippetFormat,
	familySnippet,
	familySnippetTable,
	formatSnippet,
	type SnippetTable,
} from '../../../src/snippets';
import { mergeCensusData } from '../../../src/catalogue/census';
import { censusInsertTable, simdasiInsertTable } from '../../../src/insert/familyLayout';
import { CENSUS_DATASETS, censusAreas } from '../../emulator/families/census';
import { SIMDASI_TABLES, simdasiTableId } from '../../emulator/families/simdasi';
import { EMULATOR_KEY, type Emulator, startEmulator } from '../../emulator/server';
import {
	HAS_JSONLITE,
	PANDAS_PY,
	childEnv,
	need,
	removeTmp,
	runAsync,
	runOk,
	writeTmp,
	emulatorClient,
} from './execHelpers';

const ts: typeof TS = createRequire(path.resolve('package.json'))('typescript');

type Rec = Record<string, string | number | null>;

after(removeTmp);

const PY_DUMP = `
import json as _json
print(_json.dumps({"dtypes": {k: str(v) for k, v in df.dtypes.items()},
                   "rows": _json.loads(df.to_json(orient="records", double_precision=15))}))
`;
const R_DUMP = `
cat(jsonlite::toJSON(list(types = lapply(df, class), rows = df), auto_unbox = TRUE, na = "null", digits = NA))
`;
const TS_DUMP = `
fetchBpsTable().then((rows) => console.log(JSON.stringify({ rows })), (e) => { console.error(String(e)); process.exit(1); });
`;

describe('family snippets: fetch code against the emulator', function () {
	this.timeout(240000);
	let emu: Emulator;
	let client: BpsClient;
	let ctx: FamilyContext;

	before(async () => {
		emu = await startEmulator();
		client = emulatorClient(emu);
		ctx = { lang: 'ind', accessedAt: new Date(2026, 0, 2), baseUrl: emu.url };
	});
	after(async () => {
		await emu?.close();
	});

	const indonesia = () => censusAreas().find((a) => a.kode_mfd === '0')!.id;
	const table = (code: string) => simdasiTableId(SIMDASI_TABLES.find((t) => t.code === code)!);

	interface Case {
		name: string;
		kind: FetchableFamilyKind;
		lang?: 'eng';
		load: () => Promise<FamilyDataMap[FetchableFamilyKind]>;
		/** Python dtypes / R classes the frame must have. */
		py: Record<string, string>;
		r: Record<string, string>;
		/** Requests the fetch code makes, and a check on them. */
		requests: (reqs: Emulator['requests']) => void;
	}
	const TRADE_PY = {
		year: 'int64',
		period: 'object',
		hs_code: 'object',
		hs_description: 'object',
		port: 'object',
		country: 'object',
		value_usd: 'float64',
		net_weight_kg: 'float64',
	};
	const TRADE_R = {
		year: 'integer',
		month: 'integer',
		period: 'character',
		hs_code: 'character',
		hs_description: 'character',
		port: 'character',
		country: 'character',
		value_usd: 'numeric',
		net_weight_kg: 'numeric',
	};
	const tradeRequests =
		(years: number[], sumber: string, periode: string) => (reqs: Emulator['requests']) => {
			const ex = reqs.filter((r) => r.path.includes('dataexim'));
			assert.deepEqual(
				ex.map((r) => r.params.tahun),
				years.map(String),
			);
			for (const r of ex) {
				assert.equal(r.params.sumber, sumber);
				assert.equal(r.params.periode, periode);
				assert.equal(r.params.kodehs.split(';').length > 0, true);
			}
		};
	const CASES: Case[] = [
		{
			name: 'trade, monthly exports of 2 chapters (null ports and countries kept)',
			kind: 'trade',
			load: () =>
				client.families.getTrade({
					flow: 'export',
					hs: ['03', '09'],
					hsLevel: 2,
					years: [2024],
					monthly: true,
				}),
			py: { ...TRADE_PY, month: 'int64' },
			r: TRADE_R,
			requests: tradeRequests([2024], '1', '1'),
		},
		{
			name: 'trade, annual imports of 8-digit codes over two years (month all missing)',
			kind: 'trade',
			load: () =>
				client.families.getTrade({
					flow: 'import',
					hs: ['15111000', '27011900'],
					hsLevel: 8,
					years: [2022, 2023],
					monthly: false,
				}),
			py: { ...TRADE_PY, month: 'Int64' },
			r: { ...TRADE_R, month: 'integer' },
			requests: tradeRequests([2022, 2023], '2', '2'),
		},
	];
	const censusPy = (n: number) => ({
		region_code: 'object',
		domain_code: 'object',
		region: 'object',
		indicator_code: 'object',
		indicator: 'object',
		...Object.fromEntries(
			Array.from({ length: n }, (_, i) => [
				[`category_${i + 1}_code`, 'object'],
				[`category_${i + 1}`, 'object'],
			]).flat(),
		),
		year: 'int64',
		period: 'object',
		value: 'float64',
	});
	const asR = (py: Record<string, string>) =>
		Object.fromEntries(
			Object.entries(py).map(([k, v]) => [
				k,
				v === 'object' ? 'character' : v.toLowerCase() === 'int64' ? 'integer' : 'numeric',
			]),
		);
	const censusRequests = (dataset: number) => (reqs: Emulator['requests']) => {
		const c = reqs.filter((r) => r.path.includes('sensus'));
		assert.equal(c.length, 1);
		assert.equal(c[0].params.id, '41');
		assert.equal(c[0].params.dataset, String(dataset));
	};
	for (const d of [1003, 1002, 2001]) {
		const ds = CENSUS_DATASETS.find((x) => x.id === d)!;
		CASES.push({
			name: `census ${ds.event} dataset ${d} (${ds.categories.length} categories${ds.missing ? ', missing cells' : ''}${ds.stringValues ? ', nilai as text' : ''})`,
			kind: 'census',
			load: () => client.families.getCensusData({ event: ds.event, area: indonesia(), dataset: d }),
			py: censusPy(ds.categories.length),
			r: asR(censusPy(ds.categories.length)),
			requests: censusRequests(d),
		});
	}
	const SIMDASI_PY = {
		region_code: 'object',
		domain_code: 'object',
		region: 'object',
		variable_code: 'object',
		variable: 'object',
		unit: 'object',
		year: 'int64',
		period: 'object',
		value: 'float64',
	};
	for (const [code, mfd, lang] of [
		['3.1.1', '3500000', undefined],
		['1.1.1', '0000000', 'eng'],
		['3.2.1', '3578000', undefined],
	] as const) {
		CASES.push({
			name: `SIMDASI table ${code} for ${mfd}${lang ? ' (eng)' : ''}`,
			kind: 'simdasi',
			lang,
			load: () => client.families.getSimdasiTable({ mfd, year: 2023, table: table(code) }),
			py: SIMDASI_PY,
			r: asR(SIMDASI_PY),
			requests: (reqs) => {
				const s = reqs.filter((r) => r.path.includes('simdasi'));
				assert.equal(s.length, 1);
				assert.deepEqual([s[0].params.id, s[0].params.wilayah, s[0].params.tahun], ['25', mfd, '2023']);
			},
		});
	}

	/** What our own converter makes of the same data, as records. */
	function ours(
		kind: FetchableFamilyKind,
		data: FamilyDataMap[FetchableFamilyKind],
		c: FamilyContext,
	): Rec[] {
		const st = familySnippetTable(kind, data, 'json', c);
		return st.rows.map((r) => Object.fromEntries(st.columns.map((col, i) => [col.name, r[i] ?? null])));
	}

	const runners: Array<{
		format: SnippetFormat;
		ok: () => unknown;
		what: string;
		ext: string;
		dump: string;
		cmd: () => string;
	}> = [
		{
			format: 'python-fetch',
			ok: () => PANDAS_PY,
			what: 'python3 with pandas',
			ext: 'py',
			dump: PY_DUMP,
			cmd: () => PANDAS_PY!,
		},
		{
			format: 'r-fetch',
			ok: () => HAS_JSONLITE,
			what: 'Rscript with jsonlite',
			ext: 'R',
			dump: R_DUMP,
			cmd: () => 'Rscript',
		},
		{
			format: 'typescript-fetch',
			ok: () => true,
			what: 'node',
			ext: 'js',
			dump: TS_DUMP,
			cmd: () => process.execPath,
		},
	];

	async function runSnippet(
		code: string,
		ext: string,
		cmd: string,
	): Promise<{ dtypes?: Rec; types?: Rec; rows: Rec[] }> {
		if (ext === 'js')
			code = ts.transpileModule(code, {
				compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
			}).outputText;
		return JSON.parse(await runOk(cmd, [writeTmp(ext, code)], childEnv({ BPS_API_KEY: EMULATOR_KEY })));
	}

	for (const c of CASES) {
		for (const r of runners) {
			it(`${r.format}: ${c.name} equals our own table`, async function () {
				need(this, r.ok(), r.what);
				const data = await c.load();
				const cx = { ...ctx, lang: c.lang ?? 'ind' } as FamilyContext;
				const want = ours(c.kind, data, cx);
				assert.ok(want.length > 0);
				emu.resetRequests();
				const out = await runSnippet(familySnippet(c.kind, data, r.format, cx) + r.dump, r.ext, r.cmd());
				c.requests(emu.requests);
				for (const q of emu.requests) {
					assert.ok(q.keyPresent, 'the key comes from BPS_API_KEY');
					assert.match(q.userAgent ?? '', /bps-data-browser-vscode snippet/);
				}
				assert.deepEqual(out.rows, want);
				if (out.dtypes) assert.deepEqual(out.dtypes, c.py);
				if (out.types) assert.deepEqual(out.types, c.r);
				assert.ok(out.rows.every((x) => Number.isInteger(x.year)));
				if (c.kind === 'trade') {
					assert.ok(
						out.rows.some((x) => x.port === null || x.country === null),
						'null port/country kept',
					);
					for (const x of out.rows) assert.match(String(x.period), /^\d{4}(-(0[1-9]|1[0-2]))?$/);
				} else if (c.name.includes('missing') || c.name.includes('3.1.1')) {
					assert.ok(
						out.rows.some((x) => x.value === null),
						'missing values stay missing (NaN / NA / null), never 0',
					);
				}
			});
		}
		it(`python and r data snippets build the same frame as the fetch code: ${c.name}`, async function () {
			need(this, PANDAS_PY && HAS_JSONLITE, 'python3 with pandas and Rscript with jsonlite');
			const data = await c.load();
			const cx = { ...ctx, lang: c.lang ?? 'ind' } as FamilyContext;
			const want = ours(c.kind, data, cx);
			const py = await runSnippet(familySnippet(c.kind, data, 'python', cx) + PY_DUMP, 'py', PANDAS_PY!);
			assert.deepEqual(py.dtypes, c.py);
			assert.deepEqual(py.rows, want);
			const rr = await runSnippet(familySnippet(c.kind, data, 'r', cx) + R_DUMP, 'R', 'Rscript');
			assert.deepEqual(rr.types, c.r);
			assert.deepEqual(rr.rows, want);
		});
	}

	/** Tables laid out as Insert Data does (several years, several areas): what the fetch code must rebuild. */
	const SRC = {
		domain: '3500',
		domainName: 'Jawa Timur',
		sourceUrl: 'https://jatim.bps.go.id',
		lang: 'ind' as const,
	};
	const MULTI: Array<{
		name: string;
		build: () => Promise<SnippetTable>;
		check: (reqs: Emulator['requests']) => void;
	}> = [
		{
			name: 'SIMDASI table 3.1.1 for 3500000 over three years (rows bound oldest first)',
			build: async () => {
				const tables = await Promise.all(
					[2023, 2021, 2022].map((year) =>
						client.families.getSimdasiTable({ mfd: '3500000', year, table: table('3.1.1') }),
					),
				);
				return simdasiInsertTable(tables, { ...SRC, accessedAt: ctx.accessedAt }, emu.url, 'long');
			},
			check: (reqs) =>
				assert.deepEqual(
					reqs.filter((r) => r.path.includes('simdasi')).map((r) => r.params.tahun),
					['2021', '2022', '2023'],
				),
		},
		{
			name: 'census sp2020 dataset 1001 for Indonesia, Jawa Timur and Kota Surabaya (rows bound by area)',
			build: async () => {
				const areas = ['0', '35', '3578'].map((m) => censusAreas().find((a) => a.kode_mfd === m)!.id);
				const parts = await Promise.all(
					areas.map((area) => client.families.getCensusData({ event: 'sp2020', area, dataset: 1001 })),
				);
				return censusInsertTable(mergeCensusData(parts), { ...SRC, accessedAt: ctx.accessedAt }, emu.url);
			},
			check: (reqs) =>
				assert.deepEqual(
					reqs.filter((r) => r.path.includes('sensus')).map((r) => r.params.wilayah_sensus),
					['0', '35', '3578'].map((m) => String(censusAreas().find((a) => a.kode_mfd === m)!.id)),
				),
		},
	];
	for (const m of MULTI)
		for (const r of runners)
			it(`${r.format}: ${m.name} equals the inserted table`, async function () {
				need(this, r.ok(), r.what);
				const st = await m.build();
				const want = st.rows.map((row) =>
					Object.fromEntries(st.columns.map((col, i) => [col.name, row[i] ?? null])),
				);
				assert.ok(new Set(want.map((x) => `${x.year}|${x.region_code}`)).size >= 3, 'several years or areas');
				emu.resetRequests();
				const out = await runSnippet(formatSnippet(st, r.format) + r.dump, r.ext, r.cmd());
				m.check(emu.requests);
				assert.ok(
					emu.requests.every((q) => q.keyPresent),
					'the key comes from BPS_API_KEY',
				);
				assert.deepEqual(out.rows, want);
				assert.ok(out.rows.every((x) => Number.isInteger(x.year)));
				if (out.dtypes) assert.equal(out.dtypes.year, 'int64');
				if (out.types) assert.equal(out.types.year, 'integer');
			});

	it('SIMDASI nested error ({status: 400, condition: "ERROR"}) fails clearly in every language', async function () {
		need(this, PANDAS_PY && HAS_JSONLITE, 'python3 with pandas and Rscript with jsonlite');
		const data = await client.families.getSimdasiTable({ mfd: '3500000', year: 2023, table: table('2.1.1') });
		// The same table for a year SIMDASI does not have: the emulator answers the nested error.
		const missing = { ...data, year: 2020 };
		for (const r of runners) {
			let code = familySnippet('simdasi', missing, r.format, ctx);
			if (r.ext === 'js')
				code = ts.transpileModule(code + TS_DUMP, {
					compilerOptions: { module: ts.ModuleKind.CommonJS },
				}).outputText;
			const out = await runAsync(r.cmd(), [writeTmp(r.ext, code)], childEnv({ BPS_API_KEY: EMULATOR_KEY }));
			assert.notEqual(out.status, 0, r.format);
			assert.match(out.stderr, /SIMDASI: Data tidak tersedia/, r.format);
		}
	});

	it('fetch code fails clearly without BPS_API_KEY and never prints the key', async function () {
		need(this, PANDAS_PY && HAS_JSONLITE, 'python3 with pandas and Rscript with jsonlite');
		const data = await client.families.getCensusData({ event: 'sp2020', area: indonesia(), dataset: 1001 });
		for (const r of runners.slice(0, 2)) {
			const file = writeTmp(r.ext, familySnippet('census', data, r.format, ctx));
			let out = await runAsync(r.cmd(), [file], childEnv());
			assert.notEqual(out.status, 0);
			assert.match(out.stderr, /BPS_API_KEY/);
			out = await runAsync(r.cmd(), [file], childEnv({ BPS_API_KEY: 'wrong-key' }));
			assert.notEqual(out.status, 0);
			assert.match(out.stderr, /re-check your key/);
			assert.ok(!out.stderr.includes('wrong-key'));
		}
	});
});
