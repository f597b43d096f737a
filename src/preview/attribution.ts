/**
 * What a preview shows and exports about where its data comes from: the attribution the BPS
 * terms require, the region's website, the access date. Pure (no vscode; unit-tested).
 */
import { ATTRIBUTION_EN, ATTRIBUTION_ID, BPS_HOME, SOURCE_LINE } from '../api/attribution';
import type { Lang } from '../api/types';
import type { ItemRef } from '../catalogue/itemRef';
import type { RegionFacts } from '../catalogue/regions';
import type { ExportMeta } from './export';
import type { Attribution } from './protocol';

/** The banner of a panel showing data of `region`, read `now`, with dates in `locale`. */
export function panelAttribution(
	region: RegionFacts,
	lang: Lang,
	locale: string,
	now = new Date(),
): Attribution {
	let accessed: string;
	try {
		accessed = now.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
	} catch {
		accessed = now.toISOString().slice(0, 10);
	}
	return {
		id: ATTRIBUTION_ID,
		en: lang === 'eng' ? ATTRIBUTION_EN : undefined,
		sourceUrl: region.website ?? BPS_HOME,
		sourceLabel: region.website ? `BPS ${region.name}` : 'Badan Pusat Statistik',
		regionName: region.name,
		accessed,
		accessedIso: now.toISOString().slice(0, 10),
	};
}

/** The provenance every export of a panel carries. */
export function exportMeta(ref: ItemRef, lang: Lang, attribution: Attribution | undefined): ExportMeta {
	return {
		attribution: ATTRIBUTION_ID,
		attributionEn: lang === 'eng' ? ATTRIBUTION_EN : undefined,
		source: SOURCE_LINE,
		sourceUrl: attribution?.sourceUrl ?? BPS_HOME,
		accessed: attribution?.accessedIso ?? new Date().toISOString().slice(0, 10),
		domain: ref.domain,
		kind: ref.kind,
		id: ref.id,
	};
}
