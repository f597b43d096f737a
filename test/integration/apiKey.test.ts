/**
 * The API key round trip through SecretStorage: set (checked against the emulator), clear, a
 * change made "in another window" (directly in SecretStorage), and proof that no setting or
 * globalState value ever holds the key.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EMULATOR_KEY, EXTENSION_ID, setKey, startTestEmulator, waitFor, type TestEmulator } from './helpers';
import { testHooks } from './helpers';
import type { TestHooks as Hooks } from '../../src/testHooks';

const hooks = testHooks;

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

	it('refuses a malformed key before any request: "not-a-key" is never sent', async () => {
		emu.resetRequests();
		const shown = h.messages.length;
		for (const bad of ['not-a-key', 'ab'.repeat(15) + 'a', 'ab'.repeat(16) + '0', 'gh'.repeat(16)])
			assert.equal(await setKey(bad), false, bad);
		assert.equal(emu.requests.length, 0, 'the emulator received no request');
		const msgs = h.messages.slice(shown);
		assert.equal(msgs.length, 4);
		for (const m of msgs) {
			assert.match(m.message, /32 (hexadecimal|of them)/);
			assert.deepEqual(m.actions, ['Show Log']);
		}
		assert.equal(await h.services.keyStore.get(), EMULATOR_KEY, 'the old key is kept');
		assert.ok(!allSettingValues().includes('not-a-key'));
		assert.ok(!allStateValues(h.services.context).includes('not-a-key'));
	});

	it('a well-formed key the API rejects: one check, "rejected" with Show Log, the old key kept', async () => {
		const wrong = 'fe'.repeat(16);
		emu.resetRequests();
		const shown = h.messages.length;
		assert.equal(await setKey(wrong), false);
		assert.equal(emu.requests.length, 1, 'one check request');
		const m = h.messages.slice(shown);
		assert.equal(m.length, 1);
		assert.equal(m[0].message, 'The BPS API rejected this key. Nothing was saved.');
		assert.equal(m[0].kind, 'badKey');
		assert.deepEqual(m[0].actions, ['Show Log']);
		assert.equal(await h.services.keyStore.get(), EMULATOR_KEY);
		assert.ok(!allSettingValues().includes(wrong));
		assert.ok(!allStateValues(h.services.context).includes(wrong));
	});

	it('interactive: the terms come first and only once; the input box checks the shape as it is typed', async () => {
		const prompts = h.keyPrompts;
		const original = { ...prompts };
		const state = h.services.context.globalState;
		const seen: string[] = [];
		let termsAnswer: string | undefined = 'I Agree';
		let checks: Array<string | undefined> = [];
		prompts.terms = async () => {
			seen.push('terms');
			return termsAnswer;
		};
		prompts.input = async (o) => {
			seen.push('input');
			assert.equal(o.password, true, 'the key is masked');
			const check = async (v: string) => {
				const r = await o.validateInput?.(v);
				return typeof r === 'string' || r === undefined || r === null ? (r ?? undefined) : r.message;
			};
			checks = [
				await check(''),
				await check('not-a-key'),
				await check('ab'.repeat(15)),
				await check(EMULATOR_KEY),
			];
			return ` ${EMULATOR_KEY} `;
		};
		try {
			await state.update('bps.termsAccepted', undefined);
			// Declined: no input box, nothing saved.
			termsAnswer = undefined;
			assert.equal(await vscode.commands.executeCommand('bps.setApiKey'), false);
			assert.deepEqual(seen, ['terms']);
			// Accepted: the terms, then the key.
			seen.length = 0;
			termsAnswer = 'I Agree';
			emu.resetRequests();
			assert.equal(await vscode.commands.executeCommand('bps.setApiKey'), true);
			assert.deepEqual(seen, ['terms', 'input']);
			assert.equal(checks[0], 'The key cannot be empty.');
			assert.match(checks[1] ?? '', /0–9 and a–f/);
			assert.equal(checks[2], 'A BPS API key is 32 hexadecimal characters (0–9, a–f).');
			assert.equal(checks[3], undefined, 'a well-formed key passes');
			assert.equal(emu.requests.length, 1, 'one check request, after the key was typed');
			assert.equal(await h.services.keyStore.get(), EMULATOR_KEY, 'saved trimmed');
			// Second time: straight to the key.
			seen.length = 0;
			assert.equal(await vscode.commands.executeCommand('bps.setApiKey'), true);
			assert.deepEqual(seen, ['input']);
		} finally {
			Object.assign(prompts, original);
			await state.update('bps.termsAccepted', true);
		}
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
