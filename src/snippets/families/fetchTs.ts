/** The TypeScript fetch code (Node 18+ global fetch) for trade, census and SIMDASI; see fetch.ts. */
import { type CleanTable, jsString, metadataLines, numLiteral } from '../common';
import { howTo, SNIPPET_USER_AGENT } from '../fetch';
import type { FamilyRequest } from './fetch';

/** The request helper and shared conversions every family's module starts with. */
function prelude(r: FamilyRequest): string {
	return `const BASE_URL = ${jsString(r.baseUrl)};
const USER_AGENT = ${jsString(SNIPPET_USER_AGENT)};

type Json = Record<string, unknown>;

async function getJson(path: string, params: Record<string, string | number>): Promise<Json> {
  const key = process.env.BPS_API_KEY;
  if (!key) throw new Error('Set the BPS_API_KEY environment variable to your BPS WebAPI key.');
  const query = Object.entries({ ...params, key })
    .map(([k, v]) => k + '=' + encodeURIComponent(String(v)).replace(/%3B/g, ';'))
    .join('&');
  const res = await fetch(BASE_URL + path + '?' + query, {
    headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error('BPS WebAPI answered HTTP ' + res.status + ' with something other than JSON (blocked?)');
  }
  const b = (body ?? {}) as Json;
  if (b.status !== 'OK') throw new Error('BPS WebAPI: ' + String(b.message));
  return b;
}

/** Interoperability answers put their object in data[1]. */
function innerOf(body: Json): Json | undefined {
  const data = body.data;
  const inner = Array.isArray(data) && data.length > 1 ? data[1] : data;
  return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Json) : undefined;
}

function textOf(x: unknown): string {
  return x === null || x === undefined ? '' : String(x).trim();
}

function toNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string' || raw.trim() === '') return null; // null, "" and "-" mean missing
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

function yearOf(text: string): number | null {
  const m = /[0-9]{4}/.exec(text);
  return m ? Number(m[0]) : null;
}
`;
}

function trade(r: Extract<FamilyRequest, { kind: 'trade' }>): string {
	return `const FLOW: 'export' | 'import' = ${jsString(r.flow)}; // FOB values for exports, CIF for imports
const HS_CODES = [${r.hs.map(jsString).join(', ')}];
const HS_LEVEL: number = ${r.hsLevel}; // 2 = HS chapters, 8 = full BTKI codes
const YEARS = [${r.years.map(numLiteral).join(', ')}]; // one request per year, from 2014 on
const MONTHLY: boolean = ${r.monthly ? 'true' : 'false'};

export interface BpsRecord {
  year: number;
  /** 1-12 on monthly data, else null. */
  month: number | null;
  /** "2024" or "2024-03" */
  period: string;
  hs_code: string;
  hs_description: string;
  /** null = not on record at BPS (unknown) */
  port: string | null;
  country: string | null;
  value_usd: number | null;
  net_weight_kg: number | null;
}

/** "[03] Fish, crustaceans ..." -> ["03", "Fish, crustaceans ..."] */
function splitCode(text: string): [string, string] {
  const end = text.indexOf(']');
  return text.startsWith('[') && end > 1 ? [text.slice(1, end).trim(), text.slice(end + 1).trim()] : ['', text];
}

export async function fetchBpsTable(): Promise<BpsRecord[]> {
  const records: BpsRecord[] = [];
  for (const year of YEARS) {
    const body = await getJson('dataexim/', {
      sumber: FLOW === 'export' ? 1 : 2,
      periode: MONTHLY ? 1 : 2,
      kodehs: HS_CODES.join(';'),
      jenishs: HS_LEVEL === 2 ? 1 : 2,
      tahun: year,
    });
    if (body['data-availability'] !== 'available' || !Array.isArray(body.data)) continue; // no data
    for (const row of body.data as Json[]) {
      const [code, description] = splitCode(textOf(row.kodehs));
      const m = Number(splitCode(textOf(row.bulan))[0]);
      const month = Number.isInteger(m) && m >= 1 && m <= 12 ? m : null;
      const rowYear = Number(row.tahun) || year;
      records.push({
        year: rowYear,
        month,
        period: month === null ? String(rowYear) : rowYear + '-' + String(month).padStart(2, '0'),
        hs_code: code,
        hs_description: description,
        port: typeof row.pod === 'string' ? row.pod : null,
        country: typeof row.ctr === 'string' ? row.ctr : null,
        value_usd: toNumber(row.value),
        net_weight_kg: toNumber(row.netweight),
      });
    }
  }
  if (!records.length) throw new Error('BPS WebAPI has no trade data for these HS codes and years.');
  return records;
}`;
}

