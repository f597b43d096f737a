/** One page of a list answer: envelope checked, `[pagination, items]` validated and mapped. */
import type * as v from 'valibot';
import type { ListOptions } from './api';
import { BpsError } from './errors';
import { fanOut } from './fanOut';
import type { Action, Params } from './http';
import { checkEnvelope } from './http';
import * as S from './schemas';
import { validate } from './schemas';
import type { Fetched, Transport } from './transport';
import type { Freshness, Lang, Paged } from './types';

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

export interface FetchListOptions extends ListOptions {
	/** `/domain` takes no `lang`. */
	noLang?: boolean;
	/** `/domain` is not paginated: page 1 is asked for without `page`. */
	noPageParam?: boolean;
	/** Cache lifetime class; lists are metadata unless said otherwise. */
	kind?: 'metadata' | 'data';
}

/**
 * A list call. With `opts.page`, that page; otherwise page 1, then every other page concurrently
 * (the transport's limiter bounds what goes out), merged into one `Paged` with page = pages = 1.
 */
export async function fetchList<Sch extends v.GenericSchema, T>(
	transport: Transport,
	defaultLang: Lang,
	action: Action,
	params: Params,
	schema: Sch,
	map: (raw: v.InferOutput<Sch>) => T,
	opts: FetchListOptions,
): Promise<Paged<T>> {
	const base: Params = { ...params, keyword: opts.keyword?.trim() || undefined };
	if (!opts.noLang) {
		base.lang = opts.lang ?? defaultLang;
	}
	const pageParams = (page: number): Params => (opts.noPageParam && page === 1 ? base : { ...base, page });
	const get = (page: number, signal?: AbortSignal) =>
		transport.get(action, pageParams(page), {
			signal,
			bypassCache: opts.bypassCache,
			kind: opts.kind ?? 'metadata',
		});

	if (opts.page !== undefined) {
		const page = Math.max(1, Math.floor(opts.page));
		const one = parsePage(await get(page, opts.signal), schema, map);
		return one
			? {
					items: one.items,
					total: one.total,
					page: one.page ?? page,
					pages: one.pages,
					fetchedAt: one.fetchedAt,
					stale: one.stale,
				}
			: { items: [], total: 0, page, pages: 0, ...freshNow() };
	}

	const first = parsePage(await get(1, opts.signal), schema, map);
	if (!first) {
		return { items: [], total: 0, page: 1, pages: 1, ...freshNow() };
	}
	const rest: number[] = [];
	for (let p = 2; p <= first.pages; p++) {
		rest.push(p);
	}
	const others = await fanOut(rest, opts.signal, async (p, signal) =>
		parsePage(await get(p, signal), schema, map),
	);
	const all = [first, ...others].filter((x): x is PageResult<T> => x !== undefined);
	const items = all.flatMap((x) => x.items);
	return {
		items,
		total: Math.max(first.total, items.length),
		page: 1,
		pages: 1,
		fetchedAt: Math.min(...all.map((x) => x.fetchedAt)),
		stale: all.some((x) => x.stale),
	};
}

export function freshNow(): Freshness {
	return { fetchedAt: Date.now(), stale: false };
}
