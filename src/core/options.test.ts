import { describe, expect, it } from 'vitest';
import { createValidator, defineDataset, field, rule, validate } from '../index.js';

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
