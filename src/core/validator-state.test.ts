import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import {
  createValidator, defineDataset, field, rule, toJson, type ValidateOptions, type Validator, type ValidatorState,
} from '../index.js';
import { oneBhxhPerId } from '../../rules/vn/cross/one-bhxh-per-id.js';
import { liveState } from './live-state.js';
import { older, olderRows, olderValidator } from '../../test/fixtures/state/older-states.js';

// `state()` gave out the validator's own state: a checkpoint grew with the rows added after it (merged elsewhere it
// counted them: "failed rows=4" for 2 rows), and a state merged into another validator changed as its own validator
// went on ("a finding whose row is 2, not one of the 2 rows read").
const NOW = new Date('2026-01-01T00:00:00Z');
const def = defineDataset({
  name: 'state-copy', key: 'id',
  fields: {
    id: field.text().required().unique().pattern(/^\d+$/), a: field.text(), b: field.integer(), person: field.text(),
    bhxh: field.text(), from: field.date('yyyy-MM-dd'), to: field.date('yyyy-MM-dd'),
  },
  rules: [
    rule.uniqueBy(['a', 'b']), oneBhxhPerId({ id: 'person', bhxh: 'bhxh' }), rule.noOverlap('person', 'from', 'to'),
    rule.coverage('a', ['x', 'y', 'z']), rule.freshness('from', { days: 30 }),
  ],
});
const row = (i: number) => ({
  id: ['1', '2', 'bad', `${i}`, '1'][i % 5] as string, a: ['x', 'y'][i % 2] as string, b: String(i % 3),
  person: ['001', '002', '003'][i % 3] as string, bhxh: ['B1', 'B2', 'B3', 'B4'][i % 4] as string,
  from: `2025-0${1 + (i % 9)}-01`, to: `2025-0${1 + (i % 9)}-20`,
});
const rows = Array.from({ length: 30 }, (_, i) => row(i));
const options: ValidateOptions = { now: NOW, worstRecords: 3, groupBy: 'person', maxSamplesPerRule: 1000 };
const validatorOf = (part: readonly unknown[], o: ValidateOptions = options) => {
  const v = createValidator(def, o);
  v.addMany(part);
  return v;
};
/** The report of one validator fed `part` (what a merge of its shards must give). */
const whole = (part: readonly unknown[], o: ValidateOptions = options) => toJson(validatorOf(part, o).finish());
const bytes = (s: ValidatorState) => serialize(s);

describe('Validator.state() is a copy that nothing done afterwards changes', () => {
  it('a checkpoint keeps what was read when it was taken, and merged elsewhere counts only that', () => {
    const a = validatorOf(rows.slice(0, 10));
    const checkpoint = a.state();
    const before = bytes(checkpoint);
    a.addMany(rows.slice(10, 20));
    a.merge(validatorOf(rows.slice(20)).state());
    a.finish();
    expect(checkpoint.rows).toBe(10);
    expect(bytes(checkpoint).equals(before)).toBe(true);
    const b = validatorOf(rows.slice(20));
    b.merge(checkpoint);
    expect(toJson(b.finish())).toBe(whole([...rows.slice(20), ...rows.slice(0, 10)]));
  });

  it('a state taken before its validator merged another is merged elsewhere as it was taken', () => {
    const x = validatorOf(rows.slice(0, 15));
    const y = validatorOf(rows.slice(15));
    const sx = x.state();
    x.merge(y.state());
    y.merge(sx);
    expect(toJson(y.finish())).toBe(whole([...rows.slice(15), ...rows.slice(0, 15)]));
    expect(toJson(x.finish())).toBe(whole(rows));
  });

  it('two states of one validator are two objects, each whole', () => {
    const v = validatorOf(rows.slice(0, 5));
    const s1 = v.state();
    const s2 = v.state();
    expect(s1).not.toBe(s2);
    expect(s1.rules[0]).not.toBe(s2.rules[0]);
    expect(bytes(s1).equals(bytes(s2))).toBe(true);
  });

  it('liveState (ddss\'s own runs) reads the state itself, without a copy', () => {
    const v = validatorOf(rows.slice(0, 5));
    const own = liveState(v);
    v.add(rows[5]);
    expect(own.rows).toBe(6);
    expect(liveState(v)).toBe(own);
  });
});

describe('merge(state) leaves the state it was given as it was', () => {
  /** Merges `given` into `into`, adds rows after it and finishes: `given` must not change at any step. */
  const unchanged = (into: Validator, given: ValidatorState, after: readonly unknown[], last: boolean) => {
    const before = bytes(given);
    into.merge(given, last);
    expect(bytes(given).equals(before)).toBe(true);
    if (!last) {
      into.addMany(after);
      expect(bytes(given).equals(before)).toBe(true);
    }
    into.finish();
    expect(bytes(given).equals(before)).toBe(true);
  };

  it.each([false, true])('a state of this ddss, into a validator with rows or none (last merge: %s)', (last) => {
    unchanged(validatorOf(rows.slice(0, 10)), validatorOf(rows.slice(10, 20)).state(), rows.slice(20), last);
    unchanged(validatorOf([]), validatorOf(rows.slice(10, 20)).state(), rows.slice(20), last);
  });

  it.each([false, true])('a state with timings, into a validator that measures none (last merge: %s)', (last) => {
    unchanged(validatorOf(rows.slice(0, 10)), validatorOf(rows.slice(10, 20), { ...options, timings: true }).state(), rows.slice(20), last);
  });

  // The uniqueness rules of an older ddss kept a key table: merging one replayed the given state's log into its
  // table, and a validator holding none adopted the given table, then grew it with its own rows.
  it.each([false, true])('states that hold an older ddss\'s key tables (last merge: %s)', (last) => {
    unchanged(olderValidator(), older('older-ddss-first-25.v8'), olderRows.slice(25), last);
    unchanged(olderValidator(olderRows.slice(0, 25)), older('older-ddss-rest.v8'), [], last);
    const withTable = olderValidator();
    withTable.merge(older('older-ddss-first-25.v8'));
    unchanged(withTable, olderValidator(olderRows.slice(25)).state(), [], last);
    const fromTable = olderValidator();
    fromTable.merge(older('older-ddss-first-25.v8'));
    unchanged(olderValidator(), fromTable.state(), olderRows.slice(25), last);
  });
});
