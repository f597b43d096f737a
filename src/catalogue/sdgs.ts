/**
 * SDG indicators and SDDS tables as catalogue items. BPS publishes both for Indonesia only
 * (domain 0000), and each points at a national dynamic table (SDDS: sometimes a static table),
 * so they open, insert, link and cite as that table: the ref is a `VarRef` carrying the
 * indicator number in `sdg`. Pure (no `vscode`).
 */
import type { SddsItem, SdgIndicator } from '../api/families/types';
import type { StaticTable, Variable } from '../api/types';
import { sdgTitle } from './sdgTitle';
import type { ItemOf } from './items';
import { tokenize } from './searchIndex';

/** Where SDG and SDDS data lives, whatever region the user browses. */
export const NATIONAL = '0000';

/** The list record of a dynamic table known only from an SDG or SDDS entry (tooltips read it). */
function variable(id: number, title: string, subjectId: number, subjectName: string, unit: string): Variable {
	return { id, title, subjectId, subjectName, unit, definition: '', notes: '', verticalGroup: 0 };
}

/** The dynamic table an indicator points to, as an item titled with the indicator number. */
export function sdgItem(i: SdgIndicator): ItemOf<'var'> & { record: Variable } {
	const record = variable(i.varId, i.title.trim(), i.subjectId ?? 0, i.subjectName, i.unit);
	return {
		kind: 'var',
		ref: { domain: NATIONAL, kind: 'var', id: i.varId, title: sdgTitle(i), sdg: i.number },
		subject: i.goalName,
		unit: i.unit,
		record,
	};
}

/** The table an SDDS entry points to. */
export function sddsItem(
	x: SddsItem,
): (ItemOf<'var'> & { record: Variable }) | (ItemOf<'statictable'> & { record: StaticTable }) {
	const title = x.title.trim();
	if (x.kind === 'var') {
		const record = variable(x.targetId, title, 0, x.category, x.unit);
		const ref = { domain: NATIONAL, kind: 'var' as const, id: x.targetId, title };
		return { kind: 'var', ref, subject: x.category, unit: x.unit, record };
	}
	const record: StaticTable = {
		id: x.targetId,
		title,
		subjectId: null,
		subjectName: x.category,
		updated: '',
		size: '',
		excelUrl: '',
	};
	const ref = { domain: NATIONAL, kind: 'statictable' as const, id: x.targetId, title };
	return { kind: 'statictable', ref, subject: x.category, record };
}

/** Goals in order, each with its name as the API gives it in the data language. */
export function sdgGoals(list: readonly SdgIndicator[]): Array<{ goal: number; name: string }> {
	const goals = new Map<number, string>();
	for (const i of list) if (!goals.has(i.goal)) goals.set(i.goal, i.goalName);
	return [...goals].sort((a, b) => a[0] - b[0]).map(([goal, name]) => ({ goal, name }));
}

/** Indicators in number order ("1.2.1" before "1.10.1"). */
export function sortSdgs(list: readonly SdgIndicator[]): SdgIndicator[] {
	return [...list].sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
}

/** Indicator numbers as typed: "1.2.1", "SDG 1.2.1", "1.2"; lower case, no trailing marks. */
function numberQuery(query: string): string | undefined {
	const m = /^\s*(?:sdgs?\s*)?(\d{1,2}(?:\.[0-9a-z]+)*(?:\.\([a-z]\))?)\.?\s*$/i.exec(query);
	return m ? m[1].toLowerCase() : undefined;
}

/**
 * The indicators a search query finds: by number (a prefix at a dot: "1.2" finds 1.2.1, not
 * 1.21.1), else every query word a prefix of a word of the number or title.
 */
export function matchSdgs(query: string, list: readonly SdgIndicator[]): SdgIndicator[] {
	const num = numberQuery(query);
	if (num !== undefined) {
		return sortSdgs(
			list.filter((i) => {
				const n = i.number.toLowerCase();
				return n === num || n.startsWith(`${num}.`);
			}),
		);
	}
	const words = tokenize(query);
	if (!words.length) return [];
	return sortSdgs(
		list.filter((i) => {
			const own = tokenize(`${i.number} ${i.title}`);
			return words.every((w) => own.some((t) => t.startsWith(w)));
		}),
	);
}

/** The SDDS tables whose title or category has every word of `query` (prefixes, any case), in list order. */
export function matchSdds(query: string, list: readonly SddsItem[]): SddsItem[] {
	const words = tokenize(query);
	if (!words.length) return [];
	return list.filter((x) => {
		const own = tokenize(`${x.title} ${x.category}`);
		return words.every((w) => own.some((t) => t.startsWith(w)));
	});
}

/** What a caller may pass to name an indicator: `{ kind: 'sdg', number: '1.2.1' }` or `{ kind: 'sdg', varId: 154 }`. */
export interface SdgSpec {
	number?: string;
	varId?: number;
}

/** The spec of a `{ kind: 'sdg', … }` argument; undefined for anything else. */
export function toSdgSpec(arg: unknown): SdgSpec | undefined {
	if (!arg || typeof arg !== 'object') return undefined;
	const o = arg as Record<string, unknown>;
	if (o.kind !== 'sdg') return undefined;
	const spec: SdgSpec = {};
	if (typeof o.number === 'string' && o.number.trim()) spec.number = o.number.trim().replace(/\*$/, '');
	const v = typeof o.varId === 'string' && /^\d+$/.test(o.varId) ? Number(o.varId) : o.varId;
	if (typeof v === 'number' && Number.isSafeInteger(v)) spec.varId = v;
	return spec;
}

/** The indicator a spec names, if the list has it. */
export function findSdg(list: readonly SdgIndicator[], spec: SdgSpec): SdgIndicator | undefined {
	if (spec.number !== undefined) {
		const n = spec.number.toLowerCase();
		return list.find((i) => i.number.toLowerCase() === n || i.rawNumber.toLowerCase() === n);
	}
	if (spec.varId !== undefined) return list.find((i) => i.varId === spec.varId);
	return undefined;
}

/** How a spec names its indicator in messages: "1.2.1" or "var 154". */
export function sdgSpecText(spec: SdgSpec): string {
	return spec.number ?? (spec.varId !== undefined ? `var ${spec.varId}` : '?');
}
