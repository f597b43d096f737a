/**
 * "Code that fetches this table": Python (standard library + pandas), R (base + jsonlite) and
 * TypeScript (global fetch). Each requests `list?model=data` for the same domain, variable,
 * periods and language, with the key read from the BPS_API_KEY environment variable (never
 * written into the document), splits the periods by the API's cap (3 on 0000, 2 elsewhere),
 * merges the chunks and decodes `datacontent` with the key rule
 *   key = vervar.val + var.val + turvar.val + tahun.val + turtahun.val
 * over the Cartesian product — like src/api/decode.ts, a key produced by two combinations is
 * ambiguous and left missing. The result is long: vervar, [turvar], tahun, [turtahun], value.
 */
import { REGISTER_URL } from '../constants';
import {
	type CleanTable,
	hashComments,
	jsString,
	metadataLines,
	numLiteral,
	pyString,
	redactKey,
	rString,
} from './common';
import type { SnippetRequest } from './types';

/** Sent with every request: the WAF blocks default library agents, and BPS can see who calls. */
export const SNIPPET_USER_AGENT = 'Mozilla/5.0 (compatible; bps-data-browser-vscode snippet)';

function howTo(lang: 'ind' | 'eng'): string[] {
	return lang === 'eng'
		? [
				'Fetches this table from the BPS WebAPI. Put your API key',
				`(${REGISTER_URL}) in the BPS_API_KEY environment variable.`,
			]
		: [
				'Mengambil tabel ini dari WebAPI BPS. Simpan kunci API Anda',
				`(${REGISTER_URL}) di variabel lingkungan BPS_API_KEY.`,
			];
}

