// One esbuild config for everything: the extension (node/cjs, `vscode` external), the webview
// (browser/iife), and — with --tests — the unit tests, integration suites, emulator and benchmarks.
//   node esbuild.mjs               extension + webview (dev, with sourcemaps)
//   node esbuild.mjs --production  minified, no sourcemaps (what the .vsix carries)
//   node esbuild.mjs --tests [files…]  test/emulator/bench bundles into dist-test/ (all, or the files named)
//   node esbuild.mjs --emulator    only the emulator CLI
//   node esbuild.mjs --watch       rebuild extension + webview on change
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

/** Every *.test.ts (or named entry) below a folder, as esbuild entry points. */
function entries(dir, pattern) {
	if (!fs.existsSync(dir)) return [];
	const out = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (e.isFile() && pattern.test(e.name)) out.push(path.join(e.parentPath ?? e.path, e.name));
	}
	return out;
}

const common = {
	bundle: true,
	sourcemap: production ? false : 'linked',
	minify: production,
	logLevel: 'warning',
	target: 'es2022',
	legalComments: 'none',
};

const extension = {
	...common,
	entryPoints: ['src/extension.ts'],
	outfile: 'dist/extension.js',
	platform: 'node',
	format: 'cjs',
	external: ['vscode'],
	metafile: true,
};

// The stdio MCP server (src/mcp/server.ts): its own Node process, so everything is bundled in,
// the MCP SDK and zod included; no `vscode`.
const pkgVersion = JSON.parse(fs.readFileSync('package.json', 'utf8')).version;
const mcpServer = {
	...common,
	entryPoints: ['src/mcp/server.ts'],
	outfile: 'dist/mcp/server.js',
	platform: 'node',
	format: 'cjs',
	define: { BPS_VERSION: JSON.stringify(pkgVersion) },
	metafile: true,
};

const webview = {
	...common,
	entryPoints: { preview: 'src/webview/main.ts' },
	outdir: 'dist/webview',
	platform: 'browser',
	format: 'iife',
	metafile: true,
	loader: { '.css': 'text' },
};

const testNode = {
	...common,
	sourcemap: 'inline',
	minify: false,
	platform: 'node',
	format: 'cjs',
	external: ['vscode', 'mocha', 'playwright-core', 'fast-check', 'jsdom'],
	outbase: 'test',
	outdir: 'dist-test',
};

async function run() {
	if (args.has('--emulator')) {
		await esbuild.build({ ...testNode, entryPoints: ['test/emulator/cli.ts'] });
		return;
	}
	if (args.has('--tests')) {
		// `node esbuild.mjs --tests test/unit/foo.test.ts …` builds only the files named.
		const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
		const eps = named.length
			? named
			: [
					...entries('test/unit', /\.test\.ts$/),
					...entries('test/integration', /\.ts$/),
					...entries('test/emulator', /^cli\.ts$/),
					...entries('test/bench', /\.ts$/),
					...entries('test/browser', /\.ts$/),
				];
		await esbuild.build({ ...testNode, entryPoints: eps });
		return;
	}
	if (watch) {
		const ctxs = await Promise.all([
			esbuild.context(extension),
			esbuild.context(webview),
			esbuild.context(mcpServer),
		]);
		await Promise.all(ctxs.map((c) => c.watch()));
		console.log('[esbuild] watching…');
		return;
	}
	const results = await Promise.all([
		esbuild.build(extension),
		esbuild.build(webview),
		esbuild.build(mcpServer),
	]);
	fs.mkdirSync('dist', { recursive: true });
	// Bundle sizes are a benchmark figure; keep the metafiles for `npm run bench`.
	fs.writeFileSync('dist/meta-extension.json', JSON.stringify(results[0].metafile));
	fs.writeFileSync('dist/meta-webview.json', JSON.stringify(results[1].metafile));
	fs.writeFileSync('dist/meta-mcp.json', JSON.stringify(results[2].metafile));
}

run().catch((e) => {
	console.error(e);
	process.exit(1);
});
