/**
 * The features activation does not build: previews and search are created, and the commands that
 * use them registered, the first time one is used. Until then each of those commands is a
 * placeholder that loads the features, gives its id to the real command and runs it.
 */
import * as vscode from 'vscode';
import type { Features } from '../commands/features';
import { Commands, Views } from '../constants';
import type { PersistedState } from '../preview/protocol';
import type { Services } from '../services';
import type { TreeFeature } from '../tree/feature';
import type { LoadedFeatures } from './features';
import { lazy } from './load';

/** Registered by dist/features.js (registerLazyCommands); placeholders until then. */
export const LAZY_COMMANDS: readonly string[] = [
	Commands.preview,
	Commands.search,
	Commands.searchGlossary,
	Commands.insertData,
	Commands.newNotebook,
	Commands.copyCitation,
];

export interface LazyFeatures {
	readonly features: Features;
	/** Runs `fn` once the features are built (at once if they are). */
	whenLoaded(fn: (f: LoadedFeatures) => void): void;
}

export function createLazyFeatures(
	context: vscode.ExtensionContext,
	services: Services,
	tree: TreeFeature,
): LazyFeatures {
	let built: LoadedFeatures | undefined;
	const waiting: ((f: LoadedFeatures) => void)[] = [];
	const features: Features = {
		services,
		tree,
		get previews() {
			return load().previews;
		},
		get search() {
			return load().search;
		},
		get tradePicker() {
			return load().tradePicker;
		},
	};
	const placeholders = LAZY_COMMANDS.map((id) =>
		vscode.commands.registerCommand(id, (...args: unknown[]) => {
			load();
			return vscode.commands.executeCommand(id, ...args);
		}),
	);
	context.subscriptions.push(
		{ dispose: () => placeholders.forEach((d) => d.dispose()) },
		// Restoring a preview after a reload activates the extension (onWebviewPanel:bps.preview).
		vscode.window.registerWebviewPanelSerializer(Views.previewPanel, {
			deserializeWebviewPanel: (panel, state) =>
				features.previews.deserializeWebviewPanel(panel, state as PersistedState | undefined),
		}),
	);
	return {
		features,
		whenLoaded(fn) {
			if (built) fn(built);
			else waiting.push(fn);
		},
	};

	function load(): LoadedFeatures {
		if (!built) {
			const m = lazy();
			built = m.createFeatures(context, services, tree);
			placeholders.forEach((d) => d.dispose());
			m.registerLazyCommands(context, features);
			waiting.splice(0).forEach((fn) => fn(built as LoadedFeatures));
		}
		return built;
	}
}
