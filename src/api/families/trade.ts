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

/** What is wrong with a trade query that no request could fix; each caller words it (English here, localised in the UI). */
export type TradeQueryProblem =
	| { kind: 'flow' }
	| { kind: 'level' }
	| { kind: 'noCodes' }
	| { kind: 'badCodes'; level: number; codes: string[] }
	| { kind: 'noYears' }
	| { kind: 'early'; first: number; years: number[] };

export function tradeQueryProblem(q: TradeQuery): TradeQueryProblem | undefined {
	if (q.flow !== 'export' && q.flow !== 'import') return { kind: 'flow' };
	if (q.hsLevel !== 2 && q.hsLevel !== 8) return { kind: 'level' };
	if (!Array.isArray(q.hs) || q.hs.length === 0) return { kind: 'noCodes' };
	const bad = q.hs.filter((c) => !new RegExp(`^\\d{${q.hsLevel}}$`).test(String(c).trim()));
	if (bad.length) return { kind: 'badCodes', level: q.hsLevel, codes: bad.map(String) };
	if (!Array.isArray(q.years) || q.years.length === 0) return { kind: 'noYears' };
	const early = q.years.filter((y) => !Number.isInteger(y) || y < TRADE_FIRST_YEAR);
	if (early.length) return { kind: 'early', first: TRADE_FIRST_YEAR, years: early };
	return undefined;
}

/** Problems with a trade query that no request could fix, in words a user can act on (English). */
export function checkTradeQuery(q: TradeQuery): string | undefined {
	const p = tradeQueryProblem(q);
	switch (p?.kind) {
		case undefined:
			return undefined;
		case 'flow':
			return 'The trade flow must be "export" or "import".';
		case 'level':
			return 'The HS level must be 2 (chapters) or 8 (full codes).';
		case 'noCodes':
			return 'Choose at least one HS code.';
		case 'badCodes':
			return `These are not ${p.level}-digit HS codes: ${p.codes.join(', ')}.`;
		case 'noYears':
			return 'Choose at least one year.';
		case 'early':
			return `BPS trade data starts in ${p.first}: ${p.years.join(', ')} cannot be asked for.`;
	}
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
