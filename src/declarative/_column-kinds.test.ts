import { describe, expect, it } from 'vitest';
import { validate } from '../core/validate.js';
import { DefinitionError } from './definition-error.js';
import { parseDefinition } from './parse-definition.js';

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
});
