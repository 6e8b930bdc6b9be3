import type { DatasetDefinition, SourceInfo } from '../core/types.js';

/**
 * The outcome of one key when a copy is compared with its source; `keyless`: a blank key (only given to `onChange`,
 * and in `--changes`: the report counts such records in `keyless`).
 */
export type DifferenceStatus = 'changed' | 'missing' | 'extra' | 'duplicate' | 'keyless';

/**
 * One difference between a copy and its source: a changed cell (one per differing column), a record missing from the
 * copy, an extra record in the copy, a key that occurs more than once on a side, or (to `onChange` only) a blank key
 * and how many records of each side have it. Values of personal columns are masked unless `showValues`.
 */
export interface Difference {
  /** The record key: the key cells as read (the source's, for changed records), joined with `|` (a `|` or `\` inside a part of a composite key escaped: `\|`, `\\`). */
  readonly key: string;
  readonly status: DifferenceStatus;
  /** `changed`: the column that differs. */
  readonly column?: string;
  /** `changed`: the source's cell, as read. */
  readonly source?: string;
  /** `changed`: the copy's cell, as read. */
  readonly copy?: string;
  /** `duplicate`, `keyless`: how many source records have this key. */
  readonly sourceCount?: number;
  /** `duplicate`, `keyless`: how many copy records have this key. */
  readonly copyCount?: number;
}

/** Options of `compare`. */
export interface CompareOptions {
  /** The column (or columns) naming a record on both sides. Required. */
  readonly key: string | readonly string[];
  /** Columns to compare. Default: every column both sides have, except the key. */
  readonly columns?: readonly string[];
  /**
   * Compare cells as this dataset's typed values (`"07"` equals `"7"` in an integer field, dates by value, missing
   * tokens are all "missing"); columns the dataset does not declare are compared as text. Its `pii` fields are masked.
   * Its `rename:` reads the header of both sides that have one (`readCsv`, `readXlsx`; under their own `header`
   * rename, which wins), so `key` and `columns` name the fields, as `validate` reads the file.
   */
  readonly dataset?: DatasetDefinition;
  /** Compare text without regard to case (`toLowerCase`, locale-independent). */
  readonly ignoreCase?: boolean;
  /** Ignore leading and trailing white space and treat inner runs of white space as one space. */
  readonly ignoreWhitespace?: boolean;
  /** `nfc`: compare text in Unicode NFC, so a composed and a decomposed `ệ` are equal. */
  readonly normalize?: 'nfc';
  /**
   * Personal columns, masked in every output unless `showValues`; besides the dataset's `pii` fields, and the columns
   * it does not declare (all, without a dataset) whose name says personal data (`owner_name`, `dob`, `phone`), or
   * whose values are, as `profile` judges a column, on the first 1,000 records of each side (`c1` holding names).
   * Each must be a column of one side at least (a `MissingColumnError` otherwise, as for `columns`).
   */
  readonly pii?: readonly string[];
  /**
   * Show personal values unmasked. Default false: then a cell of any other compared column that is a person's data
   * by its form (a CCCD, a BHYT code, an e-mail, a full name, a cell over several lines, a note quoting a phone, an
   * ID or a name) is masked too, as `validate` masks such values (in a field of `dataset` when it has personal
   * fields). Keys are shown as read.
   */
  readonly showValues?: boolean;
  /** Secret key of the keyed hash of `pii('hash')` fields of `dataset` (needed when it has one, unless `showValues`). */
  readonly piiKey?: string;
  /** Differences kept as samples in the report, per status. Default 100; counts are always exact. */
  readonly maxSamples?: number;
  /**
   * Called once for every difference (no sample limit), after both sides have been read; last, once for each blank
   * key as read (`keyless`, with its records per side). It may return a Promise (a
   * slow disk, a database): `compare` then waits for it before the next key, so differences never pile up in memory,
   * and one that rejects ends the comparison with its error.
   */
  readonly onChange?: (difference: Difference) => unknown;
  /**
   * Bytes of key table kept in memory before both sides are hash-partitioned to temporary files and compared
   * partition by partition. Default 256 MiB.
   */
  readonly memoryBudget?: number;
  /** Directory of the temporary partition files. Default: the system's temporary directory. */
  readonly tempDir?: string;
}