function requestOf(t: CleanTable): SnippetRequest {
	const r = t.request;
	if (!r) throw new TypeError('fetch snippets need table.request (domain, variable, periods, lang)');
	if (!/^[0-9A-Za-z]{1,8}$/.test(r.domain)) throw new RangeError(`invalid domain code: ${r.domain}`);
	const periods = r.periods.map((p) => Math.trunc(p)).filter((p) => Number.isFinite(p) && p >= 0);
	if (!periods.length) throw new RangeError('fetch snippets need at least one period (th id)');
	const baseUrl = redactKey(r.baseUrl).replace(/\/*$/, '/');
	return {
		baseUrl,
		domain: r.domain,
		variable: Math.trunc(r.variable),
		periods,
		lang: r.lang === 'eng' ? 'eng' : 'ind',
	};
}

/** Python 3 (urllib, json) + pandas; `df` holds the table when the script ends. */
export function pythonFetch(t: CleanTable): string[] {
	const r = requestOf(t);
	const head = hashComments([...metadataLines(t), ...howTo(t.lang)], true);
	const body = `import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

import pandas as pd

BASE_URL = ${pyString(r.baseUrl)}
DOMAIN = ${pyString(r.domain)}
VARIABLE = ${numLiteral(r.variable)}
PERIODS = [${r.periods.map(numLiteral).join(', ')}]  # th ids, not years
LANG = ${pyString(r.lang)}
# The API accepts at most 3 periods per call on the national domain, 2 elsewhere.
MAX_PERIODS = 3 if DOMAIN == "0000" else 2
USER_AGENT = ${pyString(SNIPPET_USER_AGENT)}


def fetch_chunk(periods):
    key = os.environ.get("BPS_API_KEY")
    if not key:
        raise RuntimeError("Set the BPS_API_KEY environment variable to your BPS WebAPI key.")
    query = urllib.parse.urlencode(
        {"model": "data", "domain": DOMAIN, "var": VARIABLE,
         "th": ";".join(str(p) for p in periods), "lang": LANG, "key": key},
        safe=";",
    )
    request = urllib.request.Request(
        BASE_URL + "list?" + query,
        headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        text = response.read().decode("utf-8")
    try:
        body = json.loads(text)
    except ValueError:
        raise RuntimeError("BPS WebAPI answered with something other than JSON (blocked?)") from None
    if body is None:
        raise RuntimeError("BPS WebAPI: too much data in one call; request fewer periods.")
    if body.get("status") != "OK":
        raise RuntimeError("BPS WebAPI: " + str(body.get("message")))
    if body.get("data-availability") != "available":
        return None  # no data for these periods
    return body


def to_number(raw):
    try:
        return float(raw)
    except (TypeError, ValueError):
        return float("nan")  # null, "" and "-" mean missing


dims = {"vervar": {}, "turvar": {}, "tahun": {}, "turtahun": {}}
content = {}
var_id = str(VARIABLE)
for i in range(0, len(PERIODS), MAX_PERIODS):
    body = fetch_chunk(PERIODS[i:i + MAX_PERIODS])
    if body is None:
        continue
    var_id = str((body.get("var") or [{"val": VARIABLE}])[0]["val"])
    for name, items in dims.items():
        for item in body.get(name) or []:
            items.setdefault(str(item["val"]), str(item.get("label") or "").strip())
    content.update(body.get("datacontent") or {})

# Keys are concatenated without separators: a key two combinations produce is ambiguous.
combos = [
    (v, tv, th, tt)
    for v in dims["vervar"] for tv in dims["turvar"]
    for th in dims["tahun"] for tt in dims["turtahun"]
]
uses = Counter(v + var_id + tv + th + tt for v, tv, th, tt in combos)
show_turvar = any(tv != "0" for tv in dims["turvar"])
show_turtahun = any(tt != "0" for tt in dims["turtahun"])
records = []
for v, tv, th, tt in combos:
    key = v + var_id + tv + th + tt
    record = {"vervar": dims["vervar"][v]}
    if show_turvar:
        record["turvar"] = dims["turvar"][tv]
    record["tahun"] = dims["tahun"][th]
    if show_turtahun:
        record["turtahun"] = dims["turtahun"][tt]
    record["value"] = to_number(content.get(key)) if uses[key] == 1 else float("nan")
    records.append(record)

columns = ["vervar"] + (["turvar"] if show_turvar else []) + ["tahun"]
columns += (["turtahun"] if show_turtahun else []) + ["value"]
df = pd.DataFrame(records, columns=columns).astype({"value": "float64"})`;
	return [...head, ...body.split('\n')];
}

/** R (base + jsonlite); `df` holds the table when the script ends. */
export function rFetch(t: CleanTable): string[] {
	const r = requestOf(t);
	const head = hashComments([
		...metadataLines(t),
		...howTo(t.lang),
		'install.packages("jsonlite") once if needed.',
	]);
	const body = `base_url <- ${rString(r.baseUrl)}
domain <- ${rString(r.domain)}
variable <- ${numLiteral(r.variable)}
periods <- c(${r.periods.map(numLiteral).join(', ')}) # th ids, not years
lang <- ${rString(r.lang)}
# The API accepts at most 3 periods per call on the national domain, 2 elsewhere.
max_periods <- if (domain == "0000") 3 else 2
user_agent <- ${rString(SNIPPET_USER_AGENT)}

key_part <- function(x) {
  if (is.numeric(x)) format(x, scientific = FALSE, trim = TRUE) else as.character(x)
}

fetch_chunk <- function(th) {
  key <- Sys.getenv("BPS_API_KEY")
  if (!nzchar(key)) stop("Set the BPS_API_KEY environment variable to your BPS WebAPI key.")
  query <- paste0(
    "model=data&domain=", domain, "&var=", key_part(variable),
    "&th=", paste(key_part(th), collapse = ";"), "&lang=", lang,
    "&key=", utils::URLencode(key, reserved = TRUE)
  )
  old <- options(HTTPUserAgent = user_agent)
  on.exit(options(old), add = TRUE)
  con <- url(paste0(base_url, "list?", query), method = "libcurl",
             headers = c(Accept = "application/json"))
  on.exit(close(con), add = TRUE)
  text <- paste(readLines(con, warn = FALSE, encoding = "UTF-8"), collapse = "\\n")
  body <- tryCatch(jsonlite::fromJSON(text, simplifyVector = FALSE),
                   error = function(e) stop("BPS WebAPI answered with something other than JSON (blocked?)"))
  if (is.null(body)) stop("BPS WebAPI: too much data in one call; request fewer periods.")
  if (!identical(body[["status"]], "OK")) stop(paste("BPS WebAPI:", body[["message"]]))
  if (!identical(body[["data-availability"]], "available")) return(NULL)
  body
}

to_number <- function(raw) {
  if (is.null(raw)) return(NA_real_)
  suppressWarnings(as.numeric(raw)) # "" and "-" mean missing
}

dims <- list(vervar = list(), turvar = list(), tahun = list(), turtahun = list())
# An environment is a hash map: lookups stay fast on large tables.
content <- new.env(hash = TRUE)
var_id <- key_part(variable)
for (start in seq(1, length(periods), by = max_periods)) {
  body <- fetch_chunk(periods[start:min(start + max_periods - 1, length(periods))])
  if (is.null(body)) next
  if (length(body[["var"]])) var_id <- key_part(body[["var"]][[1]][["val"]])
  for (name in names(dims)) {
    for (item in body[[name]]) {
      k <- key_part(item[["val"]])
      if (is.null(dims[[name]][[k]])) {
        label <- if (is.null(item[["label"]])) "" else trimws(as.character(item[["label"]]))
        dims[[name]][[k]] <- label
      }
    }
  }
  for (k in names(body[["datacontent"]])) assign(k, body[["datacontent"]][[k]], envir = content)
}

grid <- expand.grid(
  tt = names(dims$turtahun), th = names(dims$tahun), tv = names(dims$turvar), v = names(dims$vervar),
  stringsAsFactors = FALSE
)
grid <- grid[, c("v", "tv", "th", "tt")]
keys <- paste0(grid$v, var_id, grid$tv, grid$th, grid$tt)
# Keys are concatenated without separators: a key two combinations produce is ambiguous.
ambiguous <- keys %in% keys[duplicated(keys)]
values <- vapply(seq_along(keys), function(i) {
  if (ambiguous[i]) NA_real_ else to_number(get0(keys[i], envir = content, inherits = FALSE))
}, numeric(1))
label_of <- function(dim, ids) vapply(ids, function(id) dims[[dim]][[id]], character(1), USE.NAMES = FALSE)
df <- data.frame(vervar = label_of("vervar", grid$v), stringsAsFactors = FALSE)
if (any(names(dims$turvar) != "0")) df$turvar <- label_of("turvar", grid$tv)
df$tahun <- label_of("tahun", grid$th)
if (any(names(dims$turtahun) != "0")) df$turtahun <- label_of("turtahun", grid$tt)
df$value <- values`;
	return [...head, ...body.split('\n')];
}

/** TypeScript for Node 18+ (global fetch); exports `fetchBpsTable()`. */
export function typescriptFetch(t: CleanTable): string[] {
	const r = requestOf(t);
	const head = [...metadataLines(t), ...howTo(t.lang), 'Usage: const rows = await fetchBpsTable();'].map(
		(l) => `// ${l}`,
	);
	const body = `const BASE_URL = ${jsString(r.baseUrl)};
const DOMAIN = ${jsString(r.domain)};
const VARIABLE = ${numLiteral(r.variable)};
const PERIODS = [${r.periods.map(numLiteral).join(', ')}]; // th ids, not years
const LANG = ${jsString(r.lang)};
// The API accepts at most 3 periods per call on the national domain, 2 elsewhere.
const MAX_PERIODS = DOMAIN === '0000' ? 3 : 2;
const USER_AGENT = ${jsString(SNIPPET_USER_AGENT)};

interface BpsItem {
  val: number | string;
  label?: string | null;
}

interface BpsDataResponse {
  status?: string;
  message?: string;
  'data-availability'?: string;
  var?: BpsItem[];
  vervar?: BpsItem[];
  turvar?: BpsItem[];
  tahun?: BpsItem[];
  turtahun?: BpsItem[];
  datacontent?: Record<string, unknown>;
}

export interface BpsRecord {
  vervar: string;
  turvar?: string;
  tahun: string;
  turtahun?: string;
  /** null = missing */
  value: number | null;
}

type Dim = 'vervar' | 'turvar' | 'tahun' | 'turtahun';

async function fetchChunk(th: number[]): Promise<BpsDataResponse | null> {
  const key = process.env.BPS_API_KEY;
  if (!key) throw new Error('Set the BPS_API_KEY environment variable to your BPS WebAPI key.');
  const query = \`model=data&domain=\${DOMAIN}&var=\${VARIABLE}&th=\${th.join(';')}&lang=\${LANG}&key=\${encodeURIComponent(key)}\`;
  const res = await fetch(\`\${BASE_URL}list?\${query}\`, {
    headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
  });
  const text = await res.text();
  let body: BpsDataResponse | null;
  try {
    body = JSON.parse(text) as BpsDataResponse | null;
  } catch {
    throw new Error(\`BPS WebAPI answered HTTP \${res.status} with something other than JSON (blocked?)\`);
  }
  if (body === null) throw new Error('BPS WebAPI: too much data in one call; request fewer periods.');
  if (body.status !== 'OK') throw new Error(\`BPS WebAPI: \${body.message}\`);
  if (body['data-availability'] !== 'available') return null; // no data for these periods
  return body;
}

function toNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string' || raw.trim() === '') return null; // null, "" and "-" mean missing
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

export async function fetchBpsTable(): Promise<BpsRecord[]> {
  const dims: Record<Dim, Map<string, string>> = {
    vervar: new Map(),
    turvar: new Map(),
    tahun: new Map(),
    turtahun: new Map(),
  };
  const content = new Map<string, unknown>();
  let varId = String(VARIABLE);
  for (let i = 0; i < PERIODS.length; i += MAX_PERIODS) {
    const body = await fetchChunk(PERIODS.slice(i, i + MAX_PERIODS));
    if (!body) continue;
    if (body.var?.length) varId = String(body.var[0].val);
    for (const name of Object.keys(dims) as Dim[]) {
      for (const item of body[name] ?? []) {
        const val = String(item.val);
        if (!dims[name].has(val)) dims[name].set(val, String(item.label ?? '').trim());
      }
    }
    for (const [k, x] of Object.entries(body.datacontent ?? {})) content.set(k, x);
  }

  const combos: Array<[string, string, string, string]> = [];
  for (const v of dims.vervar.keys())
    for (const tv of dims.turvar.keys())
      for (const th of dims.tahun.keys())
        for (const tt of dims.turtahun.keys()) combos.push([v, tv, th, tt]);
  // Keys are concatenated without separators: a key two combinations produce is ambiguous.
  const uses = new Map<string, number>();
  for (const [v, tv, th, tt] of combos) {
    const key = v + varId + tv + th + tt;
    uses.set(key, (uses.get(key) ?? 0) + 1);
  }
  const showTurvar = [...dims.turvar.keys()].some((x) => x !== '0');
  const showTurtahun = [...dims.turtahun.keys()].some((x) => x !== '0');
  return combos.map(([v, tv, th, tt]) => {
    const key = v + varId + tv + th + tt;
    return {
      vervar: dims.vervar.get(v) ?? '',
      ...(showTurvar ? { turvar: dims.turvar.get(tv) ?? '' } : {}),
      tahun: dims.tahun.get(th) ?? '',
      ...(showTurtahun ? { turtahun: dims.turtahun.get(tt) ?? '' } : {}),
      value: uses.get(key) === 1 ? toNumber(content.get(key)) : null,
    };
  });
}`;
	return [...head, ...body.split('\n')];
}
