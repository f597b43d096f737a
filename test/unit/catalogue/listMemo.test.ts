import assert from 'node:assert/strict';
import { ListMemo } from '../../../src/catalogue/listMemo';

const tick = () => new Promise((r) => setImmediate(r));

describe('ListMemo', () => {
	it('keeps a success: the second ask does not load again', async () => {
		const m = new ListMemo();
		let loads = 0;
		const load = async () => ++loads;
		assert.equal(await m.get('a', false, load), 1);
		assert.equal(await m.get('a', false, load), 1);
		assert.equal(loads, 1);
		assert.equal(m.isSettled('a'), true);
		assert.equal(m.isSettled('b'), false);
	});

	it('never keeps a failure: the next ask loads again', async () => {
		const failed: string[] = [];
		const m = new ListMemo(undefined, (key) => failed.push(key));
		await assert.rejects(
			m.get('a', false, () => Promise.reject(new Error('down'))),
			/down/,
		);
		await tick();
		assert.deepEqual(failed, ['a']);
		assert.equal(m.isSettled('a'), false);
		assert.equal(await m.get('a', false, async () => 'up'), 'up');
	});

	it('a refresh replaces the list and says so; a failed refresh puts the old list back', async () => {
		let refreshed = 0;
		const m = new ListMemo(() => refreshed++);
		await m.get('a', false, async () => 'old');
		assert.equal(await m.get('a', true, async () => 'new'), 'new');
		await tick();
		assert.equal(refreshed, 1);
		await assert.rejects(m.get('a', true, () => Promise.reject(new Error('offline'))));
		await tick();
		assert.equal(await m.get('a', false, async () => 'never'), 'new', 'the last good list stays');
		assert.equal(refreshed, 1);
	});

	it('clear forgets lists and what had settled', async () => {
		const m = new ListMemo();
		await m.get('a', false, async () => 1);
		m.clear();
		assert.equal(m.isSettled('a'), false);
		assert.equal(await m.get('a', false, async () => 2), 2);
	});
});
