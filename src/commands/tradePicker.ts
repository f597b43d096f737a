import * as vscode from 'vscode';
import { TRADE_FIRST_YEAR } from '../api/families/trade';
import type { TradeQuery } from '../api/families/types';
import type { Lang } from '../api/types';
import { hsChapterText, hsEntries, searchHs, type HsEntry } from '../catalogue/hsSearch';

/** The picker's steps, in order (tests follow them through `active`). */
export type TradeStep = 'flow' | 'level' | 'codes' | 'period' | 'from' | 'to';

export interface TradePickItem extends vscode.QuickPickItem {
	/** What choosing it means at its step: a flow, a level, a code, "monthly"/"annual", a year. */
	value?: string;
}

/** The step on screen, for tests: its QuickPick and its accept (what Enter does). */
export interface ActiveTradeStep {
	step: TradeStep;
	quickPick: vscode.QuickPick<TradePickItem>;
	accept(): void;
}

/** The 8-digit codes used before (the API lists none), newest first. */
const RECENT_HS8 = 'bps.trade.recentHs8';
const MAX_RECENT = 30;

/**
 * The foreign-trade query picker: flow, HS level, HS codes (several; searched by code or words,
 * in both languages), annual or monthly, and the year range. Fields given in `partial` skip their
 * step. Resolves undefined when the user cancels (Escape) at any step.
 */
export class TradePicker {
	/** The step on screen, if any. */
	active: ActiveTradeStep | undefined;

	constructor(
		private readonly state: vscode.Memento,
		private readonly lang: () => Lang,
	) {}

	async pick(partial: Partial<TradeQuery> = {}): Promise<TradeQuery | undefined> {
		const title = vscode.l10n.t('Foreign trade (Indonesia)');
		const flow =
			partial.flow ??
			(await this.one<'export' | 'import'>('flow', title, vscode.l10n.t('Exports or imports?'), [
				{ label: vscode.l10n.t('Exports'), description: vscode.l10n.t('FOB value'), value: 'export' },
				{ label: vscode.l10n.t('Imports'), description: vscode.l10n.t('CIF value'), value: 'import' },
			]));
		if (!flow) return undefined;
		const level =
			partial.hsLevel ??
			(await this.one<'2' | '8'>('level', title, vscode.l10n.t('Which HS level?'), [
				{ label: vscode.l10n.t('HS chapters (2 digits)'), value: '2' },
				{
					label: vscode.l10n.t('HS codes (8 digits)'),
					description: vscode.l10n.t('type the codes'),
					value: '8',
				},
			]).then((v) => (v ? (Number(v) as 2 | 8) : undefined)));
		if (!level) return undefined;
		const hs = partial.hs?.length ? partial.hs : await this.codes(title, level);
		if (!hs) return undefined;
		const monthly =
			partial.monthly ??
			(await this.one<'annual' | 'monthly'>('period', title, vscode.l10n.t('Annual or monthly data?'), [
				{ label: vscode.l10n.t('Annual'), value: 'annual' },
				{ label: vscode.l10n.t('Monthly'), value: 'monthly' },
			]).then((v) => (v ? v === 'monthly' : undefined)));
		if (monthly === undefined) return undefined;
		const years = partial.years?.length ? partial.years : await this.years(title);
		if (!years) return undefined;
		if (level === 8) await this.remember(hs);
		return { flow, hsLevel: level, hs, monthly, years };
	}

	/** A one-of step; resolves the chosen item's value. */
	private one<T extends string>(
		step: TradeStep,
		title: string,
		placeholder: string,
		items: TradePickItem[],
	): Promise<T | undefined> {
		return this.run<T>(step, (qp, done) => {
			qp.title = title;
			qp.placeholder = placeholder;
			qp.items = items;
			return () => {
				const v = qp.activeItems[0]?.value;
				if (v) done(v as T);
			};
		});
	}

	/** The From and To years: every year BPS may have, newest first; the range in order. */
	private async years(title: string): Promise<number[] | undefined> {
		const last = new Date().getFullYear();
		const all: TradePickItem[] = [];
		for (let y = last; y >= TRADE_FIRST_YEAR; y--) all.push({ label: String(y), value: String(y) });
		const from = await this.one<string>('from', title, vscode.l10n.t('From which year?'), all.slice(1));
		if (!from) return undefined;
		const to = await this.one<string>(
			'to',
			title,
			vscode.l10n.t('To which year?'),
			all.filter((i) => Number(i.value) >= Number(from)),
		);
		if (!to) return undefined;
		const out: number[] = [];
		for (let y = Math.min(+from, +to); y <= Math.max(+from, +to); y++) out.push(y);
		return out;
	}

