import type * as vscode from 'vscode';
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
