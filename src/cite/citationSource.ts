import type { Lang } from '../api/types';
import { sameItem, type ItemRef } from '../catalogue/itemRef';
import { linkFactsOf, websiteUrl } from '../presentation/website';
import type { TreeFeature } from '../tree/feature';
import type { ItemNode } from '../tree/nodes';
import type { CitationItem } from './citation';

/**
 * Collects what a citation of `ref` needs. The tree's node is used when it is loaded (no request);
 * otherwise the item's metadata comes from the (cached) client. Titles are fetched in `lang`, the
 * citation's language. Periods of a dynamic table are the ones given in `ref.years`, else all the
 * table has.
 */
export async function citationItemFor(f: TreeFeature, ref: ItemRef, lang: Lang): Promise<CitationItem> {
	const api = f.services.client;
	const call = { lang };
	const node = f.tree.loadedItems().find((n) => sameItem(n.ref, ref));
	// Node labels are in the tree's language; a citation in the other language fetches its own title.
	const sameLang = lang === f.services.config().lang;
	const domain = await f.catalogue.domain(ref.domain, { lang }).catch(() => undefined);
	const base = {
		kind: ref.kind,
		domain: ref.domain,
		regionName: domain?.name,
		id: ref.id,
		accessed: new Date(),
		lang,
	};
	let item: ItemNode['item'] | undefined = node?.item;
	let title = sameLang ? (node?.label ?? ref.title) : undefined;
	let year: number | undefined;
	let variableId: number | undefined;
	let periods = ref.years?.length ? ref.years : undefined;

	switch (ref.kind) {
		case 'var':
		case 'indicator': {
			if (ref.kind === 'indicator') {
				const ind =
					node?.kind === 'indicator' && sameLang
						? node.item
						: (await f.catalogue.indicators(ref.domain, { lang })).items.find(
								(i) => i.indicatorId === ref.id,
							);
				item = ind;
				title ??= ind?.title;
				variableId = ref.varId ?? ind?.varId;
				if (!periods && ind?.period) periods = [ind.period];
			} else {
				variableId = ref.id;
			}
			if (variableId !== undefined && (!periods || !title)) {
				const all = (await api.listPeriods(ref.domain, variableId, call)).items;
				periods ??= all.map((p) => p.label).sort();
				if (!title) {
					// The variable's title comes with its data; one period is enough (and is cached).
					const last = all.reduce((a, b) => (b.label > a.label ? b : a), all[0]!);
					const t = await api.getDynamicData(
						{ domain: ref.domain, variable: variableId, periods: [last.id] },
						call,
					);
					title = t.variable.title;
				}
			}
			break;
		}
		case 'statictable': {
			const d =
				node?.kind === 'statictable' && sameLang
					? node.item
					: await api.getStaticTable(ref.domain, ref.id, call);
			item = d;
			title ??= d.title;
			year = yearIn(d.updated);
			break;
		}
		case 'publication':
		case 'pressrelease': {
			const d =
				(node?.kind === 'publication' || node?.kind === 'pressrelease') && sameLang
					? node.item
					: ref.kind === 'publication'
						? await api.getPublication(ref.domain, ref.id, call)
						: await api.getPressRelease(ref.domain, ref.id, call);
			item = d;
			title ??= d.title;
			year = yearIn(d.releaseDate);
			break;
		}
	}
	return {
		...base,
		title: (title ?? String(ref.id)).trim(),
		year,
		variableId,
		periods,
		url: websiteUrl(domain?.url, lang, ref, linkFactsOf(item)),
	};
}

function yearIn(date: string): number | undefined {
	const m = /^(\d{4})/.exec(date);
	return m ? Number(m[1]) : undefined;
}
