import { describe, expect, it } from 'vitest';
import { formatCount, formatInstant, formatParam, formatPercent, scoreBand } from './_format.js';

describe('formatPercent', () => {
  it.each([
    [1, 'en', '100%'],
    [0, 'en', '0%'],
    [0.5, 'en', '50%'],
    [0.98765, 'en', '98.8%'],
    [0.98765, 'vi', '98,8%'],
    [0.99996, 'en', '99.9%'],
    [0.00001, 'en', '0.1%'],
    [null, 'en', '—'],
    [Number.NaN, 'vi', '—'],
  ] as const)('formats %s in %s as %s', (share, locale, text) => {
    expect(formatPercent(share, locale)).toBe(text);
  });
});

describe('formatCount', () => {
  it.each([
    [0, 'en', '0'],
    [999, 'en', '999'],
    [1234567, 'en', '1,234,567'],
    [1234567, 'vi', '1.234.567'],
  ] as const)('formats %s in %s as %s', (n, locale, text) => {
    expect(formatCount(n, locale)).toBe(text);
  });
});

describe('scoreBand', () => {
  it.each([[1, 'good'], [0.95, 'good'], [0.9, 'fair'], [0.5, 'poor'], [null, 'none']] as const)('puts %s in band %s', (s, band) => {
    expect(scoreBand(s)).toBe(band);
  });
});

describe('formatInstant and formatParam', () => {
  it('shows the run time in UTC whatever the machine zone', () => {
    expect(formatInstant('2026-11-22T07:05:00.000Z')).toBe('2026-11-22 07:05 UTC');
  });

  it.each([
    [{ en: 'text', vi: 'văn bản' }, 'văn bản'],
    ['/^\\d{12}$/', '/^\\d{12}$/'],
    [[1, 2], '1, 2'],
    [{ min: 1 }, '{"min":1}'],
  ])('shows the parameter %j', (value, text) => {
    expect(formatParam(value, 'vi')).toBe(text);
  });
});
