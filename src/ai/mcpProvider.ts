/**
 * Registers the bundled stdio MCP server (dist/mcp/server.js) with VS Code, so agent mode lists it
 * next to the language-model tools. The definition carries settings only; the API key is added in
 * `resolveMcpServerDefinition`, straight from SecretStorage into the child process's environment —
 * never into a file or a setting. Skipped on a VS Code without the MCP provider API.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { lmApi, type McpDefinitionProvider, type McpStdioDefinition } from './lmApi';
import { MCP_ENV, mcpEnvFor } from './mcpEnv';

export const MCP_PROVIDER_ID = 'bps.mcpServer';
export const MCP_SERVER_SCRIPT = 'dist/mcp/server.js';

/** Registers the provider and returns it; undefined when this VS Code has no MCP provider API. */
export function registerMcpProvider(
	context: vscode.ExtensionContext,
	services: Services,
): McpDefinitionProvider | undefined {
	const api = lmApi();
	const log = services.logger('mcp');
	const Definition = api.stdioDefinition;
	if (!api.registerMcpProvider || !Definition) {
		log.info(
			'MCP server definition providers are not available in this VS Code; the BPS MCP server is not registered',
		);
		return undefined;
	}
	const changed = new vscode.EventEmitter<void>();
	const version = (context.extension.packageJSON as { version?: string }).version ?? '0.0.0';
	const provider: McpDefinitionProvider = {
		onDidChangeMcpServerDefinitions: changed.event,
		provideMcpServerDefinitions: () => {
			const c = services.config();
			const env = {
				...mcpEnvFor({
					baseUrl: c.apiBaseUrl,
					cacheDir: context.globalStorageUri.fsPath,
					lang: c.lang,
					maxConcurrent: c.maxConcurrentRequests,
					maxRequestsPerSecond: c.maxRequestsPerSecond,
					timeoutMs: c.timeoutMs,
					metadataTtlMs: c.metadataTtlMs,
					dataTtlMs: c.dataTtlMs,
				}),
				// The extension host's own runtime runs the script: Electron needs this to act as Node.
				ELECTRON_RUN_AS_NODE: '1',
			};
			return [
				new Definition(
					vscode.l10n.t('BPS Data Browser'),
					process.execPath,
					[context.asAbsolutePath(MCP_SERVER_SCRIPT)],
					env,
					version,
				),
			];
		},
		resolveMcpServerDefinition: async (server: McpStdioDefinition) => {
			const key = await services.keyStore.get();
			// Without a key the server still starts; its tools answer how to set one.
			if (key) server.env = { ...server.env, [MCP_ENV.key]: key };
			log.debug(`starting the MCP server (${key ? 'with' : 'without'} a key)`);
			return server;
		},
	};
	context.subscriptions.push(
		changed,
		// New settings or a new key: VS Code asks again and restarts the server with the new environment.
		vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('bps') && changed.fire()),
		services.keyStore.onDidChange(() => changed.fire()),
		api.registerMcpProvider(MCP_PROVIDER_ID, provider),
	);
	return provider;
}
