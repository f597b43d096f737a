/**
 * Citations: every format is read back with citation-js (the BibTeX, RIS and CSL parsers of
 * @citation-js/plugin-*), so what we emit is what a reference manager will import.
 */
import assert from 'node:assert/strict';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import {
	CITATION_FORMATS,
	type CitationItem,
	citationAuthor,
	citationNote,
	formatCitation,
	periodsText,
} from '../../../src/cite/citation';

const ACCESSED = new Date(2026, 10, 30, 9, 15);

const dynamicTable: CitationItem = {
	kind: 'var',
	domain: '3500',
	regionName: 'JAWA TIMUR',
	id: 1804,
	variableId: 1804,
	title: 'Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)',
	url: 'https://jatim.bps.go.id/id/statistics-table?subject=23',
	accessed: ACCESSED,
	periods: ['2017', '2018', '2019'],
	lang: 'ind',
};

/** Everything BibTeX treats specially, in one title. */
const awkward: CitationItem = {
	kind: 'statictable',
	domain: '3578',
	regionName: 'Surabaya',
	id: 12,
	year: 2023,
	title: 'Rasio 50% & {indeks} $ #1 a_b ~ c^2 back\\slash – akhir',
	url: 'https://surabayakota.bps.go.id/en/statistics-table?subject=5',
	accessed: ACCESSED,
	lang: 'eng',
};

const publication: CitationItem = {
	kind: 'publication',
	domain: '0000',
	id: 'a1b2c3d4e5f6a1b2c3d4e5f6',
	year: 2024,
	title: 'Statistik Indonesia 2024',
	url: 'https://www.bps.go.id/id/publication/2024/02/28/a1b2/statistik-indonesia-2024.html',
	accessed: ACCESSED,
	lang: 'ind',
};

type Csl = Record<string, unknown> & {
	author?: Array<{ family?: string; literal?: string }>;
	issued?: { 'date-parts': number[][] };
	accessed?: { 'date-parts': number[][] };
};

function parse(text: string): Csl {
	const cite = new Cite(text);
	assert.equal(cite.data.length, 1, `one entry from:\n${text}`);
	return cite.data[0] as Csl;
}

function authorOf(c: Csl): string | undefined {
	const a = c.author?.[0];
	return a?.literal ?? a?.family;
}

