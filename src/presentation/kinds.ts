/**
 * How each kind of item is shown: its name, its codicon and the grey text beside its title. The
 * tree, the search, the pickers and the preview all take these from here, so they agree.
 */
import * as vscode from 'vscode';
import type { ItemKind } from '../catalogue/itemRef';
import { classificationName } from '../catalogue/classificationFacts';
import { parseClassificationId } from '../catalogue/classifications';
import type { CatalogueItem } from '../catalogue/items';
import { assertNever } from '../util/assertNever';

/** The codicon of each kind (`$(graph)` in QuickPick labels, a ThemeIcon in the tree). */
export const KIND_ICONS: { readonly [K in ItemKind]: string } = {
	var: 'graph',
	statictable: 'table',
	publication: 'file-pdf',
	pressrelease: 'note',
	indicator: 'dashboard',
	trade: 'globe',
	classification: 'symbol-class',
	glossary: 'book',
	infographic: 'file-media',
	news: 'comment-discussion',
	census: 'organization',
	simdasi: 'book',
};

/** "Dynamic table", "Static table"… (localised). */
export function kindLabel(kind: ItemKind): string {
	switch (kind) {
		case 'var':
			return vscode.l10n.t('Dynamic table');
		case 'statictable':
			return vscode.l10n.t('Static table');
		case 'publication':
			return vscode.l10n.t('Publication');
		case 'pressrelease':
			return vscode.l10n.t('Press release');
		case 'indicator':
			return vscode.l10n.t('Indicator');
		case 'trade':
			return vscode.l10n.t('Foreign trade');
		case 'classification':
			return vscode.l10n.t('Classification code');
		case 'glossary':
			return vscode.l10n.t('Glossary concept');
		case 'infographic':
			return vscode.l10n.t('Infographic');
		case 'news':
			return vscode.l10n.t('News');
		case 'census':
			return vscode.l10n.t('Census dataset');
		case 'simdasi':
			return vscode.l10n.t('SIMDASI table');
		default:
			return assertNever(kind, 'item kind');
	}
}

/**
 * The grey text beside an item's title, the same in the tree and the search: the unit of a
 * dynamic table, the date (and size) of a static table or document, the value of an indicator.
 * Items from the search index carry no record: their subject or unit stands in.
 */
export function itemDescription(item: CatalogueItem, locale = vscode.env.language): string {
	switch (item.kind) {
		case 'var':
			return item.record?.unit ?? item.unit ?? '';
		case 'statictable':
			return item.record ? join(item.record.updated, item.record.size) : '';
		case 'publication':
			return item.record?.releaseDate ?? '';
		case 'pressrelease':
			return item.record?.releaseDate ?? '';
		case 'infographic':
			return item.record ? infographicCategory(item.record.category) : '';
		case 'news':
			return item.record?.date ?? '';
		case 'indicator': {
			const r = item.record;
			if (!r) return item.unit ?? '';
			const v = r.value === null ? '–' : r.value.toLocaleString(locale);
			return join(`${v} ${r.unit}`.trim(), r.period);
		}
		case 'trade':
			return item.ref.years?.length ? yearsSpan(item.ref.years) : '';
		case 'classification': {
			const model = item.record?.model ?? parseClassificationId(item.ref.id)?.model;
			return join(model && classificationName(model), item.record?.level);
		}
		case 'glossary':
			return item.unit ?? '';
		case 'census':
			return item.record?.description ?? '';
		case 'simdasi':
			return join(
				item.record?.code,
				item.record?.years.length ? yearsSpan(item.record.years.map(String)) : '',
			);
		default:
			return assertNever(item, 'item kind');
	}
}

/** "2020–2024" (or the one year). */
function yearsSpan(years: readonly string[]): string {
	const ys = [...years].sort();
	return ys.length > 1 ? `${ys[0]}–${ys[ys.length - 1]}` : ys[0];
}

/**
 * An infographic's theme: the API gives a number (1 social, 2 economy, 3 agriculture, bps-api.md
 * §3.3); 0 and anything unknown say nothing.
 */
export function infographicCategory(category: number | null): string {
	switch (category) {
		case 1:
			return vscode.l10n.t('Social');
		case 2:
			return vscode.l10n.t('Economy');
		case 3:
			return vscode.l10n.t('Agriculture');
		default:
			return '';
	}
}

function join(...parts: Array<string | undefined>): string {
	return parts.filter(Boolean).join(' · ');
}
