import type { TradeQuery } from '../api/families/types';
import { toItemRef, type TradeRef } from '../catalogue/itemRef';
import { tradeRef } from '../catalogue/items';
import * as vscode from 'vscode';
import { recordShown } from '../util/errors';
import { tradeProblem } from './tradeCheck';
import type { TradePicker } from './tradePicker';

/** True for a `{ kind: 'trade', … }` argument, complete or not, or a tree node carrying one in `trade`. */
export function isTradeArg(arg: unknown): arg is Record<string, unknown> {
	return !!tradeArgOf(arg);
}

function tradeArgOf(arg: unknown): Record<string, unknown> | undefined {
	if (!arg || typeof arg !== 'object') return undefined;
	const o = arg as { kind?: unknown; trade?: unknown };
	if (o.kind === 'trade') return o as Record<string, unknown>;
	return o.trade && typeof o.trade === 'object' ? tradeArgOf(o.trade) : undefined;
}

/**
 * `bps.preview` and `bps.insertData` take foreign trade as the contract's
 * `{ kind: 'trade', flow, hs, hsLevel, years, monthly, format? }`. What is missing is asked for
 * with the trade picker (all of it for a bare `{ kind: 'trade' }`, as the tree's entry passes).
 * Resolves the argument with its ref (other fields such as `format` kept), or undefined when the
 * user cancelled or the query cannot be asked (bad codes or years: a localised warning says so).
 */
export async function resolveTradeArg(
	arg: Record<string, unknown>,
	picker: TradePicker,
): Promise<(Record<string, unknown> & TradeRef) | undefined> {
	arg = tradeArgOf(arg) ?? arg;
	const given = toItemRef(arg);
	let ref = given?.kind === 'trade' && given.years?.length ? given : undefined;
	if (!ref) {
		const partial: Partial<TradeQuery> = {};
		if (arg.flow === 'export' || arg.flow === 'import') partial.flow = arg.flow;
		if (arg.hsLevel === 2 || arg.hsLevel === 8) partial.hsLevel = arg.hsLevel;
		if (partial.hsLevel && Array.isArray(arg.hs) && arg.hs.length) partial.hs = arg.hs.map(String);
		if (typeof arg.monthly === 'boolean') partial.monthly = arg.monthly;
		if (Array.isArray(arg.years) && arg.years.length) partial.years = arg.years.map(Number);
		const q = await picker.pick(partial);
		if (!q) return undefined;
		ref = tradeRef(q);
	}
	const years = (ref.years ?? []).map(Number);
	const problem = tradeProblem({
		flow: ref.flow,
		hs: ref.hs,
		hsLevel: ref.hsLevel,
		monthly: ref.monthly,
		years,
	});
	if (problem) {
		// Like an unknown SDG indicator: a warning saying what to change, no panel, nothing inserted.
		recordShown('warning', problem);
		void vscode.window.showWarningMessage(problem);
		return undefined;
	}
	return { ...arg, ...ref };
}
