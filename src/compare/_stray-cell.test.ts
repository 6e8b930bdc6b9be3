import { describe, expect, it } from 'vitest';
import { strayCell } from './_stray-cell.js';

describe('strayCell', () => {
  it.each([
    ['001089012345', undefined, true],
    ['Nguyễn Văn An', undefined, true],
    ['HS4010123456789', 'text', true],
    ['an@example.vn', undefined, true],
    ['ok\n2,An', undefined, true],
    ['Liên hệ 0912345678', undefined, true],
    ['gặp (Nguyễn Văn An), chiều', undefined, true],
    ['ghi chú 3', undefined, false],
    ['Đã cập nhật', undefined, false],
    ['2350000', undefined, false],
    // Digits in a number field are its number, as validate reads them.
    ['001089012345', 'integer', false],
    ['1 234 567 890', 'number', false],
  ] as const)('%j (%s): %s', (text, type, masked) => {
    expect(strayCell(text, type)).toBe(masked);
  });
});
