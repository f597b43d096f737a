import assert from 'node:assert/strict';
import { raceAbort } from '../../../src/util/abort';

describe('raceAbort', () => {
	it('settles with the promise when nothing aborts', async () => {
		assert.equal(await raceAbort(Promise.resolve(3), new AbortController().signal), 3);
		await assert.rejects(raceAbort(Promise.reject(new Error('x')), new AbortController().signal), /x/);
	});

	it('rejects as aborted at once when the signal aborts first, or already has', async () => {
		const ctl = new AbortController();
		const slow = new Promise<number>((r) => setTimeout(() => r(1), 1000));
		const raced = raceAbort(slow, ctl.signal);
		ctl.abort();
		await assert.rejects(raced, { name: 'AbortError' });
		await assert.rejects(raceAbort(slow, ctl.signal), { name: 'AbortError' });
	});
});
