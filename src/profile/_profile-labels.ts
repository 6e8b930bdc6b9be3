import type { Locale } from '../core/types.js';
import type { ProfiledType } from './types.js';
import type { RecogniserName } from './recognisers.js';

/** The words of a profile's text and HTML forms, in one language (`ddss profile --locale`). */
export interface ProfileLabels {
  readonly locale: Locale;
  /** `parcels.csv: 2000 rows, 20 columns` (with a note when only the first rows were read). */
  heading(source: string, rows: number, columns: number, sampled: boolean): string;
  /** Said after the row count of a profile of the first rows only (`--sample`). */
  readonly sampled: string;
  /** The line saying how many columns past the profiled ones were not profiled. */
  notProfiled(n: number, max: number): string;
  readonly sourceIssues: string;
  readonly headerAsRecord: string;
  /** The row names of a column's block, padded to one width. */
  readonly missing: string;
  readonly distinct: string;
  readonly range: string;
  readonly length: string;
  readonly top: string;
  readonly shapes: string;
  readonly signs: string;
  placeholders(n: number): string;
  readonly types: Readonly<Record<ProfiledType, string>>;
  dateType(format: string): string;
  numberType(decimal: string): string;
  estimate(count: number, error: string): string;
  lookLike(share: string, what: string): string;
  formOnly(share: string, what: string, digits: number): string;
  communeForm(share: string): string;
  readonly communeUnchecked: string;
  communeInLists(found: number, lists: string): string;
  legacy(n: number): string;
  nfd(n: number): string;
  padded(n: number): string;
  notReadAs(n: number, type: string): string;
  excelSerial(why: string): string;
  excelSerialWhy(byName: boolean, dates: string): string;
  scientificIds(n: number): string;
  readonly recognisers: Readonly<Record<RecogniserName, string>>;
  readonly html: {
    readonly title: string;
    readonly eyebrow: string;
    readonly rows: string;
    readonly columns: string;
    /** The heading of the table of the columns (`columns` is their count). */
    readonly columnsHeading: string;
    readonly columnsHint: string;
    readonly column: string;
    readonly type: string;
    readonly valuesAndShapes: string;
    readonly valuesHint: string;
    readonly exact: string;
    readonly heavyHitters: string;
    readonly masked: string;
    readonly topValue: string;
    readonly count: string;
    readonly shape: string;
  };
}

const s = (n: number, one: string, many: string): string => (n === 1 ? one : many);

