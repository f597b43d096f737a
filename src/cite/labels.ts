import * as vscode from 'vscode';
import type { CitationFormat } from './citation';

/** The localised label of a citation format (each label a literal, for the l10n extraction). */
export function citationFormatLabel(f: CitationFormat): string {
	switch (f) {
		case 'bibtex':
			return vscode.l10n.t('Citation: BibTeX');
		case 'ris':
			return vscode.l10n.t('Citation: RIS');
		case 'csl-json':
			return vscode.l10n.t('Citation: CSL-JSON');
		case 'apa':
			return vscode.l10n.t('Citation: APA-style text');
	}
}

/** The editor language for a citation inserted into a new document. */
export function citationLanguageId(f: CitationFormat): string {
	return f === 'bibtex' ? 'bibtex' : f === 'csl-json' ? 'json' : 'plaintext';
}
