import { backtrackingRisk } from '../core/backtracking-risk.js';

/** Longest pattern accepted from a file: longer ones are rejected, not truncated. */
export const MAX_PATTERN_LENGTH = 500;

/**
 * Compiles a regular expression from a definition file: at most `MAX_PATTERN_LENGTH` characters, valid, and free of
 * the shapes `backtrackingRisk` refuses (nested quantified groups whatever their bounds, repeated alternations whose
 * branches can start alike). Returns the RegExp, or the reason it was refused. A file has no `unsafe` escape: a
 * steward's file cannot stall a run.
 * @example compilePattern('(a+)+$') // 'nested quantifier: the group "(a+)", whose width varies, is repeated by "+" …'
 */
export function compilePattern(source: string, flags = ''): RegExp | string {
  if (source.length > MAX_PATTERN_LENGTH) return `pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (e) {
    return `invalid regular expression: ${(e as Error).message}`;
  }
  const risk = backtrackingRisk(source, flags);
  return risk === undefined ? re : `${risk} (can backtrack exponentially; rewrite it)`;
}
