/**
 * Localisation completeness: every string the code passes to `l10n.t` has an Indonesian entry in
 * l10n/bundle.l10n.id.json, every `%key%` in package.json resolves in package.nls.json and
 * package.nls.id.json, nothing in those files is unused or empty, and `{0}`-style placeholders
 * agree between the English source and the translation.
 *
 * Strings are found with the TypeScript parser rather than a regex so that multi-line calls,
 * concatenations and `l10n.t` imported on its own are all seen — and so that a call whose message
 * is not a static string (a variable, a template with `${…}`) is reported instead of silently missed:
 * such a message can never be in the bundle.
 */
import * as assert from 'node:assert';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TS from 'typescript';

// Loaded at run time rather than bundled: esbuild would otherwise inline the whole compiler (~9 MB)
// into this test bundle.
const ts = createRequire(__filename)('typescript') as typeof TS;

const ROOT = findRoot(__dirname);

/** Walks up from the bundle (dist-test/unit) or source (test/unit) folder to the repository root. */
function findRoot(start: string): string {
	for (let dir = start; ; dir = path.dirname(dir)) {
		const pkg = path.join(dir, 'package.json');
		if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'src')) && fs.existsSync(path.join(dir, 'l10n')))
			return dir;
		if (path.dirname(dir) === dir) throw new Error(`repository root not found above ${start}`);
	}
}

interface Use {
	message: string;
	file: string;
	line: number;
	/** Number of positional arguments after the message, or undefined for the named/object forms. */
	argCount?: number;
}

interface Problem {
	file: string;
	line: number;
	why: string;
}

interface Extracted {
	uses: Use[];
	problems: Problem[];
}

/** True for `l10n.t` and `<anything>.l10n.t` (e.g. `vscode.l10n.t`). */
function isL10nT(callee: TS.Expression): boolean {
	if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
	const owner = callee.expression;
	if (ts.isIdentifier(owner)) return owner.text === 'l10n';
	return ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n';
}

/** The static value of a message expression, or an explanation of why it has none. */
function staticString(e: TS.Expression): { value: string } | { why: string } {
	if (ts.isParenthesizedExpression(e)) return staticString(e.expression);
	if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return { value: e.text };
	if (ts.isTemplateExpression(e)) {
		return { why: 'template literal with ${…} substitutions (use {0} placeholders and arguments instead)' };
	}
	if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
		const l = staticString(e.left);
		if (!('value' in l)) return l;
		const r = staticString(e.right);
		if (!('value' in r)) return r;
		return { value: l.value + r.value };
	}
	return { why: `message is not a static string (${ts.SyntaxKind[e.kind]})` };
}

/** Every `l10n.t(...)` message in one TypeScript source text. Exported shape is internal to this test. */
function extractFromSource(file: string, text: string): Extracted {
	const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const uses: Use[] = [];
	const problems: Problem[] = [];
	const lineOf = (n: TS.Node): number => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
	const visit = (node: TS.Node): void => {
		if (ts.isCallExpression(node) && isL10nT(node.expression)) {
			const [first, ...rest] = node.arguments;
			let messageExpr: TS.Expression | undefined = first;
			let argCount: number | undefined;
			if (first && ts.isObjectLiteralExpression(first)) {
				// l10n.t({ message, args, comment }) form.
				messageExpr = undefined;
				for (const p of first.properties) {
					if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'message')
						messageExpr = p.initializer;
				}
			} else if (
				rest.some((a) => ts.isSpreadElement(a)) ||
				(rest.length === 1 && ts.isObjectLiteralExpression(rest[0]))
			) {
				argCount = undefined; // spread or named `{ name: value }` arguments: not countable
			} else {
				argCount = rest.length;
			}
			if (!messageExpr) {
				problems.push({ file, line: lineOf(node), why: 'l10n.t call without a message' });
			} else {
				const s = staticString(messageExpr);
				if ('value' in s) uses.push({ message: s.value, file, line: lineOf(node), argCount });
				else problems.push({ file, line: lineOf(node), why: s.why });
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(sf);
	return { uses, problems };
}

function listTs(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	const out: string[] = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) out.push(...listTs(p));
		else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
	}
	return out.sort();
}

function extractFromRepo(): Extracted {
	const all: Extracted = { uses: [], problems: [] };
	for (const file of listTs(path.join(ROOT, 'src'))) {
		const r = extractFromSource(path.relative(ROOT, file), fs.readFileSync(file, 'utf8'));
		all.uses.push(...r.uses);
		all.problems.push(...r.problems);
	}
	return all;
}

function readJson(rel: string): unknown {
	return JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
}

