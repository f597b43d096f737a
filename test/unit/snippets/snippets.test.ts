import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as TS from 'typescript';
import { ATTRIBUTION_EN, ATTRIBUTION_ID } from '../../../src/api/attribution';
import { decodeDynamicData } from '../../../src/api/decode';
import {
	SNIPPET_FORMATS,
	TIDY,
	isoPeriod,
	yearOf,
	type SnippetFormat,
	type SnippetTable,
	formatForLanguageId,
	formatSnippet,
	isFetchFormat,
	languageIdForFormat,
	preferredLayout,
	snippetTableFromDynamic,
	sqlTableName,
} from '../../../src/snippets';
import { sampleBody } from '../../emulator/samples';
import { TRICKY_EXPECTED, TRICKY_LABELS, trickyTable } from './snippets.fixtures';
import { typecheck } from './typecheck';

// Loaded at run time, not bundled: the compiler finds its lib.*.d.ts files next to itself.
const ts: typeof TS = createRequire(path.resolve('package.json'))('typescript');
/** Shaped like a real 32-hex key, built here so no key-shaped literal sits in the repo. */
const HEX_KEY = '0123456789abcdef'.repeat(2);

const ALL: SnippetFormat[] = SNIPPET_FORMATS.map((f) => f.format);

/** Minimal RFC 4180 parser (CRLF or LF records; quoted fields with "" escapes and line breaks). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const endField = () => {
		row.push(field);
		field = '';
	};
	const endRow = () => {
		endField();
		rows.push(row);
		row = [];
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"' && field === '') quoted = true;
		else if (ch === ',') endField();
		else if (ch === '\r' && text[i + 1] === '\n') {
			endRow();
			i++;
		} else if (ch === '\n') endRow();
		else field += ch;
	}
	if (field !== '' || row.length) endRow();
	return rows;
}

/** Text the reader sees once VS Code's snippet engine has consumed the escapes. */
function unescapeSnippet(s: string): string {
	return s.replace(/\\([$}\\])/g, '$1');
}

/** Lines that hold metadata text must all be comments in the language (`prefix`). */
function assertCommented(out: string, prefix: string) {
	for (const line of out.split('\n')) {
		if (line.includes('next line') || line.includes('Layanan ini'))
			assert.ok(line.startsWith(prefix), `not a comment: ${line}`);
	}
}

