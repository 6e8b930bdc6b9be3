interface Group {
  /** Where the group starts in the source (its `(`), to quote it in messages. */
  readonly at: number;
  /** Content of varying width: a quantifier with a range (`*`, `+`, `?`, `{n,m}`, `{n,}`) occurs somewhere inside. */
  variable: boolean;
  /** A (nested) alternation inside has branches that may begin alike. */
  ambiguous: boolean;
  /** First atom of each top-level alternative, for the repeated-alternation check. */
  firsts: (string | null)[];
  /** Whether the current alternative has had its first atom yet. */
  started: boolean;
}

/**
 * Why a regular expression can make a backtracking engine (V8's) run for seconds or forever on one short value, or
 * `undefined` when it has none of the shapes that cause it. Refused, whatever the bounds:
 * - a group whose content varies in width (it holds `*`, `+`, `?`, `{n,m}` or `{n,}`) repeated more than once
 *   (`*`, `+`, `{n,}`, `{n,m}` with m > 1, `{n}` with n > 1): `(a+)+`, `(a{1,30}){1,30}`, `(.*a){20}`, `(a?){3}`.
 *   Each repetition can split the text differently, so the ways to try grow exponentially, or as a high power of the
 *   length. A group of fixed width (`(\d{2}\.){3}`) or one taken at most once (`(\d{3}-)?`) is fine;
 * - a repeated alternation whose branches may begin alike (`(a|a)*`, `(\d|\w)+`, `(ab|ac){2}`): use a character
 *   class such as `[ab]+` or a common prefix.
 * This is a structural check, not a full analysis: it refuses some patterns that are safe (`(\d{1,3}\.){3}`; write
 * the repetitions out) and does not catch polynomial blow-ups of sequences (`\d+\d+\d+x`), which stay polynomial in
 * the length of one value.
 * @example backtrackingRisk('^(a{1,30}){1,30}$') // 'nested quantifier: the group "(a{1,30})", whose width varies, is repeated by "{1,30}"'
 */
export function backtrackingRisk(source: string, flags = ''): string | undefined {
  const ignoreCase = flags.includes('i');
  const stack: Group[] = [{ at: 0, variable: false, ambiguous: false, firsts: [], started: false }];
  let last: { kind: 'atom' } | { kind: 'group'; group: Group; end: number } | undefined;
  const top = () => stack[stack.length - 1] as Group;
  const atom = (text: string | null) => {
    const g = top();
    if (!g.started) {
      g.firsts.push(text === null ? null : ignoreCase ? text.toLowerCase() : text);
      g.started = true;
    }
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      // Escapes that stand for a set of characters cannot be told apart from other branches.
      atom(/[dDwWsSpPbB]/.test(next) || /[1-9k]/.test(next) ? null : `\\${next}`);
      i += next === 'u' && source[i + 2] === '{' ? source.indexOf('}', i) + 1 || source.length : 2;
      last = { kind: 'atom' };
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      atom(null);
      i = j + 1;
      last = { kind: 'atom' };
      continue;
    }
    if (c === '(') {
      atom(null);
      stack.push({ at: i, variable: false, ambiguous: false, firsts: [], started: false });
      // Skip the group's prefix: (?: (?= (?! (?<= (?<! (?<name>
      if (source[i + 1] === '?') {
        const m = /^\?(?::|=|!|<=|<!|<[^>]*>)/.exec(source.slice(i + 1));
        i += 1 + (m?.[0].length ?? 1);
      } else i++;
      last = undefined;
      continue;
    }
    if (c === ')') {
      const g = stack.length > 1 ? (stack.pop() as Group) : top();
      // An empty last branch, `(a|)`: the group may match nothing, so it is `(a)?` in disguise.
      if (g.firsts.length > 0 && !g.started) g.firsts.push('');
      if (g.firsts.includes('')) g.variable = true;
      if (g.firsts.length > 1 && !_distinct(g.firsts)) g.ambiguous = true;
      if (g.variable) top().variable = true;
      if (g.ambiguous) top().ambiguous = true;
      last = { kind: 'group', group: g, end: i + 1 };
      i++;
      continue;
    }
    if (c === '|') {
      const g = top();
      if (!g.started) g.firsts.push('');
      g.started = false;
      last = undefined;
      i++;
      continue;
    }
    const q = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})\??/.exec(source.slice(i));
    if (q !== null && last !== undefined) {
      const [text, lo, comma, hi] = q;
      const min = text.startsWith('+') ? 1 : lo === undefined ? 0 : Number(lo);
      const max = text.startsWith('?') ? 1 : lo === undefined || (comma !== undefined && hi === '') ? Infinity
        : Number(comma === undefined ? lo : hi);
      if (last.kind === 'group' && max > 1) {
        const quoted = `"${_excerpt(source.slice(last.group.at, last.end))}"`;
        if (last.group.variable) return `nested quantifier: the group ${quoted}, whose width varies, is repeated by "${text}"`;
        if (last.group.ambiguous) {
          return `repeated alternation: the group ${quoted}, whose branches can start alike, is repeated by "${text}"; ` +
            'use a character class such as [ab]+';
        }
      }
      if (min !== max) for (const g of stack) g.variable = true;
      i += text.length;
      last = undefined;
      continue;
    }
    atom(c === '.' ? null : c);
    last = { kind: 'atom' };
    i++;
  }
  return undefined;
}

function _distinct(firsts: readonly (string | null)[]): boolean {
  if (firsts.some((f) => f === null || f === '')) return false;
  return new Set(firsts).size === firsts.length;
}

function _excerpt(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 37)}…`;
}
