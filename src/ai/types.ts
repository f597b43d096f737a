/**
 * The shapes shared by the assistant tools and their two adapters (VS Code language-model tools
 * in lmTools.ts, the stdio MCP server in src/mcp/server.ts). No `vscode` import: the same code runs
 * in the extension host, in the MCP server's Node process and in plain mocha.
 */
import type { BpsApi } from '../api/api';
import type { FamilyEndpoints } from '../api/families/endpoints';
import type { Domain, Lang } from '../api/types';
import type { KindSources } from '../catalogue/kindSearch';

/** The lazily loaded indexes `bps_search` reads (census, SIMDASI, classifications, glossary). */
export type SearchIndexes = Pick<KindSources, 'familyIndex' | 'classifications' | 'glossary'>;

/** A JSON Schema for a tool's input: the subset our four tools use. */
export interface JsonSchema {
	type: 'object' | 'string' | 'integer' | 'number' | 'array' | 'boolean';
	description?: string;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	items?: JsonSchema;
	enum?: string[];
	minItems?: number;
	maxItems?: number;
	minLength?: number;
	pattern?: string;
	additionalProperties?: boolean;
}

/** What a tool needs from its host. Both adapters build one from the same BpsClient options. */
export interface ToolDeps {
	api: BpsApi;
	/** The newer data families (trade, SDGs, classifications…): `BpsClient.families`. */
	families: FamilyEndpoints;
	/** Data language (the `bps.language` setting in VS Code, BPS_LANG for the MCP server). */
	lang: Lang;
	/**
	 * Text telling the model how the user sets a key in this host (a command in VS Code, an
	 * environment variable for MCP clients). Never contains a key.
	 */
	noKeyHint: string;
	/**
	 * The host's indexes, kept between calls (the extension's, or the MCP server's own). Absent:
	 * each `bps_search` builds them again, through the client's cache.
	 */
	indexes?: SearchIndexes;
	/** Answers longer than this are cut (rows dropped) with a note on how to narrow. Default 12000. */
	maxChars?: number;
	signal?: AbortSignal;
	/** For tests: the clock behind "accessed on". */
	now?: () => Date;
}

/** One assistant tool: a contract (name, inputs) plus the implementation that answers in text. */
export interface AiTool<I = Record<string, unknown>> {
	/** The name both adapters publish, e.g. `bps_get_table`. Part of the public contract. */
	name: string;
	/** For the model: when to pick this tool and how to fill in its inputs. */
	description: string;
	inputSchema: JsonSchema;
	/** Answers in text; throws only BpsError/ToolInputError (the adapters turn them into text). */
	invoke(input: I, deps: ToolDeps): Promise<string>;
}

/** Input the model got wrong: the message says what to send instead. */
export class ToolInputError extends Error {
	override readonly name = 'ToolInputError';
}

/** The domain list, loaded once per client call chain (the client caches it too). */
export async function allDomains(deps: ToolDeps): Promise<Domain[]> {
	return (await deps.api.listDomains('all', { signal: deps.signal })).items;
}
