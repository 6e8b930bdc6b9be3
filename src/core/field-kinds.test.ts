import { describe, expect, it } from 'vitest';
import { DATES, NUMBERS, TEXTUAL, checkFieldKinds, fieldKindsOf, kindMismatch, kindsByField } from './field-kinds.js';
import { recordRule } from './rule-base.js';
import type { FieldType } from './types.js';
import { defineDataset } from '../define.js';
import { field } from '../field.js';
import { vn } from '../../rules/vn/index.js';

describe('field kinds', () => {
  it.each<[FieldType, typeof DATES, boolean]>([
    ['date', DATES, true], ['datetime', DATES, true], ['text', DATES, false], ['any', DATES, false],
    ['integer', NUMBERS, true], ['number', NUMBERS, true], ['text', NUMBERS, false],
    ['enum', TEXTUAL, true], ['integer', TEXTUAL, false],
  ])('a %s field is readable by a %o rule: %s', (type, kind, readable) => {
    expect(kindMismatch('f', type, kind) === undefined).toBe(readable);
  });

  it('names the field, its type and what the rule reads', () => {
    expect(kindMismatch('a', 'integer', { ...DATES, hint: 'or else' }))
      .toBe('"a" is an integer field; this rule reads date or datetime fields, and would pass every row of it unchecked (or else)');
  });

  it('keeps what a rule declares under its symbol, out of its keys', () => {
    const rule = recordRule({ name: 'r', criterion: 'correct', fields: ['a'], fieldKinds: { a: DATES } }, () => undefined);
    expect(fieldKindsOf(rule)).toEqual({ a: DATES });
    expect(Object.keys(rule)).not.toContain('fieldKinds');
    expect(fieldKindsOf(recordRule({ name: 'r', criterion: 'correct' }, () => undefined))).toEqual({});
  });

  it('checks only declared fields, by the type the dataset gives them', () => {
    const rule = recordRule({ name: 'r', criterion: 'correct', fieldKinds: kindsByField([['a', DATES], ['b', NUMBERS]]) }, () => undefined);
    const types: Record<string, FieldType> = { a: 'date', b: 'text' };
    expect(() => checkFieldKinds(rule, 'r', (f) => types[f])).toThrow('ddss: rule "r": "b" is a text field; this rule reads integer or number fields');
    expect(() => checkFieldKinds(rule, 'r', () => undefined)).not.toThrow();
  });

  // One column given as both a salary and its month is never both a number and a date: with the later kind simply
  // replacing the earlier, a date column passed as the month and the salary rule judged nothing.
  it('asks a field given twice to be of both kinds', () => {
    expect(kindsByField([['a', DATES], ['a', DATES]])).toEqual({ a: DATES });
    const both = kindsByField([['a', NUMBERS], ['a', DATES]]).a;
    expect([...both?.types ?? ['?']]).toEqual([]);
    expect(() => defineDataset({ name: 'x', fields: { d: field.date() }, rules: [vn.salaryInRange({ salary: 'd', month: 'd' })] }))
      .toThrow('ddss: rule "salaryInRange": "d" is a date field; this rule reads integer or number, and date or datetime fields');
  });
});
