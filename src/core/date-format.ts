import { parse as parseWithDateFns } from 'date-fns';

/**
 * Compiles a date-fns format string into a strict, cached parser returning epoch milliseconds (UTC calendar date)
 * or `NaN`. Purely numeric fixed-width formats (`dd/MM/yyyy`, `yyyyMMdd`, `MM/yyyy`, `yyyy-MM-dd HH:mm`) get a
 * hand-written fast path; other formats go through date-fns `parse`. Either way each distinct string is parsed once:
 * a date column has far fewer distinct values than rows. No rollover: `31/02/2024` is invalid.
 */
export function compileDateFormat(format: string): (text: string) => number {
  const fixed = fixedWidthParser(format);
  const parseOnce = fixed ?? ((text: string) => viaDateFns(text, format));
  const cache = new Map<string, number>();
  return (text) => {
    let ms = cache.get(text);
    if (ms === undefined) {
      ms = parseOnce(text);
      // Bounded: a column of mostly distinct values must not grow memory without limit.
      if (cache.size >= 200_000) cache.clear();
      cache.set(text, ms);
    }
    return ms;
  };
}

type Part = 'y' | 'M' | 'd' | 'H' | 'm' | 's' | 'S';
const TOKENS: ReadonlyArray<readonly [string, Part]> = [
  ['yyyy', 'y'], ['MM', 'M'], ['dd', 'd'], ['HH', 'H'], ['mm', 'm'], ['ss', 's'], ['SSS', 'S'],
];

function fixedWidthParser(format: string): ((text: string) => number) | undefined {
  const slots: Array<{ part: Part; at: number; width: number }> = [];
  const literals: Array<{ at: number; code: number }> = [];
  let i = 0;
  let at = 0;
  while (i < format.length) {
    const token = TOKENS.find(([t]) => format.startsWith(t, i));
    if (token) {
      slots.push({ part: token[1], at, width: token[0].length });
      i += token[0].length;
      at += token[0].length;
    } else {
      const ch = format[i] as string;
      if (/[A-Za-z']/.test(ch)) return undefined; // another date-fns token: not fixed-width
      literals.push({ at, code: ch.charCodeAt(0) });
      i++;
      at++;
    }
  }
  const width = at;
  if (!slots.some((s) => s.part === 'y')) return undefined;
  return (text) => {
    if (text.length !== width) return NaN;
    for (const l of literals) if (text.charCodeAt(l.at) !== l.code) return NaN;
    let y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0, ms = 0;
    for (const slot of slots) {
      let v = 0;
      for (let k = slot.at; k < slot.at + slot.width; k++) {
        const c = text.charCodeAt(k) - 48;
        if (c < 0 || c > 9) return NaN;
        v = v * 10 + c;
      }
      switch (slot.part) {
        case 'y': y = v; break;
        case 'M': mo = v; break;
        case 'd': d = v; break;
        case 'H': h = v; break;
        case 'm': mi = v; break;
        case 's': s = v; break;
        case 'S': ms = v; break;
      }
    }
    return utc(y, mo, d, h, mi, s, ms);
  };
}

/** Epoch ms of a UTC calendar time, or NaN when any part is out of range (no rollover). */
export function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return NaN;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

function viaDateFns(text: string, format: string): number {
  const local = parseWithDateFns(text, format, new Date(2000, 0, 1));
  if (Number.isNaN(local.getTime())) return NaN;
  // date-fns builds a local-time Date; keep its calendar fields, in UTC, so results do not depend on the machine.
  return utc(local.getFullYear(), local.getMonth() + 1, local.getDate(), local.getHours(), local.getMinutes(),
    local.getSeconds(), local.getMilliseconds());
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Strict ISO 8601 date or date-time to epoch ms, or NaN. A time without an offset is read as UTC, so results do not
 * depend on the machine's time zone.
 */
export function parseIsoDateTime(text: string): number {
  const m = ISO.exec(text);
  if (m === null) return NaN;
  const frac = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const base = utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0),
    Number(m[6] ?? 0), frac);
  const zone = m[8];
  if (zone === undefined || zone === 'Z' || Number.isNaN(base)) return base;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  if (minutes > 14 * 60) return NaN;
  return base - sign * minutes * 60_000;
}