describe('snippets: every format', () => {
	for (const f of ALL) {
		it(`${f}: carries the attribution, title, region, periods, access date and source`, () => {
			const out = formatSnippet(trickyTable(), f);
			assert.ok(out.includes(ATTRIBUTION_ID), 'attribution');
			assert.ok(!out.includes(ATTRIBUTION_EN), 'no English attribution for ind');
			assert.ok(out.includes('2024-05-01'), 'access date');
			assert.ok(out.includes('https://www.bps.go.id'), 'source');
			assert.ok(out.includes('Indonesia (0000)') || out.includes('"name": "Indonesia"'), 'region');
			assert.ok(out.includes('2015–2016'), 'periods');
			assert.ok(out.includes('next line'), 'title');
			assert.ok(out.endsWith('\n'));
			const eng = formatSnippet(trickyTable({ lang: 'eng' }), f);
			assert.ok(eng.includes(ATTRIBUTION_ID) && eng.includes(ATTRIBUTION_EN), 'both attributions for eng');
		});

		it(`${f}: handles an empty table and a table without columns`, () => {
			for (const t of [trickyTable({ rows: [] }), trickyTable({ rows: [], columns: [] })]) {
				const out = formatSnippet(t, f);
				assert.ok(out.includes(ATTRIBUTION_ID));
			}
		});

		it(`${f}: forSnippet escapes $, } and \\ and nothing else`, () => {
			const plain = formatSnippet(trickyTable(), f);
			const snip = formatSnippet(trickyTable(), f, { forSnippet: true });
			assert.equal(unescapeSnippet(snip), plain);
			// No unescaped `$` or `}` may remain (they would start/end snippet placeholders).
			assert.ok(!/(^|[^\\])(\\\\)*[$}]/.test(snip.replace(/\\[$}\\]/g, '')), 'unescaped $ or }');
		});

		it(`${f}: eol \\r\\n ends every emitted line with CRLF`, () => {
			const out = formatSnippet(trickyTable({ rows: [[TRICKY_LABELS[0], 1, 2]] }), f, { eol: '\r\n' });
			assert.ok(out.endsWith('\r\n'));
			assert.ok(!/[^\r]\n/.test(out), 'bare LF');
		});

		it(`${f}: never leaks an API key from the source URL`, () => {
			const t = trickyTable({
				sourceUrl: `https://webapi.bps.go.id/v1/api/list?model=data&key=${HEX_KEY}`,
				request: {
					baseUrl: `https://example.test/v1/api/key/${HEX_KEY}/`,
					domain: '0000',
					variable: 1,
					periods: [1],
					lang: 'ind',
				},
			});
			assert.ok(!formatSnippet(t, f).includes('0123456789abcdef'));
		});
	}

	it('neutralises comment terminators and line breaks in metadata', () => {
		assertCommented(formatSnippet(trickyTable(), 'python'), '#');
		assertCommented(formatSnippet(trickyTable(), 'r'), '#');
		assertCommented(formatSnippet(trickyTable(), 'csv'), '#');
		assertCommented(formatSnippet(trickyTable(), 'tsv'), '#');
		assertCommented(formatSnippet(trickyTable(), 'typescript'), '//');
		assertCommented(formatSnippet(trickyTable(), 'javascript'), '//');
		assertCommented(formatSnippet(trickyTable(), 'sql'), '--');
		assertCommented(formatSnippet(trickyTable(), 'python-fetch'), '#');
		assertCommented(formatSnippet(trickyTable(), 'r-fetch'), '#');
		assertCommented(formatSnippet(trickyTable(), 'typescript-fetch'), '//');
		// Python would read `coding: latin-1` on line 2 as the source encoding.
		assert.ok(!/^#.*coding[:=]/m.test(formatSnippet(trickyTable(), 'python')));
		const md = formatSnippet(trickyTable(), 'markdown');
		// Every `<` and `>` is backslash-escaped, so no HTML comment (or tag) can open or close.
		assert.ok(md.includes('\\<!--') && !/(^|[^\\])[<>]/.test(md), 'unescaped < or > in Markdown');
	});

	it('SNIPPET_FORMATS lists each format once, with a label', () => {
		assert.equal(new Set(ALL).size, 15);
		for (const f of SNIPPET_FORMATS) assert.ok(f.label.length > 2);
		assert.deepEqual(ALL.filter(isFetchFormat), ['python-fetch', 'r-fetch', 'typescript-fetch']);
	});

	it('fetch formats need a request', () => {
		for (const f of ALL.filter(isFetchFormat))
			assert.throws(() => formatSnippet(trickyTable({ request: undefined }), f), TypeError);
		assert.throws(() => formatSnippet(trickyTable(), 'nope' as SnippetFormat), TypeError);
	});
});

describe('snippets: language ids', () => {
	it('maps editor languages to formats', () => {
		const cases: Array<[string, SnippetFormat | undefined]> = [
			['python', 'python'],
			['r', 'r'],
			['R', 'r'],
			['markdown', 'markdown'],
			['csv', 'csv'],
			['tsv', 'tsv'],
			['json', 'json'],
			['jsonc', 'json'],
			['typescript', 'typescript'],
			['typescriptreact', 'typescript'],
			['javascript', 'javascript'],
			['javascriptreact', 'javascript'],
			['sql', 'sql'],
			['plaintext', undefined],
			['toString', undefined],
			['__proto__', undefined],
		];
		for (const [id, f] of cases) assert.equal(formatForLanguageId(id), f, id);
	});

	it('gives a language for every format', () => {
		for (const f of ALL) assert.match(languageIdForFormat(f), /^[a-z]+$/);
		assert.equal(languageIdForFormat('python-fetch'), 'python');
		assert.equal(languageIdForFormat('csv'), 'plaintext');
		assert.equal(preferredLayout('markdown'), 'wide');
		assert.equal(preferredLayout('python'), 'long');
		for (const f of ['markdown-long', 'csv-long', 'tsv-long', 'json', 'r', 'typescript', 'sql'] as const)
			assert.equal(preferredLayout(f), 'long', f);
		assert.equal(languageIdForFormat('csv-long'), 'plaintext');
		assert.equal(languageIdForFormat('markdown-long'), 'markdown');
	});
});

