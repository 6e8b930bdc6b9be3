import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule } from '../index.js';

// What a JavaScript definition module (`--dataset x.mjs`) can pass. Before: `rule.record(42, …)` and
// `field.text().check(42, …)` failed at the run as "name.lastIndexOf is not a function", a check that is no function
// as "c1 is not a function (row 0)", `defineDataset(null)` as "Cannot read properties of null (reading 'name')".
describe('builders name themselves and the argument a JavaScript caller got wrong', () => {
  it.each<[string, () => unknown, string]>([
    ['rule.record with a number id', () => rule.record(42 as never, () => true),
      'ddss: rule.record(id, check, options?): id must be a string, got number'],
    ['rule.record without a check', () => rule.record('dates_ordered', 'r.a <= r.b' as never),
      'ddss: rule.record(id, check, options?): check must be a function, got string'],
    ['a field check with a number id', () => field.text().check(42 as never, () => true),
      'ddss: field .check(id, fn, options?): id must be a string, got number'],
    ['a field check that is no function', () => field.text().check('even', null as never),
      'ddss: field .check(id, fn, options?): fn must be a function, got null'],
    ['defineDataset with a number name', () => defineDataset({ name: 42 as never, fields: { id: field.text() } }),
      'ddss: defineDataset: name must be a string, got number'],
    ['defineDataset of null', () => defineDataset(null as never),
      'ddss: defineDataset: the definition must be an object ({ name, fields }), got null'],
    ['defineDataset without fields', () => defineDataset({ name: 'th' } as never),
      'ddss: defineDataset: fields must be an object of field specs ({ id: field.text() }), got undefined'],
  ])('%s → TypeError', (_what, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });

  it('still says a dataset needs a name when it has none', () => {
    expect(() => defineDataset({ name: ' ', fields: { id: field.text() } })).toThrow('ddss: a dataset needs a name');
    expect(() => defineDataset({ fields: { id: field.text() } } as never)).toThrow('ddss: a dataset needs a name');
  });
});
