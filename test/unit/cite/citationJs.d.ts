/** The little of citation-js (which ships no types) the citation tests use. */
declare module '@citation-js/core' {
	export class Cite {
		constructor(data: unknown, options?: { forceType?: string });
		data: Array<Record<string, unknown>>;
		format(format: string, options?: Record<string, unknown>): string;
	}
	export const plugins: { config: { get(name: string): Record<string, unknown> } };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
