/**
 * Merging of the period chunks of one dynamic-table request (decoded by decode.ts) into the table
 * one big call would give. Pure: no `vscode`, no I/O.
 */
import { BpsError } from './errors';
import type { DimItem, DynamicTable } from './types';

/** Union of one dimension over all parts, by `val`; first-seen label and order. */
function unionDim(lists: DimItem[][]): { items: DimItem[]; index: Map<string, number> } {
	const index = new Map<string, number>();
	const items: DimItem[] = [];
	for (const list of lists) {
		for (const d of list) {
			if (index.has(d.val)) continue;
			index.set(d.val, items.length);
			items.push({ val: d.val, label: d.label });
		}
	}
	return { items, index };
}

/**
 * Merge tables decoded from several calls for the same variable (period chunks, e.g. th
 * 117;118;119 + 120;121;122) into the table one big call would give.
 *
 * Each dimension is the union by `val` (first-seen label; vervar/turvar/turtahun in first-seen
 * order, tahun sorted numerically by `val`). Cells are copied; a present cell of a later part
 * overwrites an earlier one, a missing (NaN) cell never erases a value. `fetchedAt` is the
 * oldest, `stale` is true if any part is stale, `unmatchedKeys` are summed. Variable metadata,
 * row title, subjects, related tables and `lastUpdate` come from the first part with the newest
 * `lastUpdate`.
 *
 * @throws BpsError kind `unexpected` when `parts` is empty.
 */
export function mergeTables(parts: DynamicTable[]): DynamicTable {
	if (parts.length === 0) throw new BpsError('unexpected', 'mergeTables: no tables to merge');
	if (parts.length === 1) return parts[0];

	let meta = parts[0];
	for (const p of parts) if (p.lastUpdate > meta.lastUpdate) meta = p;

	const vervar = unionDim(parts.map((p) => p.vervar));
	const turvar = unionDim(parts.map((p) => p.turvar));
	const turtahun = unionDim(parts.map((p) => p.turtahun));
	const tahunFirst = unionDim(parts.map((p) => p.tahun)).items;
	// Stable sort: numeric by val; equal or non-numeric vals keep first-seen order.
	const tahunItems = tahunFirst
		.map((d, i) => ({ d, i, n: Number(d.val) }))
		.sort((a, b) => (a.n === b.n || Number.isNaN(a.n) || Number.isNaN(b.n) ? a.i - b.i : a.n - b.n))
		.map((x) => x.d);
	const tahunIndex = new Map(tahunItems.map((d, i) => [d.val, i] as const));

	const nTv = turvar.items.length;
	const nT = tahunItems.length;
	const nTt = turtahun.items.length;
	const values = new Float64Array(vervar.items.length * nTv * nT * nTt).fill(NaN);

	let fetchedAt = parts[0].fetchedAt;
	let stale = false;
	let unmatchedKeys = 0;
	for (const p of parts) {
		fetchedAt = Math.min(fetchedAt, p.fetchedAt);
		stale ||= p.stale;
		unmatchedKeys += p.unmatchedKeys;
		const mapV = p.vervar.map((d) => vervar.index.get(d.val)!);
		const mapTv = p.turvar.map((d) => turvar.index.get(d.val)!);
		const mapT = p.tahun.map((d) => tahunIndex.get(d.val)!);
		const mapTt = p.turtahun.map((d) => turtahun.index.get(d.val)!);
		const pTv = p.turvar.length;
		const pT = p.tahun.length;
		const pTt = p.turtahun.length;
		let src = 0;
		for (let vi = 0; vi < p.vervar.length; vi++) {
			for (let tv = 0; tv < pTv; tv++) {
				const base = mapV[vi] * nTv + mapTv[tv];
				for (let t = 0; t < pT; t++) {
					const row = (base * nT + mapT[t]) * nTt;
					for (let tt = 0; tt < pTt; tt++, src++) {
						const x = p.values[src];
						if (x === x) values[row + mapTt[tt]] = x; // x === x: not NaN
					}
				}
			}
		}
	}

	return {
		domain: meta.domain,
		lang: meta.lang,
		fetchedAt,
		stale,
		variable: { ...meta.variable },
		rowTitle: meta.rowTitle,
		vervar: vervar.items,
		turvar: turvar.items,
		tahun: tahunItems,
		turtahun: turtahun.items,
		values,
		lastUpdate: meta.lastUpdate,
		subjects: meta.subjects.map((s) => ({ ...s })),
		related: meta.related.map((r) => ({ ...r })),
		unmatchedKeys,
	};
}
