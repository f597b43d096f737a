import * as vscode from 'vscode';
import { isHsCode } from '../api/families/hsChapters';
import { TRADE_FIRST_YEAR } from '../api/families/trade';
import type { TradeQuery } from '../api/families/types';

/**
 * What is wrong with a trade query before any request, in the user's language (the client's own
 * check, `checkTradeQuery`, answers in English for other callers); undefined when it can be asked.
 */
export function tradeProblem(q: TradeQuery): string | undefined {
	if (q.flow !== 'export' && q.flow !== 'import')
		return vscode.l10n.t('The trade flow must be "export" or "import".');
	if (q.hsLevel !== 2 && q.hsLevel !== 8)
		return vscode.l10n.t('The HS level must be 2 (chapters) or 8 (full codes).');
	if (!q.hs.length) return vscode.l10n.t('Choose at least one HS code.');
	const bad = q.hs.filter((c) => !isHsCode(String(c).trim(), q.hsLevel));
	if (bad.length) return vscode.l10n.t('These are not {0}-digit HS codes: {1}.', q.hsLevel, bad.join(', '));
	if (!q.years.length) return vscode.l10n.t('Choose at least one year.');
	const early = q.years.filter((y) => !Number.isInteger(y) || y < TRADE_FIRST_YEAR);
	if (early.length)
		return vscode.l10n.t(
			'BPS trade data starts in {0}: {1} cannot be asked for.',
			TRADE_FIRST_YEAR,
			early.join(', '),
		);
	return undefined;
}
