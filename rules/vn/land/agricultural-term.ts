import { recordRule } from '../../../src/core/rule-base.js';
import { DATES, kindsByField } from '../../../src/core/field-kinds.js';
import { compileDateFormat } from '../../../src/core/date-format.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { addYearsUtcMs, isoDay } from '../dates/_calendar.js';
import { isPermanentTerm, termEndMs } from './land-use-term.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

export interface AgriculturalTermFields {
  /** The land-use type code column. */
  readonly code: string;
  /** The land-use term column (`LAU_DAI` or an end date). */
  readonly term: string;
  /** The date the term starts from (e.g. the certificate issue date), a date field. */
  readonly issueDate: string;
}

export interface AgriculturalTermOptions extends RuleOptions {
  /** Date format of a term written as text. Default `dd/MM/yyyy`. */
  readonly format?: string;
  /** Land-use codes with the 50-year term. Default `AGRICULTURAL_TERM_CODES`. */
  readonly codes?: readonly string[];
}

/** Agricultural land allocated to individuals within the quota: 50-year term (Luật Đất đai 2024 Điều 172). */
export const AGRICULTURAL_TERM_CODES: readonly string[] = ['LUC', 'LUK', 'HNK', 'CLN', 'NTS', 'LMU', 'RSX'];
export const AGRICULTURAL_TERM_YEARS = 50;

const messages: MessageTable = {
  agricultural_term_too_long: {
    en: '{field}: the term of agricultural land ({code}) ends on {value}, more than {years} years after {start}',
    vi: '{field}: thời hạn sử dụng đất nông nghiệp ({code}) kết thúc ngày {value}, quá {years} năm kể từ ngày {start}',
  },
  agricultural_term_permanent: {
    en: '{field}: the term of agricultural land ({code}) is "{value}", unlimited, where land allocated within the quota has a term of at most {years} years',
    vi: '{field}: thời hạn sử dụng đất nông nghiệp ({code}) là "{value}" (lâu dài, không thời hạn), trong khi đất giao trong hạn mức có thời hạn tối đa {years} năm',
  },
};

/**
 * The term of agricultural land within the quota (LUC, LUK, HNK, CLN, NTS, LMU, RSX) ends at most 50 years after its
 * start (DOMAIN-VN §4.3): end ≤ start + 50 years, compared as UTC days (29/02 + 50 years = 28/02). A longer term →
 * `agricultural_term_too_long` on the term column; a permanent one, `LAU_DAI` (no end at all), →
 * `agricultural_term_permanent` on the term column, whether or not the row has a start date. Whether a parcel is
 * within the quota or the RSX forest is planted is not in the data, so the rule's severity is `warning`. Unreadable
 * terms pass (the term format is `landUseTerm`'s concern); rows missing the code or the term are not checked, and a
 * dated term is compared only where the start date is valid. The code and the term are read without their
 * surrounding whitespace (`stripSpaces`; `trimmed` reports it).
 * `issueDate` must be a date or datetime field: another type is refused when the dataset is defined.
 * @example vn.agriculturalTerm({ code: 'land_use_code', term: 'land_use_term', issueDate: 'gcn_issue_date' }) // LUC + "LAU_DAI" → agricultural_term_permanent
 */
export function agriculturalTerm(fields: AgriculturalTermFields, options: AgriculturalTermOptions = {}): RecordRule {
  const parse = compileDateFormat(options.format ?? 'dd/MM/yyyy');
  const codes = options.codes ?? AGRICULTURAL_TERM_CODES;
  return recordRule({
    options: { format: true, codes: true }, name: 'agriculturalTerm', criterion: 'correct', code: 'agricultural_term_too_long',
    // The start date is read, not required: a permanent term is wrong on a parcel without a certificate date too.
    fields: [fields.code, fields.term], reads: [fields.issueDate], messages, params: { years: AGRICULTURAL_TERM_YEARS },
    quotingParams: ['code', 'start'], fieldKinds: kindsByField([[fields.issueDate, DATES]]),
  }, (row) => {
    const raw = row[fields.code];
    const code = typeof raw === 'string' ? stripSpaces(raw) : undefined;
    if (code === undefined || !codes.includes(code)) return undefined;
    const term = row[fields.term];
    if (isPermanentTerm(term)) return { code: 'agricultural_term_permanent', field: fields.term, params: { code } };
    const start = row[fields.issueDate];
    if (!(start instanceof Date)) return undefined;
    const end = termEndMs(term, parse);
    if (Number.isNaN(end) || end <= addYearsUtcMs(start.getTime(), AGRICULTURAL_TERM_YEARS)) return undefined;
    return { code: 'agricultural_term_too_long', field: fields.term, params: { code, start: isoDay(start) } };
  }, { severity: 'warning', ...options });
}
