import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

/** A fresh nonce per page load: only our bundle's <script> carries it. */
export function nonce(): string {
	return randomBytes(18)
		.toString('base64')
		.replace(/[^A-Za-z0-9]/g, '');
}

/**
 * Where preview images may come from besides the webview's own files: the BPS websites (covers,
 * thumbnails, infographics, news pictures), the hosts `isBpsUrl` (presentation/website.ts)
 * accepts — the host sends no other image URL.
 */
export const IMAGE_HOSTS = ['https://bps.go.id', 'https://*.bps.go.id'] as const;

/**
 * The Content-Security-Policy of every preview. No inline-script or inline-style allowance anywhere: scripts need the
 * nonce; styles come from our own files (and constructable stylesheets, which vscode-elements
 * and our bundle use); images only from the webview itself and the BPS websites.
 */
export function csp(cspSource: string, scriptNonce: string): string {
	return [
		`default-src 'none'`,
		`script-src 'nonce-${scriptNonce}'`,
		`style-src ${cspSource}`,
		`img-src ${cspSource} ${IMAGE_HOSTS.join(' ')}`,
		`font-src ${cspSource}`,
	].join('; ');
}

/**
 * The webview document: an empty shell that loads the bundle. The item, strings and data arrive
 * by message after the webview's `ready`, so this HTML never contains catalogue text (or the key).
 */
export function previewHtml(
	webview: vscode.Webview,
	extensionUri: vscode.Uri,
	lang: string,
	uri: typeof vscode.Uri,
): string {
	const n = nonce();
	const script = webview.asWebviewUri(uri.joinPath(extensionUri, 'dist', 'webview', 'preview.js'));
	return `<!DOCTYPE html>
<html lang="${lang === 'eng' ? 'en' : 'id'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp(webview.cspSource, n)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>BPS</title>
</head>
<body>
<div id="app"></div>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
}
