import * as vscode from 'vscode';
import { itemKey, toItemRef, type ItemRef } from '../catalogue/itemRef';
import { Views } from '../constants';
import type { Services } from '../services';
import { Disposable } from '../util/dispose';
import type { Logger } from '../util/logger';
import { PreviewPanel, type PanelDeps } from './previewPanel';
import type { ExportFormat, PersistedState } from './protocol';

/** workspaceState key of the open panels' titles and items. */
const SHOWN_KEY = 'bps.previews.shown';
const MAX_SHOWN = 50;

/**
 * Owns every preview panel: one per item (itemKey), revealed when opened again, restored after a
 * window reload by the panel serializer.
 */
export class PreviewManager extends Disposable implements vscode.WebviewPanelSerializer<PersistedState> {
	private readonly panels = new Map<string, PreviewPanel>();
	private readonly log: Logger;
	private readonly deps: PanelDeps;
	private readonly onDidOpenEmitter = this._register(new vscode.EventEmitter<PreviewPanel>());
	readonly onDidOpen = this.onDidOpenEmitter.event;
	/** Tests replace this to export without a save dialog. */
	pickSaveUri: PanelDeps['pickSaveUri'] = (name, format) => showSaveDialog(name, format);

	/** The open panels' titles and items, for a panel VS Code restores without its webview's state. */
	private readonly shown: vscode.Memento;

	constructor(services: Services) {
		super();
		this.log = services.logger('preview');
		this.shown = services.context.workspaceState;
		this.deps = {
			api: services.client,
			families: services.client.families,
			region: (code) => services.catalogue.region(code),
			extensionUri: services.context.extensionUri,
			lang: () => services.config().lang,
			log: this.log,
			pickSaveUri: (name, format) => this.pickSaveUri(name, format),
			apiBaseUrl: () => services.config().apiBaseUrl,
			// While the user clicks "Insert into editor" a webview is active: the insert goes to
			// the document they were last in, while a tab still shows it.
			targetUri: () => services.lastEditor.document(),
		};
		this._register({ dispose: () => [...this.panels.values()].forEach((p) => p.panel.dispose()) });
	}

	/** Open (or reveal) the panel for an item; resolves with it. */
	open(ref: ItemRef): PreviewPanel {
		const existing = this.panels.get(itemKey(ref));
		if (existing) {
			existing.reveal();
			existing.follow(ref);
			return existing;
		}
		const panel = vscode.window.createWebviewPanel(
			Views.previewPanel,
			ref.title ?? `BPS ${ref.id}`,
			vscode.ViewColumn.Active,
			{
				enableScripts: true,
				enableFindWidget: true,
			},
		);
		return this.adopt(panel, ref, true);
	}

	/** Restores a panel after a window reload from the state the webview saved. */
	async deserializeWebviewPanel(
		panel: vscode.WebviewPanel,
		state: PersistedState | undefined,
	): Promise<void> {
		// Without the webview's state (a window closed before it was written), the panel's title
		// finds the item it showed.
		const ref = toItemRef(state?.ref) ?? this.shownRef(panel.title);
		if (!ref) {
			this.log.warn('a preview could not be restored: no saved item');
			panel.dispose();
			return;
		}
		const other = this.panels.get(itemKey(ref));
		if (other) {
			// Two restored panels for one item: keep the first.
			panel.dispose();
			other.reveal();
			return;
		}
		this.adopt(panel, ref, !state?.ref);
	}

	/** The item of the panel titled `title` when the window last recorded its panels. */
	private shownRef(title: string): ItemRef | undefined {
		const list = this.shown.get<unknown>(SHOWN_KEY);
		if (!Array.isArray(list)) return undefined;
		for (const x of [...(list as Array<{ title?: unknown; ref?: unknown }>)].reverse()) {
			const ref = x && x.title === title ? toItemRef(x.ref) : undefined;
			if (ref && !this.panels.has(itemKey(ref))) return ref;
		}
		return undefined;
	}

	/**
	 * Records a panel's title and item, newest last, at most {@link MAX_SHOWN}. Closed panels stay
	 * recorded: a window that closes may close its panels first, and a title only ever finds the
	 * item it named.
	 */
	private recordShown(p: PreviewPanel): void {
		const key = itemKey(p.ref);
		const old = this.shown.get<unknown>(SHOWN_KEY);
		const kept = (Array.isArray(old) ? (old as Array<{ title?: unknown; ref?: unknown }>) : []).filter(
			(x) => {
				const ref = toItemRef(x?.ref);
				return ref && typeof x.title === 'string' && itemKey(ref) !== key;
			},
		);
		const list = [...kept, { title: p.panel.title, ref: { ...p.ref } }].slice(-MAX_SHOWN);
		void Promise.resolve(this.shown.update(SHOWN_KEY, list)).catch(() => undefined);
	}

	/** `fresh`: a new panel (not one restored after a reload, whose webview asks for its own saved view). */
	private adopt(panel: vscode.WebviewPanel, ref: ItemRef, fresh: boolean): PreviewPanel {
		const p = new PreviewPanel(panel, ref, this.deps, fresh);
		this.panels.set(p.key, p);
		p.onDidDispose(() => {
			if (this.panels.get(p.key) === p) this.panels.delete(p.key);
		});
		// The title and the item (a census panel's areas) settle after opening: recorded again then.
		p.onDidChangeTitle(() => this.recordShown(p));
		this.recordShown(p);
		this.onDidOpenEmitter.fire(p);
		return p;
	}

	get(idOrKey: string): PreviewPanel | undefined {
		return this.panels.get(idOrKey) ?? [...this.panels.values()].find((p) => p.id === idOrKey);
	}

	all(): PreviewPanel[] {
		return [...this.panels.values()];
	}
}

async function showSaveDialog(name: string, format: ExportFormat): Promise<vscode.Uri | undefined> {
	const filters: Record<ExportFormat, Record<string, string[]>> = {
		csv: { [vscode.l10n.t('CSV (comma-separated)')]: ['csv'] },
		xlsx: { [vscode.l10n.t('Excel workbook')]: ['xlsx'] },
		json: { JSON: ['json'] },
	};
	const base = vscode.workspace.workspaceFolders?.[0]?.uri;
	return vscode.window.showSaveDialog({
		defaultUri: base ? vscode.Uri.joinPath(base, name) : undefined,
		filters: filters[format],
		saveLabel: vscode.l10n.t('Export'),
	});
}
