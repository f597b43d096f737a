/**
 * Entry of dist/features.js, the code that is not needed to activate: previews, search, insert,
 * export, notebooks, citations and the assistant tools' implementations. The activation bundle
 * requires it on first use (src/lazy/load.ts) and hands over the modules both use.
 */
import { shared } from './registry';

export function load(modules: Record<string, unknown>): typeof import('./features') {
	Object.assign(shared, modules);
	// A require() (not an import) so that esbuild defers every module below until this call, after
	// the shared table is filled.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require('./features') as typeof import('./features');
}
