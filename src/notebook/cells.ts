/**
 * Notebook cells for BPS data: the Markdown header (attribution, title, region, periods, source),
 * the chart code, and a whole `.ipynb` for "New Notebook from Table". Pure code, no `vscode`:
 * unit-tested in test/unit/notebookCells.test.ts, where the generated code is run with pandas +
 * matplotlib and with R.
 */
import { metadataLines } from '../snippets/common';
import type { SnippetTable } from '../snippets';

export type NotebookLanguage = 'python' | 'r';

/** A cell to add: what `vscode.NotebookCellData` and an .ipynb cell both need. */
export interface CellSpec {
	kind: 'markdown' | 'code';
	/** 'markdown' for Markdown cells; 'python' or 'r' for code. */
	language: string;
	value: string;
}

/**
 * The notebook's language, from its code cells (what the user writes in), else from what the
 * .ipynb says (`language_info.name`, `kernelspec.language`, wherever the serializer put the
 * notebook metadata); Python when nothing says. Anything but R is treated as Python: those are the two languages we write.
 */
export function notebookLanguage(metadata: unknown, codeCellLanguages: readonly string[]): NotebookLanguage {
	const m = (metadata ?? {}) as Record<string, unknown>;
	const inner = (m.metadata ?? m) as Record<string, unknown>;
	const info = inner.language_info as { name?: unknown } | undefined;
	const spec = inner.kernelspec as { language?: unknown } | undefined;
	const said = [info?.name, spec?.language].find((x): x is string => typeof x === 'string');
	const cells = codeCellLanguages.find((l) => l === 'r' || l === 'python');
	const lang = (cells ?? said ?? 'python').toLowerCase();
	return lang === 'r' ? 'r' : 'python';
}

