/**
 * Access to the recorded BPS responses in test/fixtures/samples/. They are read from disk (not
 * bundled) because the raw text matters: `datacontent` key order is only visible in the text —
 * a parsed JS object re-sorts integer-like keys.
 */
import fs from 'node:fs';
import path from 'node:path';

let samplesDir: string | undefined;

/** Finds test/fixtures/samples by walking up from the bundle's folder (dist-test/…) or the cwd. */
function findSamplesDir(): string {
	if (samplesDir) return samplesDir;
	const fromEnv = process.env.BPS_EMULATOR_SAMPLES;
	const starts = [fromEnv, typeof __dirname === 'string' ? __dirname : undefined, process.cwd()].filter(
		(s): s is string => !!s,
	);
	for (const start of starts) {
		if (start === fromEnv && fs.existsSync(start)) return (samplesDir = start);
		let dir = path.resolve(start);
		for (;;) {
			const candidate = path.join(dir, 'test', 'fixtures', 'samples');
			if (fs.existsSync(candidate)) return (samplesDir = candidate);
			const parent = path.dirname(dir);
			if (parent === dir) break;
			dir = parent;
		}
	}
	throw new Error('BPS emulator: cannot find test/fixtures/samples (set BPS_EMULATOR_SAMPLES)');
}

const cache = new Map<string, { json: unknown; text: string }>();

/** The raw text and parsed JSON of a sample file (name without `.json`). */
export function sampleFile(name: string): { json: unknown; text: string } {
	let hit = cache.get(name);
	if (!hit) {
		const text = fs.readFileSync(path.join(findSamplesDir(), `${name}.json`), 'utf8');
		hit = { json: JSON.parse(text), text };
		cache.set(name, hit);
	}
	return hit;
}

/**
 * The response body of a sample. bps-looker files wrap it as `{name, request, status_code,
 * content_type, body}`; the Flutter/Vue files are the bare body.
 */
export function sampleBody<T = unknown>(name: string): T {
	const j = sampleFile(name).json as Record<string, unknown>;
	return (j && typeof j === 'object' && 'body' in j && 'status_code' in j ? j.body : j) as T;
}

/** The keys of the first `"datacontent": {…}` object of a sample, in recorded (text) order. */
export function sampleDatacontentOrder(name: string): string[] {
	const text = sampleFile(name).text;
	const start = text.indexOf('"datacontent"');
	if (start < 0) return [];
	const open = text.indexOf('{', start);
	const close = text.indexOf('}', open);
	const keys: string[] = [];
	const re = /"(\d+)"\s*:/g;
	const body = text.slice(open, close);
	for (let m = re.exec(body); m; m = re.exec(body)) keys.push(m[1]);
	return keys;
}
