import * as vscode from 'vscode';
import type { BpsApi } from '../api/api';
import type { TradeResult } from '../api/families/types';
import { isCancelled } from '../api/errors';
import type { DimItem, DynamicTable, Lang } from '../api/types';
import type { FamilyEndpoints } from '../api/families/endpoints';
import { itemKey, type IndicatorRef, type ItemRef, type TradeRef } from '../catalogue/itemRef';
import { defaultPeriods, sortPeriods } from '../catalogue/periods';
import { sdgTitle } from '../snippets/families';
import { freshnessText } from '../presentation/freshness';
import { raceAbort } from '../util/abort';
import { assertNever } from '../util/assertNever';
import { describeError } from '../util/errors';
import type { Logger } from '../util/logger';
import { FamilyPanel, type FamilyShown, type FamilySource } from './familyLoader';
import { loadCard } from './cardLoader';
import { loadDocument } from './documentLoader';
import type { PanelDeps } from './panelDeps';
import { loadReference } from './referenceLoader';
import type { CardSource } from './cards';
import { toWire, type DynamicDims, type HostMessage } from './protocol';
import { loadTrade, tradeDims, type TradeSource } from './tradeLoader';

/** What a loader needs: where to fetch, and where its answers go. */
export interface LoaderDeps {
	/** Also the newer families: trade, infographics and news. */
	api: BpsApi & { readonly families: TradeSource & CardSource & FamilySource };
	/** Classification codes and glossary concepts. */
	families: Pick<FamilyEndpoints, 'getClassification' | 'getGlossary'>;
	/** The region's BPS website, when known (the cards link to it). */
	website(): Promise<string | undefined>;
	ref: ItemRef;
	lang: Lang;
	log: Logger;
	/** Aborted when the panel closes: every call listens to it. */
	lifetime: AbortSignal;
	/** Sends a message to the webview (dropped before its `ready`). */
	post(m: HostMessage): void;
	/** The panel's title, once the data says it. */
	setTitle(title: string): void;
}

/** What the panel shows, kept so "Insert into editor" lays out the host's own data. */
export type Shown =
	| { kind: 'dynamic'; table: DynamicTable }
	| { kind: 'static'; title: string; html: string }
	/** Foreign trade: the records (what Insert Data lays out) and the table the grid shows. */
	| { kind: 'trade'; result: TradeResult; table: DynamicTable }
	/** Census and SIMDASI: their data (what Insert Data lays out) and the table the grid shows. */
	| FamilyShown;

/** The default data window of a new panel, requested while its webview boots. */
interface Prefetch {
	key: string;
	table: Promise<DynamicTable>;
	ctrl: AbortController;
	/** Progress so far, and where to report it once a load has adopted the prefetch. */
	progress?: [number, number];
	onProgress?: (done: number, total: number) => void;
}

/**
 * Loads what a panel's item needs, per kind, and posts it: a dynamic table's dimensions and data
 * windows (with progress and Cancel), an indicator's card and its table, a static table, a
 * document. Knows nothing of the webview beyond the `post` callback.
 */
export class ItemLoader {
	shown: Shown | undefined;
	private hostRequestId = -1;
	private varId: number | undefined;
	/** The running data load (one at a time; a new load or Cancel aborts it). */
	private load: { requestId: number; ctrl: AbortController } | undefined;
	/**
	 * Work started when the panel is created, while the webview is still booting (it takes longer
	 * than the API): the variable's dimensions and, for a new panel, the default data window.
	 * `start()` and the webview's first `load` pick these up instead of asking again.
	 */
	private prefetch: { dims?: Promise<DynamicDims>; data?: Prefetch } = {};
	/** Census and SIMDASI panels load through this. */
	private readonly family: FamilyPanel | undefined;
	/**
	 * Set by Retry: the calls it leads to ask BPS again instead of the response cache (which may
	 * hold the "no data" answer being retried), until data is shown.
	 */
	private fresh = false;

	constructor(private readonly d: LoaderDeps) {
		d.lifetime.addEventListener('abort', () => this.load?.ctrl.abort(), { once: true });
		const { ref } = d;
		if (ref.kind === 'census' || ref.kind === 'simdasi')
			this.family = new FamilyPanel({
				...d,
				families: d.api.families,
				ref,
				show: (s) => (this.shown = s),
				freshness: (f) => this.postFreshness(f),
				restart: () => this.start(),
			});
	}

	/** What the per-kind loaders (documents, references, cards) need from this panel. */
	private panelDeps(): PanelDeps {
		return {
			lang: this.d.lang,
			opts: this.opts,
			post: (m) => this.d.post(m),
			setTitle: (t) => this.d.setTitle(t),
			freshness: (f) => this.postFreshness(f),
		};
	}

	private get opts() {
		return { signal: this.d.lifetime, lang: this.d.lang, bypassCache: this.fresh || undefined };
	}

