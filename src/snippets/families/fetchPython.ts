/** The Python fetch code (urllib + pandas) for trade, census and SIMDASI; see fetch.ts for the rules. */
import { type CleanTable, hashComments, metadataLines, numLiteral, pyString } from '../common';
import { howTo, PY_KEY_FROM_ENV, pyGetJson, SNIPPET_USER_AGENT } from '../fetch';
import type { FamilyRequest } from './fetch';

/** The request helper and shared conversions every family's script starts with. */
function prelude(r: FamilyRequest): string {
	return `import json
import os
import re
import urllib.parse
import urllib.request

import pandas as pd

BASE_URL = ${pyString(r.baseUrl)}
USER_AGENT = ${pyString(SNIPPET_USER_AGENT)}


def get_json(path, params):
${PY_KEY_FROM_ENV}
    query = urllib.parse.urlencode(dict(params, key=key), safe=";")
${pyGetJson('path')}
    if not isinstance(body, dict) or body.get("status") != "OK":
        raise RuntimeError("BPS WebAPI: " + str((body or {}).get("message")))
    return body


def inner_of(body):
    # Interoperability answers put their object in data[1].
    data = body.get("data")
    return data[1] if isinstance(data, list) and len(data) > 1 else data


def text_of(value):
    return "" if value is None else str(value).strip()


def to_number(raw):
    try:
        return float(raw)
    except (TypeError, ValueError):
        return float("nan")  # null, "" and "-" mean missing


def year_of(text):
    match = re.search(r"[0-9]{4}", text)
    return int(match.group(0)) if match else None


def int_or_nullable(df, column):
    # int64, or pandas' nullable Int64 when a value is missing.
    return "int64" if df[column].notna().all() else "Int64"
`;
}

function trade(r: Extract<FamilyRequest, { kind: 'trade' }>): string {
	return `FLOW = ${pyString(r.flow)}  # "export" (FOB values) or "import" (CIF values)
HS_CODES = [${r.hs.map(pyString).join(', ')}]
HS_LEVEL = ${r.hsLevel}  # 2 = HS chapters, 8 = full BTKI codes
YEARS = [${r.years.map(numLiteral).join(', ')}]  # one request per year, from 2014 on
MONTHLY = ${r.monthly ? 'True' : 'False'}


def split_code(text):
    # "[03] Fish, crustaceans ..." -> ("03", "Fish, crustaceans ...")
    text = text.strip()
    end = text.find("]")
    if text.startswith("[") and end > 1:
        return text[1:end].strip(), text[end + 1:].strip()
    return "", text


records = []
for year in YEARS:
    body = get_json("dataexim/", {
        "sumber": 1 if FLOW == "export" else 2,
        "periode": 1 if MONTHLY else 2,
        "kodehs": ";".join(HS_CODES),
        "jenishs": 1 if HS_LEVEL == 2 else 2,
        "tahun": year,
    })
    if body.get("data-availability") != "available" or not isinstance(body.get("data"), list):
        continue  # no data for this year
    for row in body["data"]:
        code, description = split_code(text_of(row.get("kodehs")))
        month = split_code(text_of(row.get("bulan")))[0]
        month = int(month) if month.isdigit() and 1 <= int(month) <= 12 else None
        row_year = int(row.get("tahun") or year)
        records.append({
            "year": row_year,
            "month": month,
            "period": "%d-%02d" % (row_year, month) if month else str(row_year),
            "hs_code": code,
            "hs_description": description,
            "port": row.get("pod"),  # None = not on record at BPS (unknown), kept
            "country": row.get("ctr"),
            "value_usd": to_number(row.get("value")),
            "net_weight_kg": to_number(row.get("netweight")),
        })
if not records:
    raise RuntimeError("BPS WebAPI has no trade data for these HS codes and years.")

columns = ["year", "month", "period", "hs_code", "hs_description", "port", "country",
           "value_usd", "net_weight_kg"]
df = pd.DataFrame(records, columns=columns)
df = df.astype({"year": int_or_nullable(df, "year"), "month": int_or_nullable(df, "month"),
                "value_usd": "float64", "net_weight_kg": "float64"})`;
}

