/** Strict in-memory type-checking of generated TypeScript/JavaScript (shared by the snippet tests). */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as TS from 'typescript';

// Loaded at run time, not bundled: the compiler finds its lib.*.d.ts files next to itself.
const ts: typeof TS = createRequire(path.resolve('package.json'))('typescript');

/**
 * Type-checks sources in memory, in ONE program (loading @types/node dominates the cost), with
 * strict settings and Node's types. Each file becomes a module so their top-level names don't
 * collide. Returns the diagnostics per file name.
 */
export function typecheck(sources: Record<string, string>): Record<string, string[]> {
	const options: TS.CompilerOptions = {
		strict: true,
		noEmit: true,
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.CommonJS,
		lib: ['lib.es2022.d.ts'],
		types: ['node'],
		typeRoots: [path.resolve('node_modules/@types')],
		skipLibCheck: true,
		allowJs: true,
		checkJs: true,
	};
	const files = new Map(
		Object.entries(sources).map(([name, text]) => [
			path.resolve('__snippet__', name),
			`${text}\nexport {};\n`,
		]),
	);
	const host = ts.createCompilerHost(options);
	const getSourceFile = host.getSourceFile.bind(host);
	host.getSourceFile = (name, lang, ...rest) => {
		const text = files.get(path.resolve(name));
		return text !== undefined ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang, ...rest);
	};
	const readFile = host.readFile.bind(host);
	host.readFile = (name) => files.get(path.resolve(name)) ?? readFile(name);
	const fileExists = host.fileExists.bind(host);
	host.fileExists = (name) => files.has(path.resolve(name)) || fileExists(name);
	const program = ts.createProgram([...files.keys()], options, host);
	const out: Record<string, string[]> = Object.fromEntries(Object.keys(sources).map((n) => [n, []]));
	for (const d of ts.getPreEmitDiagnostics(program)) {
		const name = d.file ? path.basename(d.file.fileName) : '(global)';
		(out[name] ??= []).push(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
	}
	return out;
}
