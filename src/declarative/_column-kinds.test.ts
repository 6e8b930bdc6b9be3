import { describe, expect, it } from 'vitest';
import { validate } from '../core/validate.js';
import { DefinitionError } from './definition-error.js';
import { parseDefinition } from './parse-definition.js';
import { defineDataset } from '../define.js';
import { field } from '../field.js';
import { vn } from '../../rules/vn/index.js';
import type { DatasetRule } from '../core/types.js';

function problem(text: string): DefinitionError | undefined {
  try {
    parseDefinition(text, { format: 'yaml', file: 'def.yaml' });
  } catch (e) {
    if (e instanceof DefinitionError) return e;
    throw e;
  }
  return undefined;
}

const def = (fields: string, rules = '') => `name: x\nfields:\n${fields}${rules === '' ? '' : `rules:\n  - ${rules}\n`}`;
const TEXT2 = '  a: { type: text }\n  b: { type: text }\n';

describe('rules refuse columns of a type they cannot read', () => {
  // Each passed (or was skipped on) every row before: a date rule never sees a Date in a text column, a pack rule
  // reading text never sees text in a date, boolean or number field.
  it.each([
    [def('  a: { type: integer, vn: [cccdPlausible] }\n'), 'fields.a.vn[0]', 'cccdPlausible applies to text, enum or any fields, not integer (identifiers and codes are text'],
    [def('  a: { type: number, vn: [{ province: { scheme: "2025-07-01" } }] }\n'), 'fields.a.vn[0]', 'province applies to text, enum or any fields, not number'],
    [def('  a: { type: date, vn: [landUseTerm] }\n'), 'fields.a.vn[0]', 'landUseTerm applies to text, enum or any fields, not date'],
    [def('  a: { type: date, vn: [excelSerial] }\n'), 'fields.a.vn[0]', 'excelSerial applies to text, any, integer or number fields, not date (for a date field, use the dataset rule vn.excelSerialIn)'],
    [def('  a: { type: boolean, vn: [nfc] }\n'), 'fields.a.vn[0]', 'nfc applies to text, enum or any fields, not boolean'],
    [def('  a: { type: text, vn: [{ province: { dateField: b } }] }\n  b: { type: text }\n'), 'fields.a.vn[0].province.dateField', '"b" is a text field; this rule reads date or datetime fields'],
    [def('  a: { type: text, vn: [{ landUseCode: { dateField: b, strict: true } }] }\n  b: { type: integer }\n'), 'fields.a.vn[0].landUseCode.dateField', '"b" is an integer field'],
    [def(TEXT2, '{ type: freshness, column: a, maxAge: { days: 30 } }'), 'rules[0].column', '"a" is a text field; this rule reads date or datetime fields'],
    [def(TEXT2, '{ type: noOverlap, entity: a, from: a, to: b }'), 'rules[0].from', '"a" is a text field'],
    [def(TEXT2, '{ type: vn.datesOrdered, fields: [a, b] }'), 'rules[0].fields[0]', '"a" is a text field'],
    [def(TEXT2, '{ type: vn.cardNotExpired, status: a, validTo: b }'), 'rules[0].validTo', '"b" is a text field'],
    [def(TEXT2, '{ type: vn.cardPeriodOrdered, validFrom: a, validTo: b }'), 'rules[0].validFrom', '"a" is a text field'],
    [def(TEXT2, '{ type: vn.salaryInRange, salary: a, month: b }'), 'rules[0].salary', '"a" is a text field; this rule reads integer or number fields'],
    [def(TEXT2, '{ type: vn.vn2000, northField: a, eastField: b }'), 'rules[0].northField', 'reads integer or number fields'],
    [def(TEXT2, '{ type: vn.capitalPositive, capital: a, typeField: b }'), 'rules[0].capital', 'reads integer or number fields'],
    [def(TEXT2, '{ type: vn.suspensionWithinYear, status: a, statusDate: b }'), 'rules[0].statusDate', 'reads date or datetime fields'],
    [def(`${TEXT2}  u: { type: datetime }\n`, '{ type: vn.closedNotEdited, status: a, statusDate: b, updatedAt: u }'), 'rules[0].statusDate', '"b" is a text field'],
    [def(`${TEXT2}  c: { type: text }\n`, '{ type: vn.agriculturalTerm, code: a, term: b, issueDate: c }'), 'rules[0].issueDate', '"c" is a text field'],
    [def(`${TEXT2}  c: { type: date }\n  d: { type: date }\n`, '{ type: vn.childUnderSix, card: a, dob: b, validFrom: c, validTo: d }'), 'rules[0].dob', '"b" is a text field'],
    // Its default genders are the texts Nam and Nữ, which no integer equals: every row passed, counted as checked.
    [def('  a: { type: text }\n  g: { type: integer }\n', '{ type: vn.idGender, id: a, gender: g }'), 'rules[0].gender',
      '"g" is an integer field; this rule reads text, enum or any fields, and would pass every row of it unchecked (or give genders in the form the field holds: { male: [1], female: [2] })'],
  ])('%j → %s', (text, path, detail) => {
    const e = problem(text);
    expect(e?.path).toBe(path);
    expect(e?.detail).toContain(detail);
  });

  it.each([
    // What each rule reads: text for identifiers (a JSON number in a text field is still read), numbers for a serial.
    def('  a: { type: enum, values: ["01"], vn: [province] }\n  b: { type: any, vn: [cccd] }\n'),
    def('  a: { type: integer, vn: [excelSerial] }\n  b: { type: any, vn: [excelSerial] }\n'),
    def('  a: { type: text, vn: [{ province: { dateField: b } }] }\n  b: { type: datetime }\n'),
    def('  a: { type: text }\n  b: { type: date }\n  c: { type: datetime }\n', '{ type: vn.datesOrdered, fields: [b, c] }'),
    def('  a: { type: text }\n  y: { type: text }\n', '{ type: vn.idBirthYear, id: a, birthYear: y }'),
    def('  a: { type: text }\n  g: { type: integer }\n', '{ type: vn.idGender, id: a, gender: g, genders: { male: [1], female: [2] } }'),
    def('  a: { type: text }\n  g: { type: enum, values: [Nam, Nữ] }\n', '{ type: vn.idGender, id: a, gender: g }'),
  ])('accepts %j', (text) => {
    expect(problem(text)).toBeUndefined();
  });

  it('judges the base\'s field by its type when a file extends it', () => {
    const e = problem('extends: land-parcels\nrules:\n  - { type: vn.datesOrdered, fields: [owner_name, gcn_issue_date] }\n');
    expect(e?.path).toBe('rules[0].fields[0]');
    expect(problem('extends: land-parcels\nrules:\n  - { type: vn.datesOrdered, fields: [registered_at, gcn_issue_date], ruleId: o }\n')).toBeUndefined();
  });

  it('still reads a JSON number in a text field as an identifier', async () => {
    const d = parseDefinition(def('  a: { type: text, vn: [cccd] }\n'), { format: 'yaml' });
    const report = await validate(d, [{ a: 12061147678 }], { now: new Date('2026-11-22T00:00:00Z') });
    expect(report.rules.find((r) => r.id === 'a.cccd')?.samples[0]?.code).toBe('leading_zero_lost');
  });

  // The pack's rules declare the kinds they read themselves, so defineDataset refuses what a file is refused, in the
  // same words; before, a TypeScript dataset took them and reported each rule as checked and passed on every row.
  const DATE = 'reads date or datetime fields, and would pass every row of it unchecked';
  const NUMBER = 'reads integer or number fields, and would pass every row of it unchecked';
  it.each<[string, string, () => DatasetRule, string]>([
    ['a+b.datesOrdered', '{ type: vn.datesOrdered, fields: [a, b] }', () => vn.datesOrdered(['a', 'b']), `"a" is a text field; this rule ${DATE}`],
    ['childUnderSix', '{ type: vn.childUnderSix, card: a, dob: b, validFrom: c, validTo: d }',
      () => vn.childUnderSix({ card: 'a', dob: 'b', validFrom: 'c', validTo: 'd' }), `"b" is a text field; this rule ${DATE}`],
    ['cardNotExpired', '{ type: vn.cardNotExpired, status: a, validTo: b }', () => vn.cardNotExpired({ status: 'a', validTo: 'b' }), `"b" is a text field; this rule ${DATE}`],
    ['cardPeriodOrdered', '{ type: vn.cardPeriodOrdered, validFrom: a, validTo: b }', () => vn.cardPeriodOrdered({ validFrom: 'a', validTo: 'b' }), `"a" is a text field; this rule ${DATE}`],
    ['salaryInRange', '{ type: vn.salaryInRange, salary: a, month: b }', () => vn.salaryInRange({ salary: 'a', month: 'b' }), `"a" is a text field; this rule ${NUMBER}`],
    ['salaryInRangeProvisional', '{ type: vn.salaryInRangeProvisional, salary: a, month: b }',
      () => vn.salaryInRangeProvisional({ salary: 'a', month: 'b' }), `"a" is a text field; this rule ${NUMBER}`],
    ['vn2000', '{ type: vn.vn2000, northField: a, eastField: b }', () => vn.vn2000({ northField: 'a', eastField: 'b' }), `"a" is a text field; this rule ${NUMBER}`],
    ['agriculturalTerm', '{ type: vn.agriculturalTerm, code: a, term: b, issueDate: c }',
      () => vn.agriculturalTerm({ code: 'a', term: 'b', issueDate: 'c' }), `"c" is a text field; this rule ${DATE}`],
    ['capitalPositive', '{ type: vn.capitalPositive, capital: a, typeField: b }', () => vn.capitalPositive({ capital: 'a', type: 'b' }), `"a" is a text field; this rule ${NUMBER}`],
    ['suspensionWithinYear', '{ type: vn.suspensionWithinYear, status: a, statusDate: b }',
      () => vn.suspensionWithinYear({ status: 'a', statusDate: 'b' }), `"b" is a text field; this rule ${DATE}`],
    ['closedNotEdited', '{ type: vn.closedNotEdited, status: a, statusDate: b, updatedAt: c }',
      () => vn.closedNotEdited({ status: 'a', statusDate: 'b', updatedAt: 'c' }), `"b" is a text field; this rule ${DATE}`],
  ])('defineDataset refuses %s on text fields as a file does, in the same words', (id, yaml, make, detail) => {
    const fields = { a: field.text(), b: field.text(), c: field.text(), d: field.text() };
    expect(() => defineDataset({ name: 'x', fields, rules: [make()] })).toThrow(`ddss: rule "${id}": ${detail}`);
    expect(problem(def('  a: { type: text }\n  b: { type: text }\n  c: { type: text }\n  d: { type: text }\n', yaml))?.detail).toBe(detail);
  });

  it('defineDataset takes the pack\'s rules on the field types they read', () => {
    const d = defineDataset({
      name: 'x', fields: { from: field.date(), to: field.datetime(), n: field.integer(), x: field.number(), s: field.text() },
      rules: [vn.datesOrdered(['from', 'to']), vn.vn2000({ northField: 'x', eastField: 'n' }), vn.capitalPositive({ capital: 'n', type: 's' })],
    });
    expect(d.name).toBe('x');
  });
});
