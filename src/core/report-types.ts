import type { Criterion, Locale, LocalizedText, Severity } from './types.js';
import type { RunTimings } from './timings.js';
import type { GradeHistogram, RecordGrade } from './grades.js';
import type { GroupBreakdown } from './grade-tally.js';
import type { HistorySummary } from '../history/with-history.js';

/**
 * What a run reports: the report JSON of DESIGN §6, its rules, criteria and samples, and the violations streamed to
 * sinks. Re-exported by `types.ts`, the model's one entry point.
 */

export type RuleStatus = 'passed' | 'failed' | 'skipped' | 'error';
export type DatasetStatus = 'passed' | 'warned' | 'failed' | 'error';

/** One defect of one record (or of the table), as it appears in samples, sinks and violation files. */
export interface Violation {
  readonly rule: string;
  readonly criterion: Criterion;
  readonly severity: Severity;
  readonly code: string;
  readonly row?: number;
  readonly line?: number;
  readonly key?: string;
  readonly field?: string;
  readonly value?: string;
  readonly message: string;
  readonly suggestion?: string;
}

/** A violation as stored in a rule's `samples` (the rule's id, criterion and severity are on the rule). */
export type Sample = Omit<Violation, 'rule' | 'criterion' | 'severity'>;

export interface RuleResult {
  readonly id: string;
  readonly criterion: Criterion;
  readonly severity: Severity;
  readonly field: string | null;
  /** The `.label()` of the rule's field, when it has one: what outputs show beside the field name. */
  readonly fieldLabel?: LocalizedText;
  /** What the rule checks, in one line per language (from its metadata, or the rule's own `description`). */
  readonly description?: LocalizedText;
  /** `row` for rules judged per record, `table` for rules that score the whole table. */
  readonly level: 'row' | 'table';
  readonly checked: number;
  readonly failed: number;
  /** Violations found (a row may have several). */
  readonly violations: number;
  readonly passRate: number | null;
  readonly threshold: number;
  readonly weight: number;
  readonly status: RuleStatus;
  readonly score: number | null;
  readonly error: string | null;
  readonly truncated: boolean;
  /** With a baseline: violations of this rule the baseline did not have. */
  readonly newViolations?: number;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly samples: readonly Sample[];
}

/** What a run found compared with its baseline (`report.baseline`). */
export interface BaselineSummary {
  /** The baseline file's name. */
  readonly name: string;
  /** Violations in the baseline. */
  readonly violations: number;
  /** Violations of this run that the baseline already had. */
  readonly known: number;
  /** Violations of this run that it did not have. */
  readonly new: number;
  /**
   * Table-level violations the baseline had, but smaller (fewer records where there were too few, an older newest
   * date in a stale table): each counted in `new`. Absent when there is none.
   */
  readonly worse?: readonly BaselineWorse[];
}

/** A table-level violation worse than the baseline's: both values, as the violations files write them. */
export interface BaselineWorse {
  readonly rule: string;
  readonly code: string;
  readonly field?: string;
  /** This run's value (`200` records, a newest date). */
  readonly value: string;
  /** The baseline's value; absent when it records none (a row count in a violations file of an older ddss). */
  readonly baselineValue?: string;
}

export interface CriterionResult {
  readonly score: number | null;
  readonly rowPassRate: number | null;
  readonly tableScore: number | null;
  readonly failedRows: number;
}

export interface SourceInfo {
  readonly kind: string;
  readonly name?: string;
  readonly encoding?: string;
  readonly bytes?: number;
  /** The sheet read, for a workbook (`readXlsx`): which one is not obvious when the workbook has several. */
  readonly sheet?: string;
  /** Physical records read, including blank and structurally rejected ones. */
  readonly records?: number;
  /** Why the source could not be read completely (with `partial: true`). */
  readonly error?: string;
}

/** The outcome of a run: the report JSON of DESIGN §6 (plus `violations`, which `toJson` leaves out). */
export interface Report {
  readonly schemaVersion: 1;
  readonly dataset: string;
  /** The definition's `title`, when it has one: the heading of the human-readable outputs. */
  readonly title?: LocalizedText;
  readonly status: DatasetStatus;
  /**
   * Present exactly when `status` is `error`: why the dataset could not be evaluated (the read was partial, a rule
   * threw, or nothing was evaluated — `nothing to evaluate: 0 data rows`), one reason per cause, joined by `; `.
   */
  readonly error?: string;
  readonly partial: boolean;
  readonly now: string;
  /** The time zone that decided which calendar day `now` was. */
  readonly timeZone: string;
  readonly locale: Locale;
  readonly rows: number;
  readonly score: number | null;
  /** The `failUnder` the run was judged by (the run's, else the definition's), when there was one. */
  readonly failUnder?: number;
  /** With a baseline: how many of the run's violations it already had; `status` then judges new ones only. */
  readonly baseline?: BaselineSummary;
  /** With a history: the earlier runs compared with and the score trend (`history.*` rules judge the anomalies). */
  readonly history?: HistorySummary;
  readonly criteria: Readonly<Record<Criterion, CriterionResult>>;
  /** How many records fell in each band of their overall grade, when the run graded records (`onRecord`, `grades`). */
  readonly recordGrades?: GradeHistogram;
  /** The worst graded records (lowest overall grade, then earliest row), keys masked, when the run graded records. */
  readonly worstRecords?: readonly RecordGrade[];
  /** The graded records broken down by the `groupBy` field, when one was given. */
  readonly groups?: GroupBreakdown;
  readonly rules: readonly RuleResult[];
  readonly source: SourceInfo | null;
  /** Every kept sample, ordered by (row, rule); table- and header-level violations first. */
  readonly violations: readonly Violation[];
  /** Where the run's time went, only when asked (`timings: true`, `--timings`): not deterministic. */
  readonly timings?: RunTimings;
}
