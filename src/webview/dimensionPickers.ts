/**
 * The dimension choices of the dynamic-table view: which rows, which derived variable, which
 * sub-period. Each choice is saved in the UI state (restored after a reload) and then reported, so
 * the view lays the table out again.
 */
import type { DynamicTable } from '../api/types';
import { t, type ViewContext } from './context';
import { clear, fmt } from './dom';
import { localiseCount, option, select } from './elements';
import { field, fillChoice } from './viewParts';

/** Above this many rows the row picker is hidden (the text filter still works). */
const MAX_ROW_OPTIONS = 2000;

export class DimensionPickers {
	/** Rows, derived variable, sub-period: labelled fields for the controls row. */
	readonly fields: [rows: HTMLElement, turvar: HTMLElement, turtahun: HTMLElement];
	private readonly rowsSel = select('rows', true);
	private readonly turvarSel = select('turvar');
	private readonly turtahunSel = select('turtahun');
	/** Shows the row picker's count in the UI language ("514 dipilih", not "514 Selected"). */
	private readonly rowsCount: (n: number) => void;
	private table: DynamicTable | undefined;

	constructor(
		private readonly ctx: ViewContext,
		/** A choice changed (already saved in the UI state). */
		onChange: () => void,
	) {
		this.rowsCount = localiseCount(this.rowsSel, (n) =>
			n ? fmt(t(ctx, 'selected'), n.toLocaleString(ctx.locale)) : t(ctx, 'allRows'),
		);
		this.rowsSel.addEventListener('change', () => {
			const v = this.rowsSel.value as string[];
			this.rowsCount(v.length);
			const all = !v.length || (this.table && v.length === this.table.vervar.length);
			ctx.saveUi({ rows: all ? undefined : v });
			onChange();
		});
		for (const [sel, key] of [
			[this.turvarSel, 'turvar'],
			[this.turtahunSel, 'turtahun'],
		] as const)
			sel.addEventListener('change', () => {
				ctx.saveUi({ [key]: sel.value as string });
				onChange();
			});
		// Census and SIMDASI tables put their columns (a category, the table's variables) there.
		const family = ctx.ref.kind === 'census' || ctx.ref.kind === 'simdasi';
		this.fields = [
			field(t(ctx, 'rows'), this.rowsSel, 'wide'),
			field(t(ctx, family ? 'column' : 'derivedVariable'), this.turvarSel),
			field(t(ctx, 'subPeriod'), this.turtahunSel),
		];
	}

	/**
	 * Fills the pickers for `tb` with the saved choices. `withRows` false: the row picker is emptied
	 * and filled later (fillRows), after the grid's first paint.
	 * @returns whether the row picker is shown (a picker with tens of thousands of options would
	 * freeze the page; the text filter covers huge tables).
	 */
	fill(tb: DynamicTable, withRows = true): boolean {
		this.table = tb;
		const [rowsWrap, turvarWrap, turtahunWrap] = this.fields;
		clear(this.rowsSel);
		rowsWrap.hidden = tb.vervar.length > MAX_ROW_OPTIONS;
		if (withRows && !rowsWrap.hidden) this.fillRows(tb);
		fillChoice(this.ctx, this.turvarSel, turvarWrap, tb.turvar, this.ctx.ui.turvar);
		fillChoice(this.ctx, this.turtahunSel, turtahunWrap, tb.turtahun, this.ctx.ui.turtahun);
		return !rowsWrap.hidden;
	}

	/** The row picker's options (one custom element per row: 514 take longer than a first paint). */
	fillRows(tb: DynamicTable): void {
		if (tb !== this.table) return;
		const rows = new Set(this.ctx.ui.rows ?? tb.vervar.map((x) => x.val));
		this.rowsSel.append(...tb.vervar.map((v) => option(v.val, v.label, rows.has(v.val))));
		this.rowsCount(tb.vervar.filter((v) => rows.has(v.val)).length);
	}
}
