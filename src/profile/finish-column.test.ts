import { describe, expect, it } from 'vitest';
import { missingTest } from '../core/missing.js';
import { VN_MISSING_VALUES } from '../../rules/vn/dates/missing-values.js';
import { addCell, columnState } from './column-state.js';
import { finishColumn } from './finish-column.js';
import { valueContext } from './recognisers.js';

const ctx = valueContext(new Date('2026-11-22T00:00:00Z'));
const missing = missingTest(VN_MISSING_VALUES);

function infer(values: readonly unknown[]) {
  const s = columnState('c', { distinct: 100, top: 8, shapes: 100 });
  for (const v of values) addCell(s, v, missing, ctx);
  const c = finishColumn(s, values.length, false);
  return [c.type, c.format ?? c.decimal ?? c.recognised ?? '', c.typeFailures];
}

describe('type inference', () => {
  it.each<[string, readonly unknown[], readonly unknown[]]>([
    ['integers', ['1', '-7', '42', '1000'], ['integer', '', 0]],
    ['JSON numbers', [1, 2, 3.5], ['number', '.', 0]],
    ['decimal point', ['1.5', '2', '3.25'], ['number', '.', 0]],
    ['decimal comma', ['1,5', '2', '3,25'], ['number', ',', 0]],
    ['codes with leading zeros are text', ['007', '012', '123', '999'], ['text', '', 0]],
    ['dd/MM/yyyy', ['01/02/2020', '31/12/1999', '15/06/2001'], ['date', 'dd/MM/yyyy', 0]],
    ['d/M/yyyy reads more values than dd/MM/yyyy', ['1/2/2020', '31/12/1999', '5/6/2001'], ['date', 'd/M/yyyy', 0]],
    ['ISO dates', ['2020-01-02', '1999-12-31'], ['date', 'yyyy-MM-dd', 0]],
    ['US dates when the day is above 12 in second place', ['12/31/1999', '01/15/2020'], ['date', 'MM/dd/yyyy', 0]],
    ['month', ['10/2026', '01/2025', '12/2024'], ['date', 'MM/yyyy', 0]],
    ['date-times', ['2026-11-21T12:15:58+07:00', '2026-01-01T00:00:00Z'], ['datetime', '', 0]],
    ['booleans', ['true', 'false', 'yes', 'no'], ['boolean', '', 0]],
    ['0/1 is read as integers (the narrower tie)', ['0', '1', '1', '0'], ['integer', '', 0]],
    ['enum: few values, repeated', ['Nam', 'Nữ', 'Nam', 'Nữ', 'Nam'], ['enum', '', 0]],
    ['text: many distinct values', ['Hà Nội', 'Huế', 'Đà Nẵng'], ['text', '', 0]],
    ['95% is enough: one bad date in 20 is a finding', [...Array.from({ length: 19 }, (_, i) => `${String(i + 1).padStart(2, '0')}/01/2020`), '32/01/2020'], ['date', 'dd/MM/yyyy', 1]],
    // No format reads a two-digit year (its century would be a guess): as text, the column would be checked for
    // nothing; as a date column, its type rule reports every value.
    ['dates with two-digit years: a date column whose values do not read', ['29/11/19', '3/4/20', '15.06.01', '12-31-99'], ['date', 'dd/MM/yyyy', 4]],
    ['dates with spaces around them, which nothing trims: a date column whose values do not read', ['29/11/2019 ', '01/02/2020\u00a0', ' 15/06/2001'], ['date', 'dd/MM/yyyy', 3]],
    ['below 95% is text', ['01/01/2020', '02/01/2020', 'soon', 'later'], ['text', '', 0]],
    ['placeholders are missing, not values', ['00/00/0000', 'NULL', '01/01/2020', '-'], ['date', 'dd/MM/yyyy', 0]],
    ['only placeholders: empty', ['', 'NULL', '-'], ['empty', '', 0]],
    ['CCCD', ['001089012345', '079199012345', '036300012345'], ['text', 'cccd', 0]],
    ['BHYT', ['TE1121200000017', 'DN4222200081023'], ['text', 'bhyt', 0]],
    ['tax codes', ['0100109106', '0190672092'], ['text', 'mst', 0]],
    // Nine digits alone are also a count or an amount: CMND only where the column's name says so (below).
    ['nine digits under a neutral name', ['123456789', '012345678'], ['text', '', 0]],
    // Without a commune list no value is a commune code (commune-codes.test.ts: with one).
    ['five-digit codes, no commune list', ['00001', '12056', '79047'], ['text', '', 0]],
    ['34-province codes', ['01', '79', '12', '01'], ['text', 'province2025', 0]],
    ['63-province codes (some retired in 2025)', ['01', '79', '10', '14'], ['text', 'province2008', 0]],
    ['land-use codes', ['LUC', 'ONT', 'ODT', 'CLN'], ['text', 'landUseCode2024', 0]],
    ['personal names (masked)', ['Nguyễn Văn An', 'Trần Thị Bình', "H'Hen Niê"], ['text', 'personName', 0]],
  ])('%s', (_, values, expected) => {
    expect(infer(values)).toEqual(expected);
  });

  // The pack's bhxh and cmnd rules have no check digit and no list: ten digits are as much an amount as a BHXH number.
  describe('nine or ten digits are CMND or BHXH numbers only where the column name says so', () => {
    const amounts = ['1500000000', '2000000000', '1250000000', '3000000000', '1800000000'];
    function named(name: string, values: readonly string[]) {
      const s = columnState(name, { distinct: 100, top: 8, shapes: 100 });
      for (const v of values) addCell(s, v, missing, ctx);
      return finishColumn(s, values.length, false);
    }

    it('charter capital of ten digits is an integer column, shown, not BHXH numbers', () => {
      const c = named('von_dieu_le', amounts);
      expect([c.type, c.recognised, c.personal, c.min, c.max]).toEqual(['integer', undefined, false, 1250000000, 3000000000]);
      expect(c.recognisers.find((r) => r.name === 'bhxh')).toMatchObject({ share: 1, formOnly: true });
    });

    it.each<[string, string, readonly string[], string]>([
      ['so_bhxh', 'BHXH under its name', amounts, 'bhxh'],
      ['Mã số bảo hiểm', 'BHXH under a Vietnamese name', amounts, 'bhxh'],
      ['insurance_no', 'BHXH under an English name', amounts, 'bhxh'],
      ['Số CMND', 'CMND under its name', ['123456789', '012345678', '031234567'], 'cmnd'],
      ['owner_id', 'CMND of owners', ['123456789', '012345678', '031234567'], 'cmnd'],
    ])('%s: %s, masked', (name, _, values, kind) => {
      const c = named(name, values);
      expect([c.type, c.recognised, c.personal]).toEqual(['text', kind, true]);
      expect(c.recognisers.find((r) => r.name === kind)?.formOnly).toBeUndefined();
      expect(JSON.stringify(c.top)).not.toContain(values[0]);
    });

    it('a column without a name to judge by (the header was a record) is not called BHXH, and is masked', () => {
      const s = columnState('1500000000', { distinct: 100, top: 8, shapes: 100 });
      for (const v of amounts) addCell(s, v, missing, ctx);
      const c = finishColumn(s, amounts.length, false, true);
      expect([c.recognised, c.personal]).toEqual([undefined, true]);
    });
  });

  it('counts TCVN3/VNI and NFD text', () => {
    const s = columnState('c', { distinct: 100, top: 8, shapes: 100 });
    for (const v of ['TiÕng ViÖt', 'Hoa\u0300', 'Hòa', 'plain']) addCell(s, v, missing, ctx);
    const c = finishColumn(s, 4, false);
    expect([c.legacyEncoded, c.nfd]).toEqual([1, 1]);
  });
});

