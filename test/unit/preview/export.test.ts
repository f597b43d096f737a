import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { ATTRIBUTION_ID, SOURCE_LINE } from '../../../src/api/attribution';
import { csvField, toCsv } from '../../../src/preview/export/csv';
import { tidyExportTable, toJsonExport } from '../../../src/preview/export/json';
import { decodeDynamicData } from '../../../src/api/decode';
import { sampleBody } from '../../emulator/samples';
import type { ExportMeta } from '../../../src/preview/export/meta';
import { colName, DATA_SHEET, SOURCE_SHEET, toXlsx, xmlText } from '../../../src/preview/export/xlsx';
import { exportBytes } from '../../../src/preview/export';
import type { ExportTable } from '../../../src/preview/protocol';

const meta: ExportMeta = {
	attribution: ATTRIBUTION_ID,
	source: SOURCE_LINE,
	sourceUrl: 'https://jatim.bps.go.id',
	accessed: '2026-11-28',
	domain: '3500',
	kind: 'var',
	id: 1804,
};

const table: ExportTable = {
	title: 'Jumlah "Korban", Bencana',
	columns: ['Wilayah', '2022', '2023'],
	rows: [
		['Aceh', 440, 0],
		['Kab. "Tegal", Jawa', null, -1.5],
		['Multi\nline', 1234567.891, NaN],
	],
	unit: 'Orang',
	lastUpdate: '2020-03-26 00:00:00',
	decimal: 2,
};

describe('export: CSV', () => {
	it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
		assert.equal(csvField('a,b'), '"a,b"');
		assert.equal(csvField('say "hi"'), '"say ""hi"""');
		assert.equal(csvField('x\ny'), '"x\ny"');
		assert.equal(csvField(' lead'), '" lead"');
		assert.equal(csvField('plain'), 'plain');
	});

	it('writes missing cells empty, never 0, and keeps real zeros', () => {
		assert.equal(csvField(null), '');
		assert.equal(csvField(NaN), '');
		assert.equal(csvField(0), '0');
	});

	it('leads with comment lines carrying the attribution, source and access date', () => {
		const csv = toCsv(table, meta);
		const lines = csv.split('\r\n');
		assert.ok(lines[0].startsWith('# ') && lines[0].includes(ATTRIBUTION_ID), lines[0]);
		const comments = lines.filter((l) => l.startsWith('#'));
		assert.ok(comments.some((l) => l.includes(SOURCE_LINE.replace(/^Sumber: /, ''))));
		// The label says "Sumber / Source" once; the source text does not repeat it.
		assert.ok(
			comments.includes(`# Sumber / Source: ${SOURCE_LINE.replace(/^Sumber: /, '')}`),
			comments.join('\n'),
		);
		assert.ok(!/Source: Sumber:/.test(csv));
		assert.ok(comments.some((l) => l.includes('https://jatim.bps.go.id')));
		assert.ok(comments.some((l) => l.includes('2026-11-28')));
		assert.ok(comments.some((l) => l.includes('Orang')));
		const body = lines.filter((l) => l && !l.startsWith('#'));
		assert.equal(body[0], 'Wilayah,2022,2023');
		assert.equal(body[1], 'Aceh,440,0');
		assert.equal(body[2], '"Kab. ""Tegal"", Jawa",,-1.5');
		// The title's quote/comma do not break the comment line into fields that matter.
		assert.ok(csv.endsWith('\r\n'));
	});

	it('the CSV bytes start with a UTF-8 BOM so Excel reads non-ASCII text', () => {
		const b = exportBytes('csv', table, meta);
		assert.deepEqual([...b.slice(0, 3)], [0xef, 0xbb, 0xbf]);
	});
});

