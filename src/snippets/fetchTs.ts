/** The TypeScript fetch snippet (Node 18+ global fetch); see fetch.ts for the shared rules. */
import { type CleanTable, jsString, metadataLines, numLiteral } from './common';
import { howTo, requestOf, SNIPPET_USER_AGENT } from './fetch';

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
  region_code: string;
  region: string;
  /** Only when the table has a derived variable. */
  category_code?: string;
  category?: string;
  year: number | null;
  /** Only when the table has sub-annual periods. */
  subperiod_code?: string;
  subperiod?: string;
  /** "2024", "2024-03", "2024-Q1", "2024-S1" */
  period: string | null;
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

const NUMERALS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const TRIVIAL_LABELS = new Set(['tidak ada', 'tahun', 'none', 'year', 'not available', 'annual']);

/** A lone "0" / "Tidak ada" / "Tahun" item is the API's placeholder for "no such dimension". */
function informative(items: Map<string, string>): boolean {
  if (items.size !== 1) return items.size > 1;
  const [[val, label]] = [...items];
  return val !== '0' && !TRIVIAL_LABELS.has(label.toLowerCase());
}

function yearOf(label: string): number | null {
  const m = /\\d{4}/.exec(label);
  return m ? Number(m[0]) : null;
}

/** turtahun codes: 0, 13, 35 annual; 1-12 months; 31-34 quarters; others read from the label. */
function isoPeriod(year: number | null, code: string, label: string): string | null {
  if (year === null) return null;
  const n = /^\\d+$/.test(code) ? Number(code) : -1;
  if (n >= 1 && n <= 12) return \`\${year}-\${String(n).padStart(2, '0')}\`;
  if (n >= 31 && n <= 34) return \`\${year}-Q\${n - 30}\`;
  const text = label.toLowerCase();
  const s = /(?:semester|paruh)\\s*(ii|i|1|2)\\b/.exec(text);
  if (s) return \`\${year}-S\${NUMERALS[s[1]]}\`;
  const q = /(?:triwulan|quarter|kuartal|kwartal)\\s*(iv|iii|ii|i|[1-4])\\b/.exec(text);
  if (q) return \`\${year}-Q\${NUMERALS[q[1]]}\`;
  return String(year);
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
  const showCategory = informative(dims.turvar);
  const showSubperiod = informative(dims.turtahun);
  return combos.map(([v, tv, th, tt]) => {
    const key = v + varId + tv + th + tt;
    const year = yearOf(dims.tahun.get(th) ?? '');
    const subperiod = dims.turtahun.get(tt) ?? '';
    return {
      region_code: v,
      region: dims.vervar.get(v) ?? '',
      ...(showCategory ? { category_code: tv, category: dims.turvar.get(tv) ?? '' } : {}),
      year,
      ...(showSubperiod ? { subperiod_code: tt, subperiod } : {}),
      period: isoPeriod(year, tt, subperiod),
      value: uses.get(key) === 1 ? toNumber(content.get(key)) : null,
    };
  });
}`;
	return [...head, ...body.split('\n')];
}
