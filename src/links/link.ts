/**
 * Links that open an item in VS Code: `<scheme>://bps-data-browser.bps-data-browser/open?domain=3500&kind=var&id=1804&years=2017,2018`.
 * Pure code, no `vscode`: unit-tested in test/unit/link.test.ts. A link comes from outside (a
 * chat message, a web page), so everything in it is checked before anything is fetched.
 */
import { ITEM_KINDS, type ItemKind } from '../catalogue/itemRef';

/** What a link opens: the fields of an ItemRef that a link may carry. */
export interface LinkTarget {
	domain: string;
	kind: ItemKind;
	id: number | string;
	/** Dynamic tables and indicators: the year labels to show. */
	years?: string[];
}

/** Why a link was refused; `value` is the offending text (for the message). */
export type LinkProblem =
	| { code: 'path'; value: string }
	| { code: 'domain'; value: string }
	| { code: 'kind'; value: string }
	| { code: 'id'; value: string }
	| { code: 'years'; value: string };

export type LinkParse = { ok: true; target: LinkTarget } | { ok: false; problem: LinkProblem };

/** More years than any BPS table has; a bound on what a pasted link can ask for. */
const MAX_YEARS = 200;

/**
 * Reads a link's path and query (as `vscode.Uri` gives them: path `/open`, query
 * `domain=…&kind=…`). Unknown parameters are ignored, so later versions can add some.
 */
export function parseLink(path: string, query: string): LinkParse {
	if (path.replace(/\/+$/, '') !== '/open') return fail('path', path);
	const q = new URLSearchParams(query);
	const domain = (q.get('domain') ?? '').trim();
	if (!/^\d{4}$/.test(domain)) return fail('domain', domain);
	const kindText = (q.get('kind') ?? '').trim();
	const kind = ITEM_KINDS.find((k) => k === kindText);
	if (!kind) return fail('kind', kindText);
	const idText = (q.get('id') ?? '').trim();
	// Publication ids are 24 hex digits; every other id is a positive number.
	const idOk = kind === 'publication' ? /^[0-9a-f]{24}$/i.test(idText) : /^[1-9]\d{0,9}$/.test(idText);
	if (!idOk) return fail('id', idText);
	const target: LinkTarget = {
		domain,
		kind,
		id: kind === 'publication' ? idText.toLowerCase() : Number(idText),
	};
	const yearsText = q.get('years');
	if (yearsText !== null && yearsText.trim() !== '') {
		const years = yearsText.split(',').map((y) => y.trim());
		const canHaveYears = kind === 'var' || kind === 'indicator';
		if (!canHaveYears || years.length > MAX_YEARS || !years.every((y) => /^(19|20)\d\d$/.test(y))) {
			return fail('years', yearsText);
		}
		target.years = [...new Set(years)];
	}
	return { ok: true, target };
}

/** The link for `target`; `base` is `<scheme>://<publisher>.<name>` (no trailing slash). */
export function buildLink(base: string, target: LinkTarget): string {
	const q = new URLSearchParams({ domain: target.domain, kind: target.kind, id: String(target.id) });
	if (target.years?.length && (target.kind === 'var' || target.kind === 'indicator')) {
		q.set('years', target.years.join(','));
	}
	// Commas in the year list stay readable: URLSearchParams would write %2C.
	return `${base}/open?${q.toString().replace(/%2C/g, ',')}`;
}

function fail(code: LinkProblem['code'], value: string): LinkParse {
	return { ok: false, problem: { code, value } };
}
