/** One page of a list answer: envelope checked, `[pagination, items]` validated and mapped. */
import type * as v from 'valibot';
import { BpsError } from './errors';
import { checkEnvelope } from './http';
import * as S from './schemas';
import { validate } from './schemas';
import type { Fetched } from './transport';
import type { Freshness } from './types';

export interface PageResult<T> extends Freshness {
	items: T[];
	total: number;
	page: number | undefined;
	pages: number;
}

/** Validate one list answer. `undefined` when the API says there is nothing (any non-`available`, or `data: ""`). */
export function parsePage<Sch extends v.GenericSchema, T>(
	r: Fetched,
	schema: Sch,
	map: (raw: v.InferOutput<Sch>) => T,
): PageResult<T> | undefined {
	const env = checkEnvelope(r.body, r.url);
	const data = env.body.data;
	if (!env.available || data === '' || data === undefined || data === null) {
		return undefined;
	}
	if (!Array.isArray(data)) {
		throw new BpsError(
			'unexpected',
			'Unexpected response from the BPS API: data: expected [pagination, items].',
			{ field: 'data', url: r.url },
		);
	}
	const meta = validate(S.PageMetaSchema, data[0] ?? {}, 'data[0]', r.url);
	const raw = data[1] ?? [];
	if (!Array.isArray(raw)) {
		throw new BpsError(
			'unexpected',
			'Unexpected response from the BPS API: data[1]: expected an array of items.',
			{
				field: 'data[1]',
				url: r.url,
			},
		);
	}
	const items = raw.map((item, i) => map(validate(schema, item, `data[1][${i}]`, r.url)));
	return {
		items,
		total: meta.total ?? items.length,
		page: meta.page ?? undefined,
		pages: Math.max(1, meta.pages ?? 1),
		fetchedAt: r.fetchedAt,
		stale: r.stale,
	};
}
