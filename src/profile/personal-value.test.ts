import { describe, expect, it } from 'vitest';
import { groupedDigits, personalValue } from './personal-value.js';

describe('personalValue', () => {
  it.each<[string, boolean]>([
    ['001089012345', true],
    ['001 089 012345', true],
    ['079.199.012345', true],
    ['123456789', true],
    ['0912.345.678', true],
    ['+84 912 345 678', true],
    ['001389012345', true],
    ['TE1121200000017', true],
    ['an.nguyen@gmail.com', true],
    ['0100109106', false],
    ['00001', false],
    ['12/03/1990', false],
    ['Nam', false],
    ['1 234', false],
    ['2345678.12', false],
    ['CCCD 001 089 012345 đã cấp', true],
    ['gửi an@gmail.com.', true],
    ['Số 12 ngõ 34, phường Láng Hạ', true],
    ['Thôn 3, xã Tân Lập', false],
    ['dn4010100000001', true],
    ['từ 01.02.2020 đến 03.04.2021', false],
    ['+84912345678', true],
  ])('%s → %s', (text, expected) => {
    expect(personalValue(text)).toBe(expected);
  });
});

describe('groupedDigits', () => {
  it.each<[string, string | undefined]>([
    ['001 089 012345', '001089012345'],
    ['0912.345.678', '0912345678'],
    ['2345678.12', undefined],
    ['001089012345', undefined],
    ['12/03/1990', undefined],
  ])('%s → %s', (text, expected) => {
    expect(groupedDigits(text)).toBe(expected);
  });
});
