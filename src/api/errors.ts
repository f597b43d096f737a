/**
 * Typed errors for everything that can go wrong between us and the BPS WebAPI. Messages are
 * plain English for logs; the UI maps `kind` to a localised message (`describeError` in src/util/errors.ts).
 * No message ever contains the API key: URLs pass through `redact()` first.
 */
export type BpsErrorKind =
	/** No key stored yet. */
	| 'noKey'
	/** The API rejected the key ("You are not Allowed to take this action…"). */
	| 'badKey'
	/** The API answered but holds no data for the request (list-not-available, not-available, unavailable). */
	| 'noData'
	/** The window is too large: the API answered JSON `null`. Fewer periods or regions help. */
	| 'tooLarge'
	/** The perimeter WAF (or a proxy/firewall) answered an HTML page instead of JSON. */
	| 'blocked'
	/** HTTP 404: no such route or item. */
	| 'notFound'
	/** The API answered `status:"Error"` with a message we have no specific kind for (e.g. th cap). */
	| 'apiError'
	/** HTTP 5xx after the retries ran out. */
	| 'server'
	/** Connection refused/reset/dropped, DNS failure… after the retries ran out. */
	| 'network'
	/** No response within the per-request timeout, after the retries ran out. */
	| 'timeout'
	/** The caller aborted (AbortSignal). Never shown as an error to the user. */
	| 'cancelled'
	/** Malformed JSON or a shape we do not understand; `field` names where. */
	| 'unexpected';

export class BpsError extends Error {
	override readonly name = 'BpsError';
	constructor(
		readonly kind: BpsErrorKind,
		message: string,
		readonly details: {
			/** HTTP status, when there was a response. */
			status?: number;
			/** The API's own message text, for `apiError`/`badKey`. */
			apiMessage?: string;
			/** For `unexpected`: the path of the offending field, e.g. `data[1][3].var_id`. */
			field?: string;
			/** The request URL with the key redacted. */
			url?: string;
			cause?: unknown;
		} = {},
	) {
		super(message);
	}

	/** Errors worth retrying with backoff. Never a bad key. */
	get retryable(): boolean {
		return this.kind === 'server' || this.kind === 'network' || this.kind === 'timeout';
	}
}

export function isBpsError(e: unknown, kind?: BpsErrorKind): e is BpsError {
	return e instanceof BpsError && (kind === undefined || e.kind === kind);
}

export function isCancelled(e: unknown): boolean {
	return isBpsError(e, 'cancelled') || (e instanceof Error && e.name === 'AbortError');
}

/**
 * The failures that mean "the API cannot be reached right now" rather than "the API said no": the
 * client serves an expired cache entry for them, and the UI says "offline" instead of an error.
 */
const OFFLINE_KINDS: ReadonlySet<BpsErrorKind> = new Set<BpsErrorKind>([
	'network',
	'timeout',
	'server',
	'blocked',
]);

export function isOfflineError(kind: BpsErrorKind): boolean {
	return OFFLINE_KINDS.has(kind);
}
