/**
 * valibot schemas for the raw BPS WebAPI answers, validated at the boundary. Lenient where the API
 * is inconsistent (numbers sent as strings, `null` vs `""`, extra fields, fields that come and go
 * over the years); strict where we depend on a value (ids, titles, the table HTML).
 * `validate()` turns the first issue into BpsError('unexpected', …, { field: 'data[1][3].var_id' }).
 */
import * as v from 'valibot';
import { BpsError } from './errors';

type Obj = Record<string, unknown>;

function isNumLike(x: unknown): boolean {
	return (
		(typeof x === 'number' && Number.isFinite(x)) ||
		(typeof x === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(x))
	);
}

/** A number, also accepted as a numeric string ("12"). Required. */
export const num = v.pipe(
	v.unknown(),
	v.check(isNumLike, 'expected number'),
	v.transform((x) => Number(x)),
);

/** A number, or null when absent/empty (`null`, `""`, missing). A non-numeric text is an error. */
export const numOrNull = v.optional(
	v.pipe(
		v.unknown(),
		v.check((x) => x === undefined || x === null || x === '' || isNumLike(x), 'expected number or null'),
		v.transform((x): number | null => (x === undefined || x === null || x === '' ? null : Number(x))),
	),
	null,
);

/** A required text; numbers are accepted and turned into text. */
export const str = v.pipe(
	v.unknown(),
	v.check((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)), 'expected string'),
	v.transform((x) => String(x)),
);

/** An optional text: missing/null become "". */
export const strOpt = v.optional(
	v.pipe(
		v.unknown(),
		v.check(
			(x) => x === undefined || x === null || typeof x === 'string' || typeof x === 'number',
			'expected string',
		),
		v.transform((x) => (x === undefined || x === null ? '' : String(x))),
	),
	'',
);

/** A text that may be null (`updt_date`): missing/null/"" become null. */
export const strOrNull = v.optional(
	v.pipe(
		v.unknown(),
		v.check(
			(x) => x === undefined || x === null || typeof x === 'string' || typeof x === 'number',
			'expected string or null',
		),
		v.transform((x): string | null => (x === undefined || x === null || x === '' ? null : String(x))),
	),
	null,
);

/** Copy `from` into `to` when `to` is absent: the API and its docs disagree on some names. */
export function alias(pairs: Array<[to: string, from: string]>) {
	return v.transform((x: unknown) => {
		if (!x || typeof x !== 'object' || Array.isArray(x)) {
			return x;
		}
		const o = x as Obj;
		let copy: Obj | undefined;
		for (const [to, from] of pairs) {
			if (o[to] === undefined && o[from] !== undefined) {
				copy ??= { ...o };
				copy[to] = o[from];
			}
		}
		return copy ?? o;
	});
}

/** `data[0]` of a list. `/domain` sends only {page,pages,total}; some lists only {total}. */
export const PageMetaSchema = v.object({
	page: numOrNull,
	pages: numOrNull,
	total: numOrNull,
	per_page: numOrNull,
	count: numOrNull,
});

export const DomainSchema = v.object({
	domain_id: str,
	domain_name: str,
	domain_url: strOpt,
});

export const SubjectCategorySchema = v.object({
	subcat_id: num,
	title: str,
});

export const SubjectSchema = v.pipe(
	v.unknown(),
	alias([['ntabel', 'ntable']]),
	v.object({
		sub_id: num,
		title: str,
		subcat_id: numOrNull,
		subcat: strOpt,
		ntabel: numOrNull,
	}),
);

export const VariableSchema = v.object({
	var_id: num,
	title: str,
	sub_id: numOrNull,
	sub_name: strOpt,
	subcsa_id: numOrNull,
	subcsa_name: strOpt,
	def: strOpt,
	notes: strOpt,
	vertical: numOrNull,
	unit: strOpt,
});

export const VerticalVariableSchema = v.pipe(
	v.unknown(),
	// The docs name it `vervar_id`; captures say `kode_ver_id` (the value used in datacontent keys).
	alias([['kode_ver_id', 'vervar_id']]),
	v.object({
		kode_ver_id: num,
		vervar: str,
		item_ver_id: numOrNull,
		group_ver_id: numOrNull,
		name_group_ver_id: strOpt,
	}),
);

export const PeriodSchema = v.object({
	th_id: num,
	th: str,
});

export const DerivedVariableSchema = v.object({
	turvar_id: num,
	turvar: str,
	group_turvar_id: numOrNull,
	name_group_turvar: strOpt,
});

