/** Waiting on work that may be cancelled. Pure (no `vscode`). */

/** Settles with `p`, or rejects as cancelled as soon as `signal` aborts (`p` itself runs on). */
export function raceAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
	if (signal.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(new DOMException('aborted', 'AbortError'));
		signal.addEventListener('abort', onAbort, { once: true });
		p.then(
			(v) => {
				signal.removeEventListener('abort', onAbort);
				resolve(v);
			},
			(e) => {
				signal.removeEventListener('abort', onAbort);
				reject(e);
			},
		);
	});
}
