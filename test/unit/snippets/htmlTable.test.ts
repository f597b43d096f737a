import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unescapeEntities } from '../../../src/api/html';
import { formatSnippet } from '../../../src/snippets';
import { isMissing, parseHtmlTable, parseNumber, structureGrid } from '../../../src/snippets/htmlTable';

function sampleHtml(): string {
	const file = path.resolve('test/fixtures/samples/flutter__static_table_detail_fixture.json');
	const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
		body?: { data: { table: string } };
		data?: { table: string };
	};
	const data = raw.body?.data ?? raw.data;
	assert.ok(data, 'fixture has data');
	return unescapeEntities(data.table);
}

const texts = (g: ReturnType<typeof parseHtmlTable>) => g.map((r) => r.map((c) => c.text));

describe('htmlTable: parseHtmlTable', () => {
	it('expands rowspan and colspan into a rectangular grid', () => {
		const g = parseHtmlTable(`<table>
			<tr><td rowspan=2>Name</td><td colspan="2">Status</td><td rowspan='2'>Total</td></tr>
			<tr><td>A</td><td>B</td></tr>
			<tr><td>x</td><td>1</td><td>2</td><td>3</td></tr>
		</table>`);
		assert.deepEqual(texts(g), [
			['Name', 'Status', 'Status', 'Total'],
			['Name', 'A', 'B', 'Total'],
			['x', '1', '2', '3'],
		]);
		assert.equal(g[0][1].spanned, false);
		assert.equal(g[0][2].spanned, true, 'colspan copy is marked');
		assert.equal(g[1][0].spanned, true, 'rowspan copy is marked');
		assert.equal(g[1][3].spanned, true);
	});

	it('handles a cell spanning rows and columns at once, rows without closing tags, <th> and <br>', () => {
		const g = parseHtmlTable(`<table><thead><tr><th rowspan=2 colspan=2>Wilayah<br>Region</th><th>2023</th>
			<tr><th>Nilai</th></thead><tbody><tr><td>a<td>b<td>&nbsp;1&nbsp;</td></tbody></table>`);
		assert.deepEqual(texts(g), [
			['Wilayah Region', 'Wilayah Region', '2023'],
			['Wilayah Region', 'Wilayah Region', 'Nilai'],
			['a', 'b', '1'],
		]);
		assert.ok(g[0][0].th);
	});

	it('pads short rows and returns [] without a table', () => {
		assert.deepEqual(
			texts(parseHtmlTable('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>')),
			[
				['a', 'b'],
				['c', ''],
			],
		);
		assert.deepEqual(parseHtmlTable('<p>no table</p>'), []);
	});
});

describe('htmlTable: numbers and missing values', () => {
	it('reads BPS number styles', () => {
		assert.equal(parseNumber('814'), 814);
		assert.equal(parseNumber('-3'), -3);
		assert.equal(parseNumber('12.5'), 12.5);
		assert.equal(parseNumber('12,5'), 12.5);
		assert.equal(parseNumber('1.234.567'), 1234567);
		assert.equal(parseNumber('1.234,5'), 1234.5);
		assert.equal(parseNumber('1,234,567.8'), 1234567.8);
		assert.equal(parseNumber('1 234'), 1234);
		assert.equal(parseNumber('5,2%'), 5.2);
		assert.equal(parseNumber('1.234', ','), 1234, 'Indonesian hint: dot groups thousands');
		assert.equal(parseNumber('1.234', '.'), 1.234);
		assert.equal(parseNumber('1,234', '.'), 1234);
		assert.equal(parseNumber('abc'), undefined);
		assert.equal(parseNumber('2014 a'), undefined);
		assert.equal(parseNumber('-'), undefined);
	});

	it('knows the "no value" marks', () => {
		for (const t of ['', ' - ', '–', '…', '...', 'NA', 'n.a.', 'x']) assert.ok(isMissing(t), t);
		assert.ok(!isMissing('0'));
	});
});

