/** Pure DOM helper (no custom elements), shared by the static view and its unit test. */

/**
 * The rendered table as a rectangle: merged cells are repeated into every position they cover
 * (what spreadsheets expect when un-merging), empty trailing rows dropped. The first row is the header.
 */
export function tableToMatrix(root: ParentNode): string[][] {
	const table = root.querySelector('table');
	if (!table) return [];
	const grid: string[][] = [];
	const trs = Array.from(table.querySelectorAll('tr'));
	trs.forEach((tr, r) => {
		grid[r] ??= [];
		let c = 0;
		for (const cell of Array.from(tr.children).filter((x) => x.tagName === 'TD' || x.tagName === 'TH')) {
			while (grid[r][c] !== undefined) c++;
			const text = cellText(cell).replace(/\s+/g, ' ').trim();
			const rs = Math.max(1, Math.min(1000, Number(cell.getAttribute('rowspan')) || 1));
			const cs = Math.max(1, Math.min(1000, Number(cell.getAttribute('colspan')) || 1));
			for (let i = 0; i < rs; i++) {
				grid[r + i] ??= [];
				for (let j = 0; j < cs; j++) grid[r + i][c + j] = text;
			}
			c += cs;
		}
	});
	const width = Math.max(0, ...grid.map((row) => row.length));
	return grid
		.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''))
		.filter((row) => row.some((x) => x !== ''));
}

/** A cell's text without what is there for screen readers only (a "changed" mark's words). */
function cellText(cell: Element): string {
	if (!cell.querySelector('.visually-hidden')) return cell.textContent ?? '';
	const copy = cell.cloneNode(true) as Element;
	copy.querySelectorAll('.visually-hidden').forEach((x) => x.remove());
	return copy.textContent ?? '';
}
