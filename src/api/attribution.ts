/**
 * The notice the BPS API terms (art. 4.B) require on every display of API data: previews,
 * exports and inserted snippets. Never reword the Indonesian sentence.
 */
export const ATTRIBUTION_ID = 'Layanan ini menggunakan API Badan Pusat Statistik (BPS).';
export const ATTRIBUTION_EN =
	'This service uses the API of Badan Pusat Statistik (BPS-Statistics Indonesia).';
export const SOURCE_LINE = 'Sumber: Badan Pusat Statistik (BPS) — https://www.bps.go.id';
export const BPS_HOME = 'https://www.bps.go.id';
