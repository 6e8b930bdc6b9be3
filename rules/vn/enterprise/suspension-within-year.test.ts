import { describe, expect, it } from 'vitest';
import { suspensionWithinYear } from './suspension-within-year.js';
import { codes, day, runRecord } from '../cross/_testkit.js';

const now = new Date('2026-11-22T03:00:00Z');

describe('suspensionWithinYear', () => {
  const rule = suspensionWithinYear({ status: 'status', statusDate: 'status_date' });
  it.each([
    ['suspended', '2025-11-22'], ['suspended', '2026-06-01'], [' suspended ', '2026-11-22'], ['active', '2020-01-01'],
    ['dissolved', '2019-05-05'],
  ])('accepts %s since %s', (status, since) => {
    expect(runRecord(rule, { status, status_date: day(since) }, now)).toEqual([]);
  });

  it.each([['suspended', '2025-11-21'], ['suspended', '2020-02-29'], [' suspended', '2024-01-01']])(
    'reports %s since %s', (status, since) => {
      expect(runRecord(rule, { status, status_date: day(since) }, now)).toEqual([
        { code: 'suspension_overdue', field: 'status_date', params: { today: '2026-11-22' } },
      ]);
    });

  it('is a live warning, with its own suspended values', () => {
    expect([rule.criterion, rule.severity]).toEqual(['live', 'warning']);
    const r = suspensionWithinYear({ status: 's', statusDate: 'd' }, { suspended: ['Tạm ngừng'] });
    expect(codes(runRecord(r, { s: 'Tạm ngừng', d: day('2020-01-01') }, now))).toEqual(['suspension_overdue']);
    expect(runRecord(r, { s: 'suspended', d: day('2020-01-01') }, now)).toEqual([]);
  });
});
