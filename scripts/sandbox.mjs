#!/usr/bin/env node
// `npm run sandbox`: a real VS Code in your browser with BPS Data Browser installed, talking to the
// local BPS WebAPI emulator, the emulator's demo key already stored — nothing to type.
// Usage: node scripts/sandbox.mjs [--port 8080] [--locale id] [--theme dark] [--verbose]
//                                 [--screenshot file.png]   (self-check: open it headless, save a PNG, exit)
// Port: --port, else $PORT, else 8080 when free, else a free port. Ctrl+C stops everything.
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

const bundle = path.join(root, 'dist-test/browser/sandbox.js');
if (!fs.existsSync(bundle) || !fs.existsSync(path.join(root, 'dist/extension.js'))) {
	console.error('[sandbox] not built: run `npm run sandbox` (it builds first)');
	process.exit(1);
}
const { testEnvReady } = require(path.join(root, 'dist-test/browser/codeServer.js'));
if (!testEnvReady(root)) {
	// Measured: about 3 min for Node 24 + code-server on a busy 2-core machine (apt, when it has
	// Chromium, R and pandas to install, runs at the same time and can take longer).
	console.log(
		'[sandbox] first run: installing Node 24 and code-server into .vscode-test/ (once; about 3 min,\n' +
			'          longer if Chromium, R or pandas must come from apt too)…',
	);
	if (spawnSync('bash', [path.join(root, 'scripts/setup-test-env.sh')], { stdio: 'inherit' }).status !== 0)
		process.exit(1);
}
const { startSandbox } = require(bundle);

const portArg = opt('port') ?? process.env.PORT;
const locale = opt('locale');
const theme = opt('theme');
if (locale && !['en', 'id'].includes(locale)) throw new Error('--locale must be en or id');
if (theme && !['light', 'dark'].includes(theme)) throw new Error('--theme must be light or dark');

const sb = await startSandbox({
	port: portArg ? Number(portArg) : undefined,
	locale,
	theme,
	verbose: argv.includes('--verbose'),
});
let closing = false;
const stop = async () => {
	if (closing) return;
	closing = true;
	console.log('\n[sandbox] stopping…');
	await sb.close();
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
sb.server.exited.then((code) => {
	if (closing) return;
	console.error(`[sandbox] code-server exited (${code}); log: ${sb.server.logFile}`);
	void sb.close().then(() => process.exit(1));
});

const shot = opt('screenshot');
if (shot) {
	await sb.screenshot(shot);
	console.log(`[sandbox] screenshot: ${path.resolve(shot)}`);
	await stop();
} else {
	console.log(`
  BPS Data Browser sandbox
  ────────────────────────
  Open:      ${sb.url}
  Emulator:  ${sb.emulatorUrl}   (key pre-seeded; nothing to type)
  Ctrl+C stops VS Code and the emulator.
`);
}
