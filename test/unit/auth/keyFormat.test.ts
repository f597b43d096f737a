/** The API key's shape (src/auth/keyFormat.ts): 32 hexadecimal characters, checked before any request. */
import assert from 'node:assert/strict';
import { keyFormatProblem } from '../../../src/auth/keyFormat';

describe('API key shape', () => {
	// Built at run time: the sources hold no key-shaped literal.
	const good = 'ab'.repeat(16);

	it('accepts 32 hexadecimal characters, either case, surrounding spaces ignored', () => {
		assert.equal(keyFormatProblem(good), undefined);
		assert.equal(keyFormatProblem(good.toUpperCase()), undefined);
		assert.equal(keyFormatProblem(`  ${good}\n`), undefined);
	});

	it('names what is wrong: empty, foreign characters, wrong length', () => {
		assert.equal(keyFormatProblem(''), 'empty');
		assert.equal(keyFormatProblem('   '), 'empty');
		assert.equal(keyFormatProblem('not-a-key'), 'chars');
		assert.equal(keyFormatProblem('emulator-demo-key'), 'chars');
		assert.equal(keyFormatProblem(good.slice(1) + 'g'), 'chars');
		assert.equal(keyFormatProblem(`${good.slice(0, 16)} ${good.slice(16)}`), 'chars');
		assert.equal(keyFormatProblem(good.slice(1)), 'length');
		assert.equal(keyFormatProblem(good + 'a'), 'length');
	});
});
