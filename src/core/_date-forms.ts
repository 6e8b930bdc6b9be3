const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?'
  + '|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/**
 * Dates in the forms a check may write one in: day, month and year as numbers in either order with one separator
 * (`23/03/1961`, `1961-03-23`, `3/23/1961`, `23.3.61`, and the date of `1961-03-23T00:00:00.000Z`), eight digits
 * (`19610323`, `23031961`), with an English month name (`Mar 23, 1961`, `23 March 1961`, `Thu, 23 Mar 1961`) and in
 * Vietnamese (`23 tháng 3 năm 1961`). One pattern for them all, so a text is read once whatever the dates sought.
 * @example 'born 1961-03-23'.match(DATE_FORMS) // ['1961-03-23']
 */
export const DATE_FORMS = new RegExp([
  String.raw`(?<!\d)(\d{1,4})([-/. ])(\d{1,2})\2(\d{2,4})(?!\d)`,
  String.raw`(?<!\d)(\d{8})(?!\d)`,
  String.raw`(?<!\p{L})(${MONTH})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)`,
  String.raw`(?<!\d)(\d{1,2})(?:st|nd|rd|th)?[\s-]+(?:of\s+)?(${MONTH})\.?,?[\s-]+(\d{4}|\d{2})(?!\d)`,
  String.raw`(?<!\d)(\d{1,2})\s*tháng\s*(\d{1,2})(?:\s*năm|\s*,)?\s*(\d{4})(?!\d)`,
].join('|'), 'giu');

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * What every date form has: digit groups with a separator, eight digits, or a month's name. Most personal values
 * (names, identifiers, years, most addresses) have none, and are not read further.
 */
const MAY_HOLD_DATE = /\d[-/. ]\d|(?<!\d)\d{8}(?!\d)|tháng|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

/** A datetime with an offset, whose calendar day in UTC (as an ISO string quotes it) may be another. */
const OFFSET_DATETIME =
  /^\s*\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)\s*$/i;

/**
 * The days a text may name, as keys: `yyyymmdd` for a four-digit year, and `-(yymmdd) - 1` for a two-digit one (a
 * full date gives both, see {@link personalDays}). Day and month are tried in both orders where the form leaves it
 * open (`05/11/1990` is 5 November or 11 May): a date is masked when any reading is a personal one.
 */
function keysOf(g: readonly (string | undefined)[]): number[] {
  const [a, , b, c, eight, m1, d1, y1, d2, m2, y2, d3, m3, y3] = g;
  const keys: (number | undefined)[] = [];
  if (a !== undefined && b !== undefined && c !== undefined) {
    if (a.length === 4) keys.push(key(a, +b, +c), key(a, +c, +b));
    else if (a.length <= 2) keys.push(key(c, +b, +a), key(c, +a, +b));
  } else if (eight !== undefined) {
    const [head, mid, tail] = [eight.slice(0, 2), eight.slice(2, 4), eight.slice(4)];
    keys.push(key(eight.slice(0, 4), +eight.slice(4, 6), +eight.slice(6)), key(tail, +mid, +head), key(tail, +head, +mid));
  } else if (m1 !== undefined && d1 !== undefined && y1 !== undefined) keys.push(key(y1, month(m1), +d1));
  else if (m2 !== undefined && d2 !== undefined && y2 !== undefined) keys.push(key(y2, month(m2), +d2));
  else if (m3 !== undefined && d3 !== undefined && y3 !== undefined) keys.push(key(y3, +m3, +d3));
  return keys.filter((k): k is number => k !== undefined);
}

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function key(year: string, m: number, d: number): number | undefined {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  if (year.length === 4) return +year * 10_000 + m * 100 + d;
  return year.length === 2 ? -(+year * 10_000 + m * 100 + d) - 1 : undefined;
}

/**
 * The days the personal values `texts` hold, as keys matched by {@link maskDays}: each date they contain, with its
 * two-digit-year form, and the UTC day of a datetime with an offset.
 * @example personalDays(['23/03/1961']).has(19610323) // true
 */
export function personalDays(texts: readonly string[]): ReadonlySet<number> {
  const days = new Set<number>();
  for (const text of texts) {
    if (!MAY_HOLD_DATE.test(text)) continue;
    for (const m of text.matchAll(DATE_FORMS)) {
      for (const k of keysOf(m.slice(1))) {
        days.add(k);
        if (k > 0) days.add(-((Math.floor(k / 10_000) % 100) * 10_000 + (k % 10_000)) - 1);
      }
    }
    if (OFFSET_DATETIME.test(text)) {
      const t = new Date(text.trim().replace(' ', 'T'));
      if (!Number.isNaN(t.getTime())) days.add(+t.toISOString().slice(0, 10).replace(/-/g, ''));
    }
  }
  return days;
}

/**
 * `text` with every date that reads as one of `days` masked: its digits starred, and a month name too
 * (`****-**-**T00:00:00.000Z`, `** *** ****`, `ngày ** tháng * năm ****`).
 * @example maskDays('born 1961-03-23', personalDays(['23/03/1961'])) // 'born ****-**-**'
 */
export function maskDays(text: string, days: ReadonlySet<number>): string {
  if (days.size === 0 || !/\d/.test(text)) return text;
  return text.replace(DATE_FORMS, (found: string, ...rest: unknown[]) => {
    const groups = rest.slice(0, 14) as (string | undefined)[];
    if (!keysOf(groups).some((k) => days.has(k))) return found;
    const named = groups[5] !== undefined || groups[9] !== undefined;
    return found.replace(named ? /[\p{L}\d]/gu : /\d/g, '*');
  });
}
