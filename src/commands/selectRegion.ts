import * as vscode from 'vscode';
import type { Domain } from '../api/types';
import { matchRegions, prepareRegions, pushRecent, type RegionEntry } from '../catalogue/regions';
import { Commands, Settings, StateKeys } from '../constants';
import { regionLabels } from '../presentation/regions';
import type { TreeFeature } from '../tree/feature';
import { updateEffectiveSetting } from '../util/config';
import { reportError } from '../util/errors';

const MAX_RECENT = 8;

interface RegionItem extends vscode.QuickPickItem {
	id?: string;
}

/**
 * `bps.selectRegion [code]`: choose the region (BPS domain) the catalogue shows. With a 4-digit
 * code argument (scripts, tests) it switches directly; otherwise a QuickPick over all domains
 * with our own matcher (aliases such as "jatim", "kota bandung", codes), recent regions first.
 * The choice goes to the `bps.domain` setting; resolves with the code, or undefined when cancelled.
 */
export function registerSelectRegion(context: vscode.ExtensionContext, f: TreeFeature): void {
	const log = f.services.logger('region');

	const apply = async (id: string): Promise<string> => {
		await updateEffectiveSetting(Settings.domain, id);
		const recent = pushRecent(
			context.globalState.get<string[]>(StateKeys.recentDomains) ?? [],
			id,
			MAX_RECENT,
		);
		await context.globalState.update(StateKeys.recentDomains, recent);
		log.info(`region set to ${id}`);
		return id;
	};

	context.subscriptions.push(
		vscode.commands.registerCommand(
			Commands.selectRegion,
			async (arg?: unknown): Promise<string | undefined> => {
				if (typeof arg === 'string' || typeof arg === 'number') {
					const id = String(arg).padStart(4, '0');
					if (!/^\d{4}$/.test(id)) {
						void vscode.window.showErrorMessage(
							vscode.l10n.t('"{0}" is not a BPS region code (4 digits, e.g. 3578).', String(arg)),
						);
						return undefined;
					}
					// Check the code against the domain list when we can; offline, trust the caller.
					const known = await f.catalogue.domains().then(
						(d) => d.items.some((x) => x.id === id),
						() => true,
					);
					if (!known) {
						void vscode.window.showErrorMessage(vscode.l10n.t('BPS has no region with code {0}.', id));
						return undefined;
					}
					return apply(id);
				}
				const picked = await pickRegion(f, context.globalState.get<string[]>(StateKeys.recentDomains) ?? []);
				return picked ? apply(picked) : undefined;
			},
		),
	);
}

async function pickRegion(f: TreeFeature, recent: readonly string[]): Promise<string | undefined> {
	const qp = vscode.window.createQuickPick<RegionItem>();
	qp.title = vscode.l10n.t('BPS: Select Region');
	qp.placeholder = vscode.l10n.t('Type a region name, code or abbreviation (jatim, kota bandung, 3578)');
	qp.matchOnDescription = true;
	qp.busy = true;
	qp.show();
	const current = f.services.config().domain;
	let entries: RegionEntry[] = [];
	const render = () => {
		const q = qp.value.trim();
		const items = q ? searchItems(entries, q, recent) : browseItems(entries, recent, current);
		qp.items = items;
		// With a query, VS Code focuses the first (best) item itself; setting it here races its filter.
		const active = q ? undefined : items.find((i) => i.id === current);
		if (active) qp.activeItems = [active];
	};
	return new Promise<string | undefined>((resolve) => {
		let done = false;
		const finish = (v: string | undefined) => {
			if (done) return;
			done = true;
			resolve(v);
			qp.dispose();
		};
		qp.onDidChangeValue(render);
		qp.onDidAccept(() => finish(qp.selectedItems[0]?.id ?? qp.activeItems[0]?.id));
		qp.onDidHide(() => finish(undefined));
		f.catalogue.domains().then(
			(d) => {
				entries = prepareRegions(d.items, regionLabels());
				qp.busy = false;
				render();
			},
			(e: unknown) => {
				qp.hide();
				void reportError(e, f.services.logger('region'), 'listing regions');
			},
		);
	});
}

function item(e: RegionEntry, recent?: boolean): RegionItem {
	const d: Domain = e.domain;
	return {
		id: d.id,
		label: e.display,
		description: e.provinceName ? `${d.id} · ${e.provinceName}` : d.id,
		detail: d.url || undefined,
		iconPath: new vscode.ThemeIcon(
			recent ? 'history' : e.type === 'regency' || e.type === 'city' ? 'location' : 'globe',
		),
		// We filter and rank ourselves (aliases, kota/kabupaten); VS Code must not hide our matches.
		alwaysShow: true,
	};
}

/** Empty query: recent regions, then Indonesia, then each province followed by its regencies and cities. */
function browseItems(entries: RegionEntry[], recent: readonly string[], current: string): RegionItem[] {
	const out: RegionItem[] = [];
	const byId = new Map(entries.map((e) => [e.domain.id, e]));
	const recentEntries = recent.map((id) => byId.get(id)).filter((e): e is RegionEntry => !!e);
	if (recentEntries.length) {
		out.push({ label: vscode.l10n.t('Recent'), kind: vscode.QuickPickItemKind.Separator });
		out.push(...recentEntries.map((e) => item(e, true)));
	}
	let province = '';
	for (const e of [...entries].sort((a, b) => a.domain.id.localeCompare(b.domain.id))) {
		const group = e.type === 'national' ? vscode.l10n.t('National') : e.domain.id.slice(0, 2);
		if (group !== province) {
			province = group;
			out.push({
				label: e.type === 'national' ? group : (e.provinceName ?? e.display),
				kind: vscode.QuickPickItemKind.Separator,
			});
		}
		const it = item(e);
		if (e.domain.id === current) it.description = `${it.description} · ${vscode.l10n.t('current')}`;
		out.push(it);
	}
	return out;
}

function searchItems(entries: RegionEntry[], q: string, recent: readonly string[]): RegionItem[] {
	const matches = matchRegions(entries, q, { recent, limit: 80 });
	if (!matches.length) {
		return [{ label: vscode.l10n.t('No region matches "{0}"', q), alwaysShow: true }];
	}
	return matches.map((m) => item(m.entry));
}
