/**
 * "Code that fetches this table" for foreign trade, census and SIMDASI, in Python (standard
 * library + pandas), R (base + jsonlite) and TypeScript (global fetch). Like ../fetch.ts: the key
 * comes from the BPS_API_KEY environment variable and is never written into the document, every
 * request carries SNIPPET_USER_AGENT, and the result has exactly the tidy columns of this folder's
 * converters (same names, integer years, missing = NaN / NA / null, never 0) so the data snippet
 * and the fetch snippet of one table build the same frame. Requests (bps-api.md §3.8–3.10):
 * - trade: `dataexim/?sumber&periode&kodehs&jenishs&tahun`, one per year (the API takes one `tahun`);
 * - census: `interoperabilitas/datasource/sensus/?id=41&kegiatan&wilayah_sensus&dataset`, one per area
 *   (the areas' rows bound into one frame, each with its area code and name);
 * - SIMDASI: `interoperabilitas/datasource/simdasi/?id=25&wilayah&tahun&id_tabel`, one per year
 *   (bound oldest first, the year an integer and the period its ISO text), whose errors
 *   come inside an OK answer as `{status: 400, condition: "ERROR", message}`.
 */
import { redactKey } from '../common';
import type { CleanTable } from '../common';
import type { SnippetFormat } from '../types';
import { pythonFamilyFetch } from './fetchPython';
import { rFamilyFetch } from './fetchR';
import { typescriptFamilyFetch } from './fetchTs';

export type FamilyRequest = { baseUrl: string } & (
	| {
			kind: 'trade';
			flow: 'export' | 'import';
			hs: string[];
			hsLevel: 2 | 8;
			years: number[];
			monthly: boolean;
	  }
	/** `areas`: census area ids (`wilayah_sensus`), one request each, rows bound in this order. */
	| { kind: 'census'; event: string; areas: number[]; dataset: number }
	/** `years`: one request each, rows bound oldest first. */
	| { kind: 'simdasi'; mfd: string; years: number[]; table: string; lang: 'ind' | 'eng' }
);

/**
 * The request, checked: nothing reaches the generated code that the API could not take (string
 * values go through each language's literal escaper anyway), and the base URL carries no key.
 * @throws RangeError naming the bad field.
 */
export function checkFamilyRequest(r: FamilyRequest): FamilyRequest {
	const baseUrl = redactKey(r.baseUrl).replace(/\/*$/, '/');
	const whole = (n: number, what: string) => {
		if (!Number.isInteger(n) || n < 0) throw new RangeError(`invalid ${what}: ${n}`);
		return n;
	};
	switch (r.kind) {
		case 'trade': {
			const hs = r.hs.map((c) => c.trim());
			if (!hs.length || hs.some((c) => !new RegExp(`^\\d{${r.hsLevel}}$`).test(c)))
				throw new RangeError(`invalid HS codes: ${r.hs.join(', ')}`);
			if (!r.years.length) throw new RangeError('fetch snippets need at least one year');
			const years = [...new Set(r.years.map((y) => whole(y, 'year')))].sort((a, b) => a - b);
			return { ...r, baseUrl, hs, years };
		}
		case 'census':
			if (!/^[A-Za-z0-9_-]{1,40}$/.test(r.event)) throw new RangeError(`invalid census event: ${r.event}`);
			if (!r.areas.length) throw new RangeError('census fetch snippets need at least one area');
			return {
				...r,
				baseUrl,
				areas: [...new Set(r.areas.map((a) => whole(a, 'census area')))],
				dataset: whole(r.dataset, 'dataset'),
			};
		case 'simdasi':
			if (!/^\d{7}$/.test(r.mfd)) throw new RangeError(`invalid MFD area code: ${r.mfd}`);
			if (!/^[A-Za-z0-9+/=_-]{1,200}$/.test(r.table))
				throw new RangeError(`invalid SIMDASI table id: ${r.table}`);
			if (!r.years.length) throw new RangeError('fetch snippets need at least one year');
			return {
				...r,
				baseUrl,
				years: [...new Set(r.years.map((y) => whole(y, 'year')))].sort((a, b) => a - b),
				lang: r.lang === 'eng' ? 'eng' : 'ind',
			};
	}
}

/** The fetch code of `format` for the family request (with `t`'s attribution header). */
export function familyFetchLines(format: SnippetFormat, t: CleanTable, req: FamilyRequest): string[] {
	const r = checkFamilyRequest(req);
	switch (format) {
		case 'python-fetch':
			return pythonFamilyFetch(t, r);
		case 'r-fetch':
			return rFamilyFetch(t, r);
		case 'typescript-fetch':
			return typescriptFamilyFetch(t, r);
		default:
			throw new TypeError(`not a fetch format: ${format}`);
	}
}
