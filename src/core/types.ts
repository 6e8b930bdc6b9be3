import type { MessageTable } from './message.js';
import type { RuleContext, FinishContext, MergeOffset } from './rule-context.js';

/**
 * The model of ddss: criteria, findings, rules, field specs, datasets and reports.
 * Everything here is plain data plus functions, so definitions are immutable and states can cross worker threads.
 */

/** The four data-quality criteria of "đúng, đủ, sạch, sống". */
export type Criterion = 'correct' | 'sufficient' | 'clean' | 'live';
export const CRITERIA: readonly Criterion[] = ['correct', 'sufficient', 'clean', 'live'];

/** How much a failure matters: `info` findings are reported but never lower a score. */
export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type Locale = 'en' | 'vi';

/** A message in both shipped languages; `{name}` placeholders are filled from the finding's params. */
export type LocalizedText = string | { readonly en: string; readonly vi: string };

/**
 * What a rule returns for a defect: a machine code (snake_case, part of the public contract) and the params the
 * message template needs. No text: wording is rendered last, from the locale tables.
 */
export interface Finding {
  readonly code: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** The field the defect is in, when a record rule knows it better than the rule's own field. */
  readonly field?: string;
  /** The offending value, when it differs from the field's raw value (e.g. one element of a composite key). */
  readonly value?: unknown;
  /** A safe replacement, when one is known (never applied by the validator). */
  readonly suggestion?: string;
}

/** A finding of a dataset rule, attributed to a row (duplicates) or to the whole table (row count). */
export interface DatasetFinding extends Finding {
  /** A row read in this run (a whole number from 0 to `rows − 1`); any other value errors the rule. */
  readonly row?: number;
  readonly line?: number;
  readonly key?: string;
}

/** What a check may return: nothing (passes), `true`/`false`, one finding or several. */
export type CheckResult = Finding | readonly Finding[] | boolean | undefined | null | void;

/** The typed row: every declared field's parsed value; missing or unparseable cells are `undefined`. */
export type TypedRow = Readonly<Record<string, unknown>>;

/** Options every rule accepts (DESIGN §1). */
export interface RuleOptions {
  readonly id?: string;
  readonly criterion?: Criterion;
  readonly severity?: Severity;
  /** Minimum pass rate for the rule to pass (Great Expectations' `mostly`). Default 1. */
  readonly threshold?: number;
  /** Weight of a table-level rule in its criterion's table score. Default 1. */
  readonly weight?: number;
  /** The rule applies only to rows where this holds; other rows are not counted in `checked`. */
  readonly when?: (row: TypedRow) => boolean;
  /** Overrides the message of every code of this rule (a string, or `{ en, vi }`). */
  readonly message?: LocalizedText;
  /** What the rule checks, one line (a string, or `{ en, vi }`); default: from the rule's name and params. */
  readonly description?: LocalizedText;
}

interface RuleBase {
  /** The rule's own name; field rules get the id `field.name`. */
  readonly name: string;
  readonly id?: string;
  readonly criterion: Criterion;
  readonly severity: Severity;
  readonly threshold: number;
  readonly weight: number;
  readonly when?: (row: TypedRow) => boolean;
  readonly message?: LocalizedText;
  /** What the rule checks, one line; outputs fall back to a line built from its name and params. */
  readonly description?: LocalizedText;
  /** Machine-readable parameters, shown in reports and docs (pattern, bounds, set size). */
  readonly params?: Readonly<Record<string, unknown>>;
  /**
   * The params that quote values of the field (an allowed or forbidden list, a pattern): on a personal field they are
   * masked (or hashed) like its values in every output, since a list of personal values is personal data.
   */
  readonly valueParams?: readonly string[];
  /**
   * The params of this rule's findings that may quote text of the row, whole or in part (`{ symbol }` cut from the
   * value, a date re-written). In a definition with personal fields they are redacted of the row's personal values, of
   * their words and of their dates in other forms; the other params of the rule's findings only of the values as
   * they are. Undefined (the default, and right for any check that puts values in its params): every param. ddss's
   * own rules declare theirs, most of them none (`[]`: counts, codes, table versions).
   */
  readonly quotingParams?: readonly string[];
  /** Messages of the codes this rule reports, when they are not built-in codes. */
  readonly messages?: MessageTable;
  /** The code reported when a check returns `false`. Default `check_failed`. */
  readonly code?: string;
  /**
   * The codes whose `suggestion` is a replacement that cannot change the value's meaning, each with its kind of fix:
   * `ddss fix` applies such a suggestion (after re-checking the fixed record); the validator never does.
   */
  readonly fixes?: Readonly<Record<string, FixKind>>;
}

