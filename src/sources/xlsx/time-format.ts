/** A part of a time format's section, in the order it is written. */
export type TimePart =
  | { readonly kind: 'text'; readonly text: string }
  /** `h`/`hh` (of the clock), `[h]` (elapsed, every hour counted); `width` digits at least. */
  | { readonly kind: 'hours' | 'minutes' | 'seconds'; readonly width: number; readonly elapsed: boolean }
  /** `.0`, `.00`, `.000` after the seconds. */
  | { readonly kind: 'fraction'; readonly digits: number }
  /** `AM/PM`, `am/pm`, `A/P`: the clock counts 12 hours, and this is written as the format writes it. */
  | { readonly kind: 'ampm'; readonly am: string; readonly pm: string };

/** A section's condition (`[<1]`): the section shows the values it holds for. */
export interface TimeCondition {
  readonly op: '<' | '<=' | '>' | '>=' | '=' | '<>';
  readonly value: number;
}

/** One section of a time format (`positive;negative;zero`). */
export interface TimeSection {
  readonly parts: readonly TimePart[];
  readonly condition: TimeCondition | undefined;
}

/**
 * A number format that shows a duration or a time of day and nothing of a date: its sections for numbers, at most
 * three (a text one dropped), one of them at least showing a time.
 */
export interface TimeFormat {
  readonly sections: readonly TimeSection[];
}

// A format is read once, then looked up for each cell (a workbook has a few dozen). Bounded, since the formats come
// from the files read: a crafted workbook's thousands of formats clear it rather than grow it.
const known = new Map<string, TimeFormat | null>();
const KNOWN_MAX = 512;

/**
 * The format's sections when it shows an elapsed duration (`[h]:mm`, `[h]:mm:ss.0`, `[mm]:ss`, `[ss]`) or a time of
 * day (`h:mm`, `hh:mm:ss`, `h:mm AM/PM`, `mm:ss`) and nothing of a date: undefined for a date, a date and time, a
 * number or text format, and for anything it cannot read whole (an unquoted letter it does not know), which is then
 * read as before. Quoted text, `\x`, `_x` (a space), `*x` (a fill), colours (`[Red]`), locales (`[$-42A]`, a currency
 * `[$₫-42A]` as its symbol) and conditions (`[<1]`) are understood. `m` is a month unless it follows an hour or comes
 * before a second (Excel's rule), and a month is a date.
 * @example timeFormat('[Red][h]:mm')?.sections.length // 1
 * @example timeFormat('dd/mm/yyyy hh:mm') // undefined
 */
export function timeFormat(numFmt: string): TimeFormat | undefined {
  const seen = known.get(numFmt);
  if (seen !== undefined) return seen ?? undefined;
  const read = readFormat(numFmt);
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(numFmt, read ?? null);
  return read;
}

type Token = TimePart | { readonly kind: 'm'; readonly length: number };

