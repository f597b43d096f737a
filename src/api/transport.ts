/**
 * The plumbing under every BPS call: one logical GET goes cache → in-flight dedup → limiter +
 * retries (exponential backoff, full jitter) → cache store, or the stale fallback when the network
 * fails. Endpoint methods (client.ts) only build parameters and shape answers on top of `get()`.
 * The key is fetched per request from `getKey()` and never leaves this module unredacted.
 */
import type { CacheEntry, ResponseCache } from './cache';
import { BpsError, isBpsError, isOfflineError } from './errors';
import type { Action, Params } from './http';
import { attempt, backoffDelay, canonicalUrl, cancelledError, checkEnvelope, sleep } from './http';
import { Limiter } from './limiter';
import { redact } from './redact';
import type { Freshness, Lang } from './types';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export interface RequestEvent {
	/** The request URL, key redacted. */
	url: string;
	/** `network`: an HTTP request went out; `cache`: fresh cache hit; `stale`: expired entry served after a failure; `dedup`: joined an identical in-flight request. */
	source: 'network' | 'cache' | 'stale' | 'dedup';
	status?: number;
	ms?: number;
}

export interface BpsClientOptions {
	/** e.g. https://webapi.bps.go.id/v1/api/ (with or without trailing /) */
	baseUrl: string;
	/** undefined → BpsError('noKey') without any request. */
	getKey: () => Promise<string | undefined>;
	/** Sent on every request; Node's default UA is blocked by the BPS WAF. */
	userAgent: string;
	/** Default 'ind'. */
	lang?: Lang;
	/** Default globalThis.fetch. */
	fetch?: typeof fetch;
	/** Per attempt, default 30000. */
	timeoutMs?: number;
	/** Default 3 (up to 4 attempts), on network/timeout/5xx only — never on a bad key, 4xx or WAF page. */
	retries?: number;
	/** Default 500; exponential with full jitter, capped at 8 s. */
	backoffBaseMs?: number;
	/** Global concurrency limit, default 4. */
	maxConcurrent?: number;
	/** Request-rate ceiling (token bucket), default 5. */
	maxRequestsPerSecond?: number;
	cache?: ResponseCache;
	/** Default 7 days / 1 day. */
	ttl?: { metadataMs: number; dataMs: number };
	/** Messages are already redacted. */
	log?: (level: LogLevel, message: string) => void;
	/** For request counting (benchmarks, tests). */
	onRequest?: (e: RequestEvent) => void;
}

/** A raw answer plus where it came from. */
export interface Fetched extends Freshness {
	body: unknown;
	/** Redacted URL, for error details. */
	url: string;
}

export interface GetOptions {
	signal?: AbortSignal;
	bypassCache?: boolean;
	kind: CacheEntry['kind'];
}

const DAY = 86_400_000;
const BACKOFF_CAP_MS = 8000;

interface Flight {
	promise: Promise<{ body: unknown; fetchedAt: number }>;
	ctl: AbortController;
	waiters: number;
}

export class Transport {
	private o: BpsClientOptions;
	private readonly limiter: Limiter;
	private readonly inflight = new Map<string, Flight>();

	constructor(o: BpsClientOptions) {
		this.o = { ...o };
		this.limiter = new Limiter(limiterOptions(this.o));
	}

	/** Change options at run time. Omitted options keep their value. */
	configure(o: Partial<BpsClientOptions>): void {
		this.o = { ...this.o, ...o };
		if (o.maxConcurrent !== undefined || o.maxRequestsPerSecond !== undefined) {
			this.limiter.configure(limiterOptions(this.o));
		}
	}

	get lang(): Lang {
		return this.o.lang ?? 'ind';
	}

	/** One logical request: cache → in-flight dedup → limiter + retries → cache store / stale fallback. */
	async get(action: Action, params: Params, opts: GetOptions): Promise<Fetched> {
		if (opts.signal?.aborted) {
			throw cancelledError();
		}
		const key = await this.o.getKey();
		if (!key) {
			throw new BpsError('noKey', 'No BPS API key is set.');
		}
		const url = canonicalUrl(this.o.baseUrl, action, params);
		const shown = redact(url, key);
		const cache = this.o.cache;
		if (cache?.ready) {
			// A persisted cache still opening after a window reload: wait, or warm actions would hit the network.
			await cache.ready;
		}
		const cached = await cache?.get(url);
		if (cached && !opts.bypassCache && Date.now() - cached.fetchedAt < this.ttl(cached.kind)) {
			this.o.onRequest?.({ url: shown, source: 'cache' });
			return { body: cached.body, fetchedAt: cached.fetchedAt, stale: false, url: shown };
		}
		try {
			const r = await this.shared(url, key, opts);
			return { body: r.body, fetchedAt: r.fetchedAt, stale: false, url: shown };
		} catch (e) {
			if (cached && !opts.bypassCache && isBpsError(e) && isOfflineError(e.kind)) {
				this.log(
					'warn',
					`Serving cached answer from ${new Date(cached.fetchedAt).toISOString()} for ${shown}: ${e.message}`,
				);
				this.o.onRequest?.({ url: shown, source: 'stale' });
				return { body: cached.body, fetchedAt: cached.fetchedAt, stale: true, url: shown };
			}
			throw e;
		}
	}

