/**
 * A response cache that survives restarts, in the extension's globalStorage: one file per entry
 * (entryStore.ts) behind a small in-memory layer of recent entries. A change writes one file and a
 * lookup reads one, so neither grows with the cache. All I/O is asynchronous; the extension host's
 * main thread only serialises and parses the one entry concerned.
 *
 * Bounded by entry count and by total size: when a write takes the cache over either bound, the
 * folder is scanned and the least recently used files are deleted down to 90 % of the bounds, so
 * the scan happens once per tenth of the cache written, not per change. Last use is the file's
 * mtime, shared by every window on the same folder; each window's writes are whole files, so no
 * window overwrites another's entries.
 *
 * The old format (one JSON file holding everything) is read once, written out entry by entry,
 * then deleted. No `vscode` import — unit-tested in mocha. Keys are canonical URLs without the API
 * key and bodies are API answers, so the key is never stored.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CacheEntry, ResponseCache } from '../api/cache';
import { MemoryCache } from '../api/cache';
import { EntryStore, isLegacyPair, type StoreLog } from './entryStore';

export interface PersistentCacheOptions {
	/** The extension's globalStorage directory (created when missing). */
	dir: string;
	/** Sub-folder for the entries. Default `bps-response-cache`. */
	folderName?: string;
	/** Default 2000 entries. */
	maxEntries?: number;
	/** Upper bound of the entries' total size in bytes. Default 50 MB. */
	maxBytes?: number;
	/** Entries kept parsed in memory. Default 64. */
	memoryEntries?: number;
	log?: StoreLog;
}

/** The single file of the old format, read once and deleted. */
export const LEGACY_FILE = 'bps-response-cache.json';
const LEGACY_VERSION = 1;
/** Eviction goes down to this share of each bound, so the next scan is a tenth of the cache away. */
const LOW_WATER = 0.9;

export class PersistentCache implements ResponseCache {
	private readonly store: EntryStore;
	private readonly mem: MemoryCache;
	private readonly maxEntries: number;
	private readonly maxBytes: number;
	private readonly log: StoreLog;
	private readonly legacyFile: string;
	/** Bytes per entry file known to this window: from the last scan, plus its own writes since. */
	private readonly known = new Map<string, number>();
	private knownBytes = 0;
	/** Whether `known` has been filled by a scan (until then no eviction is decided). */
	private scanned = false;
	/** Writes, deletes and evictions under way: `flush()` waits for them. */
	private readonly pending = new Set<Promise<unknown>>();
	/** Settles when the last Clear Cache has finished on disk; reads and writes start after it. */
	private barrier: Promise<void> = Promise.resolve();
	private trimming: Promise<void> | undefined;
	private loading: Promise<void> | undefined;
	private disposed = false;

	constructor(opts: PersistentCacheOptions) {
		this.log = opts.log ?? (() => undefined);
		this.store = new EntryStore(path.join(opts.dir, opts.folderName ?? 'bps-response-cache'), this.log);
		this.legacyFile = path.join(opts.dir, LEGACY_FILE);
		this.maxEntries = Math.max(1, opts.maxEntries ?? 2000);
		this.maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
		this.mem = new MemoryCache(Math.min(this.maxEntries, opts.memoryEntries ?? 64));
	}

	/** The folder holding one file per entry. */
	get dir(): string {
		return this.store.dir;
	}

	/** Entries on disk as far as this window knows (its last scan plus its own writes since). */
	get size(): number {
		return this.known.size;
	}

	/** Settles when `load()` has finished (at once when it was never called). */
	get ready(): Promise<void> {
		return (this.loading ?? Promise.resolve()).catch(() => undefined);
	}

	/**
	 * Open the folder, and migrate the old single file if one is there. Nothing else is read: a
	 * lookup reads its own entry, so start-up costs the same at any size.
	 */
	load(): Promise<void> {
		this.loading ??= this.store.open().then(() => this.migrate());
		return this.loading;
	}

	get(key: string): CacheEntry | undefined | Promise<CacheEntry | undefined> {
		const hot = this.mem.get(key);
		if (hot) {
			this.store.touch(key);
			return hot;
		}
		const barrier = this.barrier;
		return barrier
			.then(() => this.store.read(key))
			.then((e) => {
				// A Clear Cache that started meanwhile wins over what was read before it.
				if (!e || this.barrier !== barrier) return undefined;
				// A set() meanwhile is newer than the file read.
				const newer = this.mem.get(key);
				if (newer) return newer;
				this.mem.set(key, e);
				return e;
			});
	}

	set(key: string, e: CacheEntry): void {
		this.mem.set(key, e);
		const name = EntryStore.nameOf(key);
		const barrier = this.barrier;
		this.track(
			barrier
				.then(() => this.store.write(key, e))
				.then((bytes) => {
					// Cleared meanwhile: the clear deletes this file once the write has landed.
					if (this.barrier !== barrier) return;
					this.knownBytes += bytes - (this.known.get(name) ?? 0);
					this.known.set(name, bytes);
					if (this.known.size > this.maxEntries || this.knownBytes > this.maxBytes || !this.scanned) {
						this.trim();
					}
				}),
			'write',
		);
	}

