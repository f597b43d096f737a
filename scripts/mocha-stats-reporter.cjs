// Mocha reporter: mocha's own `spec` output, plus the run's stats written as JSON so
// scripts/test-all.mjs can sum every tier into one "N passed, N failed" line.
// Usage: mocha --reporter ./scripts/mocha-stats-reporter.cjs --reporter-option output=test-results/unit.json,tier=unit
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

class StatsReporter extends Mocha.reporters.Spec {
	constructor(runner, options) {
		super(runner, options);
		const ro = (options && options.reporterOptions) || {};
		const output = ro.output || process.env.MOCHA_STATS_FILE;
		if (!output) return;
		runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
			const s = runner.stats || {};
			fs.mkdirSync(path.dirname(output), { recursive: true });
			fs.writeFileSync(
				output,
				JSON.stringify(
					{
						tier: ro.tier || path.basename(output, '.json'),
						passes: s.passes || 0,
						failures: s.failures || 0,
						pending: s.pending || 0,
						tests: s.tests || 0,
						duration: s.duration || 0,
					},
					null,
					'\t',
				),
			);
		});
	}
}
module.exports = StatsReporter;
