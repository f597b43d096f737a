/**
 * Checks for a webview document's Content-Security-Policy, shared by test/unit/preview/csp.test.ts and the
 * integration tests that read live panels (`panel.webview.html`). No vscode import.
 */
import assert from 'node:assert/strict';

/** The image sources a preview may allow besides its own: the BPS websites. */
export const BPS_IMAGE_SOURCES = ['https://bps.go.id', 'https://*.bps.go.id'];

/** `directive → sources` from a CSP string. */
export function parseCsp(policy: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) {
			assert.ok(!out.has(name.toLowerCase()), `directive ${name} twice`);
			out.set(name.toLowerCase(), sources);
		}
	}
	return out;
}

/** The CSP of an HTML document: exactly one meta tag, in <head>, before any script. */
export function cspOf(html: string): string {
	const metas = [
		...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi),
	];
	assert.equal(metas.length, 1, 'one CSP meta tag');
	const at = html.indexOf(metas[0][0]);
	assert.ok(at < html.indexOf('</head>'), 'the CSP is in <head>');
	const firstScript = html.search(/<script/i);
	assert.ok(firstScript === -1 || at < firstScript, 'the CSP comes before any script');
	return metas[0][1];
}

/** The rules every panel's policy must satisfy. `cspSource` is the webview's own resource origin. */
export function checkStrictCsp(html: string, cspSource: string): void {
	const d = parseCsp(cspOf(html));
	// The webview's resource origin may be several sources ("'self' https://*.vscode-cdn.net").
	const own = new Set(cspSource.split(/\s+/).filter(Boolean));
	assert.deepEqual(d.get('default-src'), ["'none'"], 'default-src none');
	const scripts = d.get('script-src') ?? [];
	assert.equal(scripts.length, 1, `script-src has one source: ${scripts.join(' ')}`);
	const m = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(scripts[0]);
	assert.ok(m, `script-src is only a nonce: ${scripts[0]}`);
	for (const [name, sources] of d) {
		for (const s of sources) {
			assert.ok(!/^'unsafe-(inline|eval|hashes)'$|^'wasm-unsafe-eval'$/.test(s), `${name} allows ${s}`);
			assert.ok(s !== '*' && s !== 'http:' && !/^'strict-dynamic'$/.test(s), `${name} allows ${s}`);
		}
	}
	// Images: the webview's own files and the BPS websites only (no scheme-wide `https:` or `data:`).
	const img = d.get('img-src') ?? [];
	assert.ok(
		img.every((s) => own.has(s) || BPS_IMAGE_SOURCES.includes(s)),
		`img-src limited to the webview and BPS hosts: ${img.join(' ')}`,
	);
	for (const name of ['style-src', 'font-src']) {
		assert.ok(
			(d.get(name) ?? []).every((s) => own.has(s)),
			`${name} only from the extension: ${(d.get(name) ?? []).join(' ')}`,
		);
	}
	assert.ok(
		!d.has('connect-src') && !d.has('frame-src') && !d.has('object-src') && !d.has('child-src'),
		'no network, frames or plugins (default none)',
	);
	// Every script element carries the nonce; no inline handlers anywhere in the shell.
	const scriptTags = [...html.matchAll(/<script\b[^>]*>/gi)].map((x) => x[0]);
	assert.ok(scriptTags.length >= 1);
	for (const t of scriptTags) assert.ok(t.includes(`nonce="${m[1]}"`), `script without the nonce: ${t}`);
	assert.ok(!/\son[a-z]+\s*=/i.test(html), 'no inline event handler');
}
