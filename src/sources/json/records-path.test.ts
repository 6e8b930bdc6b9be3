import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordsPath, showRecordsPath } from './records-path.js';

describe('recordsPath', () => {
  it.each([
    ['data', ['data']],
    ['result.items', ['result', 'items']],
    ['a b.c', ['a b', 'c']],
    ['/result/items', ['result', 'items']],
    ['/v1.0/data', ['v1.0', 'data']],
    ['/a~1b/~0x', ['a/b', '~x']],
    ['/~01', ['~1']],
    ['/', ['']],
    ['/a//b', ['a', '', 'b']],
  ])('reads %j as the keys %j', (path, keys) => {
    expect(recordsPath(path)).toEqual(keys);
  });

  it.each([
    ['', /is empty/],
    ['a..b', /empty key/],
    ['.data', /empty key/],
    ['data.', /empty key/],
    ['/a~2b', /not a JSON Pointer/],
    ['/a~', /not a JSON Pointer/],
  ])('refuses %j', (path, message) => {
    expect(() => recordsPath(path)).toThrow(RangeError);
    expect(() => recordsPath(path)).toThrow(message);
  });
});

describe('showRecordsPath', () => {
  it.each([
    [['data'], 'data'],
    [['result', 'items'], 'result.items'],
    [['v1.0', 'data'], '/v1.0/data'],
    [['/x'], '/~1x'],
    [['a', ''], '/a/'],
    [['~x'], '~x'],
  ])('writes %j as %j', (keys, path) => {
    expect(showRecordsPath(keys)).toBe(path);
  });

  it('writes any keys as a path that reads back as them', () => {
    fc.assert(fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), (keys) => {
      expect(recordsPath(showRecordsPath(keys))).toEqual(keys);
    }));
  });
});
