import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parseDate, parseInt8, parseTimestamp, pgTypes, unpad } from './type-parsers.js';

describe('pgTypes', () => {
  const fallback = { getTypeParser: () => (s: string) => `default:${s}` };
  const t = pgTypes(fallback);

  it.each([
    [20, '42', 42], [20, '-9007199254740991', -9007199254740991], [20, '9007199254740992', '9007199254740992'],
    [1700, '0.10', '0.10'], [1700, 'NaN', 'NaN'], [701, '0.1', 0.1], [701, 'Infinity', 'Infinity'], [700, 'NaN', 'NaN'],
    [1186, '1 day', '1 day'], [1182, '{2026-01-01}', '{2026-01-01}'], [23, '7', 'default:7'],
  ])('type %i parses %j as %j', (oid, text, value) => {
    expect(t.getTypeParser(oid, 'text')(text)).toEqual(value);
  });
});

// node-postgres parses only the built-in array types: an array of an enum came as its text, '{LUC,ONT}', which a
// text field passed as one value. `arrays` (from the catalog) parses it as the built-in array its elements' type says.
describe('arrays of enums and domains', () => {
  const ENUM_ARRAY = 16500; // user types' OIDs, as the catalog gives them: an enum's array as text[] (1009),
  const INT_DOMAIN_ARRAY = 16510; // an array of a domain over int4 as int4[] (1007),
  const DATE_DOMAIN_ARRAY = 16520; // of a domain over date as date[] (1182), which ddss keeps as text
  const t = pgTypes(pg.types, new Map([[ENUM_ARRAY, 1009], [INT_DOMAIN_ARRAY, 1007], [DATE_DOMAIN_ARRAY, 1182]]));

  it.each([
    ['{LUC,ONT}', ['LUC', 'ONT']],
    ['{"a b",NULL,"x\\"y"}', ['a b', null, 'x"y']], // quoted, NULL, an escaped quote
    ['{"NULL",NULL,"\\\\",""}', ['NULL', null, '\\', '']], // the text NULL is quoted; a backslash; an empty text (a domain's)
    ['{{A,B},{C,NULL}}', [['A', 'B'], ['C', null]]],
    ['{}', []],
  ])('an enum (or text domain) array %s arrives as %j, as a text[] does', (text, value) => {
    expect(t.getTypeParser(ENUM_ARRAY, 'text')(text)).toEqual(value);
    expect(t.getTypeParser(ENUM_ARRAY, 'text')(text)).toEqual(t.getTypeParser(1009, 'text')(text));
  });

  it('a domain array arrives as the array of the domain\'s base type does', () => {
    expect(t.getTypeParser(INT_DOMAIN_ARRAY, 'text')('{1,NULL,-3}')).toEqual([1, null, -3]);
    expect(t.getTypeParser(DATE_DOMAIN_ARRAY, 'text')('{2026-03-15}')).toBe('{2026-03-15}');
  });

  it('a type the catalog did not name stays text', () => {
    expect(t.getTypeParser(16600, 'text')('{a,b}')).toBe('{a,b}');
    expect(pgTypes(pg.types).getTypeParser(ENUM_ARRAY, 'text')('{a,b}')).toBe('{a,b}');
  });
});

describe('dates and times', () => {
  it.each([
    ['2026-03-15', '2026-03-15T00:00:00.000Z'], ['0099-12-31', '0099-12-31T00:00:00.000Z'], ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('a date %s is UTC midnight of that day', (text, iso) => {
    expect((parseDate(text) as Date).toISOString()).toBe(iso);
  });

  it.each(['infinity', '-infinity', '2026-03-15 BC', '15/03/2026', '2023-02-29'])('%s stays text', (text) => {
    expect(parseDate(text)).toBe(text);
  });

  it.each([
    ['2026-03-15 23:59:59.123456', false, '2026-03-15T23:59:59.123Z'],
    ['2026-03-15 01:00:00+07', true, '2026-03-14T18:00:00.000Z'],
    ['2026-03-15 01:00:00.5-03:30', true, '2026-03-15T04:30:00.500Z'],
    ['1900-01-01 00:00:00+07:06:40', true, '1899-12-31T16:53:20.000Z'],
  ])('a timestamp %s (zoned: %s) is %s', (text, zoned, iso) => {
    expect((parseTimestamp(text, zoned) as Date).toISOString()).toBe(iso);
  });

  it('an offset where none belongs, or none where one does, stays text', () => {
    expect(parseTimestamp('2026-03-15 01:00:00+07', false)).toBe('2026-03-15 01:00:00+07');
    expect(parseTimestamp('2026-03-15 01:00:00', true)).toBe('2026-03-15 01:00:00');
    expect(parseTimestamp('infinity', true)).toBe('infinity');
  });

  it('int8 keeps every digit', () => {
    expect(parseInt8('9007199254740993')).toBe('9007199254740993');
    expect(parseInt8('-5')).toBe(-5);
  });

  it.each([
    ['079123456789   ', '079123456789'], ['   ', ''], [' An ', ' An'], ['An\t ', 'An\t'], ['An', 'An'],
  ])('char(n) %j loses its padding, not its other spaces: %j', (text, value) => {
    expect(unpad(text)).toBe(value);
    expect(pgTypes({ getTypeParser: () => (x: string) => x }).getTypeParser(1042)(text)).toBe(value);
  });
});
