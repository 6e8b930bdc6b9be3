import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { failingReport } from '../../test/fixtures/outputs/reports.js';
import { compare } from '../compare/compare.js';
import {
  formatComparison, formatSummary, toComparisonHtml, toComparisonMarkdown, toHtml, toJson, toJUnit, toMarkdown,
  toWorklistHtml, violationSink, writeViolations,
} from '../index.js';

// Options are read by name: a misspelt one ({ locael: 'vi' }) was ignored and the output rendered in English.
describe('output functions refuse an option they do not have, naming the nearest', () => {
  it.each<[string, string, string, (o: object) => unknown]>([
    ['toHtml', 'locael', 'locale', (o) => toHtml(REPORT, o)],
    ['toMarkdown', 'locael', 'locale', (o) => toMarkdown(REPORT, o)],
    ['toJUnit', 'maxSample', 'maxSamples', (o) => toJUnit(REPORT, o)],
    ['formatSummary', 'colour', 'color', (o) => formatSummary(REPORT, o)],
    ['toJson', 'indnet', 'indent', (o) => toJson(REPORT, o)],
    ['violationSink', 'fromat', 'format', (o) => violationSink(new PassThrough(), o)],
    ['toWorklistHtml', 'locael', 'locale', (o) => toWorklistHtml([], o === null ? o as never : { top: 5, ...o })],
    ['formatComparison', 'sample', 'samples', (o) => formatComparison(COMPARISON, o)],
    ['toComparisonHtml', 'locael', 'locale', (o) => toComparisonHtml(COMPARISON, o)],
    ['toComparisonMarkdown', 'locael', 'locale', (o) => toComparisonMarkdown(COMPARISON, o)],
  ])('%s({ %s }) → did you mean %s', (name, typo, meant, call) => {
    expect(() => call({ [typo]: 'vi' })).toThrow(TypeError);
    expect(() => call({ [typo]: 'vi' })).toThrow(`"${typo}" is not an option of ${name} (did you mean "${meant}"?)`);
    expect(() => call({})).not.toThrow();
    // null failed as "Cannot read properties of null (reading 'locale')".
    expect(() => call(null as never)).toThrow(`ddss: the options of ${name} must be an object, got null`);
  });

  it('writeViolations rejects a misspelt option before writing anything', async () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (c: Buffer) => { written += c.toString(); });
    await expect(writeViolations(out, [], { bmo: false } as object)).rejects.toThrow('"bmo" is not an option of writeViolations (did you mean "bom"?)');
    expect(written).toBe('');
  });

  it('renders with the options it knows, as before', () => {
    expect(toHtml(REPORT, { locale: 'vi' })).toContain('<html lang="vi"');
  });
});

const REPORT = await failingReport();
const COMPARISON = await compare([{ id: 'a', v: 'x' }], [{ id: 'a', v: 'y' }], { key: 'id' });
