import * as vscode from 'vscode';
import { Settings } from '../constants';
import type { CatalogueService } from '../catalogue/catalogueService';
import type { Services } from '../services';
import type { CatalogueTreeProvider } from './catalogueTree';
import type { CatalogueNode } from './nodes';

/** What the tree's commands share: the services, the catalogue layer, the provider and its view. */
export interface TreeFeature {
	readonly services: Services;
	readonly catalogue: CatalogueService;
	readonly tree: CatalogueTreeProvider;
	readonly view: vscode.TreeView<CatalogueNode>;
}

/**
 * Writes a `bps.*` setting where it takes effect: the most specific scope that already defines
 * it (a workspace value would otherwise hide a global update), else the user settings.
 */
export async function updateEffectiveSetting(key: string, value: unknown): Promise<void> {
	const { workspace, ConfigurationTarget } = vscode;
	const cfg = workspace.getConfiguration(Settings.section);
	const i = cfg.inspect(key);
	const target =
		i?.workspaceFolderValue !== undefined
			? ConfigurationTarget.WorkspaceFolder
			: i?.workspaceValue !== undefined
				? ConfigurationTarget.Workspace
				: ConfigurationTarget.Global;
	await cfg.update(key, value, target);
}
