import { describe, expect, it } from 'vitest';
import { createValidator, defineDataset, field, profile, readJson, rule, validate } from '../index.js';

const def = defineDataset({ name: 'd', fields: { updated: field.date('yyyy-MM-dd').within({ days: 30 }) },
  rules: [rule.freshness('updated', { days: 30 })] });

describe('the now of a run', () => {
  it.each([null, true, false])('is refused when %s, which was read as 1970 and found a record of 2001 fresh', async (now) => {
    await expect(validate(def, [{ updated: '2001-01-01' }], { now } as never)).rejects.toThrow(/"now" must be a Date/);
    expect(() => createValidator(def, { now } as never)).toThrow(/"now" must be a Date/);
  });

  it.each([new Date('2026-01-15'), '2026-01-15', Date.UTC(2026, 0, 15)])('is a Date, an ISO string or milliseconds (%s)', async (now) => {
    const report = await validate(def, [{ updated: '2026-01-01' }], { now });
    expect([report.now, report.status]).toEqual(['2026-01-15T00:00:00.000Z', 'passed']);
  });
});

describe('the workers of a run', () => {
  // They were floored and clamped: workers -1, 0 or NaN ran one thread without a word (the CLI refused --workers 0).
  it.each<[string, object]>([
    ['workers -1', { workers: -1 }], ['workers 0', { workers: 0 }], ['workers 1.5', { workers: 1.5 }],
    ['workers NaN', { workers: Number.NaN }], ["workers '2'", { workers: '2' }],
    ['minBytesPerWorker -1', { minBytesPerWorker: -1 }], ['minBytesPerWorker Infinity', { minBytesPerWorker: Number.POSITIVE_INFINITY }],
  ])('refuses %s in validate, createValidator and profile', async (_, o) => {
    await expect(validate(def, [{ updated: '2026-01-01' }], o as never)).rejects.toThrow(RangeError);
    expect(() => createValidator(def, o as never)).toThrow(RangeError);
    await expect(profile(readJson(['[{"a":1}]']), o as never)).rejects.toThrow(RangeError);
  });

  it.each([{ workers: 1 }, { workers: 2, minBytesPerWorker: 0 }])('accepts %j', async (o) => {
    const report = await validate(def, [{ updated: '2026-01-01' }], { now: '2026-01-15', ...o });
    expect(report.status).toBe('passed');
  });
});
