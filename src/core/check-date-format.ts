interface Token {
  /** The token as written (`dd`, `'T'`, `/`). */
  readonly text: string;
  /** Its letter, for a date-fns token; undefined for literal text. */
  readonly letter: string | undefined;
}

const DATE = new Set(['y', 'M', 'd']);
const HOURS = ['H', 'h', 'K', 'k'];
const TIME = new Set([...HOURS, 'm', 's', 'S', 'a']);
// Tokens date-fns reads but that never mean what a date column means, with the likely intended token.
const MISREAD: Readonly<Record<string, { readonly means: string; readonly instead: string }>> = {
  D: { means: 'the day of the year', instead: 'd' },
  Y: { means: 'the week-numbering year', instead: 'y' },
};
const UNSUPPORTED_HINT: Readonly<Record<string, string>> = {
  E: 'the day of the week is not checked against the date; remove it or quote it',
  e: 'the day of the week is not checked against the date; remove it or quote it',
  c: 'the day of the week is not checked against the date; remove it or quote it',
  i: 'the day of the week is not checked against the date; remove it or quote it',
  L: 'did you mean MM (month)?',
  u: 'did you mean yyyy?',
  R: 'did you mean yyyy?',
};

/**
 * The reason a date-fns format cannot be used for a date column, or `undefined` when it can. Refused, each with the
 * likely intended token: `D` (day of the year) and `Y` (week-numbering year), which date-fns refuses while parsing
 * the first value; unknown or unsupported letters (quote text: `'T'`); a time that is not whole, as `mm` without an
 * hour (`dd/mm/yyyy`: minutes, not months), seconds without minutes, `a` (AM/PM) without a 12-hour `hh` or `hh`
 * without `a`; a token given twice; `yy` (the century would be guessed); a one-letter month name (`MMMMM`); a format
 * with no year or no month. A format with an hour (`yyyyMMddHHmm`) reads date-times. Shared by `field.date()` and
 * declarative definitions, so both refuse the same formats at definition time instead of throwing, or reading `mm`
 * as minutes, on the first row.
 * @example checkDateFormat('dd/mm/yyyy') // '"dd/mm/yyyy": mm is minutes; did you mean MM (month)?'
 */
export function checkDateFormat(format: string): string | undefined {
  const tokens = tokenize(format);
  const quoted = `"${format}"`;
  const letters = tokens.filter((t) => t.letter !== undefined) as Array<Token & { letter: string }>;

  const misread = letters.filter((t) => Object.hasOwn(MISREAD, t.letter));
  if (misread.length > 0) {
    const said = misread.map((t, k) => `${t.text}${k === 0 ? ' is' : ''} ${(MISREAD[t.letter] as { means: string }).means}`);
    const fixed = tokens.map((t) => (t.letter !== undefined && Object.hasOwn(MISREAD, t.letter)
      ? t.text.replaceAll(t.letter, (MISREAD[t.letter] as { instead: string }).instead) : t.text)).join('');
    return `${quoted}: ${said.join(' and ')}; did you mean ${fixed}?`;
  }
  const unsupported = letters.find((t) => !DATE.has(t.letter) && !TIME.has(t.letter));
  if (unsupported !== undefined) {
    const hint = UNSUPPORTED_HINT[unsupported.letter] ?? "a date format uses yyyy, MM and dd; quote other letters: 'T'";
    return `${quoted}: unknown or unsupported date-fns token "${unsupported.text}" (${hint})`;
  }
  const find = (letter: string) => letters.find((t) => t.letter === letter);
  const minutes = find('m');
  if (minutes !== undefined && !HOURS.some(find)) return `${quoted}: ${minutes.text} is minutes; did you mean ${minutes.text.toUpperCase()} (month)?`;
  const seconds = find('s');
  if (seconds !== undefined && minutes === undefined) return `${quoted}: ${seconds.text} (seconds) without mm (minutes)`;
  const fraction = find('S');
  if (fraction !== undefined && seconds === undefined) return `${quoted}: ${fraction.text} (fractions of a second) without ss (seconds)`;
  const seen = new Set<string>();
  for (const t of letters) {
    if (seen.has(t.letter)) return `${quoted}: ${t.letter} is given twice`;
    seen.add(t.letter);
  }
  const hours = HOURS.filter(find);
  if (hours.length > 1) return `${quoted}: ${hours.join(' and ')} are both hours; keep one`;
  if ((find('a') !== undefined) !== (find('h') !== undefined || find('K') !== undefined)) {
    return find('a') !== undefined ? `${quoted}: a (AM/PM) needs a 12-hour token (hh)` : `${quoted}: a 12-hour clock needs a (AM/PM); did you mean HH?`;
  }
  const year = letters.find((t) => t.letter === 'y');
  if (year === undefined) return `${quoted}: no year (yyyy)`;
  if (year.text === 'yy') return `${quoted}: yy is a two-digit year, whose century would be guessed; did you mean yyyy?`;
  if (find('M') === undefined) return `${quoted}: no month (MM)`;
  if (letters.some((t) => t.text === 'MMMMM')) return `${quoted}: MMMMM (one-letter month name) is ambiguous; use MM, MMM or MMMM`;
  return undefined;
}

/**
 * Splits a format as date-fns does: quoted text (`'de'`, `''` for a quote), runs of one letter with an optional
 * ordinal `o` (`do`, `Mo`), and single literal characters.
 */
function tokenize(format: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < format.length) {
    const c = format[i] as string;
    if (c === "'") {
      let j = i + 1;
      if (format[j] === "'") j++;
      else {
        while (j < format.length && !(format[j] === "'" && format[j + 1] !== "'")) j += format[j] === "'" ? 2 : 1;
        j = Math.min(j + 1, format.length);
      }
      out.push({ text: format.slice(i, j), letter: undefined });
      i = j;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i + 1;
      while (format[j] === c) j++;
      if (format[j] === 'o' && 'yYQqMLwIdDecihHKkms'.includes(c)) j++;
      out.push({ text: format.slice(i, j), letter: c });
      i = j;
    } else {
      out.push({ text: c, letter: undefined });
      i++;
    }
  }
  return out;
}
