import { describe, expect, it } from 'vitest';
import { tableAt } from './dated.js';
import { PROVINCES_2008, PROVINCES_2025, RETIRED_PROVINCE_CODES_2025, provinceTables } from './provinces.js';

describe('province tables', () => {
  it('the 2008 scheme has 63 distinct 2-digit codes', () => {
    const codes = PROVINCES_2008.entries.map((x) => x.code);
    expect(codes).toHaveLength(63);
    expect(new Set(codes).size).toBe(63);
    for (const c of codes) expect(c).toMatch(/^\d{2}$/);
  });

  it('the 2025 scheme has 34 provinces and 3,321 communes', () => {
    expect(PROVINCES_2025.entries).toHaveLength(34);
    expect(PROVINCES_2025.entries.reduce((s, x) => s + x.communes, 0)).toBe(3321);
  });

  it('every old province is merged into exactly one new province', () => {
    const merged = PROVINCES_2025.entries.flatMap((x) => x.mergedFrom).sort();
    expect(merged).toEqual(PROVINCES_2008.entries.map((x) => x.code).sort());
  });

  it('each new code is one of the codes it absorbed', () => {
    for (const x of PROVINCES_2025.entries) expect(x.mergedFrom).toContain(x.code);
  });

  it('the retired codes are exactly the old codes no new province uses', () => {
    const current = new Set(PROVINCES_2025.entries.map((x) => x.code));
    const retired = PROVINCES_2008.entries.map((x) => x.code).filter((c) => !current.has(c));
    expect([...RETIRED_PROVINCE_CODES_2025].sort()).toEqual(retired);
    expect(RETIRED_PROVINCE_CODES_2025).toHaveLength(29);
  });

  it.each([
    ['24', 'Bắc Giang', 'Bắc Ninh'], ['15', 'Yên Bái', 'Lào Cai'], ['52', 'Bình Định', 'Gia Lai'],
    ['80', 'Long An', 'Tây Ninh'], ['82', 'Tiền Giang', 'Đồng Tháp'], ['91', 'Kiên Giang', 'An Giang'],
    ['44', 'Quảng Bình', 'Quảng Trị'],
  ])('code %s means %s before 1/7/2025 and %s after', (code, before, after) => {
    const name = (d: string) => tableAt(provinceTables, new Date(d))?.entries.find((x) => x.code === code)?.name;
    expect(name('2025-06-30')).toBe(before);
    expect(name('2025-07-01')).toBe(after);
  });
});

describe('tableAt', () => {
  it.each([
    ['2008-07-31', undefined], ['2008-08-01', '2008-08-01'], ['2025-06-30T23:59:59Z', '2008-08-01'],
    ['2025-07-01', '2025-07-01'], ['2030-01-01', '2025-07-01'], ['+012000-01-01', '2025-07-01'],
  ])('on %s selects %s', (date, version) => {
    expect(tableAt(provinceTables, new Date(date))?.version).toBe(version);
  });

  it('returns undefined for an invalid date', () => {
    expect(tableAt(provinceTables, new Date('nope'))).toBeUndefined();
  });

  it('prefers the table that started last when periods overlap', () => {
    const a = { version: 'a', validFrom: '2020-01-01', source: 's', entries: 1 };
    const b = { version: 'b', validFrom: '2024-01-01', source: 's', entries: 2 };
    expect(tableAt([b, a], new Date('2025-01-01'))?.version).toBe('b');
  });
});
