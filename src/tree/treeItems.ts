/**
 * Renders a node as a `vscode.TreeItem`: label, grey description, icon, context value (for the
 * menus' `when` clauses), tooltip and click command. No loading and no state of its own.
 */
import * as vscode from 'vscode';
import { classificationName } from '../catalogue/classificationFacts';
import type { CatalogueItem } from '../catalogue/items';
import { Commands } from '../constants';
import { freshnessText } from '../presentation/freshness';
import { infographicCategory, itemDescription, KIND_ICONS } from '../presentation/kinds';
import { assertNever } from '../util/assertNever';
import { htmlToText } from './htmlText';
import type { CatalogueNode, FolderNode, ItemNode } from './nodes';
import { hasChildren, isItemNode } from './nodes';

/** Internal command behind "Load more…" nodes (not in package.json: only the tree invokes it). */
export const LOAD_MORE_COMMAND = 'bps.tree.loadMore';

/** What the description of some nodes depends on, beyond the node. */
export interface DescribeContext {
	/** Oldest fetch time of stale data on screen; undefined when everything is fresh. */
	staleSince: number | undefined;
	/** "20 of 1758" for a paged folder with more to load. */
	folderProgress(folderId: string): { loaded: number; total: number } | undefined;
	/** What a loaded subject holds; undefined before it is loaded (or when it failed). */
	subjectTables(subjectId: string): { vars: number; statics: number | undefined } | undefined;
	/** How many items a loaded "Static tables" folder holds. */
	folderCount(folderId: string): number | undefined;
}

export function treeItem(n: CatalogueNode, ctx: DescribeContext): vscode.TreeItem {
	const collapsible = hasChildren(n)
		? vscode.TreeItemCollapsibleState.Collapsed
		: vscode.TreeItemCollapsibleState.None;
	const item = new vscode.TreeItem(n.label, collapsible);
	item.id = n.id;
	item.description = describeNode(n, ctx) || undefined;
	item.iconPath = icon(n);
	item.contextValue = contextValue(n);
	item.tooltip = tooltip(n);
	if (n.kind === 'region') {
		item.command = { command: Commands.selectRegion, title: vscode.l10n.t('Select Region') };
		item.accessibilityInformation = {
			label: vscode.l10n.t('Region: {0}. Activate to choose another region.', n.name),
		};
	} else if (n.kind === 'loadMore') {
		item.command = { command: LOAD_MORE_COMMAND, title: n.label, arguments: [n] };
	} else if (n.kind === 'error') {
		item.command =
			n.action === 'setKey'
				? { command: Commands.setApiKey, title: vscode.l10n.t('Set API Key') }
				: { command: Commands.refresh, title: vscode.l10n.t('Retry'), arguments: [n] };
	} else if (isItemNode(n)) {
		item.command = { command: Commands.preview, title: vscode.l10n.t('Preview'), arguments: [n] };
	} else if (n.kind === 'info' && n.trade) {
		item.command = { command: Commands.preview, title: vscode.l10n.t('Preview'), arguments: [n.trade] };
	}
	return item;
}

/** The grey text beside a label. */
export function describeNode(n: CatalogueNode, ctx: DescribeContext): string {
	if (isItemNode(n)) return itemDescription(asItem(n));
	switch (n.kind) {
		case 'region':
			return ctx.staleSince !== undefined ? freshnessText({ stale: true, fetchedAt: ctx.staleSince }) : '';
		case 'subject': {
			// Only what the subject really holds, once known; never a count for an empty subject.
			const t = ctx.subjectTables(n.id);
			if (!t) return '';
			if (t.statics === undefined) return t.vars ? dynamicTables(t.vars) : '';
			return tables(t.vars + t.statics);
		}
		case 'folder': {
			if (n.folder === 'staticTables') return tables(ctx.folderCount(n.id) ?? 0);
			if (n.count !== undefined)
				return n.count === 1 ? vscode.l10n.t('1 concept') : vscode.l10n.t('{0} concepts', n.count);
			const more = ctx.folderProgress(n.id);
			return more ? vscode.l10n.t('{0} of {1}', more.loaded, more.total) : '';
		}
		case 'error':
			return n.detail;
		default:
			return '';
	}
}

