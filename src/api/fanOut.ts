/**
 * Concurrent sub-requests of one call (the pages of a list, the period chunks of a data request)
 * that succeed or fail together.
 */
import { setMaxListeners } from 'node:events';
import { cancelledError } from './http';

/**
 * Run `task` for every item at once (the limiter bounds what really goes out) and return the
 * results in order. The first failure aborts the others, so they stop spending the rate budget,
 * and it is the error thrown — not the 'cancelled' of a sibling it aborted, which Promise.all may
 * see first. When the caller's own signal aborts, the call ends as 'cancelled'.
 */
export async function fanOut<T, R>(
	items: readonly T[],
	signal: AbortSignal | undefined,
	task: (item: T, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
	const group = linkedController(signal);
	let firstError: unknown;
	try {
		return await Promise.all(
			items.map(async (item) => {
				try {
					return await task(item, group.signal);
				} catch (e) {
					if (firstError === undefined && !group.signal.aborted) firstError = e;
					group.abort();
					throw e;
				}
			}),
		);
	} catch (e) {
		throw signal?.aborted ? cancelledError() : (firstError ?? e);
	} finally {
		group.dispose();
	}
}

/** An AbortController that also aborts when `parent` does; `dispose()` unhooks it. */
function linkedController(parent?: AbortSignal): { signal: AbortSignal; abort(): void; dispose(): void } {
	const ctl = new AbortController();
	// Every page or chunk request (and its limiter wait) listens to this signal: hundreds is normal.
	setMaxListeners(0, ctl.signal);
	const onAbort = () => ctl.abort();
	if (parent?.aborted) {
		ctl.abort();
	}
	parent?.addEventListener('abort', onAbort, { once: true });
	return {
		signal: ctl.signal,
		abort: () => ctl.abort(),
		dispose: () => parent?.removeEventListener('abort', onAbort),
	};
}
