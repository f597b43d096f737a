/** A DynamicTable for unit tests: the given dimensions and values, the other fields empty. */
import type { DimItem, DynamicTable } from '../../../src/api/types';

export function dynamicTable(
	dims: Pick<DynamicTable, 'vervar' | 'turvar' | 'tahun' | 'turtahun'>,
	values: Float64Array,
	more: Partial<DynamicTable> & { decimal?: number } = {},
): DynamicTable {
	const { decimal = 0, ...rest } = more;
	return {
		domain: '0000',
		lang: 'eng',
		variable: { id: 1, title: 'T', unit: 'People', subject: '', definition: '', notes: '', decimal },
		rowTitle: 'Province',
		...dims,
		values,
		lastUpdate: '',
		subjects: [],
		related: [],
		unmatchedKeys: 0,
		fetchedAt: 0,
		stale: false,
		...rest,
	} as DynamicTable;
}

export const dim = (pairs: Array<[string, string]>): DimItem[] =>
	pairs.map(([val, label]) => ({ val, label }));
