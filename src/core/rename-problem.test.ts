import { describe, expect, it } from 'vitest';
import { renameProblem } from './rename-problem.js';

const FIELDS = ['parcel_id', 'owner_id', 'owner_name', 'commune_code'];

describe('renameProblem', () => {
  it.each([
    ['headers read as distinct fields', { 'Số CCCD': 'owner_id', 'Mã xã': 'commune_code' }, undefined],
    ['a field that is not there: the nearest is named', { 'Số CCCD': 'owner_idd' },
      { from: 'Số CCCD', message: 'reads the column as "owner_idd", which is not a field (did you mean "owner_id"?)' }],
    ['a field nothing is near', { 'Số CCCD': 'zzz' }, { from: 'Số CCCD', message: 'reads the column as "zzz", which is not a field' }],
    ['two headers read as one field', { 'Số CCCD': 'owner_id', CCCD: 'owner_id' },
      { from: 'CCCD', message: 'and "Số CCCD" are both read as "owner_id": a field is read from one column' }],
    ['one header twice, spaces aside', { 'Số CCCD': 'owner_id', ' Số CCCD': 'owner_name' },
      { from: ' Số CCCD', message: 'is the header "Số CCCD" again (spaces, a byte order mark and accents aside)' }],
    ['another field\'s name', { owner_name: 'owner_id' },
      { from: 'owner_name', message: 'is the name of the field "owner_name": its column would be read as "owner_id" instead' }],
    ['the field\'s own name', { owner_id: 'owner_id' },
      { from: 'owner_id', message: 'is the field\'s own name: it renames nothing (a column named "owner_id" is read as it anyway)' }],
    ['a blank header', { ' ': 'owner_id' }, { from: ' ', message: 'is blank: a blank header cannot be renamed' }],
  ])('%s', (_, rename, problem) => {
    expect(renameProblem(rename, FIELDS)).toEqual(problem);
  });
});
