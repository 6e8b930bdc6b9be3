import { describe, expect, it } from 'vitest';
import { idGender } from './id-gender.js';
import { codes, runRecord } from './_testkit.js';
import { defineDataset } from '../../../src/define.js';
import { field } from '../../../src/field.js';

const rule = idGender({ id: 'owner_id', gender: 'owner_gender' });

describe('idGender', () => {
  it.each([
    ['001089012345', 'Nam'], ['079301123456', 'Nữ'], ['079301123456', 'NỮ'], ['001089012345', 'nam'],
    ['079301123456', 'Nu\u0303'], ['001289012345', 'Nam'], ['001389012345', 'Nữ'],
  ])('accepts ID %s with gender %s', (id, gender) => {
    expect(runRecord(rule, { owner_id: id, owner_gender: gender })).toEqual([]);
  });

  it.each([
    ['001089012345', 'Nữ', 'Nam'], ['079301123456', 'Nam', 'Nữ'], ['001389012345', 'NAM', 'Nữ'],
  ])('reports ID %s with gender %s, suggesting %s', (id, gender, suggestion) => {
    const found = runRecord(rule, { owner_id: id, owner_gender: gender });
    expect(codes(found)).toEqual(['id_gender_mismatch']);
    expect(found[0]?.suggestion).toBe(suggestion);
  });

  it.each([['012345678', 'Nữ'], ['001089012345', 'Khác'], ['00108901234', 'Nữ']])(
    'skips ID %s with gender %s (CMND, unknown gender, malformed ID)', (id, gender) => {
      expect(runRecord(rule, { owner_id: id, owner_gender: gender })).toEqual([]);
    });

  it.each([
    [{ male: ['1'], female: ['2'] }, 2, ['id_gender_mismatch'], '1'],
    [{ male: ['1'], female: ['2'] }, 1, [], undefined],
    [{ male: ['1'], female: ['2'] }, 3, [], undefined],
    [{ male: [1], female: [0] }, 0, ['id_gender_mismatch'], '1'],
  ])('reads source codes %j: gender %s of a man gives %j', (genders, gender, expected, suggestion) => {
    const r = idGender({ id: 'id_no', gender: 'gender' }, { genders });
    const found = runRecord(r, { id_no: '001089012345', gender });
    expect(codes(found)).toEqual(expected);
    expect(found[0]?.suggestion).toBe(suggestion);
  });

  // A value in both lists was read as Nam (the list checked first), as a boolean format refuses a text in both.
  it.each<[string, { male: (string | number)[]; female: (string | number)[] }, RegExp]>([
    ['the same text', { male: ['Nam'], female: ['Nam'] }, /ddss: idGender: genders: "nam" is in both the male and the female list/],
    ['a text and its upper case', { male: ['Nam', 'M'], female: ['NAM'] }, /"nam" is in both/],
    ['a number and its text', { male: [1], female: ['2', '1'] }, /"1" is in both/],
    ['an empty list', { male: ['1'], female: [] }, /genders: the female list is empty/],
  ])('refuses genders with %s when the rule is built', (_what, genders, error) => {
    expect(() => idGender({ id: 'id', gender: 'g' }, { genders })).toThrow(error);
  });

  // The default genders are the texts Nam and Nữ, which no integer equals: every row passed, counted as checked.
  it.each([
    ['an integer', field.integer()], ['a number', field.number()], ['a boolean', field.boolean()], ['a date', field.date()],
  ])('refuses %s gender field without genders when the dataset is defined', (_what, gender) => {
    expect(() => defineDataset({ name: 'p', fields: { id: field.text(), g: gender }, rules: [idGender({ id: 'id', gender: 'g' })] }))
      .toThrow(/rule "idGender": "g" is an? \w+ field; this rule reads text, enum or any fields, and would pass every row of it unchecked \(or give genders in the form the field holds: \{ male: \[1\], female: \[2\] \}\)/);
  });

  it.each([
    ['a text field', { id: field.text(), g: field.text() }, undefined],
    ['an enum field', { id: field.text(), g: field.enum(['Nam', 'Nữ']) }, undefined],
    ['an any field', { id: field.text(), g: field.any() }, undefined],
    ['an integer field with genders', { id: field.text(), g: field.integer() }, { male: [1], female: [2] }],
  ])('accepts %s', (_what, fields, genders) => {
    const r = idGender({ id: 'id', gender: 'g' }, genders === undefined ? {} : { genders });
    expect(() => defineDataset({ name: 'p', fields, rules: [r] })).not.toThrow();
  });

  it('refuses an integer ID field, with or without genders', () => {
    for (const genders of [undefined, { male: ['Nam'], female: ['Nữ'] }]) {
      const r = idGender({ id: 'id', gender: 'g' }, genders === undefined ? {} : { genders });
      expect(() => defineDataset({ name: 'p', fields: { id: field.integer(), g: field.text() }, rules: [r] }))
        .toThrow(/rule "idGender": "id" is an integer field; this rule reads text, enum or any fields/);
    }
  });
});
