/**
 * Deterministic randomness for the emulator's generated catalogue: the same seed string always
 * yields the same numbers, so every run (and every test) sees identical data.
 */

/** 32-bit FNV-1a hash of a string. */
export function hash32(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	// Final avalanche so that similar strings give unrelated numbers.
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** A uniform number in [0, 1) derived from a string. */
export function unit(s: string): number {
	return hash32(s) / 4294967296;
}

/** A small seeded PRNG (mulberry32) with helpers. */
export class Rng {
	private state: number;

	constructor(seed: string | number) {
		this.state = typeof seed === 'number' ? seed >>> 0 : hash32(seed);
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max] inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	/** A new array with the items in a random order. */
	shuffle<T>(items: readonly T[]): T[] {
		const out = items.slice();
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[out[i], out[j]] = [out[j], out[i]];
		}
		return out;
	}

	/** `n` lowercase hex digits (publication ids are 24). */
	hex(n: number): string {
		let s = '';
		while (s.length < n) s += Math.floor(this.next() * 16).toString(16);
		return s;
	}
}
