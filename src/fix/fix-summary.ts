import { CRITERIA, FIX_KINDS, type Locale } from '../core/types.js';
import { formatCount, formatPercent } from '../outputs/_format.js';
import type { FixResult } from './types.js';

/**
 * The console summary of a `fix` run: cells fixed per kind, cells left and why, and per criterion the score and the
 * failing rows before → after (the after column is the fixed file's validation).
 * @example fixSummary(result, { locale: 'en', left: { breaks_rule: 4 } })
 * // "fixed 76 cells: nfc 18, whitespace 17, …\ncriterion    before → after …"
 */
export function fixSummary(r: FixResult, o: { readonly locale: Locale; readonly left: Readonly<Record<string, number>> }): string {
  const n = (x: number): string => formatCount(x, o.locale);
  const kinds = FIX_KINDS.filter((k) => r.byKind[k] > 0).map((k) => `${k} ${n(r.byKind[k])}`);
  const reasons = Object.entries(o.left).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, c]) => `${k} ${n(c)}`);
  const lines = [
    `fixed ${n(r.fixed)} cell${r.fixed === 1 ? '' : 's'}${kinds.length === 0 ? '' : `: ${kinds.join(', ')}`}`,
    `left as they are ${n(r.notFixed)}${reasons.length === 0 ? '' : `: ${reasons.join(', ')}`}`,
    '',
    `${'criterion'.padEnd(12)}${'score before → after'.padEnd(26)}failing rows before → after`,
  ];
  for (const c of CRITERIA) {
    const b = r.before.criteria[c];
    const a = r.after.criteria[c];
    const score = `${formatPercent(b.score, o.locale)} → ${formatPercent(a.score, o.locale)}`;
    lines.push(`${c.padEnd(12)}${score.padEnd(26)}${n(b.failedRows)} → ${n(a.failedRows)}`);
  }
  lines.push(`${'overall'.padEnd(12)}${formatPercent(r.before.score, o.locale)} → ${formatPercent(r.after.score, o.locale)}` +
    ` (${r.before.status} → ${r.after.status})`);
  return `${lines.join('\n')}\n`;
}