const en: ProfileLabels = {
  locale: 'en',
  heading: (source, rows, columns, sampled) =>
    `${source}: ${rows} ${s(rows, 'row', 'rows')}${sampled ? en.sampled : ''}, ${columns} ${s(columns, 'column', 'columns')}`,
  sampled: ' (sample: the first rows only)',
  notProfiled: (n, max) => `and ${n} more ${s(n, 'column', 'columns')}, past the first ${max}, not profiled`,
  sourceIssues: 'source issues',
  headerAsRecord: 'the first line reads as a record, not a header (a cell is a number, a code or a date): it is not ' +
    'counted, and unless --show-values its cells are not shown and the columns are named by position',
  missing: 'missing', distinct: 'distinct', range: 'range', length: 'length', top: 'top', shapes: 'shapes', signs: 'signs',
  placeholders: (n) => `${n} ${s(n, 'placeholder', 'placeholders')}`,
  types: { integer: 'integer', number: 'number', date: 'date', datetime: 'datetime', boolean: 'boolean', enum: 'enum', text: 'text', empty: 'empty' },
  dateType: (format) => `date (${format})`,
  numberType: (decimal) => `number (decimal "${decimal}")`,
  estimate: (count, error) => `≈ ${count} (HyperLogLog estimate ±${error})`,
  lookLike: (share, what) => `${share} look like ${what}`,
  formOnly: (share, what, digits) =>
    `${share} have the form of ${what} (${digits} digits), which amounts and counts have too: the column's name does not say they are`,
  communeForm: (share) => `${share} have the form of commune codes (5 digits)`,
  communeUnchecked: 'unchecked: no commune list given (--communes FILE)',
  communeInLists: (found, lists) => `${found === 0 ? 'none' : `only ${found}`} in the commune lists given (${lists})`,
  legacy: (n) => `${n} TCVN3/VNI-encoded or garbled`,
  nfd: (n) => `${n} not in Unicode NFC`,
  padded: (n) => `${n} with surrounding spaces`,
  notReadAs: (n, type) => `${n} not read as ${type}`,
  excelSerial: (why) => `may hold dates as Excel serial numbers: ${why} (nothing converted)`,
  excelSerialWhy: (byName, dates) => (byName ? `its name says date and every value is the serial number of a date${dates}`
    : `every value is the serial number of a date of 1970–2040${dates}`),
  scientificIds: (n) => `${n} ${n === 1 ? 'is an identifier' : 'are identifiers'} a spreadsheet wrote in scientific notation (1.08901E+11): ` +
    `${n === 1 ? 'its' : 'their'} last digits are lost; export the column as text`,
  recognisers: {
    cccd: 'CCCD (12-digit personal ID)',
    bhyt: 'BHYT health-insurance card codes',
    mst: 'tax codes (MST)',
    phone: 'phone numbers',
    bhxh: 'BHXH social-insurance numbers',
    cmnd: 'CMND (9-digit legacy ID)',
    commune: 'commune codes of the commune lists given',
    province2025: 'province codes of the 34-province list (from 1/7/2025)',
    province2008: 'province codes of the 63-province list (2008–2025)',
    landUseCode2024: 'land-use codes (TT 08/2024)',
    landUseCode2013: 'land-use codes (TT 27/2018)',
    personName: 'personal names',
  },
  html: {
    title: 'profile', eyebrow: 'Profile · ddss', rows: 'Rows', columns: 'Columns', columnsHeading: 'Columns',
    columnsHint: 'Inferred from the values; missing counts empty cells and the Vietnamese placeholders (NULL, -, 00/00/0000, …).',
    column: 'Column', type: 'Type', valuesAndShapes: 'Values and shapes',
    valuesHint: 'The most frequent values and shapes (9 a digit, A a letter) of each column; personal columns masked.',
    exact: 'exact counts', heavyHitters: 'a heavy-hitters summary: counts are lower bounds', masked: 'masked',
    topValue: 'Top value', count: 'Count', shape: 'Shape',
  },
};

