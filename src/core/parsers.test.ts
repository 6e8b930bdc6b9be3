import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { booleanParser, dateParser, numberParser, parseDateTime, parseInteger, parseText } from './parsers.js';
import { INVALID } from './types.js';

describe('parsers accept raw text and typed values alike', () => {
  it.each([
    ['text', parseText, 'abc', 'abc'],
    ['text', parseText, 42, '42'],
    ['text', parseText, '001089012345', '001089012345'],
    ['text', parseText, {}, INVALID],
    ['integer', parseInteger, '42', 42],
    ['integer', parseInteger, 42, 42],
    ['integer', parseInteger, '007', 7],
    ['integer', parseInteger, '-3', -3],
    ['integer', parseInteger, '4.5', INVALID],
    ['integer', parseInteger, 4.5, INVALID],
    ['integer', parseInteger, '1e3', INVALID],
    ['integer', parseInteger, '99999999999999999999', INVALID],
    ['integer', parseInteger, 'abc', INVALID],
    ['number', numberParser(), '120.5', 120.5],
    ['number', numberParser(), 120.5, 120.5],
    ['number', numberParser(), '.5', 0.5],
    ['number', numberParser(), '1e3', 1000],
    ['number', numberParser(), 'NaN', INVALID],
    ['number', numberParser(), 'Infinity', INVALID],
    ['number', numberParser(), '0x10', INVALID],
    ['number', numberParser(), Number.POSITIVE_INFINITY, INVALID],
    ['number', numberParser(), '1,5', INVALID],
    ['number ,', numberParser({ decimal: ',' }), '1,5', 1.5],
    ['number ,', numberParser({ decimal: ',', thousands: '.' }), '1.234.567,5', 1234567.5],
    ['number ,', numberParser({ decimal: ',', thousands: '.' }), '1.23.4', INVALID],
    // The other notation is no number of this one: it was read as 1.2345 (a thousand times off) without a word.
    ['number ,', numberParser({ decimal: ',', thousands: '.' }), '1,234.5', INVALID],
    ['number ,', numberParser({ decimal: ',', thousands: ' ' }), '1,234 5', INVALID],
    ['number .', numberParser({ decimal: '.', thousands: ',' }), '1.234,5', INVALID],
    ['number .', numberParser({ decimal: '.', thousands: ',' }), '1,234.5', 1234.5],
    ['boolean', booleanParser(), 'TRUE', true],
    ['boolean', booleanParser(), '0', false],
    ['boolean', booleanParser(), true, true],
    ['boolean', booleanParser(), 'maybe', INVALID],
    ['boolean vi', booleanParser({ true: ['có'], false: ['không'] }), 'Có', true],
  ])('%s: %j → %j', (_type, parse, raw, expected) => expect(parse(raw)).toEqual(expected));

  it.each([
    // Each read values wrongly without a word: "1.5" as 15, "x" as true.
    ['thousands "." with the default decimal "."', () => numberParser({ thousands: '.' }), 'both the thousands and the decimal separator'],
    ['thousands "," with decimal ","', () => numberParser({ decimal: ',', thousands: ',' }), 'both the thousands and the decimal separator'],
    ['a text in both boolean lists', () => booleanParser({ true: ['x', '1'], false: ['X', '0'] }), '"x" is in both the true and the false list'],
    ['an empty true list', () => booleanParser({ true: [] }), 'the true list is empty'],
  ])('refuses %s', (_what, make, message) => expect(make).toThrow(message));

  it('dates: text in the declared format or Date objects', () => {
    const parse = dateParser('dd/MM/yyyy');
    expect(parse('03/04/2025')).toEqual(new Date('2025-04-03T00:00:00Z'));
    const d = new Date('2025-01-01T00:00:00Z');
    expect(parse(d)).toBe(d);
    expect(parse(new Date(Number.NaN))).toBe(INVALID);
    expect(parse('2025-04-03')).toBe(INVALID);
    expect(parse(45123)).toBe(INVALID);
    expect(parseDateTime('2026-11-01T00:00:00Z')).toEqual(new Date('2026-11-01T00:00:00Z'));
  });
});

// Numbers are read in one pass when the text is plain (sign, up to 15 digits, a point); any other text is checked
// and read as before. Either way the result is the decimal the text writes, exactly as `Number` reads it, or INVALID.
describe('numeric text, read in one pass or two', () => {
  const plain = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
  const number = (t: string) => (plain.test(t) && Number.isFinite(Number(t)) ? Number(t) : INVALID);
  const integer = (t: string) => (/^[+-]?\d+$/.test(t) && Number.isSafeInteger(Number(t)) ? Number(t) : INVALID);
  const text = fc.oneof(
    fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '+', '-', 'e', 'E', ',', ' ', 'x'), maxLength: 24 }),
    fc.tuple(fc.constantFrom('', '+', '-'), fc.stringMatching(/^\d{0,20}$/), fc.constantFrom('', '.'), fc.stringMatching(/^\d{0,20}$/))
      .map(([a, b, c, d]) => a + b + c + d),
  );

  it('equal Number(text) where the text is a decimal, INVALID elsewhere', () => {
    const parse = numberParser();
    fc.assert(fc.property(text, (t) => {
      expect(Object.is(parse(t), number(t))).toBe(true);
      expect(Object.is(parseInteger(t), integer(t))).toBe(true);
    }), { numRuns: 20_000 });
  });

  it('keep the sign of zero and the digits past fifteen', () => {
    expect(Object.is(numberParser()('-0'), -0)).toBe(true);
    expect(Object.is(parseInteger('-0'), -0)).toBe(true);
    expect(numberParser()('1234567890.123456')).toBe(1234567890.123456);
    expect(numberParser()('0.1234567890123456789')).toBe(Number('0.1234567890123456789'));
    expect(parseInteger('9007199254740993')).toBe(INVALID);
    expect(parseInteger('900719925474099')).toBe(900719925474099);
    expect([numberParser()('1.'), numberParser()('.5'), numberParser()('.'), numberParser()('1.2.3')]).toEqual([1, 0.5, INVALID, INVALID]);
  });
});
