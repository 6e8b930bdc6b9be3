/**
 * How many leading digits decide whether a number matches a numbering pattern, when the rest of the number only
 * has to be digits: `2(?:0[3-9]|1[0-689])\d{7}` is decided by its first 3 digits (and the length), `1800\d{4,6}` by 4.
 * Read from the pattern's text, for the subset numbering metadata is written in (digits, `\d`, classes of digits,
 * `(?:…|…)` groups, and one `\d{n}` or `\d{n,m}` ending each top-level alternative). Any other construct (a
 * quantifier inside the prefix, a lookahead, a backreference) gives `undefined`: the number has to be matched whole.
 * Why: libphonenumber-js builds each pattern's RegExp again for every number it types (~10 µs a number); a type
 * known to depend on a prefix and a length can be remembered per prefix and length, exactly.
 * @example decidingPrefix('2(?:0[3-9]|1[0-689])\\d{7}') // 3
 * @example decidingPrefix('1800\\d{4,6}|12(?:0[13]|28)\\d{4}') // 4
 * @example decidingPrefix('69\\d{5,6}|(?:12)+\\d{3}') // undefined
 */
export function decidingPrefix(pattern: string): number | undefined {
  let longest = 0;
  for (const alternative of topLevel(pattern)) {
    const tail = /\\d(?:\{\d+(?:,\d+)?\})?$/.exec(alternative);
    if (tail === null) return undefined;
    const n = fixedLength(alternative.slice(0, tail.index));
    if (n === undefined) return undefined;
    longest = Math.max(longest, n);
  }
  return longest;
}

/** The alternatives of a pattern at depth 0, or the pattern itself. */
function topLevel(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  out.push(pattern.slice(start));
  return out;
}

/**
 * The longest match of a quantifier-free prefix: a digit, `\d` or a class of digits is one; a group the longest of
 * its alternatives. `undefined` for anything else.
 */
function fixedLength(text: string): number | undefined {
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c >= '0' && c <= '9') i++;
    else if (text.startsWith('\\d', i)) i += 2;
    else if (c === '[') {
      const end = text.indexOf(']', i);
      if (end < 0 || !/^\[[0-9-]+\]$/.test(text.slice(i, end + 1))) return undefined;
      i = end + 1;
    } else if (text.startsWith('(?:', i)) {
      const end = closing(text, i);
      if (end < 0) return undefined;
      let group = 0;
      for (const alternative of topLevel(text.slice(i + 3, end))) {
        const m = fixedLength(alternative);
        if (m === undefined) return undefined;
        group = Math.max(group, m);
      }
      n += group;
      i = end + 1;
      continue;
    } else return undefined;
    n++;
  }
  return n;
}

/** The index of the `)` closing the group opened at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') i = text.indexOf(']', i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    if (i < 0) return -1;
  }
  return -1;
}
