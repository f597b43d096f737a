import * as vscode from 'vscode';
import type { Period } from '../api/types';

/** How many of the most recent periods are pre-selected. */
export const RECENT_PERIODS = 5;

/**
 * A multi-select QuickPick of a dynamic table's periods, newest first, the most recent
 * {@link RECENT_PERIODS} pre-selected. Undefined when cancelled or nothing was chosen.
 */
export async function pickPeriods(periods: readonly Period[], title: string): Promise<Period[] | undefined> {
	const sorted = [...periods].sort((a, b) => b.id - a.id);
	const picked = await vscode.window.showQuickPick(
		sorted.map((p, i) => ({ label: p.label, picked: i < RECENT_PERIODS, period: p })),
		{ title, placeHolder: vscode.l10n.t('Choose the periods to insert'), canPickMany: true },
	);
	if (!picked?.length) return undefined;
	return picked.map((p) => p.period).sort((a, b) => a.id - b.id);
}
