/**
 * What each catalogue node's children are: one case per node kind and folder, each a call to the
 * CatalogueService and a mapping through nodeFactory.ts. The provider (catalogueTree.ts) keeps
 * state, refreshes and failures; this module only knows where children come from, so a new kind
 * of BPS data is a case here and in nodeFactory.ts.
 */
import * as vscode from 'vscode';
import { BpsError, isCancelled } from '../api/errors';
import type { FamilyEndpoints } from '../api/families/endpoints';
import type { GlossaryEntry } from '../api/families/types';
import type { Lang, Paged } from '../api/types';
import type { CatalogueService, FetchOptions } from '../catalogue/catalogueService';
import type { ApiRecords } from '../catalogue/items';
import { glossaryByInitial, type GlossaryIndex } from '../catalogue/glossary';
import { classifyDomain } from '../catalogue/regions';
import { assertNever } from '../util/assertNever';
import { Fresh } from './counts';
import { familyChildren, type FamilyTreeSource, simdasiFolderNode } from './familyNodes';
import * as make from './nodeFactory';
import {
	classificationChildren,
	classificationFolderNodes,
	type ClassificationSource,
} from './classificationNodes';
import type { CatalogueNode, FolderNode, ItemNode, ItemNodeOf, PagedFolderNode, SubjectNode } from './nodes';
import { isPagedFolderNode } from './nodes';

/** Children and how fresh the lists behind them are. */
export interface Loaded {
	children: CatalogueNode[];
	stale: boolean;
	fetchedAt: number;
}

/** Where a region's infographics and news come from (`BpsClient.families`). */
export type ContentSource = Pick<FamilyEndpoints, 'listInfographics' | 'listNews' | 'listNewsCategories'>;

/** The records of a paged folder's pages. */
type PagedRecord = ApiRecords['publication' | 'pressrelease' | 'infographic' | 'news'];

export interface LoaderDeps {
	catalogue: CatalogueService;
	/** Classification codes level by level; infographics and news a page at a time; census and SIMDASI lists. */
	families: ClassificationSource & ContentSource & FamilyTreeSource;
	/** The whole glossary, loaded once (through the persistent cache) and filed by initial here. */
	glossary: Pick<GlossaryIndex, 'load'>;
	domain: () => string;
	lang: () => Lang;
}

export class CatalogueLoader {
	/** The glossary by initial, kept for the loaded glossary and language: each letter opened reuses it. */
	private byInitial:
		| { entries: readonly GlossaryEntry[]; lang: Lang; groups: ReturnType<typeof glossaryByInitial> }
		| undefined;

	constructor(private readonly deps: LoaderDeps) {}

	private glossaryGroups(
		entries: readonly GlossaryEntry[],
		lang: Lang,
	): ReturnType<typeof glossaryByInitial> {
		const b = this.byInitial;
		if (b?.entries === entries && b.lang === lang) return b.groups;
		const groups = glossaryByInitial(entries, lang);
		this.byInitial = { entries, lang, groups };
		return groups;
	}

