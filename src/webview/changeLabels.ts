/**
 * How the changes "Show changes" marks read: the grid's tooltips and accessible names of revised
 * and new cells, and the status line above the grid. Pure (strings in, strings out), so the
 * wording is unit-tested with changeMarks.ts in test/unit/webview/changeMarks.test.ts.
 */
import { formatValue } from '../api/table';
import type { ChangeMarks } from './changeMarks';
import { fmt } from './dom';
import type { CellHighlight } from './grid';

export interface ChangeLabelContext {
	strings: Record<string, string>;
	locale: string;
	decimal: number;
}

/** The grid's `mark`/`headMark` for `marks`; `text(r, c)` is a cell's display text (c = -1: its row label). */
export function changeLabels(
	ctx: ChangeLabelContext,
	marks: ChangeMarks,
	text: (r: number, c: number) => string,
	colHeader: (c: number) => string,
): {
	mark(r: number, c: number): CellHighlight | undefined;
	headMark(c: number): CellHighlight | undefined;
	summary: string;
} {
	const s = (k: string) => ctx.strings[k] ?? k;
	const value = (x: number | undefined) => formatValue(x ?? NaN, ctx.decimal, ctx.locale);
	const newPeriod = (what: string): CellHighlight => ({
		kind: 'new-period',
		title: s('changeNewPeriod'),
		label: fmt(s('changeNewPeriodCell'), what),
	});
	return {
		mark: (r, c) => {
			const m = marks.cell(r, c);
			if (!m) return undefined;
			if (m.kind === 'new') return newPeriod(text(r, c));
			const title = fmt(s('changeRevised'), value(m.from), value(m.to));
			return { kind: 'revised', title, label: fmt(s('changeRevisedCell'), value(m.to), value(m.from)) };
		},
		headMark: (c) => (marks.newColumn(c) ? newPeriod(colHeader(c)) : undefined),
		summary: changeSummary(s, marks),
	};
}

/** "Revised values: 3 · New periods: 2027" (and what the view does not show), or that nothing is shown. */
function changeSummary(s: (k: string) => string, marks: ChangeMarks): string {
	const parts: string[] = [];
	if (marks.revisedShown) parts.push(fmt(s('changeRevisedCount'), marks.revisedShown));
	if (marks.newPeriodsShown.length) parts.push(fmt(s('changeNewPeriods'), marks.newPeriodsShown.join(', ')));
	if (marks.revisedHidden) parts.push(fmt(s('changeHidden'), marks.revisedHidden));
	return parts.length ? parts.join(' · ') : s('changeNone');
}
