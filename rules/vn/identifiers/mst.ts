import { valueRule } from '../../../src/core/rule-base.js';
import type { Finding, RuleOptions, ValueRule } from '../../../src/core/types.js';
import { STRUCTURE_MESSAGES } from './_messages.js';
import { CCCD_MESSAGES, cccdFinding } from './cccd.js';
import { identifierText, isDigits, scientificIdentifier } from './_text.js';
import { scientificFinding } from './_digits.js';

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** From this day an individual's tax code is the 12-digit personal ID (DOMAIN-VN §2.3). */
export const PERSONAL_ID_TAX_CODE_FROM = '2025-07-01';

/**
 * The check digit N10 of a tax code from its first nine digits (TT 105/2020/TT-BTC Điều 5): weights
 * 31,29,23,19,17,13,7,5,3, `c = 10 − (Σ mod 11)`. `undefined` when `c` would be 10 (never issued) or the input is
 * not exactly nine digits.
 * @example mstCheckDigit('010010910') // 6
 */
export function mstCheckDigit(first9: string): number | undefined {
  if (first9.length !== 9 || !isDigits(first9)) return undefined;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (first9.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  const c = 10 - (sum % 11);
  return c <= 9 ? c : undefined;
}

export interface MstOptions extends RuleOptions {
  /**
   * Accept an individual's tax code in its 12-digit form from 1/7/2025 (the run's date, `ctx.today`: the date of `now` in the run's time zone): it is the
   * owner's personal ID (DOMAIN-VN §2.3), checked exactly as `cccd()` checks one (12 digits, no future birth year);
   * its birth province and century digit are `cccdPlausible()`'s warnings, so pair the two on a column that may hold
   * personal tax codes. Before 1/7/2025, or with `false`, 12 digits are `bad_format`. Default true.
   */
  readonly acceptPersonalId?: boolean;
}

const MESSAGES = {
  leading_zero_lost: STRUCTURE_MESSAGES.leading_zero_lost,
  scientific_notation: STRUCTURE_MESSAGES.scientific_notation,
  future_birth_year: CCCD_MESSAGES.future_birth_year,
  bad_format: {
    en: '{field}: "{value}" is not a tax code (10 digits, or 10 digits-3 digits for a branch)',
    vi: '{field}: "{value}" không phải mã số thuế (10 chữ số, hoặc 10 chữ số-3 chữ số đối với đơn vị phụ thuộc)',
  },
  bad_check_digit: {
    en: '{field}: "{value}" has a wrong check digit (10th digit)',
    vi: '{field}: "{value}" sai chữ số kiểm tra (chữ số thứ 10)',
  },
  bad_branch_code: {
    en: '{field}: "{value}" has branch number 000, which is never issued',
    vi: '{field}: "{value}" có số thứ tự đơn vị phụ thuộc 000, không được cấp',
  },
};

/**
 * The value is a valid tax code (mã số thuế, DOMAIN-VN §2.3): `NNNNNNNNNN` or `NNNNNNNNNN-BBB` (branch, `000`
 * invalid) with a correct check digit; 13 digits without the dash are accepted here (the missing dash is
 * `mstDashed`'s clean warning). A 9-digit value whose left-padded form is valid is `leading_zero_lost` (suggestion:
 * padded). From 1/7/2025 (`ctx.today`) an individual's 12-digit tax code — their personal ID — is accepted too,
 * checked as `cccd()` checks a personal ID (`future_birth_year`), unless `acceptPersonalId: false`; add
 * `cccdPlausible()` for its province and century-digit warnings. Missing values never reach the rule; surrounding
 * whitespace is ignored; a value a spreadsheet wrote in scientific notation (`1.00109E+11`) is `scientific_notation`.
 * Codes: `bad_format`, `scientific_notation`, `bad_check_digit`, `bad_branch_code`, `leading_zero_lost`,
 * `future_birth_year`. Criterion correct.
 * @example field.text().use(mst(), cccdPlausible()) // "0100109106" passes; "0100109107" → bad_check_digit; "001299012345" → future_birth_year
 */
export function mst(options: MstOptions = {}): ValueRule {
  const acceptPersonalId = options.acceptPersonalId !== false;
  return valueRule({ options: { acceptPersonalId: true }, name: 'mst', criterion: 'correct', params: { format: 'NNNNNNNNNN[-BBB]' }, messages: MESSAGES,
    fixes: { leading_zero_lost: 'leading-zero' }, quotingParams: [] },
    (value, ctx): Finding | undefined => {
      const text = identifierText(value);
      return text === undefined ? { code: 'bad_format' } : mstFinding(text, ctx.today, acceptPersonalId);
    }, options);
}

/** What `mst()` reports for a tax code's text (already trimmed) at the run's date. */
function mstFinding(text: string, today: Date, acceptPersonalId: boolean): Finding | undefined {
  const parts = splitMst(text);
  if (parts === undefined) {
    if (text.length === 9 && isDigits(text) && mstCheckDigit(`0${text.slice(0, 8)}`) === text.charCodeAt(8) - 48) {
      return { code: 'leading_zero_lost', suggestion: `0${text}`, params: { length: 9, expected: 10 } };
    }
    // A 12-digit personal tax code or a 13-digit branch code (dash left out) from a numeric spreadsheet column: the
    // digits as suggestion when the notation kept them all and either they or they with a lost leading zero are
    // valid, not both (`100109106001` is a personal ID, and `0100109106001` a branch code: which one is unknown).
    const sci = scientificIdentifier(text);
    if (sci !== undefined) {
      return scientificFinding(sci, (d) => {
        const valid = [d, `0${d}`].filter((c) => mstFinding(c, today, acceptPersonalId) === undefined);
        return valid.length === 1 ? valid[0] : undefined;
      });
    }
    const personal = acceptPersonalId && text.length === 12 && isDigits(text) &&
      today.toISOString().slice(0, 10) >= PERSONAL_ID_TAX_CODE_FROM;
    // The personal form is a personal ID: judged by cccd()'s own check, so both rules always agree.
    return personal ? cccdFinding(text, today) : { code: 'bad_format' };
  }
  if (mstCheckDigit(parts.code.slice(0, 9)) !== parts.code.charCodeAt(9) - 48) return { code: 'bad_check_digit' };
  if (parts.branch === '000') return { code: 'bad_branch_code' };
  return undefined;
}

/**
 * A tax code's parts: 10-digit code and optional 3-digit branch (dashed, or 13 digits run together); `undefined`
 * for any other shape. The check digit is not verified here.
 * @example splitMst('0100109106-001') // { code: '0100109106', branch: '001' }
 */
export function splitMst(text: string): { readonly code: string; readonly branch: string | undefined } | undefined {
  if (text.length === 10 && isDigits(text)) return { code: text, branch: undefined };
  if (text.length === 13 && isDigits(text)) return { code: text.slice(0, 10), branch: text.slice(10) };
  if (text.length === 14 && text[10] === '-' && isDigits(text.slice(0, 10)) && isDigits(text.slice(11))) {
    return { code: text.slice(0, 10), branch: text.slice(11) };
  }
  return undefined;
}
