import * as vscode from 'vscode';
import { BPS_HOME } from '../api/attribution';
import { BpsError } from '../api/errors';
import type { Lang, Period } from '../api/types';
import type { CatalogueService } from '../catalogue/catalogueService';
import type { IndicatorRef, ItemRef } from '../catalogue/itemRef';
import { periodsForYears } from '../catalogue/periods';
import type { Services } from '../services';
import { type SnippetFormat, type SnippetTable, preferredLayout, snippetTableFromDynamic } from '../snippets';
import { sdgTitle } from '../snippets/families';
import { assertNever } from '../util/assertNever';
import { tradeProblem } from '../commands/tradeCheck';
import { InputError } from '../util/inputError';
import { documentSnippetTable, staticSnippetTable, tradeInsertTable, type TableSource } from './layout';
import { referenceSnippetTable } from './reference';
import { censusAreaCodes } from '../catalogue/census';
import { loadCensus } from '../preview/censusLoader';
import { loadSimdasi, simdasiDims } from '../preview/familyLoader';
import { censusInsertTable, simdasiInsertTable } from './familyLayout';

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

/**
 * Fetches an item and lays it out as a `SnippetTable` for `format`:
 * - `var` (and `indicator`, via its variable): `getDynamicData` over the chosen periods, laid out
 *   with `preferredLayout(format)` — wide (rows × periods) for Markdown/CSV/TSV, long (one row per
 *   cell: region, [category], period, value) for JSON and code — unless `layout` says otherwise;
 * - `statictable`: its Excel-export HTML parsed by `htmlTable.ts` (title and notes rows dropped);
 * - `publication` / `pressrelease`: a one-row reference table (title, release date, size, PDF URL);
 * - `classification`: the lookup table of the code's subtree; `glossary`: the concept as one row.
 * `sourceUrl` is always the region's BPS website (`Domain.url`), never an API URL.
 * Resolves undefined when the user cancelled a prompt.
 */
export async function resolveSnippetTable(
	services: Services,
	ref: ItemRef,
	format: SnippetFormat,
	o: ResolveOptions,
): Promise<SnippetTable | undefined> {
	const { catalogue } = services;
	const api = services.client;
	const lang = o.lang ?? services.config().lang;
	const call = { lang, signal: o.signal };
	const region = await catalogue.region(ref.domain, { lang });
	const src: TableSource = {
		domain: ref.domain,
		domainName: region.name,
		sourceUrl: region.website ?? BPS_HOME,
		accessedAt: new Date(),
		lang,
	};

	switch (ref.kind) {
		case 'indicator':
		case 'var': {
			const variable =
				ref.kind === 'var' ? ref.id : (ref.varId ?? (await indicatorVar(catalogue, ref, lang)));
			const periods = (await api.listPeriods(ref.domain, variable, call)).items;
			let chosen: Period[] | undefined;
			if (o.years?.length) {
				const found = periodsForYears(periods, o.years);
				if (found.missing.length) {
					throw new Error(vscode.l10n.t('This table has no data for {0}.', found.missing.join(', ')));
				}
				chosen = found.chosen;
			} else {
				chosen = await o.pickPeriods(periods, ref.title ?? vscode.l10n.t('Dynamic table {0}', variable));
				if (!chosen) return undefined;
			}
			const t = await api.getDynamicData(
				{ domain: ref.domain, variable, periods: chosen.map((p) => p.id) },
				call,
			);
			return snippetTableFromDynamic(t, {
				domainName: src.domainName,
				sourceUrl: src.sourceUrl,
				accessedAt: src.accessedAt,
				layout: o.layout ?? preferredLayout(format),
				baseUrl: services.config().apiBaseUrl,
				...(ref.kind === 'var' && ref.sdg
					? { title: sdgTitle({ number: ref.sdg, title: t.variable.title }) }
					: {}),
			});
		}
		case 'statictable': {
			const d = await api.getStaticTable(ref.domain, ref.id, call);
			return staticSnippetTable(d, src, ref.title ?? String(ref.id));
		}
		case 'publication':
			return documentSnippetTable(await api.getPublication(ref.domain, ref.id, call), src);
		case 'pressrelease':
			return documentSnippetTable(await api.getPressRelease(ref.domain, ref.id, call), src);
		case 'trade': {
			const years = (o.years ?? ref.years ?? []).map(Number);
			const q = { flow: ref.flow, hs: ref.hs, hsLevel: ref.hsLevel, monthly: ref.monthly, years };
			const problem = tradeProblem(q);
			if (problem) throw new InputError(problem);
			const r = await api.families.getTrade(q, { signal: o.signal });
			return tradeInsertTable(r, src, services.config().apiBaseUrl);
		}
		case 'classification':
		case 'glossary':
			return referenceSnippetTable(services, ref, format, lang);
		case 'infographic':
		case 'news':
			throw new Error(
				vscode.l10n.t('Infographics and news have no data to insert. Open them with Preview instead.'),
			);
		case 'census': {
			const { data, table } = await loadCensus(api.families, ref, censusAreaCodes(ref), lang, o.signal);
			return censusInsertTable(data, src, services.config().apiBaseUrl, table.variable.title);
		}
		case 'simdasi': {
			const years = o.years?.length
				? o.years.map(Number)
				: (await simdasiDims(api.families, ref, o.signal)).defaultPeriods;
			const { tables } = await loadSimdasi(api.families, ref, years, lang, o.signal);
			const layout = o.layout ?? preferredLayout(format);
			return simdasiInsertTable(tables, src, services.config().apiBaseUrl, layout);
		}
		default:
			return assertNever(ref, 'item kind');
	}
}

async function indicatorVar(catalogue: CatalogueService, ref: IndicatorRef, lang: Lang): Promise<number> {
	const all = await catalogue.indicators(ref.domain, { lang });
	const hit = all.items.find((i) => i.indicatorId === ref.id);
	if (!hit) throw new BpsError('noData', `indicator ${ref.id} not found on ${ref.domain}`);
	return hit.varId;
}
