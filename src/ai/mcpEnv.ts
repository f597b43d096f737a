/**
 * The environment contract between the extension (or another MCP client) and the stdio MCP
 * server: the key, the API URL, the cache folder and the request limits, all as variables.
 * Pure code, shared by the provider that sets them and the server that reads them.
 */
import type { Lang } from '../api/types';
import { DEFAULT_API_BASE_URL } from '../constants';

export const MCP_ENV = {
	key: 'BPS_API_KEY',
	baseUrl: 'BPS_API_BASE_URL',
	cacheDir: 'BPS_CACHE_DIR',
	lang: 'BPS_LANG',
	maxConcurrent: 'BPS_MAX_CONCURRENT_REQUESTS',
	maxRequestsPerSecond: 'BPS_MAX_REQUESTS_PER_SECOND',
	timeoutMs: 'BPS_TIMEOUT_MS',
	metadataTtlMs: 'BPS_METADATA_TTL_MS',
	dataTtlMs: 'BPS_DATA_TTL_MS',
} as const;

export interface McpServerSettings {
	key?: string;
	baseUrl: string;
	cacheDir?: string;
	lang: Lang;
	maxConcurrent: number;
	maxRequestsPerSecond: number;
	timeoutMs: number;
	metadataTtlMs: number;
	dataTtlMs: number;
}

function num(v: string | undefined, fallback: number, min: number, max: number): number {
	const n = v === undefined || v.trim() === '' ? NaN : Number(v);
	return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Reads the server's settings; an unexpanded `${env:…}` placeholder counts as unset. */
export function readMcpEnv(env: Record<string, string | undefined>): McpServerSettings {
	const raw = env[MCP_ENV.key]?.trim();
	const key = raw && !/^\$\{.*\}$/.test(raw) ? raw : undefined;
	const lang = env[MCP_ENV.lang] === 'eng' ? 'eng' : 'ind';
	return {
		key,
		baseUrl: env[MCP_ENV.baseUrl]?.trim() || DEFAULT_API_BASE_URL,
		cacheDir: env[MCP_ENV.cacheDir]?.trim() || undefined,
		lang,
		maxConcurrent: num(env[MCP_ENV.maxConcurrent], 4, 1, 16),
		maxRequestsPerSecond: num(env[MCP_ENV.maxRequestsPerSecond], 5, 0.1, 50),
		timeoutMs: num(env[MCP_ENV.timeoutMs], 30_000, 1000, 600_000),
		metadataTtlMs: num(env[MCP_ENV.metadataTtlMs], 7 * 86_400_000, 0, 365 * 86_400_000),
		dataTtlMs: num(env[MCP_ENV.dataTtlMs], 86_400_000, 0, 365 * 86_400_000),
	};
}

/** The variables that carry `s` (without the key: that is added only at launch). */
export function mcpEnvFor(s: Omit<McpServerSettings, 'key'>): Record<string, string> {
	const out: Record<string, string> = {
		[MCP_ENV.baseUrl]: s.baseUrl,
		[MCP_ENV.lang]: s.lang,
		[MCP_ENV.maxConcurrent]: String(s.maxConcurrent),
		[MCP_ENV.maxRequestsPerSecond]: String(s.maxRequestsPerSecond),
		[MCP_ENV.timeoutMs]: String(s.timeoutMs),
		[MCP_ENV.metadataTtlMs]: String(s.metadataTtlMs),
		[MCP_ENV.dataTtlMs]: String(s.dataTtlMs),
	};
	if (s.cacheDir) out[MCP_ENV.cacheDir] = s.cacheDir;
	return out;
}

/**
 * The config other MCP clients (Claude Desktop, Cursor, VS Code's mcp.json…) take: `node` runs
 * the bundled server and the key comes from the client's own environment — it is never written here.
 */
export function mcpClientConfig(serverPath: string, s: Pick<McpServerSettings, 'baseUrl' | 'lang'>): string {
	const env: Record<string, string> = { [MCP_ENV.key]: `\${env:${MCP_ENV.key}}` };
	if (s.baseUrl !== DEFAULT_API_BASE_URL) env[MCP_ENV.baseUrl] = s.baseUrl;
	env[MCP_ENV.lang] = s.lang;
	return JSON.stringify(
		{ mcpServers: { bps: { type: 'stdio', command: 'node', args: [serverPath], env } } },
		null,
		2,
	);
}
