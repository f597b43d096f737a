/**
 * HTML entity decoding. BPS escapes the HTML it stores in `notes`, `abstract` and static-table
 * `table` once (`&lt;p&gt;…`); we decode exactly once so callers get the HTML BPS meant (which
 * must still be sanitized before rendering). Pure, no DOM: runs in the extension host and webview.
 */

const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
	ndash: '\u2013',
	mdash: '\u2014',
	hellip: '\u2026',
	lsquo: '\u2018',
	rsquo: '\u2019',
	ldquo: '\u201c',
	rdquo: '\u201d',
	sbquo: '\u201a',
	bdquo: '\u201e',
	laquo: '\u00ab',
	raquo: '\u00bb',
	bull: '\u2022',
	middot: '\u00b7',
	deg: '\u00b0',
	plusmn: '\u00b1',
	times: '\u00d7',
	divide: '\u00f7',
	frac12: '\u00bd',
	frac14: '\u00bc',
	frac34: '\u00be',
	sup2: '\u00b2',
	sup3: '\u00b3',
	micro: '\u00b5',
	para: '\u00b6',
	sect: '\u00a7',
	copy: '\u00a9',
	reg: '\u00ae',
	trade: '\u2122',
	euro: '\u20ac',
	pound: '\u00a3',
	yen: '\u00a5',
	cent: '\u00a2',
	permil: '\u2030',
	le: '\u2264',
	ge: '\u2265',
	ne: '\u2260',
	minus: '\u2212',
	shy: '\u00ad',
	zwnj: '\u200c',
	zwj: '\u200d',
	ensp: '\u2002',
	emsp: '\u2003',
	thinsp: '\u2009',
	iexcl: '\u00a1',
	iquest: '\u00bf',
	agrave: '\u00e0',
	aacute: '\u00e1',
	acirc: '\u00e2',
	auml: '\u00e4',
	ccedil: '\u00e7',
	egrave: '\u00e8',
	eacute: '\u00e9',
	ecirc: '\u00ea',
	euml: '\u00eb',
	iacute: '\u00ed',
	ntilde: '\u00f1',
	oacute: '\u00f3',
	ouml: '\u00f6',
	uacute: '\u00fa',
	uuml: '\u00fc',
	Eacute: '\u00c9',
	szlig: '\u00df',
};

/**
 * Decode named (`&lt;`, `&amp;`, `&nbsp;`, …) and numeric (`&#39;`, `&#x27;`) character references,
 * once: `&amp;lt;` becomes `&lt;`, not `<`. Unknown names and invalid code points stay as written.
 */
export function unescapeEntities(text: string): string {
	if (!text || text.indexOf('&') < 0) {
		return text ?? '';
	}
	return text.replace(
		/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g,
		(whole, ref: string) => {
			if (ref[0] === '#') {
				const hex = ref[1] === 'x' || ref[1] === 'X';
				const cp = parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
				// NUL, surrogates and out-of-range code points are not characters.
				if (!Number.isFinite(cp) || cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
					return whole;
				}
				return String.fromCodePoint(cp);
			}
			// HTML also accepts the all-caps legacy forms (`&AMP;`, `&LT;`); other names are case-sensitive.
			const ch = NAMED[ref] ?? (ref === ref.toUpperCase() ? NAMED[ref.toLowerCase()] : undefined);
			return ch ?? whole;
		},
	);
}
