/** Input checks and answer parts every assistant tool shares. No `vscode` import. */
import { ATTRIBUTION_ID } from '../api/attribution';
import type { Domain } from '../api/types';
import { allDomains, ToolInputError, type ToolDeps } from './types';

export const DOMAIN_SCHEMA = {
	type: 'string',
	pattern: '^[0-9]{4}$',
	description:
		'4-digit BPS domain (region) code: 0000 Indonesia, PP00 a province (3500 Jawa Timur), PPKK a regency or city (3578 Kota Surabaya). Get it from bps_find_region.',
} as const;

/** Checks a domain code; a name instead of a code gets a pointer to bps_find_region. */
export function checkDomain(domain: unknown): string {
	if (typeof domain === 'string' && /^\d{4}$/.test(domain.trim())) return domain.trim();
	throw new ToolInputError(
		`"domain" must be a 4-digit BPS region code such as 0000 or 3500, not ${JSON.stringify(domain)}. Use bps_find_region to find the code of a region by name.`,
	);
}

export function checkQuery(query: unknown): string {
	if (typeof query === 'string' && query.trim()) return query.trim();
	throw new ToolInputError('"query" must be a non-empty text.');
}

export function footer(source: string): string {
	return `Source: ${source}\n${ATTRIBUTION_ID}`;
}

/** One domain by code, or undefined when the list does not have it. */
export async function regionOf(deps: ToolDeps, domain: string): Promise<Domain | undefined> {
	return (await allDomains(deps)).find((d) => d.id === domain);
}