	/** The children of one node (or of the root), and how fresh the lists behind them are. */
	async load(node: CatalogueNode | undefined, opts: FetchOptions): Promise<Loaded> {
		const f = new Fresh();
		const domain = node?.domain ?? this.deps.domain();
		const lang = this.deps.lang();
		const o: FetchOptions = { ...opts, lang };
		const c = this.deps.catalogue;
		const base = make.idBase(domain, lang);
		const orEmpty = (parent: CatalogueNode, children: CatalogueNode[]): Loaded => ({
			children: children.length ? children : [make.emptyNode(parent)],
			...f.result(),
		});

		if (!node) return this.loadRoot(domain, lang, o);
		switch (node.kind) {
			case 'category':
				return orEmpty(node, make.subjectNodes(base, node, f.add(await c.subjects(domain, o)).items));
			case 'subject':
				return this.loadSubject(node, o);
			case 'folder': {
				if (node.folder === 'staticTables') {
					const statics = f.add(await c.staticTablesOfSubject(domain, node.subjectId ?? -1, o));
					return orEmpty(node, make.itemNodes(base, node, 'statictable', statics.items));
				}
				if (node.folder === 'indicators') {
					if (classifyDomain(domain).level === 'regency') {
						return { children: [make.regencyIndicatorsNode(node)], ...f.result() };
					}
					return orEmpty(
						node,
						make.itemNodes(base, node, 'indicator', f.add(await c.indicators(domain, o)).items),
					);
				}
				if (!isPagedFolderNode(node)) return orEmpty(node, await this.loadNational(node, o, f));
				const [page, groups] = await Promise.all([
					this.fetchPage(node, 1, o).then((p) => f.add(p)),
					node.folder === 'news' ? this.newsCategories(node, o) : [],
				]);
				const items = this.pageNodes(node, page.items);
				const children: CatalogueNode[] = [...groups, ...items];
				if (!items.length) children.push(make.emptyNode(node));
				if (page.page < page.pages) children.push(make.loadMoreNode(node, 2, items.length, page.total));
				return { children, ...f.result() };
			}
			case 'classification':
				return orEmpty(node, await this.loadCodes(node, o, f));
			case 'region':
			case 'glossary':
			case 'var':
			case 'statictable':
			case 'publication':
			case 'pressrelease':
			case 'indicator':
			case 'trade':
			case 'infographic':
			case 'news':
			case 'census':
			case 'simdasi':
			case 'loadMore':
			case 'error':
			case 'info':
				return { children: [], ...f.result() };
			default:
				return assertNever(node, 'node kind');
		}
	}

	/** The region node, the subject categories and the three folders. */
	private async loadRoot(domain: string, lang: Lang, o: FetchOptions): Promise<Loaded> {
		const f = new Fresh();
		const base = make.idBase(domain, lang);
		const [region, subjects] = await Promise.all([
			this.deps.catalogue.region(domain, { lang }),
			this.deps.catalogue.subjects(domain, o).then(
				(s) => ({ ok: true as const, s }),
				(err: unknown) => ({ ok: false as const, err }),
			),
		]);
		const regionNode = make.regionNode(region);
		if (!subjects.ok) {
			const err = subjects.err;
			if (err instanceof BpsError && (err.kind === 'badKey' || err.kind === 'noKey')) {
				return {
					children: [regionNode, make.errorNode(err, undefined, domain)],
					stale: false,
					fetchedAt: Date.now(),
				};
			}
			throw err;
		}
		const cats = make.categoryNodes(base, domain, f.add(subjects.s).items);
		const children: CatalogueNode[] = [regionNode, ...cats];
		if (!cats.length)
			children.push(
				make.infoNode(undefined, domain, 'subjects', vscode.l10n.t('No subjects for this region.')),
			);
		return {
			children: [
				...children,
				...make.folderNodes(base, domain, lang),
				simdasiFolderNode(base, domain),
				...make.nationalFolderNodes(base),
			],
			...f.result(),
		};
	}

	/**
	 * A subject: its dynamic tables (the API filters them by subject), then its "Static tables"
	 * folder. The API cannot filter static tables by subject, so they are fetched (the whole
	 * domain's list) only when that folder opens; once that list is in memory, the folder is
	 * left out for subjects without static tables.
	 */
	private async loadSubject(node: SubjectNode, o: FetchOptions): Promise<Loaded> {
		const f = new Fresh();
		const lang = o.lang ?? this.deps.lang();
		const base = make.idBase(node.domain, lang);
		const c = this.deps.catalogue;
		const [vars, known] = await Promise.all([
			c.variables(node.domain, node.subjectId, o),
			c.staticTablesOfSubjectIfLoaded(node.domain, node.subjectId, o).catch(() => undefined),
		]);
		const children: CatalogueNode[] = make.itemNodes(base, node, 'var', f.add(vars).items);
		if (!known || known.items.length) children.push(make.staticFolderNode(node, lang));
		return { children: children.length ? children : [make.emptyNode(node)], ...f.result() };
	}

	/** An edition's sections, or the codes under a code (classificationNodes.ts). */
	private loadCodes(node: FolderNode | ItemNodeOf<'classification'>, o: FetchOptions, f: Fresh) {
		const lang = o.lang ?? this.deps.lang();
		return classificationChildren(
			this.deps.families,
			make.idBase(node.domain, lang),
			node,
			{ ...o, lang },
			(x) => f.add(x),
		);
	}

