/**
 * The census preview's "Columns by" choice: which dimension (a category, or the area when several
 * are shown) goes across the columns; the others go down the rows. The host lays the table out
 * (censusTable.ts), so a change asks for the data again through the period picker's `load`, which
 * carries the choice. Saved in the UI state, so a reloaded panel lays the table out the same way.
 * Other kinds have no such choice: the control stays hidden.
 */
import type { DynamicDims } from '../preview/protocol';
import { t, type ViewContext } from './context';
import { clear } from './dom';
import { option, select } from './elements';
import { field } from './viewParts';

export class CensusColumns {
	readonly el: HTMLElement;
	private readonly sel = select('census-columns');

	constructor(
		private readonly ctx: ViewContext,
		/** The choice changed (already saved): load the table again. */
		onChange: () => void,
	) {
		this.sel.addEventListener('change', () => {
			// The chosen rows, column item and sort name rows and columns of the old layout.
			ctx.saveUi({
				censusColumn: this.sel.value as string,
				rows: undefined,
				turvar: undefined,
				selected: undefined,
				sortKey: undefined,
			});
			onChange();
		});
		this.el = field(t(ctx, 'censusColumns'), this.sel);
		this.el.hidden = true;
	}

	/** The dimensions of the data arrived: offer them, the saved choice (or the host's default) selected. */
	set(d: DynamicDims): void {
		const layouts = this.ctx.ref.kind === 'census' ? (d.layouts ?? []) : [];
		const saved = this.ctx.ui.censusColumn;
		const value = layouts.some((x) => x.val === saved) ? saved : d.column;
		clear(this.sel);
		for (const x of layouts) this.sel.append(option(x.val, x.label, x.val === value));
		this.el.hidden = layouts.length < 2;
	}
}
