#!/usr/bin/env node
// `npm run test:desktop`: the same integration suite (dist-test/integration/index.js) in a desktop
// VS Code (Electron) via @vscode/test-electron, for machines that can download VS Code from
// update.code.visualstudio.com. `npm test` and CI use the offline code-server runner instead
// (scripts/run-ext-tests.mjs); this one cannot run where that host is unreachable.
// Usage: node scripts/run-desktop-tests.mjs [--version stable|insiders|1.90.0]
// On Linux without a display, run it under xvfb-run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { runTests } = require('@vscode/test-electron');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const version = argv.includes('--version') ? argv[argv.indexOf('--version') + 1] : 'stable';
const testsPath = path.join(root, 'dist-test/integration/index.js');
const resultsFile = path.join(root, 'test-results/integration-desktop.json');
if (!fs.existsSync(testsPath) || !fs.existsSync(path.join(root, 'dist/extension.js'))) {
	console.error('[desktop] not built: run `npm run test:desktop` (it builds first)');
	process.exit(1);
}
fs.rmSync(resultsFile, { force: true });

// A fresh profile and an empty workspace: no other extensions, no state from earlier runs.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bps-desktop-'));
const workspace = path.join(tmp, 'workspace');
const userData = path.join(tmp, 'user-data');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.mkdirSync(workspace);
fs.writeFileSync(
	path.join(userData, 'User', 'settings.json'),
	JSON.stringify({
		'telemetry.telemetryLevel': 'off',
		'update.mode': 'none',
		'extensions.autoUpdate': false,
		'extensions.autoCheckUpdates': false,
		'workbench.startupEditor': 'none',
		'security.workspace.trust.enabled': false,
		'chat.disableAIFeatures': true,
	}),
);

let code = 0;
try {
	await runTests({
		version,
		cachePath: path.join(root, '.vscode-test-desktop'),
		extensionDevelopmentPath: root,
		extensionTestsPath: testsPath,
		extensionTestsEnv: { BPS_TEST: '1', BPS_TEST_RESULTS: resultsFile },
		launchArgs: [
			workspace,
			'--disable-extensions',
			'--disable-workspace-trust',
			'--skip-welcome',
			'--skip-release-notes',
			'--user-data-dir',
			userData,
		],
	});
} catch (e) {
	console.error(`[desktop] ${e instanceof Error ? e.message : String(e)}`);
	code = 1;
} finally {
	fs.rmSync(tmp, { recursive: true, force: true });
}
try {
	const s = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
	console.log(`${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`);
} catch {
	// the suite never reported (download or launch failed)
}
process.exit(code);
