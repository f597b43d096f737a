/**
 * Builds the tree's nodes from catalogue data: ids, parents and labels. No state and no VS Code
 * API beyond `l10n` (the provider decides what to load and when; treeItems.ts renders nodes).
 */
import * as vscode from 'vscode';
import { BpsError } from '../api/errors';
import type { Subject } from '../api/types';
import type { ItemKind } from '../catalogue/itemRef';
import { toItems, type ApiRecords } from '../catalogue/items';
import type { RegionFacts } from '../catalogue/regions';
import { compareCategories, folderLabel } from '../presentation/folders';
import type { Lang } from '../api/types';
import type { GlossaryEntry, NewsCategory, SddsItem, SdgIndicator } from '../api/families/types';
import { glossaryItem } from '../catalogue/glossary';
import { NATIONAL, sddsItem, sdgGoals, sdgItem, sortSdgs } from '../catalogue/sdgs';
import { describeError } from '../util/errors';
import type {
	CatalogueNode,
	CategoryNode,
	ErrorNode,
	FolderKind,
	FolderNode,
	InfoNode,
	ItemNode,
	LoadMoreNode,
	RegionNode,
	SubjectNode,
} from './nodes';

/** The id segment of each kind of item node (ids must stay stable: expansion state and reveal use them). */
const ITEM_SEGMENT: { readonly [K in ItemKind]: string } = {
	var: 'var',
	statictable: 'static',
	publication: 'pub',
	pressrelease: 'brs',
	indicator: 'ind',
	trade: 'trade',
	classification: 'code',
	glossary: 'glos',
	infographic: 'inf',
	news: 'news',
	census: 'census',
	simdasi: 'simdasi',
};

/** The prefix of every node id of a domain in a language: ids differ when either changes. */
export function idBase(domain: string, lang: string): string {
	return `${domain}/${lang}`;
}

export function regionNode(region: RegionFacts): RegionNode {
	return {
		kind: 'region',
		id: 'region',
		domain: region.code,
		name: region.name,
		url: region.website,
		label: vscode.l10n.t('Region: {0} ({1})', region.name, region.code),
	};
}

/** One node per subject category, in category order, the catch-all "Others" (0) last. */
export function categoryNodes(base: string, domain: string, subjects: readonly Subject[]): CategoryNode[] {
	const categories = new Map<number, CategoryNode>();
	for (const subj of subjects) {
		if (!categories.has(subj.categoryId)) {
			categories.set(subj.categoryId, {
				kind: 'category',
				id: `${base}/cat/${subj.categoryId}`,
				domain,
				categoryId: subj.categoryId,
				label: subj.categoryTitle.trim() || vscode.l10n.t('Category {0}', subj.categoryId),
			});
		}
	}
	return [...categories.values()].sort((a, b) => compareCategories(a.categoryId, b.categoryId));
}

/** The Publications, Press Releases, Strategic Indicators, Infographics and News folders, named in the data language. */
export function folderNodes(base: string, domain: string, lang: Lang): FolderNode[] {
	return (['publications', 'pressReleases', 'indicators', 'infographics', 'news'] as const).map((folder) => ({
		kind: 'folder',
		id: `${base}/${folder}`,
		domain,
		folder,
		label: folderLabel(folder, lang),
	}));
}

/** A subject's "Static tables" folder, named in the data language. */
export function staticFolderNode(subject: SubjectNode, lang: Lang): FolderNode {
	return {
		kind: 'folder',
		id: `${subject.id}/static`,
		parentId: subject.id,
		domain: subject.domain,
		folder: 'staticTables',
		subjectId: subject.subjectId,
		label: folderLabel('staticTables', lang),
	};
}

/** The glossary's folders, one per initial that has concepts (A–Z, then "#"), with their counts. */
export function glossaryLetterNodes(
	parent: FolderNode,
	groups: ReadonlyArray<{ initial: string; entries: readonly GlossaryEntry[] }>,
): FolderNode[] {
	return groups.map(({ initial, entries }) => ({
		kind: 'folder',
		id: `${parent.id}/${initial === '#' ? 'other' : initial}`,
		parentId: parent.id,
		domain: NATIONAL,
		folder: 'glossaryLetter',
		group: initial,
		count: entries.length,
		label: initial === '#' ? vscode.l10n.t('Other (0–9, symbols)') : initial,
	}));
}

