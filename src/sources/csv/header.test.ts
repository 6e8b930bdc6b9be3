import { describe, expect, it } from 'vitest';
import { formOf, recordKeys, repeatsHeader, resolveHeader } from './header.js';

describe('resolveHeader', () => {
  it.each([
    [['id', 'name'], true, [], ['id', 'name']],
    [['id', '', 'id', ' '], true, ['blank_header 2', 'duplicate_header 3', 'blank_header 4'], ['id', '', 'id', ' ']],
    [['mã', 'tên', 'constructor'], { mã: 'id', tên: 'name' }, [], ['id', 'name', 'constructor']],
    [['a', 'b'], { a: 'x', b: 'x' }, ['duplicate_header 2'], ['x', 'x']],
  ] as const)('%j with %j', (names, option, issues, columns) => {
    const h = resolveHeader(names, option, 1);
    expect(h.issues.map((i) => `${i.code} ${(i.params as { column: number }).column}`)).toEqual(issues);
    expect(h.columns).toEqual(columns);
    expect(h.issues.every((i) => i.scope === 'header' && i.line === 1)).toBe(true);
  });
});

describe('resolveHeader: a cell renamed to the name it is but for its form', () => {
  const NFD = 'Mã thửa'.normalize('NFD');
  it.each([
    ['accents decomposed', NFD, 'NFD'],
    ['a no-break space inside', 'Mã\u00A0thửa', 'NBSP'],
    ['spaces around', ' Mã thửa\t', 'spaces'],
    ['a byte order mark and decomposed accents', `\uFEFF${NFD}`, 'BOM, NFD'],
  ])('%s: read as the name, with a header_form info finding that says what differs', (_, cell, form) => {
    const h = resolveHeader(['id', cell], { 'Mã thửa': 'Mã thửa' }, 1);
    expect(h.columns).toEqual(['id', 'Mã thửa']);
    expect(h.issues).toEqual([{ code: 'header_form', criterion: 'clean', severity: 'info', scope: 'header', line: 1,
      field: 'Mã thửa', value: cell, params: { column: 2, name: cell, form } }]);
  });

  it('no finding for a cell as written, a rename to another name, or a repeat (a duplicate_header)', () => {
    expect(resolveHeader(['Mã thửa', 'Số CCCD'], { 'Mã thửa': 'Mã thửa', 'Số CCCD': 'owner_id' }, 1).issues).toEqual([]);
    expect(resolveHeader(['Mã thửa', NFD], { 'Mã thửa': 'Mã thửa' }, 1).issues.map((i) => i.code)).toEqual(['duplicate_header']);
  });
});

describe('formOf', () => {
  it.each([
    ['Mã thửa', ''],
    [' Mã\u00A0thửa'.normalize('NFD'), 'spaces, NBSP, NFD'],
    ['\uFEFFid', 'BOM'],
  ])('%j: %j', (cell, form) => expect(formOf(cell)).toBe(form));
});

describe('recordKeys', () => {
  it.each([
    [['id', 'name'], ['id', 'name']],
    [['id', 'name', 'id', ''], ['id', 'name', 'id_3', '_4']],
    [['id', 'id', 'id_2'], ['id', 'id__2', 'id_2']],
    [['__proto__', '__proto__'], ['__proto__', '__proto___2']],
  ])('%j → %j', (columns, keys) => {
    expect(recordKeys(columns)).toEqual(keys);
    expect(new Set(recordKeys(columns)).size).toBe(columns.length);
  });
});

describe('repeatsHeader', () => {
  it.each([
    ['the header line again', ['id', 'name'], ['id', 'name'], true],
    ['the header line again after the byte order mark of a second export', ['\uFEFFid', 'name'], ['id', 'name'], true],
    ['a record that differs in case', ['ID', 'name'], ['id', 'name'], false],
    ['a record that differs by a space', ['id', 'name '], ['id', 'name'], false],
    ['a record with a cell more', ['id', 'name', ''], ['id', 'name'], false],
    ['a record with a cell less', ['id'], ['id', 'name'], false],
    ['a one-column header (its value may be data)', ['id'], ['id'], false],
    ['a record that only starts like the header', ['id', 'An'], ['id', 'name'], false],
  ] as const)('%s: %j against %j is %s', (_, cells, header, want) => {
    expect(repeatsHeader(cells, header)).toBe(want);
  });
});
