import type { Readable } from 'node:stream';
import { checkOptionKeys } from '../../core/option-keys.js';
import { checkHeaderOption } from '../csv/header.js';
import type { XlsxInput, XlsxOptions } from './read-xlsx.js';

// Every option, as a record so that adding one to `XlsxOptions` without listing it here is a type error.
const KEYS: Readonly<Record<keyof XlsxOptions, true>> = { sheet: true, onSheet: true, header: true, range: true, name: true, batchSize: true };

/**
 * Refuses what `readXlsx` cannot read as asked, before anything is opened. A misspelt option (`Sheet: 'New'`) read
 * the first sheet, which could pass where the sheet asked for failed; a sheet given by number (`sheet: 2`) or a range
 * that is no text ended the run with the reader's own words (`options.sheet.normalize is not a function`).
 */
export function checkXlsxOptions(input: XlsxInput, options: XlsxOptions): void {
  checkOptionKeys(options, Object.keys(KEYS), 'readXlsx');
  checkHeaderOption(options.header, 'readXlsx');
  if (typeof input !== 'string' && (typeof input !== 'object' || input === null || typeof (input as Readable).pipe !== 'function')) {
    throw new TypeError(`ddss: readXlsx reads a file path or a readable stream of .xlsx bytes, got ${input === null ? 'null' : typeof input}`);
  }
  for (const key of ['sheet', 'range', 'name'] as const) {
    const v = options[key];
    if (v !== undefined && typeof v !== 'string') throw new TypeError(`ddss: readXlsx ${key} must be a text, got ${v === null ? 'null' : typeof v}`);
  }
  if (options.onSheet !== undefined && typeof options.onSheet !== 'function') throw new TypeError('ddss: readXlsx onSheet must be a function');
}