function readFormat(fmt: string): TimeFormat | undefined {
  const sections: TimeSection[] = [];
  let tokens: Token[] = [];
  let condition: TimeCondition | undefined;
  let textSection = false;
  const close = (): boolean => {
    const parts = timeParts(tokens);
    if (parts === undefined) return false;
    if (!textSection) sections.push({ parts, condition });
    tokens = [];
    condition = undefined;
    textSection = false;
    return true;
  };
  const n = fmt.length;
  for (let i = 0; i < n;) {
    const c = fmt[i] as string;
    const lower = c.toLowerCase();
    if (c === ';') {
      if (!close()) return undefined;
      i++;
    } else if (c === '"') {
      const end = fmt.indexOf('"', i + 1);
      tokens.push({ kind: 'text', text: fmt.slice(i + 1, end === -1 ? n : end) });
      i = end === -1 ? n : end + 1;
    } else if (c === '\\') {
      tokens.push({ kind: 'text', text: fmt[i + 1] ?? '' });
      i += 2;
    } else if (c === '_') {
      tokens.push({ kind: 'text', text: ' ' });
      i += 2;
    } else if (c === '*') {
      i += 2;
    } else if (c === '[') {
      // The bracket ends at the next ']', or is no bracket at the next '[': a search that stops there keeps "[[[[…"
      // linear.
      let end = i + 1;
      while (end < n && fmt[end] !== ']' && fmt[end] !== '[') end++;
      if (fmt[end] !== ']') return undefined;
      const inner = fmt.slice(i + 1, end);
      const unit = ELAPSED.test(inner);
      const cond = CONDITION.exec(inner);
      if (unit) {
        const letter = inner.charAt(0).toLowerCase();
        tokens.push({ kind: letter === 'h' ? 'hours' : letter === 'm' ? 'minutes' : 'seconds', width: inner.length, elapsed: true });
      } else if (inner.startsWith('$')) {
        const dash = inner.indexOf('-');
        tokens.push({ kind: 'text', text: inner.slice(1, dash === -1 ? inner.length : dash) });
      } else if (cond !== null) {
        condition = { op: cond[1] as TimeCondition['op'], value: Number(cond[2]) };
      }
      // Anything else in brackets is a colour (`[Red]`, `[Color10]`) or a numeral system (`[DBNum1]`): nothing shown.
      i = end + 1;
    } else if (lower === 'a' && fmt.slice(i, i + 5).toUpperCase() === 'AM/PM') {
      tokens.push({ kind: 'ampm', am: fmt.slice(i, i + 2), pm: fmt.slice(i + 3, i + 5) });
      i += 5;
    } else if (lower === 'a' && fmt.slice(i, i + 3).toUpperCase() === 'A/P') {
      tokens.push({ kind: 'ampm', am: c, pm: fmt[i + 2] as string });
      i += 3;
    } else if (lower === 'h' || lower === 'm' || lower === 's') {
      let end = i + 1;
      while (end < n && (fmt[end] as string).toLowerCase() === lower) end++;
      const length = end - i;
      tokens.push(lower === 'm' ? { kind: 'm', length }
        : { kind: lower === 'h' ? 'hours' : 'seconds', width: Math.min(length, 2), elapsed: false });
      i = end;
    } else if (c === '.' && tokens.at(-1)?.kind === 'seconds' && fmt[i + 1] === '0') {
      let end = i + 1;
      while (end < n && fmt[end] === '0') end++;
      // Excel shows at most thousandths of a second.
      if (end - i - 1 > 3) return undefined;
      tokens.push({ kind: 'text', text: '.' }, { kind: 'fraction', digits: end - i - 1 });
      i = end;
    } else if (c === '@') {
      textSection = true;
      i++;
    } else if (/[\d#?%]/.test(c) || /\p{L}/u.test(c)) {
      // A digit placeholder or percent is a number's format; a letter a date's (y, d, b, e, g) or one not known here.
      return undefined;
    } else {
      tokens.push({ kind: 'text', text: c });
      i++;
    }
  }
  if (!close()) return undefined;
  // Excel shows a number in the first three sections (positive, negative, zero); a fourth is for text.
  const numeric = sections.slice(0, 3);
  if (!numeric.some((s) => s.parts.some((p) => p.kind === 'hours' || p.kind === 'minutes' || p.kind === 'seconds'))) {
    return undefined;
  }
  return { sections: numeric };
}

const ELAPSED = /^(?:h+|m+|s+)$/i;
const CONDITION = /^(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)$/;

/**
 * A section's tokens with each `m` made minutes, or undefined when one is a month: `m`/`mm` right after an hour or
 * right before a second (literal text between them aside) is minutes, anything else (`mmm`, `m` alone) a month.
 */
function timeParts(tokens: readonly Token[]): TimePart[] | undefined {
  const parts: TimePart[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'm') {
      parts.push(t);
      continue;
    }
    const before = nearestUnit(tokens, i, -1);
    const after = nearestUnit(tokens, i, 1);
    if (t.length > 2 || (before !== 'hours' && after !== 'seconds')) return undefined;
    parts.push({ kind: 'minutes', width: t.length, elapsed: false });
  }
  return parts;
}

/** The kind of the nearest token before (`step` -1) or after (1) the `i`th that is not text. */
function nearestUnit(tokens: readonly Token[], i: number, step: 1 | -1): Token['kind'] | undefined {
  for (let j = i + step; j >= 0 && j < tokens.length; j += step) {
    const kind = (tokens[j] as Token).kind;
    if (kind !== 'text') return kind;
  }
  return undefined;
}
