/**
 * The hand-written baseline: the checks of bench/_checks.ts (the same ones the DuckDB query runs) as one plain loop
 * over `readCsv(path).batches()`, the parser ddss itself uses. No engine, no plans, no samples: just the predicates
 * and a counter per rule, so `ddss(1 worker) / loop` is the engine's overhead.
 */
import { sub } from 'date-fns';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { PROVINCES_2008, PROVINCES_2025 } from '../rules/vn/tables/provinces.js';
import { COMPARED, GCN_PATTERN, ISO_PATTERN, MISSING_TOKENS, NUMBER_PATTERN, type ComparedId } from './_checks.js';

const TOKENS = new Set(MISSING_TOKENS);
const ZERO_DAY = /^00\/00\/(19|20)[0-9]{2}$/;
const INTEGER = /^[+-]?[0-9]+$/;
const NUMBER = new RegExp(`^${NUMBER_PATTERN}$`);
const DIGITS = /^[0-9]+$/;
const VN_DATE = /^[0-9]{2}\/[0-9]{2}\/[0-9]{4}$/;
const ISO = new RegExp(ISO_PATTERN);
const GCN = new RegExp(`^${GCN_PATTERN}$`);
const ALL_PROVINCES = new Set([...PROVINCES_2008.entries, ...PROVINCES_2025.entries].map((p) => p.code));
const CURRENT_PROVINCES = new Set(PROVINCES_2025.entries.map((p) => p.code));