/** The comparison report (`kind: "comparison"`, schema `ddss/comparison.schema.json`). */
export interface ComparisonReport {
  readonly kind: 'comparison';
  readonly schemaVersion: 1;
  /**
   * `equal`: nothing differs; `different`: something does; `error`: a side could not be read whole (`partial`), or
   * neither side holds a record (nothing was compared).
   */
  readonly status: 'equal' | 'different' | 'error';
  readonly key: readonly string[];
  /** The columns compared, in the source's order. */
  readonly compared: readonly string[];
  /**
   * Columns only one side has (not compared; such a column makes the copy different, unless `columns` names the
   * columns to compare: then they are listed only).
   */
  readonly columnsOnlyIn: { readonly source: readonly string[]; readonly copy: readonly string[] };
  /** Records read on each side. */
  readonly rows: { readonly source: number; readonly copy: number };
  /** Keys by outcome; `duplicateKeys`: keys that occur more than once on either side (their records are not paired). */
  readonly counts: {
    readonly matched: number; readonly changed: number; readonly missing: number; readonly extra: number;
    readonly duplicateKeys: number;
  };
  /**
   * Records whose key is duplicated, per side: `rows.source = matched + changed + missing + duplicates.source` (+
   * `keyless.source` when present).
   */
  readonly duplicates: { readonly source: number; readonly copy: number };
  /**
   * Records with a blank key, per side, present only when there are some: a key column empty, `null`, absent, white
   * space only, or a dataset's missing value (with a composite key, any of its columns). Such a record cannot be
   * paired with another, so it is counted here and in no other count (it is not missing, extra or changed), and the
   * copy is not `equal`. `samples`: up to `maxSamples` of them, by side and record number (1 = the first record read).
   */
  readonly keyless?: KeylessRecords;
  /** Per compared column: how many changed records differ in it. */
  readonly columns: Readonly<Record<string, { readonly changed: number }>>;
  /** Up to `maxSamples` differences per status. */
  readonly samples: readonly Difference[];
  /** `live`: `matched / rows.source`, the share of source records present and equal in the copy; null without source rows or for a partial read. */
  readonly score: number | null;
  /** How cells were compared. */
  readonly options: {
    readonly dataset: string | null; readonly ignoreCase: boolean; readonly ignoreWhitespace: boolean;
    readonly normalize: 'nfc' | null;
  };
  readonly source: SourceInfo | null;
  readonly copy: SourceInfo | null;
  /**
   * Structural problems each source reported, by code (`missing_cell`, `extra_cell`, `blank_row`, `invalid_json`, …):
   * a record a source could not read (too large, an unclosed quote, a line that is not JSON) is in no count, so its
   * side was not read whole: the comparison is `partial` (status `error`, no score). Validate a side to see them.
   */
  readonly sourceIssues: { readonly source: Readonly<Record<string, number>>; readonly copy: Readonly<Record<string, number>> };
  /** Partitions both sides were spilled to (0: compared in memory). */
  readonly partitions: number;
  /** True when a side could not be read whole: counts cover what was read, and there is no score. */
  readonly partial: boolean;
  /**
   * Why a side could not be read, or `nothing to compare: …` when neither holds a record (present exactly when
   * `status` is `error`).
   */
  readonly error?: string;
}

/** The records of a comparison whose key is blank (`ComparisonReport.keyless`). */
export interface KeylessRecords {
  readonly source: number;
  readonly copy: number;
  /** Which records they are: the side, the record's number on it (from 1) and its line when the source numbers lines. */
  readonly samples: readonly { readonly side: 'source' | 'copy'; readonly record: number; readonly line?: number }[];
}
