import { recordRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { PERMANENT_TERM, isPermanentTerm } from './land-use-term.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

export interface ResidentialTermFields {
  /** The land-use type code column. */
  readonly code: string;
  /** The land-use term column (`LAU_DAI` or an end date). */
  readonly term: string;
}

/** Residential land: rural (ONT) and urban (ODT). */
export const RESIDENTIAL_CODES: readonly string[] = ['ONT', 'ODT'];

const messages: MessageTable = {
  residential_term_not_permanent: {
    en: '{field}: residential land ({code}) is used permanently, so the term must be LAU_DAI, not "{value}"',
    vi: '{field}: đất ở ({code}) được sử dụng lâu dài nên thời hạn phải là LAU_DAI, không phải "{value}"',
  },
};

/**
 * Residential land (ONT, ODT) has a permanent term: the term column holds `LAU_DAI` (Luật Đất đai 2024 Điều 171,
 * DOMAIN-VN §4.3). Any other term (an end date, another word) → `residential_term_not_permanent` on the term column,
 * with `LAU_DAI` as suggestion. Runs only on rows where both columns hold values; other land types pass. Both columns
 * are read without their surrounding whitespace (`stripSpaces`; `trimmed` reports it): `"ODT "` is
 * residential land, `"LAU_DAI "` a permanent term.
 * @example vn.residentialTermPermanent({ code: 'land_use_code', term: 'land_use_term' }) // ODT + "01/01/2070" → fails
 */
export function residentialTermPermanent(fields: ResidentialTermFields, options: RuleOptions = {}): RecordRule {
  return recordRule({
    name: 'residentialTermPermanent', criterion: 'correct', code: 'residential_term_not_permanent',
    fields: [fields.code, fields.term], messages, quotingParams: ['code'],
  }, (row) => {
    const raw = row[fields.code];
    const code = typeof raw === 'string' ? stripSpaces(raw) : undefined;
    if (code === undefined || !RESIDENTIAL_CODES.includes(code) || isPermanentTerm(row[fields.term])) return undefined;
    return { code: 'residential_term_not_permanent', field: fields.term, suggestion: PERMANENT_TERM, params: { code } };
  }, options);
}
