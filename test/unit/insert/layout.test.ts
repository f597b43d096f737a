import assert from 'node:assert/strict';
import {
	documentSnippetTable,
	staticSnippetTable,
	yearsIn,
	type TableSource,
} from '../../../src/insert/layout';

const SRC: TableSource = {
	domain: '0000',
	domainName: 'Indonesia',
	sourceUrl: 'https://www.bps.go.id',
	accessedAt: new Date('2026-01-02T00:00:00Z'),
	lang: 'ind',
};

describe('insert layouts', () => {
	it('years a title mentions: one year, a range, none', () => {
		assert.equal(yearsIn('Penduduk 2020'), '2020');
		assert.equal(yearsIn('Inflasi 2019, 2023 dan 2021'), '2019–2023');
		assert.equal(yearsIn('Kode 12345 tanpa tahun'), '');
	});

	it('a document is one row: title, date, size, PDF; empty fields are missing, not ""', () => {
		const t = documentSnippetTable(
			{ title: ' Statistik 2024 ', releaseDate: '', size: '3 MB', pdfUrl: 'https://x/y.pdf' },
			SRC,
		);
		assert.equal(t.title, 'Statistik 2024');
		assert.equal(t.periods, '2024');
		assert.deepEqual(
			t.columns.map((c) => c.name),
			['Judul', 'Tanggal rilis', 'Ukuran', 'URL PDF'],
		);
		assert.deepEqual(t.rows, [['Statistik 2024', null, '3 MB', 'https://x/y.pdf']]);
		const en = documentSnippetTable(
			{ title: 'T', releaseDate: '2024-01-01', size: '', pdfUrl: '' },
			{ ...SRC, lang: 'eng' },
		);
		assert.equal(en.columns[1].name, 'Release date');
	});

	it('a static table becomes its grid, with the decimal comma of Indonesian data', () => {
		const html =
			'<table><tr><td>Provinsi</td><td>2023</td></tr><tr><td>Aceh</td><td>1,5</td></tr><tr><td>Bali</td><td>2,25</td></tr></table>';
		const t = staticSnippetTable({ title: 'Tabel 2023', html }, SRC, 'fallback');
		assert.equal(t.title, 'Tabel 2023');
		assert.equal(t.periods, '2023');
		assert.equal(t.rows.length, 2);
		assert.deepEqual(t.rows[0], ['Aceh', 1.5]);
		assert.equal(staticSnippetTable({ title: ' ', html }, SRC, 'fallback').title, 'fallback');
	});
});
