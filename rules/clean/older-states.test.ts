import { describe, expect, it } from 'vitest';
import { createValidator, toJson, type ValidatorState } from '../../src/index.js';
import { older, olderDef, olderRows } from '../../test/fixtures/state/older-states.js';
import { NOW } from '../../test/_run.js';

// States of an older ddss (test/fixtures/state/older-states.ts) merged with this ddss's own.
const def = olderDef;
const rows = olderRows;

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
