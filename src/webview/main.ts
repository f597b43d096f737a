/**
 * The preview webview's entry point (bundled to dist/webview/preview.js). It posts `ready`, waits
 * for `init` (item, localised strings, locale, attribution), then renders whatever the host sends.
 * UI state lives in getState/setState so a reloaded window restores the same view.
 */
import DOMPurify from 'dompurify';
import {
	assertNever,
	fromWire,
	type ChangeHighlight,
	type DynamicUiState,
	type HostMessage,
	type PersistedState,
	type PreviewRef,
	type WebviewMessage,
} from '../preview/protocol';
import { banner } from './banner';
import cardCss from './card.css';
import { cardView } from './cardView';
import { t, type ViewContext } from './context';
import { documentView } from './documentView';
import { h } from './dom';
import { DynamicView } from './dynamicView';
import { button, progressRing } from './elements';
import changesCss from './changes.css';
import { classificationView, glossaryView } from './referenceView';
import css from './preview.css';
import referenceCss from './reference.css';
import { markStaticChanges } from './staticChanges';
import { staticView } from './staticView';

interface VsCodeApi {
	postMessage(m: WebviewMessage): void;
	getState(): PersistedState | undefined;
	setState(s: PersistedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

// Constructable stylesheets: allowed by our CSP's style-src with no inline-style allowance (the same
// mechanism the vscode-elements components use inside their shadow roots).
const sheet = new CSSStyleSheet();
sheet.replaceSync([css, changesCss, referenceCss, cardCss].join('\n'));
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const app = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
const main = h('main', { attrs: { id: 'main' } });
const statusEl = h('div', { class: 'status', attrs: { hidden: '', role: 'status' } });
/** "offline — cached at HH:MM" under the banner while the data shown came from the cache after a failure. */
const offlineEl = h('div', { class: 'offline', attrs: { hidden: '', role: 'status', id: 'offline' } });
let statusTimer: ReturnType<typeof setTimeout> | undefined;
let ctx: ViewContext | undefined;
let dynamic: DynamicView | undefined;
/** A favourite's changes to highlight, kept until the dynamic view exists. */
let changes: ChangeHighlight | undefined;
let requestSeq = 1;
let ui: DynamicUiState = vscode.getState()?.ui ?? {};

/** The static table shown, if any: "Show changes" marks its cells. */
let staticEl: HTMLElement | undefined;

function markStatic(): void {
	if (!ctx || !changes || !staticEl?.isConnected) return;
	const done = markStaticChanges(ctx, staticEl, changes);
	if (done) post(done);
}

function post(m: WebviewMessage): void {
	vscode.postMessage(m);
}

function persist(ref: PreviewRef): void {
	const state: PersistedState = { ref, ui };
	vscode.setState(state);
	// The host keeps the view too: "Add to Favourites" pins what is shown.
	post({ type: 'state', state });
}

function showStatus(text: string): void {
	statusEl.textContent = text;
	statusEl.hidden = false;
	if (statusTimer) clearTimeout(statusTimer);
	statusTimer = setTimeout(() => (statusEl.hidden = true), 3500);
}

function showLoading(): void {
	if (!ctx) return;
	main.replaceChildren(
		h('div', { class: 'progress' }, progressRing(), h('span', { text: t(ctx, 'loading') })),
	);
}

function showError(message: string): void {
	if (!ctx) return;
	const retry = document.createElement('vscode-button');
	retry.textContent = t(ctx, 'retry');
	retry.addEventListener('click', () => {
		showLoading();
		post({ type: 'retry' });
	});
	// A census area without data: other areas are the way out, not only Retry.
	const areas = ctx.ref.kind === 'census' ? [areasButton(ctx)] : [];
	main.replaceChildren(
		h(
			'div',
			{ class: 'message error', attrs: { role: 'alert' } },
			h('p', { text: message }),
			retry,
			...areas,
		),
	);
}

/** "Choose areas…" of a census preview: the host asks with a multi-select QuickPick. */
function areasButton(c: ViewContext): HTMLElement {
	const b = button(t(c, 'changeArea'), () => c.post({ type: 'pickArea' }), true);
	b.classList.add('change-area');
	return b;
}

function ensureDynamic(): DynamicView {
	if (!ctx) throw new Error('not initialised');
	if (!dynamic) {
		dynamic = new DynamicView(ctx);
		main.replaceChildren(dynamic.el);
		if (changes) dynamic.setChanges(changes);
		// A census dataset is fetched per area: "Choose areas…" asks the host for others.
		if (ctx.ref.kind === 'census')
			dynamic.el.prepend(h('div', { class: 'row census-area' }, areasButton(ctx)));
	} else if (!dynamic.el.isConnected) {
		// An error page replaced it (a failed area change), and Retry brought data again.
		main.replaceChildren(dynamic.el);
	}
	return dynamic;
}

function onMessage(m: HostMessage): void {
	switch (m.type) {
		case 'init': {
			const saved = vscode.getState();
			// A restored panel keeps its UI state only for the same item.
			if (
				saved &&
				(saved.ref.domain !== m.ref.domain ||
					saved.ref.kind !== m.ref.kind ||
					String(saved.ref.id) !== String(m.ref.id))
			)
				ui = {};
			ctx = {
				ref: m.ref,
				strings: m.strings,
				locale: m.locale,
				lang: m.lang,
				regionName: m.attribution.regionName,
				purify: DOMPurify,
				post,
				ui,
				saveUi: (patch) => {
					ui = { ...ui, ...patch };
					if (ctx) {
						ctx.ui = ui;
						persist(ctx.ref);
					}
				},
				nextId: () => requestSeq++,
				status: showStatus,
			};
			persist(m.ref);
			document.documentElement.lang = m.lang === 'eng' ? 'en' : 'id';
			const top = banner(m.attribution, m.strings, post);
			top.append(offlineEl);
			app.replaceChildren(top, main, statusEl);
			showLoading();
			break;
		}
		case 'loading':
			if (m.what !== 'dynamic') showLoading();
			break;
		case 'progress':
			dynamic?.onProgress(m.requestId, m.done, m.total);
			break;
		case 'dims':
			ensureDynamic().setDims(m.dims, m.load);
			break;
		case 'dynamic':
			ensureDynamic().setTable(m.requestId, fromWire(m.table));
			break;
		case 'indicator':
			ensureDynamic().showIndicator(m.card);
			break;
		case 'static':
			if (ctx) {
				staticEl = staticView(ctx, m.table);
				main.replaceChildren(staticEl);
				markStatic();
			}
			break;
		case 'document':
			if (ctx) main.replaceChildren(documentView(ctx, m.doc));
			break;
		case 'classification':
			if (ctx) main.replaceChildren(classificationView(ctx, m.entry));
			break;
		case 'glossary':
			if (ctx) main.replaceChildren(glossaryView(ctx, m.entry));
			break;
		case 'card':
			if (ctx) main.replaceChildren(cardView(ctx, m.card));
			break;
		case 'error':
			if (!dynamic?.onError(m.requestId, m.message)) showError(m.message);
			break;
		case 'freshness':
			offlineEl.textContent = m.stale ? m.label : '';
			offlineEl.hidden = !m.stale;
			break;
		case 'cancelled':
			dynamic?.onCancelled(m.requestId);
			break;
		case 'ref':
			// The census areas changed: saved so that a restored panel shows the same ones. The rows
			// chosen and selected named rows of the old areas.
			if (ctx) {
				ctx.ref = m.ref;
				ctx.saveUi({ rows: undefined, selected: undefined });
			}
			break;
		case 'view':
			// Every choice is set, an absent one to "all": the view replaces what was chosen.
			ctx?.saveUi({ rows: m.view.rows, turvar: m.view.turvar, turtahun: m.view.turtahun });
			dynamic?.applyView();
			break;
		case 'highlight':
			changes = m.changes;
			dynamic?.setChanges(m.changes);
			markStatic();
			break;
		case 'exported':
			if (m.path && ctx) showStatus(t(ctx, 'exported').replace('{0}', m.path));
			break;
		case 'inserted':
			if (m.error && ctx) showStatus(m.error);
			else if (m.rows !== undefined && m.target && ctx)
				showStatus(t(ctx, 'inserted').replace('{0}', String(m.rows)).replace('{1}', m.target));
			else if (m.target && ctx) showStatus(t(ctx, 'insertedInto').replace('{0}', m.target));
			break;
		default:
			assertNever(m);
	}
}

window.addEventListener('message', (e: MessageEvent<HostMessage>) => {
	const m = e.data;
	if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
	try {
		onMessage(m);
	} catch (err) {
		console.error(err);
		showError(String(err instanceof Error ? err.message : err));
	}
});

// The handshake: the host posts nothing until it hears this.
post({ type: 'ready', bootMs: Math.round(performance.now()) });
