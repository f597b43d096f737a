/**
 * Webview hardening: the Content-Security-Policy of the preview document (every panel kind loads
 * the same shell; test/integration/secrecy.test.ts checks the live panels of each kind), and the
 * sanitizer against XSS tricks the corpus in sanitize.test.ts does not cover (SVG animation and
 * `use`, namespace-confusion mXSS, CSS imports, srcset, malformed attribute separators).
 */
import assert from 'node:assert/strict';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { csp, nonce, previewHtml } from '../../../src/preview/html';
import { sanitizeHtml } from '../../../src/webview/sanitize';
import { checkStrictCsp, parseCsp } from './cspCheck';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
interface FakeUri {
	path: string;
}
const fakeUri = {
	joinPath: (base: FakeUri, ...parts: string[]): FakeUri => ({ path: [base.path, ...parts].join('/') }),
};
const fakeWebview = {
	cspSource: CSP_SOURCE,
	asWebviewUri: (u: FakeUri) => ({ toString: () => `${CSP_SOURCE}${u.path}` }),
};

function shell(lang: string): string {
	return previewHtml(
		fakeWebview as unknown as Parameters<typeof previewHtml>[0],
		{ path: '/ext' } as unknown as Parameters<typeof previewHtml>[1],
		lang,
		fakeUri as unknown as Parameters<typeof previewHtml>[3],
	);
}

describe('webview CSP', () => {
	it('the preview shell has a strict policy (ind and eng)', () => {
		for (const lang of ['ind', 'eng']) checkStrictCsp(shell(lang), CSP_SOURCE);
	});

	it('a fresh nonce per document, from crypto', () => {
		const nonces = new Set(Array.from({ length: 200 }, () => nonce()));
		assert.equal(nonces.size, 200);
		for (const n of nonces) assert.match(n, /^[A-Za-z0-9]{16,}$/);
		const a = /'nonce-([^']+)'/.exec(shell('ind'))![1];
		const b = /'nonce-([^']+)'/.exec(shell('ind'))![1];
		assert.notEqual(a, b);
	});

	it('the checker rejects weak policies (it can fail)', () => {
		const strict = shell('ind');
		const weak = [
			strict.replace("default-src 'none'", 'default-src *'),
			strict.replace(/script-src 'nonce-[^']+'/, "script-src 'nonce-abcdefghijklmnop' 'unsafe-inline'"),
			strict.replace(/script-src 'nonce-[^']+'/, "script-src 'unsafe-eval'"),
			strict.replace('img-src', 'img-src http:'),
			strict.replace('img-src', 'img-src https:'),
			strict.replace('img-src', 'img-src data:'),
			strict.replace('img-src', 'img-src https://*.example.com'),
			strict.replace('style-src', "style-src 'unsafe-inline'"),
			strict.replace('<body>', '<body onload="x()">'),
			strict.replace(/<script nonce="[^"]+"/, '<script'),
			strict.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
		];
		for (const html of weak)
			assert.throws(() => checkStrictCsp(html, CSP_SOURCE), assert.AssertionError, html.slice(0, 300));
		assert.throws(() => parseCsp(csp(CSP_SOURCE, 'n') + "; default-src 'none'"));
	});
});

describe('sanitize: tricks beyond the main corpus', () => {
	const { window } = new JSDOM('<!DOCTYPE html><body></body>');
	const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
	const EXTRA = [
		'<svg><animate attributeName="href" values="javascript:alert(1)"/><a><text>x</text></a></svg>',
		'<svg><use href="data:image/svg+xml,<svg id=x xmlns=http://www.w3.org/2000/svg><image href=1 onerror=alert(1) /></svg>#x"/></svg>',
		'<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
		'<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
		'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
		'<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
		'<style>@import "javascript:alert(1)";</style>',
		'<div style="width: expression(alert(1))">e</div>',
		'<img srcset="javascript:alert(1) 1x">',
		'<img/src=x/onerror=alert(1)>',
		'<img src=x onerror\n=alert(1)>',
		'<a href="java\tscript:alert(1)">t</a>',
		'<a href="java&#x0A;script:alert(1)">n</a>',
		'<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)">hex</a>',
		'<table><td background="javascript:alert(1)">b</td></table>',
		'<button formaction="javascript:alert(1)">f</button>',
		'<isindex action="javascript:alert(1)" type=image>',
		'<a href="#" target="_blank">no opener</a>',
		'<!--<img src=x onerror=alert(1)>-->',
		'<![CDATA[<img src=x onerror=alert(1)>]]>',
	];

	for (const payload of EXTRA) {
		it(`neutralises ${payload.slice(0, 70)}`, () => {
			const out = sanitizeHtml(purify, payload);
			const host = window.document.createElement('div');
			host.innerHTML = out;
			for (const el of [host, ...Array.from(host.querySelectorAll('*'))]) {
				assert.ok(
					!/^(script|style|svg|math|img|iframe|object|embed|form|button|input|isindex|animate|use|mglyph)$/i.test(
						el.tagName,
					),
					`<${el.tagName}> kept: ${out}`,
				);
				for (const a of Array.from(el.attributes)) {
					assert.ok(!/^on/i.test(a.name), `${a.name} kept: ${out}`);
					assert.ok(
						!['style', 'srcset', 'formaction', 'background', 'xlink:href'].includes(a.name.toLowerCase()),
						`${a.name} kept: ${out}`,
					);
					// Browsers ignore whitespace and control characters inside a scheme: strip them before checking.
					const v = [...a.value].filter((ch) => ch.charCodeAt(0) > 0x20).join('');
					assert.ok(!/^(javascript|vbscript|data):/i.test(v), `dangerous URL in ${a.name}: ${out}`);
				}
				if (el.tagName === 'A' && el.getAttribute('target') === '_blank') {
					assert.match(el.getAttribute('rel') ?? '', /noopener/, 'target=_blank links get noopener');
				}
			}
		});
	}
});
