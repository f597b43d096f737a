import type * as vscode from 'vscode';
import type { BpsApi } from './api/api';
import type { BpsClient } from './api/client';
import type { KeyStore } from './auth/keyStore';
import type { CatalogueService } from './catalogue/catalogueService';
import type { ClassificationIndex } from './catalogue/classifications';
import type { FamilyIndex } from './catalogue/familyIndex';
import type { GlossaryIndex } from './catalogue/glossary';
import type { PersistentCache } from './catalogue/persistentCache';
import type { BpsConfig } from './util/config';
import type { LastEditor } from './util/lastEditor';
import type { Logger } from './util/logger';

/** What the composition root builds once and hands to every feature's `registerX(context, services)`. */
export interface Services {
	readonly context: vscode.ExtensionContext;
	readonly keyStore: KeyStore;
	readonly client: BpsClient;
	/** A client that uses the given key and no cache: for checking a key before it is saved. */
	clientForKey(key: string): BpsApi;
	readonly cache: PersistentCache;
	/** Lists, search and region facts, memoised per domain and language. */
	readonly catalogue: CatalogueService;
	/** Whole KBLI/KBKI classifications, loaded on first use (search, lookup tables). */
	readonly classifications: ClassificationIndex;
	/** The whole BPS glossary, loaded on first use (search). */
	readonly glossary: GlossaryIndex;
	/** The census catalogue and regions' SIMDASI table lists, loaded on first search. */
	readonly familyIndex: FamilyIndex;
	/** The text editor the user was last in (inserts go there). */
	readonly lastEditor: LastEditor;
	/** Settings, read fresh. */
	config(): BpsConfig;
	logger(component: string): Logger;
	/** Counts HTTP requests that really went out (benchmarks and tests read it). */
	readonly requestStats: { network: number; cache: number; stale: number; dedup: number };
}
