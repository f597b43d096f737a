/**
 * "Show changes" in the grid (src/webview/changeMarks.ts): revised cells and new periods are found
 * by identity in whatever pivot the view shows — the default one, one derived variable, swapped
 * axes, chosen rows — and what the layout does not show is counted, not marked.
 */
import assert from 'node:assert/strict';
import { pivot } from '../../../src/api/table';
import type { DynamicTable } from '../../../src/api/types';
import type { ChangeHighlight } from '../../../src/preview/protocol';
import { changeLabels } from '../../../src/webview/changeLabels';
import { changeMarks } from '../../../src/webview/changeMarks';
import { pivotSpec, type LayoutChoice } from '../../../src/webview/dynamicModel';
import { dim, dynamicTable } from '../helpers/dynamicTable';

/** 3 regions × 2 derived variables × 3 years × 1 sub-period; value = 100·v + 10·tv + th. */
function table(): DynamicTable {
	const vervar = dim([
		['1100', 'ACEH'],
		['3500', 'JAWA TIMUR'],
		['9999', 'INDONESIA'],
	]);
	const turvar = dim([
		['811', 'Male'],
		['812', 'Female'],
	]);
	const tahun = dim([
		['123', '2023'],
		['124', '2024'],
		['125', '2025'],
	]);
	const turtahun = dim([['0', 'Year']]);
	const values = new Float64Array(vervar.length * turvar.length * tahun.length);
	let i = 0;
	for (let v = 0; v < 3; v++)
		for (let tv = 0; tv < 2; tv++) for (let th = 0; th < 3; th++) values[i++] = v * 100 + tv * 10 + th;
	return dynamicTable({ vervar, turvar, tahun, turtahun }, values, { decimal: 1 });
}

/** Two revised cells (Jawa Timur · Male · 2024 and Aceh · Female · 2024) and 2025 new. */
const CHANGES: ChangeHighlight = {
	revised: [
		{ row: '3500', column: '811|124|0', from: 110.5, to: 111 },
		{ row: '1100', column: '812|124|0', from: 11.5, to: 11 },
	],
	newPeriods: ['2025'],
	count: 2,
};

function marks(c: LayoutChoice, changes = CHANGES) {
	const tb = table();
	const spec = pivotSpec(tb, c);
	const r = pivot(tb, spec);
	const m = changeMarks(tb, spec, r, changes);
	const find = (rowLabel: string, colLabel: string) => {
		const i = r.rowHeaders.findIndex((h) => h.join(' ') === rowLabel);
		const j = r.colHeaders.findIndex((h) => h.join(' ') === colLabel);
		assert.ok(
			i >= 0 && j >= 0,
			`${rowLabel} / ${colLabel} in ${JSON.stringify([r.rowHeaders, r.colHeaders])}`,
		);
		return m.cell(i, j);
	};
	let marked = 0;
	for (let i = 0; i < r.nRows; i++)
		for (let j = 0; j < r.nCols; j++) if (m.cell(i, j)?.kind === 'revised') marked++;
	return { m, r, find, marked };
}

