/**
 * Runs the generated Python, R and SQL (and the fetch snippets, against the emulator) in real
 * interpreters: /usr/bin/python3 with pandas (Debian python3-pandas), Rscript (r-base-core),
 * SQLite through Python's sqlite3, Node for the TypeScript fetch snippet. Locally a missing
 * interpreter skips with a message; with CI set it fails. `bash scripts/setup-test-env.sh`
 * installs them. The R fetch snippet needs the jsonlite package (Debian r-cran-jsonlite) to run;
 * without it only parsing is checked.
 */
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as FC from 'fast-check';
import type * as TS from 'typescript';
import type { BpsClient } from '../../../src/api/client';
import {
	formatSnippet,
	type SnippetFormat,
	type SnippetTable,
	snippetTableFromDynamic,
	sqlTableName,
} from '../../../src/snippets';
import { cleanText } from '../../../src/snippets/common';
import { EMULATOR_KEY, type Emulator, startEmulator } from '../../emulator/server';
import {
	ANY_PY,
	HAS_JSONLITE,
	HAS_R,
	PANDAS_PY,
	childEnv,
	need,
	removeTmp,
	run,
	runAsync,
	runOk,
	writeTmp,
	emulatorClient,
} from './execHelpers';
import { TRICKY_EXPECTED, trickyTable } from './snippets.fixtures';

const req = createRequire(path.resolve('package.json'));
const ts: typeof TS = req('typescript');
const fc: typeof FC = req('fast-check');

type Row = Array<string | number | null>;

/** Labels no formatter may garble: quotes, separators, escapes, controls, astral and lone surrogates. */
function randomLabels(count: number, seed: number): string[] {
	const nasty = fc.constantFrom(
		'"',
		"'",
		'\\',
		'\n',
		'\r',
		'\t',
		'$',
		'{',
		'}',
		',',
		';',
		'|',
		'`',
		'#',
		'\0',
		'\x7f',
		'\u0085',
		'\u2028',
		'\uD800',
		'\uFEFF',
		'´',
		'é',
		'½',
		'☃',
		'中',
		'😀',
		' ',
		'a',
		'Z',
		'9',
		'-',
		'*/',
		'-->',
		'\\n',
		'NA',
		'None',
		'NULL',
	);
	const arb = fc.oneof(
		fc.string({ unit: 'binary', maxLength: 10 }),
		fc.string({ unit: nasty, maxLength: 12 }),
	);
	return fc.sample(arb, { numRuns: count, seed });
}

/** The tricky table plus random labels, as the formatters must read them back. */
function stressTable(): { table: SnippetTable; expected: Row[] } {
	const labels = randomLabels(60, 20240501);
	const extra: Row[] = labels.map((s, i) => [
		s,
		i % 7 === 0 ? null : (i - 30) / 8,
		i % 5 === 0 ? null : i * 1e6 + 0.25,
	]);
	const table = trickyTable({ rows: [...trickyTable().rows, ...extra] });
	const expected = [...TRICKY_EXPECTED, ...extra.map((r) => [cleanText(r[0] as string), r[1], r[2]])];
	return { table, expected };
}

// Root-level hook: runs once, after both suites below.
after(removeTmp);

const NAMES = ['Provinsi "x", a|b', '2015', 'Nilai 2016 (½)'];