/** "3 tables"; '' for none. */
function tables(n: number): string {
	return !n ? '' : n === 1 ? vscode.l10n.t('1 table') : vscode.l10n.t('{0} tables', n);
}

/** "3 dynamic tables", while the subject's static tables are not loaded yet; '' for none. */
function dynamicTables(n: number): string {
	return n === 1 ? vscode.l10n.t('1 dynamic table') : vscode.l10n.t('{0} dynamic tables', n);
}

/** A node as the item it shows (the presentation module speaks of items, not nodes). */
function asItem(n: ItemNode): CatalogueItem {
	return { kind: n.kind, ref: n.ref, record: n.item } as CatalogueItem;
}

function icon(n: CatalogueNode): vscode.ThemeIcon {
	if (isItemNode(n)) return new vscode.ThemeIcon(KIND_ICONS[n.kind]);
	switch (n.kind) {
		case 'region':
			return new vscode.ThemeIcon('globe');
		case 'category':
			return new vscode.ThemeIcon('library');
		case 'subject':
			return new vscode.ThemeIcon('folder');
		case 'folder':
			return new vscode.ThemeIcon(FOLDER_ICONS[n.folder]);
		case 'loadMore':
			return new vscode.ThemeIcon('ellipsis');
		case 'error':
			return n.action === 'setKey'
				? new vscode.ThemeIcon('key', new vscode.ThemeColor('errorForeground'))
				: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
		case 'info':
			if (n.trade)
				return new vscode.ThemeIcon(n.trade.flow === 'export' ? 'arrow-circle-up' : 'arrow-circle-down');
			return new vscode.ThemeIcon('info');
		default:
			return assertNever(n, 'node kind');
	}
}

const FOLDER_ICONS: { readonly [F in FolderNode['folder']]: string } = {
	publications: 'book',
	pressReleases: 'megaphone',
	indicators: 'pulse',
	staticTables: 'file-submodule',
	sdgs: 'target',
	sdgGoal: 'folder',
	sdds: 'graph-line',
	sddsCategory: 'folder',
	trade: 'globe',
	classifications: 'symbol-class',
	classification: 'list-tree',
	infographics: 'file-media',
	news: 'comment-discussion',
	newsCategory: 'folder',
	census: 'organization',
	censusEvent: 'folder',
	censusTopic: 'folder',
	simdasi: 'book',
	simdasiChapter: 'folder',
	glossary: 'book',
	glossaryLetter: 'folder',
};

/** Composite context values matched by regex in package.json `when` clauses. */
function contextValue(n: CatalogueNode): string {
	switch (n.kind) {
		case 'region':
			return 'region;copyable;web;refreshable';
		case 'category':
		case 'subject':
		case 'folder':
			return `${n.kind};refreshable`;
		case 'var':
		case 'indicator':
		case 'statictable':
			return `${n.kind};previewable;insertable;copyable;web`;
		case 'census':
		case 'simdasi':
			return `${n.kind};previewable;insertable;copyable`;
		case 'publication':
		case 'pressrelease':
		case 'infographic':
		case 'news':
			return `${n.kind};previewable;copyable;web`;
		case 'info':
			// The trade actions: Preview and Insert Data open the picker (the node carries `trade`).
			return n.trade ? 'info;trade;previewable;insertable' : n.kind;
		case 'classification':
		case 'glossary':
			return `${n.kind};previewable;insertable;copyable;web`;
		default:
			return n.kind;
	}
}

