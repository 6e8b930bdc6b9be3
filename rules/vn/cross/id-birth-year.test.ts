import { describe, expect, it } from 'vitest';
import { idBirthYear } from './id-birth-year.js';
import { codes, day, runRecord } from './_testkit.js';
import { defineDataset } from '../../../src/define.js';
import { field } from '../../../src/field.js';
import { parseDefinition } from '../../../src/declarative/parse-definition.js';

const rule = idBirthYear({ id: 'owner_id', birthYear: 'owner_birth_year' });

describe('idBirthYear', () => {
  it.each([
    ['001089012345', 1989], ['079301123456', 2001], ['001089012345', '1989'], ['079301123456', day('2001-05-17')],
    ['001189012345', 1989], [' 001089012345 ', 1989], ['034205000123', 2005],
  ])('accepts ID %s with birth year %s', (id, year) => {
    expect(runRecord(rule, { owner_id: id, owner_birth_year: year })).toEqual([]);
  });

  it.each([
    ['001089012345', 1990], ['001089012345', 2089], ['079301123456', 1901], ['079301123456', day('2000-12-31')],
  ])('reports ID %s with birth year %s', (id, year) => {
    expect(codes(runRecord(rule, { owner_id: id, owner_birth_year: year }))).toEqual(['id_birth_year_mismatch']);
  });

  it.each([
    ['012345678', 1950], ['00108901234', 1990], ['0010890123456', 1990], ['00108901234X', 1990], ['001089012345', 'unknown'],
  ])('skips ID %s with %s (CMND, malformed or unreadable year)', (id, year) => {
    expect(runRecord(rule, { owner_id: id, owner_birth_year: year })).toEqual([]);
  });

  it('puts the derived year in the suggestion on the birth-year column, not in the params', () => {
    const [f] = runRecord(rule, { owner_id: '001089012345', owner_birth_year: 1990 });
    expect(f?.field).toBe('owner_birth_year');
    expect(f?.suggestion).toBe('1989');
    expect(JSON.stringify(f?.params ?? {})).not.toContain('1989');
  });

  it('skips rows missing a column', () => {
    expect(runRecord(rule, { owner_id: '001089012345' })).toEqual([]);
  });

  // A boolean is no year: every row passed, counted as checked.
  it('refuses a boolean birth-year field when the dataset is defined, in TypeScript and in a definition file', () => {
    const fields = { id: field.text(), y: field.boolean() };
    expect(() => defineDataset({ name: 'p', fields, rules: [idBirthYear({ id: 'id', birthYear: 'y' })] }))
      .toThrow(/rule "idBirthYear": "y" is a boolean field; this rule reads integer, number, text, enum, any, date or datetime fields, and would pass every row of it unchecked/);
    const yaml = 'name: p\nfields:\n  id: { type: text }\n  y: { type: boolean }\nrules:\n  - { type: vn.idBirthYear, id: id, birthYear: y }\n';
    expect(() => parseDefinition(yaml, { format: 'yaml', file: 'def.yaml' })).toThrow(/"y" is a boolean field/);
  });

  it.each([
    ['an integer', field.integer()], ['a text', field.text()], ['a date', field.date()], ['a datetime', field.datetime()],
  ])('accepts %s birth-year field', (_what, y) => {
    expect(() => defineDataset({ name: 'p', fields: { id: field.text(), y }, rules: [idBirthYear({ id: 'id', birthYear: 'y' })] })).not.toThrow();
  });

  // An integer field has lost the leading 0 of every CCCD (province codes 001–096): no ID parsed, every row passed.
  it('refuses an integer ID field when the dataset is defined', () => {
    expect(() => defineDataset({ name: 'p', fields: { id: field.integer(), y: field.integer() }, rules: [idBirthYear({ id: 'id', birthYear: 'y' })] }))
      .toThrow(/rule "idBirthYear": "id" is an integer field; this rule reads text, enum or any fields/);
  });
});