describe('snippets: generated code runs', function () {
	this.timeout(180000);

	it('python: the DataFrame has the right shape, dtypes, NaN/None cells and labels', function () {
		need(this, PANDAS_PY, 'python3 with pandas (Debian python3-pandas)');
		const { table, expected } = stressTable();
		const code =
			formatSnippet(table, 'python') +
			`
import json, math
out = {
    "shape": list(df.shape),
    "columns": list(df.columns),
    "dtypes": [str(d) for d in df.dtypes],
    "na": df.isna().values.tolist(),
    "cells": [[None if isinstance(v, float) and math.isnan(v) else v for v in row] for row in df.astype(object).values.tolist()],
}
print(json.dumps(out))
`;
		const out = JSON.parse(run(PANDAS_PY!, [writeTmp('py', code)]));
		assert.deepEqual(out.shape, [expected.length, 3]);
		assert.deepEqual(out.columns, NAMES);
		assert.deepEqual(out.dtypes, ['object', 'float64', 'float64']);
		assert.deepEqual(
			out.na,
			expected.map((r) => r.map((v) => v === null)),
		);
		assert.deepEqual(out.cells, expected);
	});

	it('python: an empty table still has typed columns', function () {
		need(this, PANDAS_PY, 'python3 with pandas (Debian python3-pandas)');
		const code =
			formatSnippet(trickyTable({ rows: [] }), 'python') + '\nprint(df.shape, [str(d) for d in df.dtypes])\n';
		assert.equal(run(PANDAS_PY!, [writeTmp('py', code)]).trim(), "(0, 3) ['object', 'float64', 'float64']");
	});

	it('python: pandas.read_csv reads the CSV back (after the # lines)', function () {
		need(this, PANDAS_PY, 'python3 with pandas (Debian python3-pandas)');
		const { table, expected } = stressTable();
		const file = writeTmp('csv', formatSnippet(table, 'csv'));
		const code = `
import json, math, pandas as pd
with open(${JSON.stringify(file)}, encoding="utf-8", newline="") as f:
    skip = 0
    for line in f:
        if not line.startswith("#"):
            break
        skip += 1
df = pd.read_csv(${JSON.stringify(file)}, skiprows=skip, keep_default_na=False, na_values={"2015": [""], "Nilai 2016 (½)": [""]}, dtype={0: str})
print(json.dumps({"columns": list(df.columns), "cells": [[None if isinstance(v, float) and math.isnan(v) else v for v in row] for row in df.astype(object).values.tolist()]}))
`;
		const out = JSON.parse(run(PANDAS_PY!, [writeTmp('py', code)]));
		assert.deepEqual(out.columns, NAMES);
		// CSV cannot tell a missing label from an empty one.
		assert.deepEqual(
			out.cells,
			expected.map((r) => [r[0] ?? '', r[1], r[2]]),
		);
	});

	it('sql: SQLite runs the script and stores every value', function () {
		need(this, ANY_PY, 'python3 (for its sqlite3 module)');
		const { table, expected } = stressTable();
		const file = writeTmp('sql', formatSnippet(table, 'sql'));
		const code = `
import json, sqlite3
db = sqlite3.connect(":memory:")
# newline="": a CR inside a string literal is data, not a line end to translate.
with open(${JSON.stringify(file)}, encoding="utf-8", newline="") as f:
    db.executescript(f.read())
name = db.execute("select name from sqlite_master where type='table'").fetchone()[0]
cur = db.execute(f'select * from "{name}" order by rowid')
print(json.dumps({"columns": [d[0] for d in cur.description], "rows": cur.fetchall()}))
`;
		const out = JSON.parse(run(ANY_PY!, [writeTmp('py', code)]));
		assert.deepEqual(out.columns, NAMES);
		assert.deepEqual(out.rows, expected);
	});

	it('r: the data.frame has the right shape, types, NA cells and labels', function () {
		need(this, HAS_R, 'Rscript (Debian r-base-core)');
		const { table, expected } = stressTable();
		// Strings go back as UTF-8 hex so no quoting or locale can garble the comparison.
		const code =
			formatSnippet(table, 'r') +
			`
hex <- function(s) paste(as.character(charToRaw(enc2utf8(s))), collapse = "")
cat("SHAPE", nrow(df), ncol(df), "\\n")
for (j in seq_along(df)) cat("COL", j, class(df[[j]]), hex(names(df)[j]), "\\n")
for (i in seq_len(nrow(df))) for (j in seq_along(df)) {
  v <- df[[j]][i]
  if (is.na(v)) cat("CELL", i, j, "NA\\n")
  else if (is.character(v)) cat("CELL", i, j, "S", hex(v), "\\n")
  else cat("CELL", i, j, "N", sprintf("%.17g", v), "\\n")
}
`;
		const out = run('Rscript', [writeTmp('R', code)]);
		const unhex = (h = '') => Buffer.from(h, 'hex').toString('utf8');
		const lines = out
			.trim()
			.split('\n')
			.map((l) => l.trim().split(' '));
		assert.deepEqual(lines[0], ['SHAPE', String(expected.length), '3']);
		const cols = lines.filter((l) => l[0] === 'COL');
		assert.deepEqual(
			cols.map((l) => l[2]),
			['character', 'numeric', 'numeric'],
		);
		assert.deepEqual(
			cols.map((l) => unhex(l[3])),
			NAMES,
		);
		const got: Row[] = expected.map(() => []);
		for (const l of lines.filter((x) => x[0] === 'CELL')) {
			got[Number(l[1]) - 1][Number(l[2]) - 1] =
				l[3] === 'NA' ? null : l[3] === 'S' ? unhex(l[4]) : Number(l[4]);
		}
		assert.deepEqual(got, expected);
	});

	it('r: a large table is built in statements R reads quickly, same data, no helpers left', function () {
		need(this, HAS_R, 'Rscript (Debian r-base-core)');
		const n = 5000;
		const rows: Row[] = Array.from({ length: n }, (_, i) => [
			`Wilayah ${i % 514}`,
			i % 97 === 0 ? null : i / 4,
			2000 + (i % 24),
		]);
		const table = trickyTable({ rows });
		const snippet = formatSnippet(table, 'r');
		const longest = Math.max(...snippet.split('\n').map((l) => l.length));
		assert.ok(longest <= 100, `lines stay readable (${longest} chars)`);
		const code =
			snippet +
			`
cat("SHAPE", nrow(df), ncol(df), "\\n")
cat("NA", sum(is.na(df[[2]])), "\\n")
cat("SUM", sprintf("%.17g", sum(df[[2]], na.rm = TRUE)), sum(df[[3]]), "\\n")
cat("LAST", df[[1]][nrow(df)], "\\n")
cat("LEFT", length(ls(all.names = TRUE, pattern = "^[.]bps")), "\\n")
`;
		const out = run('Rscript', [writeTmp('R', code)]);
		const sum = rows.reduce((a, r) => a + ((r[1] as number | null) ?? 0), 0);
		const years = rows.reduce((a, r) => a + (r[2] as number), 0);
		assert.match(out, new RegExp(`SHAPE ${n} 3`));
		assert.match(out, new RegExp(`NA ${rows.filter((r) => r[1] === null).length} `));
		assert.ok(out.includes(`SUM ${sum} ${years}`), out);
		assert.match(out, /LAST Wilayah 373/);
		assert.match(out, /LEFT 0/);
	});

	it('r: an empty table still has typed columns', function () {
		need(this, HAS_R, 'Rscript (Debian r-base-core)');
		const code =
			formatSnippet(trickyTable({ rows: [] }), 'r') + '\ncat(nrow(df), ncol(df), sapply(df, class), "\\n")\n';
		assert.equal(run('Rscript', [writeTmp('R', code)]).trim(), '0 3 character numeric numeric');
	});
});

