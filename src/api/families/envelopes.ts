/** Envelopes of the interoperability routes (census, SIMDASI): the object inside `data[1]`. */
import { BpsError } from '../errors';
import { checkEnvelope } from '../http';
import type { Fetched } from '../transport';

/** `data[1]` of an interoperability answer, which must be an object. */
export function innerObject(r: Fetched, what: string): Record<string, unknown> {
	const env = checkEnvelope(r.body, r.url);
	const data = env.body.data;
	if (!env.available || data === '' || data === undefined || data === null) {
		throw new BpsError('noData', `The BPS API has no ${what} here.`, { url: r.url });
	}
	const inner = Array.isArray(data) ? data[1] : data;
	if (!inner || typeof inner !== 'object' || Array.isArray(inner)) {
		throw new BpsError('unexpected', 'Unexpected response from the BPS API: data[1]: expected an object.', {
			field: 'data[1]',
			url: r.url,
		});
	}
	return inner as Record<string, unknown>;
}

/**
 * SIMDASI wraps its answer in `{status, condition, message, …, data}` inside an OK envelope; a
 * failed inner status (`{status: 400, condition: "ERROR"}`) becomes a clear error with BPS's text.
 */
export function simdasiInner(r: Fetched): Record<string, unknown> {
	const inner = innerObject(r, 'SIMDASI data');
	const status = Number(inner.status);
	const condition = typeof inner.condition === 'string' ? inner.condition.toUpperCase() : 'OK';
	if ((Number.isFinite(status) && status >= 400) || condition === 'ERROR') {
		const message = typeof inner.message === 'string' && inner.message !== '-' ? inner.message : '';
		if (/tidak tersedia|not available|tidak ditemukan|not found/i.test(message)) {
			throw new BpsError('noData', `SIMDASI has no data for this request${message ? ` (${message})` : ''}.`, {
				apiMessage: message,
				url: r.url,
			});
		}
		throw new BpsError(
			'apiError',
			`SIMDASI returned an error: ${message || `status ${String(inner.status)}`}`,
			{
				apiMessage: message,
				url: r.url,
			},
		);
	}
	return inner;
}
