/**
 * The period range of a dynamic table (From, To, Load) with its progress line and Cancel. It asks
 * the host for the chosen periods and matches the answers (progress, cancelled, error, the table)
 * to the latest request, so a stale answer is never shown.
 */
import type { DynamicDims } from '../preview/protocol';
import { t, type ViewContext } from './context';
import { clear, fmt, h } from './dom';
import { button, option, progressRing, select, type VscSelect } from './elements';

export class PeriodPicker {
	/** The From/To pickers, Load and the progress line, for the controls row. */
	readonly parts: { from: VscSelect; to: VscSelect; load: HTMLElement; progress: HTMLElement };
	private readonly progressText = h('span', { class: 'progress-text' });
	private dims: DynamicDims | undefined;
	private loadId: number | undefined;

	constructor(
		private readonly ctx: ViewContext,
		/** Shows (or, with '', hides) the view's message line. */
		private readonly message: (text: string) => void,
	) {
		const cancel = button(t(ctx, 'cancel'), () => this.cancel(), true);
		cancel.classList.add('cancel');
		const progress = h(
			'div',
			{ class: 'progress', attrs: { hidden: '' } },
			progressRing(),
			this.progressText,
			cancel,
		);
		this.parts = {
			from: select('from'),
			to: select('to'),
			load: button(t(ctx, 'load'), () => this.reload()),
			progress,
		};
	}

	/**
	 * The variable's periods arrived: fill the pickers and load the saved or default range. `pushed`:
	 * the host is already loading a window; when it is the range to show, its answer is awaited
	 * instead of asking again.
	 */
	setDims(d: DynamicDims, pushed?: { requestId: number; periods: number[] }): void {
		this.dims = d;
		const saved = this.ctx.ui.periods?.filter((p) => d.periods.some((x) => x.id === p));
		const chosen = saved?.length ? saved : d.defaultPeriods;
		const idx = chosen.map((id) => d.periods.findIndex((p) => p.id === id)).filter((i) => i >= 0);
		const from = idx.length ? Math.min(...idx) : Math.max(0, d.periods.length - 5);
		const to = idx.length ? Math.max(...idx) : d.periods.length - 1;
		for (const [sel, pick] of [
			[this.parts.from, from],
			[this.parts.to, to],
		] as const) {
			clear(sel);
			d.periods.forEach((p, i) => sel.append(option(String(p.id), p.label, i === pick)));
		}
		if (!d.periods.length) {
			this.message(t(this.ctx, 'noData'));
			return;
		}
		const periods = d.periods.slice(from, to + 1).map((p) => p.id);
		if (pushed && sameSet(pushed.periods, periods)) {
			this.ctx.saveUi({ periods });
			this.loadId = pushed.requestId;
			this.showProgress(t(this.ctx, 'loading'));
		} else this.requestLoad(periods);
	}

	/** Loads the range the pickers show (Load, or a census layout change). */
	reload(): void {
		const d = this.dims;
		if (!d) return;
		let a = d.periods.findIndex((p) => String(p.id) === this.parts.from.value);
		let b = d.periods.findIndex((p) => String(p.id) === this.parts.to.value);
		if (a < 0) a = 0;
		if (b < 0) b = d.periods.length - 1;
		if (a > b) [a, b] = [b, a];
		this.requestLoad(d.periods.slice(a, b + 1).map((p) => p.id));
	}

	private requestLoad(periods: number[]): void {
		this.ctx.saveUi({ periods });
		this.loadId = this.ctx.nextId();
		this.showProgress(t(this.ctx, 'loading'));
		// A census table is laid out by the host: the load names the dimension across the columns.
		const column = this.ctx.ref.kind === 'census' ? this.ctx.ui.censusColumn : undefined;
		this.ctx.post({ type: 'load', requestId: this.loadId, periods, ...(column ? { column } : {}) });
	}

	private cancel(): void {
		if (this.loadId !== undefined) this.ctx.post({ type: 'cancel', requestId: this.loadId });
	}

	onProgress(requestId: number, done: number, total: number): void {
		if (requestId === this.loadId) this.showProgress(fmt(t(this.ctx, 'progress'), done, total));
	}

	onCancelled(requestId: number): void {
		if (requestId !== this.loadId) return;
		this.hideProgress();
		this.message(t(this.ctx, 'cancelled'));
	}

	/** True when the error belongs to the current load (it is then shown here). */
	onError(requestId: number | undefined, message: string): boolean {
		if (requestId !== undefined && requestId !== this.loadId) return false;
		this.hideProgress();
		this.message(message);
		return true;
	}

	/** True when a table answers the current load (negative ids: pushed by the host, always current). */
	accepts(requestId: number): boolean {
		if (requestId !== this.loadId && requestId >= 0) return false;
		this.hideProgress();
		this.message('');
		return true;
	}

	private showProgress(text: string): void {
		this.progressText.textContent = text;
		this.parts.progress.hidden = false;
	}

	private hideProgress(): void {
		this.parts.progress.hidden = true;
	}
}

function sameSet(a: number[], b: number[]): boolean {
	const s = new Set(a);
	return a.length === b.length && b.every((x) => s.has(x));
}
