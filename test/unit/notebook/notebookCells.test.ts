/**
 * Notebook cells: the header, the language guess, the .ipynb JSON, and the chart code run for
 * real — pandas + matplotlib (Agg) and R's base graphics — on the data-frame code the snippets
 * write, in both the long layout's column names and the tidy ones.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	chartCode,
	headerMarkdown,
	newNotebookCells,
	notebookJson,
	notebookLanguage,
} from '../../../src/notebook/cells';
import { type SnippetTable, formatSnippet } from '../../../src/snippets';

const works = (cmd: string, args: string[]) =>
	spawnSync(cmd, args, { stdio: 'ignore', timeout: 60_000 }).status === 0;
const PY = ['/usr/bin/python3', 'python3'].find((p) => works(p, ['-c', 'import pandas, matplotlib']));
const HAS_R = works('Rscript', ['--version']);

function need(ctx: Mocha.Context, ok: unknown, what: string): void {
	if (ok) return;
	if (process.env.CI)
		throw new Error(`${what} is required when CI is set: run bash scripts/setup-test-env.sh`);
	console.warn(`      (skipped: ${what} is not installed; run bash scripts/setup-test-env.sh)`);
	ctx.skip();
}

function table(names: [string, string, string], lang: 'ind' | 'eng' = 'ind'): SnippetTable {
	const rows: Array<Array<string | number | null>> = [];
	for (const region of ['Jawa Timur', 'Bali "Dewata"', 'DKI Jakarta'])
		for (const year of ['2017', '2018', '2019'])
			rows.push([region, year, region === 'Bali "Dewata"' && year === '2018' ? null : Number(year) / 100]);
	return {
		title: 'Persentase <b>Penduduk</b> Miskin [P0] *2017–2019*',
		domain: '0000',
		domainName: 'Indonesia',
		periods: '2017–2019',
		unit: 'Persen',
		columns: [
			{ name: names[0], type: 'string' },
			{ name: names[1], type: 'string' },
			{ name: names[2], type: 'number' },
		],
		rows,
		sourceUrl: 'https://www.bps.go.id',
		accessedAt: new Date(2026, 10, 30),
		lang,
	};
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bps-notebook-'));

describe('notebook cells', () => {
	it('guesses the notebook language from its metadata or its cells', () => {
		assert.equal(notebookLanguage({ metadata: { language_info: { name: 'R' } } }, []), 'r');
		assert.equal(notebookLanguage({ kernelspec: { language: 'python' } }, []), 'python');
		assert.equal(notebookLanguage({ kernelspec: { language: 'python' } }, ['markdown', 'r']), 'r');
		assert.equal(notebookLanguage({}, ['r']), 'r');
		assert.equal(notebookLanguage(undefined, []), 'python');
		assert.equal(notebookLanguage({ metadata: { language_info: { name: 'julia' } } }, []), 'python');
	});

	it('heads inserted data with the attribution, the title and the source, with no markup from BPS', () => {
		const md = headerMarkdown(table(['Provinsi', 'Tahun', 'Nilai']));
		const lines = md.split('\n');
		assert.match(lines[0]!, /^### Persentase &lt;b>Penduduk&lt;\/b> Miskin \\\[P0\\\] \\\*2017–2019\\\*$/);
		assert.equal(lines[2], '*Layanan ini menggunakan API Badan Pusat Statistik (BPS).*');
		assert.ok(lines.includes('- **Sumber:** <https://www.bps.go.id>'), md);
		assert.ok(lines.includes('- **Diakses:** 2026-11-30'), md);
		const en = headerMarkdown(table(['region', 'period', 'value'], 'eng'));
		assert.match(en, /\n\*This service uses the API of Badan Pusat Statistik/);
		assert.match(en, /- \*\*Source:\*\* <https:\/\/www\.bps\.go\.id>/);
	});

	it('writes an nbformat 4 notebook whose cells read back as written', () => {
		const t = table(['region', 'period', 'value']);
		const cells = newNotebookCells({ lang: 'r', table: t, dataCode: 'df <- 1\n', fetchCode: 'x <- 2' });
		const nb = JSON.parse(notebookJson('r', cells));
		assert.equal(nb.nbformat, 4);
		assert.equal(nb.metadata.kernelspec.language, 'R');
		assert.equal(nb.metadata.language_info.name, 'R');
		assert.deepEqual(
			nb.cells.map((c: { cell_type: string }) => c.cell_type),
			['markdown', 'markdown', 'code', 'code', 'markdown', 'code', 'markdown', 'code'],
		);
		nb.cells.forEach((c: { source: string[]; outputs?: unknown[] }, i: number) => {
			assert.equal(c.source.join(''), cells[i]!.value);
			if (c.outputs) assert.deepEqual(c.outputs, []);
		});
		assert.equal(new Set(nb.cells.map((c: { id: string }) => c.id)).size, cells.length, 'unique cell ids');
	});

	for (const names of [
		['Provinsi', 'Tahun', 'Nilai'],
		['region', 'period', 'value'],
	] as Array<[string, string, string]>) {
		it(`Python: the chart code draws one line per region (${names.join(', ')})`, function () {
			this.timeout(60_000);
			need(this, PY, 'python3 with pandas and matplotlib');
			const t = table(names);
			const png = path.join(tmp, `chart-${names[0]}.png`);
			const script = [
				formatSnippet(t, 'python'),
				chartCode('python', t),
				`fig.savefig(${JSON.stringify(png)})`,
				'print(len(ax.lines), [l.get_label() for l in ax.lines])',
			].join('\n');
			const r = spawnSync(PY!, ['-c', script], {
				encoding: 'utf8',
				env: { ...process.env, MPLBACKEND: 'Agg' },
			});
			assert.equal(r.status, 0, r.stderr);
			assert.equal(r.stdout.trim(), `3 ['Jawa Timur', 'Bali "Dewata"', 'DKI Jakarta']`);
			assert.ok(fs.statSync(png).size > 5000, 'a real image');
		});

		it(`R: the chart code draws the matrix of regions × periods (${names.join(', ')})`, function () {
			this.timeout(60_000);
			need(this, HAS_R, 'Rscript');
			const t = table(names);
			const png = path.join(tmp, `chart-${names[0]}-r.png`);
			const file = path.join(tmp, `chart-${names[0]}.R`);
			fs.writeFileSync(
				file,
				[
					`png(${JSON.stringify(png)})`,
					formatSnippet(t, 'r'),
					chartCode('r', t),
					'invisible(dev.off())',
					'cat(dim(m), groups, sep = "|")',
				].join('\n'),
			);
			const r = spawnSync('Rscript', [file], { encoding: 'utf8' });
			assert.equal(r.status, 0, r.stderr);
			assert.equal(r.stdout.trim(), '3|3|Jawa Timur|Bali "Dewata"|DKI Jakarta');
			assert.ok(fs.statSync(png).size > 2000, 'a real image');
		});
	}
});
