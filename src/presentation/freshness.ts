/** The words for data served from the cache because the API could not be reached (tree, preview). */
import * as vscode from 'vscode';

/** "HH:MM" of an epoch time, local. */
export function hhmm(t: number): string {
	const d = new Date(t);
	return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** "offline — cached at HH:MM" for stale data; '' for fresh. */
export function freshnessText(f: { stale: boolean; fetchedAt: number }): string {
	return f.stale ? vscode.l10n.t('offline — cached at {0}', hhmm(f.fetchedAt)) : '';
}
