/**
 * Loads dist/features.js the first time something needs it. Activation evaluates only the tree,
 * the client and cheap registrations; the rest costs its evaluation once, on first use.
 */
import { modules } from 'bps-shared-modules';
import type * as Loaded from './features';

let loaded: typeof Loaded | undefined;

/** How long loading dist/features.js took (NaN until it is loaded); the benchmark reports it. */
export const lazyStats = { loadMs: NaN };

export function lazy(): typeof Loaded {
	if (!loaded) {
		const t0 = performance.now();
		// Kept out of the activation bundle by esbuild.mjs; resolved next to dist/extension.js.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const entry = require('./features.js') as typeof import('./entry');
		loaded = entry.load(modules);
		lazyStats.loadMs = performance.now() - t0;
	}
	return loaded;
}