	/** The HS codes step: check several; typed codes of the level count too. */
	private codes(title: string, level: 2 | 8): Promise<string[] | undefined> {
		const lang = this.lang();
		const entries = hsEntries(level, this.state.get<HsEntry[]>(RECENT_HS8, []));
		const chosen = new Map<string, TradePickItem>();
		const itemOf = (e: HsEntry): TradePickItem => ({
			label: e.code,
			description: lang === 'eng' ? e.eng : e.ind,
			detail: level === 8 ? hsChapterText(e.code, lang) : undefined,
			value: e.code,
			alwaysShow: true,
		});
		return this.run<string[]>('codes', (qp, done) => {
			qp.title = title;
			qp.canSelectMany = true;
			qp.placeholder =
				level === 2
					? vscode.l10n.t('Search HS chapters by code or words (e.g. 09, coffee, kopi)')
					: vscode.l10n.t('Type 8-digit HS codes (e.g. 09011110), or search codes used before');
			let invalid: string[] = [];
			const refresh = () => {
				const s = searchHs(qp.value, level, entries);
				invalid = s.invalid;
				const typed = s.typed
					.filter((c) => !s.matches.some((m) => m.code === c))
					.map((c) => ({ code: c, ind: '', eng: '' }));
				const items = [...chosen.values()];
				for (const e of [...typed, ...s.matches]) if (!chosen.has(e.code)) items.push(itemOf(e));
				const warning: TradePickItem[] = invalid.length
					? [
							{
								label: `$(warning) ${vscode.l10n.t('These are not {0}-digit HS codes: {1}.', level, invalid.join(', '))}`,
								alwaysShow: true,
							},
						]
					: [];
				qp.items = [...warning, ...items];
				qp.selectedItems = qp.items.filter((i) => i.value && chosen.has(i.value));
			};
			qp.onDidChangeSelection((sel) => {
				// The list is rebuilt as the user types: what was checked stays checked.
				const shown = new Set(qp.items.map((i) => i.value));
				for (const v of [...chosen.keys()]) if (shown.has(v)) chosen.delete(v);
				for (const i of sel) if (i.value) chosen.set(i.value, i);
			});
			qp.onDidChangeValue(refresh);
			refresh();
			return () => {
				const typed = searchHs(qp.value, level, []).typed;
				const checked = qp.selectedItems.flatMap((i) => i.value ?? []);
				const codes = [...new Set([...chosen.keys(), ...checked, ...typed])];
				if (codes.length) done(codes);
				else
					qp.placeholder = invalid.length
						? vscode.l10n.t('These are not {0}-digit HS codes: {1}.', level, invalid.join(', '))
						: vscode.l10n.t('Choose at least one HS code.');
			};
		});
	}

	/** Remembers typed 8-digit codes for the next search (newest first, bounded). */
	private async remember(codes: string[]): Promise<void> {
		const old = this.state.get<HsEntry[]>(RECENT_HS8, []);
		const fresh = codes.map((code) => old.find((e) => e.code === code) ?? { code, ind: '', eng: '' });
		const rest = old.filter((e) => !codes.includes(e.code));
		await this.state.update(RECENT_HS8, [...fresh, ...rest].slice(0, MAX_RECENT));
	}

	/**
	 * Shows one step's QuickPick. `setup` fills it and returns what Enter does; that calls `done`
	 * with the answer (or not, to keep the step open). Escape resolves undefined.
	 */
	private run<T>(
		step: TradeStep,
		setup: (qp: vscode.QuickPick<TradePickItem>, done: (v: T) => void) => () => void,
	): Promise<T | undefined> {
		return new Promise<T | undefined>((resolve) => {
			const qp = vscode.window.createQuickPick<TradePickItem>();
			qp.matchOnDescription = true;
			qp.ignoreFocusOut = true;
			let answered = false;
			const done = (v: T) => {
				answered = true;
				resolve(v);
				qp.hide();
			};
			const accept = setup(qp, done);
			const me: ActiveTradeStep = { step, quickPick: qp, accept };
			qp.onDidAccept(accept);
			qp.onDidHide(() => {
				if (this.active === me) this.active = undefined;
				if (!answered) resolve(undefined);
				qp.dispose();
			});
			this.active = me;
			qp.show();
		});
	}
}
