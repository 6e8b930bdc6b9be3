import { describe, expect, it } from 'vitest';
import { buildDefinition, type DefinitionResolver } from './build-definition.js';
import { DefinitionError } from './definition-error.js';

const fields = { owner_id: { type: 'text' }, owner_name: { type: 'text' } };
/** A base definition file (`extends: base.yaml`) that renames a header of its own. */
const base = { name: 'base', fields, rename: { 'Số CCCD': 'owner_id' } };
const resolver: DefinitionResolver = { definition: () => buildDefinition(base) };
const NFD = 'Số CCCD'.normalize('NFD');
const renameOf = (data: unknown) => ({ ...buildDefinition(data, resolver).rename });

describe('buildDefinition rename:', () => {
  it.each([
    ['a standalone definition', { name: 'p', fields, rename: { 'Số CCCD': 'owner_id' } }, { 'Số CCCD': 'owner_id' }],
    ['a definition extending a built-in', { extends: 'land-parcels', rename: { 'Số CCCD': 'owner_id', 'Mã xã': 'commune_code' } },
      { 'Số CCCD': 'owner_id', 'Mã xã': 'commune_code' }],
    ['a file extending one with a rename: both kept', { extends: 'base.yaml', rename: { 'Họ tên': 'owner_name' } },
      { 'Họ tên': 'owner_name', 'Số CCCD': 'owner_id' }],
    ['a file naming the base\'s field under another header: the file\'s wins', { extends: 'base.yaml', rename: { CCCD: 'owner_id' } },
      { CCCD: 'owner_id' }],
    ['a file reading the base\'s header as another field: the file\'s wins', { extends: 'base.yaml', rename: { ' Số CCCD': 'owner_name' } },
      { ' Số CCCD': 'owner_name' }],
    ['a file extending one with a rename, adding none', { extends: 'base.yaml' }, { 'Số CCCD': 'owner_id' }],
  ])('%s', (_, data, want) => {
    expect(renameOf(data)).toEqual(want);
  });

  it.each([
    ['a field the definition does not have, the nearest named', { name: 'p', fields, rename: { 'Số CCCD': 'owner_idd' } },
      'rename["Số CCCD"]: reads the column as "owner_idd", which is not a field (did you mean "owner_id"?)'],
    ['a built-in\'s field misspelt', { extends: 'land-parcels', rename: { 'Mã xã': 'commune' } },
      'rename["Mã xã"]: reads the column as "commune", which is not a field (did you mean "commune_code"?)'],
    ['two headers read as one field', { name: 'p', fields, rename: { 'Số CCCD': 'owner_id', CCCD: 'owner_id' } },
      'rename.CCCD: and "Số CCCD" are both read as "owner_id": a field is read from one column'],
    ['one header twice once normalised', { name: 'p', fields, rename: { 'Số CCCD': 'owner_id', [NFD]: 'owner_name' } },
      `rename["${NFD}"]: is the header "Số CCCD" again (spaces, a byte order mark and accents aside)`],
    ['another field\'s name', { name: 'p', fields, rename: { owner_name: 'owner_id' } },
      'rename.owner_name: is the name of the field "owner_name": its column would be read as "owner_id" instead'],
    ['a field the file adds under the base\'s renamed header', { extends: 'base.yaml', fields: { 'Số CCCD': { type: 'text' } } },
      'extends: the base\'s entry "Số CCCD" is the name of the field "Số CCCD": its column would be read as "owner_id" instead'],
    ['a field name that is not a string', { name: 'p', fields, rename: { 'Số CCCD': 1 } }, 'rename["Số CCCD"]: must be string'],
    ['an empty header', { name: 'p', fields, rename: { '': 'owner_id' } }, 'rename: must NOT have fewer than 1 characters'],
  ])('refuses %s', (_, data, message) => {
    const e = (() => { try { return buildDefinition(data, resolver); } catch (x) { return x; } })();
    expect(e).toBeInstanceOf(DefinitionError);
    expect((e as DefinitionError).message).toBe(message);
  });
});
