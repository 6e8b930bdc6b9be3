import { unionCount, type RowSet } from './rowset.js';
import { CRITERIA, type Criterion, type CriterionResult, type RuleResult } from './types.js';

const NONE: ReadonlySet<Criterion> = new Set();

export interface ScoredRule {
  readonly result: RuleResult;
  readonly failedRows: RowSet;
}

/**
 * The scores of DESIGN §2. Only rules that count do: `error` and `warning` severity, not skipped, not in error.
 * - rowPassRate_c = 1 − |rows failing any row-level rule of c| / rows; null without such rules (or rows);
 * - tableScore_c = weighted mean of c's table-level rule scores; null without such rules;
 * - score_c = product of the non-null parts; null when both are null (a criterion with no rules is never 100%);
 * - score = weighted mean of the non-null score_c.
 * Criteria in `unknown` (a rule of theirs errored, or the read was partial) get null scores, and so does the overall
 * score: a run that could not measure something never reports a score for it.
 */
export function computeScores(rules: readonly ScoredRule[], rows: number,
  weights: Readonly<Record<Criterion, number>>, unknown: ReadonlySet<Criterion> = NONE):
  { criteria: Record<Criterion, CriterionResult>; score: number | null } {
  const criteria = {} as Record<Criterion, CriterionResult>;
  const scored: Array<readonly [number, number]> = [];
  for (const c of CRITERIA) {
    if (unknown.has(c)) {
      // What was not measured is not scored: a criterion with a rule in error, or any criterion of a partial read,
      // has no score (never the 1 of rules that did not run). Rows known to fail are still counted.
      const failing = rules.filter(({ result: r }) => r.criterion === c && r.severity !== 'info' && r.status !== 'error'
        && r.level === 'row').map((r) => r.failedRows);
      criteria[c] = { score: null, rowPassRate: null, tableScore: null, failedRows: unionCount(failing, rows) };
      continue;
    }
    const counted = rules.filter(({ result: r }) =>
      r.criterion === c && r.severity !== 'info' && r.status !== 'skipped' && r.status !== 'error');
    const rowRules = counted.filter((r) => r.result.level === 'row');
    const tableRules = counted.filter((r) => r.result.level === 'table');
    const failedRows = unionCount(rowRules.map((r) => r.failedRows), rows);
    const rowPassRate = rowRules.length === 0 || rows === 0 ? null : 1 - failedRows / rows;
    const tableScore = weightedMean(tableRules.map((r) => [r.result.score ?? 0, r.result.weight]));
    const parts = [rowPassRate, tableScore].filter((x): x is number => x !== null);
    const score = parts.length === 0 ? null : parts.reduce((a, b) => a * b, 1);
    criteria[c] = { score: round(score), rowPassRate: round(rowPassRate), tableScore: round(tableScore), failedRows };
    if (score !== null) scored.push([score, weights[c]]);
  }
  const score = weightedMean(scored);
  return { criteria, score: score === null || unknown.size > 0 ? null : round(score) };
}

function weightedMean(pairs: ReadonlyArray<readonly [number, number]>): number | null {
  const k = weightScale(pairs);
  let sum = 0;
  let total = 0;
  for (const [value, weight] of pairs) {
    sum += value * (weight * k);
    total += weight * k;
  }
  return total === 0 ? null : sum / total;
}

/**
 * 1, or the power of two that brings weights whose sum overflows back in range. Why: weights are any finite number
 * ≥ 0, and two of 1.7e308 summed to Infinity, so scores were NaN — `null` in JSON, "NaN" in JUnit and HTML — and
 * `failUnder` no longer failed the run. Scaling by a power of two is exact, so the mean is the one the weights mean.
 */
function weightScale(pairs: ReadonlyArray<readonly [number, number]>): number {
  let total = 0;
  let max = 0;
  for (const [, w] of pairs) {
    total += w;
    if (w > max) max = w;
  }
  if (Number.isFinite(total)) return 1;
  return 2 ** -(Math.ceil(Math.log2(max)) + Math.ceil(Math.log2(pairs.length)));
}

/** Scores are rounded to 6 decimals so reports read cleanly and compare byte for byte. */
export function round(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1e6) / 1e6;
}
