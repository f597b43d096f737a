/** Pure row ordering for the virtual grid (unit-tested without a DOM). */

export interface OrderModel {
	nRows: number;
	rowLabel(r: number): string;
	/** NaN = missing. */
	value(r: number, c: number): number;
	/**
	 * Aggregate rows (a total above its parts) stay on top in rank order, whatever the sort:
	 * undefined = an ordinary row.
	 */
	pinned?(r: number): number | undefined;
}

/**
 * Model rows in view order: rows whose label contains `filter` (case-insensitive), sorted by
 * column `col` (-1 = the row labels, natural order; undefined = model order). Numeric sorts put
 * missing values last in both directions — a missing cell is not "the smallest"; ties keep model
 * order. Pinned rows come first (by rank, then model order) and are never sorted in.
 */
export function viewRows(m: OrderModel, filter: string, col: number | undefined, dir: 1 | -1): number[] {
	const f = filter.trim().toLowerCase();
	const rows: number[] = [];
	const pinned: Array<[number, number]> = [];
	for (let r = 0; r < m.nRows; r++) {
		if (f && !m.rowLabel(r).toLowerCase().includes(f)) continue;
		const rank = m.pinned?.(r);
		if (rank === undefined) rows.push(r);
		else pinned.push([rank, r]);
	}
	if (col === -1) {
		const coll = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
		rows.sort((a, b) => dir * coll.compare(m.rowLabel(a), m.rowLabel(b)) || a - b);
	} else if (col !== undefined) {
		rows.sort((a, b) => {
			const x = m.value(a, col);
			const y = m.value(b, col);
			const xm = Number.isNaN(x);
			const ym = Number.isNaN(y);
			if (xm || ym) return xm && ym ? a - b : xm ? 1 : -1;
			return dir * (x - y) || a - b;
		});
	}
	if (!pinned.length) return rows;
	pinned.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	return [...pinned.map((p) => p[1]), ...rows];
}