function edgeBlank(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

function missing(s: string | undefined): boolean {
  if (s === undefined || s === '') return true;
  const t = edgeBlank(s.charCodeAt(0)) || edgeBlank(s.charCodeAt(s.length - 1)) ? s.trim() : s;
  return t === '' || TOKENS.has(t) || ZERO_DAY.test(t);
}

function trimSpace(c: number): boolean {
  return c <= 32 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const untrimmed = (s: string): boolean => trimSpace(s.charCodeAt(0)) || trimSpace(s.charCodeAt(s.length - 1));
const notNfc = (s: string): boolean => s.normalize('NFC') !== s;

function int(s: string): number | undefined {
  if (!INTEGER.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

function num(s: string): number | undefined {
  if (!NUMBER.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

function vnDate(s: string): number | undefined {
  if (!VN_DATE.test(s)) return undefined;
  return utc(Number(s.slice(6, 10)), Number(s.slice(3, 5)), Number(s.slice(0, 2)));
}

function isoMs(s: string): number | undefined {
  const m = ISO.exec(s);
  if (m === null) return undefined;
  const frac = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const base = utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), frac);
  const zone = m[8];
  if (base === undefined || zone === undefined || zone === 'Z') return base;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  if (minutes > 14 * 60) return undefined;
  return base - (zone[0] === '-' ? -1 : 1) * minutes * 60_000;
}

/** Century, birth year and gender encoded in a 12-digit CCCD (DOMAIN-VN §2.1). */
function cccdParts(t: string): { century: number; year: number; gender: 'Nam' | 'Nữ' } | undefined {
  if (t.length !== 12 || !DIGITS.test(t)) return undefined;
  const g = t.charCodeAt(3) - 48;
  const century = 1900 + 100 * Math.floor(g / 2);
  return { century, year: century + Number(t.slice(4, 6)), gender: g % 2 === 0 ? 'Nam' : 'Nữ' };
}

export interface LoopResult {
  readonly rows: number;
  readonly counts: Record<string, number>;
}

/** Validates the land CSV at `path` with the compared checks; resolves to per-rule failure counts. */
export async function runLoop(path: string, nowMs: number): Promise<LoopResult> {
  const year = new Date(nowMs).getUTCFullYear();
  const cutoff = sub(new Date(nowMs), { days: 365 }).getTime();
  const cmndRetired = new Date(nowMs).toISOString().slice(0, 10) > '2024-12-31';
  const counts = Object.fromEntries(COMPARED.map((id) => [id, 0])) as Record<ComparedId, number>;
  const fail = (id: ComparedId): void => { counts[id]++; };
  const parcelIds = new Map<string, number>();
  const serials = new Map<string, number>();
  const parcelKeys = new Map<string, number>();
  const seen = (m: Map<string, number>, k: string): void => { m.set(k, (m.get(k) ?? 0) + 1); };
  let col: Record<string, number> = {};
  let rows = 0;

  for await (const batch of readCsv(path).batches()) {
    if (batch.columns !== undefined) col = Object.fromEntries(batch.columns.map((c, i) => [c, i]));
    const at = (name: string): number => col[name] ?? -1;
    const [cId, cProv, cCommune, cSheet, cParcel, cArea, cCode, cTerm, cName, cOwnerId, cBirth, cGender, cAddr,
      cSerial, cIssue, cReg, cX, cY, cVerified, cUpdated] = ['parcel_id', 'province_code', 'commune_code',
      'map_sheet_no', 'parcel_no', 'area_m2', 'land_use_code', 'land_use_term', 'owner_name', 'owner_id',
      'owner_birth_year', 'owner_gender', 'owner_address', 'gcn_serial', 'gcn_issue_date', 'registered_at', 'x_north',
      'y_east', 'owner_verified', 'updated_at'].map(at) as number[];
    for (const raw of batch.rows) {
      const r = raw as readonly (string | undefined)[];
      const cell = (i: number | undefined): string | undefined => r[i ?? -1];
      rows++;

      const id = cell(cId);
      if (id === undefined || missing(id)) fail('parcel_id.required');
      else {
        if (untrimmed(id)) fail('parcel_id.trimmed');
        seen(parcelIds, id);
      }

      const prov = cell(cProv);
      if (prov === undefined || missing(prov)) fail('province_code.required');
      else {
        const t = prov.trim();
        if (!(t.length === 2 && DIGITS.test(t) && ALL_PROVINCES.has(t))) fail('province_code.province');
        if (!CURRENT_PROVINCES.has(t) && ALL_PROVINCES.has(t)) fail('province_code.provinceCurrent');
      }

      const commune = cell(cCommune);
      const communeOk = commune !== undefined && !missing(commune);
      if (!communeOk) fail('commune_code.required');
      else {
        const t = commune.trim();
        if (!(t.length === 5 && DIGITS.test(t))) fail('commune_code.commune');
      }

      const sheetText = cell(cSheet);
      let sheet: number | undefined;
      if (sheetText === undefined || missing(sheetText)) fail('map_sheet_no.required');
      else if ((sheet = int(sheetText)) === undefined) fail('map_sheet_no.type');
      else if (sheet < 1) fail('map_sheet_no.min');

      const parcelText = cell(cParcel);
      let parcel: number | undefined;
      if (parcelText === undefined || missing(parcelText)) fail('parcel_no.required');
      else if ((parcel = int(parcelText)) === undefined) fail('parcel_no.type');
      else if (parcel < 1) fail('parcel_no.min');
      if (communeOk && sheet !== undefined && parcel !== undefined) seen(parcelKeys, `${commune.length}:${commune}|${sheet}|${parcel}`);

      const areaText = cell(cArea);
      let area: number | undefined;
      if (areaText === undefined || missing(areaText)) fail('area_m2.required');
      else if ((area = num(areaText)) === undefined) fail('area_m2.type');
      else {
        if (!(area > 0)) fail('area_m2.min');
        if (!(Math.abs(area * 10 - Math.round(area * 10)) < 1e-6 * Math.max(1, Math.abs(area)))) fail('area_m2.decimals');
      }

      const code = cell(cCode);
      const codeOk = code !== undefined && !missing(code);
      if (!codeOk) fail('land_use_code.required');

      // The land rules read a code or term without its surrounding whitespace (trimmed reports it).
      const term = cell(cTerm);
      const termOk = term !== undefined && !missing(term);
      const tTerm = termOk ? term.trim() : '';
      const tCode = codeOk ? code.trim() : '';
      if (!termOk) fail('land_use_term.required');
      else if (tTerm !== 'LAU_DAI' && vnDate(tTerm) === undefined) fail('land_use_term.landUseTerm');
      if (codeOk && termOk && (tCode === 'ONT' || tCode === 'ODT') && tTerm !== 'LAU_DAI') fail('residentialTermPermanent');

      const name = cell(cName);
      if (name === undefined || missing(name)) fail('owner_name.required');
      else {
        if (untrimmed(name)) fail('owner_name.trimmed');
        if (notNfc(name)) fail('owner_name.nfc');
      }

      const ownerId = cell(cOwnerId);
      const idOk = ownerId !== undefined && !missing(ownerId);
      const tId = idOk ? ownerId.trim() : '';
      if (!idOk) fail('owner_id.required');
      else {
        const digits = DIGITS.test(tId);
        const parts = cccdParts(tId);
        const future = parts !== undefined && parts.century <= year && parts.year > year;
        if (!(digits && (tId.length === 9 || (tId.length === 12 && !future)))) fail('owner_id.cccd');
        if (cmndRetired && digits && tId.length === 9) fail('owner_id.cmndRetired');
      }

      const birthText = cell(cBirth);
      let birth: number | undefined;
      if (birthText === undefined || missing(birthText)) fail('owner_birth_year.required');
      else if ((birth = int(birthText)) === undefined) fail('owner_birth_year.type');
      else {
        if (birth < 1900) fail('owner_birth_year.min');
        if (birth > year) fail('owner_birth_year.notInFuture');
      }
      const idParts = idOk ? cccdParts(tId) : undefined;
      if (idParts !== undefined && birth !== undefined && idParts.year !== birth) fail('idBirthYear');

      const gender = cell(cGender);
      if (gender === undefined || missing(gender)) fail('owner_gender.required');
      else {
        const listed = gender.trim().normalize('NFC'); // the enum compares trimmed (trim: true) and in NFC
        if (listed !== 'Nam' && listed !== 'Nữ') fail('owner_gender.oneOf');
        const g = gender.trim().normalize('NFC').toLowerCase();
        const stated = g === 'nam' ? 'Nam' : g === 'nữ' ? 'Nữ' : undefined;
        if (idParts !== undefined && stated !== undefined && stated !== idParts.gender) fail('idGender');
      }

      const address = cell(cAddr);
      if (address !== undefined && !missing(address)) {
        if (untrimmed(address)) fail('owner_address.trimmed');
        if (notNfc(address)) fail('owner_address.nfc');
      }

      const serial = cell(cSerial);
      if (serial !== undefined && !missing(serial)) {
        if (!GCN.test(serial.trim())) fail('gcn_serial.gcnSerial');
        seen(serials, serial);
      }

      const issueText = cell(cIssue);
      let issue: number | undefined;
      if (issueText !== undefined && !missing(issueText)) {
        if ((issue = vnDate(issueText)) === undefined) fail('gcn_issue_date.type');
        else if (issue > nowMs) fail('gcn_issue_date.notInFuture');
      }
      const regText = cell(cReg);
      let registered: number | undefined;
      if (regText !== undefined && !missing(regText)) {
        if ((registered = vnDate(regText)) === undefined) fail('registered_at.type');
        else if (registered > nowMs) fail('registered_at.notInFuture');
      }
      if (issue !== undefined && registered !== undefined && issue < registered) fail('registered_at+gcn_issue_date.datesOrdered');

      const x = cell(cX);
      if (x !== undefined && !missing(x) && num(x) === undefined) fail('x_north.type');
      const y = cell(cY);
      if (y !== undefined && !missing(y) && num(y) === undefined) fail('y_east.type');

      const verified = cell(cVerified);
      if (verified !== undefined && !missing(verified)) {
        const v = verified.toLowerCase();
        if (v === 'false' || v === '0' || v === 'no' || v === 'n') fail('owner_verified.verified');
        else if (!(v === 'true' || v === '1' || v === 'yes' || v === 'y')) fail('owner_verified.type');
      }

      const updatedText = cell(cUpdated);
      let updated: number | undefined;
      if (updatedText === undefined || missing(updatedText)) fail('updated_at.required');
      else if ((updated = isoMs(updatedText)) === undefined) fail('updated_at.type');
      else {
        if (updated > nowMs) fail('updated_at.notInFuture');
        if (updated < cutoff) fail('updated_at.within');
      }
    }
  }
  // Every member of a duplicate group fails, as in ddss and the SQL window count.
  const dupRows = (m: Map<string, number>): number => { let n = 0; for (const c of m.values()) if (c > 1) n += c; return n; };
  counts['parcel_id.unique'] = dupRows(parcelIds);
  counts['gcn_serial.unique'] = dupRows(serials);
  counts['commune_code+map_sheet_no+parcel_no.unique'] = dupRows(parcelKeys);
  return { rows, counts };
}
