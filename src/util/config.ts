import * as vscode from 'vscode';
import { DEFAULT_API_BASE_URL, Settings } from '../constants';
import type { Lang } from '../api/types';

/** Typed view of the `bps.*` settings. Read fresh each time: settings change at run time. */
export interface BpsConfig {
	apiBaseUrl: string;
	domain: string;
	lang: Lang;
	metadataTtlMs: number;
	dataTtlMs: number;
	maxConcurrentRequests: number;
	maxRequestsPerSecond: number;
	timeoutMs: number;
	insertDefaultFormat: string;
}

const HOUR = 3_600_000;

export function readConfig(): BpsConfig {
	const c = vscode.workspace.getConfiguration(Settings.section);
	return {
		apiBaseUrl: c.get<string>(Settings.apiBaseUrl) || DEFAULT_API_BASE_URL,
		domain: normaliseDomain(c.get<string>(Settings.domain)),
		lang: dataLanguage(c.get<string>(Settings.language)),
		metadataTtlMs: Math.max(0, c.get<number>(Settings.metadataTtlHours, 168)) * HOUR,
		dataTtlMs: Math.max(0, c.get<number>(Settings.dataTtlHours, 24)) * HOUR,
		maxConcurrentRequests: clamp(c.get<number>(Settings.maxConcurrentRequests, 4), 1, 16),
		maxRequestsPerSecond: clamp(c.get<number>(Settings.maxRequestsPerSecond, 5), 0.1, 50),
		timeoutMs: Math.max(1, c.get<number>(Settings.timeoutSeconds, 30)) * 1000,
		insertDefaultFormat: c.get<string>(Settings.insertDefaultFormat, 'auto'),
	};
}

/** Data language: the setting when set, else from VS Code's display language. */
export function dataLanguage(setting: string | undefined): Lang {
	if (setting === 'ind' || setting === 'eng') {
		return setting;
	}
	return vscode.env.language.toLowerCase().startsWith('id') ? 'ind' : 'eng';
}

function normaliseDomain(d: string | undefined): string {
	return d && /^\d{4}$/.test(d) ? d : '0000';
}

function clamp(n: number, lo: number, hi: number): number {
	return Math.min(hi, Math.max(lo, Number.isFinite(n) ? n : lo));
}

/**
 * Writes a `bps.*` setting where it takes effect: the most specific scope that already defines
 * it (a workspace value would otherwise hide a global update), else the user settings.
 */
export async function updateEffectiveSetting(key: string, value: unknown): Promise<void> {
	const cfg = vscode.workspace.getConfiguration(Settings.section);
	const i = cfg.inspect(key);
	const target =
		i?.workspaceFolderValue !== undefined
			? vscode.ConfigurationTarget.WorkspaceFolder
			: i?.workspaceValue !== undefined
				? vscode.ConfigurationTarget.Workspace
				: vscode.ConfigurationTarget.Global;
	await cfg.update(key, value, target);
}

/** True when a URL points at this machine (the emulator), where a sandbox key may be seeded. */
export function isLoopbackUrl(url: string): boolean {
	try {
		const h = new URL(url).hostname;
		return h === 'localhost' || h === '[::1]' || h === '::1' || /^127\./.test(h);
	} catch {
		return false;
	}
}
