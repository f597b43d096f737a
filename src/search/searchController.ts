import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { TreeFeature } from '../tree/feature';
import { reportError } from '../util/errors';
import { notInTreeMessage, revealInTree } from './reveal';
import { type SearchResult, SearchSession } from './searchSession';

/**
 * Opens search QuickPicks: "browse" for `bps.search` (Enter previews, buttons insert or reveal)
 * and "pick", the one item picker of every command that needs an item and got none (preview,
 * insert data, copy id, open on website). Keeps the open session reachable for tests (`active`).
 */
export class SearchController implements vscode.Disposable {
	/** The open session, if any (one at a time: VS Code shows one QuickPick). */
	active: SearchSession | undefined;

	constructor(private readonly f: TreeFeature) {}

	/**
	 * `bps.search` (or, with scope 'glossary', `bps.searchGlossary`): shows the QuickPick
	 * (pre-filled with `query`) and returns at once.
	 */
	browse(query?: string, scope: 'all' | 'glossary' = 'all'): SearchSession {
		const log = this.f.services.logger('search');
		const s = this.open('browse', undefined, scope, (action, r) => {
			const run = async () => {
				if (action === 'open') await vscode.commands.executeCommand(Commands.preview, r.ref);
				else if (action === 'insert') await vscode.commands.executeCommand(Commands.insertData, r.ref);
				else if (!(await revealInTree(this.f, r.ref, { subjectId: r.subjectId }))) notInTreeMessage(r.ref);
			};
			run().catch((e) => reportError(e, log, `search ${action}`));
		});
		s.show(query);
		return s;
	}

	/**
	 * Asks for an item: with an empty query it offers the items loaded so far, typing searches
	 * the index and the server. Resolves with the item (its subject id when known), or undefined
	 * when dismissed.
	 */
	pick(title: string, query?: string): Promise<SearchResult | undefined> {
		return new Promise((resolve) => {
			let picked: SearchResult | undefined;
			const s = this.open(
				'pick',
				title,
				'all',
				(_action, r) => {
					picked = r;
				},
				() => resolve(picked),
			);
			s.show(query);
		});
	}

	dispose(): void {
		this.active?.dispose();
		this.active = undefined;
	}

	private open(
		mode: 'browse' | 'pick',
		title: string | undefined,
		scope: 'all' | 'glossary',
		onAction: (action: 'open' | 'insert' | 'reveal', r: SearchResult) => void,
		onHide?: () => void,
	): SearchSession {
		this.active?.hide();
		const s: SearchSession = new SearchSession({
			services: this.f.services,
			catalogue: this.f.catalogue,
			mode,
			title,
			scope,
			// Glossary concepts are not in the tree.
			canReveal: scope === 'all',
			onAction,
			onHide: () => {
				if (this.active === s) this.active = undefined;
				onHide?.();
			},
		});
		this.active = s;
		return s;
	}
}

/** Accepts `{ query?: string, accept?: boolean }` (keybindings, tests); anything else means "no query". */
export function parseSearchArg(arg: unknown): { query?: string; accept?: boolean } {
	if (typeof arg === 'string') return { query: arg };
	if (!arg || typeof arg !== 'object') return {};
	const o = arg as Record<string, unknown>;
	return { query: typeof o.query === 'string' ? o.query : undefined, accept: o.accept === true };
}