	/**
	 * Identical requests in flight share one HTTP exchange. Each caller can still cancel on its own;
	 * the exchange itself is aborted only when every caller has gone.
	 */
	private shared(url: string, key: string, opts: GetOptions): Promise<{ body: unknown; fetchedAt: number }> {
		// The key is part of the identity (a new key must not join a request made with the old one),
		// but the map is private memory: never logged.
		const id = `${url}\n${key}`;
		let f = this.inflight.get(id);
		if (f) {
			this.o.onRequest?.({ url: redact(url, key), source: 'dedup' });
		} else {
			const ctl = new AbortController();
			const flight: Flight = {
				ctl,
				waiters: 0,
				promise: this.fetchWithRetry(url, key, ctl.signal).then((r) => {
					// Only OK envelopes get here (error envelopes and `null` threw in the attempt): safe to cache.
					this.o.cache?.set(url, { body: r.body, fetchedAt: r.fetchedAt, kind: opts.kind });
					return r;
				}),
			};
			flight.promise
				.finally(() => {
					if (this.inflight.get(id) === flight) {
						this.inflight.delete(id);
					}
				})
				.catch(() => undefined);
			this.inflight.set(id, flight);
			f = flight;
		}
		const flight = f;
		flight.waiters++;
		return new Promise((resolve, reject) => {
			const signal = opts.signal;
			const onAbort = () => {
				reject(cancelledError(redact(url, key)));
				if (--flight.waiters === 0) {
					// Nobody wants the answer any more: stop it, and let the next caller start afresh.
					if (this.inflight.get(id) === flight) {
						this.inflight.delete(id);
					}
					flight.ctl.abort();
				}
			};
			if (signal?.aborted) {
				onAbort();
				return;
			}
			signal?.addEventListener('abort', onAbort, { once: true });
			flight.promise.then(
				(r) => {
					signal?.removeEventListener('abort', onAbort);
					resolve(r);
				},
				(e) => {
					signal?.removeEventListener('abort', onAbort);
					reject(e);
				},
			);
		});
	}

	private async fetchWithRetry(
		url: string,
		key: string,
		signal: AbortSignal,
	): Promise<{ body: unknown; fetchedAt: number }> {
		const retries = Math.max(0, this.o.retries ?? 3);
		const shown = redact(url, key);
		for (let i = 0; ; i++) {
			try {
				return await this.limiter.run(async () => {
					const t0 = Date.now();
					let status: number | undefined;
					try {
						const r = await attempt(url, key, {
							fetch: this.o.fetch ?? globalThis.fetch,
							userAgent: this.o.userAgent,
							timeoutMs: this.o.timeoutMs ?? 30_000,
							signal,
						});
						status = r.status;
						// Classify the envelope inside the attempt: error envelopes and `null` are final answers.
						checkEnvelope(r.body, shown, key);
						return { body: r.body, fetchedAt: Date.now() };
					} catch (e) {
						status = isBpsError(e) ? (e.details.status ?? status) : status;
						throw e;
					} finally {
						const ms = Date.now() - t0;
						if (!signal.aborted) {
							this.o.onRequest?.({ url: shown, source: 'network', status, ms });
							this.log('debug', `GET ${shown} → ${status ?? 'no response'} (${ms} ms)`);
						}
					}
				}, signal);
			} catch (e) {
				const err = isBpsError(e)
					? e
					: new BpsError('network', `Request failed: ${redact(String(e), key)}`, { url: shown });
				if (err.kind === 'cancelled' || signal.aborted) {
					throw cancelledError(shown);
				}
				if (!err.retryable || i >= retries) {
					this.log('warn', `${shown}: ${err.message}`);
					throw err;
				}
				const delay = backoffDelay(i, this.o.backoffBaseMs ?? 500, BACKOFF_CAP_MS);
				this.log('warn', `${shown}: ${err.message} Retry ${i + 1}/${retries} in ${delay} ms.`);
				await sleep(delay, signal);
			}
		}
	}

	private ttl(kind: CacheEntry['kind']): number {
		const t = this.o.ttl ?? { metadataMs: 7 * DAY, dataMs: DAY };
		return kind === 'data' ? t.dataMs : t.metadataMs;
	}

	private log(level: LogLevel, message: string): void {
		this.o.log?.(level, message);
	}
}

/**
 * The token bucket holds one second's worth of requests: the metadata and the ⌈periods / cap⌉
 * data calls of one preview start together, while the average rate stays at the ceiling and the
 * concurrency limit still bounds what is in flight.
 */
function limiterOptions(o: BpsClientOptions): {
	maxConcurrent: number;
	ratePerSecond: number;
	burst: number;
} {
	const maxConcurrent = o.maxConcurrent ?? 4;
	const ratePerSecond = o.maxRequestsPerSecond ?? 5;
	return { maxConcurrent, ratePerSecond, burst: Math.max(1, Math.floor(ratePerSecond)) };
}