	/** The children of the national SDGs, SDDS, Foreign trade and classification folders (the same under every region). */
	private async loadNational(node: FolderNode, o: FetchOptions, f: Fresh): Promise<CatalogueNode[]> {
		const c = this.deps.catalogue;
		switch (node.folder) {
			case 'sdgs':
				return make.sdgGoalNodes(node, f.add(await c.sdgs(o)).items);
			case 'sdgGoal':
				return make.sdgItemNodes(node, f.add(await c.sdgs(o)).items);
			case 'sdds':
				return make.sddsCategoryNodes(node, f.add(await c.sdds(o)).items);
			case 'sddsCategory':
				return make.sddsItemNodes(node, f.add(await c.sdds(o)).items);
			case 'trade':
				// BPS lists no trade tables: the query is chosen with the trade picker.
				return make.tradeActionNodes(node);
			case 'classifications':
				return classificationFolderNodes(node);
			case 'classification':
				return this.loadCodes(node, o, f);
			case 'glossary':
			case 'glossaryLetter': {
				const list = f.add(await this.deps.glossary.load({ bypassCache: o.bypassCache }));
				const lang = o.lang ?? this.deps.lang();
				const groups = this.glossaryGroups(list.entries, lang);
				if (node.folder === 'glossary') return make.glossaryLetterNodes(node, groups);
				const group = groups.find((g) => g.initial === node.group);
				return make.glossaryNodes(make.idBase(node.domain, lang), node, group?.entries ?? [], lang);
			}
			case 'census':
			case 'censusEvent':
			case 'censusTopic':
			case 'simdasi':
			case 'simdasiChapter':
				return (await familyChildren(this.deps.families, node, o.lang ?? this.deps.lang(), o)) ?? [];
			case 'indicators':
			case 'publications':
			case 'pressReleases':
			case 'staticTables':
			case 'infographics':
			case 'news':
			case 'newsCategory':
				return [];
			default:
				return assertNever(node.folder, 'folder kind');
		}
	}

	/**
	 * The News folder's category folders. Optional: without them (the list failed, or BPS gives
	 * none) the latest news of every category still shows.
	 */
	private async newsCategories(node: FolderNode, o: FetchOptions): Promise<FolderNode[]> {
		try {
			const cats = await this.deps.families.listNewsCategories(node.domain, o);
			return make.newsCategoryNodes(node, cats);
		} catch (e) {
			if (isCancelled(e)) throw e;
			return [];
		}
	}

	/** One page of a paged folder (`o.lang`: the data language). */
	fetchPage(folder: PagedFolderNode, page: number, o: FetchOptions): Promise<Paged<PagedRecord>> {
		const { domain } = folder;
		const lang = o.lang ?? this.deps.lang();
		const call = { page, lang, signal: o.signal, bypassCache: o.bypassCache };
		switch (folder.folder) {
			case 'publications':
				return this.deps.catalogue.publications(domain, page, o);
			case 'pressReleases':
				return this.deps.catalogue.pressReleases(domain, page, o);
			case 'infographics':
				return this.deps.families.listInfographics(domain, call);
			case 'news':
				return this.deps.families.listNews(domain, call);
			case 'newsCategory':
				return this.deps.families.listNews(domain, { ...call, category: folder.group });
			default:
				return assertNever(folder.folder, 'paged folder');
		}
	}

	/** The item nodes of a page. A category's news get ids of their own: they are under News too. */
	pageNodes(folder: FolderNode, items: readonly PagedRecord[]): ItemNode[] {
		const base = make.idBase(folder.domain, this.deps.lang());
		switch (folder.folder) {
			case 'publications':
				return make.itemNodes(base, folder, 'publication', items as ApiRecords['publication'][]);
			case 'pressReleases':
				return make.itemNodes(base, folder, 'pressrelease', items as ApiRecords['pressrelease'][]);
			case 'infographics':
				return make.itemNodes(base, folder, 'infographic', items as ApiRecords['infographic'][]);
			case 'news':
				return make.itemNodes(base, folder, 'news', items as ApiRecords['news'][]);
			case 'newsCategory':
				return make.itemNodes(folder.id, folder, 'news', items as ApiRecords['news'][]);
			default:
				return [];
		}
	}
}
