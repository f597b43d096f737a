/**
 * Key redaction. The BPS WebAPI takes the key in the URL (`key=…` or `/key/…/`), so every URL we
 * log, show or put in an error would leak it. Everything user- or log-facing goes through here.
 */

export const REDACTED = '***';

/** Keys shorter than this are not replaced as literals: doing so would mangle ordinary text. */
const MIN_LITERAL_KEY_LENGTH = 4;

/**
 * Hide the API key in a URL or free text: `key=<value>` query values, `/key/<value>` path pairs,
 * and — when the key is known — every literal occurrence of it, plain or URL-encoded.
 */
export function redact(urlOrText: string, key?: string): string {
	let out = String(urlOrText);
	if (key && key.length >= MIN_LITERAL_KEY_LENGTH) {
		// Longest variants first, so a partially encoded form cannot survive a shorter match.
		const variants = new Set([
			encodeURIComponent(encodeURIComponent(key)),
			encodeURIComponent(key),
			encodeURIComponent(key).replace(/%20/g, '+'),
			key,
		]);
		for (const v of [...variants].sort((a, b) => b.length - a.length)) {
			out = out.split(v).join(REDACTED);
			// Percent-escapes are case-insensitive (`%2f` = `%2F`).
			if (v.includes('%')) {
				out = out.replace(new RegExp(escapeRegExp(v), 'gi'), REDACTED);
			}
		}
	}
	// `key=value` in a query string (also `&amp;key=`, `?key=`, `;key=`), whatever the value.
	out = out.replace(/([?&;]key=)[^&#\s"'<>]*/gi, `$1${REDACTED}`);
	// `/key/value` path pairs of the path-style URLs.
	out = out.replace(/(\/key\/)[^/?#\s"'<>]+/gi, `$1${REDACTED}`);
	return out;
}

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
