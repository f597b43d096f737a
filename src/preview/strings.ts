import * as vscode from 'vscode';

/**
 * Every string the webview shows, localised on the host (the webview cannot call vscode.l10n) and
 * sent in the `init` message. Keys are short ids the webview looks up; `{0}` placeholders are
 * filled in the webview.
 */
export function webviewStrings(): Record<string, string> {
	return {
		source: vscode.l10n.t('Source:'),
		accessed: vscode.l10n.t('Accessed {0}', '{0}'),
		loading: vscode.l10n.t('Loading…'),
		progress: vscode.l10n.t('Loading {0} of {1} requests…', '{0}', '{1}'),
		cancel: vscode.l10n.t('Cancel'),
		cancelled: vscode.l10n.t('Loading was cancelled.'),
		retry: vscode.l10n.t('Retry'),
		unit: vscode.l10n.t('Unit'),
		region: vscode.l10n.t('Region'),
		lastUpdate: vscode.l10n.t('Last update'),
		definition: vscode.l10n.t('Definition'),
		notes: vscode.l10n.t('Notes'),
		periods: vscode.l10n.t('Periods'),
		from: vscode.l10n.t('From'),
		to: vscode.l10n.t('To'),
		load: vscode.l10n.t('Load'),
		rows: vscode.l10n.t('Rows'),
		allRows: vscode.l10n.t('All rows'),
		derivedVariable: vscode.l10n.t('Derived variable'),
		subPeriod: vscode.l10n.t('Sub-period'),
		all: vscode.l10n.t('All'),
		swap: vscode.l10n.t('Swap axes'),
		filter: vscode.l10n.t('Filter rows'),
		copy: vscode.l10n.t('Copy'),
		insert: vscode.l10n.t('Insert into editor'),
		insertHint: vscode.l10n.t(
			'Insert this table (or the selected rows) at the cursor of the editor you were last in.',
		),
		inserted: vscode.l10n.t('Inserted {0} rows into {1}.', '{0}', '{1}'),
		copied: vscode.l10n.t('Copied {0} rows.', '{0}'),
		exportCsv: vscode.l10n.t('Export CSV'),
		exportXlsx: vscode.l10n.t('Export XLSX'),
		exportJson: vscode.l10n.t('Export JSON'),
		exported: vscode.l10n.t('Saved to {0}', '{0}'),
		table: vscode.l10n.t('Table'),
		chart: vscode.l10n.t('Chart'),
		chartHint: vscode.l10n.t(
			'Select rows (click, Shift+click, Ctrl+click) to chart them; without a selection the first rows are shown.',
		),
		rowCount: vscode.l10n.t('{0} rows × {1} columns', '{0}', '{1}'),
		selected: vscode.l10n.t('{0} selected', '{0}'),
		noData: vscode.l10n.t('No data for this selection.'),
		indicator: vscode.l10n.t('Strategic indicator'),
		period: vscode.l10n.t('Period'),
		dataSource: vscode.l10n.t('Data source'),
		released: vscode.l10n.t('Released'),
		updated: vscode.l10n.t('Updated'),
		size: vscode.l10n.t('Size'),
		openPdf: vscode.l10n.t('Open PDF'),
		openSlides: vscode.l10n.t('Open slides'),
		abstract: vscode.l10n.t('Abstract'),
		staticTable: vscode.l10n.t('Static table'),
		publication: vscode.l10n.t('Publication'),
		pressRelease: vscode.l10n.t('Press release'),
		dynamicTable: vscode.l10n.t('Dynamic table'),
		missingHint: vscode.l10n.t('"–" marks a missing value (not zero).'),
	};
}
