import type { MessageTable } from '../../../src/core/message.js';

/**
 * Messages of the structural codes several identifier rules share. `{value}` is already masked for personal data.
 */
export const STRUCTURE_MESSAGES = {
  non_digit_character: {
    en: '{field}: "{value}" must contain digits only',
    vi: '{field}: "{value}" chỉ được chứa chữ số',
  },
  bad_length: {
    en: '{field}: "{value}" has {length} characters; expected {expected} digits',
    vi: '{field}: "{value}" có {length} ký tự; phải có {expected} chữ số',
  },
  leading_zero_lost: {
    en: '{field}: "{value}" has {length} digits instead of {expected}: leading zeros were probably lost in a numeric column',
    vi: '{field}: "{value}" có {length} chữ số thay vì {expected}: có thể đã mất số 0 ở đầu do lưu dưới dạng số',
  },
  scientific_notation: {
    en: '{field}: "{value}" is in scientific notation: a spreadsheet kept the identifier as a number, which loses its leading zeros and every digit it does not show; export the column as text',
    vi: '{field}: "{value}" ở dạng ký hiệu khoa học: bảng tính đã lưu mã dưới dạng số, làm mất các số 0 ở đầu và mọi chữ số không hiển thị; hãy xuất cột dưới dạng văn bản',
  },
} as const satisfies MessageTable;
