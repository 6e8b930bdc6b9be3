import { readClass, readEscape, readLiteral } from './_regex-atoms.js';

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
 *   class such as `[ab]+` or a common prefix. Branch starts are compared as the characters they match, as the engine
 *   reads them with these flags: `(a|\x61)+`, `(a|\u{61})+` (u), `(a|[a])+` and `(a|\x41)+` (i) are all `(a|a)+`.
 * This is a structural check, not a full analysis: it refuses some patterns that are safe (`(\d{1,3}\.){3}`; write
 * the repetitions out) and does not catch polynomial blow-ups of sequences (`\d+\d+\d+x`), which stay polynomial in
 * the length of one value.
 * @example backtrackingRisk('^(a{1,30}){1,30}$') // 'nested quantifier: the group "(a{1,30})", whose width varies, is repeated by "{1,30}"'
 */
export function backtrackingRisk(source: string, flags = ''): string | undefined {
  const ignoreCase = flags.includes('i');
  const unicode = /[uv]/.test(flags);
  const stack: Group[] = [{ at: 0, variable: false, ambiguous: false, firsts: [], started: false }];
  let last: { kind: 'atom' } | { kind: 'group'; group: Group; end: number } | undefined;
  const top = () => stack[stack.length - 1] as Group;
  const atom = (text: string | null) => {
    const g = top();
    if (!g.started) {
      g.firsts.push(text);
      g.started = true;
    }
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    // Escapes and one-character classes are compared as the character they match (`\x61`, `[a]` and `a` alike);
    // those that stand for a set (`\d`, `[a-z]`, `.`) cannot be told apart from other branches.
    const read = c === '\\' ? readEscape : c === '[' ? readClass : undefined;
    if (read !== undefined) {
      const { char, length } = read(source, i, unicode);
      atom(char);
      i += length;
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
      if (g.firsts.length > 1 && !_distinct(g.firsts, ignoreCase)) g.ambiguous = true;
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
    const { char, length } = readLiteral(source, i, unicode);
    atom(char);
    last = { kind: 'atom' };
    i += length;
  }
  return undefined;
}

/** Whether no two branches can begin with the same character (with `i`, in either case). */
function _distinct(firsts: readonly (string | null)[], ignoreCase: boolean): boolean {
  if (firsts.some((f) => f === null || f === '')) return false;
  const seen = new Map<string, number>();
  return firsts.every((f, n) => (ignoreCase ? _caseVariants(f as string) : [f as string]).every((v) => {
    const other = seen.get(v);
    seen.set(v, n);
    return other === undefined || other === n;
  }));
}

/**
 * The forms a character may take when case is ignored: more than the engine's own folding (`ß` and `SS`), never
 * fewer, so that `ſ`, `s` and `S`, or `K` (Kelvin) and `k`, count as alike.
 */
function _caseVariants(char: string): string[] {
  const upper = char.toUpperCase();
  const lower = char.toLowerCase();
  return [char, upper, lower, upper.toLowerCase(), lower.toUpperCase()];
}

function _excerpt(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 37)}…`;
}
