/**
 * The trade preview's "Rows by" choice: every HS code × country × port, or the sums by HS code,
 * by country or by port (tradeTable.ts). Other kinds have no such choice: the control stays
 * hidden and tables pass through.
 */
import type { DynamicTable } from '../api/types';
import { regroupTrade, TRADE_ROWS_BY, type TradeRowsBy } from '../preview/tradeTable';
import { t, type ViewContext } from './context';
import { option, select } from './elements';
import { field } from './viewParts';

const LABEL_KEY: Record<TradeRowsBy, string> = {
	all: 'tradeRowsAll',
	hs: 'tradeRowsHs',
	country: 'tradeRowsCountry',
	port: 'tradeRowsPort',
};

/**
 * The chart's unit: a trade view charts one derived variable at a time, whose label is its unit
 * ("Value (US$)"); a dynamic table's unit is its variable's.
 */
export function chartUnit(ctx: ViewContext, tb: DynamicTable, turvar: string | undefined): string {
	const one =
		ctx.ref.kind === 'trade' && turvar !== '*' ? tb.turvar.find((x) => x.val === turvar) : undefined;
	return one?.label ?? tb.variable.unit;
}

export class TradeRows {
	readonly el: HTMLElement;
	private by: TradeRowsBy;

	constructor(
		private readonly ctx: ViewContext,
		/** The grouping changed: lay the table out again. */
		onChange: () => void,
	) {
		this.by = ctx.ui.tradeRows ?? 'all';
		// Values (US$) and weights (kg) on one axis would mislead: a new trade view shows the values.
		if (ctx.ref.kind === 'trade' && ctx.ui.turvar === undefined) ctx.saveUi({ turvar: 'value' });
		const sel = select('trade-rows');
		for (const b of TRADE_ROWS_BY) sel.append(option(b, t(ctx, LABEL_KEY[b]), b === this.by));
		sel.addEventListener('change', () => {
			this.by = (TRADE_ROWS_BY as readonly string[]).includes(sel.value as string)
				? (sel.value as TradeRowsBy)
				: 'all';
			// The chosen rows name rows of the old grouping.
			this.ctx.saveUi({ tradeRows: this.by, rows: undefined, selected: undefined });
			onChange();
		});
		this.el = field(t(ctx, 'tradeRowsBy'), sel);
		this.el.hidden = ctx.ref.kind !== 'trade';
	}

	/** The table as the chosen grouping shows it. */
	apply(full: DynamicTable): DynamicTable {
		if (this.ctx.ref.kind !== 'trade' || this.by === 'all') return full;
		return regroupTrade(full, this.by, {
			unknown: t(this.ctx, 'tradeUnknown'),
			rowTitle: t(this.ctx, LABEL_KEY[this.by]),
		});
	}
}