describe('snippets: data formats', () => {
	it('CSV round-trips through an RFC 4180 parser', () => {
		for (const eol of ['\n', '\r\n'] as const) {
			const out = formatSnippet(trickyTable(), 'csv', { eol });
			const body = out
				.split(eol)
				.filter((l, i, a) => !(l.startsWith('#') && a.slice(0, i).every((x) => x.startsWith('#'))))
				.join(eol);
			const rows = parseCsv(body);
			assert.deepEqual(rows[0], ['Provinsi "x", a|b', '2015', 'Nilai 2016 (½)']);
			const want = TRICKY_EXPECTED.map((r) => r.map((v) => (v === null ? '' : String(v))));
			assert.deepEqual(rows.slice(1), want);
		}
	});

	it('TSV keeps one record per line and replaces tabs/newlines in labels', () => {
		const out = formatSnippet(trickyTable(), 'tsv');
		const lines = out
			.split('\n')
			.slice(0, -1)
			.filter((l) => !l.startsWith('#'));
		assert.equal(lines.length, 1 + TRICKY_EXPECTED.length);
		for (const l of lines) assert.equal(l.split('\t').length, 3, l);
		assert.equal(lines[3].split('\t')[0], 'line1 line2 tab\\back$slash}');
		assert.deepEqual(lines[2].split('\t'), ['He said "hi", ok', '', '0']);
		assert.deepEqual(lines[5].split('\t'), ['', '3', '']);
	});

	it('JSON parses, wraps the records with the metadata, and uses null for missing cells', () => {
		const doc = JSON.parse(formatSnippet(trickyTable(), 'json'));
		assert.equal(doc.attribution, ATTRIBUTION_ID);
		assert.equal(doc.accessed, '2024-05-01');
		assert.equal(doc.source, 'https://www.bps.go.id');
		assert.deepEqual(doc.region, { code: '0000', name: 'Indonesia' });
		assert.equal(doc.unit, 'Persen');
		assert.equal(doc.data.length, 5);
		TRICKY_EXPECTED.forEach((r, i) => {
			assert.deepEqual(doc.data[i], { 'Provinsi "x", a|b': r[0], '2015': r[1], 'Nilai 2016 (½)': r[2] });
		});
		assert.match(formatSnippet(trickyTable(), 'json'), /^\{\n {2}"attribution"/);
	});

	it('Markdown: one table row per data row, pipes escaped, numbers right-aligned, note on missing', () => {
		const out = formatSnippet(trickyTable(), 'markdown');
		const table = out.split('\n').filter((l) => l.startsWith('|'));
		assert.equal(table.length, 2 + TRICKY_EXPECTED.length);
		for (const l of table) assert.equal(l.replace(/\\\|/g, '').split('|').length - 2, 3, l);
		assert.equal(table[1], '| --- | ---: | ---: |');
		assert.ok(table[4].includes('line1 line2 tab\\\\back$slash}'));
		assert.ok(table[3].startsWith('| He said "hi", ok |  | 0 |'));
		assert.ok(out.includes('Sel kosong: data tidak tersedia.'));
		assert.ok(!formatSnippet(trickyTable({ rows: [['a', 1, 2]] }), 'markdown').includes('Sel kosong'));
		assert.ok(out.includes('\\<b\\>'), 'HTML in labels is escaped');
		// The block starts with the attribution (the README promises it), then the title and table.
		assert.ok(out.startsWith(`${ATTRIBUTION_ID}  \n`), out.slice(0, 80));
		assert.ok(out.indexOf('**Tricky') < out.indexOf('| Provinsi'));
		assert.ok(out.indexOf('Sumber:') < out.indexOf('**Tricky'));
	});

	it('duplicate and empty column names are made unique', () => {
		const t = trickyTable({
			columns: [
				{ name: 'x', type: 'string' },
				{ name: 'x', type: 'number' },
				{ name: '', type: 'number' },
			],
			rows: [['a', 1, 2]],
		});
		assert.deepEqual(Object.keys(JSON.parse(formatSnippet(t, 'json')).data[0]), ['x', 'x (2)', 'column 3']);
	});
});

describe('snippets: code formats (text)', () => {
	it('Python uses None for missing text, float("nan") for missing numbers, escapes strings', () => {
		const out = formatSnippet(trickyTable(), 'python');
		assert.ok(out.includes('import pandas as pd'));
		assert.ok(out.includes('["He said \\"hi\\", ok", float("nan"), 0]'));
		assert.ok(out.includes('[None, 3, float("nan")]'));
		assert.ok(out.includes('"line1\\nline2\\ttab\\\\back$slash}"'));
		assert.ok(out.includes('"Bali–Nusa Tenggara · ½ ☃ 中文"'), 'unicode kept as-is');
	});

	it('R uses typed NAs and sets the names after construction', () => {
		const out = formatSnippet(trickyTable(), 'r');
		assert.ok(out.includes('NA_real_') && out.includes('NA_character_'));
		assert.ok(out.includes('names(df) <- c("Provinsi \\"x\\", a|b", "2015", "Nilai 2016 (½)")'));
	});

	it('SQL doubles quotes, uses NULL and numeric literals, sanitises the table name', () => {
		const out = formatSnippet(trickyTable(), 'sql');
		assert.ok(out.includes(`('$HOME \${x} \`tick\` ''sq'' | pipe * _ <b>', NULL, 10)`));
		assert.ok(out.includes('(NULL, 3, NULL);'));
		assert.ok(out.includes('"Provinsi ""x"", a|b" TEXT'));
		assert.equal(
			sqlTableName('Jumlah Penduduk (Ribu) — Provinsi, 2020'),
			'bps_jumlah_penduduk_ribu_provinsi_2020',
		);
		assert.equal(sqlTableName('中文'), 'bps_table');
		assert.equal(
			sqlTableName('Indeks Pembangunan Manusia (IPM) menurut Provinsi dan Jenis Kelamin, 2010–2024').length <=
				54,
			true,
		);
		// 1200 rows → 3 INSERT statements (500 per batch).
		const big = trickyTable({ rows: Array.from({ length: 1200 }, (_, i) => [`r${i}`, i, -i]) });
		assert.equal(formatSnippet(big, 'sql').split('INSERT INTO').length - 1, 3);
	});

	it('fetch snippets read the key from the environment and send the User-Agent', () => {
		const py = formatSnippet(trickyTable(), 'python-fetch');
		assert.ok(py.includes('os.environ.get("BPS_API_KEY")'));
		assert.ok(py.includes('BASE_URL = "https://webapi.bps.go.id/v1/api/"'));
		assert.ok(py.includes('PERIODS = [117, 118, 119]'));
		const rr = formatSnippet(trickyTable(), 'r-fetch');
		assert.ok(rr.includes('Sys.getenv("BPS_API_KEY")'));
		const tsf = formatSnippet(trickyTable(), 'typescript-fetch');
		assert.ok(tsf.includes('process.env.BPS_API_KEY'));
		for (const s of [py, rr, tsf]) {
			assert.ok(s.includes('bps-data-browser-vscode snippet'));
			assert.ok(s.includes('model=data') || s.includes('"model": "data"'));
		}
	});
});

describe('snippets: TypeScript/JavaScript type-check', function () {
	this.timeout(60000);

	it('typescript, javascript and typescript-fetch compile without diagnostics', () => {
		const diags = typecheck({
			'data.ts': formatSnippet(trickyTable(), 'typescript'),
			'empty.ts': formatSnippet(trickyTable({ rows: [] }), 'typescript'),
			'fetch.ts': formatSnippet(trickyTable(), 'typescript-fetch'),
			'data.js': formatSnippet(trickyTable(), 'javascript'),
			'broken.ts': 'const x: number = "a";',
		});
		// The checker does find errors in broken code (the test can fail).
		assert.equal(diags['broken.ts'].length, 1);
		delete diags['broken.ts'];
		assert.deepEqual(diags, { 'data.ts': [], 'empty.ts': [], 'fetch.ts': [], 'data.js': [] });
	});

	it('the typescript data literal evaluates to the expected records', () => {
		const js = ts.transpileModule(
			formatSnippet(trickyTable(), 'typescript') + '\nmodule.exports = bpsData;',
			{
				compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
			},
		).outputText;
		const mod = { exports: [] as unknown[] };
		new Function('module', js)(mod);
		const names = ['Provinsi "x", a|b', '2015', 'Nilai 2016 (½)'];
		assert.deepEqual(
			mod.exports,
			TRICKY_EXPECTED.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i]]))),
		);
	});

	it('a column named __proto__ stays an own property', () => {
		const t = trickyTable({ columns: [{ name: '__proto__', type: 'number' }], rows: [[1]] });
		const js = formatSnippet(t, 'javascript') + '\nreturn bpsData;';
		const data = new Function(js)() as Array<Record<string, unknown>>;
		assert.deepEqual(Object.keys(data[0]), ['__proto__']);
	});
});

