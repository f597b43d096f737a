/** How a region (BPS domain) is named: the localised words, and "Kota Surabaya (3578)". */
import * as vscode from 'vscode';
import type { RegionFacts, RegionLabels } from '../catalogue/regions';

/** The words a region's display name uses, in the UI language. */
export function regionLabels(): RegionLabels {
	return {
		national: vscode.l10n.t('Indonesia'),
		regency: vscode.l10n.t('Kabupaten'),
		city: vscode.l10n.t('Kota'),
	};
}

/** "Kota Surabaya (3578)". */
export function regionLabel(r: Pick<RegionFacts, 'name' | 'code'>): string {
	return `${r.name} (${r.code})`;
}