function census(r: Extract<FamilyRequest, { kind: 'census' }>): string {
	return `EVENT = ${pyString(r.event)}  # kegiatan
AREAS = [${r.areas.map(numLiteral).join(', ')}]  # wilayah_sensus: one request per area
DATASET = ${numLiteral(r.dataset)}


def domain_of(code):
    # MFD "0" = Indonesia (0000), "35" a province (3500), "3578" a regency/city; others: none.
    if code == "0":
        return "0000"
    if code.isdigit() and len(code) == 2:
        return code + "00"
    if code.isdigit() and len(code) == 4:
        return code
    return None


def categories(row):
    # Up to five dimensions; empty slots are left out. BPS spells "nama_item__kategori" with "__".
    out = []
    for n in range(1, 6):
        if not text_of(row.get("id_kategori_%d" % n)):
            continue
        name = row.get("nama_item__kategori_%d" % n)
        if name is None:
            name = row.get("nama_item_kategori_%d" % n)
        code = text_of(row.get("kode_item_kategori_%d" % n)) or text_of(row.get("id_item_kategori_%d" % n))
        out.append((code, text_of(name)))
    return out


rows = []
for area in AREAS:
    body = get_json("interoperabilitas/datasource/sensus/",
                    {"id": 41, "kegiatan": EVENT, "wilayah_sensus": area, "dataset": DATASET})
    inner = inner_of(body)
    got = inner.get("data") if isinstance(inner, dict) else None
    if body.get("data-availability") != "available" or not got:
        raise RuntimeError("BPS WebAPI has no census data for this dataset in area %s." % area)
    rows.extend(got)  # the areas' rows one after another, area code and name in each

cats = [categories(row) for row in rows]
width = max(len(c) for c in cats)  # category_1 ... category_<width>
records = []
for row, cs in zip(rows, cats):
    code = text_of(row.get("kode_wilayah"))
    period = text_of(row.get("period"))
    record = {"region_code": code, "domain_code": domain_of(code), "region": text_of(row.get("nama_wilayah")),
              "indicator_code": text_of(row.get("id_indikator")),
              "indicator": text_of(row.get("nama_indikator"))}
    for n in range(width):
        record["category_%d_code" % (n + 1)] = cs[n][0] if n < len(cs) else None
        record["category_%d" % (n + 1)] = cs[n][1] if n < len(cs) else None
    record["year"] = year_of(period)
    record["period"] = period or None
    record["value"] = to_number(row.get("nilai"))
    records.append(record)

columns = ["region_code", "domain_code", "region", "indicator_code", "indicator"]
for n in range(1, width + 1):
    columns += ["category_%d_code" % n, "category_%d" % n]
columns += ["year", "period", "value"]
df = pd.DataFrame(records, columns=columns)
df = df.astype({"year": int_or_nullable(df, "year"), "value": "float64"})`;
}

function simdasi(r: Extract<FamilyRequest, { kind: 'simdasi' }>): string {
	return `AREA = ${pyString(r.mfd)}  # 7-digit MFD code
YEARS = [${r.years.map(numLiteral).join(', ')}]  # one request per year
TABLE = ${pyString(r.table)}  # id_tabel
LANG = ${pyString(r.lang)}  # names and units in "ind" or "eng"


def domain_of(mfd):
    # 7-digit MFD -> 4-digit BPS domain: 0000000 -> 0000, 3500000 -> 3500, 3578000 -> 3578.
    if mfd == "0000000":
        return "0000"
    return mfd[:4] if len(mfd) == 7 and mfd.isdigit() and mfd.endswith("000") else None


def year_records(year):
    body = get_json("interoperabilitas/datasource/simdasi/",
                    {"id": 25, "wilayah": AREA, "tahun": year, "id_tabel": TABLE})
    inner = inner_of(body)
    if not isinstance(inner, dict):
        raise RuntimeError("SIMDASI has no data for this table, area and year %d." % year)
    # SIMDASI reports errors inside an OK answer: {"status": 400, "condition": "ERROR", "message": ...}
    try:
        failed = float(inner.get("status", 200)) >= 400
    except (TypeError, ValueError):
        failed = False
    if failed or str(inner.get("condition", "OK")).upper() == "ERROR":
        raise RuntimeError("SIMDASI: " + (text_of(inner.get("message")) or "status %s" % inner.get("status")))
    tables = inner.get("data")
    table = tables[0] if isinstance(tables, list) and tables else tables if isinstance(tables, dict) else inner
    if not isinstance(table, dict) or not table.get("kolom"):
        raise RuntimeError("SIMDASI has no data for this table, area and year %d." % year)

    english = LANG == "eng"
    data_year = int(table.get("tahun_data") or year)
    out = []
    for row in table.get("data") or []:
        code = text_of(row.get("kode_wilayah"))
        cells = row.get("variables") or {}
        for key, meta in table["kolom"].items():
            name = (text_of(meta.get("nama_variabel_en")) if english else "") or text_of(meta.get("nama_variabel")) or key
            unit = (text_of(meta.get("satuan_en")) if english else "") or text_of(meta.get("satuan"))
            out.append({
                "region_code": code,
                "domain_code": domain_of(code),
                "region": text_of(row.get("label")) or text_of(row.get("label_raw")),
                "variable_code": key,
                "variable": name,
                "unit": unit or None,
                "year": data_year,
                "period": str(data_year),
                "value": to_number((cells.get(key) or {}).get("value")),
            })
    return out


records = []
for year in YEARS:  # one request per year; the years' rows bound one after another
    records.extend(year_records(year))

columns = ["region_code", "domain_code", "region", "variable_code", "variable", "unit", "year",
           "period", "value"]
df = pd.DataFrame(records, columns=columns)
df = df.astype({"year": "int64", "value": "float64"})`;
}

/** Python 3 (urllib, json) + pandas; `df` holds the tidy table when the script ends. */
export function pythonFamilyFetch(t: CleanTable, r: FamilyRequest): string[] {
	const head = hashComments([...metadataLines(t), ...howTo(t.lang)], true);
	const body = r.kind === 'trade' ? trade(r) : r.kind === 'census' ? census(r) : simdasi(r);
	return [...head, ...prelude(r).split('\n'), '', ...body.split('\n')];
}
