import type * as vscode from 'vscode';
import { registerApiKeyCommands } from './apiKey';
import { registerClearCache } from './clearCache';
import { registerCopyCitation } from './copyCitation';
import { registerCopyId } from './copyId';
import { registerCopyLink } from './copyLink';
import { registerCopyMcpConfig } from './copyMcpConfig';
import type { Features } from './features';
import { registerInsertData } from './insertData';
import { registerNewNotebook } from './newNotebook';
import { registerOpenOnWebsite } from './openOnWebsite';
import { registerPreview } from './preview';
import { registerRefresh } from './refresh';
import { registerSearch } from './search';
import { registerSelectRegion } from './selectRegion';
import { registerShowLog } from './showLog';
import { registerSwitchLanguage } from './switchLanguage';

export type { Features };

/** Registers every command of package.json (one file per command; this is the only caller). */
export function registerCommands(context: vscode.ExtensionContext, f: Features): void {
	registerShowLog(context);
	registerApiKeyCommands(context, f.services);
	registerSelectRegion(context, f.tree);
	registerSwitchLanguage(context, f.tree);
	registerRefresh(context, f.tree);
	registerClearCache(context, f.tree);
	registerCopyId(context, f);
	registerCopyCitation(context, f);
	registerCopyLink(context, f);
	registerOpenOnWebsite(context, f);
	registerPreview(context, f);
	registerSearch(context, f);
	registerInsertData(context, f);
	registerNewNotebook(context, f);
	registerCopyMcpConfig(context, f.services);
}
