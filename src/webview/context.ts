import type { DOMPurify } from 'dompurify';
import type { DynamicUiState, PersistedState, PreviewRef, WebviewMessage } from '../preview/protocol';
import type { Lang } from '../api/types';

/** What every view gets from main.ts. */
export interface ViewContext {
	ref: PreviewRef;
	strings: Record<string, string>;
	locale: string;
	lang: Lang;
	/** The region's name (from the attribution source), for the header. */
	regionName?: string;
	purify: DOMPurify;
	post(m: WebviewMessage): void;
	/** The saved UI state (restored after a reload). */
	ui: DynamicUiState;
	saveUi(patch: Partial<DynamicUiState>): void;
	/** A fresh request id for messages that expect an answer. */
	nextId(): number;
	/** Shows a short status line (copied, exported…). */
	status(text: string): void;
}

export function t(ctx: { strings: Record<string, string> }, key: string): string {
	return ctx.strings[key] ?? key;
}

export type { PersistedState };
