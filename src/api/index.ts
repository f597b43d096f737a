/** The public surface of the BPS WebAPI client. Import from here, not from the files behind it. */
export * from './api';
export * from './types';
export * from './errors';
export { BpsClient } from './client';
export type { BpsClientOptions, LogLevel, RequestEvent } from './client';
export { MemoryCache } from './cache';
export type { CacheEntry, ResponseCache } from './cache';
export { Limiter } from './limiter';
export type { LimiterOptions } from './limiter';
export { redact, REDACTED } from './redact';
export { unescapeEntities } from './html';
export { canonicalUrl } from './http';
export { domainLevel, provinceOf } from './mappers';
export { decodeDynamicData, mergeTables } from './decode';
export * from './attribution';
