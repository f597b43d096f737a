/**
 * The census and SIMDASI branches of the tree:
 * - "Census (Indonesia)" (nodeFactory.ts, national like the SDGs): census events → topics → datasets (a dataset
 *   opens its preview, Indonesia first; the preview changes the area);
 * - "SIMDASI" under each region: its "Dalam Angka" chapters (bab) → tables.
 * Folder nodes carry what their children need in `group` ("sp2020", "sp2020/9", a chapter name).
 * No state; labels follow the data language where BPS gives both.
 */
import * as vscode from 'vscode';
import type { FamilyEndpoints } from '../api/families/endpoints';
import { mfdOfDomain } from '../api/families/mappers';
import type { Lang } from '../api/types';
import { toItem } from '../catalogue/items';
import { NATIONAL } from '../catalogue/sdgs';
import type { CatalogueNode, FolderNode, ItemNode } from './nodes';

export type FamilyTreeSource = Pick<
	FamilyEndpoints,
	'listCensusEvents' | 'listCensusTopics' | 'listCensusDatasets' | 'listSimdasiTables'
>;

/** A region's SIMDASI folder ("Dalam Angka" tables). */
export function simdasiFolderNode(base: string, domain: string): FolderNode {
	return {
		kind: 'folder',
		id: `${base}/simdasi`,
		domain,
		folder: 'simdasi',
		label: vscode.l10n.t('SIMDASI'),
	};
}

function folder(
	parent: FolderNode,
	id: string,
	f: FolderNode['folder'],
	group: string,
	label: string,
): FolderNode {
	return {
		kind: 'folder',
		id: `${parent.id}/${id}`,
		parentId: parent.id,
		domain: parent.domain,
		folder: f,
		group,
		label,
	};
}

/** The children of a census or SIMDASI folder; undefined for other folders. */
export async function familyChildren(
	source: FamilyTreeSource,
	node: FolderNode,
	lang: Lang,
	o: { signal?: AbortSignal; bypassCache?: boolean },
): Promise<CatalogueNode[] | undefined> {
	switch (node.folder) {
		case 'census':
			return (await source.listCensusEvents(o)).map((e) =>
				folder(node, e.id, 'censusEvent', e.id, e.name.trim() || e.id),
			);
		case 'censusEvent': {
			const event = node.group ?? '';
			return (await source.listCensusTopics(event, o)).map((t) =>
				folder(
					node,
					String(t.id),
					'censusTopic',
					`${event}/${t.id}`,
					(lang === 'eng' ? t.nameEn : t.name).trim(),
				),
			);
		}
		case 'censusTopic': {
			const [event, topic] = (node.group ?? '').split('/');
			const list = await source.listCensusDatasets(event, Number(topic), o);
			return list.map((d): ItemNode => {
				const it = toItem('census', NATIONAL, { ...d, event: d.event || event });
				return {
					kind: 'census',
					id: `${node.id}/${d.id}`,
					parentId: node.id,
					domain: NATIONAL,
					label: it.ref.title ?? String(d.id),
					ref: it.ref,
					item: d,
				};
			});
		}
		case 'simdasi': {
			const tables = await source.listSimdasiTables(mfdOfDomain(node.domain), o);
			const chapters = new Map<string, string>();
			for (const t of tables)
				if (!chapters.has(t.chapter)) chapters.set(t.chapter, lang === 'eng' ? t.chapterEn : t.chapter);
			return [...chapters].map(([chapter, label], i) =>
				folder(node, `bab/${i}`, 'simdasiChapter', chapter, label.trim() || vscode.l10n.t('Other')),
			);
		}
		case 'simdasiChapter': {
			const tables = await source.listSimdasiTables(mfdOfDomain(node.domain), o);
			return tables
				.filter((t) => t.chapter === node.group)
				.map((t): ItemNode => {
					const it = toItem('simdasi', node.domain, t);
					const title = (lang === 'eng' ? t.titleEn : t.title).trim();
					return {
						kind: 'simdasi',
						id: `${node.id}/${t.id}`,
						parentId: node.id,
						domain: node.domain,
						label: t.code ? `${t.code} ${title}` : title,
						ref: { ...it.ref, title },
						item: t,
					};
				});
		}
		default:
			return undefined;
	}
}
