import { describe, expect, it } from 'vitest';
import { fieldProblem } from './field-problem.js';
import { defineDataset } from '../define.js';
import { field } from '../field.js';
import type { FieldSpecData } from './types.js';

const day = (iso: string) => new Date(iso);

// Refused by defineDataset: no value could pass these rules, or they check nothing.
describe('defineDataset refuses a field no value could pass', () => {
  it.each<[string, FieldSpecData, string]>([
    ['min above max', field.number().min(10).max(0), 'min (10) is greater than max (0)'],
    ['min above max (integer)', field.integer().max(0).min(10), 'min (10) is greater than max (0)'],
    ['min above max (dates, as dates)', field.date().min(day('2024-02-01')).max(day('2024-01-31')), 'min (2024-02-01) is greater than max (2024-01-31)'],
    ['min above max (datetime, within a day)', field.datetime().min(day('2024-01-01T12:00:00Z')).max(day('2024-01-01T06:00:00Z')),
      'min (2024-01-01T12:00:00.000Z) is greater than max (2024-01-01T06:00:00.000Z)'],
    ['an exclusive min at max', field.number().min(5, { exclusive: true }).max(5), 'min (5, exclusive) is not less than max (5)'],
    ['an exclusive max at min', field.number().min(5).max(5, { exclusive: true }), 'min (5) is not less than max (5, exclusive)'],
    ['the tightest of two mins', field.number().min(0).min(10).max(5), 'min (10) is greater than max (5)'],
    ['no integer between', field.integer().min(1.2).max(1.8), 'no integer is between min (1.2) and max (1.8)'],
    ['no integer between exclusive bounds', field.integer().min(1, { exclusive: true }).max(2, { exclusive: true }),
      'no integer is between min (1, exclusive) and max (2, exclusive)'],
    ['a number bound on a date field', field.date().min(0), 'min must be a date on a date field, not 0'],
    ['a date bound on an integer field', field.integer().max(day('2024-01-01')), 'max must be a number on an integer field, not 2024-01-01'],
    ['a NaN bound', field.number().min(Number.NaN), 'min must be a number on a number field, not NaN'],
    // Values are finite: these failed every value (or checked nothing), where YAML and JSON refuse `.inf` and 1e400.
    ['max -Infinity', field.integer().max(Number.NEGATIVE_INFINITY), 'max must be a finite number, not -Infinity: no value could meet it'],
    ['min Infinity', field.number().min(Number.POSITIVE_INFINITY), 'min must be a finite number, not Infinity: no value could meet it'],
    ['min Number.MAX_VALUE * 10 (Infinity), exclusive', field.integer().min(Number.MAX_VALUE * 10, { exclusive: true }), 'min must be a finite number, not Infinity: no value could meet it'],
    ['min -Infinity', field.number().min(Number.NEGATIVE_INFINITY), 'min must be a finite number, not -Infinity: every value meets it, so it checks nothing'],
    ['max Infinity, with a when', field.number().max(Number.POSITIVE_INFINITY, { when: () => true }), 'max must be a finite number, not Infinity: every value meets it, so it checks nothing'],
    // Listed values are compared exactly: `'1'` never equals the integer 1, so notOneOf passed every value, oneOf failed it.
    ['a text in notOneOf of an integer field', field.integer().notOneOf(['0' as never]), 'notOneOf lists "0", which is not a whole number: no value of an integer field ever equals it'],
    ['a number in notOneOf of a text field', field.text().notOneOf([0 as never]), 'notOneOf lists 0, which is not a text: no value of a text field ever equals it'],
    ['a fraction in oneOf of an integer field', field.integer().oneOf([1, 1.5]), 'oneOf lists 1.5, which is not a whole number: no value of an integer field ever equals it'],
    ['a text in notOneOf of a date field', field.date().notOneOf(['2024-01-01' as never]), 'notOneOf lists "2024-01-01", which is not a Date: no value of a date field ever equals it'],
    ['a text in oneOf of a boolean field', field.boolean().oneOf(['có' as never]), 'oneOf lists "có", which is not a boolean: no value of a boolean field ever equals it'],
    ['NaN in notOneOf of a number field', field.number().notOneOf([Number.NaN]), 'notOneOf lists NaN, which is not a number: no value of a number field ever equals it'],
  ])('%s', (_name, spec, problem) => {
    expect(fieldProblem(spec)).toBe(problem);
    expect(() => defineDataset({ name: 'd', fields: { area: spec } })).toThrow(`ddss: field "area": ${problem}`);
  });

  it.each<[string, FieldSpecData]>([
    ['equal bounds', field.number().min(5).max(5)],
    ['equal dates', field.date().min(day('2024-01-01')).max(day('2024-01-01'))],
    ['min only', field.number().min(10)],
    ['an exclusive min below max', field.number().min(5, { exclusive: true }).max(5.5)],
    ['one integer between', field.integer().min(1.2).max(2)],
    ['a conditional bound, which may apply to other rows', field.number().min(10, { when: (r) => r.kind === 'a' }).max(0)],
    ['listed values of the field\'s kind', field.integer().oneOf([1, 2]).notOneOf([0])],
    ['listed dates on a date field', field.date().notOneOf([day('2024-01-01')])],
    ['anything listed on an any field', field.any().notOneOf([0, '0', null])],
  ])('accepts %s', (_name, spec) => {
    expect(fieldProblem(spec)).toBeUndefined();
    expect(() => defineDataset({ name: 'd', fields: { area: spec, kind: field.text() } })).not.toThrow();
  });
});