describe('changeMarks (the changes "Show changes" highlights)', () => {
	it('marks the revised cells, with their value before, in the default pivot', () => {
		const { m, find, marked } = marks({});
		assert.deepEqual(find('JAWA TIMUR', '2024 Male'), { kind: 'revised', from: 110.5, to: 111 });
		assert.deepEqual(find('ACEH', '2024 Female'), { kind: 'revised', from: 11.5, to: 11 });
		assert.equal(find('ACEH', '2024 Male'), undefined, 'an unchanged cell');
		assert.equal(marked, 2);
		assert.equal(m.revisedShown, 2);
		assert.equal(m.revisedHidden, 0);
	});

	it('marks every cell of a new period, and its column', () => {
		const { m, r, find } = marks({});
		assert.deepEqual(find('INDONESIA', '2025 Female'), { kind: 'new' });
		assert.deepEqual(m.newPeriodsShown, ['2025']);
		const newCols = r.colHeaders.map((h, j) => (m.newColumn(j) ? h.join(' ') : '')).filter(Boolean);
		assert.deepEqual(newCols, ['2025 Male', '2025 Female']);
		assert.equal(m.cell(0, -1), undefined, 'the row labels are regions, not periods');
	});

	it("with one derived variable chosen, the other one's revision is counted as not shown", () => {
		const { m, find, marked } = marks({ turvar: '811' });
		assert.deepEqual(find('JAWA TIMUR', '2024'), { kind: 'revised', from: 110.5, to: 111 });
		assert.equal(find('ACEH', '2024'), undefined, 'Aceh was revised for Female, which is not shown');
		assert.equal(marked, 1);
		assert.equal(m.revisedShown, 1);
		assert.equal(m.revisedHidden, 1);
	});

	it('follows the cells when the axes are swapped: periods are rows then', () => {
		const { m, r, find, marked } = marks({ swapped: true });
		assert.deepEqual(find('2024 Male', 'JAWA TIMUR'), { kind: 'revised', from: 110.5, to: 111 });
		assert.equal(marked, 2);
		const row2025 = r.rowHeaders.findIndex((h) => h.join(' ') === '2025 Female');
		assert.deepEqual(m.cell(row2025, -1), { kind: 'new' }, "the new period's row label is marked");
		assert.equal(m.newColumn(0), false);
	});

	it('leaves out rows that are not chosen, and counts what the watch did not keep', () => {
		const { m, marked } = marks({ rows: ['9999'] }, { ...CHANGES, count: 250 });
		assert.equal(marked, 0);
		assert.equal(m.revisedShown, 0);
		assert.equal(m.revisedHidden, 250);
	});

	it('ignores periods and cells the table does not have', () => {
		const { m, marked } = marks(
			{},
			{
				revised: [{ row: '3500', column: '811|999|0', from: 1, to: 2 }],
				newPeriods: ['2031'],
				count: 1,
			},
		);
		assert.equal(marked, 0);
		assert.deepEqual(m.newPeriodsShown, []);
		assert.equal(m.cell(0, 0), undefined);
	});
});

describe('changeLabels (how the highlighted changes read)', () => {
	const strings = {
		changeRevisedCount: 'Revised values: {0}',
		changeNewPeriods: 'New periods: {0}',
		changeHidden: '{0} more revised values are not in this view',
		changeNone: 'none in this view',
		changeRevised: 'Revised: {0} → {1}',
		changeRevisedCell: '{0}, revised from {1}',
		changeNewPeriod: 'New period',
		changeNewPeriodCell: '{0}, new period',
	};
	const ctx = { strings, locale: 'en-US', decimal: 1 };

	it('gives a revised cell a tooltip "from → to" and an accessible name that starts with its value', () => {
		const { m, r } = marks({});
		const text = (i: number, c: number) =>
			c < 0 ? r.rowHeaders[i]!.join(' ') : String(r.cells[i * r.nCols + c]);
		const l = changeLabels(ctx, m, text, (c) => r.colHeaders[c]!.join(' '));
		const i = r.rowHeaders.findIndex((h) => h[0] === 'JAWA TIMUR');
		const j = r.colHeaders.findIndex((h) => h.join(' ') === '2024 Male');
		assert.deepEqual(l.mark(i, j), {
			kind: 'revised',
			title: 'Revised: 110.5 → 111.0',
			label: '111.0, revised from 110.5',
		});
		const k = r.colHeaders.findIndex((h) => h.join(' ') === '2025 Male');
		assert.deepEqual(l.mark(0, k), {
			kind: 'new-period',
			title: 'New period',
			label: `${text(0, k)}, new period`,
		});
		assert.deepEqual(l.headMark(k), {
			kind: 'new-period',
			title: 'New period',
			label: '2025 Male, new period',
		});
		assert.equal(l.headMark(0), undefined);
		assert.equal(l.summary, 'Revised values: 2 · New periods: 2025');
	});

	it('says what the view does not show, and when nothing is shown at all', () => {
		const one = marks({ turvar: '811' });
		assert.equal(
			changeLabels(
				ctx,
				one.m,
				() => '',
				() => '',
			).summary,
			'Revised values: 1 · New periods: 2025 · 1 more revised values are not in this view',
		);
		const none = marks({}, { revised: [], newPeriods: ['2031'], count: 0 });
		assert.equal(
			changeLabels(
				ctx,
				none.m,
				() => '',
				() => '',
			).summary,
			'none in this view',
		);
	});

	it('a value that had none before reads "–"', () => {
		const { m, r } = marks(
			{},
			{ revised: [{ row: '1100', column: '811|123|0', to: 5 }], newPeriods: [], count: 1 },
		);
		const l = changeLabels(
			ctx,
			m,
			() => '5.0',
			() => '',
		);
		const j = r.colHeaders.findIndex((h) => h.join(' ') === '2023 Male');
		assert.equal(l.mark(0, j)?.title, 'Revised: – → 5.0');
	});
});