describe('export: JSON', () => {
	it('wraps the data with attribution, source, title, unit and one object per row', () => {
		const j = toJsonExport(table, meta);
		assert.equal(j.attribution, ATTRIBUTION_ID);
		assert.equal(j.source, SOURCE_LINE);
		assert.equal(j.sourceUrl, 'https://jatim.bps.go.id');
		assert.equal(j.title, table.title);
		assert.equal(j.unit, 'Orang');
		assert.equal(j.data.length, 3);
		assert.deepEqual(j.data[0], { Wilayah: 'Aceh', '2022': 440, '2023': 0 });
		assert.equal(j.data[1]['2022'], null);
		assert.equal(j.data[2]['2023'], null, 'NaN becomes null');
	});

	it('makes duplicate column headers unique instead of dropping values', () => {
		const j = toJsonExport({ title: 't', columns: ['A', 'A'], rows: [[1, 2]] }, meta);
		assert.deepEqual(j.columns, ['A', 'A (2)']);
		assert.deepEqual(j.data[0], { A: 1, 'A (2)': 2 });
	});

	it('a dynamic table exports tidy: one record per cell as shown, year a number, missing null', () => {
		const tb = decodeDynamicData(sampleBody('bps-looker__data_0000_1804'), {
			domain: '0000',
			lang: 'ind',
			fetchedAt: 0,
			stale: false,
		});
		const values = tb.values.slice();
		values[4] = NaN; // row 2 ("1" is row 1), 2018
		const t = tidyExportTable(
			{ ...tb, values },
			{ rows: ['vervar'], cols: ['tahun'], filter: { tahun: ['118', '119'] } },
			[1, 0],
		);
		const j = JSON.parse(new TextDecoder().decode(exportBytes('json', t, meta)));
		assert.deepEqual(j.columns, ['region_code', 'region', 'year', 'period', 'value']);
		assert.equal(j.data.length, 4);
		assert.deepEqual(j.data[0], {
			region_code: '2',
			region: tb.vervar[1].label,
			year: 2018,
			period: '2018',
			value: null,
		});
		assert.equal(j.data[1].year, 2019);
		assert.equal(j.data[2].region_code, '1');
		assert.equal(j.data[2].value, 5248);
		assert.equal(j.attribution, ATTRIBUTION_ID);
	});

	it('round-trips through JSON.parse', () => {
		const parsed = JSON.parse(new TextDecoder().decode(exportBytes('json', table, meta)));
		assert.equal(parsed.attribution, ATTRIBUTION_ID);
		assert.equal(parsed.data.length, 3);
	});
});

describe('export: XLSX', () => {
	it('column letters', () => {
		assert.deepEqual([0, 25, 26, 27, 51, 52, 701, 702].map(colName), [
			'A',
			'Z',
			'AA',
			'AB',
			'AZ',
			'BA',
			'ZZ',
			'AAA',
		]);
	});

	it('escapes XML and drops control characters', () => {
		assert.equal(xmlText('a<b>&"c"\u0001'), 'a&lt;b&gt;&amp;&quot;c&quot;');
	});

	it('is a zip with a workbook of two validly named sheets', () => {
		const files = unzipSync(toXlsx(table, meta));
		for (const f of [
			'[Content_Types].xml',
			'_rels/.rels',
			'xl/workbook.xml',
			'xl/_rels/workbook.xml.rels',
			'xl/styles.xml',
			'xl/worksheets/sheet1.xml',
			'xl/worksheets/sheet2.xml',
		]) {
			assert.ok(files[f], `${f} present`);
		}
		const wb = strFromU8(files['xl/workbook.xml']);
		assert.ok(wb.includes(`name="${DATA_SHEET}"`));
		assert.ok(wb.includes(`name="${SOURCE_SHEET}"`));
		// Excel rejects sheet names with : \ / ? * [ ] and longer than 31 characters.
		for (const n of [DATA_SHEET, SOURCE_SHEET]) {
			assert.ok(!/[:\\/?*[\]]/.test(n) && n.length <= 31, n);
		}
	});

	it('puts the attribution note above the header row, numbers as numbers, missing cells absent', () => {
		const s1 = strFromU8(unzipSync(toXlsx(table, meta))['xl/worksheets/sheet1.xml']);
		const rows: string[] = [...(s1.match(/<row r="\d+">[\s\S]*?<\/row>/g) ?? [])];
		assert.equal(rows.length, 3 + table.rows.length);
		assert.ok(rows[0].includes(ATTRIBUTION_ID));
		assert.ok(rows[1].includes('https://jatim.bps.go.id'));
		assert.ok(rows[2].includes('>Wilayah<') && rows[2].includes('>2022<'));
		assert.ok(rows[3].includes('<c r="B4" s="2"><v>440</v></c>'));
		assert.ok(rows[3].includes('<c r="C4" s="2"><v>0</v></c>'), 'a real 0 is written');
		assert.ok(!rows[4].includes('r="B5"'), 'a missing cell is left empty');
		assert.ok(rows[4].includes('&quot;Tegal&quot;'));
		assert.ok(s1.includes('state="frozen"'));
	});

	it('has a source sheet with the full provenance', () => {
		const s2 = strFromU8(unzipSync(toXlsx(table, meta))['xl/worksheets/sheet2.xml']);
		for (const needle of [
			ATTRIBUTION_ID,
			SOURCE_LINE.replace(/^Sumber: /, ''),
			'https://jatim.bps.go.id',
			'2026-11-28',
			'1804',
			'Orang',
		]) {
			assert.ok(s2.includes(xmlText(needle)), needle);
		}
	});

	it('number format follows the decimal places', () => {
		const st = strFromU8(unzipSync(toXlsx({ ...table, decimal: 3 }, meta))['xl/styles.xml']);
		assert.ok(st.includes('formatCode="#,##0.000"'));
		const st0 = strFromU8(unzipSync(toXlsx({ ...table, decimal: 0 }, meta))['xl/styles.xml']);
		assert.ok(st0.includes('formatCode="#,##0"'));
	});
});