describe('htmlTable: structureGrid on the recorded static table (Pinrang 2014)', () => {
	const s = structureGrid(parseHtmlTable(sampleHtml()));

	it('finds the bilingual title and the source notes', () => {
		assert.deepEqual(s.titles, [
			'Keadaan Tenaga Kesehatan Menurut Jenisnya di Kabupaten Pinrang Tahun 2014',
			'Condition of Health Personel by State in Pinrang Regency In 2014',
		]);
		assert.deepEqual(s.notes, [
			'Sumber : Dinas Kesehatan Kabupaten Pinrang',
			'Source : Departement of Health in Pinrang Regency',
		]);
	});

	it('joins the two header rows (rowspan + colspan) and drops the padding column', () => {
		assert.equal(s.columns.length, 6);
		assert.equal(s.columns[0].name, 'Tenaga Kesehatan');
		assert.equal(s.columns[1].name, 'Status DIKBUD');
		assert.equal(s.columns[2].name, 'Status ABRI');
		assert.equal(s.columns[5].name, 'Jumlah');
		assert.equal(s.columns[0].type, 'string');
		assert.ok(
			s.columns.slice(1).every((c) => c.type === 'number'),
			JSON.stringify(s.columns),
		);
	});

	it('keeps the data rows with numbers, "-" as missing, and the total row', () => {
		const byName = new Map(s.rows.map((r) => [r[0], r]));
		assert.deepEqual(byName.get('Penata kesehatan Masy'), [
			'Penata kesehatan Masy',
			null,
			null,
			93,
			null,
			93,
		]);
		assert.deepEqual(byName.get('Tata Usaha'), ['Tata Usaha', null, null, 89, null, 89]);
		assert.deepEqual(byName.get('J U M L A H/ T o t a l'), [
			'J U M L A H/ T o t a l',
			null,
			null,
			814,
			null,
			814,
		]);
		assert.ok(!s.rows.some((r) => String(r[0]).startsWith('Sumber')), 'notes are not data');
		// The column sums match the total row.
		const total = s.rows
			.filter((r) => r[0] !== 'J U M L A H/ T o t a l')
			.reduce((a, r) => a + ((r[5] as number | null) ?? 0), 0);
		assert.equal(total, 814);
	});

	it('formats as a Markdown table with the attribution', () => {
		const text = formatSnippet(
			{
				title: s.titles[0],
				domain: '7315',
				domainName: 'Pinrang',
				periods: '2014',
				columns: s.columns,
				rows: s.rows,
				sourceUrl: 'https://pinrangkab.bps.go.id',
				accessedAt: new Date(2024, 0, 2),
				lang: 'ind',
			},
			'markdown',
		);
		assert.match(text, /\| Tenaga Kesehatan \| Status DIKBUD \|/);
		assert.match(text, /Layanan ini menggunakan API Badan Pusat Statistik \(BPS\)/);
		assert.match(text, /\| Tata Usaha \| +\| +\| 89 \|/);
	});
});

describe('htmlTable: structureGrid on synthetic layouts', () => {
	it('stacks a three-level header built from colspans', () => {
		const s = structureGrid(
			parseHtmlTable(`<table>
				<tr><td>Judul tabel</td><td></td><td></td></tr>
				<tr><td rowspan=3>Provinsi</td><td colspan=2>Penduduk</td></tr>
				<tr><td colspan=2>Jenis kelamin</td></tr>
				<tr><td>L</td><td>P</td></tr>
				<tr><td>Aceh</td><td>1.234</td><td>2.345,5</td></tr>
				<tr><td>Bali</td><td>…</td><td>7</td></tr>
			</table>`),
			{ decimalSeparator: ',' },
		);
		assert.deepEqual(s.titles, ['Judul tabel']);
		assert.deepEqual(
			s.columns.map((c) => c.name),
			['Provinsi', 'Penduduk Jenis kelamin L', 'Penduduk Jenis kelamin P'],
		);
		assert.deepEqual(s.rows, [
			['Aceh', 1234, 2345.5],
			['Bali', null, 7],
		]);
	});

	it('keeps a column of text as text and row labels that look numeric as text', () => {
		const s = structureGrid(
			parseHtmlTable(
				'<table><tr><th>Kode</th><th>Nama</th><th>Nilai</th></tr><tr><td>11</td><td>Aceh</td><td>5</td></tr><tr><td>12</td><td>Sumut</td><td>6</td></tr></table>',
			),
		);
		assert.deepEqual(
			s.columns.map((c) => c.type),
			['string', 'string', 'number'],
		);
		assert.deepEqual(s.rows[0], ['11', 'Aceh', 5]);
	});
});
