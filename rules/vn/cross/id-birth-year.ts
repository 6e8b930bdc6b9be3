import { recordRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { TEXTUAL, type FieldKind } from '../../../src/core/field-kinds.js';
import { parseCccd } from '../identifiers/cccd.js';
import { idText, yearOf } from './_values.js';

export interface IdBirthYearFields {
  /** The personal ID column (12-digit CCCD; 9-digit CMNDs are skipped). */
  readonly id: string;
  /** The birth year column: an integer year, or a date of birth (its year is compared). */
  readonly birthYear: string;
}

/** A year is an integer, a 4-digit text or a date of birth; a boolean is none, and would pass every row unchecked. */
const BIRTH_YEAR: FieldKind = {
  types: new Set(['integer', 'number', 'text', 'enum', 'any', 'date', 'datetime']), label: 'integer, number, text, enum, any, date or datetime',
};

const messages: MessageTable = {
  id_birth_year_mismatch: {
    en: '{field}: {value} does not match the birth year encoded in the personal ID ({id})',
    vi: '{field}: {value} không khớp với năm sinh được mã hóa trong số định danh cá nhân ({id})',
  },
};

/**
 * The birth year equals the year encoded in the 12-digit personal ID (`PPP G YY …`: century from `G`, then `YY`;
 * TT 07/2016/TT-BCA, DOMAIN-VN §2.1). The birth-year column may hold an integer, a 4-digit text or a date of birth.
 * A mismatch → `id_birth_year_mismatch` on the birth-year column, with the derived year as suggestion (masked like
 * the column). IDs that are not exactly 12 digits (a 9-digit CMND, a malformed ID: other rules' concern) pass, as do
 * rows missing either column. The derived year is never put in the message (it is personal data).
 * @example vn.idBirthYear({ id: 'owner_id', birthYear: 'owner_birth_year' }) // "001089012345" + 1990 → mismatch
 */
export function idBirthYear(fields: IdBirthYearFields, options: RuleOptions = {}): RecordRule {
  return recordRule({
    name: 'idBirthYear', criterion: 'correct', code: 'id_birth_year_mismatch', fields: [fields.id, fields.birthYear],
    messages, params: { id: fields.id }, fieldKinds: { [fields.id]: TEXTUAL, [fields.birthYear]: BIRTH_YEAR },
  }, (row) => {
    const text = idText(row[fields.id]);
    const parts = text === undefined ? undefined : parseCccd(text);
    const year = yearOf(row[fields.birthYear]);
    if (parts === undefined || year === undefined || parts.birthYear === year) return undefined;
    return { code: 'id_birth_year_mismatch', field: fields.birthYear, suggestion: String(parts.birthYear) };
  }, options);
}
