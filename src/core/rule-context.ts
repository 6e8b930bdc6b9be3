import type { FieldType, TypedRow } from './types.js';

/**
 * What rules are handed besides the values they check: the context of a row (`RuleContext`), of a merge
 * (`MergeOffset`) and of a finished run (`FinishContext`). Re-exported by `types.ts`, the model's module.
 */

/**
 * The time of the run and the dataset's field types, as every rule context gives them: `RuleContext` for each row,
 * `FinishContext` when the run finishes.
 */
export interface RunContext {
  /** The injected time of the run; rules never read the clock. */
  readonly now: Date;
  /** `now` as epoch milliseconds. */
  readonly nowMs: number;
  /** The IANA time zone of the run (`timeZone` option, else the definition's, else `UTC`). */
  readonly timeZone: string;
  /**
   * The calendar date of `now` in `timeZone`, as UTC midnight of that date (the form `date` fields are read in).
   * Rules comparing a date (a calendar day) with the time of the run compare it with `today`, never with `now`:
   * a record dated 15/03 is not in the future at 01:00 on 15/03 in Vietnam, although that is 14/03 in UTC.
   * Instants (`datetime` values) keep comparing with `now`.
   */
  readonly today: Date;
  /** `today` as epoch milliseconds. */
  readonly todayMs: number;
  /** The declared type of a field of the dataset (`date`: a calendar day; `datetime`: an instant), if declared. */
  fieldType(name: string): FieldType | undefined;
}

/**
 * Per-row context handed to checks. One object is reused for every row of a run: read it during the call, do not
 * keep it.
 */
export interface RuleContext extends RunContext {
  /** 0-based data row within this validator (shards count from 0; merge shifts them). */
  readonly row: number;
  /** Physical line in the source file, when known. */
  readonly line: number | undefined;
  /** The typed row, for checks of one field that need another. */
  readonly record: TypedRow;
  /** The record key of the current row (joined key fields), unmasked. */
  key(): string | undefined;
  /**
   * The raw (unparsed) value of a column in the current row. Read by a header (CSV, a sheet, a query), a name that is
   * not one of its columns throws, which makes the rule `error`: a misspelt name read undefined on every row. A key
   * an object row (JSON, rows given in code) does not hold reads undefined.
   */
  raw(field: string): unknown;
  /**
   * Whether a field's cell is missing in the current row (absent, empty, blank or one of its missing values), as
   * `required` judges it. The typed row holds `undefined` both for a missing cell and for one that did not parse;
   * this tells them apart. A column that is no field is judged by the dataset's missing values (an absent key of an
   * object row is missing); read by a header, a name that is not a column either throws, as in `raw` (a misspelt name
   * was missing on every row, so a check skipping missing cells checked none).
   */
  missing(field: string): boolean;
}

export interface MergeOffset {
  readonly rows: number;
  readonly lines: number;
  /**
   * No state is merged after this one: the result is only finished. A rule may then leave out of its state what only
   * a later merge would read (the uniqueness rules do not add b's values that no later sighting names).
   */
  readonly last?: boolean;
  /**
   * With `last`: b is handed over, the caller drops it (a worker's state, a state file read for this merge), so a
   * may keep b's objects instead of copying them (the uniqueness rules read b's log after a's at the finish).
   */
  readonly given?: boolean;
}

/** The context handed to an aggregate rule's `finish`: the run's time (as in `RuleContext`) and its row count. */
export interface FinishContext extends RunContext {
  /** Rows evaluated in the whole run. */
  readonly rows: number;
  /**
   * True when the input could not be read whole (the report is `partial`): `rows` is then a lower bound, and what the
   * rows read do not hold may be in the rest. A rule that would report an absence (too few records, an expected
   * value or a recent date not seen) cannot know it, and throws `notKnown(…)` instead: the rule is then `error`.
   * False for an empty input (0 bytes, a byte order mark): the report is partial, but nothing was left unread.
   */
  readonly partial?: boolean;
}
