/** Shared tricky tables for the snippet tests (not a test file itself). */
import type { SnippetTable } from '../../../src/snippets';

export const TRICKY_LABELS = [
	'Bali–Nusa Tenggara · ½ ☃ 中文',
	'He said "hi", ok',
	'line1\nline2\ttab\\back$slash}',
	"$HOME ${x} `tick` 'sq' | pipe * _ <b>",
];

/** Labels with every character class that breaks naive quoting, missing cells, negatives, decimals. */
export function trickyTable(over: Partial<SnippetTable> = {}): SnippetTable {
	return {
		title: 'Tricky */ --> <!-- "title"\nnext line coding: latin-1',
		domain: '0000',
		domainName: 'Indonesia',
		periods: '2015–2016',
		unit: 'Persen',
		columns: [
			{ name: 'Provinsi "x", a|b', type: 'string' },
			{ name: '2015', type: 'number' },
			{ name: 'Nilai 2016 (½)', type: 'number' },
		],
		rows: [
			[TRICKY_LABELS[0], 1.5, -2.25],
			[TRICKY_LABELS[1], null, 0],
			[TRICKY_LABELS[2], -0.001, 1234567.89],
			[TRICKY_LABELS[3], NaN, 10],
			[null, 3, null],
		],
		sourceUrl: 'https://www.bps.go.id',
		accessedAt: new Date(2024, 4, 1, 12, 0, 0),
		lang: 'ind',
		request: {
			baseUrl: 'https://webapi.bps.go.id/v1/api',
			domain: '0000',
			variable: 1804,
			periods: [117, 118, 119],
			lang: 'ind',
		},
		...over,
	};
}

/** The tricky table's cells as the formatters must read them back (NaN → null). */
export const TRICKY_EXPECTED: Array<Array<string | number | null>> = [
	[TRICKY_LABELS[0], 1.5, -2.25],
	[TRICKY_LABELS[1], null, 0],
	[TRICKY_LABELS[2], -0.001, 1234567.89],
	[TRICKY_LABELS[3], null, 10],
	[null, 3, null],
];
