/**
 * The trade preview's host side: the years a trade query can ask for (the period picker's range),
 * and one load — `getTrade` over the chosen years, laid out by tradeTable.ts with its words in
 * the UI language. Kept apart from itemLoader.ts, which routes the `trade` kind here.
 */
import * as vscode from 'vscode';
import type { FamilyEndpoints } from '../api/families/endpoints';
import { TRADE_FIRST_YEAR } from '../api/families/trade';
import type { TradeResult } from '../api/families/types';
import type { DynamicTable, Lang, Period } from '../api/types';
import type { TradeRef } from '../catalogue/itemRef';
import { tradeProblem } from '../commands/tradeCheck';
import { InputError } from '../util/inputError';
import type { DynamicDims } from './protocol';
import { type TradeLabels, tradeDynamicTable } from './tradeTable';

export type TradeSource = Pick<FamilyEndpoints, 'getTrade'>;

/** Every year BPS may have trade data for: 2014 to this year (the latest may answer "no data"). */
export function tradeYears(now = new Date()): Period[] {
	const out: Period[] = [];
	for (let y = TRADE_FIRST_YEAR; y <= now.getFullYear(); y++) out.push({ id: y, label: String(y) });
	return out;
}

/** The period picker's choices: the years, the ref's years loaded first (else the last two). */
export function tradeDims(ref: TradeRef): DynamicDims {
	const periods = tradeYears();
	const wanted = new Set((ref.years ?? []).map(Number));
	const chosen = periods.filter((p) => wanted.has(p.id)).map((p) => p.id);
	return {
		varId: 0,
		periods,
		defaultPeriods: chosen.length ? chosen : periods.slice(-3, -1).map((p) => p.id),
		derivedVariables: [],
		derivedPeriods: [],
	};
}

/** The words of the trade table, localised. */
export function tradeLabels(r: TradeResult): TradeLabels {
	const months = Array.from({ length: 12 }, (_, i) =>
		new Date(Date.UTC(2000, i, 1)).toLocaleString(vscode.env.language, { month: 'long', timeZone: 'UTC' }),
	);
	const notes = [
		r.query.flow === 'export'
			? vscode.l10n.t('Exports: FOB value in US dollars; net weight in kilograms.')
			: vscode.l10n.t('Imports: CIF value in US dollars; net weight in kilograms.'),
		vscode.l10n.t('"Unknown": BPS has no port or country on record for these rows.'),
		...Object.entries(r.columnNotes).map(([k, v]) => `${k}: ${v}`),
	];
	if (r.emptyYears.length) notes.push(vscode.l10n.t('Years without data: {0}', r.emptyYears.join(', ')));
	return {
		rows: vscode.l10n.t('HS code · Country · Port'),
		unknown: vscode.l10n.t('Unknown'),
		value: vscode.l10n.t('Value (US$)'),
		weight: vscode.l10n.t('Net weight (kg)'),
		annual: vscode.l10n.t('Annual'),
		months,
		notes,
	};
}

/** The trade data of `years`, and the table the grid shows. @throws BpsError, or Error with a localised problem. */
export async function loadTrade(
	source: TradeSource,
	ref: TradeRef,
	years: number[],
	lang: Lang,
	opts: { signal: AbortSignal; bypassCache?: boolean },
): Promise<{ result: TradeResult; table: DynamicTable }> {
	const query = { flow: ref.flow, hs: ref.hs, hsLevel: ref.hsLevel, monthly: ref.monthly, years };
	const problem = tradeProblem(query);
	if (problem) throw new InputError(problem);
	const result = await source.getTrade(query, opts);
	return { result, table: tradeDynamicTable(result, lang, tradeLabels(result)) };
}
