/**
 * Foreign trade in the catalogue search: BPS lists no trade tables, so a query that names HS codes
 * ("09", "09011110") or words of the HS chapters' descriptions ("coffee", "kopi") gives trade
 * queries — exports and imports of each code, annual, the last two complete years (the trade
 * preview's own default; its period picker changes them). "ekspor"/"exports" or "impor"/"imports"
 * in the query keep one flow. No request: the chapters are known (hsChapters.ts). Pure.
 */
import { HS_CHAPTERS, hsChapterOf, isHsCode } from '../api/families/hsChapters';
import type { TradeFlow } from '../api/families/types';
import type { Lang } from '../api/types';
import { tradeRef } from './items';
import type { ItemOf } from './items';
import { tokenize } from './searchIndex';

/** The most HS codes one query turns into trade results (two results each, one per flow). */
export const MAX_TRADE_CODES = 4;

const FLOW_WORDS: Record<string, TradeFlow> = {
	ekspor: 'export',
	export: 'export',
	exports: 'export',
	impor: 'import',
	import: 'import',
	imports: 'import',
};

/** Words too short or too common to name an HS chapter on their own. */
const MIN_WORD = 3;

/** The years a trade result asks for: the last two complete years. */
export function defaultTradeYears(now = new Date()): number[] {
	const y = now.getFullYear();
	return [y - 2, y - 1];
}

/** "Ekspor HS 09 — Kopi, teh, …" / "Exports of HS 09 — Coffee, tea, …" (in the data language). */
export function tradeSearchTitle(flow: TradeFlow, code: string, lang: Lang): string {
	const c = hsChapterOf(code);
	const text = c ? (lang === 'eng' ? c.eng : c.ind) : '';
	const head =
		lang === 'eng'
			? `${flow === 'export' ? 'Exports' : 'Imports'} of HS ${code}`
			: `${flow === 'export' ? 'Ekspor' : 'Impor'} HS ${code}`;
	return text ? `${head} — ${text}` : head;
}

/**
 * The trade results of a query: every 2- or 8-digit HS code typed, else the chapters whose
 * description (Indonesian or English) has every word; nothing for other queries (a year such as
 * "2020" is no HS code).
 */
export function tradeSearchItems(query: string, lang: Lang, now = new Date()): ItemOf<'trade'>[] {
	const tokens = tokenize(query);
	const flows = new Set(tokens.flatMap((t) => FLOW_WORDS[t] ?? []));
	// "HS 09" names the code as "09" does.
	const rest = tokens.filter((t) => !FLOW_WORDS[t] && t !== 'hs');
	if (!rest.length) return [];
	const digits = rest.filter((t) => /^\d+$/.test(t));
	const words = rest.filter((t) => !/^\d+$/.test(t));
	let codes: Array<{ code: string; level: 2 | 8 }>;
	if (digits.length) {
		// Codes only: "kopi 09" or "2020" is not a trade query.
		if (words.length || !digits.every((d) => isHsCode(d, 2) || isHsCode(d, 8))) return [];
		codes = digits.map((d) => ({ code: d, level: d.length === 2 ? 2 : 8 }));
	} else {
		if (words.some((w) => w.length < MIN_WORD)) return [];
		codes = HS_CHAPTERS.filter((c) => {
			const own = tokenize(`${c.ind} ${c.eng}`);
			return words.every((w) => own.some((o) => o.startsWith(w)));
		}).map((c) => ({ code: c.code, level: 2 as const }));
	}
	const years = defaultTradeYears(now);
	const wanted: TradeFlow[] = flows.size ? [...flows] : ['export', 'import'];
	const seen = new Set<string>();
	return codes
		.filter((c) => !seen.has(c.code) && seen.add(c.code))
		.slice(0, MAX_TRADE_CODES)
		.flatMap((c) =>
			wanted.map((flow): ItemOf<'trade'> => {
				const q = { flow, hs: [c.code], hsLevel: c.level, monthly: false, years };
				return {
					kind: 'trade',
					ref: tradeRef(q, tradeSearchTitle(flow, c.code, lang)),
					record: q,
					titleLang: lang,
				};
			}),
		);
}
