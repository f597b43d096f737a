/**
 * The BPS WebAPI's behaviour, as pure functions: (action, params) → HTTP status + body text.
 * Envelopes, error texts and quirks follow /work/shared/bps-api.md §2–§4.
 */
import {
	allDomains,
	type Catalogue,
	escapeEntities,
	findDomain,
	getCatalogue,
	type Lang,
	levelOf,
	type VarDef,
} from './data';
import { Rng } from './prng';
import type { Revisions } from './revisions';

export interface ApiResponse {
	status: number;
	contentType: string;
	body: string;
}

export interface HandlerOptions {
	keys: string[];
	maxCells: number;
	xssProbes: boolean;
	/** Tables revised by tests (control route `POST /__emulator/revise`). */
	revisions?: Revisions;
}

export const BAD_KEY_MESSAGE = 'You are not Allowed to take this action. Please re-check your key';
export const TH_REQUIRED_MESSAGE =
	"'th' parameter is required and must be an integer, separated by colon (:) for range or semicolon (;) for multiple values.";
export function thCapMessage(cap: number, given: number): string {
	return `The maximum allowed number of years for the 'th' parameter is ${cap}. You provided ${given}. Please reduce the number of years accordingly.`;
}

const JSON_TYPE = 'application/json';
export const PER_PAGE = 10;

export function json(body: unknown, status = 200): ApiResponse {
	return { status, contentType: JSON_TYPE, body: JSON.stringify(body) };
}
export const listNotAvailable = (): ApiResponse =>
	json({ status: 'OK', 'data-availability': 'list-not-available', data: '' });
export const notAvailable = (): ApiResponse =>
	json({ status: 'OK', 'data-availability': 'not-available', data: '' });
export const unavailable = (): ApiResponse => json({ status: 'OK', 'data-availability': 'unavailable' });
export const badKey = (): ApiResponse => json({ status: 'Error', message: BAD_KEY_MESSAGE });
export const apiError = (message: string): ApiResponse => json({ status: 'Error', message });
/** Yii's route-not-found answer. */
export function notFound(route: string): ApiResponse {
	return json(
		{ name: 'Not Found', message: `Unable to resolve the request "${route}".`, code: 0, status: 404 },
		404,
	);
}

/** Paginate a list the BPS way (per_page fixed at 10; past the end → list-not-available). */
export function paged(items: unknown[], pageParam: string | undefined): ApiResponse {
	const total = items.length;
	if (total === 0) return listNotAvailable();
	const pages = Math.ceil(total / PER_PAGE);
	const page = Math.max(1, Number.parseInt(pageParam ?? '1', 10) || 1);
	if (page > pages) return listNotAvailable();
	const slice = items.slice((page - 1) * PER_PAGE, page * PER_PAGE);
	return json({
		status: 'OK',
		'data-availability': 'available',
		data: [{ page, pages, per_page: PER_PAGE, count: slice.length, total }, slice],
	});
}

/** Parse `a`, `a;b`, `a:b` (and mixes like `a;b:c`) into integers; undefined if malformed. */
export function parseIdList(s: string | undefined): number[] | undefined {
	if (s === undefined || s.trim() === '') return undefined;
	const out: number[] = [];
	for (const part of s.split(';')) {
		const m = /^\s*(-?\d+)\s*(?::\s*(-?\d+)\s*)?$/.exec(part);
		if (!m) return undefined;
		const a = Number(m[1]);
		const b = m[2] === undefined ? a : Number(m[2]);
		if (b - a > 10000) return undefined;
		for (let i = Math.min(a, b); i <= Math.max(a, b); i++) out.push(i);
	}
	return out;
}

function keywordFilter<T>(items: T[], keyword: string | undefined, title: (t: T) => string): T[] {
	if (!keyword) return items;
	const k = keyword.replace(/\+/g, ' ').trim().toLowerCase();
	if (!k) return items;
	return items.filter((it) => title(it).toLowerCase().includes(k));
}

function dateFilter<T extends Record<string, unknown>>(
	items: T[],
	p: Record<string, string>,
	field: string,
): T[] {
	let out = items;
	if (p.year) out = out.filter((it) => String(it[field] ?? '').startsWith(p.year));
	if (p.month) {
		const m = p.month.padStart(2, '0');
		out = out.filter((it) => String(it[field] ?? '').slice(5, 7) === m);
	}
	return out;
}

