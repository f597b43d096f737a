/**
 * Decoding of dynamic-table responses (`model=data`) into the dense `DynamicTable` model, and
 * merging of period-chunked responses. Pure: no `vscode`, no I/O.
 *
 * The datacontent key rule (docs/bps-api.md §4.3) is
 *   key = String(vervar.val) + String(var.val) + String(turvar.val) + String(tahun.val) + String(turtahun.val)
 * with no separators, so keys are NOT split: we enumerate the Cartesian product of the dimension
 * lists of the same response, build each key and look it up.
 */
import * as v from 'valibot';
import { BpsError } from './errors';
import type { DimItem, DynamicTable, Lang, RelatedTable } from './types';

/** What the caller knows about the response that the body does not say. */
export interface DecodeContext {
	domain: string;
	lang: Lang;
	fetchedAt: number;
	stale: boolean;
}

// ---------------------------------------------------------------------------------------------
// Shape (valibot). Lenient exactly where the live API is known to vary (bps-api.md §4.2).

/** A `val`: a finite number, or a numeric string (turvar "0"). Kept as the API's text. */
const ValSchema = v.union([v.pipe(v.number(), v.finite()), v.pipe(v.string(), v.regex(/^-?\d+(?:\.\d+)?$/))]);

/** Free text that may be absent, null, or (rarely) a number. */
const TextSchema = v.nullish(v.union([v.string(), v.number()]));

const DimItemSchema = v.looseObject({ val: ValSchema, label: TextSchema });

/** `decimal`: an int, a numeric string, or "" (doc sample). */
const DecimalSchema = v.nullish(
	v.union([v.pipe(v.number(), v.finite()), v.literal(''), v.pipe(v.string(), v.regex(/^\s*\d+\s*$/))]),
);

const VarSchema = v.looseObject({
	val: ValSchema,
	label: TextSchema,
	unit: TextSchema,
	subj: TextSchema,
	def: TextSchema,
	decimal: DecimalSchema,
	note: TextSchema,
});

const RelatedSchema = v.looseObject({
	id: v.union([v.string(), v.number()]),
	title: TextSchema,
	tablesource: v.nullish(v.union([v.number(), v.string()])),
	last_update: TextSchema,
	link: TextSchema,
});

/** `datacontent` is checked for being an object here; its values are checked while decoding (hot loop). */
const DataContentSchema = v.custom<Record<string, unknown> | unknown[]>(
	(x) => typeof x === 'object' && x !== null && (!Array.isArray(x) || x.length === 0),
	'datacontent must be an object',
);

const BodySchema = v.looseObject({
	last_update: TextSchema,
	subject: v.nullish(v.array(DimItemSchema)),
	var: v.pipe(v.array(VarSchema), v.minLength(1)),
	turvar: v.array(DimItemSchema),
	labelvervar: TextSchema,
	vervar: v.array(DimItemSchema),
	tahun: v.array(DimItemSchema),
	turtahun: v.array(DimItemSchema),
	datacontent: DataContentSchema,
	// PHP encodes an empty associative array as [] and a filled one as {"1":{…},"2":{…}}.
	related: v.nullish(v.union([v.array(RelatedSchema), v.record(v.string(), RelatedSchema)])),
});

type RawDimItem = v.InferOutput<typeof DimItemSchema>;

/** `vervar[3].val`-style path of a valibot issue (into the most specific issue of a union). */
function issuePath(issue: v.BaseIssue<unknown>): string {
	const items = [...(issue.path ?? [])];
	let cur: v.BaseIssue<unknown> = issue;
	// A union issue carries the issues of its options, with paths relative to the union's input;
	// the longest one is the most specific (first wins on ties: the array option of `related`).
	while (cur.issues?.length) {
		const next = cur.issues.reduce((a, b) => ((b.path?.length ?? 0) > (a.path?.length ?? 0) ? b : a));
		if (!next.path?.length) break;
		items.push(...next.path);
		cur = next;
	}
	let out = '';
	for (const item of items) {
		const key = (item as { key: unknown }).key;
		if (typeof key === 'number') out += `[${key}]`;
		else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key)) out += out ? `.${key}` : key;
		else out += `[${JSON.stringify(String(key))}]`;
	}
	return out || '(body)';
}

// ---------------------------------------------------------------------------------------------

function valText(val: string | number): string {
	return typeof val === 'number' ? String(val) : val;
}

function text(x: string | number | null | undefined): string {
	return x === null || x === undefined ? '' : String(x).trim();
}

