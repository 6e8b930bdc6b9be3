/**
 * `??` read null (a JSON config's or a YAML file's unset value) as "not given": a reader's or `compare`'s numeric
 * option of null ran with the default without a word. (The options of a run: src/core/options.test.ts; of a rule:
 * check-results.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { compare, readCsv, readJson, readPostgres, readXlsx } from '../../src/index.js';

const csv = () => readCsv(Buffer.from('id,n\n1,2\n'));
const json = (options: object) => readJson(['[{"id":"1"}]'], options as never);

describe('a numeric option given null is refused, not read as its default', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['readCsv maxRecordBytes', () => readCsv(Buffer.from('id\n1\n'), { maxRecordBytes: null } as never), /^ddss: maxRecordBytes must be ≥ 1$/],
    ['readJson maxRecordBytes', () => json({ maxRecordBytes: null }), /^ddss: maxRecordBytes must be a positive number$/],
    ['readJson maxDepth', () => json({ maxDepth: null }), /^ddss: maxDepth must be an integer ≥ 1$/],
    ['compare maxSamples', () => compare(csv(), csv(), { key: 'id', maxSamples: null } as never), /^ddss: maxSamples must be a whole number ≥ 0$/],
    ['compare memoryBudget', () => compare(csv(), csv(), { key: 'id', memoryBudget: null } as never), /^ddss: memoryBudget must be a positive number of bytes$/],
    // Text that reads as a number passed the `> 0` check (compared as text) and was used as it was.
    ['readJson maxRecordBytes as text', () => json({ maxRecordBytes: '5' }), /^ddss: maxRecordBytes must be a positive number$/],
    ['compare memoryBudget as text', () => compare(csv(), csv(), { key: 'id', memoryBudget: '5' } as never), /^ddss: memoryBudget must be a positive number of bytes$/],
  ])('%s', async (_what, call, message) => {
    await expect(Promise.resolve().then(call)).rejects.toThrow(message);
  });
});

// batchSize was read as Math.max(1, Math.floor(size ?? default)): null ran with the default, 0 and -5 with 1, 2.5
// with 2 and '256' as 256, without a word.
describe("a reader's batchSize that is not a whole number ≥ 1 is refused", () => {
  const readers: Array<[string, (batchSize: unknown) => unknown]> = [
    ['readCsv', (batchSize) => readCsv(Buffer.from('id\n1\n'), { batchSize } as never)],
    ['readXlsx', (batchSize) => readXlsx('parcels.xlsx', { batchSize } as never)], // opened only when read
    ['readPostgres', (batchSize) => readPostgres({ connectionString: 'postgres://u@localhost/db', table: 't', batchSize } as never)],
  ];
  const bad: unknown[] = [null, 0, -5, 2.5, '256', Number.NaN, Number.POSITIVE_INFINITY];
  const reader = (name: string) => (readers.find(([n]) => n === name) as (typeof readers)[number])[1];
  it.each(readers.flatMap(([name]) => bad.map((size) => [name, size] as const)))('%s, batchSize %s', (name, size) => {
    expect(() => reader(name)(size)).toThrow(new RangeError(`ddss: ${name}: batchSize must be a whole number ≥ 1, got ${typeof size === 'string' ? `"${size}"` : String(size)}`));
  });
  it.each(readers.map(([name]) => name))('%s takes a whole number, or its default when left out', (name) => {
    expect(() => reader(name)(1)).not.toThrow();
    expect(() => reader(name)(undefined)).not.toThrow();
  });
});
