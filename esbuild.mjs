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

// Code not needed to activate (previews, search, insert, export, notebooks, citations, the
// assistant tools' implementations): dist/features.js, required by src/lazy/load.ts on first use.
// Modules both bundles use are evaluated once, in dist/extension.js: sharedModulesPlugin below
// exports them from there and turns their imports here into reads of that table.
const features = {
	...common,
	entryPoints: ['src/lazy/entry.ts'],
	outfile: 'dist/features.js',
	platform: 'node',
	format: 'cjs',
	external: ['vscode'],
	metafile: true,
};

const norm = (p) => path.relative(process.cwd(), p).split(path.sep).join('/');

/**
 * `shared` = the source paths both bundles use. In the activation bundle: the virtual module
 * `bps-shared-modules` exports every one of them by path, and `./features.js` stays a runtime
 * require. In dist/features.js: each import of a shared module becomes a read of the table
 * src/lazy/registry.ts, which the activation bundle fills before any of that code runs.
 */
function sharedModulesPlugin(role, shared) {
	return {
		name: 'bps-shared-modules',
		setup(build) {
			if (role === 'core') {
				build.onResolve({ filter: /^\.\/features\.js$/ }, () => ({ path: './features.js', external: true }));
				build.onResolve({ filter: /^bps-shared-modules$/ }, () => ({
					path: 'modules',
					namespace: 'bps-shared',
				}));
				build.onLoad({ filter: /.*/, namespace: 'bps-shared' }, () => {
					const list = [...shared];
					const imports = list.map((p, i) => `import * as m${i} from ${JSON.stringify(path.resolve(p))};`);
					const table = list.map((p, i) => `${JSON.stringify(p)}: m${i}`).join(', ');
					return {
						contents: `${imports.join('\n')}\nexport const modules = { ${table} };`,
						resolveDir: process.cwd(),
						loader: 'js',
					};
				});
				return;
			}
			const registry = path.resolve('src/lazy/registry.ts');
			build.onResolve({ filter: /.*/ }, async (args) => {
				if (args.pluginData?.inner || args.kind === 'entry-point' || !shared.size) return undefined;
				const r = await build.resolve(args.path, {
					resolveDir: args.resolveDir,
					kind: args.kind,
					importer: args.importer,
					pluginData: { inner: true },
				});
				if (r.errors.length || r.external || !r.path) return undefined;
				const rel = norm(r.path);
				return shared.has(rel) ? { path: rel, namespace: 'bps-shim' } : undefined;
			});
			build.onLoad({ filter: /.*/, namespace: 'bps-shim' }, (args) => ({
				contents: `module.exports = require(${JSON.stringify(registry)}).shared[${JSON.stringify(args.path)}];`,
				resolveDir: process.cwd(),
				loader: 'js',
			}));
		},
	};
}

/** Builds both bundles once without writing, to learn which modules they share. */
async function sharedModules() {
	const [core, lazy] = await Promise.all([
		esbuild.build({ ...extension, write: false, plugins: [sharedModulesPlugin('core', new Set())] }),
		esbuild.build({ ...features, write: false, plugins: [sharedModulesPlugin('lazy', new Set())] }),
	]);
	const inCore = new Set(Object.keys(core.metafile.inputs));
	return new Set(Object.keys(lazy.metafile.inputs).filter((p) => inCore.has(p) && !p.startsWith('bps-')));
}

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

// Two classic scripts: preview.js (the grid and everything shown first) and chart.js (uPlot),
// which src/webview/chartLoader.ts adds the first time a chart is drawn.
const webview = {
	...common,
	entryPoints: { preview: 'src/webview/main.ts', chart: 'src/webview/chartEntry.ts' },
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
	const shared = await sharedModules();
	const extensionBuild = { ...extension, plugins: [sharedModulesPlugin('core', shared)] };
	const featuresBuild = { ...features, plugins: [sharedModulesPlugin('lazy', shared)] };
	if (watch) {
		// The shared set is computed once: restart the watch after adding an import across bundles.
		const ctxs = await Promise.all([
			esbuild.context(extensionBuild),
			esbuild.context(featuresBuild),
			esbuild.context(webview),
			esbuild.context(mcpServer),
		]);
		await Promise.all(ctxs.map((c) => c.watch()));
		console.log('[esbuild] watching…');
		return;
	}
	const results = await Promise.all([
		esbuild.build(extensionBuild),
		esbuild.build(webview),
		esbuild.build(mcpServer),
		esbuild.build(featuresBuild),
	]);
	fs.mkdirSync('dist', { recursive: true });
	// Bundle sizes are a benchmark figure; keep the metafiles for `npm run bench`.
	fs.writeFileSync('dist/meta-extension.json', JSON.stringify(results[0].metafile));
	fs.writeFileSync('dist/meta-webview.json', JSON.stringify(results[1].metafile));
	fs.writeFileSync('dist/meta-mcp.json', JSON.stringify(results[2].metafile));
	fs.writeFileSync('dist/meta-features.json', JSON.stringify(results[3].metafile));
}

run().catch((e) => {
	console.error(e);
	process.exit(1);
});
