import { valueRule } from '../../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { EXCEL_MESSAGES, EXCEL_OPTIONS, checkSerialRange, serialSuggestion, type ExcelSerialOptions } from './_excel.js';

/**
 * The value is not an Excel serial date number (`45123` = 16/07/2023), the mark of a date column that went through
 * a spreadsheet as a number. For a column typed as text or `field.any()`; a number or decimal text whose date falls
 * between `earliest` and `latest` (default 1920–2099, so a year such as `2024` is not mistaken for a serial) →
 * `excel_serial_date`, with the date as suggestion in `format` (default `dd/MM/yyyy`; a fraction adds the time).
 * Never applied. For a column typed as a date, where a serial is already `invalid_type`, use `excelSerialIn`.
 * @example field.any().use(vn.excelSerial()) // 45123 → excel_serial_date, suggestion "16/07/2023"
 */
export function excelSerial(options: RuleOptions & ExcelSerialOptions = {}): ValueRule {
  checkSerialRange('excelSerial', options);
  return valueRule({ options: EXCEL_OPTIONS, name: 'excelSerial', criterion: 'correct', code: 'excel_serial_date', messages: EXCEL_MESSAGES,
    fixes: { excel_serial_date: 'excel-date' } },
    (v) => {
      const suggestion = serialSuggestion(v, options);
      return suggestion === undefined ? undefined : { code: 'excel_serial_date', suggestion };
    }, options);
}
