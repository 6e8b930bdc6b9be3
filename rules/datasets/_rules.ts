import { valueRule } from '../../src/core/rule-base.js';
import type { MessageTable } from '../../src/core/message.js';
import type { RuleOptions, TypedRow, ValueRule } from '../../src/core/types.js';
import { diagnoseEncoding } from '../vn/text/legacy-encoding.js';
import { whitespace } from '../vn/text/whitespace.js';
import { vnName } from '../vn/text/vn-name.js';

/**
 * Small rules the two built-in registers need and the catalogue does not have: a confirmed flag reported as `info`,
 * a decimal precision, a year not in the future, and the guard that keeps name-shape checks off mis-decoded text.
 */

/**
 * Options of the cosmetic text checks (stray or doubled spaces, name shape): warnings, since the value is there and
 * right, its form is fixable automatically, and the name-shape check is a heuristic.
 */
export const COSMETIC: RuleOptions = { severity: 'warning' };

const messages: MessageTable = {
  not_verified: {
    en: '{field}: the record is not verified against the authoritative source',
    vi: '{field}: bản ghi chưa được đối chiếu, xác thực với nguồn gốc',
  },
  too_many_decimals: {
    en: '{field}: {value} has more than {decimals} decimal place(s)',
    vi: '{field}: {value} có nhiều hơn {decimals} chữ số thập phân',
  },
};

/**
 * A boolean flag is true: a false value is a finding of severity `info` by default, shown (the share of verified
 * records appears in the report) but never lowering a score. Code `not_verified`; criterion correct (verification
 * against the authoritative source is part of "đúng").
 * @example field.boolean().use(verified()) // false → not_verified (info)
 */
export function verified(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'verified', criterion: 'correct', code: 'not_verified', messages },
    (v) => v !== false, { severity: 'info', ...options });
}

/**
 * A number has at most `decimals` decimal places (cadastral areas are kept to 0.1 m²): more is a non-canonical form,
 * a clean warning. Code `too_many_decimals`.
 * @example field.number().use(maxDecimals(1)) // 120.25 → too_many_decimals
 */
export function maxDecimals(decimals: number, options: RuleOptions = {}): ValueRule {
  const scale = 10 ** decimals;
  return valueRule({ name: 'decimals', criterion: 'clean', code: 'too_many_decimals', messages, params: { decimals } },
    (v) => typeof v !== 'number' || Math.abs(v * scale - Math.round(v * scale)) < 1e-6 * Math.max(1, Math.abs(v)),
    { severity: 'warning', ...options });
}

// Moved beside notInFuture, which uses it on integer fields; kept here for the built-ins that import it.
export { yearNotInFuture } from '../correct/not-in-future.js';

/**
 * A `when` guard: the field's text is not diagnosed as a legacy encoding or mojibake. Name-shape and whitespace
 * checks use it, so that "NguyÔn V¨n" is one `legacyEncoding` finding rather than three findings of one cause.
 * @example vnName({ when: readableText('owner_name') })
 */
export function readableText(field: string): (row: TypedRow) => boolean {
  // Two rules of a field ask in turn about the same value: remember the last answer rather than diagnose twice.
  let last: string | undefined;
  let readable = true;
  return (row) => {
    const v = row[field];
    if (typeof v !== 'string') return true;
    if (v !== last) {
      last = v;
      readable = diagnoseEncoding(v) === undefined;
    }
    return readable;
  };
}

/**
 * The cosmetic checks of a personal-name column: odd whitespace and name shape, as warnings, both skipping text that
 * `legacyEncoding` reports (one guard, so the diagnosis runs once per value).
 * @example field.text().use(nfc(), legacyEncoding(), ...cosmeticNameRules('full_name'))
 */
export function cosmeticNameRules(field: string): ValueRule[] {
  const when = readableText(field);
  return [whitespace({ ...COSMETIC, when }), vnName({ ...COSMETIC, when })];
}
