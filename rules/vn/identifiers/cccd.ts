import { valueRule } from '../../../src/core/rule-base.js';
import type { Finding, RuleOptions, ValueRule } from '../../../src/core/types.js';
import { PROVINCES_2008 } from '../tables/provinces.js';
import { STRUCTURE_MESSAGES } from './_messages.js';
import { identifierText, isDigits, scientificIdentifier, withoutSeparators } from './_text.js';
import { scientificFinding } from './_digits.js';
import { rememberLast } from '../../clean/_remember-last.js';

/** The parts of a 12-digit personal ID number (TT 07/2016/TT-BCA Điều 7): `PPP G YY RRRRRR`. */
export interface CccdParts {
  /** `PPP`: where the birth was registered: `0` + a province code, or a country code for births abroad. */
  readonly province: string;
  /** The 2-digit province code (2008 scheme) when `PPP` is one, else undefined (a country code?). */
  readonly provinceCode: string | undefined;
  readonly provinceName: string | undefined;
  /** `1900 + 100·⌊G/2⌋`. */
  readonly century: number;
  readonly gender: 'Nam' | 'Nữ';
  readonly birthYear: number;
  /** `RRRRRR`. */
  readonly serial: string;
}

const NAMES: ReadonlyMap<string, string> = new Map(PROVINCES_2008.entries.map((p) => [p.code, p.name]));

/**
 * `PPP` and, when it is `0` + a 2008 province code, that code and its name, by the number PPP writes: made once, so
 * that parsing an ID (every row of a register, by four rules) slices and looks up one string, not three.
 */
const PREFIXES: readonly string[] = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const CODES: readonly (string | undefined)[] = Array.from({ length: 100 }, (_, n) => {
  const code = String(n).padStart(2, '0');
  return NAMES.has(code) ? code : undefined;
});

/**
 * Splits a 12-digit personal ID into its parts; `undefined` unless the text is exactly 12 ASCII digits. Does not
 * judge plausibility (unknown province, century digit 4–9): see `cccdPlausible`. The last ID's parts are remembered
 * (cccd, cccdPlausible, idBirthYear and idGender parse a row's ID in turn), so they are frozen.
 * @example parseCccd('001089012345') // { province: '001', provinceCode: '01', provinceName: 'Hà Nội', century: 1900, gender: 'Nam', birthYear: 1989, serial: '012345' }
 */
export const parseCccd: (text: string) => CccdParts | undefined = rememberLast(parse);

function parse(text: string): CccdParts | undefined {
  if (text.length !== 12 || !isDigits(text)) return undefined;
  const g = text.charCodeAt(3) - 48;
  const century = 1900 + 100 * Math.floor(g / 2);
  const prefix = (text.charCodeAt(0) - 48) * 100 + (text.charCodeAt(1) - 48) * 10 + (text.charCodeAt(2) - 48); // digits, checked above
  const code = prefix < 100 ? CODES[prefix] : undefined;
  // Frozen: the memo hands the same parts to several callers.
  return Object.freeze({
    province: PREFIXES[prefix] as string,
    provinceCode: code,
    provinceName: code === undefined ? undefined : NAMES.get(code),
    century,
    gender: g % 2 === 0 ? 'Nam' : 'Nữ',
    birthYear: century + (text.charCodeAt(4) - 48) * 10 + (text.charCodeAt(5) - 48), // digits, checked above
    serial: text.slice(6),
  });
}

export interface CccdOptions extends RuleOptions {
  /**
   * Also accept a 9-digit legacy CMND (an 8-digit value is then its lost leading zero); report CMNDs with
   * `cmndRetired` (criterion live). Default false.
   */
  readonly acceptCmnd?: boolean;
}

/** The messages of `cccd()`'s codes, for rules that report them too (`mst`). */
export const CCCD_MESSAGES = {
  ...STRUCTURE_MESSAGES,
  future_birth_year: {
    en: '{field}: "{value}" encodes a birth year in the future',
    vi: '{field}: "{value}" có năm sinh (theo mã) ở tương lai',
  },
};