export const DerivedPeriodSchema = v.object({
	turth_id: num,
	turth: str,
	group_turth_id: numOrNull,
	name_group_turth: strOpt,
});

export const StaticTableSchema = v.pipe(
	v.unknown(),
	alias([['subj_id', 'sub_id']]),
	v.object({
		table_id: num,
		title: str,
		subj_id: numOrNull,
		subj: strOpt,
		updt_date: strOpt,
		size: strOpt,
		excel: strOpt,
	}),
);

export const StaticTableDetailSchema = v.pipe(
	v.unknown(),
	// The view says `sub_id` where the list says `subj_id`; the subject name may come as `subcsa`.
	alias([
		['subj_id', 'sub_id'],
		['subj', 'subcsa'],
	]),
	v.object({
		table_id: num,
		title: str,
		subj_id: numOrNull,
		subj: strOpt,
		table: str,
		cr_date: strOpt,
		updt_date: strOpt,
		size: strOpt,
		excel: strOpt,
	}),
);

export const PublicationSchema = v.object({
	pub_id: str,
	title: str,
	abstract: strOpt,
	issn: strOpt,
	sch_date: strOpt,
	rl_date: strOpt,
	updt_date: strOrNull,
	cover: strOpt,
	pdf: strOpt,
	size: strOpt,
});

const RelatedPublicationSchema = v.object({
	pub_id: str,
	title: strOpt,
	rl_date: strOpt,
	url: strOpt,
	cover: strOpt,
});

export const PublicationDetailSchema = v.object({
	...PublicationSchema.entries,
	kat_no: strOpt,
	pub_no: strOpt,
	// `[]` when empty; PHP may also send an object keyed "1","2",… — take its values.
	related: v.optional(
		v.pipe(
			v.unknown(),
			v.transform((x) =>
				x === undefined || x === null || x === ''
					? []
					: Array.isArray(x)
						? x
						: typeof x === 'object'
							? Object.values(x as Obj)
							: x,
			),
			v.array(RelatedPublicationSchema, 'expected array'),
		),
		[],
	),
});

export const PressReleaseSchema = v.object({
	brs_id: num,
	subj_id: numOrNull,
	subj: strOpt,
	title: str,
	abstract: strOpt,
	rl_date: strOpt,
	updt_date: strOrNull,
	pdf: strOpt,
	size: strOpt,
	slide: strOpt,
	thumbnail: strOpt,
});

export const IndicatorSchema = v.object({
	var: num,
	indicator_id: num,
	subject_csa: numOrNull,
	title: str,
	name: strOpt,
	data_source: strOpt,
	value: numOrNull,
	unit: strOpt,
	category: numOrNull,
	periode: strOpt,
});

export type Raw<S extends v.GenericSchema> = v.InferOutput<S>;

/**
 * Validate `input` against `schema`; on failure throw BpsError('unexpected') naming the field,
 * e.g. `data[1][3].var_id: expected number (got "abc")`. `at` is the path of `input` itself.
 */
export function validate<S extends v.GenericSchema>(
	schema: S,
	input: unknown,
	at: string,
	url?: string,
): v.InferOutput<S> {
	const r = v.safeParse(schema, input, { abortEarly: true });
	if (r.success) {
		return r.output;
	}
	const issue = r.issues[0];
	const field = at + pathText(issue.path);
	// A required key that is absent is reported by the object schema itself ("expected \"key\"").
	const missing = issue.kind === 'schema' && issue.type === 'object' && issue.input === undefined;
	const what = missing
		? 'missing'
		: `${issue.kind === 'validation' ? issue.message : `expected ${issue.expected ?? 'a different value'}`} (got ${describe(issue.input)})`;
	throw new BpsError('unexpected', `Unexpected response from the BPS API: ${field}: ${what}.`, {
		field,
		url,
	});
}

function pathText(path: readonly v.IssuePathItem[] | undefined): string {
	let out = '';
	for (const p of path ?? []) {
		const k = (p as { key: unknown }).key;
		out += typeof k === 'number' ? `[${k}]` : `.${String(k)}`;
	}
	return out;
}

/** A short description of a bad value for error messages (never the whole body). */
export function describe(x: unknown): string {
	if (x === undefined) {
		return 'nothing';
	}
	if (x === null) {
		return 'null';
	}
	if (Array.isArray(x)) {
		return 'an array';
	}
	if (typeof x === 'object') {
		return 'an object';
	}
	if (typeof x === 'string') {
		return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
	}
	return String(x);
}
