import { describe, expect, it } from 'vitest';
import { defineDataset, WeightsError } from './define.js';
import { field } from './field.js';
import { rule } from './rule.js';
import { validate } from './core/validate.js';
import type { Criterion } from './core/types.js';

const fields = { a: field.text().required(), b: field.integer().min(0), d: field.date() };
const NOW = new Date('2026-01-01T00:00:00Z');
type Weights = Partial<Record<Criterion, number>>;

describe('defineDataset: weights that leave the overall score null on every run are refused', () => {
  // With every scored criterion weighing 0 the overall score was null, so `failUnder` could never fail the run.
  it.each<[string, Weights]>([
    ['all four 0', { correct: 0, sufficient: 0, clean: 0, live: 0 }],
    ['only live weighed, and no rule checks live', { correct: 0, sufficient: 0, clean: 0 }],
    ['only clean weighed, and no rule checks clean', { correct: 0, sufficient: 0, live: 0 }],
  ])('%s', (_, weights) => {
    expect(() => defineDataset({ name: 'x', fields, weights, failUnder: 0.9 })).toThrow(WeightsError);
  });

  it('counts a criterion checked only by info rules as unchecked (info never lowers a score)', () => {
    const infoOnly = { a: field.text().trimmed({ severity: 'info' }) };
    expect(() => defineDataset({ name: 'x', fields: infoOnly, weights: { correct: 0, sufficient: 0, live: 0 } })).toThrow(WeightsError);
  });

  it('accepts a definition whose every rule is info: it judges nothing by design, whatever the weights', () => {
    const observed = { dob: field.date('yyyy-MM-dd').typeCheck({ severity: 'info' }) };
    expect(() => defineDataset({ name: 'x', fields: observed })).not.toThrow();
  });

  it.each<[string, number]>([['-1', -1], ['NaN', Number.NaN], ['Infinity', Number.POSITIVE_INFINITY]])(
    'still refuses a weight of %s', (_, w) => {
      expect(() => defineDataset({ name: 'x', fields, weights: { live: w } })).toThrow(/weight of live must be a finite number/);
    });

  // Read by criterion name, a misspelt weight was dropped: the score and the verdict changed without a word, where a
  // definition file refuses the same key.
  it.each<[unknown, RegExp]>([
    [{ corect: 9 }, /weights of dataset "x": unknown key "corect" \(did you mean "correct"\?\); the criteria are correct/],
    [{ Correct: 9 }, /unknown key "Correct" \(did you mean "correct"\?\)/],
    [{ correct: 9, livee: 1 }, /unknown key "livee" \(did you mean "live"\?\)/],
    [{ speed: 1 }, /unknown key "speed"; the criteria are/],
    [new Map([['correct', 9]]), /weights of dataset "x" must be an object of criterion weights \(\{ correct: 2 \}\), got a Map/],
    [[9, 1], /must be an object of criterion weights .*got an array/],
    [9, /must be an object of criterion weights .*got number/],
    [null, /must be an object of criterion weights .*got null/],
  ])('refuses weights %o, which were dropped and the score weighed without them', (weights, message) => {
    expect(() => defineDataset({ name: 'x', fields, weights: weights as Weights })).toThrow(WeightsError);
    expect(() => defineDataset({ name: 'x', fields, weights: weights as Weights })).toThrow(message);
  });

  it.each<[string, Weights]>([
    ['default weights', {}],
    ['zeros where a weighed criterion has a rule', { correct: 0, clean: 0, live: 0 }],
    ['a weighed criterion checked by a dataset rule', { correct: 0, sufficient: 0, clean: 0, live: 1 }],
  ])('accepts %s, and failUnder then fails a low score', async (_, weights) => {
    const def = defineDataset({ name: 'x', fields, weights, failUnder: 0.99,
      rules: [rule.freshness('d', { days: 1 }, { severity: 'warning' })] });
    const report = await validate(def, [{ a: '', b: '1', d: '2020-01-01' }, { a: 'x', b: '-1', d: '2020-01-02' }], { now: NOW });
    expect(report.score).not.toBeNull();
    expect(report.status).toBe('failed');
  });
});