function langOf(p: Record<string, string>): Lang {
	return p.lang === 'eng' ? 'eng' : 'ind';
}

/** Entry point: everything after routing, key check and faults. */
export function handleApi(action: string, p: Record<string, string>, opts: HandlerOptions): ApiResponse {
	if (action === 'domain') return handleDomain(p);
	if (action !== 'list' && action !== 'view') return notFound(action);
	const domain = p.domain;
	const cat = domain ? getCatalogue(domain, langOf(p), opts.xssProbes) : undefined;
	if (action === 'view') return cat ? handleView(cat, p, opts) : notAvailable();
	if (!cat) return listNotAvailable();
	return handleList(cat, p, opts);
}

function handleDomain(p: Record<string, string>): ApiResponse {
	const type = p.type ?? 'all';
	let items = allDomains();
	if (type === 'prov') items = items.filter((d) => levelOf(d.domain_id) === 'province');
	else if (type === 'kab') items = items.filter((d) => levelOf(d.domain_id) === 'regency');
	else if (type === 'kabbyprov') {
		const prov = p.prov ?? '';
		items = items.filter(
			(d) => levelOf(d.domain_id) === 'regency' && d.domain_id.slice(0, 2) === prov.slice(0, 2),
		);
	} else if (type !== 'all') items = [];
	if (items.length === 0) return listNotAvailable();
	return json({
		status: 'OK',
		'data-availability': 'available',
		data: [{ page: 1, pages: 1, total: items.length }, items],
	});
}

function varRow(v: VarDef) {
	return {
		var_id: v.id,
		title: v.title,
		sub_id: v.subId,
		sub_name: v.subName,
		subcsa_id: v.csaId,
		subcsa_name: v.csaName,
		def: v.def,
		notes: escapeEntities(v.notes),
		vertical: v.vertical,
		unit: v.unit,
		graph_id: v.graphId,
		graph_name: v.graphName,
	};
}

function varsFor(cat: Catalogue, p: Record<string, string>): VarDef[] | undefined {
	if (p.var === undefined) return cat.vars;
	const v = cat.varById.get(Number(p.var));
	return v ? [v] : undefined;
}