/** Text from BPS shown as Markdown: no markup, no HTML. */
export function markdownText(s: string): string {
	return s
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/([\\`*_[\]#|~])/g, '\\$1')
		.replace(/</g, '&lt;');
}

/**
 * The Markdown cell above inserted data: the BPS attribution, then the title as a heading and the
 * provenance (region, periods, unit, access date, source) the snippets carry as comments.
 */
export function headerMarkdown(t: SnippetTable): string {
	const [attribution, ...rest] = metadataLines(t);
	const en = t.lang === 'eng';
	const english = en ? rest.shift() : undefined;
	// rest: Title, Region, Periods, [Unit], Accessed, Source — "Label: value" each.
	const fields = rest.slice(1).map((l) => {
		const i = l.indexOf(': ');
		const label = l.slice(0, i);
		const value = l.slice(i + 2);
		const shown = /^https:\/\/[^\s()<>]+$/.test(value) ? `<${value}>` : markdownText(value);
		return `- **${label}:** ${shown}`;
	});
	return [
		`### ${markdownText(t.title)}`,
		'',
		`*${attribution}*${english ? `  \n*${english}*` : ''}`,
		'',
		...fields,
	].join('\n');
}

/** A string literal both Python and R read back as `s`. */
function quoted(s: string): string {
	return JSON.stringify(s.replace(/\s+/g, ' ').trim());
}

/**
 * A first chart of `df`: one line per region (the first ten) across the periods. It finds its
 * columns by position and name rather than fixing them, so it fits both the long layout and the
 * tidy one (`region`, `period`, `value`): the values are the last column, the periods the one
 * before, the series the `region` column or else the first.
 */
export function chartCode(lang: NotebookLanguage, t: SnippetTable): string {
	const title = quoted(t.title);
	const source = quoted(`${t.lang === 'eng' ? 'Source' : 'Sumber'}: ${t.domainName} — ${t.sourceUrl}`);
	const unit = quoted(t.unit ?? '');
	if (lang === 'r') {
		return [
			'# A first chart: one line per region (the first ten) across the periods.',
			'value_col <- names(df)[ncol(df)]',
			'x_col <- names(df)[ncol(df) - 1]',
			'series_col <- if ("region" %in% names(df)) "region" else names(df)[1]',
			'groups <- head(unique(as.character(df[[series_col]])), 10)',
			'periods <- sort(unique(as.character(df[[x_col]])))',
			'm <- sapply(groups, function(g) {',
			'  part <- df[as.character(df[[series_col]]) == g, ]',
			'  as.numeric(part[[value_col]][match(periods, as.character(part[[x_col]]))])',
			'})',
			'm <- matrix(m, nrow = length(periods))',
			'par(mar = c(6, 4, 3, 1))',
			`matplot(seq_along(periods), m, type = "o", pch = 16, lty = 1, xaxt = "n", xlab = x_col, ylab = ${unit}, main = ${title}, cex.main = 0.9)`,
			'axis(1, at = seq_along(periods), labels = periods)',
			'legend("topleft", legend = groups, col = seq_along(groups), lty = 1, pch = 16, cex = 0.6, bty = "n")',
			`mtext(${source}, side = 1, line = 4.5, adj = 0, cex = 0.6)`,
			'',
		].join('\n');
	}
	return [
		'# A first chart: one line per region (the first ten) across the periods.',
		'import matplotlib.pyplot as plt',
		'',
		'value_col = df.columns[-1]',
		'x_col = df.columns[-2]',
		'series_col = "region" if "region" in df.columns else df.columns[0]',
		'fig, ax = plt.subplots(figsize=(9, 5))',
		'for name in list(dict.fromkeys(df[series_col].astype(str)))[:10]:',
		'    part = df[df[series_col].astype(str) == name].sort_values(x_col, key=lambda s: s.astype(str))',
		'    ax.plot(part[x_col].astype(str), part[value_col], marker="o", label=name)',
		`ax.set_title(${title}, fontsize=10)`,
		`ax.set_ylabel(${unit})`,
		'ax.set_xlabel(x_col)',
		'ax.legend(fontsize="small")',
		`fig.text(0.01, 0.01, ${source}, fontsize=7)`,
		'plt.show()',
		'',
	].join('\n');
}

/** What "New Notebook from Table" puts in: data, a look at it, a chart, then code to refresh it. */
export interface NewNotebookParts {
	lang: NotebookLanguage;
	table: SnippetTable;
	/** The table as a data-frame literal (`df = pd.DataFrame(…)` / `df <- data.frame(…)`). */
	dataCode: string;
	/** Code that fetches the same table from the API into `df`. */
	fetchCode: string;
}

export function newNotebookCells(p: NewNotebookParts): CellSpec[] {
	const en = p.table.lang === 'eng';
	const md = (value: string): CellSpec => ({ kind: 'markdown', language: 'markdown', value });
	const code = (value: string): CellSpec => ({
		kind: 'code',
		language: p.lang,
		value: value.replace(/\n+$/, ''),
	});
	return [
		md(headerMarkdown(p.table)),
		md(en ? '#### The data, as a tidy data frame' : '#### Data, sebagai data frame rapi (tidy)'),
		code(p.dataCode),
		code(p.lang === 'r' ? 'head(df, 20)' : 'df.head(20)'),
		md(en ? '#### A first chart' : '#### Grafik pertama'),
		code(chartCode(p.lang, p.table)),
		md(
			en
				? '#### Fresh data from the BPS API\nSet the `BPS_API_KEY` environment variable to your key, run this cell, then the chart again.'
				: '#### Data terbaru dari API BPS\nIsi variabel lingkungan `BPS_API_KEY` dengan kunci Anda, jalankan sel ini, lalu grafiknya lagi.',
		),
		code(p.fetchCode),
	];
}

/** An nbformat 4.5 notebook (the JSON of an .ipynb file) holding `cells`. */
export function notebookJson(lang: NotebookLanguage, cells: readonly CellSpec[]): string {
	const lines = (s: string) => s.split(/(?<=\n)/);
	const nb = {
		cells: cells.map((c, i) =>
			c.kind === 'markdown'
				? { cell_type: 'markdown', id: `bps-${i}`, metadata: {}, source: lines(c.value) }
				: {
						cell_type: 'code',
						id: `bps-${i}`,
						execution_count: null,
						metadata: {},
						outputs: [],
						source: lines(c.value),
					},
		),
		metadata:
			lang === 'r'
				? {
						kernelspec: { display_name: 'R', language: 'R', name: 'ir' },
						language_info: { name: 'R', file_extension: '.r', mimetype: 'text/x-r-source' },
					}
				: {
						kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
						language_info: { name: 'python', file_extension: '.py', mimetype: 'text/x-python' },
					},
		nbformat: 4,
		nbformat_minor: 5,
	};
	return `${JSON.stringify(nb, null, 1)}\n`;
}
