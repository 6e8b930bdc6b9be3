import { recordRule } from '../../../src/core/rule-base.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { EXCEL_MESSAGES, EXCEL_OPTIONS, checkSerialRange, serialSuggestion, type ExcelSerialOptions } from './_excel.js';

/**
 * A date column holds no Excel serial numbers: a dataset rule that reads the column's **raw** cell, so it works
 * alongside a date field, whose parser already reports the cell as `invalid_type`; this rule names the cause and
 * suggests the date (`excel_serial_date` on that column; see `excelSerial` for the range and format options).
 * Cells that parsed as dates pass. Every row is counted as checked, a missing cell passes. A column that the input's
 * header (CSV, a sheet) does not have makes the rule `error`: misspelt, it passed every row.
 * @example rules: [vn.excelSerialIn('dob')] // dob "45123" → invalid_type (dob.type) and excel_serial_date, suggestion "16/07/2023"
 */
export function excelSerialIn(column: string, options: RuleOptions & ExcelSerialOptions = {}): RecordRule {
  checkSerialRange('excelSerialIn', options);
  return recordRule({
    options: EXCEL_OPTIONS, name: `${column}.excelSerial`, criterion: 'correct', code: 'excel_serial_date', messages: EXCEL_MESSAGES,
    fixes: { excel_serial_date: 'excel-date' },
    params: { column },
  }, (row, ctx) => {
    // The typed row holds each declared field as its own property, and nothing else: a column the definition does
    // not declare has only its raw cell (and reading it from the row would be refused as a misspelt field).
    if (Object.hasOwn(row, column) && row[column] instanceof Date) return undefined;
    const raw = ctx.raw(column);
    const suggestion = serialSuggestion(raw, options);
    return suggestion === undefined ? undefined : { code: 'excel_serial_date', field: column, value: raw, suggestion };
  }, options);
}
