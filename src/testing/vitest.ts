/**
 * ddss/vitest: data-quality matchers for vitest. Importing this module registers them (it has side effects):
 *
 *   import 'ddss/vitest';
 *   await expect(rows).toPassDataset(landParcels, { minScore: 0.95, criteria: { live: 0.9 } });
 *   expect(report).toHaveScore(0.9, 'correct');
 *   expect(report).toHaveNoViolations('owner_id.cccd');
 *
 * Failure messages show the scores and the worst rules with counts and a few sample violations (personal values
 * masked, as in every report).
 */
import { chai, expect } from 'vitest';
import { guardAwait } from './_guard-await.js';
import { checkOptionKeys, VALIDATE_OPTION_KEYS } from '../core/option-keys.js';
import { isThenable } from '../core/_validator-helpers.js';
import { validate, type RowInput } from '../core/validate.js';
import { CRITERIA, type Criterion, type DatasetDefinition, type Report, type RuleResult, type ValidateOptions } from '../core/types.js';
import type { RuleIdFor } from '../rule-id.js';
import { describeReport, describeRule, percent, scoreLine } from './_describe.js';
import { checkThresholds, erroredReason, requireThreshold, thresholdReason, verdict, type ScoreThresholds } from './_verdict.js';

/** Options of `toPassDataset`: score thresholds, plus the options of `validate` (e.g. `now`). */
export interface PassDatasetOptions extends ScoreThresholds, ValidateOptions {}

/** The matchers ddss adds to vitest's `expect`. */
export interface DataQualityMatchers {
  /**
   * The report (or the report of validating these rows against `dataset`) passes: with thresholds, every threshold
   * is met; without, the dataset's own status is `passed` or `warned`. Never passes when the run errored, nor does its
   * `.not` (a run that could not be evaluated proves no defect either). A finished
   * report must be of `dataset` and takes only the thresholds (options of a run, `failUnder`, would judge nothing);
   * anything else fails even under `.not`, as does a value that is neither rows nor a report.
   * Asynchronous: always `await` it. A test that does not await it fails when it ends, naming the assertion (its
   * verdict would otherwise be lost, or land after the test passed).
   * @example await expect(readCsv('parcels.csv')).toPassDataset(landParcels, { minScore: 0.95, now: new Date('2026-11-22') })
   */
  toPassDataset(dataset: DatasetDefinition, options?: PassDatasetOptions): Promise<void>;
  /**
   * The report's overall score (or one criterion's) is at least `min`; a null score (nothing evaluated) fails, and so
   * does any run that could not be evaluated (status `error`), whatever its scores.
   * @example expect(report).toHaveScore(0.9, 'live')
   */
  toHaveScore(min: number, criterion?: Criterion): void;
  /**
   * The rule `ruleId` ran and reported nothing (no failed rows, no violations, no table score below 1, no rule error).
   * Without `ruleId`: no `error` or `warning` rule reported anything of the kind, none errored, and the run could be evaluated (a run that checked
   * nothing, e.g. of an empty file, is status `error` and never passes); `info` findings are allowed. A named rule
   * that checked nothing (`skipped`) does not pass either, nor does any rule of a run that could not be evaluated. An
   * id that is not in the report fails the assertion even under `.not`, listing the report's rule ids.
   * @example expect(report).toHaveNoViolations('parcel_id.unique')
   */
  toHaveNoViolations(ruleId?: string): void;
}

declare module 'vitest' {
  interface Assertion<T> {
    toPassDataset: DataQualityMatchers['toPassDataset'];
    toHaveScore: DataQualityMatchers['toHaveScore'];
    /**
     * As `DataQualityMatchers.toHaveNoViolations`; on the report of a typed definition, the field part of `ruleId`
     * must name one of its fields (`'owner_idd.cccd'` is a type error).
     */
    toHaveNoViolations<const Id extends string = string>(ruleId?: Id & RuleIdFor<T, Id>): void;
  }
  interface AsymmetricMatchersContaining {
    toHaveScore(min: number, criterion?: Criterion): unknown;
    toHaveNoViolations(ruleId?: string): unknown;
  }
}

const MATCHER_OPTION_KEYS = ['minScore', 'criteria', ...VALIDATE_OPTION_KEYS];

/** A finished report (rather than rows to validate): the fields the matchers read are there. */
export function isReport(x: unknown): x is Report {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { schemaVersion?: unknown; dataset?: unknown; status?: unknown; rules?: unknown; criteria?: unknown };
  return r.schemaVersion === 1 && typeof r.dataset === 'string' && typeof r.status === 'string' && Array.isArray(r.rules) &&
    typeof r.criteria === 'object' && r.criteria !== null &&
    CRITERIA.every((c) => typeof (r.criteria as Record<string, unknown>)[c] === 'object');
}