describe('citations', () => {
	describe('author', () => {
		it('names BPS or the regional office, in Indonesian and English', () => {
			assert.equal(citationAuthor('0000', undefined, 'ind'), 'Badan Pusat Statistik');
			assert.equal(citationAuthor('0000', undefined, 'eng'), 'BPS-Statistics Indonesia');
			assert.equal(citationAuthor('3500', 'JAWA TIMUR', 'ind'), 'BPS Provinsi Jawa Timur');
			assert.equal(citationAuthor('3500', 'Jawa Timur', 'eng'), 'BPS-Statistics of Jawa Timur Province');
			assert.equal(citationAuthor('3100', 'DKI JAKARTA', 'ind'), 'BPS Provinsi DKI Jakarta');
			assert.equal(citationAuthor('3578', 'Surabaya', 'ind'), 'BPS Kota Surabaya');
			assert.equal(citationAuthor('3578', 'Surabaya', 'eng'), 'BPS-Statistics of Surabaya Municipality');
			assert.equal(citationAuthor('3204', 'Bandung', 'ind'), 'BPS Kabupaten Bandung');
			assert.equal(citationAuthor('1405', 'S I A K', 'eng'), 'BPS-Statistics of Siak Regency');
		});
		it('names the region code when its name is unknown (offline)', () => {
			assert.equal(citationAuthor('3578', undefined, 'ind'), 'BPS (wilayah 3578)');
		});
	});

	it('writes periods as a range when they are consecutive years', () => {
		assert.equal(periodsText(['2017', '2018', '2019']), '2017–2019');
		assert.equal(periodsText(['2017', '2019']), '2017, 2019');
		assert.equal(periodsText(['2017', '2018']), '2017, 2018');
		assert.equal(periodsText([]), '');
		assert.equal(citationNote(dynamicTable), 'ID variabel 1804; periode 2017–2019');
	});

	describe('BibTeX (parsed by citation-js)', () => {
		it('a dynamic table: author, title, year, URL, access date, variable id and periods', () => {
			const c = parse(formatCitation(dynamicTable, 'bibtex'));
			assert.equal(authorOf(c), 'BPS Provinsi Jawa Timur');
			assert.equal(c.title, dynamicTable.title);
			assert.deepEqual(c.issued?.['date-parts'], [[2026]]);
			assert.deepEqual(c.accessed?.['date-parts'], [[2026, 11, 30]]);
			assert.equal(c.URL, dynamicTable.url);
			assert.equal(c.note, 'ID variabel 1804; periode 2017–2019');
		});
		it('keeps every special character of a title', () => {
			const c = parse(formatCitation(awkward, 'bibtex'));
			assert.equal(c.title, awkward.title);
			assert.equal(authorOf(c), 'BPS-Statistics of Surabaya Municipality');
			assert.deepEqual(c.issued?.['date-parts'], [[2023]]);
			assert.equal(c.note, 'Table ID 12');
		});
		it('a publication is a book published by its author', () => {
			const text = formatCitation(publication, 'bibtex');
			assert.match(text, /^@book\{bps0000publicationa1b2/);
			const c = parse(text);
			assert.equal(c.type, 'book');
			assert.equal(c.publisher, 'Badan Pusat Statistik');
			assert.deepEqual(c.issued?.['date-parts'], [[2024]]);
		});
	});

	describe('RIS (parsed by citation-js)', () => {
		for (const item of [dynamicTable, awkward, publication]) {
			it(`${item.kind}: every field survives`, () => {
				const c = parse(formatCitation(item, 'ris'));
				assert.equal(authorOf(c), citationAuthor(item.domain, item.regionName, item.lang));
				assert.equal(c.title, item.title);
				assert.equal(c.URL, item.url);
				assert.deepEqual(c.accessed?.['date-parts'], [[2026, 11, 30]]);
				assert.deepEqual(c.issued?.['date-parts'], [[item.year ?? 2026]]);
				assert.equal(c.note, citationNote(item));
			});
		}
		it('a table is a data set, a publication a book', () => {
			assert.equal(parse(formatCitation(dynamicTable, 'ris')).type, 'dataset');
			assert.equal(parse(formatCitation(publication, 'ris')).type, 'book');
		});
	});

	describe('CSL-JSON (read by citation-js)', () => {
		it('is valid CSL that citation-js renders as an APA reference', () => {
			const text = formatCitation(dynamicTable, 'csl-json');
			const cite = new Cite(JSON.parse(text));
			const c = cite.data[0] as Csl;
			assert.equal(c.type, 'dataset');
			assert.equal(authorOf(c), 'BPS Provinsi Jawa Timur');
			const apa = cite.format('bibliography', { template: 'apa', lang: 'en-US' });
			assert.match(apa, /^BPS Provinsi Jawa Timur\. \(2026\)\. Persentase Penduduk Miskin/);
		});
	});

	describe('APA-style text', () => {
		it('starts the way citation-js renders APA from the same item, in English', () => {
			const ours = formatCitation(awkward, 'apa');
			const theirs = new Cite(JSON.parse(formatCitation(awkward, 'csl-json'))).format('bibliography', {
				template: 'apa',
				lang: 'en-US',
			});
			const head = 'BPS-Statistics of Surabaya Municipality. (2023). ';
			assert.ok(theirs.startsWith(head), theirs);
			assert.ok(ours.startsWith(head), ours);
			assert.match(
				ours,
				/\[Static table; table ID 12\]\. Retrieved November 30, 2026, from https:\/\/surabaya/,
			);
		});
		it('in Indonesian', () => {
			assert.equal(
				formatCitation(dynamicTable, 'apa'),
				'BPS Provinsi Jawa Timur. (2026). Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen) ' +
					'[Tabel dinamis; ID variabel 1804; periode 2017–2019]. Diakses 30 November 2026, dari ' +
					'https://jatim.bps.go.id/id/statistics-table?subject=23\n',
			);
		});
	});

	it('every format ends with one newline', () => {
		for (const f of CITATION_FORMATS) {
			const t = formatCitation(publication, f);
			assert.ok(t.endsWith('\n') && !t.endsWith('\n\n'), f);
		}
	});
});
