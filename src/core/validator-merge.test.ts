import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createValidator, defineDataset, field, type ValidateOptions, type ValidatorState } from '../index.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const ids = defineDataset({ name: 'ids', fields: { id: field.text().unique() } });
const validatorOf = (values: readonly string[]) => {
  const v = createValidator(ids, { now: NOW });
  for (const id of values) v.add({ id });
  return v;
};
const counts = (v: ReturnType<typeof createValidator>) => {
  const r = v.finish();
  return [r.rows, r.rules.find((x) => x.id === 'id.unique')?.failed];
};

describe('createValidator: merging states', () => {
  it('refuses to merge its own state (it grew its uniqueness table while walking it, until memory ran out)', () => {
    const v = validatorOf(['a', 'b']);
    expect(() => v.merge(v.state())).toThrow(/cannot merge its own state/);
    expect(counts(v)).toEqual([2, 0]);
  });

  it('refuses a state it has merged already: its rows would count twice, as duplicates of themselves', () => {
    const v = validatorOf(['a']);
    const other = validatorOf(['b', 'c']);
    const s = other.state();
    v.merge(s);
    expect(() => v.merge(s)).toThrow(/ddss: this state was merged already: its rows would count twice/);
    // The validator's state() while it keeps reading is the same state, with the rows merged before in it.
    other.add({ id: 'd' });
    expect(() => v.merge(other.state())).toThrow(/merged already/);
    expect(counts(v)).toEqual([3, 0]);
  });

  // Only the same object was refused: a copy of a state merged twice, or a state merged into two validators that were
  // then merged, counted its rows twice, every key a duplicate of itself.
  it.each<[string, (v: ReturnType<typeof validatorOf>) => void]>([
    ['a structured clone of a state merged already', (v) => {
      const s = validatorOf(['b', 'c']).state();
      v.merge(structuredClone(s));
      v.merge(structuredClone(s));
    }],
    ['a v8 copy (a worker\'s message, a state file) of a state merged already', (v) => {
      const s = validatorOf(['b', 'c']).state();
      v.merge(s);
      v.merge(deserialize(serialize(s)) as ValidatorState);
    }],
    ['a validator that merged a state this one merged already', (v) => {
      const shared = validatorOf(['b', 'c']).state();
      const other = validatorOf([]);
      v.merge(shared);
      other.merge(structuredClone(shared));
      v.merge(other.state());
    }],
    ['a copy of its own state', (v) => v.merge(structuredClone(v.state()))],
    ['the state of a validator it was merged into', (v) => {
      const other = validatorOf(['b', 'c']);
      other.merge(structuredClone(v.state()));
      v.merge(other.state());
    }],
  ])('refuses %s: its rows would count twice', (_, merges) => {
    const v = validatorOf(['a']);
    expect(() => merges(v)).toThrow(/its rows\s+would count twice/);
    const [rows, failed] = counts(v);
    expect(failed).toBe(0);
    expect(rows).toBeLessThanOrEqual(3);
  });

  it('merges states of distinct validators, and states each merged once into validators then merged', () => {
    const left = validatorOf(['a']);
    left.merge(structuredClone(validatorOf(['b']).state()));
    const right = validatorOf(['c']);
    right.merge(deserialize(serialize(validatorOf(['a']).state())) as ValidatorState);
    left.merge(structuredClone(right.state()));
    expect(counts(left)).toEqual([4, 2]);
  });

  it('refuses a state graded otherwise: its report would grade part of the rows, or group them by two fields', () => {
    // Merged, the histogram counted only the graded side's records, groups mixed the values of two fields, and a
    // worst-records list kept by a smaller N lacked records the larger one keeps.
    const graded = (options: ValidateOptions) => {
      const v = createValidator(ids, { now: NOW, ...options });
      v.add({ id: 'a' });
      return v;
    };
    const cases: [ValidateOptions, ValidateOptions, RegExp][] = [
      [{}, { grades: true }, /grades: graded, not ungraded/],
      [{ grades: true }, {}, /grades: ungraded, not graded/],
      [{ groupBy: 'id' }, { grades: true }, /groupBy: none, not id/],
      [{ worstRecords: 5 }, { worstRecords: 1 }, /worstRecords: 1, not 5/],
      [{ groupBy: 'id', maxGroups: 10 }, { groupBy: 'id', maxGroups: 5 }, /maxGroups: 5, not 10/],
    ];
    for (const [mine, theirs, why] of cases) {
      const v = graded(mine);
      expect(() => v.merge(graded(theirs).state()), JSON.stringify([mine, theirs])).toThrow(/ddss: cannot merge a state graded otherwise/);
      expect(() => v.merge(graded(theirs).state())).toThrow(why);
      expect(v.finish().rows).toBe(1);
    }
    const v = graded({ groupBy: 'id', worstRecords: 3 });
    v.merge(graded({ groupBy: 'id', worstRecords: 3 }).state());
    expect(v.finish().rows).toBe(2);
  });

  it('refuses rows, merges and its state after merge(state, true), which counted them against partial tables', () => {
    // Whole: p, q, p, q → 4 rows in duplicate groups. After a last merge the later shard counted 2; a later row 0.
    const merged = validatorOf(['p']);
    merged.merge(validatorOf(['q']).state(), true);
    expect(() => merged.merge(validatorOf(['p', 'q']).state())).toThrow(/after merge\(state, true\)/);
    expect(() => merged.add({ id: 'q' })).toThrow(/after merge\(state, true\)/);
    expect(() => merged.addMany([{ id: 'q' }])).toThrow(/after merge\(state, true\)/);
    expect(() => merged.state()).toThrow(/after merge\(state, true\)/);
    expect(counts(merged)).toEqual([2, 0]);
  });

  it('still merges any number of states when none is marked last, and refuses a merge after finish', () => {
    const v = validatorOf(['p']);
    v.merge(validatorOf(['q']).state());
    v.merge(validatorOf(['p', 'q']).state(), true);
    expect(counts(v)).toEqual([4, 4]);
    expect(() => v.merge(validatorOf(['r']).state())).toThrow(/already finished/);
  });
});

