#!/usr/bin/env node
// Runs the integration suite (dist-test/integration/index.js) inside a REAL VS Code extension
// host, offline: code-server's VS Code server build + headless Debian chromium (playwright-core).
// The workbench accepts extensionDevelopmentPath/extensionTestsPath as a URL `payload` only when
// the server runs with --enable-smoke-test-driver; the suite's result comes back through
// window.codeAutomationExit(code), mocha's output through window.codeAutomationLog.
//
// Prerequisites: `bash scripts/setup-test-env.sh` and `node esbuild.mjs && node esbuild.mjs --tests`.
// Usage: node scripts/run-ext-tests.mjs [--grep <regex>] [--tests <index.js>] [--timeout <s>]
//                                       [--results <json>] [--verbose] [--keep]
// Exit: 0 pass, 1 test failures, 2 timeout, 3 server/browser failure.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, def) => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 ? argv[i + 1] : def;
};
const flag = (name) => argv.includes(`--${name}`);
const testsPath = path.resolve(root, opt('tests', 'dist-test/integration/index.js'));
const resultsFile = path.resolve(root, opt('results', 'test-results/integration.json'));
const timeoutS = Number(opt('timeout', '600'));
const verbose = flag('verbose') || !!process.env.VSCODE_TEST_VERBOSE;
const keep = flag('keep') || !!process.env.VSCODE_TEST_KEEP;

const t0 = Date.now();
const log = (...a) => console.log(`[integration +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

for (const f of [path.join(root, 'dist-test/browser/codeServer.js'), testsPath]) {
	if (!fs.existsSync(f)) {
		console.error(
			`[integration] missing ${path.relative(root, f)}: run \`node esbuild.mjs && node esbuild.mjs --tests\` first`,
		);
		process.exit(3);
	}
}
const { startCodeServer, testEnvPaths, CHROMIUM_ARGS } = require(
	path.join(root, 'dist-test/browser/codeServer.js'),
);
const { chromium } = require('playwright-core');

// Stale results must never be read as this run's.
fs.rmSync(resultsFile, { force: true });
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });

let server;
let browser;
let finishing = false;
async function finish(code, msg) {
	if (finishing) return;
	finishing = true;
	log(msg);
	try {
		await browser?.close();
	} catch {
		// already closed
	}
	const keepData = keep || code !== 0;
	await server?.close({ keep: keepData });
	if (keepData && server)
		console.log(`[integration] kept ${server.dataDir} (code-server.log, user-data/logs)`);
	process.exit(code);
}
process.on('SIGINT', () => void finish(130, 'interrupted'));
process.on('SIGTERM', () => void finish(143, 'terminated'));

try {
	server = await startCodeServer({ smokeTestDriver: true, verbose, folder: root });
} catch (e) {
	console.error(`[integration] ${e.message}`);
	process.exit(3);
}
log(`code-server is up on ${server.origin}`);
const killTimer = setTimeout(
	() => void finish(2, `TIMEOUT after ${timeoutS}s (server log: ${server.logFile})`),
	timeoutS * 1000,
);
server.exited.then((c) => void finish(3, `code-server exited early with ${c}; see ${server.logFile}`));

browser = await chromium.launch({
	executablePath: testEnvPaths(root).chromium,
	headless: true,
	args: CHROMIUM_ARGS,
});
const page = await (await browser.newContext()).newPage();
let done = false;
// Workbench chatter that reaches the same channel as mocha's output; hidden unless --verbose.
const noise =
	/^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Ignoring fetching additional builtin|Updating additional builtin|\[AgentHost|\[AccountPolicyGate\]|\[Service Worker\])/;
await page.exposeFunction('codeAutomationLog', (type, args) => {
	if (done) return;
	if (!verbose && typeof args?.[0] === 'string' && noise.test(args[0])) return;
	try {
		(console[type] || console.log)(...args);
	} catch {
		console.log(args);
	}
});
await page.exposeFunction('codeAutomationExit', async (code) => {
	done = true;
	clearTimeout(killTimer);
	await finish(
		code === 0 ? 0 : 1,
		`extension host exited with code ${code} -> ${code === 0 ? 'PASS' : 'FAIL'}`,
	);
});
if (verbose) page.on('console', (m) => console.log(`[browser:${m.type()}] ${m.text()}`));
page.on('pageerror', (e) => console.log('[pageerror]', e.message));

// BPS_TEST exposes the extension's test hooks; BPS_TEST_RESULTS is where index.ts writes mocha's stats.
const hostEnv = { BPS_TEST: '1', BPS_TEST_RESULTS: resultsFile };
if (opt('grep')) hostEnv.BPS_TEST_GREP = opt('grep');
const url = server.workbenchUrl({ devPath: root, testsPath, env: hostEnv });
log('opening workbench');
await page.goto(url);
