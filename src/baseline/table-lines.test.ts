import { describe, expect, it } from 'vitest';
import { judgeTableLine, recordedMeasure, tableLevel, TableLines } from './table-lines.js';

describe('judgeTableLine', () => {
  it.each([
    // A row count: worse when the table shrank (too few) or grew (too many) past the baseline's count.
    ['too_few_rows', '200', '2000', 'worse'],
    ['too_few_rows', '2000', '2000', 'known'],
    ['too_few_rows', '2400', '2000', 'known'],
    ['too_many_rows', '9000', '8000', 'worse'],
    ['too_many_rows', '7000', '8000', 'known'],
    // A stale table: worse when its newest date is older than the baseline's.
    ['stale_table', '2026-08-01T00:00:00.000Z', '2026-09-01T00:00:00.000Z', 'worse'],
    ['stale_table', '2026-09-01T00:00:00.000Z', '2026-09-01T00:00:00.000Z', 'known'],
    ['stale_table', '2026-10-01T00:00:00Z', '2026-09-01T00:00:00.000Z', 'known'],
    // The baseline records no measure (an older ddss wrote no row count) or one that is not a measure: never known.
    ['too_few_rows', '2000', undefined, 'worse'],
    ['too_few_rows', '2000', 'many', 'worse'],
    // This run's measure cannot be read (a masked date: every masked date looks alike): never known.
    ['stale_table', '****-**-**T**:**:**.***Z', '****-**-**T**:**:**.***Z', 'other'],
    // Any other finding is the same finding only with the same value.
    ['missing_expected_value', '79', '79', 'known'],
    ['missing_expected_value', '79', '48', 'other'],
    ['missing_column', undefined, undefined, 'known'],
  ] as const)('%s %s against %s is %s', (code, now, was, judged) => {
    expect(judgeTableLine(code, now, was)).toBe(judged);
  });

  it('keeps a recorded measure only when it reads as one', () => {
    expect([recordedMeasure('too_few_rows', '2000'), recordedMeasure('too_few_rows', undefined),
      recordedMeasure('too_few_rows', '2***'), recordedMeasure('missing_expected_value', '79')])
      .toEqual(['2000', undefined, undefined, undefined]);
  });
});

describe('tableLevel', () => {
  it.each([
    [{ rule: 'rowCount', code: 'too_few_rows' }, true],
    [{ rule: 'p.coverage', code: 'missing_expected_value', field: 'p', value: '79' }, true],
    [{ rule: 'p.pattern', code: 'pattern_mismatch', row: 3, key: 'K3' }, false],
    // A record whose key cell is empty is still a record: it has a row.
    [{ rule: 'p.pattern', code: 'pattern_mismatch', row: 3 }, false],
    [{ rule: 'custom', code: 'x', key: 'K3' }, false],
  ])('%j → %s', (v, expected) => {
    expect(tableLevel(v)).toBe(expected);
  });
});

describe('TableLines', () => {
  it('groups measures by rule, code and field, and other findings by their value too', () => {
    const t = new TableLines();
    t.add({ rule: 'rowCount', code: 'too_few_rows', value: '2000' });
    t.add({ rule: 'p.coverage', code: 'missing_expected_value', field: 'p', value: '48' });
    t.add({ rule: 'p.coverage', code: 'missing_expected_value', field: 'p', value: '92' });
    expect(t.count).toBe(3);
    expect(t.of({ rule: 'rowCount', code: 'too_few_rows', value: '5' }).map((l) => l.value)).toEqual(['2000']);
    expect(t.of({ rule: 'p.coverage', code: 'missing_expected_value', field: 'p', value: '92' }).map((l) => l.index)).toEqual([2]);
    expect(t.of({ rule: 'p.coverage', code: 'missing_expected_value', field: 'p', value: '79' })).toEqual([]);
  });
});