function census(r: Extract<FamilyRequest, { kind: 'census' }>): string {
	return `const EVENT = ${jsString(r.event)}; // kegiatan
const AREAS = [${r.areas.map(numLiteral).join(', ')}]; // wilayah_sensus: one request per area
const DATASET = ${numLiteral(r.dataset)};

/** category_1_code, category_1, ... up to category_5: one pair per dimension of the dataset. */
export type BpsRecord = {
  region_code: string;
  domain_code: string | null;
  region: string;
  indicator_code: string;
  indicator: string;
  year: number | null;
  period: string | null;
  value: number | null;
} & Record<string, string | number | null>;

/** MFD "0" = Indonesia (0000), "35" a province (3500), "3578" a regency/city; others: null. */
function domainOf(code: string): string | null {
  if (code === '0') return '0000';
  if (/^[0-9]{2}$/.test(code)) return code + '00';
  return /^[0-9]{4}$/.test(code) ? code : null;
}

/** Up to five dimensions; empty slots are left out. BPS spells "nama_item__kategori" with "__". */
function categories(row: Json): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let n = 1; n <= 5; n++) {
    if (!textOf(row['id_kategori_' + n])) continue;
    const name = row['nama_item__kategori_' + n] ?? row['nama_item_kategori_' + n];
    const code = textOf(row['kode_item_kategori_' + n]) || textOf(row['id_item_kategori_' + n]);
    out.push([code, textOf(name)]);
  }
  return out;
}

export async function fetchBpsTable(): Promise<BpsRecord[]> {
  const rows: Json[] = [];
  for (const area of AREAS) {
    const body = await getJson('interoperabilitas/datasource/sensus/', {
      id: 41,
      kegiatan: EVENT,
      wilayah_sensus: area,
      dataset: DATASET,
    });
    const got = innerOf(body)?.data;
    if (body['data-availability'] !== 'available' || !Array.isArray(got) || !got.length)
      throw new Error('BPS WebAPI has no census data for this dataset in area ' + area + '.');
    rows.push(...(got as Json[])); // the areas' rows one after another, area code and name in each
  }
  const cats = rows.map(categories);
  const width = Math.max(...cats.map((c) => c.length));
  return rows.map((row, i) => {
    const code = textOf(row.kode_wilayah);
    const period = textOf(row.period);
    const rec: Record<string, string | number | null> = {
      region_code: code,
      domain_code: domainOf(code),
      region: textOf(row.nama_wilayah),
      indicator_code: textOf(row.id_indikator),
      indicator: textOf(row.nama_indikator),
    };
    for (let n = 0; n < width; n++) {
      rec['category_' + (n + 1) + '_code'] = cats[i][n]?.[0] ?? null;
      rec['category_' + (n + 1)] = cats[i][n]?.[1] ?? null;
    }
    rec.year = yearOf(period);
    rec.period = period || null;
    rec.value = toNumber(row.nilai);
    return rec as BpsRecord;
  });
}`;
}

function simdasi(r: Extract<FamilyRequest, { kind: 'simdasi' }>): string {
	return `const AREA = ${jsString(r.mfd)}; // 7-digit MFD code
const YEARS = [${r.years.map(numLiteral).join(', ')}]; // one request per year
const TABLE = ${jsString(r.table)}; // id_tabel
const LANG: string = ${jsString(r.lang)}; // names and units in "ind" or "eng"

export interface BpsRecord {
  /** 7-digit MFD code */
  region_code: string;
  /** 4-digit BPS domain; null for districts */
  domain_code: string | null;
  region: string;
  /** the kolom key */
  variable_code: string;
  variable: string;
  unit: string | null;
  year: number;
  period: string;
  value: number | null;
}

/** 7-digit MFD -> 4-digit BPS domain: 0000000 -> 0000, 3500000 -> 3500, 3578000 -> 3578. */
function domainOf(mfd: string): string | null {
  if (mfd === '0000000') return '0000';
  return /^[0-9]{4}000$/.test(mfd) ? mfd.slice(0, 4) : null;
}

async function yearRecords(asked: number): Promise<BpsRecord[]> {
  const body = await getJson('interoperabilitas/datasource/simdasi/', {
    id: 25,
    wilayah: AREA,
    tahun: asked,
    id_tabel: TABLE,
  });
  const inner = innerOf(body);
  if (!inner) throw new Error('SIMDASI has no data for this table, area and year ' + asked + '.');
  // SIMDASI reports errors inside an OK answer: {"status": 400, "condition": "ERROR", "message": ...}
  const status = Number(inner.status);
  if ((Number.isFinite(status) && status >= 400) || textOf(inner.condition).toUpperCase() === 'ERROR')
    throw new Error('SIMDASI: ' + (textOf(inner.message) || 'status ' + String(inner.status)));
  const tables = inner.data;
  const table = (Array.isArray(tables) ? tables[0] : tables && typeof tables === 'object' ? tables : inner) as
    | Json
    | undefined;
  const kolom = table?.kolom as Record<string, Json> | undefined;
  if (!table || !kolom || !Object.keys(kolom).length)
    throw new Error('SIMDASI has no data for this table, area and year ' + asked + '.');
  const english = LANG === 'eng';
  const year = Number(table.tahun_data) || asked;
  const records: BpsRecord[] = [];
  for (const row of (table.data ?? []) as Json[]) {
    const code = textOf(row.kode_wilayah);
    const cells = (row.variables ?? {}) as Record<string, Json>;
    for (const [key, meta] of Object.entries(kolom)) {
      const name = (english ? textOf(meta.nama_variabel_en) : '') || textOf(meta.nama_variabel) || key;
      const unit = (english ? textOf(meta.satuan_en) : '') || textOf(meta.satuan);
      records.push({
        region_code: code,
        domain_code: domainOf(code),
        region: textOf(row.label) || textOf(row.label_raw),
        variable_code: key,
        variable: name,
        unit: unit || null,
        year,
        period: String(year),
        value: toNumber(cells[key]?.value),
      });
    }
  }
  return records;
}

export async function fetchBpsTable(): Promise<BpsRecord[]> {
  const records: BpsRecord[] = [];
  // One request per year; the years' rows bound one after another.
  for (const year of YEARS) records.push(...(await yearRecords(year)));
  return records;
}`;
}

/** TypeScript for Node 18+ (global fetch); exports `fetchBpsTable()` resolving to tidy records. */
export function typescriptFamilyFetch(t: CleanTable, r: FamilyRequest): string[] {
	const head = [...metadataLines(t), ...howTo(t.lang), 'Usage: const rows = await fetchBpsTable();'].map(
		(l) => `// ${l}`,
	);
	const body = r.kind === 'trade' ? trade(r) : r.kind === 'census' ? census(r) : simdasi(r);
	return [...head, ...prelude(r).split('\n'), ...body.split('\n')];
}
