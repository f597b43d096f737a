/**
 * The webview's sanitizer config against an XSS corpus. DOMPurify needs a DOM: jsdom provides one
 * (scripts never run in it: runScripts is off, so "inert" is checked structurally — no script
 * elements, no on* attributes, no javascript: URLs, no SVG/MathML/style/iframe left).
 */
import assert from 'node:assert/strict';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { htmlToText, sanitizeHtml, sanitizeToFragment } from '../../../src/webview/sanitize';
import { tableToMatrix } from '../../../src/webview/tableMatrix';

const { window } = new JSDOM('<!DOCTYPE html><body></body>');
const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);

const CORPUS: string[] = [
	'<script>window.__xss=1</script>',
	'<SCRIPT SRC=//evil/xss.js></SCRIPT>',
	'<img src=x onerror="window.__xss=1">',
	'<svg onload=alert(1)><circle r=5></circle></svg>',
	'<svg><script>alert(1)</script></svg>',
	'<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
	'<a href="javascript:alert(1)">click</a>',
	'<a href="JaVaScRiPt:alert(1)">click</a>',
	'<a href="&#106;avascript:alert(1)">click</a>',
	'<a href=" javascript:alert(1)">click</a>',
	'<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>',
	'<a href="vbscript:msgbox(1)">v</a>',
	'<iframe src="javascript:alert(1)"></iframe>',
	'<iframe srcdoc="<script>alert(1)</script>"></iframe>',
	'<object data="javascript:alert(1)"></object>',
	'<embed src="javascript:alert(1)">',
	'<style>body{background:url(javascript:alert(1))}</style>',
	'<div style="background-image:url(javascript:alert(1))">s</div>',
	'<div style="behavior:url(x.htc)">s</div>',
	'<p onclick="alert(1)" onmouseover="alert(1)">p</p>',
	'<table background="javascript:alert(1)"><tr><td onmouseover=alert(1)>c</td></tr></table>',
	'<body onload=alert(1)>',
	'<form action="javascript:alert(1)"><input type=submit formaction="javascript:alert(1)"></form>',
	'<details open ontoggle=alert(1)>',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	'<base href="javascript:alert(1)//">',
	'<link rel=stylesheet href="javascript:alert(1)">',
	'<template><script>alert(1)</script></template>',
	'<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
	'<img src="x` `<script>alert(1)</script>"` `>',
	'<div><p><a id="x" name="cookie">clobber</a></p></div>',
	'<video><source onerror="alert(1)"></video>',
	'<marquee onstart=alert(1)>m</marquee>',
	'"><script>alert(1)</script>',
	'&lt;script&gt;alert(1)&lt;/script&gt;',
];

function inert(html: string): void {
	const host = window.document.createElement('div');
	host.innerHTML = html;
	const all = [host, ...Array.from(host.querySelectorAll('*'))];
	for (const el of all) {
		assert.ok(
			!/^(script|style|iframe|object|embed|svg|math|form|input|link|meta|base|template|img|video|source)$/i.test(
				el.tagName,
			),
			`forbidden <${el.tagName}> in ${html}`,
		);
		for (const a of Array.from(el.attributes)) {
			assert.ok(!/^on/i.test(a.name), `event handler ${a.name} kept: ${html}`);
			assert.ok(a.name !== 'style', `style kept: ${html}`);
			assert.ok(!/^\s*(javascript|vbscript|data):/i.test(a.value), `dangerous URL in ${a.name}: ${html}`);
		}
	}
}

describe('sanitize: BPS HTML through DOMPurify with our config', () => {
	for (const payload of CORPUS) {
		it(`neutralises ${payload.slice(0, 60)}`, () => {
			const out = sanitizeHtml(purify, payload);
			inert(out);
			assert.ok(!/<script/i.test(out), out);
		});
	}

	it('keeps table structure, rowspan/colspan and text', () => {
		const html =
			'<table class="excel" cellpadding=0 style="color:red"><tbody><tr><td colspan=3 style="background:#fff">Judul</td></tr>' +
			'<tr><td rowspan=2>Provinsi</td><td>2020</td><td>2021</td></tr><tr><td><nobr>1.234,5</nobr></td><td>-</td></tr></tbody></table>';
		const out = sanitizeHtml(purify, html);
		assert.match(out, /<table>/);
		assert.match(out, /colspan="3"/);
		assert.match(out, /rowspan="2"/);
		assert.match(out, /<nobr>1\.234,5<\/nobr>/);
		assert.ok(!/style=|class=/.test(out), 'Excel inline styles/classes are dropped so the theme applies');
	});

	it('keeps http(s) links, marks them noopener, and strips other schemes', () => {
		const out = sanitizeHtml(purify, '<a href="https://www.bps.go.id">ok</a><a href="ftp://x">f</a>');
		assert.match(out, /href="https:\/\/www\.bps\.go\.id"/);
		assert.match(out, /rel="noopener noreferrer"/);
		assert.ok(!out.includes('ftp:'));
	});

	it('keeps paragraphs and line breaks of notes', () => {
		assert.equal(sanitizeHtml(purify, '<p>Satu<br>Dua</p>'), '<p>Satu<br>Dua</p>');
	});

	it('htmlToText flattens to text with line breaks', () => {
		assert.equal(htmlToText(purify, 'Satu<br/>Dua <script>x()</script><b>Tiga</b>'), 'Satu\nDua Tiga');
	});

	it('returns a fragment usable with append()', () => {
		const frag = sanitizeToFragment(purify, '<b onclick="x()">bold</b>');
		const div = window.document.createElement('div');
		div.append(frag);
		assert.equal(div.innerHTML, '<b>bold</b>');
	});
});

describe('static table → matrix (export)', () => {
	it('expands rowspan/colspan into a rectangle and drops empty rows', () => {
		const div = window.document.createElement('div');
		div.innerHTML = sanitizeHtml(
			purify,
			'<table><tr><td colspan=3>Judul</td></tr><tr><td rowspan=2>Aceh</td><td>2020</td><td>2021</td></tr><tr><td>1</td><td>2</td></tr><tr><td></td></tr></table>',
		);
		assert.deepEqual(tableToMatrix(div), [
			['Judul', 'Judul', 'Judul'],
			['Aceh', '2020', '2021'],
			['Aceh', '1', '2'],
		]);
	});

	it("leaves out words for screen readers only (a changed cell's mark)", () => {
		const div = window.document.createElement('div');
		div.innerHTML =
			'<table><tr><td>Aceh</td><td class="revised">130<span class="visually-hidden"> (changed)</span></td></tr></table>';
		assert.deepEqual(tableToMatrix(div), [['Aceh', '130']]);
	});
});
