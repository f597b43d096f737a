/**
 * The default branch of an exhaustive `switch`: the compiler rejects the call while a case is
 * missing, so adding a member to a union (a kind of BPS data, a message type) lists every place
 * that must handle it. At run time it throws, for values that bypassed the types (messages).
 */
export function assertNever(x: never, what = 'value'): never {
	throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}
