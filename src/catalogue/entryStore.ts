/**
 * One file per cached response in a directory: `<sha256 of the key>.json`, holding the key, the
 * entry and its body. Every operation touches one file, so its cost does not grow with the number
 * of entries; only `scan()` (for eviction) lists them all, and the cache calls it rarely.
 *
 * Why files and not a library store: npm's `cacache` is content-addressed with append-only index
 * buckets — it has no size or count bound and no least-recently-used eviction, and it pulls in
 * ten packages. What we need is small: atomic writes (temp file + rename, so a reader or a crash
 * never sees half an entry), the file's mtime as its last use (shared by every window on the same
 * folder), and eviction of the oldest files.
 *
 * Node `fs` only, no `vscode`: unit-tested in mocha.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CacheEntry } from '../api/cache';

export type StoreLog = (level: 'trace' | 'debug' | 'info' | 'warn' | 'error', message: string) => void;

/** One file found by `scan()`. */
export interface ScannedFile {
	name: string;
	bytes: number;
	/** Last write or lookup (the file's mtime). */
	usedMs: number;
}

const SUFFIX = '.json';
const TMP = '.tmp';
/** A temp file older than this was left by a crash (a write takes milliseconds). */
const ORPHAN_MS = 10 * 60_000;
/** Parallel `stat`s during a scan: enough to keep the I/O threads busy, few enough to leave room. */
const SCAN_BATCH = 32;

interface FileShape extends CacheEntry {
	key: string;
}

export class EntryStore {
	constructor(
		readonly dir: string,
		private readonly log: StoreLog,
	) {}

	/** The file name of a key. Keys are long URLs; a hash gives a short, safe, fixed-length name. */
	static nameOf(key: string): string {
		return createHash('sha256').update(key).digest('hex') + SUFFIX;
	}

	async open(): Promise<void> {
		await fs.mkdir(this.dir, { recursive: true });
	}

	/**
	 * The entry for `key`, or undefined. A file that does not parse or has the wrong shape is
	 * deleted with a log line: one bad entry never costs the others.
	 */
	async read(key: string): Promise<CacheEntry | undefined> {
		const name = EntryStore.nameOf(key);
		const file = path.join(this.dir, name);
		let text: string;
		try {
			text = await fs.readFile(file, 'utf8');
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
				this.log('warn', `Response cache: cannot read ${name}: ${String(e)}`);
			}
			return undefined;
		}
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch (e) {
			await this.drop(name, (e as Error).message);
			return undefined;
		}
		if (!isFileShape(parsed)) {
			await this.drop(name, 'unknown format');
			return undefined;
		}
		if (parsed.key !== key) {
			// Another key with the same hash: never seen in practice, but not this key's answer.
			return undefined;
		}
		this.touch(key);
		return { body: parsed.body, fetchedAt: parsed.fetchedAt, kind: parsed.kind };
	}

	/**
	 * Write one entry atomically: a temp file beside it, then rename over the old one. Returns the
	 * bytes written. `usedMs` sets the last-use time (migration keeps the old order with it).
	 */
	async write(key: string, e: CacheEntry, usedMs?: number): Promise<number> {
		const name = EntryStore.nameOf(key);
		const text = JSON.stringify({ key, fetchedAt: e.fetchedAt, kind: e.kind, body: e.body });
		const file = path.join(this.dir, name);
		const tmp = path.join(this.dir, `${name}.${process.pid}.${randomBytes(4).toString('hex')}${TMP}`);
		try {
			await fs.writeFile(tmp, text, 'utf8');
		} catch (err) {
			// Another window's Clear Cache may have removed the folder: make it again, once.
			if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
			await fs.mkdir(this.dir, { recursive: true });
			await fs.writeFile(tmp, text, 'utf8');
		}
		try {
			if (usedMs !== undefined) {
				const t = new Date(usedMs);
				await fs.utimes(tmp, t, t);
			}
			await fs.rename(tmp, file);
		} catch (err) {
			await fs.rm(tmp, { force: true }).catch(() => undefined);
			throw err;
		}
		return Buffer.byteLength(text);
	}

	/** Mark a lookup: the mtime is the last use, for every window's eviction. Not awaited. */
	touch(key: string): void {
		const now = new Date();
		fs.utimes(path.join(this.dir, EntryStore.nameOf(key)), now, now).catch(() => undefined);
	}

	async remove(key: string): Promise<void> {
		await this.unlink(EntryStore.nameOf(key));
	}

	/** Delete every entry (not the temp files of writes under way in another window). */
	async clear(): Promise<void> {
		for (const name of await this.names()) {
			if (name.endsWith(SUFFIX)) await this.unlink(name);
		}
	}

	/** Every entry with its size and last use. Temp files left by a crash are removed on the way. */
	async scan(): Promise<ScannedFile[]> {
		const names = await this.names();
		const out: ScannedFile[] = [];
		const now = Date.now();
		for (let i = 0; i < names.length; i += SCAN_BATCH) {
			await Promise.all(
				names.slice(i, i + SCAN_BATCH).map(async (name) => {
					const st = await fs.stat(path.join(this.dir, name)).catch(() => undefined);
					if (!st?.isFile()) return;
					if (name.endsWith(TMP)) {
						if (now - st.mtimeMs > ORPHAN_MS) await this.unlink(name);
					} else if (name.endsWith(SUFFIX)) {
						out.push({ name, bytes: st.size, usedMs: st.mtimeMs });
					}
				}),
			);
		}
		return out;
	}

	/** Delete files by name (eviction). */
	async unlinkAll(names: readonly string[]): Promise<void> {
		for (let i = 0; i < names.length; i += SCAN_BATCH) {
			await Promise.all(names.slice(i, i + SCAN_BATCH).map((n) => this.unlink(n)));
		}
	}

	private async names(): Promise<string[]> {
		try {
			return await fs.readdir(this.dir);
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
			throw e;
		}
	}

	private async drop(name: string, reason: string): Promise<void> {
		this.log('warn', `Response cache: dropping corrupt entry ${name} (${reason}).`);
		await this.unlink(name);
	}

	private async unlink(name: string): Promise<void> {
		await fs.rm(path.join(this.dir, name), { force: true }).catch((e) => {
			this.log('warn', `Response cache: cannot delete ${name}: ${String(e)}`);
		});
	}
}

function isFileShape(x: unknown): x is FileShape {
	const e = x as FileShape;
	return (
		!!e &&
		typeof e === 'object' &&
		typeof e.key === 'string' &&
		typeof e.fetchedAt === 'number' &&
		(e.kind === 'metadata' || e.kind === 'data') &&
		'body' in e
	);
}

/** Whether a value read from the old single-file cache is a `[key, entry]` pair. */
export function isLegacyPair(x: unknown): x is [string, CacheEntry] {
	return Array.isArray(x) && x.length === 2 && isFileShape({ ...(x[1] as object), key: x[0] });
}
