import type { ValidatorState } from '../core/state.js';
import type { Locale } from '../core/types.js';
import type { ShardSpec } from './shard-spec.js';
import type { ShardReference } from './reference-fingerprint.js';

/** The input a shard read: what every shard of one run must agree on. */
export type ShardInput = ShardCsvInput | ShardJsonInput | ShardPostgresInput;

/** A CSV or TSV file. */
export interface ShardCsvInput {
  readonly kind: 'csv';
  /** The name the report shows (the file name as given). */
  readonly name: string;
  readonly bytes: number;
  /** sha256 of the file's size and its first and last 64 KiB: the same file on every machine. */
  readonly fingerprint: string;
  readonly encoding: string;
  readonly delimiter: string;
  readonly maxRecordBytes: number;
  /**
   * The rename the shard read the header line with (a definition's `rename:` under the run's own, `--rename`), as
   * given; absent: none. Not part of the file's bytes, yet it decides which column each field is read from, so the
   * merge refuses shards whose renames differ. A state written before this was recorded has none.
   */
  readonly rename?: Readonly<Record<string, string>>;
}

/** A JSON array or NDJSON file (UTF-8). */
export interface ShardJsonInput {
  readonly kind: 'json' | 'ndjson';
  readonly name: string;
  readonly bytes: number;
  /** sha256 of the file's size and its first and last 64 KiB. */
  readonly fingerprint: string;
  readonly maxRecordBytes: number;
  readonly maxDepth: number;
  /** Where the array of records is inside the document (`readJson`'s `records`, as it writes it back); absent: the document. */
  readonly records?: string;
}

/**
 * A PostgreSQL table cut into key ranges. Each shard cuts the table itself (it cannot share a snapshot with the
 * others); `plan` is what its cut saw, so shards whose cuts differ (the table changed between them) do not merge.
 */
export interface ShardPostgresInput {
  readonly kind: 'postgres';
  /** The URL without its password, and the table, as a one-process run names it. */
  readonly name: string;
  readonly plan: {
    /** Rows the cut counted. */
    readonly rows: number;
    /** The order key's columns. */
    readonly orderBy: readonly string[];
  };
}

/** The options that decide what a shard records: every shard and the merge must share them. */
export interface ShardOptions {
  readonly locale: Locale;
  readonly showValues: boolean;
  readonly maxSamplesPerRule: number;
  readonly timeZone: string | null;
  /** A check value of the key hashed personal values use (never the key): '' without a key. */
  readonly piiKeyCheck: string;
  readonly grades: boolean;
  /** How many worst graded records the state keeps (`worstRecords`; 0: none). */
  readonly worstRecords: number;
  /** The field graded records are grouped by (`groupBy`), and the most groups listed; null: no groups. */
  readonly groupBy: string | null;
  readonly maxGroups: number;
}

/** What one shard covered of its input. */
export interface ShardRange {
  /**
   * Where it began and where the next shard begins: byte offsets of records (CSV, NDJSON), lines before its first
   * record (a JSON array), its key range's index (PostgreSQL, `ended` = `began` + 1).
   */
  readonly began: number;
  readonly ended: number;
  /** Physical records read. */
  readonly records: number;
  /** Rows evaluated and physical lines consumed (the state's own counts, so a merge plans without loading states). */
  readonly rows: number;
  readonly lines: number;
  /** First line (counted within the shard) of each kind of line ending. */
  readonly endings: ReadonlyArray<{ readonly kind: string; readonly line: number }>;
  /** Why the shard could not be read completely; its line numbers count within the shard. */
  readonly error?: string;
  /** JSON: the bytes the read had reached when it failed (the report's `source.bytes`). */
  readonly bytes?: number;
  /** PostgreSQL: sha256 of the key the range begins at and of the key the next begins at ('' at the table's ends). */
  readonly keys?: { readonly from: string; readonly to: string };
}

/** The violations file a shard wrote (`--violations`), rows and lines numbered within the shard. */
export interface ShardViolations {
  /** Path relative to the directory of the state file. */
  readonly file: string;
  readonly count: number;
  /** sha256 of the file's bytes. */
  readonly sha256: string;
}

/** The graded-records file a shard wrote (`--grades`), rows and lines numbered within the shard. */
export interface ShardGrades extends ShardViolations {
  /** Every record (`--grades-all`), or only those with findings. */
  readonly all: boolean;
  /** The fields whose cells each record carries (`--grades-columns`). */
  readonly columns: readonly string[];
}

/**
 * Everything one shard of a run hands to the merge: the validator's state and what it must agree on with the
 * other shards (definition, `now`, options, input, shard count, ddss version). Plain structured-clonable data.
 */
export interface ShardState {
  /** The ddss version that wrote it: states of other versions are not merged. */
  readonly ddss: string;
  readonly dataset: {
    readonly name: string;
    readonly signature: string;
    /** The `--dataset` argument the shard was run with (a built-in name or a path), for `ddss merge` to load. */
    readonly spec?: string;
  };
  readonly now: string;
  readonly options: ShardOptions;
  /**
   * The references the rules were checked against (`--reference`, `references`, or carried by the definition), by
   * name, each with a fingerprint of its content; none read: empty. Absent in a state written before they were
   * recorded: such a state merges only with others that record none either.
   */
  readonly references?: readonly ShardReference[];
  readonly input: ShardInput;
  readonly shard: ShardSpec;
  readonly range: ShardRange;
  readonly violations?: ShardViolations;
  readonly grades?: ShardGrades;
  readonly state: ValidatorState;
}

/** A state file's header: everything but the validator state (what `planShards` checks). */
export type ShardHeader = Omit<ShardState, 'state'>;