function readStringMap(rel: string): Record<string, string> {
	if (!fs.existsSync(path.join(ROOT, rel))) return {};
	const v = readJson(rel);
	assert.ok(v && typeof v === 'object' && !Array.isArray(v), `${rel} is not a JSON object`);
	return v as Record<string, string>;
}

/** The multiset of `{n}` placeholders in a string, sorted, e.g. "{0} {1} {0}" → ['{0}', '{0}', '{1}']. */
function placeholders(s: string): string[] {
	return (s.match(/\{\d+\}/g) ?? []).sort();
}

/** Every `%key%` string value anywhere in package.json. */
function nlsRefs(v: unknown, out = new Set<string>()): Set<string> {
	if (typeof v === 'string') {
		const m = /^%([^%\s]+)%$/.exec(v);
		if (m) out.add(m[1]);
	} else if (Array.isArray(v)) {
		for (const x of v) nlsRefs(x, out);
	} else if (v && typeof v === 'object') {
		for (const x of Object.values(v)) nlsRefs(x, out);
	}
	return out;
}

function fail(title: string, items: string[]): void {
	if (items.length) assert.fail(`${title} (${items.length}):\n  ${items.join('\n  ')}`);
}

const show = (s: string): string => JSON.stringify(s);
const where = (u: { file: string; line: number }): string => `${u.file}:${u.line}`;

describe('l10n: extracting l10n.t messages', () => {
	it('finds plain, aliased, multi-line, concatenated and object-form calls', () => {
		const src = [
			"import * as vscode from 'vscode';",
			"import { l10n } from 'vscode';",
			"vscode.l10n.t('One');",
			'l10n.t("Two {0}", x);',
			'l10n.t(`Three`);',
			'vscode.l10n.t(',
			"\t'Four, ' +",
			"\t\t'continued',",
			');',
			"vscode.l10n.t({ message: 'Five', args: [1], comment: 'c' });",
			"other.t('Not this');",
			"t('Nor this');",
		].join('\n');
		const r = extractFromSource('x.ts', src);
		assert.deepStrictEqual(r.problems, []);
		assert.deepStrictEqual(
			r.uses.map((u) => [u.message, u.line, u.argCount]),
			[
				['One', 3, 0],
				['Two {0}', 4, 1],
				['Three', 5, 0],
				['Four, continued', 6, 0],
				['Five', 10, undefined],
			],
		);
	});

	it('reports templates with substitutions and non-static messages', () => {
		const r = extractFromSource('y.ts', "l10n.t(`Hello ${name}`);\nvscode.l10n.t(msg);\nl10n.t('a' + b);");
		assert.deepStrictEqual(r.uses, []);
		assert.deepStrictEqual(
			r.problems.map((p) => p.line),
			[1, 2, 3],
		);
		assert.match(r.problems[0].why, /template literal/);
	});

	it('compares placeholders as multisets', () => {
		assert.deepStrictEqual(placeholders('{1} of {0}, {0}'), ['{0}', '{0}', '{1}']);
		assert.deepStrictEqual(placeholders('no braces {x}'), []);
	});
});

