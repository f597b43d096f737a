/**
 * "Show changes" in the dynamic view: keeps a favourite's changes, lays their marks on each grid
 * model the view builds (any pivot), and keeps the status line above the grid that says what is
 * marked — the same words a screen reader hears.
 */
import type { PivotResult, PivotSpec } from '../api/table';
import type { DynamicTable } from '../api/types';
import type { ChangeHighlight, WebviewMessage } from '../preview/protocol';
import { changeLabels } from './changeLabels';
import { changeMarks } from './changeMarks';
import { t, type ViewContext } from './context';
import { fmt, h } from './dom';
import type { GridModel } from './grid';

export class ChangeView {
	/** "Changes since you last looked: …", shown while there are changes to highlight. */
	readonly el = h('p', { class: 'changes', attrs: { hidden: '', role: 'status' } });
	private changes: ChangeHighlight | undefined;

	constructor(private readonly ctx: ViewContext) {}

	set(changes: ChangeHighlight): void {
		this.changes = changes;
	}

	/**
	 * Adds the marks to `model` (the grid of pivot `r`); returns the `highlighted` message to post
	 * once the grid shows it, or undefined with no changes to highlight.
	 */
	apply(tb: DynamicTable, spec: PivotSpec, r: PivotResult, model: GridModel): WebviewMessage | undefined {
		if (!this.changes) return undefined;
		const ctx = this.ctx;
		const marks = changeMarks(tb, spec, r, this.changes);
		const text = (i: number, c: number) => (c < 0 ? model.rowLabel(i) : model.text(i, c));
		const labels = changeLabels(
			{ ...ctx, decimal: tb.variable.decimal },
			marks,
			text,
			(c) => model.colHeaders[c],
		);
		model.mark = labels.mark;
		model.headMark = labels.headMark;
		this.el.textContent = fmt(t(ctx, 'changesSince'), labels.summary);
		this.el.hidden = false;
		const periods = marks.newPeriodsShown.length;
		return { type: 'highlighted', cells: marks.revisedShown, periods, summary: labels.summary };
	}
}
