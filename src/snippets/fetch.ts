/**
 * "Code that fetches this table": Python (standard library + pandas), R (base + jsonlite) and
 * TypeScript (global fetch). Each requests `list?model=data` for the same domain, variable,
 * periods and language, with the key read from the BPS_API_KEY environment variable (never
 * written into the document), splits the periods by the API's cap (3 on 0000, 2 elsewhere),
 * merges the chunks and decodes `datacontent` with the key rule
 *   key = vervar.val + var.val + turvar.val + tahun.val + turtahun.val
 * over the Cartesian product — like src/api/decode.ts, a key produced by two combinations is
 * ambiguous and left missing. The result has the tidy schema of tidy.ts, with the same names,
 * types and period rule in every language: region_code, region, [category_code, category], year
 * (integer), [subperiod_code, subperiod], period ("2024", "2024-03", "2024-Q1", "2024-S1"), value
 * (a number; missing = NaN / NA / null, never 0).
 */
import { REGISTER_URL } from '../constants';
import { type CleanTable, redactKey } from './common';
import type { SnippetRequest } from './types';

/** Sent with every request: the WAF blocks default library agents, and BPS can see who calls. */
export const SNIPPET_USER_AGENT = 'Mozilla/5.0 (compatible; bps-data-browser-vscode snippet)';

/** How to run the snippet: where the key goes. */
export function howTo(lang: 'ind' | 'eng'): string[] {
	return lang === 'eng'
		? [
				'Fetches this table from the BPS WebAPI. Put your API key',
				`(${REGISTER_URL}) in the BPS_API_KEY environment variable.`,
			]
		: [
				'Mengambil tabel ini dari WebAPI BPS. Simpan kunci API Anda',
				`(${REGISTER_URL}) di variabel lingkungan BPS_API_KEY.`,
			];
}

/** The request, validated (domain code, whole non-negative period ids, base URL without a key). */
export function requestOf(t: CleanTable): SnippetRequest {
	const r = t.request;
	if (!r) throw new TypeError('fetch snippets need table.request (domain, variable, periods, lang)');
	if (!/^[0-9A-Za-z]{1,8}$/.test(r.domain)) throw new RangeError(`invalid domain code: ${r.domain}`);
	const periods = r.periods.map((p) => Math.trunc(p)).filter((p) => Number.isFinite(p) && p >= 0);
	if (!periods.length) throw new RangeError('fetch snippets need at least one period (th id)');
	const baseUrl = redactKey(r.baseUrl).replace(/\/*$/, '/');
	return {
		baseUrl,
		domain: r.domain,
		variable: Math.trunc(r.variable),
		periods,
		lang: r.lang === 'eng' ? 'eng' : 'ind',
	};
}

/** Python (inside a function): the key from BPS_API_KEY, or a clear error. Shared by every Python fetch snippet. */
export const PY_KEY_FROM_ENV = `    key = os.environ.get("BPS_API_KEY")
    if not key:
        raise RuntimeError("Set the BPS_API_KEY environment variable to your BPS WebAPI key.")`;

/**
 * Python (inside a function, after `query` is built): GET `BASE_URL + <pathExpr> + "?" + query`
 * with our User-Agent and parse the answer into `body`, or fail clearly when it is not JSON (the
 * WAF's HTML page). Shared by every Python fetch snippet.
 */
export function pyGetJson(pathExpr: string): string {
	return `    request = urllib.request.Request(
        BASE_URL + ${pathExpr} + "?" + query,
        headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        text = response.read().decode("utf-8")
    try:
        body = json.loads(text)
    except ValueError:
        raise RuntimeError("BPS WebAPI answered with something other than JSON (blocked?)") from None`;
}
