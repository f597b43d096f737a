/**
 * The VS Code adapter of the assistant tools: each tool of tools.ts becomes a language-model tool
 * (`vscode.lm.registerTool`, declared in package.json `languageModelTools`) answering with the
 * same text the MCP server gives. Skipped, with a log line, on a VS Code without the API.
 */
import * as vscode from 'vscode';
import { redact } from '../api/redact';
import type { ItemKind } from '../catalogue/itemRef';
import type { Services } from '../services';
import { lmApi, type LmPreparedInvocation, type LmTool } from './lmApi';
import { lazy } from '../lazy/load';
import type { GetTableInput } from './tableTool';
import type { ToolDeps } from './types';

type AnyInput = Partial<GetTableInput> & { query?: string; kinds?: ItemKind[] };

/** Registers every tool; returns false when this VS Code has no language-model tool API. */
export function registerLmTools(context: vscode.ExtensionContext, services: Services): boolean {
	const api = lmApi();
	const log = services.logger('ai');
	if (!api.registerTool || !api.textResult) {
		log.info('language-model tools are not available in this VS Code; the BPS tools are not registered');
		return false;
	}
	const textResult = api.textResult;
	// The names package.json declares (the tools' code, in dist/features.js, loads when one runs;
	// test/unit checks that the declarations and the tools agree).
	const names = toolNames(context);
	for (const name of names) {
		const lmTool: LmTool<AnyInput> = {
			async invoke(options, token) {
				const ctl = new AbortController();
				const sub = token.onCancellationRequested(() => ctl.abort());
				try {
					const deps: ToolDeps = {
						api: services.client,
						families: services.client.families,
						lang: services.config().lang,
						// The search box's indexes: a census catalogue or KBLI loaded once serves both.
						indexes: {
							familyIndex: services.familyIndex,
							classifications: services.classifications,
							glossary: services.glossary,
						},
						noKeyHint:
							'Ask the user to run the command "BPS: Set API Key" (bps.setApiKey) in VS Code; the key is stored in VS Code\'s secret storage.',
						signal: ctl.signal,
					};
					const r = await lazy().runTool(name, options.input, deps);
					log.debug(`${name}: ${r.isError ? 'error answer' : 'answered'} (${r.text.length} chars)`);
					return textResult(redact(r.text, await services.keyStore.get()));
				} finally {
					sub.dispose();
				}
			},
			prepareInvocation: (options) => prepare(name, options.input ?? {}),
		};
		context.subscriptions.push(api.registerTool(name, lmTool));
	}
	log.debug(`registered ${names.length} language-model tools`);
	return true;
}

function toolNames(context: vscode.ExtensionContext): string[] {
	const pkg = context.extension.packageJSON as { contributes?: { languageModelTools?: { name: string }[] } };
	return (pkg.contributes?.languageModelTools ?? []).map((t) => t.name);
}

/** The progress line and the confirmation a person sees before a tool runs. */
export function prepare(name: string, input: AnyInput): LmPreparedInvocation {
	const domain = typeof input.domain === 'string' && input.domain ? input.domain : '0000';
	const query = typeof input.query === 'string' ? input.query : '';
	switch (name) {
		case 'bps_find_region':
			return {
				invocationMessage: vscode.l10n.t('Finding BPS regions matching "{0}"', query),
				confirmationMessages: {
					title: vscode.l10n.t('Look up a BPS region code'),
					message: vscode.l10n.t('Search the BPS region list for "{0}"?', query),
				},
			};
		case 'bps_search':
			return {
				invocationMessage: vscode.l10n.t('Searching BPS data for "{0}"', query),
				confirmationMessages: {
					title: vscode.l10n.t('Search BPS data'),
					message: vscode.l10n.t(
						'Search the tables, publications and press releases of BPS region {0} for "{1}"? This asks the BPS API with your API key.',
						domain,
						query,
					),
				},
			};
		case 'bps_get_table': {
			const years = Array.isArray(input.years) && input.years.length ? input.years.join(', ') : undefined;
			return {
				invocationMessage: vscode.l10n.t('Getting BPS table {0}', String(input.variable ?? '')),
				confirmationMessages: {
					title: vscode.l10n.t('Get BPS data'),
					message: years
						? vscode.l10n.t(
								'Download table {0} of BPS region {1} for {2} from the BPS API with your API key?',
								String(input.variable ?? ''),
								domain,
								years,
							)
						: vscode.l10n.t(
								'Download the latest years of table {0} of BPS region {1} from the BPS API with your API key?',
								String(input.variable ?? ''),
								domain,
							),
				},
			};
		}
		case 'bps_get_trade': {
			const t = input as { flow?: string; hs?: string[]; years?: number[] };
			const hs = Array.isArray(t.hs) ? t.hs.join(', ') : '';
			const years = Array.isArray(t.years) ? t.years.join(', ') : '';
			return {
				invocationMessage: vscode.l10n.t('Getting BPS trade data for HS {0}', hs),
				confirmationMessages: {
					title: vscode.l10n.t('Get BPS trade data'),
					message:
						t.flow === 'import'
							? vscode.l10n.t(
									'Download imports of HS {0} for {1} from the BPS API with your API key?',
									hs,
									years,
								)
							: vscode.l10n.t(
									'Download exports of HS {0} for {1} from the BPS API with your API key?',
									hs,
									years,
								),
				},
			};
		}
		case 'bps_get_sdgs':
			return {
				invocationMessage: vscode.l10n.t('Getting the BPS SDG indicators'),
				confirmationMessages: {
					title: vscode.l10n.t('Get BPS SDG indicators'),
					message: vscode.l10n.t('Get the list of SDG indicators from the BPS API with your API key?'),
				},
			};
		case 'bps_find_classification':
			return {
				invocationMessage: vscode.l10n.t('Searching BPS classifications for "{0}"', query),
				confirmationMessages: {
					title: vscode.l10n.t('Search BPS classifications'),
					message: vscode.l10n.t(
						'Search the KBLI/KBKI classifications for "{0}" with the BPS API and your API key?',
						query,
					),
				},
			};
		case 'bps_get_census':
			return {
				invocationMessage: vscode.l10n.t('Reading BPS census results'),
				confirmationMessages: {
					title: vscode.l10n.t('Read BPS census results'),
					message: vscode.l10n.t('Read BPS census results from the BPS API with your API key?'),
				},
			};
		case 'bps_get_simdasi':
			return {
				invocationMessage: vscode.l10n.t('Reading the SIMDASI tables of region {0}', domain),
				confirmationMessages: {
					title: vscode.l10n.t('Read SIMDASI tables'),
					message: vscode.l10n.t(
						'Read the SIMDASI (regional in-figures) tables of BPS region {0} from the BPS API with your API key?',
						domain,
					),
				},
			};
		default:
			return {
				invocationMessage: vscode.l10n.t('Getting the BPS strategic indicators of region {0}', domain),
				confirmationMessages: {
					title: vscode.l10n.t('Get BPS strategic indicators'),
					message: vscode.l10n.t(
						'Get the strategic indicators of BPS region {0} from the BPS API with your API key?',
						domain,
					),
				},
			};
	}
}
