#!/usr/bin/env node
// `npm run screenshots`: regenerates the README screenshots (media/screenshots/*.png) from a real
// VS Code workbench (code-server + headless chromium) talking to the BPS WebAPI emulator.
// Usage: node scripts/screenshots.mjs [--only tree,search] [--out dir] [--verbose]
// `npm run screenshots` builds the extension and the test bundles first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name) => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 ? argv[i + 1] : undefined;
};

const bundle = path.join(root, 'dist-test/browser/screenshots.js');
if (!fs.existsSync(bundle) || !fs.existsSync(path.join(root, 'dist/extension.js'))) {
	console.error('[screenshots] not built: run `npm run screenshots` (it builds first)');
	process.exit(1);
}
const { testEnvReady } = require(path.join(root, 'dist-test/browser/codeServer.js'));
if (!testEnvReady(root)) {
	if (spawnSync('bash', [path.join(root, 'scripts/setup-test-env.sh')], { stdio: 'inherit' }).status !== 0)
		process.exit(1);
}
const { takeScreenshots } = require(bundle);
const files = await takeScreenshots({
	outDir: opt('out') ? path.resolve(opt('out')) : undefined,
	only: opt('only')?.split(','),
	verbose: argv.includes('--verbose'),
});
console.log(`[screenshots] ${files.length} written`);
