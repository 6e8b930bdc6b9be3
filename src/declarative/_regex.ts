/** Longest pattern accepted from a file: longer ones are rejected, not truncated. */
export const MAX_PATTERN_LENGTH = 500;

interface Group {
  /** A variable-length quantifier (`*`, `+`, `?`, `{n,m}`) occurs somewhere inside. */
  variable: boolean;
  /** A (nested) alternation inside has branches that may begin alike. */
  ambiguous: boolean;
  /** First atom of each top-level alternative, for the repeated-alternation check. */
  firsts: (string | null)[];
  /** Whether the current alternative has had its first atom yet. */
  started: boolean;
}

/**
 * Compiles a regular expression from a definition file, refusing the shapes that make backtracking exponential:
 * a repeated group that itself contains a variable quantifier (`(a+)+`, `(\w+\s?)*`), and a repeated alternation
 * whose branches may begin alike (`(a|a)*`, `(\d|\w)+`). Returns the RegExp, or the reason it was refused.
 *
 * This is a structural check, not a full ReDoS analysis: it does not catch polynomial blow-ups such as
 * `\d+\d+\d+x`, so patterns from files should be anchored and simple.
 * @example compilePattern('(a+)+$') // 'nested quantifier: a repeated group contains "+" …'
 */
export function compilePattern(source: string, flags = ''): RegExp | string {
  if (source.length > MAX_PATTERN_LENGTH) return `pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (e) {
    return `invalid regular expression: ${(e as Error).message}`;
  }
  const problem = _structure(source, flags.includes('i'));
  return problem ?? re;
}

function _structure(src: string, ignoreCase: boolean): string | undefined {
  const stack: Group[] = [{ variable: false, ambiguous: false, firsts: [], started: false }];
  let last: { kind: 'atom' } | { kind: 'group'; group: Group } | undefined;
  const top = () => stack[stack.length - 1] as Group;
  const atom = (text: string | null) => {
    const g = top();
    if (!g.started) {
      g.firsts.push(text === null ? null : ignoreCase ? text.toLowerCase() : text);
      g.started = true;
    }
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      // Escapes that stand for a set of characters cannot be told apart from other branches.
      atom(/[dDwWsSpPbB]/.test(next) || /[1-9k]/.test(next) ? null : `\\${next}`);
      i += next === 'u' && src[i + 2] === '{' ? src.indexOf('}', i) + 1 || src.length : 2;
      last = { kind: 'atom' };
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      atom(null);
      i = j + 1;
      last = { kind: 'atom' };
      continue;
    }
    if (c === '(') {
      atom(null);
      const g: Group = { variable: false, ambiguous: false, firsts: [], started: false };
      stack.push(g);
      // Skip the group's prefix: (?: (?= (?! (?<= (?<! (?<name>
      if (src[i + 1] === '?') {
        const m = /^\?(?::|=|!|<=|<!|<[^>]*>)/.exec(src.slice(i + 1));
        i += 1 + (m?.[0].length ?? 1);
      } else i++;
      last = undefined;
      continue;
    }
    if (c === ')') {
      const g = stack.length > 1 ? (stack.pop() as Group) : top();
      if (g.firsts.length > 1 && !_distinct(g.firsts)) g.ambiguous = true;
      if (g.variable) top().variable = true;
      if (g.ambiguous) top().ambiguous = true;
      last = { kind: 'group', group: g };
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
    const q = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/.exec(src.slice(i));
    if (q !== null && last !== undefined) {
      const [text, lo, comma, hi] = q;
      const unbounded = text.startsWith('*') || text.startsWith('+') || (comma !== undefined && hi === '');
      const variable = !text.startsWith('{') || (comma !== undefined && hi !== lo);
      if (last.kind === 'group' && (unbounded || variable)) {
        const g = last.group;
        if (g.variable && unbounded) return `nested quantifier: a group with a quantifier inside is repeated by "${text}" (exponential backtracking)`;
        if (g.ambiguous && unbounded) {
          return `repeated alternation: branches that can start alike are repeated by "${text}" (exponential backtracking); use a character class such as [ab]+`;
        }
      }
      if (variable) for (const g of stack) g.variable = true;
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