/**
 * The value is a well-formed 12-digit personal ID (số định danh cá nhân / CCCD): digits only, 12 of them, and the
 * birth year it encodes is not in the future (for the centuries up to that of `ctx.today`, the run's date; a century digit that puts the
 * whole century ahead is `cccdPlausible`'s warning, not an error). There is no check digit. An 11- or 10-digit value
 * whose left-padded form is well-formed is `leading_zero_lost` with that form as suggestion (a numeric column or a
 * JS number). A value a spreadsheet wrote in scientific notation (`1.08901E+11`) is `scientific_notation`: its last
 * digits are lost (a suggestion only when the mantissa kept every digit). Missing values never reach the rule;
 * surrounding whitespace is ignored (see `trimmed`).
 * Codes: `non_digit_character`, `scientific_notation`, `bad_length`, `leading_zero_lost`, `future_birth_year`.
 * Criterion correct.
 * @example field.text().use(cccd()) // "00108901234" → bad_length; 1089012345 (number) → leading_zero_lost, suggestion "001089012345"
 */
export function cccd(options: CccdOptions = {}): ValueRule {
  const acceptCmnd = options.acceptCmnd === true;
  return valueRule({ options: { acceptCmnd: true }, name: 'cccd', criterion: 'correct', params: { format: 'PPP G YY RRRRRR' }, messages: CCCD_MESSAGES,
    fixes: { leading_zero_lost: 'leading-zero' }, quotingParams: [] },
    (value, ctx): Finding | undefined => {
      const text = identifierText(value);
      return text === undefined ? { code: 'non_digit_character' } : cccdFinding(text, ctx.today, acceptCmnd);
    }, options);
}

/**
 * What `cccd()` reports for an identifier text (already trimmed) at the run's date: its whole check, for rules whose
 * values may be a personal ID (a 12-digit personal tax code, `mst`), so they judge it exactly as `cccd()` does.
 * @example cccdFinding('001299012345', new Date('2026-11-22')) // { code: 'future_birth_year' }
 */
export function cccdFinding(text: string, today: Date, acceptCmnd = false): Finding | undefined {
  const year = today.getUTCFullYear();
  if (text.length > 0 && !isDigits(text)) {
    const sci = scientificIdentifier(text);
    if (sci !== undefined) return scientificFinding(sci, (d) => restored(d, year));
    const bare = withoutSeparators(text);
    return wellFormed(bare, year) ? { code: 'non_digit_character', suggestion: bare } : { code: 'non_digit_character' };
  }
  if (acceptCmnd && text.length === 9) return undefined;
  if (acceptCmnd && text.length === 8) {
    return { code: 'leading_zero_lost', suggestion: `0${text}`, params: { length: 8, expected: 9 } };
  }
  if (text.length === 11 || text.length === 10) {
    const padded = restored(text, year);
    if (padded !== undefined) return { code: 'leading_zero_lost', suggestion: padded, params: { length: text.length, expected: 12 } };
  }
  if (text.length !== 12) return { code: 'bad_length', params: { length: text.length, expected: 12 } };
  return future(text, year) ? { code: 'future_birth_year' } : undefined;
}

/** 10 to 12 digits that, left-padded to 12, are a well-formed ID: that ID (a numeric column drops up to two zeros: `001`). */
function restored(digits: string, year: number): string | undefined {
  if (digits.length < 10 || digits.length > 12) return undefined;
  const padded = digits.padStart(12, '0');
  return wellFormed(padded, year) ? padded : undefined;
}

/**
 * 12 ASCII digits not encoding a future birth year. A module function rather than a closure in the check: a closure
 * would be allocated (and, under esbuild's keepNames, named with `defineProperty`) for every row.
 */
function wellFormed(digits: string, year: number): boolean {
  return digits.length === 12 && isDigits(digits) && !future(digits, year);
}

/** The encoded birth year is after `year`, within a century that has begun (later centuries are implausible). */
function future(digits: string, year: number): boolean {
  const p = parseCccd(digits);
  return p !== undefined && p.century <= year && p.birthYear > year;
}
