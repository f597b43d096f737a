/**
 * A process killed in the middle of cache writes (SIGKILL: no shutdown, no flush) leaves every
 * entry either whole or absent — never half an answer that a later start would serve. The test
 * forks this very file as the writer: with BPS_CACHE_CRASH_DIR set it writes forever instead of
 * declaring tests.
 */
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PersistentCache } from '../../../src/catalogue/persistentCache';

const CHILD_DIR = process.env.BPS_CACHE_CRASH_DIR;
const KEYS = 40;
/** About 200 KB per answer, so a write is long enough to be cut in the middle. */
const bodyOf = (k: number, round: number) => ({ status: 'OK', k, round, data: 'v'.repeat(200_000 + k) });

async function writeUntilKilled(dir: string): Promise<void> {
	const cache = new PersistentCache({ dir });
	await cache.load();
	for (let round = 0; ; round++) {
		for (let k = 0; k < KEYS; k++)
			cache.set(`https://x/list?k=${k}`, { body: bodyOf(k, round), fetchedAt: round, kind: 'data' });
		await cache.flush();
		if (round === 0) process.send?.('written');
	}
}

if (CHILD_DIR) {
	void writeUntilKilled(CHILD_DIR);
} else {
	describe('PersistentCache: a crash in the middle of writes', function () {
		this.timeout(60_000);
		let dir: string;
		before(async () => {
			dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bps-cache-crash-'));
		});
		after(async () => {
			await fs.rm(dir, { recursive: true, force: true });
		});

		it('leaves every entry whole or absent after SIGKILL', async () => {
			for (let run = 0; run < 3; run++) {
				const child = fork(__filename, [], {
					env: { ...process.env, BPS_CACHE_CRASH_DIR: dir },
					stdio: 'ignore',
				});
				await new Promise<void>((resolve, reject) => {
					child.once('message', () => resolve());
					child.once('exit', (code) => reject(new Error(`the writer exited (${code})`)));
				});
				// Kill it at some point of a later round of writes.
				await new Promise((r) => setTimeout(r, 50 + run * 70));
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGKILL');
				await exited;

				const logs: string[] = [];
				const cache = new PersistentCache({ dir, log: (l, m) => void logs.push(`${l}: ${m}`) });
				await cache.load();
				let whole = 0;
				for (let k = 0; k < KEYS; k++) {
					const e = await cache.get(`https://x/list?k=${k}`);
					if (!e) continue;
					const b = e.body as ReturnType<typeof bodyOf>;
					assert.deepEqual(b, bodyOf(k, b.round), `entry ${k} is whole`);
					assert.equal(e.fetchedAt, b.round);
					whole++;
				}
				assert.equal(whole, KEYS, 'every entry written once before the kill is still readable');
				assert.deepEqual(
					logs.filter((l) => /corrupt/.test(l)),
					[],
					'no corrupt entry',
				);
			}
		});
	});
}
