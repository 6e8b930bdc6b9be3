import { recordRule } from '../../../src/core/rule-base.js';
import { DATES, kindsByField } from '../../../src/core/field-kinds.js';
import { compileDateFormat } from '../../../src/core/date-format.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { addYearsUtcMs, isoDay } from '../dates/_calendar.js';
import { termEndMs } from './land-use-term.js';

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
};

/**
 * The term of agricultural land within the quota (LUC, LUK, HNK, CLN, NTS, LMU, RSX) ends at most 50 years after its
 * start (DOMAIN-VN §4.3): end ≤ start + 50 years, compared as UTC days (29/02 + 50 years = 28/02). A longer term →
 * `agricultural_term_too_long` on the term column. Whether a parcel is within the quota or the RSX forest is planted
 * is not in the data, so the rule's severity is `warning`. Terms that are `LAU_DAI` or unreadable pass (the term
 * format is `landUseTerm`'s concern); rows missing any of the three columns are not checked. The code and the term
 * are read without their surrounding whitespace (`String.prototype.trim`; `trimmed` reports it).
 * `issueDate` must be a date or datetime field: another type is refused when the dataset is defined.
 * @example vn.agriculturalTerm({ code: 'land_use_code', term: 'land_use_term', issueDate: 'gcn_issue_date' })
 */
export function agriculturalTerm(fields: AgriculturalTermFields, options: AgriculturalTermOptions = {}): RecordRule {
  const parse = compileDateFormat(options.format ?? 'dd/MM/yyyy');
  const codes = options.codes ?? AGRICULTURAL_TERM_CODES;
  return recordRule({
    options: { format: true, codes: true }, name: 'agriculturalTerm', criterion: 'correct', code: 'agricultural_term_too_long',
    fields: [fields.code, fields.term, fields.issueDate], messages, params: { years: AGRICULTURAL_TERM_YEARS },
    quotingParams: ['code', 'start'], fieldKinds: kindsByField([[fields.issueDate, DATES]]),
  }, (row) => {
    const raw = row[fields.code];
    const code = typeof raw === 'string' ? raw.trim() : undefined;
    const start = row[fields.issueDate];
    if (code === undefined || !codes.includes(code) || !(start instanceof Date)) return undefined;
    const end = termEndMs(row[fields.term], parse);
    if (Number.isNaN(end) || end <= addYearsUtcMs(start.getTime(), AGRICULTURAL_TERM_YEARS)) return undefined;
    return { code: 'agricultural_term_too_long', field: fields.term, params: { code, start: isoDay(start) } };
  }, { severity: 'warning', ...options });
}