/**
 * A kind of fix that cannot change a value's meaning (`ddss fix --only`): Unicode NFC, surrounding or odd whitespace,
 * legacy-encoded text converted, a legacy 11-digit mobile prefix migrated, a lost leading zero restored, an Excel
 * serial number written as the date it stands for, a date in another unambiguous format written in the field's.
 */
export type FixKind = 'nfc' | 'whitespace' | 'legacy-encoding' | 'phone-prefix' | 'leading-zero' | 'excel-date' | 'date-format';

/** Every `FixKind`, in the order `ddss fix` documents them. */
export const FIX_KINDS: readonly FixKind[] = ['nfc', 'whitespace', 'legacy-encoding', 'phone-prefix', 'leading-zero', 'excel-date', 'date-format'];

/** A check of one field's typed value, evaluated per row; the value is never missing. */
export interface ValueRule<V = unknown> extends RuleBase {
  readonly kind: 'value';
  check(value: V, ctx: RuleContext): CheckResult;
}

/**
 * A check of the whole typed row, evaluated per row. `R` is the row type of a typed definition (`Infer<typeof d>`);
 * a rule written for any row keeps the default.
 */
export interface RecordRule<R = TypedRow> extends RuleBase {
  readonly kind: 'record';
  /** When set, the rule runs only on rows where all these fields have a valid value; other rows are not checked. */
  readonly fields?: readonly string[];
  /**
   * Fields the rule reads, checked when the dataset is defined: each must be one of its fields, since the typed row
   * holds only those (a schema constraining any other key would check nothing). Unlike `fields`, it runs on every row.
   */
  readonly reads?: readonly string[];
  check(row: R, ctx: RuleContext): CheckResult;
}

/** What a dataset rule reports when the run ends. */
export interface DatasetOutcome {
  /** Rows (or items) the rule evaluated. */
  readonly checked: number;
  readonly findings: readonly DatasetFinding[];
  /**
   * Table-level rules report their own score in [0, 1] (row count, freshness, coverage); `null` when there was
   * nothing to judge. Row-level rules (duplicates) leave it undefined: their findings name rows.
   */
  readonly score?: number | null;
  /**
   * Table rules (with `score`): the items failed (default 1 when there are findings, else 0). Row-level rules: the
   * distinct rows the findings name, which is what the scores count; another number makes the rule an error.
   */
  readonly failed?: number;
}

/**
 * A mergeable aggregator over rows. States must be structured-clonable (plain objects, arrays, Maps, typed arrays)
 * so they can cross worker threads. `merge(a, b, offset)` appends shard b after shard a: b's row numbers are
 * shifted by `offset.rows` and its lines by `offset.lines` (`offset.last`: nothing is merged afterwards). It may
 * change and return `a`, but must leave `b` as it is and keep none of its objects: b is part of a state given to
 * `Validator.merge`, which stays the caller's.
 */
export interface AggregateRule<S = unknown, V = unknown> extends RuleBase {
  readonly kind: 'aggregate';
  readonly fields?: readonly string[];
  init(): S;
  add(state: S, value: V, ctx: RuleContext): void;
  merge(a: S, b: S, offset: MergeOffset): S;
  finish(state: S, ctx: FinishContext): DatasetOutcome;
  /**
   * Whether a state that came from outside (a shard's state file) can be merged safely: every index in range, no
   * loop that would not end. Without it, such a state must have the shape of `init()`.
   */
  check?(state: unknown): boolean;
}

/** Any rule a field can carry. Aggregates on a field receive the field's typed value. */
export type FieldRule = ValueRule | AggregateRule;
/** Any rule a dataset can carry. Aggregates on a dataset receive the typed row. */
export type DatasetRule = RecordRule | AggregateRule;
export type Rule = ValueRule | RecordRule | AggregateRule;

export type FieldType = 'text' | 'integer' | 'number' | 'date' | 'datetime' | 'boolean' | 'enum' | 'any';

