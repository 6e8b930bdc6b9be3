import { valueRule } from '../../../src/core/rule-base.js';
import type { Finding, RuleOptions, ValueRule } from '../../../src/core/types.js';
import type { BhytBenefitLevel } from '../tables/bhyt-object-codes.js';
import { isIssuingAgency } from './_province-codes.js';
import { identifierText, withoutSeparators } from './_text.js';
import { rememberLast } from '../../clean/_remember-last.js';

/** The parts of a 15-character health-insurance card code (QĐ 1351/QĐ-BHXH). */
export interface BhytParts {
  /** Two capital letters: the participant's object group (DN, HT, TE…). */
  readonly objectCode: string;
  readonly benefitLevel: BhytBenefitLevel;
  /** Two digits: the issuing province (97, 98: ministry agencies). */
  readonly province: string;
  /** The participant's 10-digit social-insurance number. */
  readonly bhxh: string;
}

const CARD = /^([A-Z]{2})([1-5])(\d{2})(\d{10})$/;

/**
 * Splits a card code `XX L PP NNNNNNNNNN` into its parts; `undefined` unless the text matches exactly (capitals,
 * no spaces). Does not judge the object code or the province. The last code's parts are remembered
 * (bhyt, bhytObjectCode, bhytBenefitLevel, bhytMatchesBhxh and childUnderSix parse a row's code in turn), so they are
 * frozen.
 * @example parseBhyt('DN4010123456789') // { objectCode: 'DN', benefitLevel: 4, province: '01', bhxh: '0123456789' }
 */
export const parseBhyt: (text: string) => BhytParts | undefined = rememberLast(parse);

function parse(text: string): BhytParts | undefined {
  const m = CARD.exec(text);
  if (m === null) return undefined;
  // Frozen: the memo hands the same parts to several callers.
  return Object.freeze({
    objectCode: m[1] ?? '',
    benefitLevel: Number(m[2]) as BhytBenefitLevel,
    province: m[3] ?? '',
    bhxh: m[4] ?? '',
  });
}

const MESSAGES = {
  bad_format: {
    en: '{field}: "{value}" is not a health-insurance card code (2 capital letters, benefit level 1–5, 2-digit province, 10-digit BHXH number)',
    vi: '{field}: "{value}" không phải mã thẻ BHYT (2 chữ in hoa, mức hưởng 1–5, 2 chữ số mã tỉnh, 10 chữ số mã BHXH)',
  },
  unknown_province_code: {
    en: '{field}: "{value}" was issued by province {code}, which is neither a province code nor 97/98',
    vi: '{field}: "{value}" có mã nơi cấp {code}, không phải mã tỉnh cũng không phải 97/98',
  },
};

/**
 * The value is a well-formed health-insurance card code (mã thẻ BHYT, DOMAIN-VN §2.5): two capital letters, a
 * benefit level 1–5, a 2-digit issuing province (a province code of either scheme, or 97/98) and the 10-digit BHXH
 * number. Lower case or inner spaces are `bad_format` with the canonical form as suggestion. Whether the object code
 * is known and the level fits it are warnings (`bhytObjectCode`, `bhytBenefitLevel`); the BHXH number and validity
 * dates are cross-field checks. Missing values never reach the rule; surrounding whitespace is ignored.
 * Codes: `bad_format`, `unknown_province_code`. Criterion correct.
 * @example field.text().use(bhyt()) // "DN4010123456789" passes; "dn4010123456789" → bad_format, suggestion "DN4010123456789"
 */
export function bhyt(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'bhyt', criterion: 'correct', params: { format: 'XX L PP NNNNNNNNNN' }, messages: MESSAGES,
    quotingParams: ['code'] },
    (value): Finding | undefined => {
      const text = identifierText(value);
      if (text === undefined) return { code: 'bad_format' };
      const parts = parseBhyt(text);
      if (parts === undefined) {
        const canonical = withoutSeparators(text).toUpperCase();
        const fixed = parseBhyt(canonical);
        return fixed !== undefined && isIssuingAgency(fixed.province)
          ? { code: 'bad_format', suggestion: canonical }
          : { code: 'bad_format' };
      }
      if (!isIssuingAgency(parts.province)) return { code: 'unknown_province_code', params: { code: parts.province } };
      return undefined;
    }, options);
}
