import type { FixKind, Locale, Report } from '../core/types.js';
import type { Reference } from '../reference/reference.js';

/** What `fix` reads: a CSV file path, or the whole file's bytes (it is read more than once). */
export type FixInput = string | URL | Uint8Array;

/** Why a fixable cell was left as it was (`not_fixed` in the change log). */
export type NotFixedReason =
  /** Two fixes lead to different values. */
  | 'ambiguous'
  /** The fixed value would make another rule of the record fail (the rules are named in `detail`). */
  | 'breaks_rule'
  /** The fixed value would still not be a valid value of the field's type. */
  | 'not_parsed'
  /** Each fix of the record is safe alone, but together they make a rule fail. */
  | 'conflict'
  /** The record holds bytes that are not UTF-8: rewriting it could not keep them as they are. */
  | 'invalid_encoding'
  /**
   * The record has more cells than the header (`extra_cell`: an unquoted comma split a value): which column a value
   * belongs to is a guess, so none of its cells is changed.
   */
  | 'misaligned'
  /** The value or its fix is longer than the 200 characters ddss compares. */
  | 'value_too_long'
  /**
   * The fix would make the cell start a spreadsheet formula that it did not start before (`" =HYPERLINK(…)"` trimmed
   * to `=HYPERLINK(…)`): the fixed file is data for spreadsheets too, where the cell would run.
   */
  | 'formula';

/** One line of the change log: a cell changed, or a fixable cell left as it was and why. */
export interface FixChange {
  readonly status: 'fixed' | 'not_fixed';
  /** 0-based data row and physical line (the header is line 1), as in violations. */
  readonly row: number;
  readonly line: number;
  /** The record key, masked like violations' keys. */
  readonly key?: string;
  readonly field: string;
  /** The rule(s) and code(s) whose suggestion was applied, joined by `+` when one fix led to another. */
  readonly rule: string;
  readonly code: string;
  readonly kind: string;
  /** The cell before and after, masked on personal fields unless `showValues`. `after` is absent when not fixed. */
  readonly before: string;
  readonly after?: string;
  readonly reason?: NotFixedReason;
  /** More about the reason: the rules a fix would break. */
  readonly detail?: string;
}

/** Options of `fix`. The run options (`now`, `timeZone`, `references`, …) are those of `validate`. */
export interface FixOptions {
  /** The kinds of fix to apply; default all (`FIX_KINDS`). */
  readonly only?: readonly FixKind[];
  /** Receives the fixed file, chunk by chunk in order; without it nothing is written (a dry run). */
  readonly write?: (chunk: Uint8Array) => void | Promise<void>;
  /**
   * Receives every change-log line, in file order. It may return a Promise (a slow disk, a database): `fix` then
   * waits for it before the next line, so the log never piles up in memory.
   */
  readonly onChange?: (change: FixChange) => unknown;
  /** The CSV delimiter (one character; default `,`). The input must have a header line. */
  readonly delimiter?: string;
  /** The input's encoding (default `utf8`). Any other needs `toUtf8`: only UTF-8 is written. */
  readonly encoding?: string;
  /** Write a legacy-encoded input (`tcvn3`, `vni`, `windows-1258`, UTF-16) as UTF-8: every record is converted. */
  readonly toUtf8?: boolean;
  /** The name reports show for the input. */
  readonly name?: string;
  /**
   * Header columns read under other names (`{ 'Mã thửa': 'parcel_id' }`), as `readCsv`'s `header` map: the
   * definition's fields and the change log's `field` are the new names, and the fixed file keeps the header as it is,
   * byte for byte. The definition's own `rename` applies too, under this one (which wins for the same header or field).
   */
  readonly rename?: Readonly<Record<string, string>>;
  readonly now?: Date | string | number;
  readonly timeZone?: string;
  readonly locale?: Locale;
  readonly showValues?: boolean;
  readonly piiKey?: string;
  readonly failUnder?: number;
  readonly maxSamplesPerRule?: number;
  readonly references?: Readonly<Record<string, Reference>>;
  /**
   * Worker threads for validating the input, as `validate`'s `workers` (a UTF-8 file path only; default 1): the
   * first of fix's two validations, which reads the file as it is. The fixed copy is validated in one thread, since it
   * is the input with edits applied on the fly, not a file. The definition needs its `module`, as for `validate`.
   */
  readonly workers?: number;
  /** The input each worker needs at least (see `ValidateOptions.minBytesPerWorker`). */
  readonly minBytesPerWorker?: number;
}

/** What `fix` did: the reports of the input and of the fixed file, and how many cells were fixed or left. */
export interface FixResult {
  readonly before: Report;
  /** The report of the fixed file (of the file a dry run would have written). */
  readonly after: Report;
  readonly fixed: number;
  readonly notFixed: number;
  /** Fixed cells per kind (a cell fixed by two kinds counts under each). */
  readonly byKind: Readonly<Record<FixKind, number>>;
}
