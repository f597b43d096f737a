import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MemoryCache } from '../../../src/api/cache';
import type { CacheEntry } from '../../../src/api/cache';
import { EntryStore } from '../../../src/catalogue/entryStore';
import { LEGACY_FILE, PersistentCache } from '../../../src/catalogue/persistentCache';

const entry = (body: unknown, fetchedAt = 1000): CacheEntry => ({ body, fetchedAt, kind: 'metadata' });

describe('MemoryCache', () => {
	it('is bounded and evicts the least recently used entry', () => {
		const c = new MemoryCache(2);
		c.set('a', entry(1));
		c.set('b', entry(2));
		assert.ok(c.get('a')); // a is now the most recent
		c.set('c', entry(3));
		assert.equal(c.get('b'), undefined);
		assert.deepEqual(c.get('a')?.body, 1);
		assert.deepEqual(c.get('c')?.body, 3);
		assert.equal(c.size, 2);
	});

	it('delete and clear', () => {
		const c = new MemoryCache();
		c.set('a', entry(1));
		c.set('b', entry(2));
		c.delete('a');
		assert.equal(c.get('a'), undefined);
		c.clear();
		assert.equal(c.size, 0);
	});
});

describe('PersistentCache (one file per entry)', () => {
	let dir: string;
	const logs: string[] = [];
	const log = (level: string, m: string) => void logs.push(`${level}: ${m}`);
	const open = async (o: Partial<ConstructorParameters<typeof PersistentCache>[0]> = {}) => {
		const c = new PersistentCache({ dir, log, ...o });
		await c.load();
		return c;
	};
	const files = async (c: PersistentCache) =>
		(await fs.readdir(c.dir)).filter((n) => n.endsWith('.json')).sort();
	/** Set the last use of an entry (its file's mtime), as a lookup at that time would. */
	const usedAt = async (c: PersistentCache, key: string, ms: number) => {
		const t = new Date(ms);
		await fs.utimes(path.join(c.dir, EntryStore.nameOf(key)), t, t);
	};

	beforeEach(async () => {
		dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bps-cache-'));
		logs.length = 0;
	});
	afterEach(async () => {
		await fs.rm(dir, { recursive: true, force: true });
	});

	it('survives a restart: a new instance reads what the old one wrote', async () => {
		const a = await open();
		a.set('https://x/list?domain=0000&model=var', entry({ status: 'OK', data: [1, 2] }, 1234));
		await a.flush();
		const b = await open();
		assert.deepEqual(
			await b.get('https://x/list?domain=0000&model=var'),
			entry({ status: 'OK', data: [1, 2] }, 1234),
		);
		assert.equal(await b.get('https://x/other'), undefined);
	});

	it('a change writes its own file at once and leaves the others untouched', async () => {
		const a = await open();
		for (const k of ['a', 'b', 'c']) a.set(k, entry(k));
		await a.flush();
		assert.equal((await files(a)).length, 3);
		const statOf = (k: string) => fs.stat(path.join(a.dir, EntryStore.nameOf(k)));
		const before = await Promise.all(['a', 'c'].map(statOf));
		a.set('b', entry('b2', 2000));
		await a.flush();
		const after = await Promise.all(['a', 'c'].map(statOf));
		assert.deepEqual(
			after.map((s) => [s.ino, s.mtimeMs]),
			before.map((s) => [s.ino, s.mtimeMs]),
			'the other entries were not rewritten',
		);
		const b = await open();
		assert.equal((await b.get('b'))?.body, 'b2');
		// Nothing is left behind but the three entries (no temp files).
		assert.equal((await fs.readdir(a.dir)).length, 3);
	});

	it('is bounded by entry count, evicting the least recently used', async () => {
		const c = await open({ maxEntries: 10 });
		for (let i = 0; i < 10; i++) c.set(`k${i}`, entry(i));
		await c.flush();
		// Older uses for k0…k9 in that order, then a lookup of k0 makes it the most recent.
		for (let i = 0; i < 10; i++) await usedAt(c, `k${i}`, Date.now() - 100_000 + i * 1000);
		const d = await open({ maxEntries: 10 });
		assert.equal((await d.get('k0'))?.body, 0);
		await new Promise((r) => setTimeout(r, 50)); // the lookup's mtime update is not awaited
		d.set('k10', entry(10));
		await d.flush();
		const left = await files(d);
		assert.ok(left.length <= 10, `${left.length} entries`);
		// Down to 90 %: k1 and k2 (the least recently used) went, k0 (just looked up) stayed.
		assert.equal(left.length, 9);
		const e = await open({ maxEntries: 10 });
		assert.equal(await e.get('k1'), undefined);
		assert.equal(await e.get('k2'), undefined);
		assert.equal((await e.get('k0'))?.body, 0);
		assert.equal((await e.get('k10'))?.body, 10);
		assert.equal(d.size, 9);
	});

	it('is bounded by total size, evicting the least recently used', async () => {
		const big = 'x'.repeat(1000);
		const c = await open({ maxBytes: 5500 });
		for (let i = 0; i < 5; i++) {
			c.set(`k${i}`, entry(big));
			await c.flush();
			await usedAt(c, `k${i}`, Date.now() - 100_000 + i * 1000);
		}
		c.set('k5', entry(big));
		await c.flush();
		const sizes = await Promise.all(
			(await files(c)).map(async (n) => (await fs.stat(path.join(c.dir, n))).size),
		);
		const total = sizes.reduce((a, b) => a + b, 0);
		assert.ok(total <= 5500 * 0.9, `${total} bytes on disk`);
		const d = await open();
		assert.equal(await d.get('k0'), undefined, 'the oldest went first');
		assert.ok(await d.get('k5'), 'the newest stayed');
	});

	it('drops a corrupt entry alone, with a log line', async () => {
		const a = await open();
		for (const k of ['a', 'b', 'c']) a.set(k, entry(k));
		await a.flush();
		const bad = path.join(a.dir, EntryStore.nameOf('b'));
		await fs.writeFile(bad, '{"key":"b","fetchedAt":1000,"kind":"metadata","bo', 'utf8');
		await fs.writeFile(path.join(a.dir, EntryStore.nameOf('c')), '{"key":"c","body":1}', 'utf8');
		const b = await open();
		assert.equal(await b.get('b'), undefined);
		assert.equal(await b.get('c'), undefined, 'valid JSON of the wrong shape is dropped too');
		assert.equal((await b.get('a'))?.body, 'a', 'the other entries are intact');
		assert.equal(logs.filter((l) => /^warn: .*dropping corrupt entry/.test(l)).length, 2, logs.join('\n'));
		await assert.rejects(fs.stat(bad), 'the corrupt file is deleted');
		b.set('b', entry('b again'));
		await b.flush();
		assert.equal((await (await open()).get('b'))?.body, 'b again');
	});

	it("two windows on one folder keep each other's entries", async () => {
		const w1 = await open();
		const w2 = await open();
		for (let i = 0; i < 20; i++) {
			(i % 2 ? w1 : w2).set(`k${i}`, entry(i));
		}
		await Promise.all([w1.flush(), w2.flush()]);
		const w3 = await open();
		for (let i = 0; i < 20; i++) assert.equal((await w3.get(`k${i}`))?.body, i, `k${i}`);
		// One window's eviction sees the other's entries (least recently used across both).
		const small1 = await open({ maxEntries: 20 });
		for (let i = 0; i < 20; i++) await usedAt(w1, `k${i}`, Date.now() - 100_000 + i * 1000);
		small1.set('new', entry('new'));
		await small1.flush();
		assert.equal((await files(small1)).length, 18);
		const w4 = await open();
		assert.equal(await w4.get('k0'), undefined);
		assert.equal((await w4.get('k19'))?.body, 19);
		// Clear Cache in one window empties the folder for both; the other still writes afterwards.
		w1.clear();
		await w1.flush();
		assert.equal((await files(w1)).length, 0);
		w2.set('after', entry('after'));
		await w2.flush();
		assert.equal((await (await open()).get('after'))?.body, 'after');
	});

	it('clear() empties memory and disk, including writes still under way', async () => {
		const c = await open();
		c.set('k', entry(1));
		c.clear(); // before the write has landed
		await c.flush();
		assert.equal(await c.get('k'), undefined);
		assert.equal(c.size, 0);
		assert.equal((await files(c)).length, 0);
		c.set('k2', entry(2));
		await c.flush();
		assert.equal((await (await open()).get('k2'))?.body, 2);
	});

	it('migrates the old single file once (keeping its order), then deletes it', async () => {
		const legacy = path.join(dir, LEGACY_FILE);
		const pairs = Array.from({ length: 12 }, (_, i) => [`k${i}`, entry(i, 1000 + i)]);
		await fs.writeFile(
			legacy,
			JSON.stringify({ version: 1, entries: [...pairs, ['bad', { body: 2 }], 7] }),
			'utf8',
		);
		const c = await open({ maxEntries: 12 });
		await assert.rejects(fs.stat(legacy), 'the old file is deleted');
		assert.equal((await files(c)).length, 12, 'malformed pairs are skipped');
		assert.deepEqual(await c.get('k3'), entry(3, 1003));
		assert.ok(
			logs.some((l) => /moved 12 entries/.test(l)),
			logs.join('\n'),
		);
		// The old order (least recently used first) carries over: k0 is evicted first.
		c.set('k12', entry(12));
		await c.flush();
		const d = await open();
		assert.equal(await d.get('k0'), undefined);
		assert.ok(await d.get('k11'));
		// A second start finds nothing to migrate.
		logs.length = 0;
		await open();
		assert.ok(!logs.some((l) => /moved/.test(l)));
	});

	it('discards a corrupt old file with a log line and starts empty', async () => {
		const legacy = path.join(dir, LEGACY_FILE);
		await fs.writeFile(legacy, '{"version":1,"entries":[["k",{"body":1', 'utf8');
		const c = await open();
		assert.ok(
			logs.some((l) => l.startsWith('warn') && /discarding corrupt file/.test(l)),
			logs.join('\n'),
		);
		await assert.rejects(fs.stat(legacy));
		c.set('k', entry(1));
		await c.flush();
		assert.equal((await (await open()).get('k'))?.body, 1);
	});

	it('a leftover temp file (a crash mid-write) is never read, and is removed once old', async () => {
		const c = await open();
		c.set('k', entry('whole'));
		await c.flush();
		const tmp = path.join(c.dir, `${EntryStore.nameOf('k')}.999.dead.tmp`);
		await fs.writeFile(tmp, '{"key":"k","fetchedAt":1,"kind":"metadata","body":"ha', 'utf8');
		const d = await open();
		assert.equal((await d.get('k'))?.body, 'whole');
		const old = new Date(Date.now() - 3600_000);
		await fs.utimes(tmp, old, old);
		d.set('other', entry(2)); // the first write scans the folder
		await d.flush();
		await assert.rejects(fs.stat(tmp), 'the orphan temp file is cleaned up');
		assert.deepEqual(
			logs.filter((l) => l.startsWith('warn')),
			[],
		);
	});
});
