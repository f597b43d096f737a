/**
 * The BPS MCP server: the assistant tools of src/ai/tools.ts over stdio, for VS Code's agent mode
 * (registered by src/ai/mcpProvider.ts) and any other MCP client (see "BPS: Copy MCP Server
 * Configuration"). Bundled by esbuild into dist/mcp/server.js and run with Node.
 * Settings come from the environment (src/ai/mcpEnv.ts): the key, the API URL, the cache folder
 * and the same request limits as the extension's client. stdout is the protocol: logs go to stderr.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { BpsClient } from '../api/client';
import { redact } from '../api/redact';
import { ClassificationIndex } from '../catalogue/classifications';
import { FamilyIndex } from '../catalogue/familyIndex';
import { GlossaryIndex } from '../catalogue/glossary';
import { PersistentCache } from '../catalogue/persistentCache';
import { MCP_ENV, readMcpEnv } from '../ai/mcpEnv';
import { AI_TOOLS, runTool } from '../ai/tools';
import type { ToolDeps } from '../ai/types';

/** Set by esbuild from package.json. */
declare const BPS_VERSION: string;
const version = typeof BPS_VERSION === 'string' ? BPS_VERSION : '0.0.0';

async function main(): Promise<void> {
	const s = readMcpEnv(process.env);
	const log = (level: string, message: string) => {
		if (level === 'warn' || level === 'error')
			process.stderr.write(`[bps-mcp] ${level}: ${redact(message, s.key)}\n`);
	};
	// The extension's own cache folder: entries are separate files written atomically, so the
	// server and every window share it safely, and answers fetched by one serve the others.
	const cache = s.cacheDir ? new PersistentCache({ dir: s.cacheDir, log }) : undefined;
	await cache?.load().catch((e: unknown) => log('warn', `cache not loaded: ${String(e)}`));
	const client = new BpsClient({
		baseUrl: s.baseUrl,
		getKey: async () => s.key,
		userAgent: `bps-data-browser-mcp/${version} (+https://github.com/bps-data-browser/vscode-bps-data-browser)`,
		lang: s.lang,
		timeoutMs: s.timeoutMs,
		maxConcurrent: s.maxConcurrent,
		maxRequestsPerSecond: s.maxRequestsPerSecond,
		ttl: { metadataMs: s.metadataTtlMs, dataMs: s.dataTtlMs },
		cache,
		log,
	});
	// Kept for the server's life: the census catalogue, SIMDASI lists, KBLI/KBKI and the glossary
	// are read once for every bps_search after the first.
	const indexes = {
		familyIndex: new FamilyIndex(client.families),
		classifications: new ClassificationIndex(client.families),
		glossary: new GlossaryIndex(client.families),
	};
	const server = new McpServer(
		{ name: 'bps-data-browser', version },
		{
			instructions:
				'Official statistics of Indonesia from BPS (Badan Pusat Statistik). Find a region code with bps_find_region, anything BPS publishes (tables, census, SIMDASI, trade by HS code, classification codes, glossary concepts, infographics, news) with bps_search, then its data with the tool bps_search names. Quote the source and the attribution line of each answer.',
		},
	);
	for (const tool of AI_TOOLS) {
		server.registerTool(
			tool.name,
			{
				description: tool.description,
				inputSchema: z.fromJSONSchema(
					tool.inputSchema as Parameters<typeof z.fromJSONSchema>[0],
				) as z.ZodObject,
			},
			async (args: unknown, extra: { signal: AbortSignal }) => {
				const deps: ToolDeps = {
					api: client,
					families: client.families,
					lang: s.lang,
					indexes,
					noKeyHint: `Ask the user to set the ${MCP_ENV.key} environment variable of this MCP server (in VS Code: run "BPS: Set API Key"; the key is passed on from VS Code's secret storage).`,
					signal: extra.signal,
				};
				const r = await runTool(tool.name, args, deps);
				return { content: [{ type: 'text' as const, text: redact(r.text, s.key) }], isError: r.isError };
			},
		);
	}
	const transport = new StdioServerTransport();
	const shutdown = async () => {
		await cache?.dispose().catch(() => undefined);
		process.exit(0);
	};
	transport.onclose = () => void shutdown();
	process.on('SIGTERM', () => void shutdown());
	process.on('SIGINT', () => void shutdown());
	process.stdin.on('end', () => void shutdown());
	await server.connect(transport);
}

main().catch((e: unknown) => {
	process.stderr.write(`[bps-mcp] error: ${redact(String(e), process.env[MCP_ENV.key])}\n`);
	process.exit(1);
});