function uniqueBy<T>(items: T[], key: (t: T) => string | number): T[] {
	const seen = new Set<string | number>();
	return items.filter((it) => {
		const k = key(it);
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
}

function handleList(cat: Catalogue, p: Record<string, string>, opts: HandlerOptions): ApiResponse {
	const page = p.page;
	switch (p.model) {
		case 'subcat':
			return paged(
				keywordFilter(cat.subcats, p.keyword, (s) => s.title),
				page,
			);
		case 'subject': {
			let items = cat.subjects;
			if (p.subcat !== undefined) items = items.filter((s) => String(s.subcat_id) === p.subcat);
			return paged(
				keywordFilter(items, p.keyword, (s) => s.title),
				page,
			);
		}
		case 'var': {
			let items = cat.vars;
			if (p.subject !== undefined) items = items.filter((v) => String(v.subId) === p.subject);
			if (p.vervar !== undefined) items = items.filter((v) => String(v.vertical) === p.vervar);
			if (p.year !== undefined) items = items.filter((v) => v.tahun.some((t) => t.label === p.year));
			return paged(keywordFilter(items, p.keyword, (v) => v.title).map(varRow), page);
		}
		case 'vervar': {
			const vars = varsFor(cat, p);
			if (!vars) return listNotAvailable();
			const rows = uniqueBy(
				vars.flatMap((v) => v.vervar),
				(r) => `${r.groupId}|${r.val}`,
			).map((r) => ({
				kode_ver_id: r.val,
				vervar: r.label,
				item_ver_id: r.itemId,
				group_ver_id: r.groupId,
				name_group_ver_id: r.groupName,
			}));
			return paged(
				keywordFilter(rows, p.keyword, (r) => r.vervar),
				page,
			);
		}
		case 'th': {
			const vars = varsFor(cat, p)?.map((v) => opts.revisions?.apply(cat.domain.domain_id, v) ?? v);
			if (!vars) return listNotAvailable();
			const rows = uniqueBy(
				vars.flatMap((v) => v.tahun),
				(t) => Number(t.val),
			)
				.sort((a, b) => Number(b.val) - Number(a.val))
				.map((t) => ({ th_id: Number(t.val), th: t.label }));
			return paged(
				keywordFilter(rows, p.keyword, (r) => r.th),
				page,
			);
		}
		case 'turvar': {
			const vars = varsFor(cat, p);
			if (!vars) return listNotAvailable();
			const rows = uniqueBy(
				vars.flatMap((v) => v.turvar.map((d) => ({ d, g: v.turvarGroup }))),
				(x) => String(x.d.val),
			).map(({ d, g }) => ({
				turvar_id: Number(d.val),
				turvar: d.label,
				group_turvar_id: g.id,
				name_group_turvar: g.name,
			}));
			return paged(
				keywordFilter(rows, p.keyword, (r) => r.turvar),
				page,
			);
		}
		case 'turth': {
			const vars = varsFor(cat, p);
			if (!vars) return listNotAvailable();
			const rows = uniqueBy(
				vars.flatMap((v) => v.turtahun.map((d) => ({ d, g: v.turthGroup }))),
				(x) => Number(x.d.val),
			)
				.sort((a, b) => Number(a.d.val) - Number(b.d.val))
				.map(({ d, g }) => ({
					turth_id: Number(d.val),
					turth: d.label,
					group_turth_id: g.id,
					name_group_turth: g.name,
				}));
			return paged(
				keywordFilter(rows, p.keyword, (r) => r.turth),
				page,
			);
		}
		case 'unit':
			return paged(
				keywordFilter(cat.units, p.keyword, (u) => u.unit),
				page,
			);
		case 'statictable': {
			const rows = cat.statictables.map((s) => ({
				table_id: s.table_id,
				title: s.title,
				subj_id: s.subj_id,
				subj: s.subj,
				updt_date: s.updt_date,
				size: s.size,
				excel: s.excel,
			}));
			return paged(
				keywordFilter(dateFilter(rows, p, 'updt_date'), p.keyword, (r) => r.title),
				page,
			);
		}
		case 'publication':
			return paged(
				keywordFilter(dateFilter(cat.publications, p, 'rl_date'), p.keyword, (r) => String(r.title)),
				page,
			);
		case 'pressrelease':
			return paged(
				keywordFilter(dateFilter(cat.pressreleases, p, 'rl_date'), p.keyword, (r) => String(r.title)),
				page,
			);
		case 'indicators': {
			if (!cat.indicators) return listNotAvailable();
			let items = cat.indicators;
			if (p.var !== undefined) items = items.filter((i) => String(i.var) === p.var);
			return paged(
				keywordFilter(items, p.keyword, (r) => String(r.title)),
				page,
			);
		}
		case 'data':
			return handleData(cat, p, opts);
		default:
			return listNotAvailable();
	}
}

function handleView(cat: Catalogue, p: Record<string, string>, opts: HandlerOptions): ApiResponse {
	const id = p.id;
	if (id === undefined) return notAvailable();
	const ok = (data: unknown) => json({ status: 'OK', 'data-availability': 'available', data });
	switch (p.model) {
		case 'statictable': {
			const s = cat.statictables.find((t) => String(t.table_id) === id);
			if (!s) return notAvailable();
			// Revisions change the markup, then it is escaped as the API serves it (recorded tables stay as recorded).
			const raw = s.escapedHtml === undefined ? s.html() : undefined;
			const now =
				raw === undefined
					? undefined
					: opts.revisions?.applyStatic(cat.domain.domain_id, s.table_id, s.updt_date, raw);
			const html = now ? escapeEntities(now.html) : (s.escapedHtml ?? escapeEntities(raw!));
			return ok({
				table_id: s.table_id,
				sub_id: s.subj_id,
				title: s.title,
				table: html,
				cr_date: s.cr_date,
				updt_date: now?.updated ?? s.updt_date,
				excel: s.excel,
				size: s.size,
				...s.viewOverride,
			});
		}
		case 'publication': {
			const d = cat.publicationDetail.get(id);
			if (!d) return notAvailable();
			const now = new Date();
			const stamp = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')} ${now.toTimeString().slice(0, 8)}`;
			return json({
				status: 'OK',
				request: {
					domain: cat.domain.domain_url,
					model: 'publication',
					lang: cat.lang,
					id,
					time_access: stamp,
				},
				'data-availability': 'available',
				data: d,
			});
		}
		case 'pressrelease': {
			const d = cat.pressreleaseDetail.get(Number(id));
			return d ? ok(d) : notAvailable();
		}
		default:
			// SDK-only views (var, subject, …) are undocumented; the docs' mock advice is not-available.
			return notAvailable();
	}
}

/** `model=data`: the dynamic table window, with the exact BPS error texts and caps. */
function handleData(cat: Catalogue, p: Record<string, string>, opts: HandlerOptions): ApiResponse {
	const varId = p.var === undefined ? NaN : Number(p.var);
	if (!Number.isInteger(varId)) return apiError("'var' parameter is required and must be an integer.");
	const th = parseIdList(p.th);
	if (!th) return apiError(TH_REQUIRED_MESSAGE);
	const cap = cat.domain.domain_id === '0000' ? 3 : 2;
	const distinct = [...new Set(th)];
	if (distinct.length > cap) return apiError(thCapMessage(cap, distinct.length));
	const v0 = cat.varById.get(varId);
	if (!v0) return listNotAvailable();
	const v = opts.revisions?.apply(cat.domain.domain_id, v0) ?? v0;

	const filterBy = <T extends { val: number | string }>(items: T[], param: string | undefined): T[] => {
		const ids = parseIdList(param);
		if (!ids) return items;
		const set = new Set(ids.map(String));
		return items.filter((d) => set.has(String(d.val)));
	};
	const thSet = new Set(distinct);
	const tahun = v.tahun.filter((t) => thSet.has(Number(t.val)));
	const vervar = filterBy(v.vervar, p.vervar);
	const turvar = filterBy(v.turvar, p.turvar);
	const turtahun = filterBy(v.turtahun, p.turth);
	const cells = tahun.length * vervar.length * turvar.length * turtahun.length;
	if (cells === 0) return listNotAvailable();
	if (cells > opts.maxCells) return { status: 200, contentType: JSON_TYPE, body: 'null' };

	const entries = new Map<string, number>();
	for (const r of vervar)
		for (const tv of turvar)
			for (const t of tahun)
				for (const tt of turtahun) {
					const x = v.value(r.val, tv.val, Number(t.val), Number(tt.val));
					if (x !== undefined) entries.set(`${r.val}${v.id}${tv.val}${t.val}${tt.val}`, x);
				}
	if (entries.size === 0) return listNotAvailable();
	// Key order is arbitrary in the real API: recorded order first, then a seeded shuffle.
	const ordered: string[] = [];
	for (const k of v.recordedOrder ?? []) if (entries.has(k)) ordered.push(k);
	const seen = new Set(ordered);
	const rest = [...entries.keys()].filter((k) => !seen.has(k));
	ordered.push(...new Rng(`order|${cat.domain.domain_id}|${v.id}|${p.th}`).shuffle(rest));

	const PLACEHOLDER = '__BPS_EMULATOR_DATACONTENT__';
	const body = {
		status: 'OK',
		'data-availability': 'available',
		last_update: v.lastUpdate,
		subject: [{ val: v.csaId, label: v.csaName }],
		var: [
			{
				val: v.id,
				label: v.title,
				unit: v.unit,
				subj: v.subName,
				def: v.def,
				decimal: v.decimal,
				note: v.notes,
			},
		],
		turvar: turvar.map((d) => ({ val: d.val, label: d.label })),
		labelvervar: v.labelvervar,
		vervar: vervar.map((d) => ({ val: d.val, label: d.label })),
		tahun: tahun.map((d) => ({ val: d.val, label: d.label })),
		turtahun: turtahun.map((d) => ({ val: d.val, label: d.label })),
		datacontent: PLACEHOLDER,
		related: v.related,
	};
	// A JS object would re-sort integer-like keys; write datacontent by hand to keep our order.
	const dc = `{${ordered.map((k) => `${JSON.stringify(k)}:${JSON.stringify(entries.get(k))}`).join(',')}}`;
	return {
		status: 200,
		contentType: JSON_TYPE,
		body: JSON.stringify(body).replace(JSON.stringify(PLACEHOLDER), dc),
	};
}

/** Re-exported for tests that want to check a domain exists. */
export { findDomain };
