import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createValidator, defineDataset, field, rule, toJson, type ValidatorState } from '../../src/index.js';
import { oneBhxhPerId } from '../vn/cross/one-bhxh-per-id.js';
import { NOW } from '../../test/_run.js';

/**
 * States made by a ddss whose uniqueness rules kept a key table (commit 9551dd2, before the sighting log), as a
 * program that saved `v8.serialize(validator.state())` holds them: `createValidator(def, { now: NOW,
 * maxSamplesPerRule: 1000 })` fed `rows.slice(0, 25)` and `rows.slice(25)`. This ddss merges them with its own.
 */
const older = (name: string) => deserialize(readFileSync(new URL(`../../test/fixtures/state/${name}`, import.meta.url))) as ValidatorState;

const def = defineDataset({
  name: 'last-merge', key: 'id',
  // The missing values the fixtures' ddss had by default (a state records its definition's signature, which holds them).
  missingValues: ['NULL', 'null', 'N/A', 'n/a', '#N/A', '-', '--'],
  fields: { id: field.text().unique(), a: field.text(), b: field.integer(), person: field.text(), bhxh: field.text() },
  rules: [rule.uniqueBy(['a', 'b']), oneBhxhPerId({ id: 'person', bhxh: 'bhxh' })],
});

// Duplicates within each part and across them, trimmed values, and IDs seen with several BHXH numbers.
const rows = Array.from({ length: 40 }, (_, i) => ({
  id: ['P1', 'P2', ' P1', `P${i}`, 'P3 '][i % 5] as string, a: ['x', 'y', 'z'][i % 3] as string, b: String(i % 4),
  person: ['001', '002', '003'][i % 3] as string, bhxh: ['B1', 'B2', 'B3', 'B4'][i % 4] as string,
}));

const validator = () => createValidator(def, { now: NOW, maxSamplesPerRule: 1000 });
function own(part: readonly Record<string, string>[]): ValidatorState {
  const v = validator();
  v.addMany(part);
  return structuredClone(v.state());
}

describe('states of an older ddss (uniqueness in a key table)', () => {
  const whole = (() => {
    const v = validator();
    v.addMany(rows);
    return toJson(v.finish());
  })();

  it('are what the fixtures hold: tables with repeats, no log', () => {
    const aggs = older('older-ddss-first-25.v8').rules.flatMap((r) => (r.agg === undefined ? [] : [r.agg as Record<string, unknown>]));
    expect(aggs.map((a) => [Object.keys(a).sort(), (a.table as { size: number }).size > 0, (a.later as unknown[]).length > 0]))
      .toEqual(aggs.map(() => [['count', 'later', 'notes', 'table'], true, true]));
  });

  it.each([
    ['older, older', () => older('older-ddss-first-25.v8'), () => older('older-ddss-rest.v8')],
    ['older, own', () => older('older-ddss-first-25.v8'), () => own(rows.slice(25))],
    ['own, older', () => own(rows.slice(0, 25)), () => older('older-ddss-rest.v8')],
  ])('merge with this ddss\'s into the report of one validator (%s; as the last merge or not)', (_, first, rest) => {
    for (const last of [false, true]) {
      const v = validator();
      v.merge(first());
      v.merge(rest(), last);
      expect(toJson(v.finish())).toBe(whole);
    }
  });

  it('merged, then followed by rows of this ddss, give the report of one validator', () => {
    const v = validator();
    v.merge(older('older-ddss-first-25.v8'));
    v.addMany(rows.slice(25));
    expect(toJson(v.finish())).toBe(whole);
  });
});