/** Returned by a parser for a value it cannot read: one `invalid_type` finding. */
// Registered (Symbol.for), so a definition loaded through another copy of ddss (a .ts file read by the CLI, which
// bundles its own) still yields the INVALID this engine compares against.
export const INVALID: unique symbol = Symbol.for('ddss.invalid');
/**
 * Turns a raw cell (string from CSV, or an already-typed value) into the field's typed value, or `INVALID`.
 * Parsers never throw and allocate nothing for valid input, because they run once per cell.
 */
export type Parser = (raw: unknown) => unknown;

/** How a PII value is shown in outputs: masked (default) or replaced by a keyed hash (duplicates stay traceable). */
export type PiiMode = 'mask' | 'hash';

/** A typed column: its parser, its rules and its flags. Built by `field.*()`; every modifier returns a new spec. */
export interface FieldSpecData {
  readonly type: FieldType;
  /** What the type expects, for messages ("date (dd/MM/yyyy)", "integer"), in both locales. */
  readonly expected: LocalizedText;
  readonly parse: Parser;
  /**
   * The parser of a run in `timeZone` (an IANA name, never UTC), for fields whose reading depends on the zone
   * (`datetime`: a date-time without an offset is the time on a clock in the run's zone; `date`: a `timestamptz` is
   * the day it names there). Undefined: `parse` in every zone.
   */
  readonly zoned?: (timeZone: string) => Parser;
  readonly rules: readonly FieldRule[];
  readonly requiredRule: RequiredRule | undefined;
  /** How the field's values are protected in outputs; `false` for non-personal data. */
  readonly privacy: PiiMode | false;
  /** Extra values that count as missing for this field, on top of the dataset's `missingValues`. */
  readonly missingValues: readonly string[];
  /** Human name of the column, for reports. */
  readonly title?: LocalizedText;
  readonly description?: string;
  /** Options for the field's `type` rule (criterion, severity, message). */
  readonly typeRule: RuleOptions;
  /**
   * How a typed value (a `Date` from a database or a workbook) is shown in outputs, when the field has a text form
   * of its own: a date field shows it in its declared format, as the CSV text would read (a `timestamptz` as its day
   * in the run's `timeZone`, the day the field reads). Undefined: as `display`.
   */
  readonly formatValue?: (value: unknown, timeZone: string) => string | undefined;
  /** The declared format of a `date` field (`dd/MM/yyyy`), so that tools can write a date as the field reads it. */
  readonly format?: string;
}

export interface RequiredRule {
  readonly options: RuleOptions;
}

/** Row identity used to name records in violations. */
export type RecordKey = string | readonly string[];

export interface DatasetDefinition {
  readonly name: string;
  readonly title?: LocalizedText;
  readonly description?: string;
  readonly fields: Readonly<Record<string, FieldSpecData>>;
  readonly rules: readonly DatasetRule[];
  readonly key?: RecordKey;
  readonly missingValues: readonly string[];
  /** Criterion weights in the overall score (default 1 each). */
  readonly weights: Readonly<Record<Criterion, number>>;
  /** The dataset fails when its overall score is below this. */
  readonly failUnder?: number;
  /**
   * Columns of the input the definition does not declare: `strict` (default) reports each as
   * `source.unexpected_column` (clean, warning); `ignore` does not. Declared fields missing from the header are
   * always `source.missing_column`.
   */
  readonly columns?: 'strict' | 'ignore';
  /**
   * The module that exports this definition (`import.meta.url`, or a file path), so worker threads can load it:
   * functions cannot cross threads. Needed for `workers > 1`.
   */
  readonly module?: string;
  /**
   * The IANA time zone that decides which calendar day `now` is and whose wall clock a date-time without an offset
   * is, unless the run names one. Default `UTC`.
   */
  readonly timeZone?: string;
  /**
   * Header columns read as fields (`{ 'Số CCCD': 'owner_id' }`), in CSV and xlsx input: a column named by a key (spaces,
   * a byte order mark and accents' composition aside) is read as that field, and a column named as the field still is.
   */
  readonly rename?: Readonly<Record<string, string>>;
}

export type { ValidateOptions } from './validate-options.js';
export type { RuleContext, FinishContext, MergeOffset, RunContext } from './rule-context.js';
export type {
  RuleStatus, DatasetStatus, Violation, Sample, RuleResult, CriterionResult, SourceInfo, Report, BaselineSummary, BaselineWorse,
} from './report-types.js';
