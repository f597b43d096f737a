/**
 * The activation bundle's modules that the lazily loaded bundle also uses, by source path. The
 * build (esbuild.mjs) turns every import of such a module inside dist/features.js into a read of
 * this table, so both bundles share ONE copy of each: one logger, one list of shown messages, the
 * same error classes for `instanceof`. Filled by {@link load} before any lazily loaded module runs.
 */
export const shared: Record<string, unknown> = {};