	/** Starts fetching a dynamic table's dimensions (and, `withData`, its default window) at once. */
	prefetchVar(varId: number, withData: boolean): void {
		const dims = this.fetchDims(varId);
		this.prefetch.dims = dims;
		dims.catch(() => undefined); // surfaced by start(), which awaits the same promise
		if (!withData) return;
		const ctrl = new AbortController();
		this.d.lifetime.addEventListener('abort', () => ctrl.abort(), { once: true });
		const periods = dims.then((x) => x.defaultPeriods);
		const table = periods.then((p) =>
			this.d.api.getDynamicData(
				{
					domain: this.d.ref.domain,
					variable: varId,
					periods: p,
					onProgress: (done, total) => {
						prefetched.progress = [done, total];
						prefetched.onProgress?.(done, total);
					},
				},
				{ signal: ctrl.signal, lang: this.d.lang },
			),
		);
		const prefetched: Prefetch = { key: '', table, ctrl };
		table.catch(() => undefined); // a load that uses it reports the error; unused, it is dropped
		void periods.then(
			(p) => {
				prefetched.key = loadKey(p);
			},
			() => undefined,
		);
		this.prefetch.data = prefetched;
	}

	/**
	 * Fetches what the item kind needs and posts it; failures become an `error` message. `fresh`
	 * (Retry) skips the response cache until data is shown.
	 */
	async start(opts: { fresh?: boolean } = {}): Promise<void> {
		if (opts.fresh) this.fresh = true;
		const ref = this.d.ref;
		const requestId = this.hostRequestId--;
		try {
			switch (ref.kind) {
				case 'var':
					return await this.sendDims(ref.id);
				case 'indicator':
					return await this.startIndicator(ref);
				case 'statictable':
				case 'publication':
				case 'pressrelease':
					return await loadDocument(
						{
							...this.panelDeps(),
							api: this.d.api,
							showStatic: (t) => (this.shown = { kind: 'static', ...t }),
						},
						ref,
						requestId,
					);
				case 'trade':
					// The years are the periods: the webview's range picker asks for them as it does a table's.
					this.d.post({ type: 'dims', dims: tradeDims(ref) });
					return;
				case 'classification':
				case 'glossary':
					return await loadReference({ ...this.panelDeps(), families: this.d.families }, ref, requestId);
				case 'infographic':
				case 'news':
					return await loadCard(
						{ ...this.panelDeps(), source: this.d.api.families, website: this.d.website },
						ref,
						requestId,
					);
				case 'census':
				case 'simdasi':
					return await this.family?.start();
				default:
					assertNever(ref, 'item kind');
			}
		} catch (e) {
			if (isCancelled(e) || this.d.lifetime.aborted) return;
			this.d.log.error(`${itemKey(ref)}: ${e instanceof Error ? e.message : String(e)}`);
			this.d.post({ type: 'error', requestId, message: describeError(e) });
		} finally {
			// Tables go on to a data load (which ends the fresh retry); other kinds are done here.
			if (ref.kind !== 'var' && ref.kind !== 'indicator' && ref.kind !== 'trade') this.fresh = false;
		}
	}

	/** "Choose areas…" on a census preview (familyLoader.ts). */
	pickAreas(areas?: readonly string[]): Promise<void> {
		return this.family?.pickAreas(areas) ?? Promise.resolve();
	}

	/** The item as shown now (a census preview's chosen areas included). */
	get ref(): ItemRef {
		return this.family?.ref ?? this.d.ref;
	}

	/** Cancel from the webview: aborts the load it names. */
	cancel(requestId: number): void {
		if (this.load?.requestId === requestId) this.load.ctrl.abort();
	}

	private async startIndicator(ref: IndicatorRef): Promise<void> {
		const list = await this.d.api.listIndicators(ref.domain, this.opts);
		const ind = list.items.find((i) => i.indicatorId === ref.id);
		const varId = ind?.varId ?? ref.varId;
		if (ind) {
			if (ind.title) this.d.setTitle(ind.title);
			const { title, name, value, unit, period, dataSource } = ind;
			this.d.post({
				type: 'indicator',
				card: { title, name, value, unit, period, dataSource, varId: ind.varId },
			});
		}
		if (varId === undefined)
			throw new Error(
				vscode.l10n.t('Indicator {0} was not found in region {1}.', String(ref.id), ref.domain),
			);
		await this.sendDims(varId);
	}

	/**
	 * Posts the variable's periods. A new panel's default window is already on its way (prefetchVar):
	 * it is posted as soon as it arrives, with no `load` round trip through the webview first.
	 */
	private async sendDims(varId: number): Promise<void> {
		const prefetched = this.prefetch.dims;
		this.prefetch.dims = undefined;
		const dims = await (prefetched && this.varId === varId ? prefetched : this.fetchDims(varId));
		if (!this.prefetch.data || !dims.periods.length) {
			this.d.post({ type: 'dims', dims });
			return;
		}
		const load = { requestId: this.hostRequestId--, periods: dims.defaultPeriods };
		this.d.post({ type: 'dims', dims, load });
		await this.loadDynamic(load.requestId, load.periods);
	}

