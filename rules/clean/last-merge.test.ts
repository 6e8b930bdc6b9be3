import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, defineDataset, field, rule, toJson } from '../../src/index.js';
import { oneBhxhPerId } from '../vn/cross/one-bhxh-per-id.js';
import { NOW } from '../../test/_run.js';

/** Every uniqueness rule: a field's unique (trimmed values), a composite key, and a rule that keeps notes. */
const def = defineDataset({
  name: 'last-merge', key: 'id',
  fields: { id: field.text().unique(), a: field.text(), b: field.integer(), person: field.text(), bhxh: field.text() },
  rules: [rule.uniqueBy(['a', 'b']), oneBhxhPerId({ id: 'person', bhxh: 'bhxh' })],
});

const small = (values: readonly string[]) => fc.constantFrom(...values);
const row = fc.record({
  id: small(['P1', 'P2', 'P3', ' P1', 'P4 ', 'P5', '']),
  a: small(['x', 'y', 'z', '']), b: small(['1', '2', '3']),
  person: small(['001', '002', '003']), bhxh: small(['B1', 'B2', 'B3', 'B4']),
});

/** The report of `rows` validated in the pieces cut at `cuts`, merged in order; `last` marks the last merge. */
function pieces(rows: ReadonlyArray<Record<string, string>>, cuts: readonly number[], last: boolean): string {
  const bounds = [0, ...cuts, rows.length];
  const parts = bounds.slice(1).map((end, k) => {
    const v = createValidator(def, { now: NOW, maxSamplesPerRule: 1000 });
    v.addMany(rows.slice(bounds[k], end));
    return structuredClone(v.state());
  });
  const v = createValidator(def, { now: NOW, maxSamplesPerRule: 1000 });
  parts.forEach((s, k) => v.merge(s, last && k === parts.length - 1));
  return toJson(v.finish());
}

describe('the last merge of uniqueness states', () => {
  it('gives the report of one validator over every row, and of merges that keep every value', () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 3 }), (rows, at) => {
      const cuts = [...new Set(at.map((x) => x % (rows.length + 1)))].sort((x, y) => x - y);
      const one = createValidator(def, { now: NOW, maxSamplesPerRule: 1000 });
      one.addMany(rows);
      const whole = toJson(one.finish());
      expect(pieces(rows, cuts, true)).toBe(whole);
      expect(pieces(rows, cuts, false)).toBe(whole);
    }), { numRuns: 300 });
  });
});
