/**
 * The BPS WebAPI emulator: a real HTTP server (node:http) on 127.0.0.1 that answers like
 * https://webapi.bps.go.id/v1/api/ — both URL styles, the key check, the WAF, the envelopes and
 * error texts — plus fault injection and a request log for tests. See README.md.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FIXTURE_IDS } from './data';
import {
	type ApiResponse,
	badKey,
	handleApi,
	json,
	listNotAvailable,
	notAvailable,
	notFound,
	unavailable,
} from './handlers';
import { sampleBody } from './samples';
import { handleFamily } from './families';
import { Revisions } from './revisions';

export { FIXTURE_IDS } from './data';

/** The sandbox's demo key, seeded straight into SecretStorage. Not a real key (real ones are 32 hex digits). */
export const EMULATOR_KEY = 'emulator-demo-key';
/**
 * A key of the real shape (32 hexadecimal characters), for what goes through `bps.setApiKey`,
 * which refuses anything else before any request. Built at run time: no key-shaped literal in
 * the sources. Only this emulator accepts it.
 */
export const EMULATOR_HEX_KEY = '0123456789abcdef'.repeat(2);
/** The national dynamic table with the 514 regencies/cities as rows (10 years, 2015–2024). */
export const VAR_REGENCIES = FIXTURE_IDS.regencyVar;

export type FaultKind =
	| 'latency'
	| 'status'
	| 'drop'
	| 'waf'
	| 'waf200'
	| 'malformed'
	| 'slowBody'
	| 'hang'
	| 'badKey'
	| 'null'
	| 'noData'
	| 'notFound'
	| 'unavailable'
	| 'htmlError';

export interface Fault {
	kind: FaultKind;
	/** Applies only to requests whose merged params (plus `action`: 'list'|'view'|'domain'|...) equal all of these, e.g. { model: 'data' } or { action: 'domain' } or { model: 'var', domain: '3578' }. Absent = every request. */
	match?: Record<string, string>;
	/** Apply to this many matching requests, then the fault is spent. Absent = unlimited. */
	times?: number;
	/** latency / slowBody (total body duration) / hang (how long before the socket is destroyed, default never until client gives up). */
	ms?: number;
	/** for 'status': HTTP status (default 503). */
	status?: number;
}

export interface RecordedRequest {
	time: number;
	method: string;
	path: string;
	action: string;
	/** Merged path + query params, without `key`. */
	params: Record<string, string>;
	keyPresent: boolean;
	userAgent: string | undefined;
	/** HTTP status sent; 0 when the connection was dropped or hung without an answer. */
	status: number;
	/** When the answer was sent (epoch ms); absent while pending or when none was sent. */
	answeredAt?: number;
	fault?: FaultKind;
}

export interface EmulatorOptions {
	/** 0 = random (default). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Accepted keys, default [EMULATOR_KEY, EMULATOR_HEX_KEY]. */
	keys?: string[];
	/** Added to every API response. */
	latencyMs?: number;
	faults?: Fault[];
	/** Default true: missing UA or a default tool UA (curl/, python-*, node, undici, Go-http-client) gets the WAF 403 page, like the real perimeter. */
	requireUserAgent?: boolean;
	/** model=data windows with more cells answer JSON null; default 20000. */
	maxCells?: number;
	/** Adds hostile items (var 666, static table 666, publication aaaaaaaaaaaaaaaaaaaa0666, press release 666) on 0000; default false. */
	xssProbes?: boolean;
}

export interface Emulator {
	/** Base URL, e.g. http://127.0.0.1:PORT/v1/api/ */
	url: string;
	port: number;
	setFaults(f: Fault[]): void;
	addFault(f: Fault): void;
	clearFaults(): void;
	requests: RecordedRequest[];
	resetRequests(): void;
	/** Revises a dynamic table: a new `last_update` and a few changed cells (see revisions.ts). */
	revise(domain: string, varId: number): void;
	/** Adds the next period to a dynamic table. */
	addPeriod(domain: string, varId: number): void;
	/** Revises a static table: a later `updt_date` and a value in place (`addRow`: one more row instead). */
	reviseStatic(domain: string, tableId: number, opts?: { addRow?: boolean }): void;
	close(): Promise<void>;
}