describe('createValidator: merging states of another run, or states that are no longer states', () => {
  const dated = defineDataset({ name: 'dated', fields: { id: field.text().unique(), d: field.date().notInFuture() } });
  const fed = (options: ValidateOptions) => {
    const v = createValidator(dated, { now: NOW, ...options });
    v.add({ id: 'a', d: '2026-06-01' });
    return v;
  };

  // Merged silently before: half the rows judged at one now and half at another, messages in two languages.
  it.each<[string, ValidateOptions, RegExp]>([
    ['another now', { now: '2027-01-01' }, /now 2027-01-01T00:00:00\.000Z, not 2026-01-01T00:00:00\.000Z/],
    ['another timeZone', { timeZone: 'Asia/Ho_Chi_Minh' }, /timeZone Asia\/Ho_Chi_Minh, not UTC/],
    ['another locale', { locale: 'vi' }, /locale vi, not en/],
    ['values shown where the other masks them', { showValues: true }, /showValues true, not false/],
  ])('refuses a state made under %s, naming the difference, and stays as it was', (_, other, difference) => {
    const v = fed({});
    expect(() => v.merge(fed(other).state())).toThrow(difference);
    const r = v.finish();
    expect([r.rows, r.rules.find((x) => x.id === 'd.notInFuture')?.failed]).toEqual([1, 1]);
  });

  it('refuses a state that went through JSON, saying what to do instead (it failed with "set.list.slice is not a function")', () => {
    const v = fed({});
    const json: unknown = JSON.parse(JSON.stringify(fed({}).state()));
    expect(() => v.merge(json as ValidatorState)).toThrow(TypeError);
    expect(() => v.merge(json as ValidatorState)).toThrow(/encodeShardState/);
    expect(v.finish().rows).toBe(1);
  });

  it.each<[string, (s: ValidatorState) => ValidatorState]>([
    ['the state itself', (s) => s],
    ['a structured clone', (s) => structuredClone(s)],
    ['a v8 serialisation', (s) => deserialize(serialize(s)) as ValidatorState],
  ])('merges %s of a validator with the same settings', (_, copy) => {
    const v = fed({});
    v.merge(copy(fed({}).state()));
    const r = v.finish();
    expect([r.rows, r.rules.find((x) => x.id === 'id.unique')?.failed]).toEqual([2, 2]);
  });
});
