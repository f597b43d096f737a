/**
 * Transport for the BPS WebAPI: canonical URLs, one HTTP attempt with a per-attempt timeout,
 * classification of every answer into a body or a typed BpsError (bps-api.md §1–2), backoff and
 * cancellable sleeps. No retries, no cache, no limiter here: client.ts composes those.
 */
import { BpsError } from './errors';
import { redact } from './redact';

/** API routes: the classic three, plus the trade and interoperability (census, SIMDASI) routes. */
export type Action =
	| 'list'
	| 'view'
	| 'domain'
	| 'dataexim/'
	| 'interoperabilitas/datasource/sensus/'
	| 'interoperabilitas/datasource/simdasi/';

export type Params = Record<string, string | number | undefined>;

/** Encode a query value; `:` and `;` stay raw (th ranges/lists, as recorded live), spaces become `+`. */
function enc(v: string): string {
	return encodeURIComponent(v)
		.replace(/%3A/gi, ':')
		.replace(/%3B/gi, ';')
		.replace(/%2C/gi, ',')
		.replace(/%20/g, '+');
}

/**
 * The canonical request URL WITHOUT the key: params sorted by name, empty ones dropped. It is the
 * cache key and the URL shown in logs and errors. Query-string style, as recorded from the live API.
 */
export function canonicalUrl(baseUrl: string, action: Action, params: Params): string {
	const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
	const q = Object.keys(params)
		.filter((k) => k !== 'key' && params[k] !== undefined && params[k] !== '')
		.sort()
		.map((k) => `${enc(k)}=${enc(String(params[k]))}`)
		.join('&');
	return q ? `${base}${action}?${q}` : `${base}${action}`;
}

/** The URL actually requested: the canonical URL with `key=` appended. Never log or show it. */
export function withKey(url: string, key: string): string {
	return `${url}${url.includes('?') ? '&' : '?'}key=${enc(key)}`;
}

export interface AttemptOptions {
	fetch: typeof fetch;
	userAgent: string;
	timeoutMs: number;
	/** The caller's signal: aborting it yields BpsError('cancelled'). */
	signal?: AbortSignal;
}

export interface AttemptResult {
	status: number;
	/** The parsed JSON body (may be `null`: see checkEnvelope). */
	body: unknown;
}

/**
 * One HTTP GET. Throws a BpsError for everything that is not a JSON body: cancelled, timeout,
 * network, server (5xx), notFound (404), blocked (HTML/non-JSON, e.g. the WAF page on 403 or 200),
 * unexpected (malformed JSON). Messages and details carry only redacted text.
 */
