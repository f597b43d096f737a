/**
 * A request the user (or a calling extension) got wrong — a bad HS code, a year before the data
 * starts. Its message is already localised and says what to change: shown as it is, never as
 * "Something went wrong". No `vscode` import.
 */
export class InputError extends Error {
	override readonly name = 'InputError';
}
