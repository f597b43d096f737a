/**
 * Search over the reference data: classification codes (by code or words) and glossary concepts,
 * from their local indexes (classifications.ts, glossary.ts). The general search covers the
 * current editions (KBLI 2020, KBKI 2015) and any other edition already loaded; the first search
 * builds their indexes, later ones are local. Pure (no `vscode`).
 */
import { isBpsError, isCancelled } from '../api/errors';
import type { ClassificationModel } from '../api/families/types';
import type { Lang } from '../api/types';
import {
	BROWSED_CLASSIFICATIONS,
	type ClassificationIndex,
	classificationItem,
	searchClassification,
} from './classifications';
import { type GlossaryIndex, glossaryItem, searchGlossary } from './glossary';
import type { CatalogueItem } from './items';

/** The editions every search covers (others once their index is loaded). */
export const SEARCHED_CLASSIFICATIONS: readonly ClassificationModel[] = ['kbli2020', 'kbki2015'];

export interface ReferenceSearch {
	items: CatalogueItem[];
	/** The first failure (other than "no data" and cancellation). */
	error?: unknown;
	stale: boolean;
}

export interface ReferenceSearchOptions {
	lang: Lang;
	/** Which kinds to search (default both). */
	kinds?: ReadonlyArray<'classification' | 'glossary'>;
	/** Per kind (default 20). */
	limit?: number;
}

/** Codes and concepts matching `query`: glossary concepts first, then codes, edition by edition. */
export async function searchReference(
	indexes: { classifications: ClassificationIndex; glossary: GlossaryIndex },
	query: string,
	o: ReferenceSearchOptions,
): Promise<ReferenceSearch> {
	const q = query.trim();
	const out: ReferenceSearch = { items: [], stale: false };
	if (!q) return out;
	const kinds = o.kinds ?? ['classification', 'glossary'];
	const limit = o.limit ?? 20;
	const jobs: Array<Promise<{ items: CatalogueItem[]; stale: boolean }>> = [];
	if (kinds.includes('glossary')) {
		jobs.push(
			indexes.glossary.load().then((g) => ({
				items: searchGlossary(g.entries, q, limit).map((e) => ({
					...glossaryItem(e, o.lang),
					titleLang: o.lang,
				})),
				stale: g.stale,
			})),
		);
	}
	if (kinds.includes('classification')) {
		for (const model of BROWSED_CLASSIFICATIONS) {
			const searched = SEARCHED_CLASSIFICATIONS.includes(model);
			const tree = searched
				? indexes.classifications.load(model, o.lang)
				: indexes.classifications.ifLoaded(model, o.lang);
			jobs.push(
				tree.then((t) => ({
					items: t
						? searchClassification(t, q, limit).map((e) => ({ ...classificationItem(e), titleLang: o.lang }))
						: [],
					stale: !!t?.stale,
				})),
			);
		}
	}
	for (const s of await Promise.allSettled(jobs)) {
		if (s.status === 'fulfilled') {
			out.items.push(...s.value.items);
			out.stale ||= s.value.stale;
		} else if (!isCancelled(s.reason) && !isBpsError(s.reason, 'noData')) {
			out.error ??= s.reason;
		}
	}
	return out;
}