/** The concepts under a glossary letter, titled in the data language (the card opens on click). */
export function glossaryNodes(
	base: string,
	parent: FolderNode,
	entries: readonly GlossaryEntry[],
	lang: Lang,
): ItemNode[] {
	return entries.map((e) => {
		const it = glossaryItem(e, lang);
		return {
			kind: 'glossary',
			id: `${base}/${ITEM_SEGMENT.glossary}/${e.id}`,
			parentId: parent.id,
			domain: NATIONAL,
			label: it.ref.title ?? e.id,
			ref: it.ref,
			item: e,
		};
	});
}

/** The SDGs, SDDS, trade, census, classification and glossary folders: national data, offered under every region and labelled so. */
export function nationalFolderNodes(base: string): FolderNode[] {
	return (
		[
			['sdgs', vscode.l10n.t('SDGs (Indonesia)')],
			['sdds', vscode.l10n.t('SDDS (Indonesia)')],
			['trade', vscode.l10n.t('Foreign trade (Indonesia)')],
			['census', vscode.l10n.t('Census (Indonesia)')],
			['classifications', vscode.l10n.t('Classifications (Indonesia)')],
			['glossary', vscode.l10n.t('Glossary (Indonesia)')],
		] as Array<[FolderKind, string]>
	).map(([folder, label]) => ({ kind: 'folder', id: `${base}/${folder}`, domain: NATIONAL, folder, label }));
}

/** The Foreign trade folder: "Exports…" and "Imports…", each opening the trade picker for its flow. */
export function tradeActionNodes(parent: FolderNode): InfoNode[] {
	return (
		[
			['export', vscode.l10n.t('Exports…')],
			['import', vscode.l10n.t('Imports…')],
		] as const
	).map(([flow, label]) => ({
		...infoNode(parent, NATIONAL, flow, label),
		trade: { kind: 'trade', flow },
	}));
}

/** One folder per SDG goal that has indicators, labelled with the API's goal name. */
export function sdgGoalNodes(parent: FolderNode, list: readonly SdgIndicator[]): FolderNode[] {
	return sdgGoals(list).map(({ goal, name }) => ({
		kind: 'folder',
		id: `${parent.id}/goal/${goal}`,
		parentId: parent.id,
		domain: NATIONAL,
		folder: 'sdgGoal',
		group: String(goal),
		label: name.trim() || vscode.l10n.t('Goal {0}', goal),
	}));
}

/** One folder per SDDS category, in the API's order. */
export function sddsCategoryNodes(parent: FolderNode, list: readonly SddsItem[]): FolderNode[] {
	const cats = [...new Set(list.map((x) => x.category.trim()))];
	return cats.map((c, i) => ({
		kind: 'folder',
		id: `${parent.id}/cat/${i}`,
		parentId: parent.id,
		domain: NATIONAL,
		folder: 'sddsCategory',
		group: c,
		label: c || vscode.l10n.t('Other'),
	}));
}

/** A goal's indicators, "1.2.1 Title", each the national dynamic table it points to. */
export function sdgItemNodes(goal: FolderNode, list: readonly SdgIndicator[]): ItemNode[] {
	return sortSdgs(list.filter((i) => String(i.goal) === goal.group)).map((i) => {
		const it = sdgItem(i);
		return {
			kind: 'var',
			id: `${goal.id}/${i.number}`,
			parentId: goal.id,
			domain: NATIONAL,
			label: it.ref.title ?? i.number,
			ref: it.ref,
			item: it.record,
		};
	});
}

/** A category's SDDS tables. */
export function sddsItemNodes(category: FolderNode, list: readonly SddsItem[]): ItemNode[] {
	return list
		.filter((x) => x.category.trim() === category.group)
		.map((x) => {
			const it = sddsItem(x);
			const common = {
				id: `${category.id}/${x.id}`,
				parentId: category.id,
				domain: NATIONAL,
				label: x.title.trim(),
			};
			return it.kind === 'var'
				? { ...common, kind: 'var', ref: it.ref, item: it.record }
				: { ...common, kind: 'statictable', ref: it.ref, item: it.record };
		});
}

