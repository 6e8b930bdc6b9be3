import { field, type FieldSpec } from '../../../src/field.js';
import { VN_MISSING_VALUES } from './missing-values.js';

/** Date formats used by Vietnamese systems (DOMAIN-VN §5, §6). */
export type VnDateFormat = 'dd/MM/yyyy' | 'yyyyMMdd' | 'yyyyMMddHHmm' | 'yyyy-MM-dd' | 'MM/yyyy';

/**
 * A date column in a Vietnamese format whose placeholders count as missing: `field.date(format)` plus
 * `.missing(VN_MISSING_VALUES)` (so `00/00/2024` or `01/01/1900` fail only `required()`). Formats are chosen per
 * column, never guessed per value; `03/04/2025` is 3 April; no rollover (`31/02/2024` is `invalid_type`).
 * `yyyyMMdd` (insurance XML, QĐ 130/QĐ-BYT) needs nothing more than `field.date('yyyyMMdd')`; this helper only adds
 * the placeholders. An Excel serial number (`45123`) in such a column is `invalid_type`; add `excelSerialIn(column)`
 * to the dataset's rules to name the cause and suggest the date.
 * @example fields: { dob: vn.vnDate().required().pii(), ngay_vao: vn.vnDate('yyyyMMddHHmm') }
 */
export function vnDate(format: VnDateFormat = 'dd/MM/yyyy'): FieldSpec<Date> {
  return field.date(format).missing(VN_MISSING_VALUES);
}
