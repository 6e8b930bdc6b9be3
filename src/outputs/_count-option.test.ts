import { describe, expect, it } from 'vitest';
import { defineDataset, field, formatSummary, toHtml, toJUnit, toMarkdown, validate } from '../index.js';
import { formatComparison } from './comparison-text.js';
import type { ComparisonReport } from '../compare/types.js';

const def = defineDataset({ name: 'd', fields: { id: field.text().required().pattern(/^P\d$/) } });
const report = await validate(def, [{ id: 'x1' }, { id: 'x2' }, { id: 'P1' }, { id: '' }]);

// A count went to `slice` as given: -1 showed all but the last sample, 2.5 two, '5' five, null the default.
describe('the count options of the outputs', () => {
  const writers: Array<[string, (value: unknown) => unknown]> = [
    ['toHtml: maxSamples', (v) => toHtml(report, { maxSamples: v as number })],
    ['toJUnit: maxSamples', (v) => toJUnit(report, { maxSamples: v as number })],
    ['toMarkdown: maxRules', (v) => toMarkdown(report, { maxRules: v as number })],
    ['toMarkdown: maxSampleRules', (v) => toMarkdown(report, { maxSampleRules: v as number })],
    ['toMarkdown: maxSamples', (v) => toMarkdown(report, { maxSamples: v as number })],
    ['formatSummary: top', (v) => formatSummary(report, { top: v as number })],
    ['formatComparison: samples', (v) => formatComparison({} as ComparisonReport, { samples: v as number })],
  ];
  const cases = writers.flatMap(([what, write]) => [null, -1, 2.5, '5', NaN].map((v) => [what, v, write] as const));

  it.each(cases)('%s refuses %s', (what, value, write) => {
    expect(() => write(value)).toThrow(new RegExp(`^ddss: ${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} must be a whole number ≥ 0 \\(or Infinity for all\\), got `));
  });

  it('takes 0, a whole number and Infinity, as before', () => {
    const samples = (html: string) => (html.match(/x[12]/g) ?? []).length;
    expect(samples(toMarkdown(report, { maxSamples: 0 }))).toBe(0);
    expect(samples(toMarkdown(report, { maxSamples: 1 }))).toBeGreaterThan(0);
    expect(toMarkdown(report, { maxSamples: Infinity })).toBe(toMarkdown(report, { maxSamples: 100 }));
    expect(toJUnit(report, { maxSamples: Infinity })).toBe(toJUnit(report, { maxSamples: 100 }));
    expect(toHtml(report, { maxSamples: Infinity })).toBe(toHtml(report, { maxSamples: 100 }));
    expect(formatSummary(report, { top: Infinity })).toBe(formatSummary(report, { top: 100 }));
  });
});
