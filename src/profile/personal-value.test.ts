import { describe, expect, it } from 'vitest';
import { groupedDigits, personalIdentifier, personalValue, personName } from './personal-value.js';

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
    ['Số 42 Hai Bà Trưng, Lai Châu', true],
    ['12/3 Lê Lợi, Huế', true],
    ['Số nhà 7 đường Láng, Hà Nội', true],
    ['Số nhà 5, thôn Đông, Lai Châu', true],
    ['Số 5, tổ 3, Lai Châu', true],
    ['Thôn Đông, Cà Mau', false],
    ['Số 12/QĐ-UBND, ngày 03/04/2025', false],
    ['Số 12/QĐ-UBND, bản sao', false],
    ['Số 12/QĐ-UBND, tổ chức thực hiện', false],
    ['12 Tháng 3, 2025', false],
    ['dn4010100000001', true],
    ['từ 01.02.2020 đến 03.04.2021', false],
    ['+84912345678', true],
  ])('%s → %s', (text, expected) => {
    expect(personalValue(text)).toBe(expected);
  });
});

describe('personalValue: a house address in any case, with or without tones, composed or not', () => {
  it.each([
    'số 42 hai bà trưng, lai châu',
    'so 42 hai ba trung, lai chau',
    'SỐ 42 HAI BÀ TRƯNG, LAI CHÂU',
    'số 42 hai bà trưng, lai châu'.normalize('NFD'),
    'sn 7 đường láng, hà nội',
    'ngõ 7 tôn thất tùng, hà nội',
    'hẻm 5/2 lê lợi, huế',
    'số 5 nam kỳ khởi nghĩa, quận 1',
    'số nhà 5, thôn đông, lai châu',
    'SỐ NHÀ 5, THÔN ĐÔNG',
    'so nha 5, xom dong, lai chau',
    'ĐƯỜNG LÁNG, SỐ 7 ĐƯỜNG LÁNG, HÀ NỘI',
  ])('%s is one', (text) => {
    expect(personalValue(text)).toBe(true);
  });

  it.each([
    ['a count, not a street (a bare number in lower case)', '2 thửa đất, xã tân lập'],
    ['a date in lower case (12 March)', '12/3 họp tổ, xã tân lập'],
    ['a commune without a house number', 'xã tân lập, huyện đông anh'],
    ['a village without a house number', 'thôn 3, xã tân lập'],
    ['land-use codes', 'LUC, ONT'],
    ['land-use codes in lower case', 'luc, ont, cln'],
    ['dates', '12/03/1990, 13/03/1990'],
    ['plain numbers', '1234, 5678'],
    ["a document's number and date", 'số 12 ngày 03/04/2025, hà nội'],
    ["a document's number and date, capitalised", 'Số 12 Ngày 03/04/2025, Hà Nội'],
    ["a document's number and year", 'số 5 năm 2024, lai châu'],
    ["a document's number, then a copy", 'số 12/qđ-ubnd, bản sao'],
    ["a document's number, then an organisation", 'SỐ 12/QĐ-UBND, TỔ CHỨC THỰC HIỆN'],
    ['an organisation after a number', 'số 5, tổ chức thực hiện'],
  ])('%s is not one: %s', (_why, text) => {
    expect(personalValue(text)).toBe(false);
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

describe('personName: a full name by its form, for values under a field that is not personal', () => {
  it.each([
    ['Ngô Đình Huy', true], ['nguyễn văn an', false], ['Trần Thị Bình Minh', true], ['Lê Lợi', true],
    ['Hai Bà Trưng', false], ['Nguyễn', false], ['Nguyễn Văn 2', false], ['Nguye\u0302\u0303n Văn An', true], ['LAU_DAI', false],
  ])('%s → %s', (text, expected) => {
    expect(personName(text)).toBe(expected);
  });
});

describe('personalIdentifier: identifiers no register shares', () => {
  it.each([
    ['079301123456', true], ['001 089 012345', true], ['HS4010123456789', true], ['an@example.vn', true],
    ['0342953543', false], ['012345678', false], ['0104706018-001', false], ['Số 42 Hai Bà Trưng, Lai Châu', false],
  ])('%s → %s', (text, expected) => {
    expect(personalIdentifier(text)).toBe(expected);
  });
});
