import { describe, expect, it } from 'vitest';
import { recordKeys, resolveHeader } from './header.js';

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
