import * as vscode from 'vscode';
import { redact } from '../api/redact';

/**
 * One LogOutputChannel for the whole extension, with a component prefix per logger. Every line
 * passes through `redact()` with the current key, so the key can never reach the log.
 */
export interface Logger {
	trace(message: string): void;
	debug(message: string): void;
	info(message: string): void;
	warn(message: string): void;
	error(message: string | Error): void;
}

let channel: vscode.LogOutputChannel | undefined;
let currentKey: string | undefined;
/** Lines seen by the channel; tests read them to prove the key never appears. */
const recent: string[] = [];
const RECENT_MAX = 5000;

export function initLogging(): vscode.LogOutputChannel {
	channel ??= vscode.window.createOutputChannel('BPS Data Browser', { log: true });
	return channel;
}

/** Tell the redactor which key to scrub (called whenever the key changes). */
export function setRedactionKey(key: string | undefined): void {
	currentKey = key;
}

export function showLog(): void {
	initLogging().show(true);
}

export function recentLogLines(): readonly string[] {
	return recent;
}
// Secrecy and fault tests scan what was logged (the key must never appear; no unhandled rejection).

export function createLogger(component: string): Logger {
	const write = (level: 'trace' | 'debug' | 'info' | 'warn' | 'error', msg: string | Error) => {
		const text = msg instanceof Error ? `${msg.name}: ${msg.message}` : msg;
		const line = `[${component}] ${redact(text, currentKey)}`;
		recent.push(`${level} ${line}`);
		if (recent.length > RECENT_MAX) {
			recent.splice(0, recent.length - RECENT_MAX);
		}
		initLogging()[level](line);
	};
	return {
		trace: (m) => write('trace', m),
		debug: (m) => write('debug', m),
		info: (m) => write('info', m),
		warn: (m) => write('warn', m),
		error: (m) => write('error', m),
	};
}
