/**
 * Turns a failure into text a model can act on: what went wrong and what to do next (set a key,
 * narrow the request, check an id). Never includes the key: BpsError messages and URLs are
 * already redacted, and we add only our own sentences and the API's short message.
 */
import { ATTRIBUTION_ID } from '../api/attribution';
import { isBpsError } from '../api/errors';
import { REGISTER_URL } from '../constants';
import { ToolInputError, type ToolDeps } from './types';

export function errorText(e: unknown, deps: Pick<ToolDeps, 'noKeyHint'>): string {
	return `Error: ${describe(e, deps)}\n\n${ATTRIBUTION_ID}`;
}

function describe(e: unknown, deps: Pick<ToolDeps, 'noKeyHint'>): string {
	if (e instanceof ToolInputError) return e.message;
	if (!isBpsError(e)) return 'the tool failed unexpectedly. Try again; if it persists, report it.';
	switch (e.kind) {
		case 'noKey':
			return `no BPS API key is set. ${deps.noKeyHint} A free key is available at ${REGISTER_URL}.`;
		case 'badKey':
			return `the BPS API rejected the API key (invalid or revoked). ${deps.noKeyHint}`;
		case 'noData':
			return 'BPS has no data for this request. Try other years or codes, another domain, or find the right id with bps_search (bps_get_table lists the available years when a year is unknown).';
		case 'tooLarge':
			return 'the table is too large for one request. Narrow it: fewer years (e.g. years: [2024]), fewer rows (vervar: region codes) or one category (turvar).';
		case 'notFound':
			return 'BPS does not know this item in this domain. Check the domain code with bps_find_region and the id with bps_search.';
		case 'blocked':
			return 'the BPS website firewall blocked the request. Wait a minute and try again.';
		case 'network':
		case 'timeout':
		case 'server':
			return 'the BPS API could not be reached or did not answer in time. Try again in a moment.';
		case 'cancelled':
			return 'the request was cancelled.';
		case 'apiError':
			return `the BPS API refused the request${e.details.apiMessage ? `: "${oneLine(e.details.apiMessage)}"` : ''}. Check the inputs (domain, variable, years).`;
		default:
			return 'the BPS API answered in a form this tool does not understand. Try another table.';
	}
}

function oneLine(s: string): string {
	return s.replace(/\s+/g, ' ').trim().slice(0, 200);
}
