import * as vscode from 'vscode';
import { tradeQueryProblem } from '../api/families/trade';
import type { TradeQuery } from '../api/families/types';

/**
 * What is wrong with a trade query before any request, in the user's language (the client's
 * `checkTradeQuery` words the same problems in English for other callers); undefined when it can
 * be asked.
 */
export function tradeProblem(q: TradeQuery): string | undefined {
	const p = tradeQueryProblem(q);
	switch (p?.kind) {
		case undefined:
			return undefined;
		case 'flow':
			return vscode.l10n.t('The trade flow must be "export" or "import".');
		case 'level':
			return vscode.l10n.t('The HS level must be 2 (chapters) or 8 (full codes).');
		case 'noCodes':
			return vscode.l10n.t('Choose at least one HS code.');
		case 'badCodes':
			return vscode.l10n.t('These are not {0}-digit HS codes: {1}.', p.level, p.codes.join(', '));
		case 'noYears':
			return vscode.l10n.t('Choose at least one year.');
		case 'early':
			return vscode.l10n.t(
				'BPS trade data starts in {0}: {1} cannot be asked for.',
				p.first,
				p.years.join(', '),
			);
	}
}
