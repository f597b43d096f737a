/** Every ID the extension registers or reads, in one place. */
export const EXTENSION_ID = 'bps-data-browser.bps-data-browser';

export const Commands = {
	setApiKey: 'bps.setApiKey',
	clearApiKey: 'bps.clearApiKey',
	selectRegion: 'bps.selectRegion',
	refresh: 'bps.refresh',
	search: 'bps.search',
	searchGlossary: 'bps.searchGlossary',
	switchLanguage: 'bps.switchLanguage',
	preview: 'bps.preview',
	insertData: 'bps.insertData',
	copyId: 'bps.copyId',
	copyCitation: 'bps.copyCitation',
	copyLink: 'bps.copyLink',
	newNotebook: 'bps.newNotebook',
	addFavourite: 'bps.addFavourite',
	openFavourite: 'bps.openFavourite',
	renameFavourite: 'bps.renameFavourite',
	removeFavourite: 'bps.removeFavourite',
	checkFavourites: 'bps.checkFavourites',
	showFavouriteChanges: 'bps.showFavouriteChanges',
	openOnWebsite: 'bps.openOnWebsite',
	clearCache: 'bps.clearCache',
	showLog: 'bps.showLog',
	copyMcpConfig: 'bps.copyMcpConfig',
} as const;

export const Views = {
	container: 'bps',
	catalogue: 'bps.catalogue',
	favourites: 'bps.favourites',
	previewPanel: 'bps.preview',
} as const;

export const ContextKeys = {
	ready: 'bps.ready',
	hasKey: 'bps.hasKey',
} as const;

export const Secrets = {
	apiKey: 'bps.apiKey',
} as const;

/** Keys in globalState. None of them ever holds the API key. */
export const StateKeys = {
	recentDomains: 'bps.recentDomains',
	termsAccepted: 'bps.termsAccepted',
	lastInsertFormat: 'bps.lastInsertFormat',
	favourites: 'bps.favourites',
} as const;

export const Settings = {
	section: 'bps',
	apiBaseUrl: 'apiBaseUrl',
	domain: 'domain',
	language: 'language',
	metadataTtlHours: 'cache.metadataTtlHours',
	dataTtlHours: 'cache.dataTtlHours',
	maxConcurrentRequests: 'network.maxConcurrentRequests',
	maxRequestsPerSecond: 'network.maxRequestsPerSecond',
	timeoutSeconds: 'network.timeoutSeconds',
	insertDefaultFormat: 'insert.defaultFormat',
	favouritesLocation: 'favourites.location',
	favouritesWatch: 'favourites.watch',
} as const;

export const DEFAULT_API_BASE_URL = 'https://webapi.bps.go.id/v1/api/';
export const REGISTER_URL = 'https://webapi.bps.go.id/developer/register';
export const TERMS_URL = 'https://webapi.bps.go.id/developer/terms';