/** One row of the tidy schema (src/snippets/tidy.ts), as JSON. */
type LongRow = Record<string, string | number | null>;

const sortRows = (rows: LongRow[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('snippets: fetch code against the emulator', function () {
	this.timeout(180000);
	let emu: Emulator;
	let client: BpsClient;

	before(async () => {
		emu = await startEmulator();
		client = emulatorClient(emu);
	});
	after(async () => {
		await emu?.close();
	});

	/** The same table decoded by our own client, laid out in the tidy schema the data snippets use. */
	async function ours(
		domain: string,
		variable: number,
		periods: number[],
		lang: 'ind' | 'eng' = 'ind',
	): Promise<LongRow[]> {
		const t = await client.getDynamicData({ domain, variable, periods }, { lang, bypassCache: true });
		const st = snippetTableFromDynamic(t, {
			domainName: 'x',
			sourceUrl: 'https://www.bps.go.id',
			accessedAt: new Date(),
			layout: 'long',
			baseUrl: emu.url,
		});
		return st.rows.map((r) => Object.fromEntries(st.columns.map((c, i) => [c.name, r[i]])));
	}

	function table(
		domain: string,
		variable: number,
		periods: number[],
		lang: 'ind' | 'eng' = 'ind',
	): SnippetTable {
		return trickyTable({ request: { baseUrl: emu.url, domain, variable, periods, lang }, lang });
	}

	/** Every request a snippet made: right key, our User-Agent, never more periods than the cap. */
	function checkRequests(domain: string) {
		const data = emu.requests.filter((r) => r.params.model === 'data');
		assert.ok(data.length > 0, 'no model=data request');
		for (const r of data) {
			assert.equal(r.status, 200);
			assert.ok(r.keyPresent);
			assert.match(r.userAgent ?? '', /bps-data-browser-vscode snippet/);
			assert.equal(r.params.domain, domain);
			assert.ok(r.params.th.split(';').length <= (domain === '0000' ? 3 : 2), `th=${r.params.th}`);
		}
		return data.length;
	}

	// Annual (recorded sample), derived variable over two chunks, monthly, province cap 2.
	const CASES: Array<{
		name: string;
		domain: string;
		variable: number;
		periods: number[];
		calls: number;
		lang?: 'eng';
	}> = [
		{
			name: 'var 1804 (recorded), th 117–119',
			domain: '0000',
			variable: 1804,
			periods: [117, 118, 119],
			calls: 1,
		},
		{
			name: 'var 501 with turvar, 5 periods in 2 calls, eng',
			domain: '0000',
			variable: 501,
			periods: [118, 119, 120, 121, 122],
			calls: 2,
			lang: 'eng',
		},
		{ name: 'var 2263 monthly (turtahun)', domain: '0000', variable: 2263, periods: [124], calls: 1 },
		{ name: 'var 104 quarterly (turtahun)', domain: '0000', variable: 104, periods: [123, 124], calls: 1 },
		{
			name: 'province domain, 3 periods in 2 calls',
			domain: '3500',
			variable: 1,
			periods: [122, 123, 124],
			calls: 2,
		},
	];

	const runners: Array<{
		format: SnippetFormat;
		ok: () => unknown;
		what: string;
		run: (file: string) => Promise<string>;
		harness: string;
		ext: string;
	}> = [
		{
			format: 'python-fetch',
			ok: () => PANDAS_PY,
			what: 'python3 with pandas (Debian python3-pandas)',
			ext: 'py',
			harness: '\nprint(df.to_json(orient="records"))\n',
			run: (file) => runOk(PANDAS_PY!, [file], childEnv({ BPS_API_KEY: EMULATOR_KEY })),
		},
		{
			format: 'r-fetch',
			ok: () => HAS_JSONLITE || (!HAS_R ? false : 'no-jsonlite'),
			what: 'Rscript (Debian r-base-core)',
			ext: 'R',
			harness: '\ncat(jsonlite::toJSON(df, na = "null", digits = NA))\n',
			run: (file) => runOk('Rscript', [file], childEnv({ BPS_API_KEY: EMULATOR_KEY })),
		},
		{
			format: 'typescript-fetch',
			ok: () => true,
			what: 'node',
			ext: 'js',
			harness:
				'\nfetchBpsTable().then((rows) => console.log(JSON.stringify(rows)), (e) => { console.error(e); process.exit(1); });\n',
			run: (file) => runOk(process.execPath, [file], childEnv({ BPS_API_KEY: EMULATOR_KEY })),
		},
	];

	for (const r of runners) {
		for (const c of CASES) {
			it(`${r.format}: ${c.name} equals our own decoding`, async function () {
				const ok = r.ok();
				need(this, ok, r.what);
				if (ok === 'no-jsonlite') {
					console.warn('      (skipped: R package jsonlite missing; apt-get install r-cran-jsonlite)');
					this.skip();
				}
				let code = formatSnippet(table(c.domain, c.variable, c.periods, c.lang), r.format) + r.harness;
				if (r.ext === 'js') {
					code = ts.transpileModule(code, {
						compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
					}).outputText;
				}
				const want = await ours(c.domain, c.variable, c.periods, c.lang);
				emu.resetRequests();
				const got = JSON.parse(await r.run(writeTmp(r.ext, code))) as LongRow[];
				assert.equal(checkRequests(c.domain), c.calls);
				assert.equal(got.length, want.length);
				assert.ok(
					want.some((x) => x.value === null) || [1804, 2263, 104].includes(c.variable),
					'case should include missing cells',
				);
				assert.deepEqual(sortRows(got), sortRows(want));
				// The tidy schema, whichever language fetched it.
				const cols = Object.keys(want[0]);
				assert.deepEqual(cols.slice(0, 2), ['region_code', 'region']);
				assert.deepEqual(cols.slice(-2), ['period', 'value']);
				assert.ok(got.every((x) => Number.isInteger(x.year)));
				for (const x of got) assert.match(String(x.period), /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|S[12]))?$/);
				if (c.variable === 2263)
					assert.ok(got.some((x) => x.period === '2024-01' && x.subperiod_code === '1'));
				if (c.variable === 104) assert.ok(got.some((x) => /^\d{4}-Q4$/.test(String(x.period))));
			});
		}
	}

	/** A tidy SnippetTable from our own decoding, with the fetch request, for the data snippets. */
	async function tidyTable(domain: string, variable: number, periods: number[]): Promise<SnippetTable> {
		const t = await client.getDynamicData({ domain, variable, periods }, { lang: 'eng', bypassCache: true });
		return snippetTableFromDynamic(t, {
			domainName: 'Indonesia',
			sourceUrl: 'https://www.bps.go.id',
			accessedAt: new Date(),
			layout: 'long',
			baseUrl: emu.url,
		});
	}

	const PY_DTYPES =
		'\nimport json as _j\nprint(_j.dumps({"dtypes": {k: str(v) for k, v in df.dtypes.items()}, "nan": int(df["value"].isna().sum()), "rows": _j.loads(df.to_json(orient="records"))}))\n';
	const R_TYPES =
		'\ncat(jsonlite::toJSON(list(types = lapply(df, class), na = sum(is.na(df$value)), rows = df), auto_unbox = TRUE, na = "null", digits = NA))\n';

	it('python: the data snippet and the fetch snippet build the same tidy DataFrame (year int64, value float64 with NaN)', async function () {
		need(this, PANDAS_PY, 'python3 with pandas (Debian python3-pandas)');
		const st = await tidyTable('0000', 501, [118, 119, 120]);
		const missing = st.rows.filter((r) => r[r.length - 1] === null).length;
		assert.ok(missing > 0, 'the case must have missing cells');
		const env = childEnv({ BPS_API_KEY: EMULATOR_KEY });
		const data = JSON.parse(
			await runOk(PANDAS_PY!, [writeTmp('py', formatSnippet(st, 'python') + PY_DTYPES)], env),
		);
		const fetched = JSON.parse(
			await runOk(PANDAS_PY!, [writeTmp('py', formatSnippet(st, 'python-fetch') + PY_DTYPES)], env),
		);
		const dtypes = {
			region_code: 'object',
			region: 'object',
			category_code: 'object',
			category: 'object',
			year: 'int64',
			period: 'object',
			value: 'float64',
		};
		assert.deepEqual(data.dtypes, dtypes);
		assert.deepEqual(fetched.dtypes, dtypes);
		assert.equal(data.nan, missing);
		assert.equal(fetched.nan, missing);
		assert.deepEqual(sortRows(data.rows), sortRows(fetched.rows));
	});

	it('r: the data snippet and the fetch snippet build the same tidy data.frame (year integer, value numeric with NA)', async function () {
		need(this, HAS_JSONLITE, 'Rscript with jsonlite (Debian r-base-core, r-cran-jsonlite)');
		const st = await tidyTable('0000', 501, [118, 119, 120]);
		const missing = st.rows.filter((r) => r[r.length - 1] === null).length;
		const env = childEnv({ BPS_API_KEY: EMULATOR_KEY });
		const data = JSON.parse(await runOk('Rscript', [writeTmp('R', formatSnippet(st, 'r') + R_TYPES)], env));
		const fetched = JSON.parse(
			await runOk('Rscript', [writeTmp('R', formatSnippet(st, 'r-fetch') + R_TYPES)], env),
		);
		const types = {
			region_code: 'character',
			region: 'character',
			category_code: 'character',
			category: 'character',
			year: 'integer',
			period: 'character',
			value: 'numeric',
		};
		assert.deepEqual(data.types, types);
		assert.deepEqual(fetched.types, types);
		assert.equal(data.na, missing);
		assert.equal(fetched.na, missing);
		assert.deepEqual(sortRows(data.rows), sortRows(fetched.rows));
	});

	it('json, typescript and sql data snippets carry the same tidy records', async function () {
		need(this, ANY_PY, 'python3');
		const st = await tidyTable('0000', 2263, [124]);
		const want = st.rows.map((r) => Object.fromEntries(st.columns.map((c, i) => [c.name, r[i]])));
		assert.deepEqual(JSON.parse(formatSnippet(st, 'json')).data, want);
		const js = ts.transpileModule(
			formatSnippet(st, 'typescript') + '\nconsole.log(JSON.stringify(bpsData));\n',
			{
				compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
			},
		).outputText;
		assert.deepEqual(JSON.parse(run(process.execPath, [writeTmp('js', js)])), want);
		const dump =
			'import sqlite3, sys, json\ncon = sqlite3.connect(":memory:")\ncon.executescript(open(sys.argv[1], encoding="utf-8").read())\n' +
			'cur = con.execute("SELECT * FROM " + sys.argv[2])\nnames = [d[0] for d in cur.description]\n' +
			'print(json.dumps({"names": names, "types": [r[2] for r in con.execute("PRAGMA table_info(" + sys.argv[2] + ")")], "rows": [dict(zip(names, r)) for r in cur]}))\n';
		const sqlFile = writeTmp('sql', formatSnippet(st, 'sql'));
		const got = JSON.parse(run(ANY_PY!, ['-c', dump, sqlFile, sqlTableName(st.title)]));
		assert.deepEqual(
			got.names,
			st.columns.map((c) => c.name),
		);
		assert.equal(got.types[got.names.indexOf('year')], 'INTEGER');
		assert.deepEqual(got.rows, want);
	});

	it('python-fetch fails clearly without BPS_API_KEY and with a wrong key', async function () {
		need(this, PANDAS_PY, 'python3 with pandas (Debian python3-pandas)');
		const file = writeTmp('py', formatSnippet(table('0000', 1804, [117]), 'python-fetch'));
		let r = await runAsync(PANDAS_PY!, [file], childEnv());
		assert.notEqual(r.status, 0);
		assert.match(r.stderr, /BPS_API_KEY/);
		r = await runAsync(PANDAS_PY!, [file], childEnv({ BPS_API_KEY: 'wrong-key' }));
		assert.notEqual(r.status, 0);
		assert.match(r.stderr, /re-check your key/);
		assert.ok(!r.stderr.includes('wrong-key'), 'the key must not appear in the error');
	});

	it('fetch snippets parse: python ast.parse, R parse(file=), TypeScript syntax', function () {
		need(this, ANY_PY, 'python3');
		need(this, HAS_R, 'Rscript (Debian r-base-core)');
		const t = trickyTable();
		const py = writeTmp('py', formatSnippet(t, 'python-fetch'));
		run(ANY_PY!, ['-c', `import ast, sys; ast.parse(open(sys.argv[1], encoding="utf-8").read())`, py]);
		const rf = writeTmp('R', formatSnippet(t, 'r-fetch'));
		run('Rscript', ['-e', `invisible(parse(file = ${JSON.stringify(rf)}, encoding = "UTF-8"))`]);
		const out = ts.transpileModule(formatSnippet(t, 'typescript-fetch'), {
			reportDiagnostics: true,
			compilerOptions: {},
		});
		assert.deepEqual(out.diagnostics ?? [], []);
		// The parsers do reject broken code (these checks can fail).
		assert.throws(() => run(ANY_PY!, ['-c', 'import ast; ast.parse("def (")']));
		assert.throws(() => run('Rscript', ['-e', 'parse(text = "f(")']));
	});
});