describe('snippets: snippetTableFromDynamic', () => {
	const table = decodeDynamicData(sampleBody('bps-looker__data_0000_1804'), {
		domain: '0000',
		lang: 'ind',
		fetchedAt: 0,
		stale: false,
	});
	const base = {
		domainName: 'Indonesia',
		sourceUrl: 'https://www.bps.go.id',
		accessedAt: new Date(2024, 0, 2),
		baseUrl: 'https://webapi.bps.go.id/v1/api/',
	};

	it('wide: rows = vervar, columns = periods', () => {
		const t: SnippetTable = snippetTableFromDynamic(table, { ...base, layout: 'wide' });
		assert.deepEqual(
			t.columns.map((c) => c.name),
			['Jenis Korban', '2017', '2018', '2019'],
		);
		assert.deepEqual(t.rows[0], ['Meninggal dan Hilang', 440, 5248, 492]);
		assert.deepEqual(t.rows[2], ['Menderita dan Mengungsi', 3674369, 10417179, 5188077]);
		assert.equal(t.periods, '2017–2019');
		assert.equal(t.unit, 'Orang');
		assert.deepEqual(t.request, {
			baseUrl: base.baseUrl,
			domain: '0000',
			variable: 1804,
			periods: [117, 118, 119],
			lang: 'ind',
		});
	});

	it('long: the tidy schema, one row per cell, placeholder turvar left out, missing cells kept as null', () => {
		const values = table.values.slice();
		values[1] = NaN; // Meninggal dan Hilang, 2018
		const t = snippetTableFromDynamic({ ...table, values }, { ...base, layout: 'long' });
		assert.deepEqual(
			t.columns.map((c) => [c.name, c.type, c.integer ?? false]),
			[
				['region_code', 'string', false],
				['region', 'string', false],
				['year', 'number', true],
				['period', 'string', false],
				['value', 'number', false],
			],
		);
		assert.equal(t.rows.length, 9);
		assert.deepEqual(t.rows[1], ['1', 'Meninggal dan Hilang', 2018, '2018', null]);
		assert.deepEqual(t.rows[8], ['3', 'Menderita dan Mengungsi', 2019, '2019', 5188077]);
		const csv = formatSnippet(t, 'csv-long');
		assert.ok(csv.includes('\nregion_code,region,year,period,value\n'));
		assert.ok(csv.includes('\n1,Meninggal dan Hilang,2018,2018,\n'), 'missing is an empty field, not 0');
	});

	it('long with a pivot: the cells the pivot shows, only the chosen rows, in their order', () => {
		const t = snippetTableFromDynamic(table, {
			...base,
			layout: 'long',
			pivot: { rows: ['vervar'], cols: ['tahun'], filter: { tahun: ['118', '119'] } },
			rows: [2, 0],
		});
		assert.deepEqual(
			t.rows.map((r) => [r[0], r[2]]),
			[
				['3', 2018],
				['3', 2019],
				['1', 2018],
				['1', 2019],
			],
		);
		assert.deepEqual(t.request?.periods, [118, 119]);
	});

	it('sub-periods: code and label columns and an ISO period (months, quarters)', () => {
		const dim = (val: string, label: string) => ({ val, label });
		const monthly = {
			...table,
			turtahun: [dim('1', 'Januari'), dim('12', 'Desember'), dim('13', 'Tahunan')],
			tahun: [dim('124', '2024')],
			vervar: [dim('1100', 'Aceh')],
			values: new Float64Array([1.5, NaN, 3]),
		};
		const t = snippetTableFromDynamic(monthly, { ...base, layout: 'long' });
		assert.deepEqual(
			t.columns.map((c) => c.name),
			['region_code', 'region', 'year', 'subperiod_code', 'subperiod', 'period', 'value'],
		);
		assert.deepEqual(t.rows, [
			['1100', 'Aceh', 2024, '1', 'Januari', '2024-01', 1.5],
			['1100', 'Aceh', 2024, '12', 'Desember', '2024-12', null],
			['1100', 'Aceh', 2024, '13', 'Tahunan', '2024', 3],
		]);
	});

	it('isoPeriod: annual, months, quarters, semesters', () => {
		assert.equal(isoPeriod(2024, '0', 'Tahun'), '2024');
		assert.equal(isoPeriod(2024, '13', 'Tahunan'), '2024');
		assert.equal(isoPeriod(2024, '35', 'Annual'), '2024');
		assert.equal(isoPeriod(2024, '3', 'Maret'), '2024-03');
		assert.equal(isoPeriod(2024, '31', 'Triwulan I'), '2024-Q1');
		assert.equal(isoPeriod(2024, '34', 'Quarter IV'), '2024-Q4');
		assert.equal(isoPeriod(2024, '21', 'Semester II'), '2024-S2');
		assert.equal(isoPeriod(2024, '20', 'Semester 1 (Maret)'), '2024-S1');
		assert.equal(isoPeriod(2024, '40', 'Triwulan III'), '2024-Q3');
		assert.equal(isoPeriod(null, '1', 'Januari'), null);
		assert.equal(yearOf('2024'), 2024);
		assert.equal(yearOf('Tahun 2019*'), 2019);
		assert.equal(yearOf('n/a'), null);
	});

	it('the column names are the same in both data languages', () => {
		const eng = snippetTableFromDynamic({ ...table, lang: 'eng' }, { ...base, layout: 'long' });
		const ind = snippetTableFromDynamic(table, { ...base, layout: 'long' });
		assert.deepEqual(
			eng.columns.map((c) => c.name),
			ind.columns.map((c) => c.name),
		);
		assert.deepEqual(Object.values(TIDY).slice(0, 2), ['region_code', 'region']);
	});

	it('a pivot filter narrows the periods and the fetch request', () => {
		const t = snippetTableFromDynamic(table, {
			...base,
			pivot: { rows: ['vervar'], cols: ['tahun'], filter: { tahun: ['118', '119'] } },
		});
		assert.deepEqual(
			t.columns.map((c) => c.name),
			['Jenis Korban', '2018', '2019'],
		);
		assert.equal(t.periods, '2018–2019');
		assert.deepEqual(t.request?.periods, [118, 119]);
	});
});
