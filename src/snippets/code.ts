/**
 * Code formats that embed the data as a literal: pandas DataFrame, R data.frame, TypeScript and
 * JavaScript arrays of records, SQL `CREATE TABLE` + `INSERT`. Every string goes through the
 * target's literal escaper in common.ts; metadata goes into line comments (`#`, `//`, `--`) whose
 * only terminator, the line break, `metadataLines` has already removed.
 */
import {
	type Cell,
	type CleanTable,
	hashComments,
	jsString,
	metadataLines,
	numLiteral,
	pyString,
	rString,
	sqlIdent,
	sqlString,
} from './common';

/** Packs comma-separated items into lines of about `width` characters. */
function wrap(items: string[], indent: string, width = 88): string[] {
	const out: string[] = [];
	let line = '';
	for (const [i, it] of items.entries()) {
		const piece = it + (i < items.length - 1 ? ',' : '');
		if (line && indent.length + line.length + 1 + piece.length > width) {
			out.push(indent + line);
			line = piece;
		} else line = line ? `${line} ${piece}` : piece;
	}
	if (line) out.push(indent + line);
	return out;
}

/**
 * pandas: `df = pd.DataFrame([...rows], columns=[...])`. Missing cells are `float("nan")` in
 * numeric columns and `None` in text columns; numeric columns are cast to float64 so that an
 * all-missing or empty column still has a numeric dtype.
 */
export function python(t: CleanTable): string[] {
	const cell = (v: Cell, i: number) =>
		v === null
			? t.columns[i].type === 'number'
				? 'float("nan")'
				: 'None'
			: typeof v === 'number'
				? numLiteral(v)
				: pyString(v);
	const lines = [...hashComments(metadataLines(t), true), 'import pandas as pd', '', 'df = pd.DataFrame('];
	if (t.rows.length) {
		lines.push('    [');
		for (const r of t.rows) lines.push(...wrapBracket(r.map(cell), '        ', '[', '],'));
		lines.push('    ],');
	} else lines.push('    [],');
	lines.push(
		...wrapBracket(
			t.columns.map((c) => pyString(c.name)),
			'    ',
			'columns=[',
			'],',
		),
	);
	const numeric = t.columns.flatMap((c, i) => (c.type === 'number' ? [{ c, i }] : []));
	// Whole-number columns (year) are int64, or pandas' nullable Int64 when a cell is missing.
	const dtype = ({ c, i }: { c: (typeof t.columns)[number]; i: number }) =>
		!c.integer ? 'float64' : t.rows.some((r) => r[i] === null) ? 'Int64' : 'int64';
	if (numeric.length) {
		lines.push(').astype(');
		lines.push(
			...wrapBracket(
				numeric.map((x) => `${pyString(x.c.name)}: "${dtype(x)}"`),
				'    ',
				'{',
				'}',
			),
		);
		lines.push(')');
	} else lines.push(')');
	return lines;
}

/** `open` + items + `close` on one line when it fits, else items wrapped below `open`. */
function wrapBracket(
	items: string[],
	indent: string,
	open: string,
	close: string,
	width = 88,
	step = '    ',
): string[] {
	const one = `${indent}${open}${items.join(', ')}${close}`;
	if (one.length <= width) return [one];
	return [indent + open, ...wrap(items, indent + step, width), indent + close];
}

/** Values per R statement in a large table (see {@link r}). */
const R_CHUNK = 240;

/**
 * R: `df <- data.frame(<one vector per column>, stringsAsFactors = FALSE)` then
 * `names(df) <- c(...)`. Setting the names afterwards keeps any label (spaces, "2015",
 * even "check.names") verbatim without clashing with data.frame()'s own arguments.
 * Missing cells are typed NAs (`NA_real_`, `NA_character_`) so column types survive.
 *
 * R reads a script (Rscript, the console, RStudio's Run) one line at a time and parses the whole
 * unfinished expression again at each line, so one expression of thousands of lines takes seconds
 * to minutes. A large table is therefore built column by column in statements of
 * {@link R_CHUNK} values (`.bps_col1 <- c(.bps_col1, ...)`), then put together.
 */
