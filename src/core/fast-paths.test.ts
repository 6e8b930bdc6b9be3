/**
 * The per-cell fast paths (character loops instead of regexes, integer date arithmetic instead of `Date`, Clinger's
 * fast path instead of `Number`) must answer exactly as the plain definitions they replace. Each property compares
 * the fast path with that definition on generated text shaped to hit every branch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDateTime, utc } from './date-format.js';
import { numberParser, parseInteger } from './parsers.js';
import { INVALID } from './types.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The regex definition the loop replaced, with `Date` arithmetic. */
function isoByRegex(text: string): number {
  const m = ISO.exec(text);
  if (m === null) return NaN;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((k) => Number(m[k] ?? 0)) as [number, number, number, number, number, number];
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (mo < 1 || mo > 12 || d < 1 || d > (days[mo - 1] as number) || h > 23 || mi > 59 || s > 59) return NaN;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000));
  const zone = m[8];
  if (zone === undefined || zone === 'Z') return date.getTime();
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return minutes > 14 * 60 ? NaN : date.getTime() - (zone[0] === '-' ? -1 : 1) * minutes * 60_000;
}

const digit = fc.constantFrom(...'0123456789');
const digitsOf = (min: number, max: number) => fc.array(digit, { minLength: min, maxLength: max }).map((a) => a.join(''));
/** Mostly well-formed ISO text, with any piece sometimes replaced by a near miss. */
const isoLike = fc.tuple(
  digitsOf(3, 5), fc.constantFrom('-', '/'), digitsOf(1, 3), fc.constantFrom('-', ''), digitsOf(1, 3),
  fc.option(fc.tuple(fc.constantFrom('T', ' ', 't'), digitsOf(1, 3), fc.constantFrom(':', ''), digitsOf(1, 3),
    fc.option(fc.tuple(fc.constantFrom(':', ''), digitsOf(1, 3), fc.option(fc.tuple(fc.constantFrom('.', ','), digitsOf(0, 11))))))),
  fc.option(fc.constantFrom('Z', '+07:00', '-0530', '+14:00', '+14:01', '+7', '+07:', 'z', '+0700x')),
).map(([y, s1, mo, s2, d, time, zone]) => {
  let t = `${y}${s1}${mo}${s2}${d}`;
  if (time !== null) {
    const [sep, h, c, mi, sec] = time;
    t += `${sep}${h}${c}${mi}`;
    if (sec !== null) t += `${sec[0]}${sec[1]}${sec[2] === null ? '' : sec[2].join('')}`;
  }
  return t + (zone ?? '');
});

describe('per-cell fast paths equal their definitions', () => {
  it('parseIsoDateTime = the ISO regex with Date arithmetic', () => {
    fc.assert(fc.property(fc.oneof(isoLike, fc.string({ maxLength: 30 })), (text) => {
      expect(parseIsoDateTime(text)).toBe(isoByRegex(text));
    }), { numRuns: 20_000 });
  });

  it('utc = Date.UTC without rollover, for every valid calendar date in years 0–9999 sampled', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }),
      fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (y, mo, d, h, mi) => {
        const date = new Date(0);
        date.setUTCFullYear(y, mo - 1, d);
        date.setUTCHours(h, mi, 0, 0);
        const rolled = date.getUTCMonth() !== mo - 1;
        expect(utc(y, mo, d, h, mi)).toBe(rolled ? NaN : date.getTime());
      }), { numRuns: 20_000 });
  });

  it('number and integer parsing = Number() behind the old regexes', () => {
    const plain = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
    const parse = numberParser();
    const numeric = fc.tuple(fc.constantFrom('', '+', '-'), digitsOf(0, 18), fc.constantFrom('', '.'), digitsOf(0, 18),
      fc.constantFrom('', 'e3', 'E-2', 'e', 'e+', 'x')).map((p) => p.join(''));
    fc.assert(fc.property(fc.oneof(numeric, fc.string({ maxLength: 12 })), (text) => {
      const n = Number(text);
      expect(parse(text)).toBe(plain.test(text) && Number.isFinite(n) ? n : INVALID);
      expect(parseInteger(text)).toBe(/^[+-]?\d+$/.test(text) && Number.isSafeInteger(n) ? n : INVALID);
    }), { numRuns: 20_000 });
  });
});
