import { describe, expect, it } from 'vitest';
import { composeRename, givenRename, headerName, readRename, renamedAs } from './rename.js';

const NFD = 'Số CCCD'.normalize('NFD');

describe('renamedAs', () => {
  it.each([
    ['the header as written', 'Số CCCD', 'owner_id'],
    ['with the accents decomposed (macOS, some exports)', NFD, 'owner_id'],
    ['with spaces around it', '  Số CCCD ', 'owner_id'],
    ['after a byte order mark', '\uFEFFSố CCCD', 'owner_id'],
    ['with a no-break space for the space', 'Số\u00A0CCCD', 'owner_id'],
    ['in another case (a different name)', 'số cccd', undefined],
    ['an inherited property name', 'constructor', undefined],
  ])('%s: %j is read as %j', (_, column, field) => {
    expect(renamedAs({ 'Số CCCD': 'owner_id' })(column)).toBe(field);
  });

  it('a key written decomposed matches the header composed', () => {
    expect(renamedAs({ [NFD]: 'owner_id' })('Số CCCD')).toBe('owner_id');
    expect(headerName(NFD)).toBe('Số CCCD');
  });
});

describe('composeRename', () => {
  it.each([
    ['only the definition\'s', { a: 'x' }, undefined, { a: 'x' }],
    ['only the run\'s', undefined, { a: 'x' }, { a: 'x' }],
    ['both, apart', { a: 'x' }, { b: 'y' }, { b: 'y', a: 'x' }],
    ['the same header: the run\'s field wins', { a: 'x' }, { ' a': 'y' }, { ' a': 'y' }],
    ['the same field: the run\'s header wins', { a: 'x', c: 'z' }, { b: 'x' }, { b: 'x', c: 'z' }],
    ['none', undefined, undefined, undefined],
  ] as const)('%s', (_, base, over, want) => {
    const got = composeRename(base, over);
    expect(got === undefined ? undefined : { ...got }).toEqual(want);
  });
});

describe('readRename', () => {
  it('the declared fields read as themselves, after the definition\'s rename, which wins for its header', () => {
    const r = readRename({ 'Số CCCD': 'owner_id', 'Mã thửa': 'parcel_id' }, ['owner_id', 'Mã thửa', 'parcel_id']);
    expect(Object.entries(r)).toEqual([['Số CCCD', 'owner_id'], ['Mã thửa', 'parcel_id'], ['owner_id', 'owner_id'], ['parcel_id', 'parcel_id']]);
    expect(renamedAs(r)('Mã thửa'.normalize('NFD'))).toBe('parcel_id');
    expect(renamedAs(readRename(undefined, ['Mã thửa']))(' Mã\u00A0thửa'.normalize('NFD'))).toBe('Mã thửa');
  });

  it('givenRename leaves out the fields read as themselves', () => {
    expect({ ...givenRename(readRename({ 'Số CCCD': 'owner_id' }, ['owner_id'])) }).toEqual({ 'Số CCCD': 'owner_id' });
    expect(givenRename(readRename(undefined, ['owner_id']))).toBeUndefined();
  });
});
