/**
 * Response cache contract and an in-memory LRU implementation. Keys are canonical request URLs
 * WITHOUT the API key (`canonicalUrl()` in http.ts); bodies are the API's raw JSON answers, so
 * nothing stored here ever contains the key.
 */

export interface CacheEntry {
	/** The raw JSON body the API answered (an `OK` envelope; never an error envelope). */
	body: unknown;
	/** Epoch ms when it was fetched. */
	fetchedAt: number;
	/** Which TTL applies: `data` for `model=data`, `metadata` for everything else. */
	kind: 'metadata' | 'data';
}

export interface ResponseCache {
	/** Settles once a persisted cache has been read; the client waits for it before its first lookup. */
	readonly ready?: PromiseLike<unknown>;
	/** A store on disk answers asynchronously; the client awaits either. */
	get(key: string): CacheEntry | undefined | Promise<CacheEntry | undefined>;
	set(key: string, e: CacheEntry): void;
	delete?(key: string): void;
	clear(): void;
}

/** A Map kept in least-recently-used order and bounded by entry count. */
export class MemoryCache implements ResponseCache {
	private readonly map = new Map<string, CacheEntry>();

	constructor(private readonly maxEntries = 1000) {}

	get size(): number {
		return this.map.size;
	}

	get(key: string): CacheEntry | undefined {
		const e = this.map.get(key);
		if (e) {
			// Re-insert: Map iteration order is insertion order, so the oldest key is first.
			this.map.delete(key);
			this.map.set(key, e);
		}
		return e;
	}

	set(key: string, e: CacheEntry): void {
		this.map.delete(key);
		this.map.set(key, e);
		while (this.map.size > Math.max(1, this.maxEntries)) {
			const oldest = this.map.keys().next().value as string;
			this.map.delete(oldest);
		}
	}

	delete(key: string): void {
		this.map.delete(key);
	}

	clear(): void {
		this.map.clear();
	}

	/** Entries, least recently used first. */
	entries(): IterableIterator<[string, CacheEntry]> {
		return this.map.entries();
	}
}