	delete(key: string): void {
		this.mem.delete(key);
		const name = EntryStore.nameOf(key);
		this.knownBytes -= this.known.get(name) ?? 0;
		this.known.delete(name);
		this.track(
			this.barrier.then(() => this.store.remove(key)),
			'delete',
		);
	}

	/** Empty memory and disk. Writes already under way finish first, so none survives the clear. */
	clear(): void {
		this.mem.clear();
		this.known.clear();
		this.knownBytes = 0;
		const before = [...this.pending];
		this.barrier = Promise.allSettled(before)
			.then(() => this.store.clear())
			.catch((e) => this.log('warn', `Response cache: cannot clear ${this.dir}: ${String(e)}`));
		this.track(this.barrier, 'clear');
	}

	/** Wait for every write, delete and eviction under way. */
	async flush(): Promise<void> {
		while (this.pending.size) {
			await Promise.allSettled([...this.pending]);
		}
	}

	/** Flush and stop evicting. */
	async dispose(): Promise<void> {
		await this.flush();
		this.disposed = true;
	}

	private track(p: Promise<unknown>, what: string): void {
		const q = p.catch((e) => this.log('warn', `Response cache: ${what} failed: ${String(e)}`));
		this.pending.add(q);
		void q.finally(() => this.pending.delete(q));
	}

	/**
	 * Learn what is on disk (all windows' entries) and, when over a bound, delete the least
	 * recently used down to the low-water mark. One at a time; off the lookup path.
	 */
	private trim(): void {
		if (this.trimming || this.disposed) return;
		const run = async () => {
			const files = await this.store.scan();
			// Writes that finished during the scan are newer than what it saw.
			const seen = new Map(files.map((f) => [f.name, f]));
			for (const [name, bytes] of this.known) {
				if (!seen.has(name)) seen.set(name, { name, bytes, usedMs: Date.now() });
			}
			const all = [...seen.values()].sort((a, b) => a.usedMs - b.usedMs);
			let count = all.length;
			let bytes = all.reduce((s, f) => s + f.bytes, 0);
			const evict: string[] = [];
			if (count > this.maxEntries || bytes > this.maxBytes) {
				const maxCount = Math.floor(this.maxEntries * LOW_WATER);
				const maxBytes = this.maxBytes * LOW_WATER;
				for (const f of all) {
					if (count <= maxCount && bytes <= maxBytes) break;
					evict.push(f.name);
					count--;
					bytes -= f.bytes;
				}
				this.log('debug', `Response cache: evicting ${evict.length} of ${all.length} entries.`);
			}
			const gone = new Set(evict);
			this.known.clear();
			this.knownBytes = 0;
			for (const f of all) {
				if (gone.has(f.name)) continue;
				this.known.set(f.name, f.bytes);
				this.knownBytes += f.bytes;
			}
			this.scanned = true;
			if (evict.length) {
				// The memory layer may hold what is evicted: an entry must not outlive the bound there.
				this.mem.clear();
				await this.store.unlinkAll(evict);
			}
		};
		this.trimming = this.barrier.then(run).finally(() => (this.trimming = undefined));
		this.track(this.trimming, 'eviction');
	}

	/** Write the old single file's entries out one by one (oldest first, keeping their order), then delete it. */
	private async migrate(): Promise<void> {
		let text: string;
		try {
			text = await fs.readFile(this.legacyFile, 'utf8');
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
				this.log('warn', `Response cache: cannot read ${this.legacyFile}: ${String(e)}`);
			}
			return;
		}
		let entries: unknown[];
		try {
			const parsed = JSON.parse(text) as { version?: unknown; entries?: unknown };
			if (!parsed || parsed.version !== LEGACY_VERSION || !Array.isArray(parsed.entries)) {
				throw new Error('unknown format');
			}
			entries = parsed.entries;
		} catch (e) {
			this.log(
				'warn',
				`Response cache: discarding corrupt file ${this.legacyFile} (${(e as Error).message}).`,
			);
			await fs.rm(this.legacyFile, { force: true }).catch(() => undefined);
			return;
		}
		const pairs = entries.filter(isLegacyPair);
		// The old file lists the least recently used first: give them increasing last-use times.
		const base = Date.now() - pairs.length;
		let written = 0;
		for (let i = 0; i < pairs.length; i += 16) {
			await Promise.all(
				pairs.slice(i, i + 16).map(async ([key, entry], j) => {
					const bytes = await this.store.write(key, entry, base + i + j);
					const name = EntryStore.nameOf(key);
					this.knownBytes += bytes - (this.known.get(name) ?? 0);
					this.known.set(name, bytes);
					written++;
				}),
			);
		}
		await fs.rm(this.legacyFile, { force: true });
		this.log('info', `Response cache: moved ${written} entries from ${LEGACY_FILE} to one file each.`);
	}
}
