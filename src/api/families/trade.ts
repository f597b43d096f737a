/** Foreign trade (`dataexim`, bps-api.md §3.10): query checks and the per-year answer. Pure. */
import { BpsError } from '../errors';
import { checkEnvelope } from '../http';
import { validate } from '../schemas';
import type { Fetched } from '../transport';
import * as M from './mappers';
import * as S from './schemas';
import type { TradeQuery, TradeRecord } from './types';

/** Foreign-trade data starts in 2014. */
export const TRADE_FIRST_YEAR = 2014;

/** Problems with a trade query that no request could fix, in words a user can act on. */
export function checkTradeQuery(q: TradeQuery): string | undefined {
	if (q.flow !== 'export' && q.flow !== 'import') return 'The trade flow must be "export" or "import".';
	if (q.hsLevel !== 2 && q.hsLevel !== 8) return 'The HS level must be 2 (chapters) or 8 (full codes).';
	if (!Array.isArray(q.hs) || q.hs.length === 0) return 'Choose at least one HS code.';
	const bad = q.hs.filter((c) => !new RegExp(`^\\d{${q.hsLevel}}$`).test(String(c).trim()));
	if (bad.length) return `These are not ${q.hsLevel}-digit HS codes: ${bad.join(', ')}.`;
	if (!Array.isArray(q.years) || q.years.length === 0) return 'Choose at least one year.';
	const early = q.years.filter((y) => !Number.isInteger(y) || y < TRADE_FIRST_YEAR);
	if (early.length)
		return `BPS trade data starts in ${TRADE_FIRST_YEAR}: ${early.join(', ')} cannot be asked for.`;
	return undefined;
}

/** One year's trade answer: rows, or none when "unavailable". */
export function parseTrade(r: Fetched): { records: TradeRecord[]; notes: Record<string, string> } {
	const env = checkEnvelope(r.body, r.url);
	if (!env.available) return { records: [], notes: {} };
	const data = env.body.data;
	if (data === '' || data === undefined || data === null) return { records: [], notes: {} };
	if (!Array.isArray(data)) {
		throw new BpsError(
			'unexpected',
			'Unexpected response from the BPS API: data: expected an array of rows.',
			{
				field: 'data',
				url: r.url,
			},
		);
	}
	const records = data.map((row, i) => M.mapTradeRow(validate(S.TradeRowSchema, row, `data[${i}]`, r.url)));
	const meta = env.body.metadata;
	const notes: Record<string, string> = {};
	if (meta && typeof meta === 'object')
		for (const [k, v] of Object.entries(meta as Record<string, unknown>))
			if (typeof v === 'string') notes[k] = v;
	return { records, notes };
}