const vi: ProfileLabels = {
  locale: 'vi',
  heading: (source, rows, columns, sampled) =>
    `${source}: ${rows} dòng${sampled ? vi.sampled : ''}, ${columns} cột`,
  sampled: ' (mẫu: chỉ những dòng đầu)',
  notProfiled: (n, max) => `và ${n} cột nữa, sau ${max} cột đầu, không được mô tả`,
  sourceIssues: 'lỗi nguồn',
  headerAsRecord: 'dòng đầu tiên đọc như một bản ghi, không phải dòng tiêu đề (có ô là số, mã hoặc ngày): dòng đó không ' +
    'được đếm, và trừ khi có --show-values, các ô của nó không được hiển thị và các cột được gọi theo vị trí',
  missing: 'thiếu', distinct: 'khác nhau', range: 'khoảng', length: 'độ dài', top: 'hay gặp', shapes: 'dạng', signs: 'nhận biết',
  placeholders: (n) => `${n} giá trị giữ chỗ`,
  types: { integer: 'số nguyên', number: 'số', date: 'ngày', datetime: 'ngày giờ', boolean: 'đúng/sai', enum: 'danh mục', text: 'văn bản', empty: 'trống' },
  dateType: (format) => `ngày (${format})`,
  numberType: (decimal) => `số (dấu thập phân "${decimal}")`,
  estimate: (count, error) => `≈ ${count} (ước tính HyperLogLog ±${error})`,
  lookLike: (share, what) => `${share} có vẻ là ${what}`,
  formOnly: (share, what, digits) =>
    `${share} có dạng ${what} (${digits} chữ số), dạng mà số tiền và số lượng cũng có: tên cột không cho biết đó là mã số`,
  communeForm: (share) => `${share} có dạng mã xã (5 chữ số)`,
  communeUnchecked: 'chưa kiểm tra: không có danh sách xã (--communes FILE)',
  communeInLists: (found, lists) => `${found === 0 ? 'không mã nào' : `chỉ ${found} mã`} có trong các danh sách xã đã cho (${lists})`,
  legacy: (n) => `${n} giá trị mã TCVN3/VNI hoặc lỗi phông`,
  nfd: (n) => `${n} giá trị không ở dạng Unicode NFC`,
  padded: (n) => `${n} giá trị có khoảng trắng ở đầu hoặc cuối`,
  notReadAs: (n, type) => `${n} giá trị không đọc được là ${type}`,
  excelSerial: (why) => `có thể chứa ngày dưới dạng số sê-ri của Excel: ${why} (không chuyển đổi gì)`,
  excelSerialWhy: (byName, dates) => (byName ? `tên cột cho biết là ngày và mọi giá trị là số sê-ri của một ngày${dates}`
    : `mọi giá trị là số sê-ri của một ngày trong 1970–2040${dates}`),
  scientificIds: (n) => `${n} giá trị là mã bị bảng tính ghi ở dạng ký hiệu khoa học (1.08901E+11): các chữ số cuối đã mất; ` +
    'hãy xuất cột dưới dạng văn bản',
  recognisers: {
    cccd: 'số CCCD (định danh cá nhân 12 chữ số)',
    bhyt: 'mã thẻ BHYT',
    mst: 'mã số thuế (MST)',
    phone: 'số điện thoại',
    bhxh: 'mã số BHXH',
    cmnd: 'số CMND (9 chữ số, cũ)',
    commune: 'mã xã trong các danh sách xã đã cho',
    province2025: 'mã tỉnh theo danh sách 34 tỉnh (từ 1/7/2025)',
    province2008: 'mã tỉnh theo danh sách 63 tỉnh (2008–2025)',
    landUseCode2024: 'mã loại đất (TT 08/2024)',
    landUseCode2013: 'mã loại đất (TT 27/2018)',
    personName: 'họ tên người',
  },
  html: {
    title: 'hồ sơ dữ liệu', eyebrow: 'Hồ sơ dữ liệu · ddss', rows: 'Số dòng', columns: 'Số cột', columnsHeading: 'Các cột',
    columnsHint: 'Suy ra từ các giá trị; "thiếu" đếm ô trống và các giá trị giữ chỗ thường gặp ở Việt Nam (NULL, -, 00/00/0000, …).',
    column: 'Cột', type: 'Kiểu', valuesAndShapes: 'Giá trị và dạng',
    valuesHint: 'Các giá trị và dạng hay gặp nhất (9 là chữ số, A là chữ cái) của mỗi cột; cột dữ liệu cá nhân được che.',
    exact: 'số đếm chính xác', heavyHitters: 'tóm tắt các giá trị hay gặp: số đếm là cận dưới', masked: 'đã che',
    topValue: 'Giá trị hay gặp', count: 'Số lần', shape: 'Dạng',
  },
};

/** The labels of a profile in `locale`. */
export function profileLabels(locale: Locale = 'en'): ProfileLabels {
  return locale === 'vi' ? vi : en;
}

/**
 * A share as a profile shows it, rounded down to a tenth of a percent (`99.6%`, `100%` only when all): with a decimal
 * comma in Vietnamese (`99,6%`).
 * @example profilePercent(0.9964, 'vi') // '99,6%'
 */
export function profilePercent(share: number, locale: Locale): string {
  const text = share >= 1 ? '100%' : `${(Math.floor(share * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
  return locale === 'vi' ? text.replace('.', ',') : text;
}
