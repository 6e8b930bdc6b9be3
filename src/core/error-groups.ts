import type { Locale, RuleResult } from './types.js';
import { NOT_KNOWN, NOT_KNOWN_VI } from './rule-base.js';

/** Rules that could not run for one same reason: the reason, and the rules' ids in report order. */
export interface ErrorGroup {
  readonly error: string;
  readonly ids: readonly string[];
}

/**
 * The rules in error, grouped by their message (first appearance first). One cause often stops several rules — a
 * population register that cannot be used stops the six `verifyPerson` rules — and summaries say it once, naming
 * the rules, rather than repeat the same sentence per rule. Each rule keeps its own `error` in the report.
 * @example errorGroups(report.rules).map((g) => `${couldNotRun(g.ids)}: ${g.error}`)
 */
export function errorGroups(rules: readonly RuleResult[], partial = false): ErrorGroup[] {
  const groups = new Map<string, string[]>();
  for (const r of rules) {
    if (r.status !== 'error') continue;
    const error = r.error ?? 'unknown error';
    // Of a partial read, rules that could not judge it (rowCount's "too few", `notKnown`) follow from the read's own
    // reason, said first: not repeated (each rule keeps its error).
    if (partial && (error.startsWith(NOT_KNOWN) || error.startsWith(NOT_KNOWN_VI))) continue;
    const ids = groups.get(error);
    if (ids === undefined) groups.set(error, [r.id]);
    else ids.push(r.id);
  }
  return [...groups].map(([error, ids]) => ({ error, ids }));
}

/**
 * `rule X could not run`, or for several rules `6 rules could not run (A, B, …)`, in `locale` (a report's reason is
 * in the run's language); `quote` wraps each id (the CLI quotes ids on stderr).
 * @example couldNotRun(['verifyPerson', 'verifyPerson.name'], '"') // '2 rules could not run ("verifyPerson", "verifyPerson.name")'
 * @example couldNotRun(['a.explodes'], '', 'vi') // 'quy tắc a.explodes không chạy được'
 */
export function couldNotRun(ids: readonly string[], quote = '', locale: Locale = 'en'): string {
  const q = (id: string): string => `${quote}${id}${quote}`;
  if (locale === 'vi') {
    return ids.length === 1 ? `quy tắc ${q(ids[0] as string)} không chạy được` : `${ids.length} quy tắc không chạy được (${ids.map(q).join(', ')})`;
  }
  return ids.length === 1 ? `rule ${q(ids[0] as string)} could not run` : `${ids.length} rules could not run (${ids.map(q).join(', ')})`;
}
