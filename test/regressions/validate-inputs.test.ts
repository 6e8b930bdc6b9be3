/**
 * Mistakes in what is passed to `validate` are programming errors: they reject with a `ddss:` error that says what
 * is accepted, before any row is read, never with a TypeError from inside the engine (`locale: 'fr'` gave a report
 * whose error was "Cannot read properties of undefined (reading 'below_minimum')"; `validate(def, null)` threw
 * "Cannot read properties of null (reading 'file')"; a string, "Cannot use 'in' operator…").
 */
import { describe, expect, it } from 'vitest';
import { defineDataset, field, validate, type RowInput, type ValidateOptions } from '../../src/index.js';
import { validate as validateOneThread } from '../../src/core/validate.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');
const def = defineDataset({ name: 'd', fields: { n: field.number().min(0) } });
const ACCEPTED = /^ddss: validate reads an array, an iterable or async iterable of rows, or a source \(readCsv, readJson, readXlsx, readPostgres\); received /;

describe('locale', () => {
  it('refuses an unknown locale before reading a row', async () => {
    let read = false;
    async function* rows() { read = true; yield { n: '-1' }; }
    const options = { now: NOW, locale: 'fr' } as unknown as ValidateOptions;
    await expect(validate(def, rows(), options)).rejects.toThrow(/^ddss: locale must be en or vi, got "fr"$/);
    expect(read).toBe(false);
  });

  it('still takes en and vi', async () => {
    const message = async (locale: 'en' | 'vi') =>
      (await validate(def, [{ n: '-1' }], { now: NOW, locale })).rules.find((r) => r.id === 'n.min')?.samples[0]?.message;
    const [en, vi] = [await message('en'), await message('vi')];
    expect(en).toMatch(/minimum/);
    expect(vi).toBeDefined();
    expect(vi).not.toBe(en);
  });
});

describe('input', () => {
  const wrong: readonly [string, unknown, RegExp][] = [
    ['null', null, /received null$/],
    ['undefined', undefined, /received undefined$/],
    ['a string (CSV text)', 'n\n-1', /received a string: pass readCsv\(path\) for a CSV file, readCsv\(new TextEncoder\(\)\.encode\(text\)\) for CSV text$/],
    ['a number', 42, /received number$/],
    ['a generator function, not called', function* rows() { yield { n: '1' }; }, /received a function: pass what it returns \(rows\(\), not rows\)$/],
    ['an object that is no source', { rows: [{ n: '1' }] }, /received an object without Symbol\.iterator, Symbol\.asyncIterator or batches\(\)$/],
  ];
  for (const [what, input, detail] of wrong) {
    it(`refuses ${what} with a TypeError naming the accepted inputs`, async () => {
      for (const run of [validate, validateOneThread]) {
        const e: unknown = await run(def, input as RowInput, { now: NOW }).then(() => undefined, (x: unknown) => x);
        expect(e).toBeInstanceOf(TypeError);
        expect((e as Error).message).toMatch(ACCEPTED);
        expect((e as Error).message).toMatch(detail);
      }
    });
  }
});
