import { describe, expect, it } from 'vitest';
import { within } from './within.js';
import { codes } from '../../test/_ctx.js';

describe('within', () => {
  const now = new Date('2026-11-22T00:00:00Z');
  const rule = within({ days: 365 });
  it.each([
    [new Date('2025-11-22T00:00:00Z'), []],
    [new Date('2025-11-21T23:59:59Z'), ['stale_record']],
    [new Date('2026-11-01T00:00:00Z'), []],
  ])('%j → %j', (v, expected) => expect(codes(rule, v, now)).toEqual(expected));
  it('renders its duration in both locales', () => {
    expect(rule.params?.maxAge).toEqual({ en: '365 days', vi: '365 ngày' });
  });
});
