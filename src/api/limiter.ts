/**
 * A global request limiter: at most `maxConcurrent` tasks at once AND a request-rate ceiling
 * (token bucket, `ratePerSecond` tokens per second, `burst` capacity). Waiters are served FIFO;
 * a waiter whose AbortSignal fires leaves the queue at once with BpsError('cancelled').
 * Reusable outside the client (e.g. for anything else that must share the API's budget).
 */
import { BpsError } from './errors';

export interface LimiterOptions {
	/** Tasks running at once. Default 4. */
	maxConcurrent?: number;
	/** Task starts per second; `0` or `Infinity` = no rate ceiling. Default 5. */
	ratePerSecond?: number;
	/**
	 * Bucket capacity: starts allowed back to back after a quiet spell. Default 1, i.e. starts are
	 * evenly spaced 1/rate apart — a strict ceiling (never more than rate+1 starts in any second).
	 */
	burst?: number;
	/** Clock, for tests. */
	now?: () => number;
}

interface Waiter {
	resolve: () => void;
	reject: (e: unknown) => void;
	signal?: AbortSignal;
	onAbort?: () => void;
}

export class Limiter {
	private maxConcurrent = 4;
	private rate = 5;
	private burst = 1;
	private readonly now: () => number;
	private tokens: number;
	private lastRefill: number;
	private active = 0;
	private readonly queue: Waiter[] = [];
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(opts: LimiterOptions = {}) {
		this.now = opts.now ?? (() => Date.now());
		this.configure(opts);
		this.tokens = this.burst;
		this.lastRefill = this.now();
	}

	/** Change the limits at run time (settings changed). Queued waiters are re-evaluated. */
	configure(opts: LimiterOptions): void {
		if (opts.maxConcurrent !== undefined) {
			this.maxConcurrent = Math.max(1, Math.floor(opts.maxConcurrent) || 1);
		}
		if (opts.ratePerSecond !== undefined) {
			this.rate = opts.ratePerSecond > 0 ? opts.ratePerSecond : Infinity;
		}
		if (opts.burst !== undefined) {
			this.burst = Math.max(1, opts.burst);
		}
		if (this.tokens !== undefined) {
			this.tokens = Math.min(this.tokens, this.burst);
			this.pump();
		}
	}

	/** Tasks running now. */
	get running(): number {
		return this.active;
	}

	/** Tasks waiting for a slot or a token. */
	get pending(): number {
		return this.queue.length;
	}

	/** Run `task` when a slot and a token are free. Rejects with BpsError('cancelled') if `signal` fires while queued. */
	async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
		await this.acquire(signal);
		try {
			return await task();
		} finally {
			this.release();
		}
	}

	/** Wait for a slot (and a token). Pair every successful acquire with one `release()`. */
	acquire(signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) {
			return Promise.reject(cancelled());
		}
		return new Promise<void>((resolve, reject) => {
			const w: Waiter = { resolve, reject, signal };
			if (signal) {
				w.onAbort = () => {
					const i = this.queue.indexOf(w);
					if (i >= 0) {
						this.queue.splice(i, 1);
						reject(cancelled());
					}
				};
				signal.addEventListener('abort', w.onAbort, { once: true });
			}
			this.queue.push(w);
			this.pump();
		});
	}

	release(): void {
		this.active = Math.max(0, this.active - 1);
		this.pump();
	}

	private refill(): void {
		const t = this.now();
		if (this.rate === Infinity) {
			this.tokens = this.burst;
		} else {
			this.tokens = Math.min(this.burst, this.tokens + ((t - this.lastRefill) / 1000) * this.rate);
		}
		this.lastRefill = t;
	}

	private pump(): void {
		while (this.queue.length > 0 && this.active < this.maxConcurrent) {
			this.refill();
			if (this.tokens < 1) {
				this.schedule(((1 - this.tokens) / this.rate) * 1000);
				return;
			}
			this.tokens -= 1;
			this.active++;
			const w = this.queue.shift()!;
			if (w.signal && w.onAbort) {
				w.signal.removeEventListener('abort', w.onAbort);
			}
			w.resolve();
		}
	}

	private schedule(ms: number): void {
		if (this.timer) {
			return;
		}
		this.timer = setTimeout(
			() => {
				this.timer = undefined;
				this.pump();
			},
			Math.max(1, Math.ceil(ms)),
		);
	}
}

function cancelled(): BpsError {
	return new BpsError('cancelled', 'The request was cancelled.');
}
