import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, defineDataset, field, rule, toJson } from '../../src/index.js';
import { oneBhxhPerId } from '../vn/cross/one-bhxh-per-id.js';
import { NOW } from '../../test/_run.js';
import { liveState } from '../../src/core/live-state.js';
import { mergeHandedOver } from '../../src/core/hand-over.js';
import { sealLogs } from './_repeated-texts.js';
import { initDuplicates, mergeDuplicates, sightValue } from './_duplicates.js';
import type { RuleContext } from '../../src/core/types.js';

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

/**
 * The report of `rows` validated in the pieces cut at `cuts`, merged in order: every merge keeping every value
 * ('kept'), the last one marked last ('last'), or, as a parallel run does, the last one handed over with every log
 * partitioned ahead by the thread that made it ('handed': the last piece's before it is cloned, as a worker's state
 * is posted, and the merging validator's before the last merge).
 */
function pieces(rows: ReadonlyArray<Record<string, string>>, cuts: readonly number[], how: 'kept' | 'last' | 'handed'): string {
  const bounds = [0, ...cuts, rows.length];
  const parts = bounds.slice(1).map((end, k) => {
    const v = createValidator(def, { now: NOW, maxSamplesPerRule: 1000 });
    v.addMany(rows.slice(bounds[k], end));
    if (how === 'handed' && k === bounds.length - 2) sealLogs(liveState(v));
    return structuredClone(v.state());
  });
  const v = createValidator(def, { now: NOW, maxSamplesPerRule: 1000 });
  parts.forEach((s, k) => {
    const last = k === parts.length - 1;
    if (how !== 'handed' || !last) v.merge(s, how === 'last' && last);
    else {
      sealLogs(liveState(v));
      mergeHandedOver(v, s);
    }
  });
  return toJson(v.finish());
}

describe('the last merge of uniqueness states', () => {
  it('gives the report of one validator over every row, as merges that keep every value do, and a last merge handed over', () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 3 }), (rows, at) => {
      const cuts = [...new Set(at.map((x) => x % (rows.length + 1)))].sort((x, y) => x - y);
      const one = createValidator(def, { now: NOW, maxSamplesPerRule: 1000 });
      one.addMany(rows);
      const whole = toJson(one.finish());
      expect(pieces(rows, cuts, 'last')).toBe(whole);
      expect(pieces(rows, cuts, 'kept')).toBe(whole);
      expect(pieces(rows, cuts, 'handed')).toBe(whole);
    }), { numRuns: 300 });
  });

  it('refuses, handing a log over, rows or lines past what uniqueness tracks, as copying it does', () => {
    const max = 0xfffffffe;
    const ctx = (row: number, line: number) => ({ row, line, key: () => undefined }) as unknown as RuleContext;
    const shifted = initDuplicates(); // its line is its row + 4
    sightValue(shifted, 'P1', ctx(3, 7));
    const free = initDuplicates(); // lines not a shift of rows: stored one by one
    sightValue(free, 'P1', ctx(2, 7));
    sightValue(free, 'P2', ctx(3, 5));
    for (const b of [shifted, free]) {
      for (const given of [false, true]) {
        const at = (rows: number, lines: number) => () => mergeDuplicates(initDuplicates(), b, { rows, lines, last: true, given });
        expect(at(max - 2, 0)).toThrow(/up to 4294967294/);
        expect(at(0, max - 7)).toThrow(/up to 4294967294/); // its largest line + 1, shifted: max + 1
        expect(at(max - 3, max - 8)).not.toThrow();
      }
    }
  });
});
