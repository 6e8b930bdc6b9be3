import { describe, expect, it } from 'vitest';
import { bare, compareNames, written } from './_person-name.js';

// Expectations computed by hand from the definitions: `same` = NFC + lower case + one space; `form` = the same once
// each syllable's tone mark sits on one fixed vowel; `diacritics` = the same once every mark is gone and đ is d.
describe('compareNames', () => {
  it.each([
    // same: only case, Unicode form or spacing differ
    ['Nguyễn Văn An', 'Nguyễn Văn An', 'same'],
    ['Nguyễn Văn An', 'NGUYỄN VĂN AN', 'same'],
    ['  Nguyễn   Văn An ', 'nguyễn văn an', 'same'],
    ['Nguyễn Văn An'.normalize('NFD'), 'Nguyễn Văn An', 'same'],
    ['Nguyễn\tVăn\u00a0An', 'Nguyễn Văn An', 'same'],
    ['Đỗ Thị Hòa', 'đỗ thị hòa', 'same'],
    // form: the tone mark on the other vowel of oa, oe, uy (old and new placement), and nothing else
    ['Lê Thị Hòa', 'Lê Thị Hoà', 'form'],
    ['Lê Thị Hòa', 'LÊ THỊ HOÀ', 'form'],
    ['Trần Thủy', 'Trần Thuỷ', 'form'],
    ['Phạm Khỏe', 'Phạm Khoẻ', 'form'],
    ['Vũ Thụy', 'Vũ Thuỵ', 'form'],
    ['Lê Hòa'.normalize('NFD'), 'Lê Hoà', 'form'],
    // diacritics: equal only once every mark is gone
    ['Đỗ Văn Hùng', 'Do Van Hung', 'diacritics'],
    ['Đỗ Văn Hùng', 'DO VAN HUNG', 'diacritics'],
    ['Đào Thị Hoa', 'Dao Thi Hoa', 'diacritics'],
    ['Nguyễn Văn Hưng', 'Nguyễn Văn Hùng', 'diacritics'],
    ['Lê Hòa Hùng', 'Lê Hoà Hưng', 'diacritics'], // a tone moved and a vowel mark changed: the farther one wins
    ['Nguyễn Khuê', 'Nguyễn Khuề', 'diacritics'],
    // mismatch: different letters
    ['Nguyễn Văn An', 'Nguyễn Văn Anh', 'mismatch'],
    ['Nguyễn Văn An', 'Trần Văn An', 'mismatch'],
    ['Nguyễn Văn An', 'Nguyễn An', 'mismatch'],
    ['Nguyễn Văn An', 'Văn Nguyễn An', 'mismatch'],
    ['Đỗ Văn Hùng', 'Dô Van Hung X', 'mismatch'],
  ] as const)('%s vs %s → %s', (a, b, expected) => {
    expect(compareNames(a, b)).toBe(expected);
    expect(compareNames(b, a)).toBe(expected); // symmetric
  });

  it('reads đ as d and drops every mark only in the last step', () => {
    expect(bare('ĐẶNG Thị Ánh')).toBe('dang thi anh');
    expect(written(' ĐẶNG  Thị ')).toBe('đặng thị');
  });
});
