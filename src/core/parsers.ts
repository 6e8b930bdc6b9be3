import { INVALID, type Parser } from './types.js';
import { compileDateFormat, parseIsoDateTime } from './date-format.js';

/** Text: strings as they are; numbers, bigints and booleans as their decimal text (no silent trimming). */
export const parseText: Parser = (raw) => {
  switch (typeof raw) {
    case 'string': return raw;
    case 'number': return Number.isFinite(raw) ? String(raw) : INVALID;
    case 'bigint':
    case 'boolean': return String(raw);
    default: return INVALID;
  }
};

const INTEGER = /^[+-]?\d+$/;

/** Integers: JS safe integers, or decimal text without separators (`"42"`, `"-7"`, `"007"`). */
export const parseInteger: Parser = (raw) => {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) ? raw : INVALID;
  if (typeof raw === 'bigint') return raw >= BigInt(Number.MIN_SAFE_INTEGER) && raw <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(raw) : INVALID;
  if (typeof raw !== 'string' || !INTEGER.test(raw)) return INVALID;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : INVALID;
};

export interface NumberFormat {
  /** Decimal separator in text input. Default `.`; Vietnamese spreadsheets often use `,`. */
  readonly decimal?: '.' | ',';
  /** Thousands separator allowed in text input (`1.234.567,5` with `decimal: ','`). Default: none. */
  readonly thousands?: '.' | ',' | ' ';
}

/** Finite numbers, or decimal text (optional exponent); never `NaN`, `Infinity` or hex. */
export function numberParser(format: NumberFormat = {}): Parser {
  const decimal = format.decimal ?? '.';
  const thousands = format.thousands;
  const plain = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
  return (raw) => {
    if (typeof raw === 'number') return Number.isFinite(raw) ? raw : INVALID;
    if (typeof raw !== 'string') return INVALID;
    let text = raw;
    if (thousands !== undefined && text.includes(thousands)) {
      if (!thousandsGrouped(text, thousands, decimal)) return INVALID;
      text = text.split(thousands).join('');
    }
    if (decimal === ',') {
      if (text.includes('.')) return INVALID;
      text = text.replace(',', '.');
    }
    if (!plain.test(text)) return INVALID;
    const n = Number(text);
    return Number.isFinite(n) ? n : INVALID;
  };
}

function thousandsGrouped(text: string, sep: string, decimal: string): boolean {
  const whole = text.split(decimal)[0] ?? '';
  const groups = whole.replace(/^[+-]/, '').split(sep);
  return groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)));
}

export interface BooleanFormat {
  readonly true?: readonly string[];
  readonly false?: readonly string[];
}

/** Booleans, or text from the given lists (case-insensitive). Default `true/false`, `1/0`, `yes/no`. */
export function booleanParser(format: BooleanFormat = {}): Parser {
  const yes = new Set((format.true ?? ['true', '1', 'yes', 'y']).map((s) => s.toLowerCase()));
  const no = new Set((format.false ?? ['false', '0', 'no', 'n']).map((s) => s.toLowerCase()));
  return (raw) => {
    if (typeof raw === 'boolean') return raw;
    if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : INVALID;
    if (typeof raw !== 'string') return INVALID;
    const s = raw.toLowerCase();
    return yes.has(s) ? true : no.has(s) ? false : INVALID;
  };
}

/** Dates in one declared format (never guessed per value), or valid `Date` objects. */
export function dateParser(format: string): Parser {
  const parse = compileDateFormat(format);
  return (raw) => {
    if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? INVALID : raw;
    if (typeof raw !== 'string') return INVALID;
    const ms = parse(raw);
    return Number.isNaN(ms) ? INVALID : new Date(ms);
  };
}

/** ISO 8601 date-times (offset optional, UTC when absent), or valid `Date` objects. */
export const parseDateTime: Parser = (raw) => {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? INVALID : raw;
  if (typeof raw !== 'string') return INVALID;
  const ms = parseIsoDateTime(raw);
  return Number.isNaN(ms) ? INVALID : new Date(ms);
};

/** Any value, as it is. */
export const parseAny: Parser = (raw) => raw;
