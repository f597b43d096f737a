/**
 * `npm run emulator` — runs the BPS WebAPI emulator in the foreground.
 *   --port N         default $BPS_EMULATOR_PORT or 8787; a busy port falls back to a random one
 *   --latency MS     added to every response
 *   --faults '<json>' Fault[] to start with (see server.ts)
 *   --xss            add the hostile probe items on domain 0000
 */
import { EMULATOR_KEY, type EmulatorOptions, type Fault, startEmulator } from './server';

function parseArgs(argv: string[]): EmulatorOptions {
	const opts: EmulatorOptions = { port: Number(process.env.BPS_EMULATOR_PORT ?? 8787) };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const next = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${a} needs a value`);
			return v;
		};
		if (a === '--port') opts.port = Number(next());
		else if (a === '--latency') opts.latencyMs = Number(next());
		else if (a === '--faults') opts.faults = JSON.parse(next()) as Fault[];
		else if (a === '--xss') opts.xssProbes = true;
		else if (a === '--help' || a === '-h') {
			console.log("usage: cli.js [--port N] [--latency MS] [--faults '<json>'] [--xss]");
			process.exit(0);
		} else throw new Error(`unknown argument ${a}`);
	}
	return opts;
}

async function main(): Promise<void> {
	const opts = parseArgs(process.argv.slice(2));
	let emu;
	try {
		emu = await startEmulator(opts);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
		console.warn(`port ${opts.port} is busy; using a random port`);
		emu = await startEmulator({ ...opts, port: 0 });
	}
	console.log(`BPS WebAPI emulator listening on ${emu.url}`);
	console.log(`API key: ${EMULATOR_KEY}`);
	console.log(`Control: ${emu.url.replace(/v1\/api\/$/, '')}__emulator/{health,requests,faults,reset}`);
	const stop = () => {
		emu.close().then(() => process.exit(0));
		setTimeout(() => process.exit(0), 2000).unref();
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