const API_PREFIX = '/v1/api/';
const ACTIONS = new Set(['list', 'view', 'domain', 'dataexim', 'interoperabilitas']);
const TOOL_UA = /^(curl\/|python-|python\/|node(\/|$| )|undici|go-http-client)/i;

let wafTemplate: string | undefined;
/** The recorded "Perimeter WAF Block" page, with the URL line showing this request (key masked). */
export function wafPage(url: string): string {
	wafTemplate ??= sampleBody<string>('bps-looker__error_waf_block');
	return wafTemplate
		.replace('https://webapi.bps.go.id/v1/api/list?model=subcat&amp;domain=0000&amp;key=***', url)
		.replace(
			'https://webapi.bps.go.id/v1/api/list?model=subcat&domain=0000&key=***',
			url.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
		);
}

function htmlStatusPage(status: number): string {
	const text = http.STATUS_CODES[status] ?? 'Error';
	return `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** Splits `/v1/api/list/model/var/domain/0000/key/K/` into the action and its path pairs. */
function parseRoute(pathname: string): { action: string; pairs: Record<string, string> } | undefined {
	if (!pathname.startsWith(API_PREFIX)) return undefined;
	const segs = pathname
		.slice(API_PREFIX.length)
		.split('/')
		.filter((s) => s !== '');
	const action = segs.shift();
	if (!action || !ACTIONS.has(action)) return undefined;
	if (segs.length % 2 !== 0) return undefined;
	const pairs: Record<string, string> = {};
	for (let i = 0; i < segs.length; i += 2) {
		let value: string;
		try {
			value = decodeURIComponent(segs[i + 1].replace(/\+/g, ' '));
		} catch {
			value = segs[i + 1];
		}
		pairs[segs[i]] = value;
	}
	return { action, pairs };
}

function matches(f: Fault, action: string, params: Record<string, string>): boolean {
	if (!f.match) return true;
	for (const [k, v] of Object.entries(f.match)) {
		const actual = k === 'action' ? action : params[k];
		if (actual !== String(v)) return false;
	}
	return true;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function validFaults(input: unknown): Fault[] {
	if (!Array.isArray(input)) throw new Error('faults must be a JSON array');
	return input.map((f) => {
		if (!f || typeof f !== 'object' || typeof (f as Fault).kind !== 'string')
			throw new Error('each fault needs a kind');
		return { ...(f as Fault) };
	});
}

/** Starts the emulator. Resolves once it listens. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
	const host = opts.host ?? '127.0.0.1';
	const keys = opts.keys ?? [EMULATOR_KEY, EMULATOR_HEX_KEY];
	const requireUA = opts.requireUserAgent ?? true;
	const maxCells = opts.maxCells ?? 20000;
	const xssProbes = opts.xssProbes ?? false;
	let faults: Fault[] = (opts.faults ?? []).map((f) => ({ ...f }));
	const requests: RecordedRequest[] = [];
	const revisions = new Revisions();
	const sockets = new Set<Socket>();
	const timers = new Set<NodeJS.Timeout>();

	/** Takes the matching faults for this request: all latency faults, then the first other one. */
	function takeFaults(action: string, params: Record<string, string>): { latency: number; fault?: Fault } {
		let latency = 0;
		let fault: Fault | undefined;
		for (const f of faults) {
			if (f.times !== undefined && f.times <= 0) continue;
			if (!matches(f, action, params)) continue;
			if (f.kind === 'latency') {
				latency += f.ms ?? 1000;
			} else if (fault) {
				continue;
			} else {
				fault = f;
			}
			if (f.times !== undefined) f.times--;
		}
		faults = faults.filter((f) => f.times === undefined || f.times > 0);
		return { latency, fault };
	}

	function send(res: http.ServerResponse, r: ApiResponse, rec: RecordedRequest): void {
		rec.status = r.status;
		rec.answeredAt = Date.now();
		res.writeHead(r.status, {
			'Content-Type': r.contentType,
			'Content-Length': Buffer.byteLength(r.body),
			'Access-Control-Allow-Origin': '*',
			'Cache-Control': 'no-store',
		});
		res.end(r.body);
	}

	function handleControl(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
		const reply = (status: number, body: unknown) => {
			const text = JSON.stringify(body);
			res.writeHead(status, {
				'Content-Type': 'application/json',
				'Access-Control-Allow-Origin': '*',
				'Content-Length': Buffer.byteLength(text),
			});
			res.end(text);
		};
		const route = `${req.method} ${pathname.replace(/\/$/, '')}`;
		if (route === 'GET /__emulator/health')
			return reply(200, { ok: true, url: emulator.url, requests: requests.length, faults: faults.length });
		if (route === 'GET /__emulator/requests') return reply(200, requests);
		if (route === 'GET /__emulator/faults') return reply(200, faults);
		if (route === 'DELETE /__emulator/faults') {
			faults = [];
			return reply(200, { ok: true });
		}
		if (route === 'POST /__emulator/reset') {
			faults = [];
			requests.length = 0;
			revisions.reset();
			return reply(200, { ok: true });
		}
		if (route === 'POST /__emulator/revise' || route === 'POST /__emulator/add-period') {
			// Body: { "domain": "0000", "var": 1804 }.
			let body = '';
			req.setEncoding('utf8');
			req.on('data', (c: string) => (body += c));
			req.on('end', () => {
				try {
					const b = JSON.parse(body || '{}') as { domain?: unknown; var?: unknown };
					const varId = Number(b.var);
					if (typeof b.domain !== 'string' || !Number.isInteger(varId))
						throw new Error('domain and var needed');
					if (route.endsWith('revise')) revisions.revise(b.domain, varId);
					else revisions.addPeriod(b.domain, varId);
					reply(200, { ok: true });
				} catch (e) {
					reply(400, { ok: false, error: e instanceof Error ? e.message : String(e) });
				}
			});
			return;
		}
		if (route === 'POST /__emulator/faults') {
			let body = '';
			req.setEncoding('utf8');
			req.on('data', (c: string) => (body += c));
			req.on('end', () => {
				try {
					faults = validFaults(JSON.parse(body || '[]'));
					reply(200, { ok: true, faults: faults.length });
				} catch (e) {
					reply(400, { ok: false, error: e instanceof Error ? e.message : String(e) });
				}
			});
			return;
		}
		reply(404, { ok: false, error: `unknown control route ${route}` });
	}

	async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://emulator.local');
		const pathname = url.pathname;
		if (pathname.startsWith('/__emulator/')) return handleControl(req, res, pathname);
		if (req.method === 'OPTIONS') {
			res.writeHead(204, {
				'Access-Control-Allow-Origin': '*',
				'Access-Control-Allow-Methods': 'GET, OPTIONS',
				'Access-Control-Allow-Headers': '*',
			});
			res.end();
			return;
		}

		const route = parseRoute(pathname);
		const merged: Record<string, string> = { ...(route?.pairs ?? {}) };
		for (const [k, v] of url.searchParams) merged[k] = v;
		const key = merged.key;
		delete merged.key;
		const action = route?.action ?? '';
		const userAgent = req.headers['user-agent'];
		const rec: RecordedRequest = {
			time: Date.now(),
			method: req.method ?? 'GET',
			// The key never lands in the log, even from a path-style URL.
			path: pathname.replace(/\/key\/[^/]*/, '/key/***'),
			action,
			params: merged,
			keyPresent: key !== undefined,
			userAgent,
			status: 0,
		};
		requests.push(rec);

		const maskedUrl = `https://webapi.bps.go.id${(req.url ?? '/').replace(/(key[=/])[^&/]*/g, '$1***')}`;
		const { latency, fault } = takeFaults(action, merged);
		if (fault) rec.fault = fault.kind;
		const delay = latency + (opts.latencyMs ?? 0);
		if (delay > 0) await sleep(delay);
		if (res.destroyed) return;

		const normal = (): ApiResponse => {
			if (requireUA && (!userAgent || TOOL_UA.test(userAgent)))
				return { status: 403, contentType: 'text/html', body: wafPage(maskedUrl) };
			if (!route) return notFound(pathname.replace(/^\//, '').replace(/\/$/, ''));
			if (key === undefined || !keys.includes(key)) return badKey();
			return (
				handleFamily(action, merged) ?? handleApi(action, merged, { keys, maxCells, xssProbes, revisions })
			);
		};

		if (!fault) return send(res, normal(), rec);
		switch (fault.kind) {
			case 'latency':
				return send(res, normal(), rec);
			case 'status': {
				const status = fault.status ?? 503;
				return send(res, { status, contentType: 'text/html', body: htmlStatusPage(status) }, rec);
			}
			case 'htmlError':
				return send(res, { status: 500, contentType: 'text/html', body: htmlStatusPage(500) }, rec);
			case 'drop':
				rec.status = 0;
				req.socket.destroy();
				return;
			case 'hang': {
				rec.status = 0;
				if (fault.ms !== undefined) {
					const t = setTimeout(() => {
						timers.delete(t);
						req.socket.destroy();
					}, fault.ms);
					timers.add(t);
				}
				return;
			}
			case 'waf':
				return send(res, { status: 403, contentType: 'text/html', body: wafPage(maskedUrl) }, rec);
			case 'waf200':
				return send(res, { status: 200, contentType: 'text/html', body: wafPage(maskedUrl) }, rec);
			case 'malformed': {
				const full = normal().body;
				const cut = Math.max(1, Math.floor(full.length / 2));
				const body = full.length > 8 ? full.slice(0, cut) : '{"status":"OK","data-availability":"avail';
				return send(res, { status: 200, contentType: 'application/json', body }, rec);
			}
			case 'slowBody': {
				const r = normal();
				rec.status = r.status;
				const buf = Buffer.from(r.body);
				const pieces = Math.min(10, Math.max(1, buf.length));
				const step = Math.ceil(buf.length / pieces);
				const total = fault.ms ?? 2000;
				res.writeHead(r.status, {
					'Content-Type': r.contentType,
					'Content-Length': buf.length,
					'Access-Control-Allow-Origin': '*',
				});
				res.flushHeaders();
				for (let i = 0; i < pieces; i++) {
					if (res.destroyed) return;
					res.write(buf.subarray(i * step, (i + 1) * step));
					await sleep(total / pieces);
				}
				res.end();
				return;
			}
			case 'badKey':
				return send(res, badKey(), rec);
			case 'null':
				return send(res, { status: 200, contentType: 'application/json', body: 'null' }, rec);
			case 'noData':
				return send(res, action === 'view' ? notAvailable() : listNotAvailable(), rec);
			case 'notFound':
				return send(res, notFound(pathname.replace(/^\//, '').replace(/\/$/, '')), rec);
			case 'unavailable':
				return send(res, unavailable(), rec);
			default:
				return send(
					res,
					json({ status: 'Error', message: `emulator: unknown fault ${String((fault as Fault).kind)}` }, 500),
					rec,
				);
		}
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((e: unknown) => {
			if (!res.headersSent && !res.destroyed) {
				const body = JSON.stringify({
					name: 'Internal Server Error',
					message: e instanceof Error ? e.message : String(e),
					status: 500,
				});
				res.writeHead(500, { 'Content-Type': 'application/json' });
				res.end(body);
			}
		});
	});
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	// Tests open many short connections; don't let keep-alive sockets delay close().
	server.keepAliveTimeout = 1000;

	await new Promise<void>((resolve, reject) => {
		const onError = (e: Error) => reject(e);
		server.once('error', onError);
		server.listen(opts.port ?? 0, host, () => {
			server.off('error', onError);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;

	const emulator: Emulator = {
		url: `http://${host}:${port}${API_PREFIX}`,
		port,
		setFaults(f) {
			faults = f.map((x) => ({ ...x }));
		},
		addFault(f) {
			faults.push({ ...f });
		},
		clearFaults() {
			faults = [];
		},
		requests,
		resetRequests() {
			requests.length = 0;
		},
		revise: (domain, varId) => revisions.revise(domain, varId),
		addPeriod: (domain, varId) => revisions.addPeriod(domain, varId),
		reviseStatic: (domain, tableId, opts) => revisions.reviseStatic(domain, tableId, opts),
		close() {
			for (const t of timers) clearTimeout(t);
			timers.clear();
			return new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const s of sockets) s.destroy();
			});
		},
	};
	return emulator;
}