function isRows(x: unknown): x is RowInput {
  return typeof x === 'object' && x !== null &&
    (Symbol.iterator in x || Symbol.asyncIterator in x || typeof (x as { batches?: unknown }).batches === 'function');
}

/**
 * The received value as a report, or a thrown error. Thrown rather than `pass: false`, which `.not` would turn into
 * a pass: `expect(validate(…)).not.toHaveScore(0.5)` (a missing await) must not go green.
 */
function requireReport(received: unknown): Report {
  if (isReport(received)) return received;
  throw new TypeError(`ddss/vitest: expected a ddss report, ${describeReceived(received)}`);
}

/** `received a Promise — missing await?`, `received null`, `received number`… */
function describeReceived(received: unknown): string {
  if (isThenable(received)) return 'received a Promise — missing await?';
  return `received ${received === null ? 'null' : Array.isArray(received) ? 'an array' : typeof received}`;
}

/**
 * Throws for a negated assertion on a run that could not be evaluated: "not ≥ 0.9" or "has violations" is no more
 * proven by a run that read nothing than the assertion itself (which fails on such a run), so neither may go green.
 */
function refuseUnproven(report: Report, assertion: string): void {
  const why = erroredReason(report);
  if (why !== undefined) throw new Error(`ddss/vitest: ${assertion}: ${why}, so it proves nothing either way`);
}

/**
 * Whether a rule found something wrong: violations, failed rows, or a table score below 1. A rule may fail without a
 * violation (a dataset rule giving `failed` or a `score` and no findings), which `violations` alone counted as clean.
 */
function foundProblems(r: RuleResult): boolean {
  return r.status === 'failed' || r.violations > 0 || r.failed > 0 || (r.score !== null && r.score < 1);
}

/**
 * A report given to `toPassDataset(dataset)` must be of that dataset, else the verdict says nothing about it; and it
 * takes no option of a run (`failUnder`, `baseline`, `now`): the run is over, so the report passed as if they had judged it.
 */
function requireReportOf(report: Report, dataset: DatasetDefinition, runOptions: readonly string[]): Report {
  if (report.dataset !== dataset.name) {
    throw new Error(`ddss/vitest: toPassDataset(${dataset.name}) received a report of ${report.dataset}, not of ${dataset.name}`);
  }
  if (runOptions.length > 0) {
    throw new Error(`ddss/vitest: toPassDataset(${dataset.name}) received a finished report: the run's options ` +
      `(${runOptions.join(', ')}) apply only to rows it validates; give them to validate(), or the rows to toPassDataset`);
  }
  return report;
}

/**
 * Throws unless `dataset` is a definition: `expect(report).toPassDataset()` read `undefined.name` and failed with a
 * TypeError that said nothing of the missing argument.
 */
function requireDataset(dataset: unknown): void {
  const d = dataset as { name?: unknown; fields?: unknown; rules?: unknown } | null | undefined;
  if (typeof d === 'object' && d !== null && typeof d.name === 'string' && typeof d.fields === 'object' && d.fields !== null &&
    Array.isArray(d.rules)) return;
  throw new TypeError('ddss/vitest: toPassDataset(dataset, options?) needs the dataset definition to judge by (what ' +
    `defineDataset() returns), got ${d === null ? 'null' : typeof d === 'object' ? 'an object that is not one' : typeof d}; ` +
    'for a finished report, pass the dataset it is a report of (expect(report).toPassDataset(landParcels)), or use ' +
    'toHaveScore / toHaveNoViolations, which take the report alone');
}