/** Safe Markdown tooltips: no HTML, no command links; BPS text goes in through appendText. */
function tooltip(n: CatalogueNode): vscode.MarkdownString | string | undefined {
	const md = new vscode.MarkdownString(undefined, false);
	md.isTrusted = false;
	md.supportHtml = false;
	const title = (t: string) => md.appendMarkdown('**').appendText(t).appendMarkdown('**\n\n');
	const field = (name: string, value: string | number | null | undefined) => {
		if (value === undefined || value === null || value === '') return;
		md.appendMarkdown('*')
			.appendText(name)
			.appendMarkdown(':* ')
			.appendText(String(value))
			.appendMarkdown('  \n');
	};
	const block = (name: string, html: string) => {
		const text = htmlToText(html);
		if (!text) return;
		md.appendMarkdown('\n\n*').appendText(name).appendMarkdown('*\n\n').appendText(text);
	};
	switch (n.kind) {
		case 'var':
			title(n.label);
			field(vscode.l10n.t('ID'), n.item.id);
			field(vscode.l10n.t('Subject'), n.item.subjectName);
			field(vscode.l10n.t('Unit'), n.item.unit);
			block(vscode.l10n.t('Definition'), n.item.definition);
			block(vscode.l10n.t('Notes'), n.item.notes);
			return md;
		case 'statictable':
			title(n.label);
			field(vscode.l10n.t('ID'), n.item.id);
			field(vscode.l10n.t('Subject'), n.item.subjectName);
			field(vscode.l10n.t('Last update'), n.item.updated);
			field(vscode.l10n.t('Size'), n.item.size);
			return md;
		case 'publication':
			title(n.label);
			field(vscode.l10n.t('ID'), n.item.id);
			field(vscode.l10n.t('Released'), n.item.releaseDate);
			field('ISSN', n.item.issn);
			field(vscode.l10n.t('Size'), n.item.size);
			block(vscode.l10n.t('Abstract'), n.item.abstract);
			return md;
		case 'pressrelease':
			title(n.label);
			field(vscode.l10n.t('ID'), n.item.id);
			field(vscode.l10n.t('Subject'), n.item.subjectName);
			field(vscode.l10n.t('Released'), n.item.releaseDate);
			block(vscode.l10n.t('Abstract'), n.item.abstract);
			return md;
		case 'indicator':
			title(n.label);
			field(vscode.l10n.t('Indicator'), n.item.name);
			field(vscode.l10n.t('Value'), n.item.value === null ? null : `${n.item.value} ${n.item.unit}`.trim());
			field(vscode.l10n.t('Period'), n.item.period);
			field(vscode.l10n.t('Source'), n.item.dataSource);
			field(vscode.l10n.t('Dynamic table'), n.item.varId);
			return md;
		case 'classification':
			title(n.label);
			field(vscode.l10n.t('Classification'), classificationName(n.item.model));
			field(vscode.l10n.t('Level'), n.item.level);
			block(vscode.l10n.t('Description'), n.item.description);
			return md;
		case 'glossary':
			title(n.label);
			field(vscode.l10n.t('Unit'), n.item.unit);
			block(vscode.l10n.t('Definition'), n.item.definition);
			return md;
		case 'infographic':
			title(n.label);
			field(vscode.l10n.t('Category'), infographicCategory(n.item.category));
			block(vscode.l10n.t('Description'), n.item.description);
			return md;
		case 'news':
			title(n.label);
			field(vscode.l10n.t('Category'), n.item.categoryName);
			field(vscode.l10n.t('Released'), n.item.date);
			block(vscode.l10n.t('Excerpt'), n.item.excerpt);
			return md;
		case 'census':
			title(n.label);
			field(vscode.l10n.t('ID'), n.item.id);
			md.appendText(n.item.description);
			return md;
		case 'simdasi':
			title(n.label);
			field(vscode.l10n.t('Chapter'), n.item.chapter);
			field(vscode.l10n.t('Years'), n.item.years.join(', '));
			return md;
		case 'region':
			title(n.label);
			md.appendText(vscode.l10n.t('Click to choose another region.'));
			return md;
		case 'error':
			return `${n.label}\n\n${n.detail}`;
		case 'folder':
			return n.folder === 'sdgs' ||
				n.folder === 'sdds' ||
				n.folder === 'trade' ||
				n.folder === 'classifications' ||
				n.folder === 'census' ||
				n.folder === 'glossary'
				? vscode.l10n.t(
						'BPS publishes this data for Indonesia as a whole: it is the same under every region.',
					)
				: undefined;
		default:
			return undefined;
	}
}
