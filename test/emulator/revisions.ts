/**
 * Revisions of dynamic tables, so tests can watch data change: `revise` bumps a variable's
 * `last_update` and changes a few cells (the first three rows of its latest original period, first
 * derived variable and derived period: +0.5 per revision); `addPeriod` appends the next year with
 * values derived from the latest one. Deterministic, per emulator instance; `reset` forgets them.
 */
import type { VarDef } from './data';

interface Revision {
	revised: number;
	added: number;
}

export class Revisions {
	private readonly byVar = new Map<string, Revision>();
	/** Static tables revised (`domain|table_id` → how many times). */
	/** Static tables: how many revisions, and how many of them added a row (the others revise a value in place). */
	private readonly byTable = new Map<string, { n: number; rows: number }>();

	private entry(domain: string, varId: number): Revision {
		const k = `${domain}|${varId}`;
		let r = this.byVar.get(k);
		if (!r) this.byVar.set(k, (r = { revised: 0, added: 0 }));
		return r;
	}

	revise(domain: string, varId: number): void {
		this.entry(domain, varId).revised++;
	}

	addPeriod(domain: string, varId: number): void {
		this.entry(domain, varId).added++;
	}

	/**
	 * Revises a static table: a later `updt_date`, and its last numeric cell revised in place (the
	 * layout stays), or with `addRow` one more row at the end (the layout changes).
	 */
	reviseStatic(domain: string, tableId: number, opts: { addRow?: boolean } = {}): void {
		const k = `${domain}|${tableId}`;
		const r = this.byTable.get(k) ?? { n: 0, rows: 0 };
		this.byTable.set(k, { n: r.n + 1, rows: r.rows + (opts.addRow ? 1 : 0) });
	}

	reset(): void {
		this.byVar.clear();
		this.byTable.clear();
	}

	/** A static table's update date and HTML as served now (unchanged when never revised). */
	applyStatic(
		domain: string,
		tableId: number,
		updated: string,
		html: string,
	): { updated: string; html: string } {
		const r = this.byTable.get(`${domain}|${tableId}`);
		if (!r) return { updated, html };
		const { n, rows } = r;
		// The value revisions: the last number in a cell goes up by their count.
		let out = html;
		const values = n - rows;
		const cells = [
			...out.matchAll(/(<td[^>]*>\s*(?:<nobr>)?\s*)(-?\d+(?:[.,]\d+)?)(\s*(?:<\/nobr>)?\s*<\/td>)/g),
		];
		const last = cells[cells.length - 1];
		if (values && last?.index !== undefined) {
			const [all, open, num, close] = last;
			const comma = num.includes(',');
			const decimals = num.split(/[.,]/)[1]?.length ?? 0;
			let v = (Number(num.replace(',', '.')) + values).toFixed(decimals);
			if (comma) v = v.replace('.', ',');
			out = out.slice(0, last.index) + open + v + close + out.slice(last.index + all.length);
		}
		for (let i = 1; i <= rows; i++) {
			const row = `<tr><td>Revisi ${i}</td><td>${i}</td></tr>`;
			const at = out.lastIndexOf('</table>');
			out = at >= 0 ? `${out.slice(0, at)}${row}${out.slice(at)}` : out + row;
		}
		return { updated: `2026-12-${String(Math.min(28, n)).padStart(2, '0')}`, html: out };
	}

	/** The variable as the API serves it now: `v` itself when it was never revised. */
	apply(domain: string, v: VarDef): VarDef {
		const r = this.byVar.get(`${domain}|${v.id}`);
		if (!r || (!r.revised && !r.added)) return v;
		const last = v.tahun[v.tahun.length - 1]!;
		const lastVal = Number(last.val);
		const added = Array.from({ length: r.added }, (_, i) => ({
			val: lastVal + i + 1,
			label: /^\d+$/.test(last.label) ? String(Number(last.label) + i + 1) : `${last.label}+${i + 1}`,
		}));
		const changedRows = new Set(v.vervar.slice(0, 3).map((x) => x.val));
		const tv0 = v.turvar[0]?.val;
		const tt0 = Number(v.turtahun[0]?.val);
		const step = r.revised + r.added;
		return {
			...v,
			// A later day per change: the watch compares, it does not order.
			lastUpdate: `2026-12-${String(Math.min(28, step)).padStart(2, '0')} 08:00:00`,
			tahun: [...v.tahun, ...added],
			value: (row, tv, t, tt) => {
				if (t > lastVal) {
					const base = v.value(row, tv, lastVal, tt);
					return base === undefined ? undefined : Math.round(base * 1.02 * 100) / 100;
				}
				const base = v.value(row, tv, t, tt);
				if (r.revised && t === lastVal && changedRows.has(row) && tv === tv0 && tt === tt0) {
					return Math.round(((base ?? 0) + 0.5 * r.revised) * 100) / 100;
				}
				return base;
			},
		};
	}
}
