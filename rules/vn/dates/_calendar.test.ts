import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYearsUtc, addYearsUtcMs } from './_calendar.js';

const MAX_TIME = 8.64e15;
const DAY = 86_400_000;

describe('addYearsUtcMs', () => {
  it('equals addYearsUtc on every time a Date holds, any whole number of years', () => {
    // Times near leap days, century and era boundaries come from days of the 400-year cycle plus a time of day.
    const nearLeap = fc.tuple(fc.integer({ min: -4000, max: 4000 }), fc.constantFrom(1, 2), fc.integer({ min: 27, max: 29 }),
      fc.integer({ min: 0, max: DAY - 1 })).map(([y, m, d, t]) => Date.UTC(y, m - 1, d) + t);
    const any = fc.integer({ min: -MAX_TIME, max: MAX_TIME });
    const years = fc.oneof(fc.integer({ min: -500, max: 500 }), fc.constantFrom(0, 50, 400, -400, 275_760, -275_760, 300_000));
    fc.assert(fc.property(fc.oneof(nearLeap, any), years, (ms, n) => {
      expect(addYearsUtcMs(ms, n)).toBe(addYearsUtc(new Date(ms), n).getTime());
    }), { numRuns: 20_000 });
  });

  it('29 February gives 28 February in a common year, and keeps the time of day', () => {
    expect(new Date(addYearsUtcMs(Date.UTC(2024, 1, 29, 13, 5), 50)).toISOString()).toBe('2074-02-28T13:05:00.000Z');
    expect(new Date(addYearsUtcMs(Date.UTC(2024, 1, 29), 4)).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(new Date(addYearsUtcMs(Date.UTC(1900, 1, 28), 100)).toISOString()).toBe('2000-02-28T00:00:00.000Z');
  });

  it('is NaN for NaN and past the range of a Date, as addYearsUtc is', () => {
    expect(addYearsUtcMs(NaN, 50)).toBeNaN();
    expect(addYearsUtcMs(MAX_TIME, 1)).toBeNaN();
    expect(addYearsUtcMs(-MAX_TIME, -1)).toBeNaN();
    expect(addYearsUtcMs(Date.UTC(200_000, 0, 1), 0)).toBe(Date.UTC(200_000, 0, 1));
    expect(addYearsUtcMs(0, 0.5)).toBe(addYearsUtc(new Date(0), 0.5).getTime());
  });
});
