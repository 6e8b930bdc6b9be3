import { describe, expect, it } from 'vitest';
import { readCsv } from '../sources/csv/read-csv.js';
import { readJson } from '../sources/json/read-json.js';
import { finishProfile, profile, readProfileState } from './profile.js';
import { mergeProfileStates } from './profile-state.js';
import { profileText } from './profile-text.js';
import type { ColumnProfile } from './types.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const HEADER = 'id,name,dob,amount,flag,code,phone,note\n';
const ROWS = [
  '1,An,01/02/1990,"1,5",true,00001,0912345678,\n',
  '2,Bình,15/03/1985,"2,25",false,00002,0987654321,NULL\n',
  '3,Chi,NULL,3,true,00003,,x\n',
  '4,An,31/12/2000,"4,0",true,00004,0912345678,-\n',
];
const csv = (rows: readonly string[], name = 'small.csv') => readCsv(Buffer.from(HEADER + rows.join('')), { name });

/** The parts of a column profile a reader looks at first. */
function summary(c: ColumnProfile) {
  return [c.name, c.type, c.format ?? c.decimal ?? '', c.missing, c.placeholders, c.distinct.count, c.min, c.max, c.recognised ?? ''];
}

describe('profile', () => {
  it('infers each column of a small file, counting the Vietnamese placeholders as missing', async () => {
    const p = await profile(csv(ROWS), { now: NOW });
    expect(p.rows).toBe(4);
    expect(p.sampled).toBe(false);
    expect(p.columns.map(summary)).toEqual([
      ['id', 'integer', '', 0, 0, 4, 1, 4, ''],
      ['name', 'text', '', 0, 0, 3, 'An', 'Chi', ''],
      // Birth dates are personal, by the column's name: even the range is masked.
      ['dob', 'date', 'dd/MM/yyyy', 1, 1, 3, '****-**-**', '****-**-**', ''],
      ['amount', 'number', ',', 0, 0, 4, 1.5, 4, ''],
      ['flag', 'boolean', '', 0, 0, 2, undefined, undefined, ''],
      // Five digits are no commune code without a commune list to find them in (the `communes` option).
      ['code', 'text', '', 0, 0, 4, '00001', '00004', ''],
      // A phone column is personal: its values are masked.
      ['phone', 'text', '', 1, 0, 2, '0912****78', '0987****21', 'phone'],
      ['note', 'text', '', 3, 2, 1, 'x', 'x', ''],
    ]);
    const name = p.columns[1] as ColumnProfile;
    expect(name.top).toEqual([{ value: 'An', count: 2 }, { value: 'Bình', count: 1 }, { value: 'Chi', count: 1 }]);
    expect(name.shapes).toEqual([{ shape: 'AA', count: 2 }, { shape: 'AAA', count: 1 }, { shape: 'AAAA', count: 1 }]);
    expect(name.length).toEqual({ min: 2, max: 4 });
    expect(p.columns[6]?.top).toEqual([{ value: '0912****78', count: 2 }, { value: '0987****21', count: 1 }]);
    expect(p.columns[7]?.missingShare).toBe(0.75);
  });

  it('shows personal values only with showValues', async () => {
    const p = await profile(csv(ROWS), { now: NOW, showValues: true });
    expect(p.columns[6]?.top[0]).toEqual({ value: '0912345678', count: 2 });
    expect(p.columns[2]?.min).toBe('1985-03-15');
  });

  it('masks the personalColumns whatever their names and values say (a column renamed from "Ngày sinh")', async () => {
    const renamed = (personalColumns?: readonly string[]) => profile(readCsv(Buffer.from(HEADER + ROWS.join('')), { header: { dob: 'd1' } }),
      { now: NOW, ...(personalColumns === undefined ? {} : { personalColumns }) });
    expect((await renamed()).columns[2]).toMatchObject({ name: 'd1', personal: false, min: '1985-03-15' });
    expect((await renamed(['d1'])).columns[2]).toMatchObject({ name: 'd1', personal: true, min: '****-**-**' });
  });

  it('masks a column of personal data its values are too untidy to show', async () => {
    // Identifiers Excel stripped of their leading zero (11 digits), a third of them ill-formed: no recogniser vouches
    // for the column, but most of its values are people's IDs, and its name says so too.
    const ids = ['1089012345', '79188000123', '1099012345', '001099012348', '079301123456', '079188000124'];
    const file = (header: string) => readCsv(Buffer.from(`${header},note\n${ids.map((id, i) => `${id},n${i}`).join('\n')}\n`), { name: 'ids.csv' });
    for (const header of ['ref', 'owner_id', 'Số CCCD']) {
      const p = await profile(file(header), { now: NOW });
      const shown = JSON.stringify(p.columns[0]);
      for (const id of ids) expect(shown).not.toContain(id);
      expect(p.columns[0]?.personal).toBe(true);
      expect(p.columns[1]?.personal).toBe(false);
    }
  });

  it.each([
    ['birth years', 'owner_birth_year', ['1961', '1975', '1980']],
    ['addresses', 'Địa chỉ', ['Số 42 Ngõ Kín, Hà Nội', 'Thôn Trung, Lai Châu']],
    ['e-mail addresses', 'email', ['an.nguyen@example.vn', 'binh@example.vn']],
    ['names in a column no recogniser reads', 'Họ và tên', ['LÊ  THỊ  HOÀNG', 'nguyễn văn an', 'Ph¹m V¨n']],
  ])('masks %s by the column\'s name', async (_what, header, values) => {
    const csvText = `"${header}",amount\n${values.map((v, i) => `"${v}",${i}`).join('\n')}\n`;
    const p = await profile(readCsv(Buffer.from(csvText), { name: 'x.csv' }), { now: NOW });
    const shown = JSON.stringify(p);
    for (const v of values) expect(shown).not.toContain(v);
    expect(p.columns[0]?.personal).toBe(true);
    expect(p.columns[0]?.type).not.toBe('enum');
  });

  it('prints the text form exactly', async () => {
    const text = profileText(await profile(csv(ROWS.slice(0, 2)), { now: NOW }));
    expect(text.split('\n').slice(0, 9)).toEqual([
      'small.csv: 2 rows, 8 columns',
      '',
      'id  integer',
      '  missing   0 (0%)',
      '  distinct  2',
      '  range     1 – 2',
      '  length    1 – 1',
      '  top       1 (1), 2 (1)',
      '  shapes    9 (2)',
    ]);
  });

  it('merging the states of two halves gives the profile of the whole', async () => {
    const a = await readProfileState(csv(ROWS.slice(0, 2)), { now: NOW });
    const b = await readProfileState(csv(ROWS.slice(2)), { now: NOW });
    const whole = await profile(csv(ROWS), { now: NOW });
    expect(finishProfile(mergeProfileStates(a, b), 'small.csv')).toEqual(whole);
  });

  it('--sample N reads the first N rows only', async () => {
    const p = await profile(csv(ROWS), { now: NOW, sample: 2 });
    expect(p.rows).toBe(2);
    expect(p.sampled).toBe(true);
    expect(p.columns[0]?.max).toBe(2);
  });

  it('refuses options that would profile nothing or be ignored, and an input that is not a source, before reading', async () => {
    // `sample: 0` or `NaN` profiled no row (every column "empty"), `Sample` was ignored, and an array or a `now` given
    // as text failed inside the reader (`source.batches is not a function`, `now.getUTCFullYear is not a function`).
    for (const sample of [0, -1, 1.5, Number.NaN]) {
      await expect(profile(csv(ROWS), { now: NOW, sample })).rejects.toThrow(/ddss: profile sample must be a whole number ≥ 1/);
    }
    await expect(profile(csv(ROWS), { now: NOW, Sample: 2 } as never)).rejects.toThrow(/"Sample" is not an option of profile \(did you mean "sample"\?\)/);
    await expect(profile(csv(ROWS), { bounds: { distinct: 0 } })).rejects.toThrow(/bounds.distinct must be a whole number ≥ 1/);
    await expect(profile(csv(ROWS), { bounds: { Distinct: 5 } as never })).rejects.toThrow(/"Distinct" is not an option of profile bounds/);
    await expect(profile([{ a: '1' }] as never)).rejects.toThrow(/ddss: profile reads a source \(readCsv, readJson, readXlsx, readPostgres\); received an array/);
    await expect(profile(csv(ROWS), { now: 'soon' })).rejects.toThrow(/ddss: invalid "now": soon/);
    const p = await profile(csv(ROWS), { now: '2026-11-22' });
    expect(p.rows).toBe(4);
  });

  it('with a sample, stops reading the source after N rows', async () => {
    let batches = 0;
    const source = {
      kind: 'test', info: () => ({ kind: 'test', name: 't' }),
      async *batches() {
        for (;;) {
          batches++;
          if (batches > 3) throw new Error('read past the sample');
          yield { columns: ['a'], rows: [['1'], ['2']] };
        }
      },
    };
    const p = await profile(source, { now: NOW, sample: 5 });
    expect([p.rows, p.sampled, batches]).toEqual([5, true, 3]);
    await expect(profile(source, { now: NOW })).rejects.toThrow('read past the sample');
  });

  it('past the distinct bound, the count is a HyperLogLog estimate, labelled so', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},n${i % 7}\n`);
    const p = await profile(readCsv(Buffer.from(`k,g\n${rows.join('')}`), { name: 'k.csv' }), { now: NOW, bounds: { distinct: 1000 } });
    const k = p.columns[0] as ColumnProfile;
    expect(k.distinct.exact).toBe(false);
    expect(k.distinct.standardError).toBeCloseTo(0.01625, 4);
    expect(Math.abs(k.distinct.count - 3000)).toBeLessThan(3000 * 3 * 0.01625);
    expect(k.topExact).toBe(false);
    expect(k.min).toBe(0);
    expect(p.columns[1]?.distinct).toEqual({ count: 7, exact: true });
    expect(p.columns[1]?.type).toBe('enum');
  });

  it('keeps memory within its bounds on a column of all-distinct values', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `id-${i},${'x'.repeat(i % 50)}\n`);
    const state = await readProfileState(readCsv(Buffer.from(`k,t\n${rows.join('')}`)), { now: NOW, bounds: { distinct: 500, top: 16, shapes: 20 } });
    const [k, t] = state.columns;
    expect(k?.values.counts.size).toBeLessThanOrEqual(16);
    expect(k?.values.exact).toBe(false);
    expect(t?.shapes.counts.size).toBeLessThanOrEqual(16);
    expect(k?.distinct?.registers.length).toBe(4096);
    // A column whose values stay exact has no sketch: it counts them itself.
    expect([t?.values.exact, t?.distinct]).toEqual([true, null]);
  });

  it('a JSON record without a key has the column missing', async () => {
    const p = await profile(readJson([Buffer.from('[{"a":1,"b":"x"},{"a":2}]')], { format: 'json', name: 'r.json' }), { now: NOW });
    expect(p.columns.map((c) => [c.name, c.type, c.missing, c.cells])).toEqual([['a', 'integer', 0, 2], ['b', 'text', 1, 2]]);
  });

  it('keeps a column the header repeats apart, and profiles a header without rows', async () => {
    const dup = await profile(readCsv(Buffer.from('a,a\n1,x\n'), { name: 'd.csv' }), { now: NOW });
    expect(dup.columns.map((c) => [c.name, c.occurrence, c.type])).toEqual([['a', 0, 'integer'], ['a', 1, 'text']]);
    const empty = await profile(readCsv(Buffer.from('h1,h2\n'), { name: 'h.csv' }), { now: NOW });
    expect(empty.columns.map((c) => [c.name, c.type, c.cells])).toEqual([['h1', 'empty', 0], ['h2', 'empty', 0]]);
  });
});
