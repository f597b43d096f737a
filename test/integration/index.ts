/**
 * Entry point the VS Code test runner loads in the extension host (`extensionTestsPath`): the
 * same `run()` contract @vscode/test-electron uses, so scripts/run-ext-tests.mjs (offline,
 * code-server) and scripts/run-desktop-tests.mjs (desktop VS Code) share it.
 */
import fs from 'node:fs';
import path from 'node:path';
// Kept external by esbuild: mocha must be the copy in node_modules, loaded once.
import Mocha from 'mocha';

/** Every `*.test.js` below this folder (dist-test/integration), sorted for a stable order. */
function testFiles(dir: string): string[] {
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && e.name.endsWith('.test.js'))
		.map((e) => path.join(e.parentPath, e.name))
		.sort();
}

/**
 * Runs every integration test with mocha (BDD, spec reporter) and resolves when all pass;
 * rejects with the failure count otherwise. When `BPS_TEST_RESULTS` names a file, mocha's stats
 * are written there as JSON so `npm test` can sum the tiers.
 */
export function run(): Promise<void> {
	const mocha = new Mocha({
		ui: 'bdd',
		reporter: 'spec',
		timeout: 30_000,
		color: false,
		grep: process.env.BPS_TEST_GREP || undefined,
	});
	for (const f of testFiles(__dirname)) mocha.addFile(f);
	return new Promise((resolve, reject) => {
		try {
			const runner = mocha.run((failures) => {
				writeStats(runner.stats, failures);
				if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
				else resolve();
			});
		} catch (e) {
			writeStats(undefined, 1);
			reject(e instanceof Error ? e : new Error(String(e)));
		}
	});
}

function writeStats(stats: Mocha.Stats | undefined, failures: number): void {
	const file = process.env.BPS_TEST_RESULTS;
	if (!file) return;
	const out = {
		tier: 'integration',
		passes: stats?.passes ?? 0,
		failures: stats ? stats.failures : failures,
		pending: stats?.pending ?? 0,
		tests: stats?.tests ?? 0,
		duration: stats?.duration ?? 0,
	};
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, JSON.stringify(out, null, '\t'));
}
