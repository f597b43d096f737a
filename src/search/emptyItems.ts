import * as vscode from 'vscode';
import type { Lang } from '../api/types';
import type { SearchItem } from './searchSession';

/** The national domain: "Search all of Indonesia". */
export const NATIONAL_DOMAIN = '0000';

/**
 * What a search that found nothing shows: the message, then the ways out (the national
 * catalogue, the other data language). The glossary has no region, so it has only the message.
 */
export function emptyItems(o: {
	query: string;
	regionName: string;
	domain: string;
	lang: Lang;
	scope?: 'all' | 'glossary';
}): SearchItem[] {
	if (o.scope === 'glossary') {
		return [
			{
				label: `$(search-stop) ${vscode.l10n.t('Nothing in the BPS glossary matches “{0}”', o.query)}`,
				detail: vscode.l10n.t('Concepts and definitions in Indonesian and English were searched'),
				alwaysShow: true,
			},
		];
	}
	const other = o.lang === 'ind' ? vscode.l10n.t('English') : vscode.l10n.t('Indonesian');
	const items: SearchItem[] = [
		{
			label: `$(search-stop) ${vscode.l10n.t('Nothing in the BPS catalogue matches “{0}” in {1}', o.query, o.regionName)}`,
			detail: vscode.l10n.t('Titles in Indonesian and English were searched'),
			alwaysShow: true,
		},
	];
	if (o.domain !== NATIONAL_DOMAIN) {
		items.push({
			label: `$(globe) ${vscode.l10n.t('Search all of Indonesia')}`,
			detail: vscode.l10n.t('Search the national catalogue (0000) instead of {0}', o.regionName),
			alwaysShow: true,
			emptyAction: 'allIndonesia',
		});
	}
	items.push({
		label: `$(arrow-swap) ${vscode.l10n.t('Switch data language')}`,
		detail: vscode.l10n.t('Show titles and data in {0}', other),
		alwaysShow: true,
		emptyAction: 'switchLanguage',
	});
	return items;
}
