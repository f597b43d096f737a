/**
 * The API key round trip through SecretStorage: set (checked against the emulator), clear, a
 * change made "in another window" (directly in SecretStorage), and proof that no setting or
 * globalState value ever holds the key.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Services } from '../../src/services';
import type { CatalogueTreeProvider } from '../../src/tree/catalogueTree';
import {
	EMULATOR_KEY,
	EXTENSION_ID,
	getExtensionApi,
	setKey,
	startTestEmulator,
	waitFor,
	type TestEmulator,
} from './helpers';

interface Hooks {
	tree: CatalogueTreeProvider;
	services: Services;
}

async function hooks(): Promise<Hooks> {
	const api = await getExtensionApi();
	assert.ok(api._test, 'test hooks exposed');
	return api._test as unknown as Hooks;
}

/** Every value any `bps.*` setting has in any scope, as JSON. */
function allSettingValues(): string {
	const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
		contributes: { configuration: { properties: Record<string, unknown> } };
	};
	const cfg = vscode.workspace.getConfiguration();
	return JSON.stringify(
		Object.keys(manifest.contributes.configuration.properties).map((k) => {
			const i = cfg.inspect(k);
			return [k, i?.globalValue, i?.workspaceValue, i?.workspaceFolderValue];
		}),
	);
}

function allStateValues(ctx: vscode.ExtensionContext): string {
	const dump = (m: vscode.Memento) => m.keys().map((k) => [k, m.get(k)]);
	return JSON.stringify([dump(ctx.globalState), dump(ctx.workspaceState)]);
}

describe('API key in SecretStorage', function () {
	this.timeout(60_000);
	let emu: TestEmulator;
	let h: Hooks;

	before(async () => {
		emu = await startTestEmulator();
		h = await hooks();
	});
	after(async () => {
		await setKey(EMULATOR_KEY);
		await emu?.close();
	});

	it('without a key the tree is empty so the welcome view shows', async () => {
		await vscode.commands.executeCommand('bps.clearApiKey');
		assert.equal(await h.services.keyStore.get(), undefined);
		assert.equal(await h.services.context.secrets.get('bps.apiKey'), undefined);
		await waitFor(async () => (await h.tree.getChildren()).length === 0, 5000, 'empty tree');
	});

	it('stores a checked key in SecretStorage only, and the tree fills', async () => {
		assert.equal(await setKey(EMULATOR_KEY), true);
		assert.equal(await h.services.context.secrets.get('bps.apiKey'), EMULATOR_KEY);
		assert.equal(await h.services.keyStore.get(), EMULATOR_KEY);
		const root = (await waitFor(
			async () => {
				const r = await h.tree.getChildren();
				return r.length ? r : undefined;
			},
			10_000,
			'tree children',
		))!;
		assert.equal(root[0].kind, 'region');
		assert.ok(!allSettingValues().includes(EMULATOR_KEY), 'no setting holds the key');
		assert.ok(
			!allStateValues(h.services.context).includes(EMULATOR_KEY),
			'no globalState/workspaceState value holds the key',
		);
		// Every request carried a key, and none put it where the emulator logs params.
		assert.ok(emu.requests.length > 0);
		assert.ok(!JSON.stringify(emu.requests).includes(EMULATOR_KEY));
	});

	it('refuses a key the API rejects and keeps the old one', async () => {
		assert.equal(await setKey('not-the-emulator-key'), false);
		assert.equal(await h.services.keyStore.get(), EMULATOR_KEY);
		assert.ok(!allSettingValues().includes('not-the-emulator-key'));
		assert.ok(!allStateValues(h.services.context).includes('not-the-emulator-key'));
	});

	it('follows a key change made in another window (SecretStorage event)', async () => {
		assert.ok((await h.tree.getChildren()).length > 0);
		// Another window shares SecretStorage: write it behind the extension's back.
		await h.services.context.secrets.delete('bps.apiKey');
		await waitFor(
			async () => (await h.tree.getChildren()).length === 0,
			5000,
			'tree emptied by the secret change',
		);
		assert.equal(await h.services.keyStore.get(), undefined);
		await h.services.context.secrets.store('bps.apiKey', EMULATOR_KEY);
		await waitFor(
			async () => (await h.tree.getChildren()).length > 0,
			10_000,
			'tree refilled by the secret change',
		);
	});
});
