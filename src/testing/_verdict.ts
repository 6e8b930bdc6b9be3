import { argKind, isKeyedObject } from '../core/arg-kind.js';
import { CRITERIA, type Criterion, type Report } from '../core/types.js';
import { percent } from './_describe.js';

/** Score thresholds an assertion may demand. */
export interface ScoreThresholds {
  /** Minimum overall score in [0, 1]. */
  readonly minScore?: number;
  /** Minimum score per criterion, e.g. `{ live: 0.9 }`. A criterion with no rules (score null) does not meet one. */
  readonly criteria?: Partial<Readonly<Record<Criterion, number>>>;
}

/**
 * Whether a report passes: never when the run could not be evaluated (status `error`); with thresholds, when every
 * threshold is met; without, when the dataset's own verdict is `passed` or `warned`. Returns the reasons it fails.
 */
export function verdict(report: Report, thresholds: ScoreThresholds = {}): { readonly pass: boolean; readonly reasons: readonly string[] } {
  checkThresholds(thresholds);
  const reasons: string[] = [];
  const errored = erroredReason(report);
  if (errored !== undefined) reasons.push(errored);
  const { minScore, criteria } = thresholds;
  // Only a threshold with a value judges (`{ live: undefined }` sets none) and replaces the dataset's own verdict.
  const judged = minScore !== undefined || CRITERIA.some((c) => criteria?.[c] !== undefined);
  const check = (what: string, actual: number | null, min: number | undefined): void => {
    const reason = min === undefined ? undefined : thresholdReason(what, actual, min);
    if (reason !== undefined) reasons.push(reason);
  };
  check('score', report.score, minScore);
  for (const c of CRITERIA) check(`${c} score`, report.criteria[c].score, criteria?.[c]);
  if (!judged && report.status === 'failed') reasons.push('the dataset failed (an error-severity rule failed or the score is below failUnder)');
  return { pass: reasons.length === 0, reasons };
}

/**
 * Throws for thresholds that would judge other than asked, before any run: criteria that are no object of criterion
 * names, a name that is no criterion, a minimum that is no number in [0, 1].
 * @example checkThresholds({ criteria: new Map([['correct', 0.99]]) }) // throws: criteria must be an object …, got a Map
 */
export function checkThresholds(thresholds: ScoreThresholds): void {
  const { minScore, criteria } = thresholds;
  if (minScore !== undefined) requireThreshold('score', minScore);
  if (criteria === undefined) return;
  // Read by criterion name: a Map or a number demanded nothing (a dataset scoring 25% passed
  // `criteria: new Map([['correct', 0.99]])`), and an array of pairs was read as criteria "0", "1".
  if (!isKeyedObject(criteria)) {
    throw new TypeError('ddss/vitest: criteria must be an object of criterion → minimum score ({ correct: 0.99 }), ' +
      `got ${argKind(criteria)}`);
  }
  // A misspelt criterion (`{ corect: 0.9 }`) judged nothing, yet counted as a threshold given, so the dataset's own
  // `failed` was ignored too: a failing dataset passed.
  for (const [c, min] of Object.entries(criteria)) {
    if (!(CRITERIA as readonly string[]).includes(c)) {
      throw new TypeError(`ddss/vitest: criteria names "${c}", which is not a criterion (${CRITERIA.join(', ')})`);
    }
    if (min !== undefined) requireThreshold(`${c} score`, min);
  }
}

/**
 * Why `actual` does not meet `min` (a null score never does), or undefined when it does. A score outside [0, 1] (NaN
 * from a broken weight, a hand-edited report) throws: `NaN < min` is false, so it would pass every threshold.
 */
export function thresholdReason(what: string, actual: number | null, min: number): string | undefined {
  requireThreshold(what, min);
  if (actual !== null && !(typeof actual === 'number' && actual >= 0 && actual <= 1)) {
    throw new TypeError(`ddss/vitest: ${what} must be a number in [0, 1] or null, got ${String(actual)}`);
  }
  if (actual === null) return `${what} is n/a (no rule of it was evaluated), expected ≥ ${percent(min)}`;
  return actual < min ? `${what} ${percent(actual)} is below ${percent(min)}` : undefined;
}

/**
 * Throws unless `min` is a number in [0, 1]. The type check comes first: `null >= 0 && null <= 1` is true (and so are
 * `''`, `false`, `'0'`), so `toHaveScore(null)` demanded nothing, and a failing dataset passed.
 */
export function requireThreshold(what: string, min: unknown): asserts min is number {
  if (typeof min === 'number' && min >= 0 && min <= 1) return;
  const got = typeof min === 'string' ? `the string ${JSON.stringify(min)}` : min === null ? 'null' : String(min);
  throw new TypeError(`ddss/vitest: ${what} threshold must be a number in [0, 1], got ${got}`);
}

/**
 * Why a run could not be evaluated (status `error`, or a partial read whatever the status says), or undefined when it
 * could: no assertion passes on such a run.
 */
export function erroredReason(report: Report): string | undefined {
  if (report.status !== 'error' && report.partial !== true) return undefined;
  return `the run could not be evaluated: ${report.error ?? (report.partial ? 'the source could not be read completely' : 'a rule could not be evaluated')}`;
}
