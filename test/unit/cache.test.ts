import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MemoryCache } from '../../src/api/cache';
import type { CacheEntry } from '../../src/api/cache';
import { PersistentCache } from '../../src/catalogue/persistentCache';

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

describe('PersistentCache', () => {
	let dir: string;
	const logs: string[] = [];
	const log = (level: string, m: string) => void logs.push(`${level}: ${m}`);

	beforeEach(async () => {
		dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bps-cache-'));
		logs.length = 0;
	});
	afterEach(async () => {
		await fs.rm(dir, { recursive: true, force: true });
	});

	it('survives a restart (flush, then load in a new instance)', async () => {
		const a = new PersistentCache({ dir, log });
		await a.load();
		a.set('https://x/list?domain=0000&model=var', entry({ status: 'OK', data: [1, 2] }, 1234));
		await a.flush();
		const b = new PersistentCache({ dir, log });
		await b.load();
		assert.deepEqual(
			b.get('https://x/list?domain=0000&model=var'),
			entry({ status: 'OK', data: [1, 2] }, 1234),
		);
	});

	it('writes debounced after changes', async () => {
		const a = new PersistentCache({ dir, debounceMs: 20 });
		a.set('k', entry('v'));
		await assert.rejects(fs.stat(a.filePath)); // not yet
		await new Promise((r) => setTimeout(r, 80));
		const text = await fs.readFile(a.filePath, 'utf8');
		assert.match(text, /"k"/);
		await a.dispose();
	});

	it('discards a corrupt file with a log line instead of crashing', async () => {
		const file = path.join(dir, 'bps-response-cache.json');
		await fs.writeFile(file, '{"version":1,"entries":[["k",{"body":1', 'utf8');
		const c = new PersistentCache({ dir, log });
		await c.load();
		assert.equal(c.size, 0);
		assert.ok(
			logs.some((l) => l.startsWith('warn') && /corrupt/.test(l)),
			logs.join('\n'),
		);
		await assert.rejects(fs.stat(file)); // removed
		// and it still works afterwards
		c.set('k', entry(1));
		await c.flush();
		const d = new PersistentCache({ dir, log });
		await d.load();
		assert.equal(d.get('k')?.body, 1);
	});

	it('ignores malformed entries in an otherwise valid file', async () => {
		const file = path.join(dir, 'bps-response-cache.json');
		await fs.writeFile(
			file,
			JSON.stringify({ version: 1, entries: [['ok', entry(1)], ['bad', { body: 2 }], 7] }),
			'utf8',
		);
		const c = new PersistentCache({ dir, log });
		await c.load();
		assert.equal(c.get('ok')?.body, 1);
		assert.equal(c.get('bad'), undefined);
	});

	it('clear() empties memory and the file', async () => {
		const c = new PersistentCache({ dir });
		c.set('k', entry(1));
		await c.flush();
		c.clear();
		await c.flush();
		assert.equal(c.get('k'), undefined);
		const d = new PersistentCache({ dir });
		await d.load();
		assert.equal(d.size, 0);
	});

	it('is bounded by entries and by bytes (oldest dropped first)', async () => {
		const c = new PersistentCache({ dir, maxEntries: 3 });
		for (const k of ['a', 'b', 'c', 'd']) c.set(k, entry(k));
		assert.equal(c.get('a'), undefined);
		assert.equal(c.size, 3);

		const big = 'x'.repeat(1000);
		const s = new PersistentCache({ dir, fileName: 'small.json', maxBytes: 2500 });
		for (const k of ['1', '2', '3', '4']) s.set(k, entry(big));
		await s.flush();
		const st = await fs.stat(s.filePath);
		assert.ok(st.size <= 2500, `file is ${st.size} bytes`);
		const t = new PersistentCache({ dir, fileName: 'small.json' });
		await t.load();
		assert.equal(t.get('1'), undefined);
		assert.ok(t.get('4'));
	});
});