describe('defineDataset: parts that are not what they must be are refused, naming them', () => {
  // An id was accepted and ignored: the report still named the rule `a.required`, not the id asked for.
  it.each([
    ['required', () => field.text().required({ id: 'a_present' }), 'required() takes no id: its rule is always "a.required" (got id "a_present")'],
    ['typeCheck', () => field.date().typeCheck({ id: 'a_date', severity: 'info' }), 'typeCheck() takes no id: its rule is always "a.type" (got id "a_date")'],
  ])('refuses an id for %s(), whose rule id is fixed', (_, spec, message) => {
    expect(() => defineDataset({ name: 'x', fields: { a: spec() } })).toThrow(message);
  });

  // A text given as the missing list was read as its letters: `NA` stayed a value, so `required` passed it.
  it('refuses missing values given as a text rather than a list, on the dataset and on a field', async () => {
    expect(() => defineDataset({ name: 'x', missingValues: 'NA' as never, fields: { a: field.text().required() } }))
      .toThrow(/ddss: missingValues of dataset "x" must be a list of texts, got "NA"/);
    expect(() => field.text().required().missing('NA' as never)).toThrow(/ddss: missing\(values\) takes a list of texts, got "NA"/);
    // A list with a hole passed (\`every\` skips holes) and failed later, reading \`.trim\` of undefined.
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point
    const holed = ['NA', , '-'] as never;
    expect(() => defineDataset({ name: 'x', missingValues: holed, fields: { a: field.text() } }))
      .toThrow('ddss: missingValues of dataset "x" must be a list of texts, got a list holding undefined');
    expect(() => field.text().missing(holed)).toThrow('ddss: missing(values) takes a list of texts, got a list holding undefined');
    const def = defineDataset({ name: 'x', missingValues: ['NA'], fields: { a: field.text().required().missing(['-']) } });
    const report = await validate(def, [{ a: 'NA' }, { a: '-' }, { a: 'N' }], { now: NOW });
    expect(report.rules.find((r) => r.id === 'a.required')?.failed).toBe(2);
  });

  it('refuses a personal-data mode that is neither mask nor hash', () => {
    // `pii('HASH')` or `pii('sha')` masked the values where a keyed hash was meant: duplicates were no longer traceable.
    expect(() => field.text().pii('HASH' as never)).toThrow(/ddss: pii\(mode\): mode must be 'mask' or 'hash', got "HASH"/);
    expect(field.text().pii().privacy).toBe('mask');
    expect(field.text().pii('hash').privacy).toBe('hash');
  });

  it('refuses a field that is not a field spec, and a rule list holding what is not a rule', () => {
    expect(() => defineDataset({ name: 'x', fields: { a: 'text' as never } }))
      .toThrow(/ddss: field "a" is not a field spec \(field\.text\(\), field\.number\(\), …\), got "text"/);
    // `cond && rule.rowCount(…)` leaves `false` in the list: it failed as 'rule "undefined": criterion must be …'.
    expect(() => defineDataset({ name: 'x', fields, rules: [rule.rowCount({ min: 1 }), false as never] }))
      .toThrow(/ddss: rules\[1\] of dataset "x" is false, not a rule/);
    expect(() => defineDataset({ name: 'x', fields, rules: () => [undefined as never] }))
      .toThrow(/ddss: rules\[0\] of dataset "x" is undefined, not a rule/);
    expect(() => field.text().use(undefined as never)).toThrow(/ddss: use\(\.\.\.rules\) takes rules, got undefined/);
  });

  // The literal sets the prototype: the field was dropped, and its column never checked.
  it('refuses fields written with a __proto__ key, which is no field, and takes it as a computed key', () => {
    expect(() => defineDataset({ name: 'x', fields: { __proto__: field.text().required(), id: field.text() } as never }))
      .toThrow(/ddss: defineDataset: fields is not a plain object; a "__proto__" key written in an object literal sets its prototype/);
    expect(Object.keys(defineDataset({ name: 'x', fields: { ['__proto__']: field.text(), id: field.text() } }).fields)).toEqual(['__proto__', 'id']);
    expect(Object.keys(defineDataset({ name: 'x', fields: Object.assign(Object.create(null) as object, { id: field.text() }) }).fields)).toEqual(['id']);
  });
});
