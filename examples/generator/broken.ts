import { fires, nfd } from './_expect.js';
import { accented } from './land-defects.js';
import { generateLand, LAND_COLUMNS } from './land.js';
import { generateInsurance, INSURANCE_COLUMNS } from './insurance.js';
import { manifestBuilder, type Manifest } from './manifest.js';
import { tcvn3Bytes } from './_vn.js';
import { DEFAULT_NOW } from './table.js';

/**
 * Small files shaped like the broken exports agencies really send: a TCVN3-encoded file, a file whose names are
 * decomposed (NFD), and a file that went through Excel (lost leading zeros, scientific notation, dates as serial
 * numbers, BOM and CRLF). Built from valid generated rows, with a manifest of the findings each must produce.
 */

export interface BrokenFile {
  /** File name under `examples/broken/`. */
  readonly name: string;
  readonly bytes: Buffer;
  readonly manifest?: Manifest;
}

const SEED = 7;
const ROWS = 12;

/** Rows of a valid generated table, as objects (the generator writes no quoted commas in these columns). */
function validRows(lines: Iterable<string>, columns: readonly string[]): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  let header = true;
  for (const line of lines) {
    if (header) { header = false; continue; }
    const cells = splitCsv(line);
    out.push(Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])));
  }
  return out;
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, string>>, eol: string): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? '')).join(','))].join(eol) + eol;
}

/** Days since 30/12/1899: how Excel stores a date. */
function excelSerial(ddmmyyyy: string): string {
  const [d, m, y] = ddmmyyyy.split('/').map(Number) as [number, number, number];
  return String(Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000));
}

/** A land file saved by a TCVN3 (ABC) system: read it with `{ encoding: 'tcvn3' }`. */
function tcvn3File(): BrokenFile {
  const land = generateLand({ rows: ROWS, seed: SEED, defects: 0 });
  const rows = validRows(land.lines, LAND_COLUMNS);
  return { name: 'parcels-tcvn3.csv', bytes: tcvn3Bytes(toCsv(LAND_COLUMNS, rows, '\r\n')) };
}

/** An insurance file whose names were typed with a combining-accent keyboard setting (NFD). */
function nfdFile(): BrokenFile {
  const ins = generateInsurance({ rows: ROWS, seed: SEED, defects: 0 });
  const rows = validRows(ins.lines, INSURANCE_COLUMNS);
  const m = manifestBuilder();
  rows.forEach((r, i) => {
    r.full_name = nfd(accented(r.full_name as string, r.gender as string));
    m.expect(i, r.bhxh_no as string, 'nfd_full_name', [fires('full_name.nfc', 'clean')]);
  });
  return {
    name: 'participants-nfd.csv',
    bytes: Buffer.from(toCsv(INSURANCE_COLUMNS, rows, '\n'), 'utf8'),
    manifest: m.build({ dataset: 'insurance-participants', seed: SEED, rows: ROWS, now: DEFAULT_NOW, rates: {} }),
  };
}

/** A land file opened and saved in Excel: numeric columns lose leading zeros, long numbers turn scientific. */
function excelFile(): BrokenFile {
  // One parcel from each of 12 map-sheet blocks, so several provinces appear; two of them with a 0-led code.
  const land = generateLand({ rows: ROWS * 40, seed: SEED, defects: 0 });
  const rows = validRows(land.lines, LAND_COLUMNS).filter((_, i) => i % 40 === 0);
  for (const [i, code] of [[0, '01'], [6, '08']] as const) {
    const r = rows[i] as Record<string, string>;
    r.province_code = code;
    r.commune_code = `${code}${(r.commune_code as string).slice(2)}`;
  }
  const m = manifestBuilder();
  rows.forEach((r, i) => {
    const key = r.parcel_id as string;
    const numeric = (c: 'province_code' | 'commune_code'): boolean => {
      const before = r[c] as string;
      r[c] = String(Number(before));
      return r[c] !== before;
    };
    if (numeric('province_code')) m.expect(i, key, 'province_lost_zero', [fires('province_code.province', 'correct')]);
    if (numeric('commune_code')) m.expect(i, key, 'commune_lost_zero', [fires('commune_code.commune', 'correct')]);
    r.owner_id = i === 3 ? '1.00109E+11' : String(Number(r.owner_id));
    m.expect(i, key, i === 3 ? 'id_scientific' : 'id_lost_zero', [fires('owner_id.cccd', 'correct')]);
    const dateColumn = i % 4 === 1 ? 'registered_at' : i % 4 === 2 ? 'gcn_issue_date' : undefined;
    if (dateColumn !== undefined && r[dateColumn] !== '') {
      r[dateColumn] = excelSerial(r[dateColumn] as string);
      m.expect(i, key, 'date_as_serial', [fires(`${dateColumn}.type`, 'correct'), fires(`${dateColumn}.excelSerial`, 'correct')]);
    }
  });
  return {
    name: 'parcels-excel.csv',
    bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv(LAND_COLUMNS, rows, '\r\n'), 'utf8')]),
    manifest: m.build({ dataset: 'land-parcels', seed: SEED, rows: ROWS, now: DEFAULT_NOW, rates: {} }),
  };
}

/**
 * The broken example files, deterministic (fixed seed): what `examples/broken/` holds.
 * @example for (const f of brokenFiles()) writeFileSync(`examples/broken/${f.name}`, f.bytes)
 */
export function brokenFiles(): readonly BrokenFile[] {
  return [tcvn3File(), nfdFile(), excelFile()];
}
