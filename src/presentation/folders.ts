/**
 * The names of the catalogue's own folders, in the DATA language (`bps.language`), not the UI
 * language: they sit beside category and subject names that come from the API in the data
 * language, so "Publikasi" goes with "Sosial dan Kependudukan" and "Publications" with "Social
 * and Population", whatever language VS Code itself speaks. Pure: no VS Code API.
 */
import type { Lang } from '../api/types';

export type CatalogueFolder =
	'publications' | 'pressReleases' | 'indicators' | 'staticTables' | 'infographics' | 'news';

const NAMES: { readonly [F in CatalogueFolder]: { readonly [L in Lang]: string } } = {
	publications: { ind: 'Publikasi', eng: 'Publications' },
	pressReleases: { ind: 'Berita Resmi Statistik', eng: 'Press Releases' },
	indicators: { ind: 'Indikator Strategis', eng: 'Strategic Indicators' },
	staticTables: { ind: 'Tabel Statis', eng: 'Static Tables' },
	infographics: { ind: 'Infografis', eng: 'Infographics' },
	news: { ind: 'Berita', eng: 'News' },
};

/** A folder's name in the data language. */
export function folderLabel(folder: CatalogueFolder, lang: Lang): string {
	return NAMES[folder][lang];
}

/** The API's catch-all subject category ("Lainnya" / "Others"): listed after the real ones. */
export const OTHERS_CATEGORY = 0;

/** Category order: by id, the catch-all last. */
export function compareCategories(a: number, b: number): number {
	return Number(a === OTHERS_CATEGORY) - Number(b === OTHERS_CATEGORY) || a - b;
}
