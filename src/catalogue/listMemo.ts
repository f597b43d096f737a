/**
 * Promises of catalogue lists by key, so the tree, search and pickers can ask again without a
 * request. A success is kept until cleared or refreshed; a failure never is (the next ask — Retry —
 * must reach the network), and a failed refresh puts back the last good list.
 */
export class ListMemo {
	private readonly memo = new Map<string, Promise<unknown>>();
	/** Keys whose promise has resolved (what can be read without a request). */
	private readonly settled = new Set<string>();

	constructor(
		/** Called when a refresh (`bypass`) has replaced a kept list. */
		private readonly onRefreshed: () => void = () => undefined,
		private readonly onFailed: (key: string, e: unknown) => void = () => undefined,
	) {}

	/** The kept promise for `key`, or `load()`'s (always `load()`'s when `bypass`). */
	get<T>(key: string, bypass: boolean, load: () => Promise<T>): Promise<T> {
		const hit = this.memo.get(key) as Promise<T> | undefined;
		if (hit && !bypass) return hit;
		const p = load();
		this.memo.set(key, p);
		p.then(
			() => {
				if (this.memo.get(key) === p) this.settled.add(key);
				if (bypass) this.onRefreshed();
			},
			(e: unknown) => {
				if (this.memo.get(key) === p) {
					if (hit) this.memo.set(key, hit);
					else this.memo.delete(key);
				}
				this.onFailed(key, e);
			},
		);
		return p;
	}

	/** True when `key`'s list has arrived: reading it sends no request. */
	isSettled(key: string): boolean {
		return this.settled.has(key);
	}

	clear(): void {
		this.memo.clear();
		this.settled.clear();
	}
}
