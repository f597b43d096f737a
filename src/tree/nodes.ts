/**
 * The catalogue tree's node model: plain data with a `kind` discriminant. The provider turns a
 * node into a `vscode.TreeItem` in `getTreeItem`; tests inspect nodes directly (`label`, `kind`).
 * Ids are stable for the same domain + language, so `reveal()` and expansion state survive a refresh.
 */
import type { BpsErrorKind } from '../api/errors';
import { isItemKind, type ItemKind, type RefOf } from '../catalogue/itemRef';
import type { ApiRecords } from '../catalogue/items';
import { isLeafLevel } from '../catalogue/classificationFacts';
import type { CatalogueFolder } from '../presentation/folders';

interface Base {
	/** Stable, unique in the tree. */
	id: string;
	/** The parent's id; undefined for root nodes. */
	parentId?: string;
	label: string;
	/** The region the node belongs to. */
	domain: string;
}

/**
 * `sdgs` (goal folders), `sdds` (category folders) and `classifications` (one folder per KBLI/KBKI
 * edition, `classification`) hold national data whatever the region: their nodes' `domain` is
 * 0000. `sdgGoal`, `sddsCategory` and `classification` carry their goal, category or model in `group`;
 * `newsCategory` (a region's news of one category) its category id.
 */
export type FolderKind =
	| CatalogueFolder
	| 'sdgs'
	| 'sdgGoal'
	| 'sdds'
	| 'sddsCategory'
	| 'trade'
	| 'classifications'
	| 'classification'
	| 'newsCategory'
	/** Census (national): events (`censusEvent`, group = event id) → topics (`censusTopic`, group = "event/topic"). */
	| 'census'
	| 'censusEvent'
	| 'censusTopic'
	/** A region's SIMDASI tables by chapter (`simdasiChapter`, group = the chapter as BPS names it). */
	| 'simdasi'
	| 'simdasiChapter'
	/** The glossary (national) by initial (`glossaryLetter`, group = the letter, or "#"). */
	| 'glossary'
	| 'glossaryLetter';
const PAGED = ['publications', 'pressReleases', 'infographics', 'news', 'newsCategory'] as const;
/** Folders listed a page at a time, with "Load more…". */
export type PagedFolderKind = (typeof PAGED)[number];

export function isPagedFolder(f: FolderKind): f is PagedFolderKind {
	return (PAGED as readonly string[]).includes(f);
}

export type PagedFolderNode = FolderNode & { folder: PagedFolderKind };

export function isPagedFolderNode(n: CatalogueNode | undefined): n is PagedFolderNode {
	return n?.kind === 'folder' && isPagedFolder(n.folder);
}

export interface RegionNode extends Base {
	kind: 'region';
	/** Display name ("Kota Surabaya"), or the code when the domain list could not be read. */
	name: string;
	url?: string;
}

export interface CategoryNode extends Base {
	kind: 'category';
	categoryId: number;
}

export interface SubjectNode extends Base {
	kind: 'subject';
	subjectId: number;
	/**
	 * The API's `ntabel`: a hint only (it counts dynamic tables, and not always all of them), so
	 * the tree shows a count only once the subject's children are loaded.
	 */
	tableHint: number | null;
}

/**
 * Publications, Press Releases, Strategic Indicators, Infographics and News at the root; "Static tables" under a
 * subject (`subjectId`), loaded only when opened: the API cannot filter static tables by subject.
 */
export interface FolderNode extends Base {
	kind: 'folder';
	folder: FolderKind;
	subjectId?: number;
	/** The goal number (`sdgGoal`), category name (`sddsCategory`) or news category id (`newsCategory`). */
	group?: string;
	/** How many items the folder holds, when known before it is opened (a glossary letter). */
	count?: number;
}

/** An item of one kind: what commands act on (`ref`) and the API record (tooltips, descriptions). */
export type ItemNodeOf<K extends ItemKind> = Base & { kind: K; ref: RefOf<K>; item: ApiRecords[K] };
export type ItemNode = { [K in ItemKind]: ItemNodeOf<K> }[ItemKind];

/** "Load more… (20 of 1758)": fetches the next page of a paged folder. */
export interface LoadMoreNode extends Base {
	kind: 'loadMore';
	parentId: string;
	nextPage: number;
	loaded: number;
	total: number;
}

/** A failure, shown where the children would be. Clicking retries (or asks for a key). */
export interface ErrorNode extends Base {
	kind: 'error';
	/** What failed: the node whose children these are (undefined: the root). */
	errorKind: BpsErrorKind | 'unknown';
	action: 'retry' | 'setKey';
	detail: string;
}

/** A plain message: "Nothing here", "Indicators are published for national and province regions only". */
export interface InfoNode extends Base {
	kind: 'info';
	/**
	 * "Exports…" / "Imports…" in the Foreign trade folder: activating it opens the trade picker
	 * for that flow (the argument bps.preview and bps.insertData take, see commands/tradeArg.ts).
	 */
	trade?: { kind: 'trade'; flow: 'export' | 'import' };
}

export type CatalogueNode =
	RegionNode | CategoryNode | SubjectNode | FolderNode | ItemNode | LoadMoreNode | ErrorNode | InfoNode;

export function isItemNode(n: CatalogueNode): n is ItemNode {
	return isItemKind(n.kind);
}

/** A classification code with codes under it: an item that also opens like a folder. */
export function isCodeWithChildren(n: CatalogueNode): n is ItemNodeOf<'classification'> {
	return n.kind === 'classification' && !isLeafLevel(n.item.model, n.item.level);
}

/** Nodes whose children come from the API (and so can be refreshed). */
export function hasChildren(
	n: CatalogueNode,
): n is CategoryNode | SubjectNode | FolderNode | ItemNodeOf<'classification'> {
	return n.kind === 'category' || n.kind === 'subject' || n.kind === 'folder' || isCodeWithChildren(n);
}