	/** Periods (sorted, with the default window), derived variables and derived periods of a variable. */
	private async fetchDims(varId: number): Promise<DynamicDims> {
		this.varId = varId;
		const { domain } = this.d.ref;
		const opts = this.opts;
		// Derived variables / periods are optional metadata: a variable without them answers "no data".
		const optional = <T>(p: Promise<{ items: T[] }>) =>
			p.then((r) => r.items).catch((e) => (isCancelled(e) ? Promise.reject(e) : ([] as T[])));
		const [periods, turvar, turth] = await Promise.all([
			this.d.api.listPeriods(domain, varId, opts).then((r) => {
				this.postFreshness(r);
				return r.items;
			}),
			optional(this.d.api.listDerivedVariables(domain, varId, opts)),
			optional(this.d.api.listDerivedPeriods(domain, varId, opts)),
		]);
		const sorted = sortPeriods(periods);
		return {
			varId,
			periods: sorted,
			defaultPeriods: defaultPeriods(sorted, this.d.ref.years),
			derivedVariables: turvar.map(dim),
			derivedPeriods: turth.map(dim),
		};
	}

	/** A `load` from the webview: the dynamic table for the chosen periods, with progress and Cancel. */
	async loadDynamic(
		requestId: number,
		periods: number[],
		turvar?: number[],
		turth?: number[],
		column?: string,
	): Promise<void> {
		const trade = this.d.ref.kind === 'trade' ? this.d.ref : undefined;
		const family = this.family;
		if (this.varId === undefined && !trade && !family) return;
		const { post, lifetime } = this.d;
		this.load?.ctrl.abort();
		const ctrl = new AbortController();
		const onClose = () => ctrl.abort();
		lifetime.addEventListener('abort', onClose);
		this.load = { requestId, ctrl };
		post({ type: 'loading', requestId, what: 'dynamic' });
		const progress = (done: number, total: number) => post({ type: 'progress', requestId, done, total });
		// The first load of a new panel asks for the default window, already on its way.
		const pre = this.prefetch.data;
		this.prefetch.data = undefined;
		const usePrefetch = pre && !turvar?.length && !turth?.length && pre.key === loadKey(periods);
		if (pre && !usePrefetch) pre.ctrl.abort();
		if (pre && usePrefetch) {
			ctrl.signal.addEventListener('abort', () => pre.ctrl.abort(), { once: true });
			pre.onProgress = progress;
			if (pre.progress) pre.onProgress(...pre.progress);
		}
		try {
			if (trade) return await this.loadTrade(trade, requestId, periods, ctrl.signal);
			if (family) return await family.load(requestId, periods, ctrl.signal, column);
			const t = usePrefetch
				? await raceAbort(pre.table, ctrl.signal)
				: await this.d.api.getDynamicData(
						{
							domain: this.d.ref.domain,
							variable: this.varId!,
							periods,
							turvar,
							turth,
							onProgress: progress,
						},
						{ signal: ctrl.signal, lang: this.d.lang, bypassCache: this.fresh || undefined },
					);
			if (ctrl.signal.aborted) throw new DOMException('aborted', 'AbortError');
			this.fresh = false;
			if (this.d.ref.kind === 'var' && t.variable.title) {
				const { sdg } = this.d.ref;
				this.d.setTitle(sdg ? sdgTitle({ number: sdg, title: t.variable.title }) : t.variable.title);
			}
			this.shown = { kind: 'dynamic', table: t };
			post({ type: 'dynamic', requestId, table: toWire(t) });
			this.postFreshness(t);
		} catch (e) {
			if (lifetime.aborted) return;
			if (ctrl.signal.aborted || isCancelled(e)) {
				post({ type: 'cancelled', requestId });
				return;
			}
			this.d.log.error(`${itemKey(this.d.ref)}: ${e instanceof Error ? e.message : String(e)}`);
			post({ type: 'error', requestId, message: describeError(e) });
		} finally {
			lifetime.removeEventListener('abort', onClose);
			if (this.load?.ctrl === ctrl) this.load = undefined;
		}
	}

	/** Trade data of the chosen years (the periods are years), shown as a dynamic table. */
	private async loadTrade(
		ref: TradeRef,
		requestId: number,
		years: number[],
		signal: AbortSignal,
	): Promise<void> {
		const { result, table } = await loadTrade(this.d.api.families, ref, years, this.d.lang, {
			signal,
			bypassCache: this.fresh || undefined,
		});
		if (signal.aborted) throw new DOMException('aborted', 'AbortError');
		this.fresh = false;
		this.d.setTitle(table.variable.title);
		this.shown = { kind: 'trade', result, table };
		this.d.post({ type: 'dynamic', requestId, table: toWire(table) });
		this.postFreshness(result);
	}

	/**
	 * Tells the webview whether what it shows came from the cache because the API could not be
	 * reached (the "offline — cached at HH:MM" marker, the same words as the tree's), or is fresh.
	 */
	private postFreshness(f: { stale: boolean; fetchedAt: number }): void {
		this.d.post({ type: 'freshness', stale: f.stale, fetchedAt: f.fetchedAt, label: freshnessText(f) });
	}
}

function dim(x: { id: number; label: string }): DimItem {
	return { val: String(x.id), label: x.label };
}

/** Identifies a data window by its periods, in any order. */
function loadKey(periods: number[]): string {
	return [...periods].sort((a, b) => a - b).join(';');
}
