import * as vscode from 'vscode';
import { mcpClientConfig } from '../ai/mcpEnv';
import { MCP_SERVER_SCRIPT } from '../ai/mcpProvider';
import { Commands } from '../constants';
import type { Services } from '../services';

/**
 * `bps.copyMcpConfig`: copies a config for other MCP clients that runs the bundled server with
 * `node` and reads BPS_API_KEY from the client's environment. The key itself is never copied.
 * Resolves with the text copied.
 */
export function registerCopyMcpConfig(context: vscode.ExtensionContext, services: Services): void {
	context.subscriptions.push(
		vscode.commands.registerCommand(Commands.copyMcpConfig, async (): Promise<string> => {
			const c = services.config();
			const text = mcpClientConfig(context.asAbsolutePath(MCP_SERVER_SCRIPT), {
				baseUrl: c.apiBaseUrl,
				lang: c.lang,
			});
			await vscode.env.clipboard.writeText(text);
			void vscode.window.showInformationMessage(
				vscode.l10n.t(
					'MCP server configuration copied. Paste it into your MCP client and set the BPS_API_KEY environment variable there: the key is not in the copied text.',
				),
			);
			return text;
		}),
	);
}
