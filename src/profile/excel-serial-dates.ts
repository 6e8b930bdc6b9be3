import type { ColumnProfile } from './types.js';
import { profileLabels } from './_profile-labels.js';

/** Excel's serial numbers of the dates 1920–2099 (7306–73050), the range `vn.excelSerial` reads by default. */
const FIRST = 7306;
const LAST = 73051;
/** Of 1970–2040 (25569–51501): when the name says nothing, numbers as many columns of amounts hold are left alone. */
const LIKELY_FIRST = 25569;
const LIKELY_LAST = 51502;

// Words of a column name that say it holds dates (accents and case folded): `ngay_cap`, `Ngày sinh`, `issue_date`,
// `dob`; `registered_at` and `issued_on` by their last word.
const DATE_WORDS = new Set(['date', 'dates', 'dob', 'ngay', 'ngaysinh', 'ngaycap', 'birth', 'birthday', 'sinh', 'day', 'dt', 'thoigian']);
const LAST_WORDS = new Set(['at', 'on']);
// Words of a name that say amounts, counts or codes, whose values may fall in 1970–2040 as numbers.
const OTHER_WORDS = new Set(['ma', 'code', 'id', 'so', 'no', 'tien', 'luong', 'salary', 'price', 'gia', 'amount', 'area',
  'm2', 'dien', 'tich', 'von', 'capital', 'count', 'qty', 'year', 'nam', 'total', 'tong', 'phi', 'fee']);

/** How an integer column was judged to hold Excel serial dates: by its name and values, or by its values alone. */
export type ExcelSerialDates = 'name' | 'values';

/**
 * Whether an integer or number column may hold dates written as Excel serial numbers (`43831` is 01/01/2020), the
 * mark of a date column that went through a spreadsheet as numbers: every value is a serial of 1920–2099 and the
 * column's name says date (`name`), or every value is one of 1970–2040 and the name says nothing else — not an amount,
 * a count, a code (`values`). Undefined otherwise. A guess to tell the user, never a reason to convert a value.
 * @example excelSerialDates('ngay_cap', 'integer', 43831, 46000) // 'name'
 */
export function excelSerialDates(name: string, type: string, min: number, max: number): ExcelSerialDates | undefined {
  if ((type !== 'integer' && type !== 'number') || !(min >= FIRST && max < LAST)) return undefined;
  const words = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd')
    .replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
  const joined = words.join('');
  if (words.some((w) => DATE_WORDS.has(w)) || LAST_WORDS.has(words.at(-1) ?? '') || joined.startsWith('ngay') || joined.includes('date')) {
    return 'name';
  }
  return type === 'integer' && min >= LIKELY_FIRST && max < LIKELY_LAST && !words.some((w) => OTHER_WORDS.has(w)) ? 'values' : undefined;
}

/**
 * The date an Excel serial number stands for, `dd/MM/yyyy` (1900 date system: serial 1 is 01/01/1900, with Excel's
 * leap day of 1900 that never was, so serials from 61 on count from 30/12/1899).
 * @example serialDate(43831) // '01/01/2020'
 */
export function serialDate(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/**
 * What says a column may hold Excel serial dates: its name (`byName`) or its values, and the dates its range stands
 * for when it is shown (` (01/01/2020 – 09/12/2025)`, or '': a personal column's range is masked).
 * @example excelSerialEvidence({ excelSerialDates: 'values', min: 43831, max: 46000, … }) // { byName: false, dates: ' (01/01/2020 – 09/12/2025)' }
 */
export function excelSerialEvidence(c: ColumnProfile): { byName: boolean; dates: string } {
  // A commune-code column's range is text (`43831`); a personal column's is masked (`4****`), and stays unsaid.
  const serial = (v: string | number | undefined): number | undefined =>
    (typeof v === 'number' ? v : typeof v === 'string' && /^\d{4,5}$/.test(v) ? Number(v) : undefined);
  const min = serial(c.min);
  const max = serial(c.max);
  return { byName: c.excelSerialDates === 'name', dates: min !== undefined && max !== undefined ? ` (${serialDate(min)} – ${serialDate(max)})` : '' };
}

/**
 * Why a column may hold Excel serial dates, in English (the suggested definition's comments):
 * `its name says date and every value is the serial number of a date (01/01/2020 – 09/12/2025)`.
 * @example excelSerialWhy({ excelSerialDates: 'values', min: 43831, max: 46000, … }) // 'every value is the serial number of a date of 1970–2040 (01/01/2020 – 09/12/2025)'
 */
export function excelSerialWhy(c: ColumnProfile): string {
  const { byName, dates } = excelSerialEvidence(c);
  return profileLabels('en').excelSerialWhy(byName, dates);
}
