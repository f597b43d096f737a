import assert from 'node:assert/strict';
import { compareCategories, folderLabel, OTHERS_CATEGORY } from '../../../src/presentation/folders';

describe('catalogue folders and category order', () => {
	it('names every folder in the data language', () => {
		const folders = [
			'publications',
			'pressReleases',
			'indicators',
			'staticTables',
			'infographics',
			'news',
		] as const;
		assert.deepEqual(
			folders.map((f) => folderLabel(f, 'ind')),
			['Publikasi', 'Berita Resmi Statistik', 'Indikator Strategis', 'Tabel Statis', 'Infografis', 'Berita'],
		);
		assert.deepEqual(
			folders.map((f) => folderLabel(f, 'eng')),
			['Publications', 'Press Releases', 'Strategic Indicators', 'Static Tables', 'Infographics', 'News'],
		);
	});

	it('puts the catch-all category "Lainnya" (0) after the real ones, which keep their order', () => {
		assert.equal(OTHERS_CATEGORY, 0);
		assert.deepEqual([3, 0, 1, 2].sort(compareCategories), [1, 2, 3, 0]);
		assert.deepEqual([0, 515, 514].sort(compareCategories), [514, 515, 0]);
		assert.deepEqual([2, 1].sort(compareCategories), [1, 2]);
	});
});
