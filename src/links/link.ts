/**
 * Links that open an item in VS Code: `<scheme>://bps-data-browser.bps-data-browser/open?domain=3500&kind=var&id=1804&years=2017,2018`.
 * Every kind of item has one; a trade query carries its parameters instead of an id
 * (`kind=trade&flow=export&hs=09,18&hsLevel=2&monthly=0&years=2023`), a census dataset its census
 * and area (or areas, `areas=35,3578`). Pure code, no `vscode`: unit-tested in test/unit/links/link.test.ts. A link comes from
 * outside (a chat message, a web page), so everything in it is checked before anything is fetched.
 */
import { ID_TYPES, toItemRef, type ItemKind, type ItemRef } from '../catalogue/itemRef';

/** What a link opens. */
export type LinkTarget = ItemRef;

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

/** Every kind a link can name. */
export const LINK_KINDS = Object.keys(ID_TYPES) as readonly ItemKind[];

/** The kinds whose preview picks years (the others refuse a `years` parameter). */
const WITH_YEARS: ReadonlySet<ItemKind> = new Set(['var', 'indicator', 'trade', 'simdasi']);

/** The fields besides domain, kind, id and years a kind's link carries (lists comma-separated). */
const EXTRA: Partial<Record<ItemKind, readonly string[]>> = {
	var: ['sdg'],
	indicator: ['varId'],
	trade: ['flow', 'hs', 'hsLevel', 'monthly'],
	census: ['event', 'area', 'areas'],
};

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
	const kind = LINK_KINDS.find((k) => k === kindText);
	if (!kind) return fail('kind', kindText);
	const idText = (q.get('id') ?? '').trim();
	// A trade query has no id: it is its parameters (checked when the ref is built below).
	if (kind !== 'trade' && !idPattern(kind).test(idText)) return fail('id', idText);
	const raw: Record<string, unknown> = { domain, kind, id: idText };
	const yearsText = q.get('years');
	if (yearsText !== null && yearsText.trim() !== '') {
		const years = yearsText.split(',').map((y) => y.trim());
		if (!WITH_YEARS.has(kind) || years.length > MAX_YEARS || !years.every((y) => /^(19|20)\d\d$/.test(y))) {
			return fail('years', yearsText);
		}
		raw.years = [...new Set(years)];
	}
	for (const field of EXTRA[kind] ?? []) {
		const v = q.get(field)?.trim();
		if (v) raw[field] = fieldValue(field, v);
	}
	const target = toItemRef(raw);
	if (!target) return fail('id', kind === 'trade' ? query : idText);
	return { ok: true, target };
}

/** The link for `target`; `base` is `<scheme>://<publisher>.<name>` (no trailing slash). */
export function buildLink(base: string, target: LinkTarget): string {
	const q = new URLSearchParams({ domain: target.domain, kind: target.kind });
	if (target.kind !== 'trade') q.set('id', String(target.id));
	const fields = target as unknown as Record<string, unknown>;
	for (const field of EXTRA[target.kind] ?? []) {
		const v = fields[field];
		if (Array.isArray(v)) q.set(field, v.join(','));
		else if (typeof v === 'boolean') q.set(field, v ? '1' : '0');
		else if (v !== undefined && v !== '') q.set(field, String(v));
	}
	if (target.years?.length && WITH_YEARS.has(target.kind)) q.set('years', target.years.join(','));
	// Commas in lists stay readable: URLSearchParams would write %2C.
	return `${base}/open?${q.toString().replace(/%2C/g, ',')}`;
}

/** Publication ids are 24 hex digits, other numeric ids positive numbers, other ids plain codes. */
function idPattern(kind: ItemKind): RegExp {
	if (kind === 'publication') return /^[0-9a-f]{24}$/i;
	if (ID_TYPES[kind] === 'number') return /^[1-9]\d{0,9}$/;
	return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
}

function fieldValue(field: string, v: string): unknown {
	switch (field) {
		case 'hs':
		case 'areas':
			return v.split(',').map((x) => x.trim());
		case 'hsLevel':
		case 'varId':
			return /^\d{1,10}$/.test(v) ? Number(v) : v;
		case 'monthly':
			return v === '1' || v === 'true';
		default:
			return v;
	}
}

function fail(code: LinkProblem['code'], value: string): LinkParse {
	return { ok: false, problem: { code, value } };
}
