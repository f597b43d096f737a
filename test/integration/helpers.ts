/**
 * Helpers for integration tests that run in the real extension host (see index.ts).
 *
 * Tests drive the bundled extension through its commands and the API `activate()` returns; they
 * never import `src/` (that would load a second copy of every module, with its own state).
 */
import * as vscode from 'vscode';
import { startEmulator, EMULATOR_HEX_KEY } from '../emulator/server';
import { EXTENSION_ID } from '../../src/constants';
import type { BpsPublicApi } from '../../src/publicApi';
import type { TestHooks } from '../../src/testHooks';

/**
 * The key the integration tests set through `bps.setApiKey`: the emulator's key of the real shape
 * (the command refuses anything but 32 hexadecimal characters before any request).
 */
export const EMULATOR_KEY = EMULATOR_HEX_KEY;

// `src/constants.ts` holds only literals: importing it loads no second copy of any state.
export { EXTENSION_ID };

export type TestEmulator = Awaited<ReturnType<typeof startEmulator>>;
export type TestEmulatorOptions = NonNullable<Parameters<typeof startEmulator>[0]>;

/**
 * Starts the BPS WebAPI emulator inside the extension-host process (so tests can inspect its
 * requests and inject faults) and points `bps.apiBaseUrl` at it. `close()` stops the server and
 * resets the setting.
 */
export async function startTestEmulator(opts: TestEmulatorOptions = {}): Promise<TestEmulator> {
	const emu = await startEmulator(opts);
	await configure({ apiBaseUrl: emu.url });
	const close = emu.close.bind(emu);
	return Object.assign(emu, {
		close: async () => {
			await configure({ apiBaseUrl: undefined });
			await close();
		},
	});
}

/**
 * Updates `bps.*` settings (global target) and waits until the configuration reflects them.
 * Pass `undefined` to reset a setting to its default. Keys are relative to `bps.`.
 */
export async function configure(settings: Record<string, unknown>): Promise<void> {
	const applied = () => {
		const now = vscode.workspace.getConfiguration('bps');
		return Object.entries(settings).every(
			([k, v]) => JSON.stringify(now.inspect(k)?.globalValue) === JSON.stringify(v),
		);
	};
	// update() resolves once the file is written; the change event may still be in flight for the
	// extension's listeners, and a write still queued from an earlier test can land after ours.
	// Poll the merged view and write again when it has not taken, then yield once so listeners run.
	const deadline = Date.now() + 20_000;
	for (let attempt = 0; ; attempt++) {
		const cfg = vscode.workspace.getConfiguration('bps');
		for (const [k, v] of Object.entries(settings)) {
			if (JSON.stringify(cfg.inspect(k)?.globalValue) !== JSON.stringify(v)) {
				await cfg.update(k, v, vscode.ConfigurationTarget.Global);
			}
		}
		const until = Math.min(deadline, Date.now() + 2000);
		while (!applied() && Date.now() < until) await sleep(25);
		if (applied()) break;
		if (Date.now() >= deadline)
			throw new Error(`settings not applied after ${attempt + 1} writes: ${JSON.stringify(settings)}`);
	}
	await sleep(50);
}

/** Activates the extension (idempotent) and returns the API `activate()` returned. */
export async function getExtensionApi(): Promise<BpsPublicApi> {
	const ext = vscode.extensions.getExtension<BpsPublicApi>(EXTENSION_ID);
	if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
	return ext.isActive ? ext.exports : ext.activate();
}

/** The extension's test hooks (the host runs with BPS_TEST=1). */
export async function testHooks(): Promise<TestHooks> {
	const api = await getExtensionApi();
	if (!api._test) throw new Error('test hooks are not exposed: the host must run with BPS_TEST=1');
	return api._test;
}

/**
 * The usual start of a suite: the emulator up and configured, `settings` applied (`bps.*` keys
 * without the prefix), its key stored (checked by the extension like a user's), the extension's
 * API and test hooks. Call it in `before()` and
 * `emu.close()` in `after()`.
 */
export async function setupSuite(
	settings: Record<string, unknown> = {},
	opts: TestEmulatorOptions = {},
): Promise<{ emu: TestEmulator; api: BpsPublicApi; hooks: TestHooks }> {
	const emu = await startTestEmulator(opts);
	if (Object.keys(settings).length) await configure(settings);
	if (!(await setKey(EMULATOR_KEY))) throw new Error('the emulator key was not saved');
	const api = await getExtensionApi();
	return { emu, api, hooks: await testHooks() };
}

/**
 * Stores an API key the way a user would: `bps.setApiKey` with the key as its argument (the
 * command checks its shape, then asks the API). Resolves with the command's answer: true when saved.
 */
export async function setKey(key: string): Promise<boolean> {
	await getExtensionApi();
	return (await vscode.commands.executeCommand<boolean>('bps.setApiKey', key)) === true;
}

/** Polls `check` until it returns a truthy value (returned) or `timeoutMs` passes (throws). */
export async function waitFor<T>(
	check: () => T | Promise<T>,
	timeoutMs = 10_000,
	what = 'condition',
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	for (;;) {
		try {
			const v = await check();
			if (v) return v;
		} catch (e) {
			last = e;
		}
		if (Date.now() > deadline)
			throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
		await sleep(50);
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}

/**
 * Stores a key straight into SecretStorage, as another window (or the sandbox seed) does: for
 * keys of unusual shapes that tests use to spot leaks, which `bps.setApiKey` would refuse.
 * Resolves once the extension reads it back.
 */
export async function storeKeyDirectly(key: string): Promise<void> {
	const api = await getExtensionApi();
	const services = api._test?.services as
		{ context: vscode.ExtensionContext; keyStore: { get(): Promise<string | undefined> } } | undefined;
	if (!services) throw new Error('the services test hook is missing');
	await services.context.secrets.store('bps.apiKey', key);
	await waitFor(async () => (await services.keyStore.get()) === key, 5000, 'the stored key is read back');
}

/** Closes every editor, reverting scratch documents first (no "save changes?" dialog). */
export async function closeScratchEditors(): Promise<void> {
	for (let i = 0; i < 20 && vscode.window.activeTextEditor; i++) {
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	}
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
