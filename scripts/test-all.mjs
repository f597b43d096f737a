#!/usr/bin/env node
// `npm test`: every tier in order — build, unit (mocha), integration (real VS Code extension host),
// browser (Playwright against a real workbench) — then one summary line summing all tiers:
//   N passed, N failed, N skipped
// Each tier writes mocha's stats to test-results/<tier>.json; a tier that crashes before writing
// them counts as one failure. Exit code 0 only when every tier passed.
// Usage: node scripts/test-all.mjs [--only unit,integration,browser] [--no-build]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const onlyArg = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : '';
const only = new Set(onlyArg ? onlyArg.split(',') : ['unit', 'integration', 'browser']);
const results = path.join(root, 'test-results');
const mocha = path.join(root, 'node_modules/mocha/bin/mocha.js');
const reporter = path.join(root, 'scripts/mocha-stats-reporter.cjs');

// A hung tier must not eat CI's whole time budget.
const TIER_TIMEOUT_MS = 30 * 60_000;
const run = (cmd, args) => {
	console.log(`\n[test] $ ${cmd} ${args.join(' ')}`);
	const r = spawnSync(cmd, args, {
		cwd: root,
		stdio: 'inherit',
		env: process.env,
		timeout: TIER_TIMEOUT_MS,
		killSignal: 'SIGKILL',
	});
	if (r.error) console.log(`[test] ${cmd}: ${r.error.message}`);
	return r.status ?? 1;
};
const readStats = (tier) => {
	try {
		return JSON.parse(fs.readFileSync(path.join(results, `${tier}.json`), 'utf8'));
	} catch {
		return undefined;
	}
};

fs.mkdirSync(results, { recursive: true });
const total = { passes: 0, failures: 0, pending: 0 };
const lines = [];
let ok = true;
const account = (tier, code) => {
	const s = readStats(tier);
	if (!s) {
		// Crashed before mocha could report (build error, server never came up…): one failure.
		total.failures += 1;
		ok = false;
		lines.push(`${tier}: no results (exit ${code})`);
		return;
	}
	total.passes += s.passes;
	total.failures += s.failures;
	total.pending += s.pending;
	if (code !== 0 || s.failures > 0) ok = false;
	lines.push(
		`${tier}: ${s.passes} passed, ${s.failures} failed, ${s.pending} skipped${code !== 0 && !s.failures ? ` (exit ${code})` : ''}`,
	);
};

let built = true;
if (!argv.includes('--no-build')) {
	built = run('node', ['esbuild.mjs']) === 0 && run('node', ['esbuild.mjs', '--tests']) === 0;
	if (!built) lines.push('build: FAILED');
	// Types, lint and formatting: a red check fails the run like a failing test.
	if (built && run('npm', ['run', '--silent', 'check']) !== 0) {
		lines.push('check (typecheck, eslint, prettier): FAILED');
		total.failures += 1;
		ok = false;
	}
}
for (const tier of ['unit', 'integration', 'browser'])
	fs.rmSync(path.join(results, `${tier}.json`), { force: true });

if (!built) {
	total.failures += 1;
	ok = false;
} else {
	// Every tier needs the environment: the unit tier runs generated Python/R snippets (python3-pandas,
	// r-base-core), the others need code-server and chromium. setup-test-env.sh skips what is there.
	const envOk = run('bash', ['scripts/setup-test-env.sh']) === 0;
	if (!envOk) lines.push('setup-test-env.sh: FAILED');
	if (only.has('unit')) {
		const out = `output=${path.join(results, 'unit.json')},tier=unit`;
		account(
			'unit',
			run('node', [
				mocha,
				'--config',
				'.mocharc.json',
				'--exit',
				'--reporter',
				reporter,
				'--reporter-option',
				out,
			]),
		);
	}
	if (only.has('integration')) account('integration', envOk ? run('node', ['scripts/run-ext-tests.mjs']) : 1);
	if (only.has('browser'))
		account('browser', envOk ? run('node', [mocha, '--config', '.mocharc.browser.json', '--exit']) : 1);
}

console.log('\n[test] ' + lines.join('\n[test] '));
console.log(`${total.passes} passed, ${total.failures} failed, ${total.pending} skipped`);
process.exit(ok ? 0 : 1);