export function r(t: CleanTable): string[] {
	const cols = t.columns.map((c, i) => {
		const num = c.type === 'number';
		const int = num && c.integer;
		const vals = t.rows.map((row) => {
			const v = row[i];
			if (v === null) return int ? 'NA_integer_' : num ? 'NA_real_' : 'NA_character_';
			// `2024L` is an R integer; a plain `2024` would be a double.
			return typeof v === 'number' ? numLiteral(v) + (int ? 'L' : '') : rString(v);
		});
		return { vals, empty: int ? 'integer(0)' : num ? 'numeric(0)' : 'character(0)' };
	});
	const lines = [...hashComments(metadataLines(t))];
	if (t.rows.length <= R_CHUNK) {
		lines.push('df <- data.frame(');
		for (const { vals, empty } of cols) {
			if (!vals.length) lines.push(`  ${empty},`);
			else lines.push(...wrapBracket(vals, '  ', 'c(', '),', 80, '  '));
		}
		lines.push('  stringsAsFactors = FALSE', ')');
	} else {
		const names = cols.map((_, i) => `.bps_col${i + 1}`);
		cols.forEach(({ vals }, i) => {
			for (let k = 0; k < vals.length; k += R_CHUNK) {
				const head = k === 0 ? `${names[i]} <- c(` : `${names[i]} <- c(${names[i]}, `;
				lines.push(...wrapBracket(vals.slice(k, k + R_CHUNK), '', head, ')', 80, '  '));
			}
		});
		lines.push(
			...wrapBracket([...names, 'stringsAsFactors = FALSE'], '', 'df <- data.frame(', ')', 80, '  '),
		);
		lines.push(...wrapBracket(names, '', 'rm(', ')', 80, '  '));
	}
	lines.push(
		...wrapBracket(
			t.columns.map((c) => rString(c.name)),
			'',
			'names(df) <- c(',
			')',
			80,
			'  ',
		),
	);
	return lines;
}

/** An object-literal / interface key: bare when it is an identifier, quoted otherwise. */
function jsKey(name: string, inLiteral: boolean): string {
	// In an object literal, `__proto__: x` (quoted or not) sets the prototype; a computed key does not.
	if (name === '__proto__' && inLiteral) return `[${jsString(name)}]`;
	return /^[A-Za-z_$][\w$]*$/.test(name) ? name : jsString(name);
}

function jsRecords(t: CleanTable): string[] {
	return t.rows.map(
		(r) =>
			`  { ${r.map((v, i) => `${jsKey(t.columns[i].name, true)}: ${v === null ? 'null' : typeof v === 'number' ? numLiteral(v) : jsString(v)}`).join(', ')} },`,
	);
}

function slashComments(t: CleanTable): string[] {
	return metadataLines(t).map((l) => `// ${l}`);
}

/** TypeScript: an interface for the record and a typed array; missing = `null`. */
export function typescript(t: CleanTable): string[] {
	const lines = [...slashComments(t), 'interface BpsRow {'];
	for (const c of t.columns)
		lines.push(`  ${jsKey(c.name, false)}: ${c.type === 'number' ? 'number' : 'string'} | null;`);
	lines.push('}', '');
	if (!t.rows.length) return [...lines, 'const bpsData: BpsRow[] = [];'];
	return [...lines, 'const bpsData: BpsRow[] = [', ...jsRecords(t), '];'];
}

/** JavaScript: an array of records; missing = `null`. */
export function javascript(t: CleanTable): string[] {
	const lines = slashComments(t);
	if (!t.rows.length) return [...lines, 'const bpsData = [];'];
	return [...lines, 'const bpsData = [', ...jsRecords(t), '];'];
}

/** A lower-case ASCII identifier from the title, safe unquoted in every SQL dialect. */
export function sqlTableName(title: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 50)
		.replace(/_+$/, '');
	return slug ? `bps_${slug}` : 'bps_table';
}

/** Rows per INSERT: multi-row VALUES are portable, but some engines cap statement size. */
const SQL_BATCH = 500;

/**
 * SQL: `CREATE TABLE` (TEXT / NUMERIC columns, delimited identifiers) and batched multi-row
 * `INSERT`s. Strings use standard quoting ('' doubling) — MySQL needs NO_BACKSLASH_ESCAPES for
 * labels holding a backslash. Missing = `NULL`.
 */
export function sql(t: CleanTable): string[] {
	const lines = metadataLines(t).map((l) => `-- ${l}`);
	if (!t.columns.length) return lines;
	const name = sqlTableName(t.title);
	lines.push(`CREATE TABLE ${name} (`);
	t.columns.forEach((c, i) =>
		lines.push(
			`  ${sqlIdent(c.name)} ${c.type === 'number' ? (c.integer ? 'INTEGER' : 'NUMERIC') : 'TEXT'}${i < t.columns.length - 1 ? ',' : ''}`,
		),
	);
	lines.push(');');
	const cols = t.columns.map((c) => sqlIdent(c.name)).join(', ');
	for (let b = 0; b < t.rows.length; b += SQL_BATCH) {
		const batch = t.rows.slice(b, b + SQL_BATCH);
		lines.push(`INSERT INTO ${name} (${cols}) VALUES`);
		batch.forEach((r, i) => {
			const vals = r
				.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? numLiteral(v) : sqlString(v)))
				.join(', ');
			lines.push(`  (${vals})${i < batch.length - 1 ? ',' : ';'}`);
		});
	}
	return lines;
}