export function subjectNodes(
	base: string,
	category: CategoryNode,
	subjects: readonly Subject[],
): SubjectNode[] {
	return subjects
		.filter((x) => x.categoryId === category.categoryId)
		.map((x) => ({
			kind: 'subject',
			id: `${base}/subj/${x.id}`,
			parentId: category.id,
			domain: category.domain,
			subjectId: x.id,
			tableHint: x.tableCount,
			label: x.title.trim(),
		}));
}

/** One folder per news category, before the latest news of every category. */
export function newsCategoryNodes(news: FolderNode, categories: readonly NewsCategory[]): FolderNode[] {
	return categories.map((c) => ({
		kind: 'folder',
		id: `${news.id}/cat/${encodeURIComponent(c.id)}`,
		parentId: news.id,
		domain: news.domain,
		folder: 'newsCategory',
		group: c.id,
		label: c.name.trim() || c.id,
	}));
}

/** Item nodes for API records of one kind, under `parent`. */
export function itemNodes<K extends ItemKind>(
	base: string,
	parent: CatalogueNode,
	kind: K,
	records: readonly ApiRecords[K][],
): ItemNode[] {
	return toItems(kind, parent.domain, records).map(
		(it) =>
			({
				kind,
				id: `${base}/${ITEM_SEGMENT[kind]}/${it.ref.id}`,
				parentId: parent.id,
				domain: parent.domain,
				label: it.ref.title ?? String(it.ref.id),
				ref: it.ref,
				item: it.record,
			}) as ItemNode,
	);
}

/** "Load more… (20 of 1758)" at the end of a paged folder. */
export function loadMoreNode(
	folder: FolderNode,
	nextPage: number,
	loaded: number,
	total: number,
): LoadMoreNode {
	return {
		kind: 'loadMore',
		id: `${folder.id}/more`,
		parentId: folder.id,
		domain: folder.domain,
		nextPage,
		loaded,
		total,
		label: vscode.l10n.t('Load more… ({0} of {1})', loaded, total),
	};
}

/** A failure where children would be: a rejected key asks for a key, anything else retries. */
export function errorNode(
	e: unknown,
	parent: CatalogueNode | undefined,
	domain: string,
	part = 'children',
): ErrorNode {
	const kind = e instanceof BpsError ? e.kind : 'unknown';
	const badKey = kind === 'badKey' || kind === 'noKey';
	const label = badKey
		? vscode.l10n.t('The BPS API rejected the key — click to set a new one')
		: kind === 'blocked'
			? vscode.l10n.t('Blocked by a firewall — click to retry')
			: kind === 'network' || kind === 'timeout'
				? vscode.l10n.t('Cannot reach the BPS API — click to retry')
				: kind === 'server'
					? vscode.l10n.t('The BPS API had a server error — click to retry')
					: vscode.l10n.t('Could not load — click to retry');
	return {
		kind: 'error',
		id: `${parent?.id ?? 'root'}/error/${part}`,
		parentId: parent?.id,
		domain: parent?.domain ?? domain,
		errorKind: kind,
		action: badKey ? 'setKey' : 'retry',
		detail: describeError(e),
		label,
	};
}

export function infoNode(
	parent: CatalogueNode | undefined,
	domain: string,
	what: string,
	label: string,
): InfoNode {
	return { kind: 'info', id: `${parent?.id ?? 'root'}/info/${what}`, parentId: parent?.id, domain, label };
}

export function emptyNode(parent: CatalogueNode): InfoNode {
	return infoNode(parent, parent.domain, 'empty', vscode.l10n.t('Nothing here'));
}

/** What a regency's or city's Strategic Indicators folder shows instead of indicators. */
export function regencyIndicatorsNode(folder: FolderNode): InfoNode {
	return infoNode(
		folder,
		folder.domain,
		'regency',
		vscode.l10n.t(
			'Strategic indicators are published for Indonesia and the provinces only. Choose a province to see them.',
		),
	);
}
