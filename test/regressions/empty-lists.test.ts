/**
 * Issue "a check of nothing that passes": rules built on an empty list were accepted. `coverage` of no expected values
 * was skipped on every run, `notOneOf([])` and `rowCount({})` passed every value and table, `oneOf([])`,
 * `field.enum([])` and `reference(column, [])` failed every value, `noOverlap([])` made every row one entity, and
 * `datesOrdered` of one field without `upToNow` compared nothing. Each now throws when the rule is built, and a
 * definition file names the path.
 */
import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule } from '../../src/index.js';
import { vn } from '../../rules/vn/index.js';
import { definitionProblem } from '../_definition-problem.js';
import { run, ruleOf } from '../_run.js';

describe('rules built on an empty list throw when built', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['coverage(column, [])', () => rule.coverage('a', []), /coverage of "a" needs at least one expected value/],
    ['oneOf([])', () => field.text().oneOf([]), /oneOf needs at least one value/],
    ['notOneOf([])', () => field.text().notOneOf([]), /notOneOf needs at least one value/],
    ['field.enum([])', () => field.enum([]), /oneOf needs at least one value/],
    ['reference(column, [])', () => rule.reference('a', []), /reference of "a" needs at least one value/],
    ['noOverlap([], from, to)', () => rule.noOverlap([], 'a', 'b'), /noOverlap needs at least one entity column/],
    ['rowCount({})', () => rule.rowCount({}), /rowCount needs min or max/],
    ['datesOrdered([a], { upToNow: false })', () => vn.datesOrdered(['a'], { upToNow: false }), /datesOrdered of one field/],
  ])('%s', (_, build, why) => {
    expect(build).toThrow(why);
  });

  it.each<[string, () => unknown]>([
    ['coverage of one value', () => rule.coverage('a', ['1'])],
    ['oneOf of one value', () => field.text().oneOf(['x'])],
    ['a reference Set filled before the run', () => rule.reference('a', new Set<string>())],
    ['rowCount({ max })', () => rule.rowCount({ max: 5 })],
    ['datesOrdered of one field up to now', () => vn.datesOrdered(['a'])],
  ])('still accepts %s', (_, build) => {
    expect(build).not.toThrow();
  });

  it('coverage of one value still scores the table', async () => {
    const def = defineDataset({ name: 'd', fields: { a: field.text() }, rules: [rule.coverage('a', ['1'])] });
    const r = ruleOf(await run(def, [{ a: '2' }]), 'a.coverage');
    expect([r.status, r.checked, r.failed, r.score]).toEqual(['failed', 1, 1, 0]);
  });
});

describe('a definition file names the empty list', () => {
  const problem = definitionProblem;
  const rules = (r: string) => `name: x\nfields:\n  a: { type: text }\n  d: { type: date }\nrules:\n  - ${r}\n`;
  it.each([
    ['name: x\nfields:\n  a: { type: text, oneOf: [] }\n', 'fields.a.oneOf'],
    ['name: x\nfields:\n  a: { type: text, notOneOf: [] }\n', 'fields.a.notOneOf'],
    ['name: x\nfields:\n  a: { type: text, notOneOf: { values: [], severity: warning } }\n', 'fields.a.notOneOf.values'],
    ['name: x\nfields:\n  a: { type: enum, values: [] }\n', 'fields.a.values'],
    [rules('{ type: coverage, column: a, expected: [] }'), 'rules[0].expected'],
    [rules('{ type: reference, column: a, values: [] }'), 'rules[0].values'],
    [rules('{ type: rowCount }'), 'rules[0]'],
    [rules('{ type: noOverlap, entity: [], from: d, to: d }'), 'rules[0].entity'],
  ])('%j → %s', (text, path) => {
    expect(problem(text).path).toBe(path);
  });
});
