/**
 * A foreign-trade query's identity and title. Its own small module: the catalogue and the public
 * API (loaded at activation) use it, the snippets and the webview re-use it. Pure.
 */
import type { TradeQuery } from '../api/families/types';

/** The identity of a foreign-trade query, without its years. */
export function tradeKey(q: {
	flow: 'export' | 'import';
	hs: readonly string[];
	hsLevel: 2 | 8;
	monthly: boolean;
}): string {
	const codes = [...new Set(q.hs.map((c) => c.trim()))].sort().join(',');
	return `${q.flow}/hs${q.hsLevel}/${codes}/${q.monthly ? 'monthly' : 'annual'}`;
}

/** The query a {@link tradeKey} names; undefined for anything else. */
export function parseTradeKey(
	key: string,
): { flow: 'export' | 'import'; hs: string[]; hsLevel: 2 | 8; monthly: boolean } | undefined {
	const m = /^(export|import)\/hs(2|8)\/(\d+(?:,\d+)*)\/(monthly|annual)$/.exec(key);
	if (!m) return undefined;
	return {
		flow: m[1] as 'export' | 'import',
		hsLevel: m[2] === '2' ? 2 : 8,
		hs: m[3].split(','),
		monthly: m[4] === 'monthly',
	};
}

/** "Ekspor menurut kode HS 2 digit: 03, 09 (bulanan)" / "Exports by 2-digit HS code: 03, 09 (monthly)". */
export function tradeTitle(
	q: Pick<TradeQuery, 'flow' | 'hs' | 'hsLevel' | 'monthly'>,
	lang: 'ind' | 'eng',
): string {
	const codes = q.hs.length > 6 ? `${q.hs.slice(0, 6).join(', ')}, …` : q.hs.join(', ');
	if (lang === 'eng')
		return `${q.flow === 'export' ? 'Exports' : 'Imports'} by ${q.hsLevel}-digit HS code: ${codes} (${q.monthly ? 'monthly' : 'annual'})`;
	return `${q.flow === 'export' ? 'Ekspor' : 'Impor'} menurut kode HS ${q.hsLevel} digit: ${codes} (${q.monthly ? 'bulanan' : 'tahunan'})`;
}
