import * as vscode from 'vscode';
import { BPS_HOME } from '../api/attribution';
import { BpsError } from '../api/errors';
import type { Lang, Period } from '../api/types';
import type { CatalogueService } from '../catalogue/catalogueService';
import type { ItemRef } from '../catalogue/itemRef';
import { regionDisplayName } from '../catalogue/regions';
import type { Services } from '../services';
import { type SnippetFormat, type SnippetTable, preferredLayout, snippetTableFromDynamic } from '../snippets';
import { parseHtmlTable, structureGrid } from '../snippets/htmlTable';
import { regionLabels } from '../tree/catalogueTree';

/** What to fetch for an item, beyond its ref. */
export interface ResolveOptions {
	/** Year labels for dynamic tables ('2017'…); asked for when absent. */
	years?: string[];
	/** Dynamic tables: 'wide' (rows × periods) or 'long' (one row per cell). Default: `preferredLayout(format)`. */
	layout?: 'long' | 'wide';
	lang?: Lang;
	signal?: AbortSignal;
	/** Asks for periods when `years` is absent; undefined = cancelled. */
	pickPeriods: (periods: Period[], title: string) => Promise<Period[] | undefined>;
}

export interface ResolveDeps {
	services: Services;
	catalogue: CatalogueService;
}

/**
 * Fetches an item and lays it out as a `SnippetTable` for `format`:
 * - `var` (and `indicator`, via its variable): `getDynamicData` over the chosen periods, laid out
 *   with `preferredLayout(format)` — wide (rows × periods) for Markdown/CSV/TSV, long (one row per
 *   cell: region, [category], period, value) for JSON and code — unless `layout` says otherwise;
 * - `statictable`: its Excel-export HTML parsed by `htmlTable.ts` (title and notes rows dropped);
 * - `publication` / `pressrelease`: a one-row reference table (title, release date, size, PDF URL).
 * `sourceUrl` is always the region's BPS website (`Domain.url`), never an API URL.
 * Resolves undefined when the user cancelled a prompt.
 */
export async function resolveSnippetTable(
	deps: ResolveDeps,
	ref: ItemRef,
	format: SnippetFormat,
	o: ResolveOptions,
): Promise<SnippetTable | undefined> {
	const { services, catalogue } = deps;
	const api = services.client;
	const lang = o.lang ?? services.config().lang;
	const call = { lang, signal: o.signal };
	const region = await regionOf(catalogue, ref.domain, lang);
	const accessedAt = new Date();
	const en = lang === 'eng';

	switch (ref.kind) {
		case 'indicator':
		case 'var': {
			const variable =
				ref.kind === 'var' ? Number(ref.id) : (ref.varId ?? (await indicatorVar(catalogue, ref, lang)));
			const periods = (await api.listPeriods(ref.domain, variable, call)).items;
			let chosen: Period[] | undefined;
			if (o.years?.length) {
				chosen = periods.filter((p) => o.years!.includes(p.label));
				const missing = o.years.filter((y) => !chosen!.some((p) => p.label === y));
				if (missing.length) {
					throw new Error(vscode.l10n.t('This table has no data for {0}.', missing.join(', ')));
				}
			} else {
				chosen = await o.pickPeriods(periods, ref.title ?? vscode.l10n.t('Dynamic table {0}', variable));
				if (!chosen) return undefined;
			}
			const t = await api.getDynamicData(
				{ domain: ref.domain, variable, periods: chosen.map((p) => p.id) },
				call,
			);
			return snippetTableFromDynamic(t, {
				domainName: region.name,
				sourceUrl: region.url,
				accessedAt,
				layout: o.layout ?? preferredLayout(format),
				baseUrl: services.config().apiBaseUrl,
			});
		}
		case 'statictable': {
			const d = await api.getStaticTable(ref.domain, Number(ref.id), call);
			const s = structureGrid(parseHtmlTable(d.html), { decimalSeparator: en ? '.' : ',' });
			return {
				title: d.title.trim() || s.titles[0] || String(ref.title ?? ref.id),
				domain: ref.domain,
				domainName: region.name,
				periods: yearsIn(d.title),
				columns: s.columns,
				rows: s.rows,
				sourceUrl: region.url,
				accessedAt,
				lang,
			};
		}
		case 'publication':
		case 'pressrelease': {
			const d =
				ref.kind === 'publication'
					? await api.getPublication(ref.domain, String(ref.id), call)
					: await api.getPressRelease(ref.domain, Number(ref.id), call);
			return {
				title: d.title.trim(),
				domain: ref.domain,
				domainName: region.name,
				periods: yearsIn(d.title),
				columns: [
					{ name: en ? 'Title' : 'Judul', type: 'string' },
					{ name: en ? 'Release date' : 'Tanggal rilis', type: 'string' },
					{ name: en ? 'Size' : 'Ukuran', type: 'string' },
					{ name: en ? 'PDF URL' : 'URL PDF', type: 'string' },
				],
				rows: [[d.title.trim(), d.releaseDate || null, d.size || null, d.pdfUrl || null]],
				sourceUrl: region.url,
				accessedAt,
				lang,
			};
		}
	}
}

/** The region's display name and BPS website; the national site when the domain list is unreachable. */
async function regionOf(
	catalogue: CatalogueService,
	domain: string,
	lang: Lang,
): Promise<{ name: string; url: string }> {
	try {
		const d = await catalogue.domain(domain, { lang });
		if (d) return { name: regionDisplayName(d, regionLabels()), url: d.url || BPS_HOME };
	} catch {
		// Offline: the data may still come from the cache; attribute to BPS's main site.
	}
	return { name: domain === '0000' ? regionLabels().national : domain, url: BPS_HOME };
}

async function indicatorVar(catalogue: CatalogueService, ref: ItemRef, lang: Lang): Promise<number> {
	const all = await catalogue.indicators(ref.domain, { lang });
	const hit = all.items.find((i) => i.indicatorId === Number(ref.id));
	if (!hit) throw new BpsError('noData', `indicator ${ref.id} not found on ${ref.domain}`);
	return hit.varId;
}

/** "2014", "2019–2023" from the years a title mentions, or ''. */
function yearsIn(title: string): string {
	const years = [...title.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((m) => Number(m[1]));
	if (!years.length) return '';
	const lo = Math.min(...years);
	const hi = Math.max(...years);
	return lo === hi ? String(lo) : `${lo}–${hi}`;
}
