/**
 * Minimal typings of the VS Code APIs behind the assistant tools (language-model tools, 1.95+;
 * MCP server definition providers, 1.101+). The extension targets `engines.vscode` ^1.90 and its
 * `@types/vscode` has neither, so we declare what we use and feature-detect at run time: on an
 * older VS Code these functions return undefined and the extension works without the tools.
 * Type-only use of `vscode` here, so the detection runs in plain mocha too.
 */
import type * as vscode from 'vscode';

export interface LmToolInvocationOptions<T> {
	readonly input: T;
	readonly toolInvocationToken?: unknown;
}

export interface LmToolPrepareOptions<T> {
	readonly input: T;
}

export interface LmPreparedInvocation {
	invocationMessage?: string | vscode.MarkdownString;
	confirmationMessages?: { title: string; message: string | vscode.MarkdownString };
}

/** `vscode.LanguageModelToolResult`: a list of parts; ours are text parts. */
export interface LmToolResult {
	content: Array<unknown>;
}

export interface LmTool<T> {
	invoke(options: LmToolInvocationOptions<T>, token: vscode.CancellationToken): Promise<LmToolResult>;
	prepareInvocation?(
		options: LmToolPrepareOptions<T>,
		token: vscode.CancellationToken,
	): LmPreparedInvocation | undefined;
}

/** `vscode.McpStdioServerDefinition` (the fields we set). */
export interface McpStdioDefinition {
	label: string;
	command: string;
	args: string[];
	env: Record<string, string | number | null>;
	version?: string;
	cwd?: vscode.Uri;
}

export interface McpDefinitionProvider {
	onDidChangeMcpServerDefinitions?: vscode.Event<void>;
	provideMcpServerDefinitions(
		token: vscode.CancellationToken,
	): Promise<McpStdioDefinition[]> | McpStdioDefinition[];
	resolveMcpServerDefinition?(
		server: McpStdioDefinition,
		token: vscode.CancellationToken,
	): Promise<McpStdioDefinition | undefined>;
}

interface LmNamespace {
	registerTool?<T>(name: string, tool: LmTool<T>): vscode.Disposable;
	registerMcpServerDefinitionProvider?(id: string, provider: McpDefinitionProvider): vscode.Disposable;
}

interface LmClasses {
	LanguageModelToolResult?: new (content: unknown[]) => LmToolResult;
	LanguageModelTextPart?: new (value: string) => { value: string };
	McpStdioServerDefinition?: new (
		label: string,
		command: string,
		args?: string[],
		env?: Record<string, string | number | null>,
		version?: string,
	) => McpStdioDefinition;
}

export interface LmFeatures {
	registerTool?: <T>(name: string, tool: LmTool<T>) => vscode.Disposable;
	textResult?: (text: string) => LmToolResult;
	registerMcpProvider?: (id: string, provider: McpDefinitionProvider) => vscode.Disposable;
	stdioDefinition?: LmClasses['McpStdioServerDefinition'];
}

/**
 * The feature detection itself, over any object shaped like the `vscode` module (so it is
 * testable without one): a feature counts only when every function and class it needs is there.
 */
export function detectLm(api: unknown): LmFeatures {
	const lm = (api as { lm?: LmNamespace }).lm;
	const classes = api as LmClasses;
	const Result = classes.LanguageModelToolResult;
	const Text = classes.LanguageModelTextPart;
	const canTool =
		typeof lm?.registerTool === 'function' && typeof Result === 'function' && typeof Text === 'function';
	const canMcp =
		typeof lm?.registerMcpServerDefinitionProvider === 'function' &&
		typeof classes.McpStdioServerDefinition === 'function';
	return {
		registerTool: canTool ? (name, tool) => lm!.registerTool!(name, tool) : undefined,
		textResult: canTool ? (text) => new Result!([new Text!(text)]) : undefined,
		registerMcpProvider: canMcp ? (id, p) => lm!.registerMcpServerDefinitionProvider!(id, p) : undefined,
		stdioDefinition: canMcp ? classes.McpStdioServerDefinition : undefined,
	};
}
