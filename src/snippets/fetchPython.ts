/** The Python fetch snippet (standard library + pandas); see fetch.ts for the shared rules. */
import { type CleanTable, hashComments, metadataLines, numLiteral, pyString } from './common';
import { howTo, PY_KEY_FROM_ENV, pyGetJson, requestOf, SNIPPET_USER_AGENT } from './fetch';

/** Python 3 (urllib, json) + pandas; `df` holds the table when the script ends. */
export function pythonFetch(t: CleanTable): string[] {
	const r = requestOf(t);
	const head = hashComments([...metadataLines(t), ...howTo(t.lang)], true);
	const body = `import json
import os
import re
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
${PY_KEY_FROM_ENV}
    query = urllib.parse.urlencode(
        {"model": "data", "domain": DOMAIN, "var": VARIABLE,
         "th": ";".join(str(p) for p in periods), "lang": LANG, "key": key},
        safe=";",
    )
${pyGetJson('"list"')}
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


NUMERALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
TRIVIAL_LABELS = {"tidak ada", "tahun", "none", "year", "not available", "annual"}


def informative(items):
    # A lone "0" / "Tidak ada" / "Tahun" item is the API's placeholder for "no such dimension".
    return len(items) > 1 or any(
        val != "0" and label.lower() not in TRIVIAL_LABELS for val, label in items.items()
    )


def year_of(label):
    match = re.search(r"\\d{4}", label)
    return int(match.group(0)) if match else None


def iso_period(year, code, label):
    # turtahun codes: 0, 13, 35 annual; 1-12 months; 31-34 quarters; others read from the label.
    if year is None:
        return None
    number = int(code) if code.isdigit() else -1
    if 1 <= number <= 12:
        return "%d-%02d" % (year, number)
    if 31 <= number <= 34:
        return "%d-Q%d" % (year, number - 30)
    text = label.lower()
    match = re.search(r"(?:semester|paruh)\\s*(ii|i|1|2)\\b", text)
    if match:
        return "%d-S%d" % (year, NUMERALS[match.group(1)])
    match = re.search(r"(?:triwulan|quarter|kuartal|kwartal)\\s*(iv|iii|ii|i|[1-4])\\b", text)
    if match:
        return "%d-Q%d" % (year, NUMERALS[match.group(1)])
    return str(year)


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
show_category = informative(dims["turvar"])
show_subperiod = informative(dims["turtahun"])
records = []
for v, tv, th, tt in combos:
    key = v + var_id + tv + th + tt
    record = {"region_code": v, "region": dims["vervar"][v]}
    if show_category:
        record["category_code"] = tv
        record["category"] = dims["turvar"][tv]
    record["year"] = year_of(dims["tahun"][th])
    if show_subperiod:
        record["subperiod_code"] = tt
        record["subperiod"] = dims["turtahun"][tt]
    record["period"] = iso_period(record["year"], tt, dims["turtahun"][tt])
    record["value"] = to_number(content.get(key)) if uses[key] == 1 else float("nan")
    records.append(record)

columns = ["region_code", "region"] + (["category_code", "category"] if show_category else [])
columns += ["year"] + (["subperiod_code", "subperiod"] if show_subperiod else []) + ["period", "value"]
df = pd.DataFrame(records, columns=columns)
# year: int64 (pandas' nullable Int64 if a label named no year); value: float64, NaN = missing.
df = df.astype({"year": "int64" if df["year"].notna().all() else "Int64", "value": "float64"})`;
	return [...head, ...body.split('\n')];
}