describe('l10n: the repository', () => {
	const { uses, problems } = extractFromRepo();
	const used = new Set(uses.map((u) => u.message));
	const bundle = readStringMap('l10n/bundle.l10n.id.json');
	const pkg = readJson('package.json');
	const nlsEn = readStringMap('package.nls.json');
	const nlsId = readStringMap('package.nls.id.json');
	const refs = nlsRefs(pkg);

	it('finds the l10n.t calls in src/ (sanity: the scan is not empty)', () => {
		assert.ok(uses.length > 0, 'no l10n.t calls found under src/ — is the scan broken?');
	});

	it('(a) every l10n.t message is a static string', () => {
		fail(
			'l10n.t calls whose message cannot be looked up in the bundle',
			problems.map((p) => `${p.file}:${p.line}: ${p.why}`),
		);
	});

	it('(a) every l10n.t message has an entry in l10n/bundle.l10n.id.json', () => {
		const missing = new Map<string, Use>();
		for (const u of uses)
			if (!Object.hasOwn(bundle, u.message) && !missing.has(u.message)) missing.set(u.message, u);
		fail(
			'Strings used in code but missing from l10n/bundle.l10n.id.json',
			[...missing.values()].map((u) => `${where(u)}: ${show(u.message)}`),
		);
	});

	it('(a) l10n.t gets one argument per placeholder', () => {
		const bad: string[] = [];
		for (const u of uses) {
			if (u.argCount === undefined) continue;
			const indices = new Set(placeholders(u.message).map((p) => Number(p.slice(1, -1))));
			const expected = indices.size ? Math.max(...indices) + 1 : 0;
			if (expected !== u.argCount)
				bad.push(
					`${where(u)}: ${show(u.message)} has ${u.argCount} argument(s), placeholders need ${expected}`,
				);
		}
		fail('l10n.t calls whose arguments do not match the placeholders', bad);
	});

	it('(b) the bundle has no keys that nothing uses', () => {
		fail(
			'Keys in l10n/bundle.l10n.id.json that no l10n.t call uses',
			Object.keys(bundle)
				.filter((k) => !used.has(k))
				.map(show),
		);
	});

	it('(c) every %key% in package.json is in package.nls.json and package.nls.id.json', () => {
		const missing: string[] = [];
		for (const k of [...refs].sort()) {
			if (!Object.hasOwn(nlsEn, k)) missing.push(`${k}: missing from package.nls.json`);
			if (!Object.hasOwn(nlsId, k)) missing.push(`${k}: missing from package.nls.id.json`);
		}
		fail('package.json %keys% without a string', missing);
	});

	it('(c) the nls files have no keys that package.json does not use', () => {
		const unused: string[] = [];
		for (const k of Object.keys(nlsEn)) if (!refs.has(k)) unused.push(`package.nls.json: ${k}`);
		for (const k of Object.keys(nlsId)) if (!refs.has(k)) unused.push(`package.nls.id.json: ${k}`);
		fail('nls keys that package.json does not reference', unused);
	});

	it('(d) no translation (or English nls string) is empty', () => {
		const empty: string[] = [];
		const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';
		for (const [k, v] of Object.entries(bundle))
			if (blank(v)) empty.push(`l10n/bundle.l10n.id.json: ${show(k)}`);
		for (const [k, v] of Object.entries(nlsId)) if (blank(v)) empty.push(`package.nls.id.json: ${k}`);
		for (const [k, v] of Object.entries(nlsEn)) if (blank(v)) empty.push(`package.nls.json: ${k}`);
		fail('Empty or non-string translations', empty);
	});

	it('(e) placeholders agree between source and translation', () => {
		const bad: string[] = [];
		for (const [k, v] of Object.entries(bundle)) {
			if (typeof v === 'string' && placeholders(k).join() !== placeholders(v).join()) {
				bad.push(`l10n/bundle.l10n.id.json: ${show(k)} → ${show(v)}`);
			}
		}
		for (const [k, en] of Object.entries(nlsEn)) {
			const id = nlsId[k];
			if (
				typeof en === 'string' &&
				typeof id === 'string' &&
				placeholders(en).join() !== placeholders(id).join()
			) {
				bad.push(`package.nls: ${k}: ${show(en)} → ${show(id)}`);
			}
		}
		fail('Placeholders that differ between English and Indonesian', bad);
	});
});

describe('l10n: the walkthrough', () => {
	interface Step {
		id: string;
		media?: { markdown?: string; image?: unknown };
		completionEvents?: string[];
	}
	interface Pkg {
		contributes: {
			walkthroughs?: { id: string; steps: Step[] }[];
			commands?: { command: string }[];
		};
	}
	const pkg = readJson('package.json') as Pkg;
	const nlsEn = readStringMap('package.nls.json');
	const walkthrough = pkg.contributes.walkthroughs?.find((w) => w.id === 'bps.gettingStarted');
	const ours = new Set((pkg.contributes.commands ?? []).map((c) => c.command));

	it('bps.gettingStarted exists and every step has a markdown file that exists', () => {
		assert.ok(walkthrough, 'contributes.walkthroughs has no bps.gettingStarted');
		const missing = walkthrough.steps
			.filter((s) => !s.media?.markdown || !fs.existsSync(path.join(ROOT, s.media.markdown)))
			.map((s) => `${s.id}: ${s.media?.markdown ?? '(no media.markdown)'}`);
		fail('Walkthrough steps without their markdown file', missing);
	});

	it('command links and completion events name commands the extension contributes', () => {
		assert.ok(walkthrough);
		const bad: string[] = [];
		for (const s of walkthrough.steps) {
			for (const ev of s.completionEvents ?? []) {
				const m = /^onCommand:(.+)$/.exec(ev);
				if (m && !ours.has(m[1])) bad.push(`${s.id}: completion event ${ev}`);
			}
		}
		for (const [k, v] of Object.entries(nlsEn)) {
			if (!k.startsWith('walkthrough.')) continue;
			for (const m of v.matchAll(/\(command:([\w.]+)/g)) {
				if (m[1].startsWith('bps.') && !ours.has(m[1])) bad.push(`${k}: link to command:${m[1]}`);
			}
		}
		fail('Walkthrough references to commands that package.json does not contribute', bad);
	});
});
