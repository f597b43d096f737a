import * as assert from 'node:assert/strict';
import { Limiter } from '../../../src/api/limiter';
import { isBpsError } from '../../../src/api/errors';

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('Limiter', () => {
	it('never runs more than maxConcurrent tasks at once', async () => {
		const lim = new Limiter({ maxConcurrent: 3, ratePerSecond: 0 });
		let running = 0;
		let peak = 0;
		const task = async () => {
			running++;
			peak = Math.max(peak, running);
			await delay(10);
			running--;
		};
		await Promise.all(Array.from({ length: 12 }, () => lim.run(task)));
		assert.equal(peak, 3);
		assert.equal(lim.running, 0);
		assert.equal(lim.pending, 0);
	});

	it('serves waiters in FIFO order', async () => {
		const lim = new Limiter({ maxConcurrent: 1, ratePerSecond: 0 });
		const order: number[] = [];
		await Promise.all([1, 2, 3, 4, 5].map((i) => lim.run(async () => void order.push(i))));
		assert.deepEqual(order, [1, 2, 3, 4, 5]);
	});

	it('enforces the request-rate ceiling (token bucket)', async () => {
		const lim = new Limiter({ maxConcurrent: 10, ratePerSecond: 50 });
		const starts: number[] = [];
		const t0 = Date.now();
		await Promise.all(
			Array.from({ length: 6 }, () => lim.run(async () => void starts.push(Date.now() - t0))),
		);
		// 6 starts at 50/s with burst 1: the last one no earlier than 5 × 20 ms.
		assert.ok(starts[5] >= 95, `last start at ${starts[5]} ms`);
		for (let i = 1; i < starts.length; i++) {
			assert.ok(starts[i] - starts[i - 1] >= 15, `gap ${starts[i] - starts[i - 1]} ms`);
		}
	});

	it('burst lets that many start back to back', async () => {
		const lim = new Limiter({ maxConcurrent: 10, ratePerSecond: 2, burst: 3 });
		const t0 = Date.now();
		const starts: number[] = [];
		await Promise.all(
			Array.from({ length: 3 }, () => lim.run(async () => void starts.push(Date.now() - t0))),
		);
		assert.ok(Math.max(...starts) < 50, String(starts));
	});

	it('a queued waiter is cancelled promptly and leaves the queue', async () => {
		const lim = new Limiter({ maxConcurrent: 1, ratePerSecond: 0 });
		let release!: () => void;
		const blocker = lim.run(() => new Promise<void>((r) => (release = r)));
		const ctl = new AbortController();
		let ran = false;
		const queued = lim.run(async () => {
			ran = true;
		}, ctl.signal);
		await delay(5);
		assert.equal(lim.pending, 1);
		const t0 = Date.now();
		ctl.abort();
		await assert.rejects(queued, (e) => isBpsError(e, 'cancelled'));
		assert.ok(Date.now() - t0 < 50);
		assert.equal(lim.pending, 0);
		release();
		await blocker;
		assert.equal(ran, false);
		assert.equal(lim.running, 0);
	});

	it('a waiter cancelled while waiting for a rate token is rejected', async () => {
		const lim = new Limiter({ maxConcurrent: 5, ratePerSecond: 1 });
		await lim.run(async () => undefined);
		const ctl = new AbortController();
		const p = lim.run(async () => 'ran', ctl.signal);
		setTimeout(() => ctl.abort(), 20);
		const t0 = Date.now();
		await assert.rejects(p, (e) => isBpsError(e, 'cancelled'));
		assert.ok(Date.now() - t0 < 200);
	});

	it('rejects at once when the signal is already aborted', async () => {
		const lim = new Limiter();
		const ctl = new AbortController();
		ctl.abort();
		await assert.rejects(
			lim.run(async () => 1, ctl.signal),
			(e) => isBpsError(e, 'cancelled'),
		);
	});

	it('releases the slot when a task throws', async () => {
		const lim = new Limiter({ maxConcurrent: 1, ratePerSecond: 0 });
		await assert.rejects(
			lim.run(async () => Promise.reject(new Error('boom'))),
			/boom/,
		);
		assert.equal(await lim.run(async () => 42), 42);
	});

	it('configure() raises the concurrency of queued work', async () => {
		const lim = new Limiter({ maxConcurrent: 1, ratePerSecond: 0 });
		let running = 0;
		let peak = 0;
		const task = async () => {
			running++;
			peak = Math.max(peak, running);
			await delay(20);
			running--;
		};
		const all = Promise.all(Array.from({ length: 6 }, () => lim.run(task)));
		lim.configure({ maxConcurrent: 3 });
		await all;
		assert.equal(peak, 3);
	});
});