describe('personal values in columns whose names and shares do not say so', () => {
  function column(name: string, values: readonly string[]) {
    const s = columnState(name, { distinct: 100, top: 10, shapes: 100 });
    for (const v of values) addCell(s, v, missing, ctx);
    return finishColumn(s, values.length, false);
  }
  const shown = (c: ReturnType<typeof column>) => JSON.stringify([c.top, c.min, c.max]);
  const notes = ['đã xác minh', 'chờ', 'cần bổ sung'];

  it.each<[string, string, readonly string[], readonly string[]]>([
    ['IDs written with spaces and dots', 'so_giay_to', ['001 089 012345', '079.199.012345', '036 300 012345', '001.089.012346'],
      ['012345', '089 012', '199.012']],
    ['a third of a notes column is CCCD', 'Ghi chú', Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? `0010890123${String(40 + i)}` : (notes[i % 3] as string))),
      ['0123']],
    ['12-digit IDs no rule accepts (a birth year in the future)', 'c1', ['001389012345', '079399012346', '036399012347'], ['0123', '89012']],
    ['IDs and e-mails inside notes', 'Ghi chú', ['CCCD 001089012345 đã cấp', 'liên hệ an.nguyen@gmail.com', 'SĐT 0912 345 678', 'đã xác minh', 'chờ'],
      ['012345', 'nguyen@', '345 678']],
    ['house addresses under a neutral name', 'info', ['Số 12 ngõ 34, phường Láng Hạ, quận Đống Đa', 'số 5, ngách 2, xã Tân Lập, huyện Đan Phượng', 'Ngõ 7 Tôn Thất Tùng, P. Khương Thượng'],
      ['12 ngõ', 'Tân Lập', 'Tôn Thất']],
    ['house numbers and streets, then the province, as cadastral books write them', 'info', ['Số 42 Hai Bà Trưng, Lai Châu', 'Thôn Đông, Cà Mau', '12/3 Lê Lợi, Huế'],
      ['Hai Bà', 'Lê Lợi', 'Cà Mau']],
    ['BHYT codes in lower case', 'c2', ['dn4010100000001', 'te1121200000017', 'hs4797912345678'], ['010100000', '1212000']],
    ['e-mails under a neutral name', 'info', ['an.nguyen@gmail.com', 'binh.tran@yahoo.com', 'x@hcm.gov.vn'], ['nguyen', 'tran@']],
  ])('%s: masked', (_, name, values, leaks) => {
    const c = column(name, values);
    expect(c.personal).toBe(true);
    for (const leak of leaks) expect(shown(c)).not.toContain(leak);
  });

  it('CCCD Excel read as numbers (leading zero lost) under a neutral name: masked, range too', () => {
    const c = column('c1', ['79199012345', '36300012346', '79199012347', '31089012348', '79089012349', '1089012345']);
    expect([c.type, c.personal]).toEqual(['integer', true]);
    for (const leak of ['9012345', '99012345', '300012346']) expect(shown(c)).not.toContain(leak);
  });

  it.each<[string, readonly string[]]>([
    ['amounts as long as IDs', ['1000000000', '500000000', '2500000000', '750000000', '12000000000', '30000000000']],
    ['coordinates with a decimal point', ['2345678.12', '2345679.5', '2345680.25']],
  ])('%s stay visible', (_, values) => {
    const c = column('charter_capital', values);
    expect([c.personal, c.top.map((t) => t.value).sort()]).toEqual([false, [...values].sort()]);
  });

  it.each<[string, readonly string[]]>([
    ['decision numbers', ['Số 12/QĐ-UBND', 'Số 13/QĐ-UBND', 'Số 14/QĐ-UBND']],
    ['village and street names without a house number', ['Thôn 3, xã Tân Lập', 'đường Láng, phường Láng Thượng', 'tổ 5']],
  ])('%s stay visible', (_, values) => {
    const c = column('ten', values);
    expect([c.personal, c.top.map((t) => t.value).sort()]).toEqual([false, [...values].sort()]);
  });

  it('a code list stays visible', () => {
    const c = column('loai', ['A', 'B', 'C', 'A', 'B', 'C']);
    expect([c.personal, c.type, c.top.map((t) => t.value)]).toEqual([false, 'enum', ['A', 'B', 'C']]);
  });
});
