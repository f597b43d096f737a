/**
 * Inline styles leave BPS HTML before it is parsed (src/webview/sanitize.ts stripInlineStyles): any
 * parse in the webview inherits its CSP, so each style attribute would be reported as a violation.
 */
import assert from 'node:assert/strict';
import { stripInlineStyles } from '../../../src/webview/sanitize';

describe('webview: inline styles stripped before parsing', () => {
	it('drops style attributes in every quoting, and <style> elements', () => {
		const html =
			'<table style="x:1"><tr STYLE = \'y:2\'><td class=n style=z:3 colspan="2">1 style="kept"</td></tr></table>' +
			'<style type="text/css">td{color:red}</style><p>after</p>';
		assert.equal(
			stripInlineStyles(html),
			'<table><tr><td class=n colspan="2">1 style="kept"</td></tr></table><p>after</p>',
		);
	});

	it('leaves text that merely mentions style alone, and attributes named like it', () => {
		const html = '<p data-style="a" title="lifestyle">a lifestyle = good</p>';
		assert.equal(stripInlineStyles(html), html);
	});
});