describe('defineDataset refuses a modifier the field\'s type cannot use, naming the types it applies to', () => {
  const ORDERED = 'integer, number, date and datetime';
  const TEXTUAL = 'text, enum and any';
  it.each<[string, FieldSpecData, string]>([
    ['min on text', field.text().min(0), `min applies to ${ORDERED} fields only, not text`],
    ['max on boolean', field.boolean().max(1), `max applies to ${ORDERED} fields only, not boolean`],
    ['min on enum', field.enum(['a']).min(0), `min applies to ${ORDERED} fields only, not enum`],
    ['min on any', field.any().min(0), `min applies to ${ORDERED} fields only, not any`],
    ['length on number', field.number().length({ max: 3 }), `length applies to ${TEXTUAL} fields only, not number`],
    ['trimmed on integer', field.integer().trimmed(), `trimmed applies to ${TEXTUAL} fields only, not integer`],
    ['nfc on date', field.date().nfc(), `nfc applies to ${TEXTUAL} fields only, not date`],
    ['notInFuture on text', field.text().notInFuture(), 'notInFuture applies to date, datetime and integer (a year) fields only, not text'],
    ['within on number', field.number().within({ days: 1 }), 'within applies to date and datetime fields only, not number'],
    ['pattern on date', field.date().pattern(/^\d{4}$/), 'pattern applies to text, enum, integer, number and any fields only, not date'],
    ['notPattern on datetime', field.datetime().notPattern(/^0/), 'notPattern applies to text, enum, integer, number and any fields only, not datetime'],
    // It tested "true"/"false", never the cells ("có", "1"): a pattern for the cells failed every value.
    ['pattern on boolean', field.boolean().pattern(/^[01]$/), 'pattern applies to text, enum, integer, number and any fields only, not boolean'],
  ])('%s', (_name, spec, problem) => {
    expect(() => defineDataset({ name: 'd', fields: { v: spec } })).toThrow(`ddss: field "v": ${problem}`);
  });

  it('judges modifiers only: a custom check or a rule added with use() may be named like one', () => {
    const custom = field.text().check('min', (v) => v.length > 0);
    expect(() => defineDataset({ name: 'd', fields: { v: custom.use(...field.text().rules) } })).not.toThrow();
  });

  it('reads a year on an integer field, as a definition file does', () => {
    expect(field.integer().notInFuture().rules[0]?.code).toBe('future_year');
  });
});
