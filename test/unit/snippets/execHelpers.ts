/**
 * Running generated code in real interpreters (shared by the snippet execution tests):
 * /usr/bin/python3 with pandas (Debian python3-pandas), Rscript (r-base-core) with jsonlite,
 * Node. Locally a missing interpreter skips with a message; with CI set it fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BpsClient } from '../../../src/api/client';
import { EMULATOR_KEY, type Emulator } from '../../emulator/server';

function works(cmd: string, args: string[]): boolean {
	const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 60000 });
	return r.status === 0;
}

/** The first python3 that imports pandas (Debian's first: that is what setup-test-env installs). */
export const PANDAS_PY = ['/usr/bin/python3', 'python3'].find((p) => works(p, ['-c', 'import pandas']));
export const ANY_PY = ['/usr/bin/python3', 'python3'].find((p) => works(p, ['-c', 'import sqlite3, ast']));
export const HAS_R = works('Rscript', ['--version']);
export const HAS_JSONLITE =
	HAS_R &&
	works('Rscript', ['-e', 'quit(status = if (requireNamespace("jsonlite", quietly = TRUE)) 0 else 1)']);

/** Skips locally, fails under CI, when a tool is missing. */
export function need(ctx: Mocha.Context, ok: unknown, what: string): void {
	if (ok) return;
	if (process.env.CI)
		throw new Error(`${what} is required when CI is set: run bash scripts/setup-test-env.sh`);
	console.warn(`      (skipped: ${what} is not installed; run bash scripts/setup-test-env.sh)`);
	ctx.skip();
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bps-snippets-'));
let n = 0;
export function writeTmp(ext: string, text: string): string {
	const file = path.join(tmp, `s${++n}.${ext}`);
	fs.writeFileSync(file, text, 'utf8');
	return file;
}

/** Child env: UTF-8 everywhere, no proxy for 127.0.0.1, optional extra variables. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		LANG: 'C.UTF-8',
		LC_ALL: 'C.UTF-8',
		PYTHONIOENCODING: 'utf-8',
		...extra,
	};
	for (const k of ['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY'])
		delete env[k];
	env.NO_PROXY = env.no_proxy = '127.0.0.1,localhost';
	delete env.BPS_API_KEY;
	return { ...env, ...extra };
}

export function run(cmd: string, args: string[], env = childEnv()): string {
	const r = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 120000, maxBuffer: 64 << 20 });
	if (r.status !== 0)
		throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}\n${r.stdout}`);
	return r.stdout;
}

/**
 * Async variant for children that talk to the in-process emulator: spawnSync would block the
 * event loop the emulator answers on.
 */
export function runAsync(
	cmd: string,
	args: string[],
	env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), 120000);
		child.on('error', reject);
		child.on('close', (status) => {
			clearTimeout(timer);
			resolve({ status, stdout, stderr });
		});
	});
}

export async function runOk(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
	const r = await runAsync(cmd, args, env);
	if (r.status !== 0)
		throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}\n${r.stdout}`);
	return r.stdout;
}

/** Removes the scratch folder (a root-level `after` hook of each execution test file). */
export function removeTmp(): void {
	fs.rmSync(tmp, { recursive: true, force: true });
}

/** Our own client on the emulator: what the generated code's results are compared with. */
export function emulatorClient(emu: Emulator): BpsClient {
	return new BpsClient({
		baseUrl: emu.url,
		getKey: async () => EMULATOR_KEY,
		userAgent: 'bps-data-browser-tests',
		maxRequestsPerSecond: 1000,
		retries: 0,
	});
}
