/**
 * `??` read null (a JSON config's or a YAML file's unset value) as "not given": a reader's or `compare`'s numeric
 * option of null ran with the default without a word. (The options of a run: src/core/options.test.ts; of a rule:
 * check-results.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { compare, readCsv, readJson } from '../../src/index.js';

const csv = () => readCsv(Buffer.from('id,n\n1,2\n'));
const json = (options: object) => readJson(['[{"id":"1"}]'], options as never);

describe('a numeric option given null is refused, not read as its default', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['readCsv maxRecordBytes', () => readCsv(Buffer.from('id\n1\n'), { maxRecordBytes: null } as never), /^ddss: maxRecordBytes must be ≥ 1$/],
    ['readJson maxRecordBytes', () => json({ maxRecordBytes: null }), /^ddss: maxRecordBytes must be a positive number$/],
    ['readJson maxDepth', () => json({ maxDepth: null }), /^ddss: maxDepth must be an integer ≥ 1$/],
    ['compare maxSamples', () => compare(csv(), csv(), { key: 'id', maxSamples: null } as never), /^ddss: maxSamples must be a whole number ≥ 0$/],
    ['compare memoryBudget', () => compare(csv(), csv(), { key: 'id', memoryBudget: null } as never), /^ddss: memoryBudget must be a positive number of bytes$/],
  ])('%s', async (_what, call, message) => {
    await expect(Promise.resolve().then(call)).rejects.toThrow(message);
  });
});