expect.extend({
  async toPassDataset(received: unknown, dataset: DatasetDefinition, options: PassDatasetOptions = {}) {
    requireDataset(dataset);
    // A misspelt option (`minscore`) is otherwise ignored, and the verdict made without it.
    checkOptionKeys(options, MATCHER_OPTION_KEYS, 'toPassDataset');
    const { minScore, criteria, ...validateOptions } = options;
    const thresholds = { ...(minScore === undefined ? {} : { minScore }), ...(criteria === undefined ? {} : { criteria }) };
    checkThresholds(thresholds); // before the run: a threshold that judges nothing is a mistake of the test, not of the data
    let report: Report;
    if (isReport(received)) report = requireReportOf(received, dataset,
      Object.entries(validateOptions).filter(([, v]) => v !== undefined).map(([k]) => k));
    else if (isRows(received)) report = await validate(dataset, received, validateOptions);
    else throw new TypeError(`ddss/vitest: expected rows (array, iterable or source) or a report, ${describeReceived(received)}`);
    const { pass, reasons } = verdict(report, thresholds);
    // `.not` claims the dataset does not pass: a run that could not be evaluated (0 rows, a rule error, a partial read)
    // fails for that reason alone, which proves no defect of the data.
    if (this.isNot) refuseUnproven(report, `not.toPassDataset(${report.dataset})`);
    return {
      pass,
      message: () => pass
        ? `expected ${report.dataset} not to pass, but it did\n${scoreLine(report)}`
        : `expected ${report.dataset} to pass: ${reasons.join('; ')}\n${describeReport(report)}`,
    };
  },

  toHaveScore(received: unknown, min: number, criterion?: Criterion) {
    const report = requireReport(received);
    // Checked first: a run that could not be evaluated would otherwise fail on its own reason, hiding the mistake.
    requireThreshold(criterion === undefined ? 'score' : `${String(criterion)} score`, min);
    // `.not` claims the score is below `min`: a run that could not be evaluated has no score to be below anything.
    if (this.isNot) refuseUnproven(report, `not.toHaveScore(${min})`);
    if (criterion !== undefined && !CRITERIA.includes(criterion)) {
      throw new TypeError(`ddss/vitest: unknown criterion "${String(criterion)}" (expected ${CRITERIA.join(', ')})`);
    }
    const what = criterion === undefined ? 'score' : `${criterion} score`;
    const actual = criterion === undefined ? report.score : report.criteria[criterion].score;
    const reason = erroredReason(report) ?? thresholdReason(what, actual, min);
    return {
      pass: reason === undefined,
      message: () => reason === undefined
        ? `expected ${what} ${percent(actual)} to be below ${percent(min)}`
        : `expected ${what} ≥ ${percent(min)}: ${reason}\n${describeReport(report, criterion === undefined ? {} : { criterion })}`,
    };
  },

  toHaveNoViolations(received: unknown, ruleId?: string) {
    const report = requireReport(received);
    // A run that could not be evaluated (partial, a rule error, nothing checked) proves nothing: it never passes.
    const errored = erroredReason(report);
    if (ruleId === undefined) {
      if (this.isNot && !report.rules.some(foundProblems)) refuseUnproven(report, 'not.toHaveNoViolations()');
      const bad = report.rules.filter((r) => r.status === 'error' || (r.severity !== 'info' && foundProblems(r)));
      return {
        pass: bad.length === 0 && errored === undefined,
        message: () => bad.length === 0 && errored === undefined
          ? `expected violations, but ${report.dataset} has none`
          : `expected no violations, but ${errored ?? `${bad.length} rules reported some`}\n${describeReport(report)}`,
      };
    }
    const rule = report.rules.find((r) => r.id === ruleId);
    if (rule === undefined) {
      // Thrown, not `pass: false`: under `.not` a misspelt id would pass as "this rule has violations".
      const ids = report.rules.map((r) => r.id).join(', ');
      throw new Error(`ddss/vitest: no rule "${ruleId}" in the ${report.dataset} report; rules: ${ids}`);
    }
    // `.not` claims the rule found violations: one it did find stand, even in a run cut short; none found in a run that
    // could not be evaluated, or by a rule that checked nothing, prove nothing either way.
    if (this.isNot && !foundProblems(rule)) {
      if (rule.status === 'skipped') throw new Error(`ddss/vitest: not.toHaveNoViolations(${ruleId}): the rule checked nothing (skipped), so it neither has violations nor not`);
      refuseUnproven(report, `not.toHaveNoViolations(${ruleId})`);
    }
    // A rule that checked nothing (skipped: every value missing, no register given) has no violations and proves nothing.
    const pass = errored === undefined && rule.status !== 'error' && rule.status !== 'skipped' && !foundProblems(rule);
    return {
      pass,
      message: () => pass
        ? `expected ${ruleId} to report violations, but it found none in ${rule.checked} checked`
        : errored !== undefined ? `expected no violations of ${ruleId}, but ${errored}\n${describeRule(rule, 5)}`
          : rule.status === 'skipped' ? `expected no violations of ${ruleId}, but it checked nothing (skipped)`
            : `expected no violations of ${ruleId}\n${describeRule(rule, 5)}`,
    };
  },
});

// Every asynchronous matcher fails its test when it is not awaited.
guardAwait(chai.Assertion.prototype, ['toPassDataset']);
