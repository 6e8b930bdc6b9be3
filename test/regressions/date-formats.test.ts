/**
 * Issue "Never a false passed", item 10 (definition side): a date format that cannot mean what it says is refused when
 * the definition is built, in TypeScript and in YAML alike, and a parser that throws while reading a value becomes
 * an error of the field's type rule instead of ending the run.
 */
import { describe, expect, it } from 'vitest';
import { defineDataset, field, validate } from '../../src/index.js';
import { readCsv } from '../../src/sources/csv/read-csv.js';
import { parseDefinition } from '../../src/declarative/parse-definition.js';
import { landUseTerm } from '../../rules/vn/land/land-use-term.js';
import type { FieldSpecData } from '../../src/core/types.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');

describe('date formats are checked at definition time', () => {
  it.each([
    ['DD/MM/YYYY', 'ddss: date format "DD/MM/YYYY": DD is the day of the year and YYYY the week-numbering year; did you mean dd/MM/yyyy?'],
    ['dd/mm/yyyy', 'ddss: date format "dd/mm/yyyy": mm is minutes; did you mean MM (month)?'],
    ['dd/MM/yyyy mm:ss', 'ddss: date format "dd/MM/yyyy mm:ss": mm is minutes; did you mean MM (month)?'],
    ['dd/MM', 'ddss: date format "dd/MM": no year (yyyy)'],
  ])('field.date(%j) throws, naming the format and the likely intended token', (format, message) => {
    expect(() => field.date(format)).toThrow(message);
  });

  it.each([
    ['dd/mm/yyyy', 'def.yaml: fields.born.format: "dd/mm/yyyy": mm is minutes; did you mean MM (month)?'],
    ['DD/MM/YYYY', 'def.yaml: fields.born.format: "DD/MM/YYYY": DD is the day of the year and YYYY the week-numbering year; did you mean dd/MM/yyyy?'],
  ])('a YAML date field with format %s is refused with its path', (format, message) => {
    const text = `name: x\nfields:\n  born: { type: date, format: "${format}" }\n`;
    expect(() => parseDefinition(text, { format: 'yaml', file: 'def.yaml' })).toThrow(message);
  });

  it('rules that read dates in a format check it too', () => {
    expect(() => landUseTerm({ format: 'DD/MM/YYYY' })).toThrow('did you mean dd/MM/yyyy?');
  });

  it('a format with a whole time still reads date-times (insurance XML: yyyyMMddHHmm)', () => {
    expect(field.date('yyyyMMddHHmm').parse('202504031530')).toEqual(new Date('2025-04-03T15:30:00Z'));
  });

  it('dd/MM/yyyy still refuses 31/02/2024', async () => {
    const def = defineDataset({ name: 'd', fields: { born: field.date('dd/MM/yyyy') } });
    const report = await validate(def, [{ born: '31/02/2024' }], { now: NOW });
    expect(report.rules.find((r) => r.id === 'born.type')).toMatchObject({ status: 'failed', failed: 1 });
  });
});

describe('a parser never throws out of a run', () => {
  const throwing = (): FieldSpecData => ({ ...field.text(), parse: () => { throw new Error('parser broke'); } });

  const objects = () => [{ a: 'x', b: 'y' }, { a: 'z', b: 'w' }];
  const csv = () => readCsv((async function* () { yield new TextEncoder().encode('a,b\nx,y\nz,w\n'); })());
  it.each([['object rows', objects], ['CSV rows', csv]] as const)(
    'a throw from a parser is an error of the type rule (%s); other fields are still checked', async (_, rows) => {
      const def = defineDataset({ name: 'p', fields: { a: throwing(), b: field.text().pattern(/^y$/) } });
      const report = await validate(def, rows(), { now: NOW });
      expect(report.partial).toBe(false);
      expect(report.status).toBe('error');
      expect(report.rules.find((r) => r.id === 'a.type')).toMatchObject({ status: 'error', error: expect.stringContaining('parser broke') });
      expect(report.rules.find((r) => r.id === 'b.pattern')).toMatchObject({ checked: 2, failed: 1 });
    });

  it('the error of a personal field\'s parser does not show the value', async () => {
    const secret: FieldSpecData = { ...field.text().pii(), parse: (raw) => { throw new Error(`cannot read ${String(raw)}`); } };
    const report = await validate(defineDataset({ name: 'p', fields: { id: secret } }), [{ id: '001089012345' }], { now: NOW });
    const error = report.rules.find((r) => r.id === 'id.type')?.error ?? '';
    // A parser's message may quote the raw value in any form, so the whole message is withheld for personal fields.
    expect(error).toContain('message withheld');
    expect(error).not.toContain('001089012345');
    expect(error).not.toContain('cannot read');
  });
});
