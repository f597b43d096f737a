/**
 * Tables we build from data that is not a BPS dynamic table (foreign trade, census, SIMDASI), in
 * the shape the dynamic-table grid, pivot and chart read. Pure (no `vscode`).
 */
import type { DynamicTable } from '../api/types';

/** What such a table has; the rest is what only BPS's dynamic tables carry. */
export type GridTableParts = Omit<
	DynamicTable,
	'variable' | 'lastUpdate' | 'subjects' | 'related' | 'unmatchedKeys'
> & { variable: Omit<DynamicTable['variable'], 'definition'> };

/** The table, with no definition, update date, subjects or related tables. */
export function gridTable(p: GridTableParts): DynamicTable {
	return {
		...p,
		variable: { ...p.variable, definition: '' },
		lastUpdate: '',
		subjects: [],
		related: [],
		unmatchedKeys: 0,
	};
}
