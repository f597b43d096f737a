/**
 * What every family converter needs besides the data, and the small rules they share: the one
 * tidy schema's extra column names, the two region codes and a period text.
 */
import { BPS_HOME } from '../../api/attribution';
import { redactKey } from '../common';

export interface FamilyContext {
	/** Language of the data and of the header (titles, variable names and units follow it). */
	lang: 'ind' | 'eng';
	/** When the user accessed the data (the header's "Diakses" line). */
	accessedAt: Date;
	/** The BPS website for the "Sumber" line; default https://www.bps.go.id. Never an API URL. */
	sourceUrl?: string;
	/** API base for the fetch-code formats (the `bps.apiBaseUrl` setting). Required by those. */
	baseUrl?: string;
	/**
	 * A better title than the data carries, e.g. the census dataset's name (the data answer
	 * holds only its id) or a classification subtree's label.
	 */
	title?: string;
}

/**
 * Column names the families add to the tidy schema of tidy.ts (region_code, region, year, period,
 * value keep their names). `domain_code` is our 4-digit domain beside BPS's own MFD region code,
 * so a census or SIMDASI frame joins onto a dynamic table's `region_code`; null where no domain
 * exists (districts).
 */
export const FAMILY_COLUMNS = {
	domainCode: 'domain_code',
	indicatorCode: 'indicator_code',
	indicator: 'indicator',
	variableCode: 'variable_code',
	variable: 'variable',
	unit: 'unit',
	month: 'month',
	hsCode: 'hs_code',
	hsDescription: 'hs_description',
	port: 'port',
	country: 'country',
	valueUsd: 'value_usd',
	netWeightKg: 'net_weight_kg',
	code: 'code',
	title: 'title',
	level: 'level',
	parentCode: 'parent_code',
} as const;

/** The source line's URL: the given BPS page, redacted, or the BPS home page. */
export function sourceOf(ctx: FamilyContext, fallback?: string): string {
	const url = ctx.sourceUrl || fallback;
	return url && /^https?:\/\//i.test(url) ? redactKey(url) : BPS_HOME;
}

/** "2015–2024" for a run of consecutive years, else "2014, 2016"; sorted, without repeats. */
export function yearsText(years: readonly number[]): string {
	const ys = [...new Set(years)].filter(Number.isFinite).sort((a, b) => a - b);
	if (!ys.length) return '';
	const consecutive = ys.every((y, i) => i === 0 || y === ys[i - 1] + 1);
	if (ys.length === 1) return String(ys[0]);
	return consecutive ? `${ys[0]}–${ys[ys.length - 1]}` : ys.join(', ');
}
