/**
 * The shape of a BPS WebAPI key: the App ID of an application on the developer portal, 32
 * hexadecimal characters. Checked before any request, so a mistyped key never reaches the API.
 * Pure (no `vscode`): the command maps each problem to a localised sentence.
 */

export type KeyFormatProblem = 'empty' | 'chars' | 'length';

/** Undefined when `raw` (surrounding spaces ignored) looks like a key; else what is wrong. */
export function keyFormatProblem(raw: string): KeyFormatProblem | undefined {
	const v = raw.trim();
	if (!v) return 'empty';
	if (!/^[0-9a-fA-F]*$/.test(v)) return 'chars';
	if (v.length !== 32) return 'length';
	return undefined;
}
