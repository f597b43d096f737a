/**
 * axe-core run inside a webview frame, shared by the browser suites that check a preview's
 * accessibility (a11y.test.ts, favouritesWatch.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { repoRoot } from './codeServer';

/** axe-core inside the webview frame: the serious and critical violations, one line each. */
export async function axeSerious(frame: Frame): Promise<string[]> {
	const source = fs.readFileSync(path.join(repoRoot(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
	await frame.evaluate(source);
	return frame.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {
					run(
						n: Node,
						o: object,
					): Promise<{
						violations: Array<{
							id: string;
							impact: string;
							nodes: Array<{ target: unknown; failureSummary: string }>;
						}>;
					}>;
				};
			}
		).axe;
		const r = await axe.run(document, { resultTypes: ['violations'] });
		return r.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map(
				(v) =>
					`${v.impact} ${v.id}: ${v.nodes
						.slice(0, 3)
						.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`)
						.join(' | ')}`,
			);
	});
}
