import * as vscode from 'vscode';
import { BpsClient, type BpsClientOptions } from './api/client';
import { KeyStore } from './auth/keyStore';
import { CatalogueService } from './catalogue/catalogueService';
import { ClassificationIndex } from './catalogue/classifications';
import { FamilyIndex } from './catalogue/familyIndex';
import { GlossaryIndex } from './catalogue/glossary';
import { PersistentCache } from './catalogue/persistentCache';
import { registerLinks } from './links/registerLinks';
import { registerFavourites } from './favourites/registerFavourites';
import { registerLmTools } from './ai/lmTools';
import { registerMcpProvider } from './ai/mcpProvider';
import { registerCommands, type Features } from './commands';
import { ContextKeys, Settings } from './constants';
import { regionLabels } from './presentation/regions';
import { createPublicApi, type BpsPublicApi } from './publicApi';
import type { Services } from './services';
import { createTestHooks, testHooksEnabled } from './testHooks';
import { createCatalogueView } from './tree/catalogueView';
import { createLazyFeatures } from './lazy/lazyFeatures';
import { isLoopbackUrl, readConfig } from './util/config';
import { LastEditor } from './util/lastEditor';
import { createLogger, initLogging, setRedactionKey } from './util/logger';

/** Composition root: build the services, register every feature, return the public API. No logic here. */
export async function activate(context: vscode.ExtensionContext): Promise<BpsPublicApi> {
	context.subscriptions.push(initLogging());
	const log = createLogger('extension');
	const keyStore = new KeyStore(context.secrets);
	context.subscriptions.push(keyStore);
	const cache = new PersistentCache({ dir: context.globalStorageUri.fsPath, log: (l, m) => log[l](m) });
	context.subscriptions.push({ dispose: () => void cache.dispose() });
	// Read the persisted cache while the rest activates; the client waits for it before its first lookup.
	void cache.load().then(
		() => log.debug('cache loaded'),
		(e) => log.warn(`cache not loaded: ${e}`),
	);
	const requestStats = { network: 0, cache: 0, stale: 0, dedup: 0 };
	const httpLog = createLogger('http');

	const clientOptions = (getKey: () => Promise<string | undefined>): BpsClientOptions => {
		const c = readConfig();
		return {
			baseUrl: c.apiBaseUrl,
			getKey,
			userAgent: userAgent(context),
			lang: c.lang,
			timeoutMs: c.timeoutMs,
			maxConcurrent: c.maxConcurrentRequests,
			maxRequestsPerSecond: c.maxRequestsPerSecond,
			ttl: { metadataMs: c.metadataTtlMs, dataMs: c.dataTtlMs },
			log: (level, message) => httpLog[level](message),
		};
	};
	const client = new BpsClient({
		...clientOptions(() => keyStore.get()),
		cache,
		onRequest: (e) => {
			requestStats[e.source]++;
		},
	});

	const catalogue = new CatalogueService(
		client,
		() => readConfig().lang,
		createLogger('catalogue'),
		regionLabels,
		client.families,
	);
	const lastEditor = new LastEditor();
	context.subscriptions.push(catalogue, lastEditor);

	const services: Services = {
		context,
		keyStore,
		client,
		cache,
		catalogue,
		classifications: new ClassificationIndex(client.families),
		glossary: new GlossaryIndex(client.families),
		familyIndex: new FamilyIndex(client.families),
		lastEditor,
		clientForKey: (key) => new BpsClient(clientOptions(async () => key)),
		config: readConfig,
		logger: createLogger,
		requestStats,
	};

	context.subscriptions.push(
		vscode.workspace.onDidChangeConfiguration((e) => {
			if (e.affectsConfiguration(Settings.section)) {
				// Settings changed: everything but the key provider (the shared client keeps KeyStore's).
				const next: Partial<BpsClientOptions> = clientOptions(() => keyStore.get());
				delete next.getKey;
				client.configure(next);
			}
		}),
		keyStore.onDidChange((key) => onKeyChanged(key)),
	);

	const tree = createCatalogueView(context, services);
	// Previews, search and insert are built on first use (dist/features.js).
	const lazyFeatures = createLazyFeatures(context, services, tree);
	const features: Features = lazyFeatures.features;
	const favourites = registerFavourites(context, features);
	registerCommands(context, features, favourites);
	const links = registerLinks(context, services);
	// Assistant tools and the MCP server: feature-detected, absent on a VS Code without the APIs.
	registerLmTools(context, services);
	const mcpProvider = registerMcpProvider(context, services);

	// Reading SecretStorage is a round trip to the workbench: not on the activation path.
	void keyStore
		.whileSettling(() => seedSandboxKey(keyStore))
		.then(() => keyStore.get())
		.then(onKeyChanged, (e) => log.error(`reading the API key failed: ${e}`));
	return createPublicApi(
		services,
		testHooksEnabled() ? createTestHooks(lazyFeatures, { links, mcpProvider, ...favourites }) : undefined,
	);

	function onKeyChanged(key: string | undefined): void {
		setRedactionKey(key);
		void vscode.commands.executeCommand('setContext', ContextKeys.hasKey, !!key);
		void vscode.commands.executeCommand('setContext', ContextKeys.ready, true);
	}
}

export function deactivate(): void {
	// Everything is owned by context.subscriptions.
}

function userAgent(context: vscode.ExtensionContext): string {
	const version = (context.extension.packageJSON as { version?: string }).version ?? '0.0.0';
	return `bps-data-browser-vscode/${version} (VS Code ${vscode.version}; +https://github.com/bps-data-browser/vscode-bps-data-browser)`;
}

/**
 * The sandbox (`npm run sandbox`) and browser tests run against the local emulator and pass its
 * demo key in BPS_SANDBOX_KEY. It is only honoured for a loopback API URL and only when no key is
 * stored, so it can never send a real user's requests anywhere with a borrowed key.
 */
async function seedSandboxKey(keyStore: KeyStore): Promise<void> {
	const seed = process.env.BPS_SANDBOX_KEY;
	if (seed && isLoopbackUrl(readConfig().apiBaseUrl) && !(await keyStore.peek())) {
		await keyStore.set(seed);
	}
}