export async function attempt(url: string, key: string, o: AttemptOptions): Promise<AttemptResult> {
	const shown = redact(url, key);
	if (o.signal?.aborted) {
		throw cancelledError(shown);
	}
	const timeout = new AbortController();
	const timer = setTimeout(() => timeout.abort(), o.timeoutMs);
	const signal = o.signal ? AbortSignal.any([o.signal, timeout.signal]) : timeout.signal;
	let status = 0;
	let contentType = '';
	let text: string;
	try {
		const res = await o.fetch(withKey(url, key), {
			method: 'GET',
			// Node's default UA is blocked by the BPS WAF (and by the emulator): always send ours.
			headers: { 'User-Agent': o.userAgent, Accept: 'application/json' },
			signal,
			redirect: 'follow',
		});
		status = res.status;
		contentType = res.headers.get('content-type') ?? '';
		if (status >= 500) {
			// Free the connection; the body of a 5xx is of no use to us.
			await res.body?.cancel().catch(() => undefined);
			throw new BpsError('server', `The BPS API had a server error (HTTP ${status}).`, {
				status,
				url: shown,
			});
		}
		// Read the body under the same timeout: a server that stalls mid-body must not hang us.
		text = await res.text();
	} catch (e) {
		if (e instanceof BpsError) {
			throw e;
		}
		if (o.signal?.aborted) {
			throw cancelledError(shown);
		}
		if (timeout.signal.aborted) {
			throw new BpsError(
				'timeout',
				`The BPS API did not answer within ${Math.round(o.timeoutMs / 100) / 10} s.`,
				{
					status: status || undefined,
					url: shown,
				},
			);
		}
		throw new BpsError('network', `Could not reach the BPS API: ${redact(describeError(e), key)}`, {
			status: status || undefined,
			url: shown,
			cause: redact(describeError(e), key),
		});
	} finally {
		clearTimeout(timer);
	}
	if (status === 404) {
		throw new BpsError('notFound', 'The BPS API has no such resource (HTTP 404).', { status, url: shown });
	}
	const trimmed = text.trimStart();
	if (/html/i.test(contentType) || trimmed.startsWith('<')) {
		throw new BpsError(
			'blocked',
			`The BPS API answered with a web page instead of data (HTTP ${status}); a firewall probably blocked the request.`,
			{ status, url: shown },
		);
	}
	if (trimmed === '') {
		throw new BpsError('unexpected', `The BPS API sent an empty answer (HTTP ${status}).`, {
			status,
			url: shown,
			field: '(body)',
		});
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		if (!/json/i.test(contentType) && !/^[[{"]/.test(trimmed)) {
			// Plain text from a proxy or firewall is a block page too.
			throw new BpsError('blocked', `The BPS API answered with something other than data (HTTP ${status}).`, {
				status,
				url: shown,
			});
		}
		throw new BpsError('unexpected', `The BPS API sent malformed JSON (HTTP ${status}).`, {
			status,
			url: shown,
			field: '(body)',
		});
	}
	if (status < 200 || status >= 300) {
		// A JSON error body with a 4xx status: let the envelope speak if it can, else report the status.
		checkEnvelope(body, shown, key);
		throw new BpsError('apiError', `The BPS API refused the request (HTTP ${status}).`, {
			status,
			url: shown,
		});
	}
	return { status, body };
}

/** What `checkEnvelope` learned from a successful body. */
export interface Envelope {
	/** `data-availability` is `available` (or absent on an OK body). */
	available: boolean;
	availability: string;
	body: Record<string, unknown>;
}

const BAD_KEY = /not allowed|re-?check your key|invalid key|key (is )?(invalid|required|missing)/i;

/**
 * Classify a parsed JSON body: `null` → tooLarge; `{status:"Error"}` → badKey / apiError (the API
 * sends these with HTTP 200); anything that is not an object → unexpected. Else the envelope.
 */
export function checkEnvelope(body: unknown, shownUrl?: string, key?: string): Envelope {
	if (body === null) {
		throw new BpsError(
			'tooLarge',
			'The BPS API cannot answer a request this large (it returned null). Ask for fewer periods or fewer regions.',
			{ url: shownUrl },
		);
	}
	if (typeof body !== 'object' || Array.isArray(body)) {
		throw new BpsError('unexpected', 'Unexpected response from the BPS API: (body): expected an object.', {
			url: shownUrl,
			field: '(body)',
		});
	}
	const o = body as Record<string, unknown>;
	const status = typeof o.status === 'string' ? o.status.toLowerCase() : undefined;
	if (status === 'error') {
		const apiMessage = redact(typeof o.message === 'string' ? o.message : '', key);
		if (BAD_KEY.test(apiMessage)) {
			throw new BpsError(
				'badKey',
				'The BPS API rejected the API key. Check the key in the developer portal.',
				{
					apiMessage,
					url: shownUrl,
				},
			);
		}
		throw new BpsError('apiError', `The BPS API returned an error: ${apiMessage || '(no message)'}`, {
			apiMessage,
			url: shownUrl,
		});
	}
	const availability =
		typeof o['data-availability'] === 'string' ? (o['data-availability'] as string) : 'available';
	return { available: availability === 'available', availability, body: o };
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base·2^attempt)]. */
export function backoffDelay(
	attemptIndex: number,
	baseMs: number,
	capMs = 8000,
	random: () => number = Math.random,
): number {
	const ceiling = Math.min(capMs, baseMs * 2 ** attemptIndex);
	return Math.floor(random() * ceiling);
}

/** Sleep that ends early with BpsError('cancelled') when `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) {
		return Promise.reject(cancelledError());
	}
	return new Promise((resolve, reject) => {
		const onAbort = () => {
			clearTimeout(t);
			reject(cancelledError());
		};
		const t = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}

export function cancelledError(url?: string): BpsError {
	return new BpsError('cancelled', 'The request was cancelled.', url ? { url } : {});
}

function describeError(e: unknown): string {
	if (e instanceof Error) {
		const cause = (e as { cause?: unknown }).cause;
		const c = cause instanceof Error ? ` (${(cause as NodeJS.ErrnoException).code ?? cause.message})` : '';
		return `${e.message}${c}`;
	}
	return String(e);
}
