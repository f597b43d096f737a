#!/usr/bin/env node
// Regenerates the README's command and setting tables from package.json + package.nls.json, so
// they always say what the manifest says. Writes between the <!-- commands:start/end --> and
// <!-- settings:start/end --> markers in README.md.
// Usage: node scripts/readme-tables.mjs [--check]   (--check: exit 1 when README.md is out of date)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (f) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));
const pkg = read('package.json');
const nls = read('package.nls.json');
const t = (s) => (typeof s === 'string' ? s.replace(/^%(.+)%$/, (m, k) => nls[k] ?? m) : s);
/** Table cells: one line, no unescaped pipes. */
const cell = (s) =>
	String(s)
		.replace(/\s*\n\s*/g, ' ')
		.replace(/\|/g, '\\|');

/** What each command does beyond its title; keep in step with src/commands/*. */
const NOTES = {
	'bps.setApiKey':
		'Asks for the key (or takes it as an argument: `executeCommand("bps.setApiKey", key)`), checks it with one request, stores it in SecretStorage.',
	'bps.clearApiKey': 'Deletes the stored key.',
	'bps.selectRegion': 'Picks Indonesia (`0000`), a province or a regency/city; sets `bps.domain`.',
	'bps.refresh': 'Reloads the catalogue (or one node) from the API, bypassing the cache.',
	'bps.search':
		"Searches the region's tables, publications and press releases, then KBLI/KBKI codes and glossary concepts; `{ query }` pre-fills it.",
	'bps.searchGlossary':
		'Searches BPS glossary concepts and definitions (Indonesian or English); Enter shows the definition, the button inserts it as a quote.',
	'bps.switchLanguage': 'Toggles `bps.language` between Indonesian and English data.',
	'bps.preview':
		'Opens any item (table, publication, press release, indicator, trade query, census dataset, SIMDASI table, code, concept, infographic, news) in a preview panel.',
	'bps.newNotebook':
		'Creates a Jupyter notebook (Python or R) for a dynamic table: the data as a tidy data frame, a first chart and code that fetches fresh data.',
	'bps.addFavourite':
		'Pins the item or trade query (or the active preview, with the years, rows and derived variable it shows) in the Favourites view.',
	'bps.openFavourite': 'Opens a favourite in a preview with the years and view it was pinned with.',
	'bps.checkFavourites':
		'Checks the favourites now (each at most once a day, never offline) for new periods, revised values and updated static tables.',
	'bps.showFavouriteChanges':
		'Opens a changed favourite with the revised cells and new periods highlighted in the grid, and clears the mark.',
	'bps.renameFavourite': 'Renames a favourite.',
	'bps.removeFavourite': 'Removes favourites from the Favourites view.',
	'bps.copyLink':
		'Copies a link (`vscode://bps-data-browser.bps-data-browser/open?domain=…&kind=…&id=…&years=…`) that opens the item, or the active preview with its years, in a preview.',
	'bps.copyCitation':
		'Copies a citation of the item (BibTeX, RIS, CSL-JSON or APA-style text) in the data language; `{ ...item, format, lang }` skips the questions.',
	'bps.insertData':
		'Inserts a table at the cursor as Markdown, CSV, TSV, JSON, pandas, R, TypeScript, SQL or fetch code.',
	'bps.copyId': "Copies the item's id (e.g. the `var` id of a dynamic table).",
	'bps.openOnWebsite': 'Opens the item on bps.go.id.',
	'bps.clearCache': 'Empties the response cache (memory and disk).',
	'bps.showLog': 'Shows the "BPS Data Browser" output channel (keys are redacted).',
};

function commandsTable() {
	const rows = ['| Command | Id | What it does |', '| --- | --- | --- |'];
	for (const c of pkg.contributes.commands) {
		rows.push(
			`| ${cell(`${t(c.category)}: ${t(c.title)}`)} | \`${c.command}\` | ${cell(NOTES[c.command] ?? '')} |`,
		);
	}
	return rows.join('\n');
}

function settingsTable() {
	const rows = ['| Setting | Default | Description |', '| --- | --- | --- |'];
	for (const [key, p] of Object.entries(pkg.contributes.configuration.properties)) {
		const def = p.default === undefined ? "(VS Code's display language)" : `\`${JSON.stringify(p.default)}\``;
		let desc = t(p.markdownDescription ?? p.description ?? '');
		if (p.enum) desc += ` One of: ${p.enum.map((e) => `\`${e}\``).join(', ')}.`;
		if (p.minimum !== undefined && p.maximum !== undefined) desc += ` Range: ${p.minimum}–${p.maximum}.`;
		else if (p.minimum !== undefined) desc += ` Minimum: ${p.minimum}.`;
		rows.push(`| \`${key}\` | ${def} | ${cell(desc)} |`);
	}
	return rows.join('\n');
}

function replaceBetween(text, name, body) {
	const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
	if (!re.test(text))
		throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
	return text.replace(re, (_m, a, b) => `${a}\n${body}\n${b}`);
}

const file = path.join(root, 'README.md');
const before = fs.readFileSync(file, 'utf8');
const after = replaceBetween(
	replaceBetween(before, 'commands', commandsTable()),
	'settings',
	settingsTable(),
);
if (process.argv.includes('--check')) {
	if (after !== before) {
		console.error('README.md tables are out of date: run `node scripts/readme-tables.mjs`');
		process.exit(1);
	}
	console.log('README.md tables are up to date');
} else if (after !== before) {
	fs.writeFileSync(file, after);
	console.log('README.md tables updated');
}