/**
 * Dimension items with their `val` as text. A `val` repeated within one list is dropped (first
 * label kept): both copies would produce the same keys, so keeping them would only turn every
 * cell of that row/column into an ambiguous one.
 */
function dimItems(raw: RawDimItem[]): DimItem[] {
	const seen = new Set<string>();
	const out: DimItem[] = [];
	for (const r of raw) {
		const val = valText(r.val);
		if (seen.has(val)) continue;
		seen.add(val);
		out.push({ val, label: text(r.label) });
	}
	return out;
}

function decimalOf(d: string | number | null | undefined): number {
	if (d === null || d === undefined || d === '') return 0;
	const n = typeof d === 'number' ? d : Number(d);
	// toFixed/Intl accept 0..20 everywhere; anything else is a data error we render sensibly.
	return Math.min(20, Math.max(0, Math.trunc(n)));
}

const NUMERIC = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/**
 * A datacontent value as a number, or NaN when missing (`null`, `""`, `"-"`, any non-numeric
 * placeholder string). Objects, arrays and booleans are a shape error: they throw.
 */
function cellValue(x: unknown, key: string): number {
	if (typeof x === 'number') return x;
	if (x === null || x === undefined) return NaN;
	if (typeof x === 'string') return NUMERIC.test(x) ? Number(x) : NaN;
	throw new BpsError(
		'unexpected',
		`datacontent value for key ${key} is a ${Array.isArray(x) ? 'array' : typeof x}`,
		{
			field: `datacontent[${JSON.stringify(key)}]`,
		},
	);
}

/**
 * Which (prefix, suffix) combinations share their key with another combination.
 *
 * A key is `prefixes[p] + suffixes[s]` (prefix = vervar+var+turvar, suffix = tahun+turtahun).
 * `P + S == P' + S'` for two different combinations happens exactly when
 *   (a) the prefix strings are equal (two (v, tv) give the same text) — or the suffix strings are, or
 *   (b) one prefix is a proper prefix of the other, `P' = P + x`, and `S = x + S'`.
 * Checking this on the few thousand prefixes and few dozen suffixes is far cheaper than a Map of
 * every key of a 1 M-cell table, and gives the same answer (the fuzz test compares it with one).
 * Returns undefined when there is no ambiguity (the usual case: never seen live).
 */
function findAmbiguous(
	prefixes: string[],
	suffixes: string[],
): { cells: Uint8Array; keys: Set<string> } | undefined {
	const nS = suffixes.length;
	if (prefixes.length === 0 || nS === 0) return undefined;
	const pGroups = groupIndices(prefixes);
	const sGroups = groupIndices(suffixes);
	let out: { cells: Uint8Array; keys: Set<string> } | undefined;
	const mark = (pStr: string, sStr: string): void => {
		out ??= { cells: new Uint8Array(prefixes.length * nS), keys: new Set() };
		out.keys.add(pStr + sStr);
		for (const p of pGroups.get(pStr)!) for (const s of sGroups.get(sStr)!) out.cells[p * nS + s] = 1;
	};
	// (a) duplicated prefix or suffix text.
	for (const [pStr, ps] of pGroups) if (ps.length > 1) for (const sStr of sGroups.keys()) mark(pStr, sStr);
	for (const [sStr, ss] of sGroups) if (ss.length > 1) for (const pStr of pGroups.keys()) mark(pStr, sStr);
	// (b) P' = P + x and S = x + S'. In sorted order, the strings starting with P follow P directly.
	const sorted = [...pGroups.keys()].sort();
	for (let i = 0; i < sorted.length; i++) {
		const p = sorted[i];
		for (let j = i + 1; j < sorted.length && sorted[j].startsWith(p); j++) {
			const x = sorted[j].slice(p.length);
			for (const s2 of sGroups.keys()) {
				const s1 = x + s2;
				if (sGroups.has(s1)) {
					mark(p, s1);
					mark(sorted[j], s2);
				}
			}
		}
	}
	return out;
}

/** Distinct strings -> the indices holding them, in first-seen order. */
function groupIndices(strs: string[]): Map<string, number[]> {
	const m = new Map<string, number[]>();
	for (let i = 0; i < strs.length; i++) {
		const list = m.get(strs[i]);
		if (list) list.push(i);
		else m.set(strs[i], [i]);
	}
	return m;
}

