import { BHYT_OBJECT_CODES, type BhytObjectTable } from '../tables/bhyt-object-codes.js';
import { tableAt } from '../tables/dated.js';
import { PROVINCES_2008 } from '../tables/provinces.js';
import { mstCheckDigit } from './mst.js';
import { LEGACY_MOBILE_PREFIXES, phoneKind } from './phone.js';
import { POSTAL_PREFIXES_2018 } from './postal-prefixes.js';

/**
 * Generators of valid Vietnamese identifiers for tests and synthetic example data. Each takes a random source
 * (`() => number` in [0, 1), e.g. `seededRng(42)`) so data sets are reproducible.
 */
export type Rng = () => number;

/** A small seeded random source (mulberry32): the same seed gives the same sequence on every machine. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(rng: Rng, list: readonly T[]): T {
  const v = list[int(rng, 0, list.length - 1)];
  if (v === undefined) throw new Error('pick from an empty list');
  return v;
}

/** `n` random digits. */
export function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(int(rng, 0, 9));
  return s;
}

const PROVINCE_CODES = PROVINCES_2008.entries.map((p) => p.code);

export interface CccdSpec {
  /** 1900–2199 (century digit 0–3). Default: 1930–2024. */
  readonly birthYear?: number;
  readonly gender?: 'Nam' | 'Nữ';
  /** 2-digit province code (2008 scheme) of the birth registration. */
  readonly province?: string;
}

/**
 * A valid, plausible 12-digit personal ID; fix birth year, gender or province to match a generated person.
 * @example validCccd(seededRng(1), { birthYear: 1989, gender: 'Nam', province: '01' }) // '001089……'
 */
export function validCccd(rng: Rng, spec: CccdSpec = {}): string {
  const year = spec.birthYear ?? int(rng, 1930, 2024);
  if (!Number.isInteger(year) || year < 1900 || year > 2199) throw new RangeError(`birth year ${year} outside 1900–2199`);
  const gender = spec.gender ?? (rng() < 0.5 ? 'Nam' : 'Nữ');
  const g = 2 * Math.floor((year - 1900) / 100) + (gender === 'Nam' ? 0 : 1);
  const province = spec.province ?? pick(rng, PROVINCE_CODES);
  return `0${province}${g}${String(year % 100).padStart(2, '0')}${digits(rng, 6)}`;
}

/** A well-formed legacy 9-digit CMND. */
export function validCmnd(rng: Rng): string {
  return digits(rng, 9);
}

/**
 * A tax code with a correct check digit; with `branch`, a dependent unit's `NNNNNNNNNN-BBB` (BBB ≠ 000).
 * @example validMst(seededRng(1), { branch: true }) // '01……-0..'
 */
export function validMst(rng: Rng, spec: { readonly branch?: boolean } = {}): string {
  for (;;) {
    const first9 = pick(rng, PROVINCE_CODES) + digits(rng, 7);
    const c = mstCheckDigit(first9);
    if (c === undefined) continue;
    return spec.branch === true ? `${first9}${c}-${String(int(rng, 1, 999)).padStart(3, '0')}` : `${first9}${c}`;
  }
}

/** A 10-digit social-insurance number with a plausible issuing-agency prefix. */
export function validBhxh(rng: Rng): string {
  return pick(rng, [...PROVINCE_CODES, '97', '98']) + digits(rng, 8);
}

export interface BhytSpec {
  /** The participant's BHXH number (default: a new one). */
  readonly bhxh?: string;
  /** A verified object code (default: random). */
  readonly objectCode?: string;
  /** The date whose object-code table gives the benefit level (default: the latest table). */
  readonly at?: Date;
}

/**
 * A card code whose object code is verified and whose benefit level is that code's default level.
 * @example validBhyt(seededRng(1), { objectCode: 'HT', bhxh: '0123456789' }) // 'HT3..0123456789'
 */
export function validBhyt(rng: Rng, spec: BhytSpec = {}): string {
  const table = spec.at === undefined ? BHYT_OBJECT_CODES[BHYT_OBJECT_CODES.length - 1] : tableAt(BHYT_OBJECT_CODES, spec.at);
  if (table === undefined) throw new RangeError('no object-code table in force at that date');
  const entries: BhytObjectTable = table.entries;
  const verified = Object.keys(entries).filter((c) => entries[c]?.verified === true);
  const code = spec.objectCode ?? pick(rng, verified);
  const level = entries[code]?.defaultLevel;
  if (level === undefined) throw new RangeError(`object code ${code} has no default level`);
  return `${code}${level}${pick(rng, [...PROVINCE_CODES, '97', '98'])}${spec.bhxh ?? validBhxh(rng)}`;
}

const MOBILE_PREFIXES = ['032', '033', '034', '035', '036', '037', '038', '039', '056', '058', '059', '070', '076',
  '077', '078', '079', '081', '082', '083', '084', '085', '086', '088', '090', '091', '093', '094', '096', '097',
  '098'];
const LANDLINE_PREFIXES = ['0243', '0246', '0283', '0282', '0236', '0225'];

function retry(rng: Rng, make: (rng: Rng) => string, ok: (s: string) => boolean): string {
  for (let i = 0; i < 1000; i++) {
    const s = make(rng);
    if (ok(s)) return s;
  }
  throw new Error('no valid number generated in 1000 tries');
}

/**
 * A valid phone number in national form (by libphonenumber-js's metadata): a 10-digit mobile by default, or an
 * 11-digit landline.
 * @example validPhone(seededRng(1)) // '09……'
 */
export function validPhone(rng: Rng, spec: { readonly kind?: 'mobile' | 'landline' } = {}): string {
  if (spec.kind === 'landline') {
    return retry(rng, (r) => pick(r, LANDLINE_PREFIXES) + digits(r, 7), (s) => phoneKind(s) === 'landline');
  }
  return retry(rng, (r) => pick(r, MOBILE_PREFIXES) + digits(r, 7), (s) => phoneKind(s) === 'mobile');
}

/** A legacy 11-digit mobile number whose current 10-digit form is valid (for liveness examples). */
export function legacyPhone(rng: Rng): string {
  const prefixes = [...LEGACY_MOBILE_PREFIXES.entries()];
  return retry(rng, (r) => {
    const [from, to] = pick(r, prefixes);
    const rest = digits(r, 7);
    return phoneKind(to + rest) === 'mobile' ? from + rest : '';
  }, (s) => s !== '');
}

/** A 5-digit postal code with a province prefix. */
export function validPostalCode(rng: Rng): string {
  return pick(rng, [...POSTAL_PREFIXES_2018.entries.keys()]) + digits(rng, 3);
}
