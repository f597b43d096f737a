/**
 * A response cache that survives restarts: an in-memory LRU backed by one JSON file in a given
 * directory (the extension's globalStorage). Node `fs` only — no `vscode` import — so it is
 * unit-testable. The file is loaded once (`load()`), rewritten debounced after changes, and bounded
 * by entry count and by size. A corrupt file is discarded with a log line, never a crash.
 * Keys are canonical URLs without the API key and bodies are API answers, so the key is never stored.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CacheEntry, ResponseCache } from '../api/cache';
import { MemoryCache } from '../api/cache';

export interface PersistentCacheOptions {
	/** Directory for the file (created when missing). */
	dir: string;
	/** Default `bps-response-cache.json`. */
	fileName?: string;
	/** Default 2000 entries. */
	maxEntries?: number;
	/** Upper bound of the file size in bytes; oldest entries are dropped first. Default 50 MB. */
	maxBytes?: number;
	/** Write delay after the last change. Default 2000 ms. */
	debounceMs?: number;
	log?: (level: 'trace' | 'debug' | 'info' | 'warn' | 'error', message: string) => void;
}

const FORMAT_VERSION = 1;

interface FileShape {
	version: number;
	entries: Array<[string, CacheEntry]>;
}

export class PersistentCache implements ResponseCache {
	private readonly mem: MemoryCache;
	private readonly file: string;
	private readonly maxBytes: number;
	private readonly debounceMs: number;
	private readonly log: NonNullable<PersistentCacheOptions['log']>;
	private timer: ReturnType<typeof setTimeout> | undefined;
	/** Serialises writes so two flushes never interleave on the same file. */
	private writing: Promise<void> = Promise.resolve();
	private dirty = false;
	private disposed = false;

	constructor(opts: PersistentCacheOptions) {
		this.mem = new MemoryCache(opts.maxEntries ?? 2000);
		this.file = path.join(opts.dir, opts.fileName ?? 'bps-response-cache.json');
		this.maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
		this.debounceMs = opts.debounceMs ?? 2000;
		this.log = opts.log ?? (() => undefined);
	}

	/** Path of the backing file. */
	get filePath(): string {
		return this.file;
	}

	get size(): number {
		return this.mem.size;
	}

	private loading: Promise<void> | undefined;

	/** Settles when `load()` has finished (at once when it was never called). */
	get ready(): Promise<void> {
		return (this.loading ?? Promise.resolve()).catch(() => undefined);
	}

	/** Read the file into memory once. Missing file → empty; corrupt file → deleted, logged, empty. */
	load(): Promise<void> {
		this.loading ??= this.readFile();
		return this.loading;
	}

	private async readFile(): Promise<void> {
		let text: string;
		try {
			text = await fs.readFile(this.file, 'utf8');
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
				this.log('warn', `Response cache: cannot read ${this.file}: ${String(e)}`);
			}
			return;
		}
		let parsed: FileShape;
		try {
			parsed = JSON.parse(text) as FileShape;
			if (!parsed || parsed.version !== FORMAT_VERSION || !Array.isArray(parsed.entries)) {
				throw new Error('unknown format');
			}
		} catch (e) {
			this.log('warn', `Response cache: discarding corrupt file ${this.file} (${(e as Error).message}).`);
			await fs.rm(this.file, { force: true }).catch(() => undefined);
			return;
		}
		let loaded = 0;
		for (const item of parsed.entries) {
			if (isEntry(item)) {
				// Entries already in memory (set before load finished) are newer: keep them.
				if (!this.mem.get(item[0])) {
					this.mem.set(item[0], item[1]);
				}
				loaded++;
			}
		}
		this.log('debug', `Response cache: loaded ${loaded} entries.`);
	}

	get(key: string): CacheEntry | undefined {
		return this.mem.get(key);
	}

	set(key: string, e: CacheEntry): void {
		this.mem.set(key, e);
		this.markDirty();
	}

	delete(key: string): void {
		this.mem.delete(key);
		this.markDirty();
	}

	/** Empty memory and the file. */
	clear(): void {
		this.mem.clear();
		this.cancelTimer();
		this.dirty = false;
		this.writing = this.writing
			.then(() => fs.rm(this.file, { force: true }))
			.catch((e) => {
				this.log('warn', `Response cache: cannot delete ${this.file}: ${String(e)}`);
			});
	}

	/** Write pending changes now (also waits for a write already under way). */
	async flush(): Promise<void> {
		this.cancelTimer();
		if (this.dirty) {
			this.dirty = false;
			this.writing = this.writing
				.then(() => this.write())
				.catch((e) => {
					this.log('warn', `Response cache: cannot write ${this.file}: ${String(e)}`);
				});
		}
		await this.writing;
	}

	/** Flush and stop scheduling writes. */
	async dispose(): Promise<void> {
		await this.flush();
		this.disposed = true;
	}

	private markDirty(): void {
		this.dirty = true;
		if (this.timer || this.disposed) {
			return;
		}
		this.timer = setTimeout(() => {
			this.timer = undefined;
			void this.flush();
		}, this.debounceMs);
		// A pending write must not keep a process (tests, CLI) alive; dispose() flushes anyway.
		this.timer.unref?.();
	}

	private cancelTimer(): void {
		if (this.timer) {
			clearTimeout(this.timer);
			this.timer = undefined;
		}
	}

	private async write(): Promise<void> {
		// Newest entries first so that, when over the byte budget, the oldest are the ones dropped.
		const all = [...this.mem.entries()].reverse();
		const kept: string[] = [];
		let bytes = 32;
		for (const [key, entry] of all) {
			const s = JSON.stringify([key, entry]);
			const size = Buffer.byteLength(s) + 1;
			if (bytes + size > this.maxBytes) {
				this.mem.delete(key);
				continue;
			}
			bytes += size;
			kept.push(s);
		}
		kept.reverse();
		const text = `{"version":${FORMAT_VERSION},"entries":[\n${kept.join(',\n')}\n]}\n`;
		await fs.mkdir(path.dirname(this.file), { recursive: true });
		// Write then rename: a crash mid-write leaves the old file, never half a file.
		const tmp = `${this.file}.${process.pid}.tmp`;
		await fs.writeFile(tmp, text, 'utf8');
		await fs.rename(tmp, this.file);
	}
}

function isEntry(x: unknown): x is [string, CacheEntry] {
	if (!Array.isArray(x) || x.length !== 2 || typeof x[0] !== 'string') {
		return false;
	}
	const e = x[1] as CacheEntry;
	return (
		!!e &&
		typeof e === 'object' &&
		typeof e.fetchedAt === 'number' &&
		(e.kind === 'metadata' || e.kind === 'data') &&
		'body' in e
	);
}