/**
 * Decode a `model=data` response body (envelope already checked by the client: status OK,
 * data-availability available, not null) into a dense table.
 *
 * - Cell `((v*nTv + tv)*nT + t)*nTt + tt` holds `datacontent[key]` for the key of that combination;
 *   cells without a value are NaN (never 0). `null`, `""`, `"-"` and other non-numeric strings are
 *   missing; numeric strings become numbers.
 * - Ambiguity: when one key is produced by more than one combination (possible, since keys are
 *   concatenated without separators, e.g. tahun 11 + turtahun 1 vs tahun 1 + turtahun 11), the
 *   value cannot be attributed, so EVERY cell of such a key is left NaN. Never a wrong cell.
 * - `unmatchedKeys` counts datacontent keys that no combination produced.
 * - A dimension value listed twice is kept once (first label).
 *
 * @throws BpsError kind `unexpected` with `details.field` (e.g. `vervar[3].val`) on a bad shape.
 */
export function decodeDynamicData(body: unknown, ctx: DecodeContext): DynamicTable {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new BpsError('unexpected', 'Unexpected dynamic-table response: not an object', { field: '(body)' });
	}
	const parsed = v.safeParse(BodySchema, body, { abortEarly: true });
	if (!parsed.success) {
		const issue = parsed.issues[0];
		const field = issuePath(issue);
		throw new BpsError('unexpected', `Unexpected dynamic-table response: ${field}: ${issue.message}`, {
			field,
		});
	}
	const b = parsed.output;
	const variable = b.var[0];
	const varText = valText(variable.val);
	const vervar = dimItems(b.vervar);
	const turvar = dimItems(b.turvar);
	const tahun = dimItems(b.tahun);
	const turtahun = dimItems(b.turtahun);
	const dc = (Array.isArray(b.datacontent) ? {} : b.datacontent) as Record<string, unknown>;

	const nV = vervar.length;
	const nTv = turvar.length;
	const nT = tahun.length;
	const nTt = turtahun.length;
	const nCells = nV * nTv * nT * nTt;
	const values = new Float64Array(nCells).fill(NaN);

	// Prebuilt halves of the key: prefix per (v, tv), suffix per (t, tt). The hot loop then does
	// one concatenation per cell and no other allocation.
	const suffixes: string[] = new Array(nT * nTt);
	for (let t = 0; t < nT; t++) {
		for (let tt = 0; tt < nTt; tt++) suffixes[t * nTt + tt] = tahun[t].val + turtahun[tt].val;
	}

	const prefixes: string[] = new Array(nV * nTv);
	for (let vi = 0; vi < nV; vi++) {
		for (let tv = 0; tv < nTv; tv++) prefixes[vi * nTv + tv] = vervar[vi].val + varText + turvar[tv].val;
	}
	const amb = findAmbiguous(prefixes, suffixes);

	let matched = 0;
	const hasOwn = Object.prototype.hasOwnProperty;
	const nS = suffixes.length;
	for (let p = 0, idx = 0; p < prefixes.length; p++) {
		const prefix = prefixes[p];
		for (let s = 0; s < nS; s++, idx++) {
			if (amb !== undefined && amb.cells[idx] === 1) continue;
			const key = prefix + suffixes[s];
			const raw = dc[key];
			if (raw === undefined && !hasOwn.call(dc, key)) continue;
			matched++;
			values[idx] = cellValue(raw, key);
		}
	}
	// Ambiguous keys are matched (not "unmatched"), but their cells stay NaN.
	if (amb !== undefined) for (const key of amb.keys) if (hasOwn.call(dc, key)) matched++;
	const dcKeys = Object.keys(dc).length;

	const related: RelatedTable[] = [];
	const rawRelated = b.related ? (Array.isArray(b.related) ? b.related : Object.values(b.related)) : [];
	for (const r of rawRelated) {
		const item: RelatedTable = { id: String(r.id), title: text(r.title) };
		if (r.tablesource !== null && r.tablesource !== undefined && r.tablesource !== '') {
			const ts = Number(r.tablesource);
			if (Number.isFinite(ts)) item.tablesource = ts;
		}
		if (r.last_update) item.lastUpdate = text(r.last_update);
		if (r.link) item.link = text(r.link);
		related.push(item);
	}

	return {
		domain: ctx.domain,
		lang: ctx.lang,
		fetchedAt: ctx.fetchedAt,
		stale: ctx.stale,
		variable: {
			id: Number(variable.val),
			title: text(variable.label),
			unit: text(variable.unit),
			subject: text(variable.subj),
			definition: text(variable.def),
			notes: text(variable.note),
			decimal: decimalOf(variable.decimal),
		},
		rowTitle: text(b.labelvervar),
		vervar,
		turvar,
		tahun,
		turtahun,
		values,
		lastUpdate: text(b.last_update),
		subjects: dimItems(b.subject ?? []),
		related,
		unmatchedKeys: dcKeys - matched,
	};
}
