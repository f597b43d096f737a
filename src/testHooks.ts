/**
 * Internals that integration tests may inspect (tree provider, preview panels, request counts…).
 * Features register themselves here; `activate()` exposes the object as `_test` on the public API
 * only when the extension host runs with BPS_TEST=1 (the test harness sets it).
 */
export const testHooks: Record<string, unknown> = {};

export function registerTestHook(name: string, value: unknown): void {
	testHooks[name] = value;
}

export function testHooksEnabled(): boolean {
	return process.env.BPS_TEST === '1';
}
