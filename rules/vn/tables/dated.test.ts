import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableAt, type DatedTable } from './dated.js';

/** The selection as documented, from scratch: ISO day text against the periods, years clamped to 0000–9999. */
function reference(tables: readonly DatedTable<number>[], date: Date): DatedTable<number> | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  const year = date.getUTCFullYear();
  const day = year > 9999 ? '9999-12-31' : year < 0 ? '0000-01-01' : date.toISOString().slice(0, 10);
  let best: DatedTable<number> | undefined;
  for (const t of tables) {
    if (t.validFrom > day || (t.validTo !== undefined && t.validTo < day)) continue;
    if (best === undefined || t.validFrom > best.validFrom) best = t;
  }
  return best;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// Days near the ends of the calendar and near each other, so periods touch, overlap and start on the same day.
const dayMs = fc.oneof(
  fc.integer({ min: -40, max: 40 }).map((d) => Date.parse('2024-08-01T00:00:00Z') + d * DAY),
  fc.constantFrom(Date.parse('0000-01-01T00:00:00Z'), Date.parse('9999-12-31T00:00:00Z'), Date.parse('1970-01-01T00:00:00Z')),
);
// Periods written as calendar days, and sometimes as text that is not one (compared as text, as documented).
const dayText = fc.oneof({ weight: 6, arbitrary: dayMs.map(iso) }, fc.constantFrom('2024-02-30', '2024-8-1', '', 'z', '2024-08-01T00'));
const table = fc.record({ validFrom: dayText, validTo: fc.option(dayText, { nil: undefined }) })
  .map(({ validFrom, validTo }, ) => ({ version: `${validFrom}/${validTo ?? ''}`, validFrom, ...(validTo === undefined ? {} : { validTo }), source: 's', entries: 0 }));
const date = fc.oneof(
  dayMs.chain((ms) => fc.integer({ min: 0, max: DAY - 1 }).map((t) => new Date(ms + t))),
  fc.constantFrom(new Date('+012000-01-01'), new Date('-000100-06-01'), new Date(Number.NaN), new Date(8.64e15), new Date(-8.64e15)),
);

describe('tableAt', () => {
  it('selects what the documented comparison selects, for any periods and any date', () => {
    fc.assert(fc.property(fc.array(table, { maxLength: 5 }), fc.array(date, { minLength: 1, maxLength: 20 }), (tables, dates) => {
      for (const d of dates) expect(tableAt(tables, d)).toBe(reference(tables, d));
    }), { numRuns: 500 });
  });

  it('answers again after a period was changed in place', () => {
    const a: { version: string; validFrom: string; validTo?: string; source: string; entries: number } =
      { version: 'a', validFrom: '2020-01-01', source: 's', entries: 0 };
    const list = [a];
    expect(tableAt(list, new Date('2021-01-01'))).toBe(a);
    a.validTo = '2020-12-31';
    expect(tableAt(list, new Date('2021-01-01'))).toBeUndefined();
  });
});
