import { valueRule } from '../../../src/core/rule-base.js';
import { compileDateFormat } from '../../../src/core/date-format.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

/** The land-use term of land used without time limit ("lâu dài"). */
export const PERMANENT_TERM = 'LAU_DAI';

export interface LandUseTermOptions extends RuleOptions {
  /** Date format of a term end (date-fns tokens). Default `dd/MM/yyyy`. */
  readonly format?: string;
}

const messages: MessageTable = {
  invalid_land_use_term: {
    en: '{field}: "{value}" is neither LAU_DAI (permanent) nor an end date ({format})',
    vi: '{field}: "{value}" không phải LAU_DAI (lâu dài) hoặc ngày hết hạn sử dụng đất ({format})',
  },
};

/**
 * A land-use term is `LAU_DAI` (permanent use) or a valid end date in `format` (default `dd/MM/yyyy`, no rollover:
 * `31/02/2070` fails). Dates given as `Date` objects pass. Anything else → `invalid_land_use_term`. Text is judged
 * without its surrounding whitespace (what `stripSpaces` removes, as `cccd` ignores it): `"LAU_DAI "` is a
 * right term whose stray space `trimmed` reports.
 * @example field.text().use(vn.landUseTerm()) // "LAU_DAI" and "15/10/2063" pass; "lâu dài" → invalid_land_use_term
 */
export function landUseTerm(options: LandUseTermOptions = {}): ValueRule {
  const format = options.format ?? 'dd/MM/yyyy';
  const parse = compileDateFormat(format);
  return valueRule({ options: { format: true }, name: 'landUseTerm', criterion: 'correct', code: 'invalid_land_use_term', messages, params: { format } },
    (v) => (v instanceof Date && !Number.isNaN(v.getTime())) ||
      (typeof v === 'string' && (isPermanentTerm(v) || !Number.isNaN(parse(stripSpaces(v))))), options);
}

/**
 * The term is `LAU_DAI`, surrounding whitespace aside (`stripSpaces`, as the land rules read codes).
 * @example isPermanentTerm('LAU_DAI ') // true
 */
export function isPermanentTerm(v: unknown): boolean {
  return typeof v === 'string' && (v === PERMANENT_TERM || stripSpaces(v) === PERMANENT_TERM);
}

/**
 * The end of a term given as text in `format` (surrounding whitespace aside) or as a `Date`, in epoch ms; NaN for
 * `LAU_DAI` or unreadable text. Milliseconds rather than a `Date`: it is compared once a row.
 * @example termEndMs('15/10/2063', compileDateFormat('dd/MM/yyyy')) // Date.UTC(2063, 9, 15)
 */
export function termEndMs(v: unknown, parse: (text: string) => number): number {
  if (v instanceof Date) return v.getTime();
  if (typeof v !== 'string' || isPermanentTerm(v)) return NaN;
  return parse(stripSpaces(v));
}
