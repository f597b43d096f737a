import * as vscode from 'vscode';
import { BpsError, isBpsError, isOfflineError } from '../api/errors';
import { defaultPeriods, sortPeriods } from '../catalogue/periods';
import { Settings } from '../constants';
import type { Services } from '../services';
import { Disposable } from '../util/dispose';
import type { Logger } from '../util/logger';
import { type Favourite, type FavouriteWatch, mergeChange } from './model';
import type { FavouritesStore } from './store';
import { diffStatic, mergeStaticChange, staticSnapshotOf } from './staticDiff';
import { diffSnapshots, hasChanges, snapshotOf } from './tableDiff';

/** A favourite is checked at most once in this time. */
export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** How often the watch looks for favourites due a check (each is still checked once a day). */
const ROUND_INTERVAL_MS = 60 * 60 * 1000;
/** The first round waits a little, so it never competes with what the user opens at start-up. */
const FIRST_ROUND_DELAY_MS = 2 * 60 * 1000;

export interface WatchRound {
	/** Favourites asked about (requests were sent). */
	checked: number;
	/** Favourites newly marked as changed. */
	changed: number;
	/** Why the round stopped early or did not run. */
	stopped?: 'off' | 'noKey' | 'offline';
}

/**
 * The update watch: for each favourite dynamic table (and static table: its date and content), at most once a day, fetches its periods and
 * its pinned window past the cache (through the client, so within its concurrency and rate
 * limits), compares them with the cells kept at the last check, and marks the favourite with what
 * changed. Never while offline: the first unreachable answer ends the round without a message and
 * without counting the check, so it is tried again on the next round. Off with `bps.favourites.watch`.
 */
export class FavouritesWatch extends Disposable {
	private running: Promise<WatchRound> | undefined;

	constructor(
		private readonly store: FavouritesStore,
		private readonly services: Services,
		private readonly log: Logger,
		schedule: boolean,
	) {
		super();
		if (schedule) {
			const run = () => void this.run().catch((e: unknown) => this.log.warn(`watch: ${String(e)}`));
			const first = setTimeout(run, FIRST_ROUND_DELAY_MS);
			const every = setInterval(run, ROUND_INTERVAL_MS);
			this._register({ dispose: () => (clearTimeout(first), clearInterval(every)) });
		}
	}

	static enabled(): boolean {
		return vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.favouritesWatch, true);
	}

	/** One round; a round already running is joined, not doubled. */
	run(now: () => Date = () => new Date()): Promise<WatchRound> {
		this.running ??= this.round(now).finally(() => (this.running = undefined));
		return this.running;
	}

	private async round(now: () => Date): Promise<WatchRound> {
		const result: WatchRound = { checked: 0, changed: 0 };
		if (!FavouritesWatch.enabled()) return { ...result, stopped: 'off' };
		if (!(await this.services.keyStore.get())) return { ...result, stopped: 'noKey' };
		for (const fav of await this.store.list()) {
			if (fav.ref.kind !== 'var' && fav.ref.kind !== 'statictable') continue;
			const last = fav.watch ? Date.parse(fav.watch.checkedAt) : NaN;
			if (now().getTime() - last < CHECK_INTERVAL_MS) continue;
			let watch: FavouriteWatch;
			try {
				result.checked++;
				watch = await this.check(fav, now());
			} catch (e) {
				if (isBpsError(e) && (isOfflineError(e.kind) || e.kind === 'noKey' || e.kind === 'badKey')) {
					this.log.info(`watch stopped: ${e.kind}`);
					return { ...result, stopped: e.kind === 'noKey' || e.kind === 'badKey' ? 'noKey' : 'offline' };
				}
				// The item itself failed (gone, no data): counted as checked, tried again tomorrow.
				this.log.warn(`watch: ${fav.ref.kind} ${fav.ref.id}: ${e instanceof Error ? e.message : String(e)}`);
				watch = { ...fav.watch, checkedAt: now().toISOString() };
			}
			if (watch.change && watch.change !== fav.watch?.change) result.changed++;
			await this.store.update((list) => list.map((f) => (f.key === fav.key ? { ...f, watch } : f)));
		}
		return result;
	}

	private async check(fav: Favourite, at: Date): Promise<FavouriteWatch> {
		if (fav.ref.kind === 'statictable') return this.checkStatic(fav, at);
		const { client } = this.services;
		const variable = Number(fav.ref.id);
		const opts = { bypassCache: true };
		const list = await client.listPeriods(fav.ref.domain, variable, opts);
		const periods = sortPeriods(list.items);
		const table = await client.getDynamicData(
			{ domain: fav.ref.domain, variable, periods: defaultPeriods(periods, fav.ref.years) },
			opts,
		);
		// The client answers from its cache when the API cannot be reached: that is offline, not news.
		if (list.stale || table.stale) throw new BpsError('network', 'served from the cache');
		const snapshot = snapshotOf(
			table,
			periods.map((p) => p.label),
			fav.view,
		);
		const before = fav.watch?.snapshot;
		const found = before && diffSnapshots(before, snapshot);
		const change =
			found && hasChanges(found)
				? mergeChange(fav.watch?.change, found, at.toISOString())
				: fav.watch?.change;
		return { checkedAt: at.toISOString(), snapshot, ...(change ? { change } : {}) };
	}

	/** A static table: its update date and a digest of its content, against the last check's. */
	private async checkStatic(fav: Favourite, at: Date): Promise<FavouriteWatch> {
		const detail = await this.services.client.getStaticTable(fav.ref.domain, Number(fav.ref.id), {
			bypassCache: true,
		});
		if (detail.stale) throw new BpsError('network', 'served from the cache');
		const table = staticSnapshotOf(detail);
		const before = fav.watch?.table;
		const found = before && diffStatic(before, table);
		const prev = fav.watch?.change;
		// Unseen earlier changes keep their first date: "updated 2024-01-01 → 2024-09-01" over two checks.
		const change = found
			? {
					at: at.toISOString(),
					newPeriods: [],
					count: 0,
					revised: [],
					table: mergeStaticChange(prev?.table, found),
				}
			: prev;
		return { checkedAt: at.toISOString(), table, ...(change ? { change } : {}) };
	}
}
