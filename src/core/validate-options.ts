import type { Locale } from './types.js';
import type { RecordGrade } from './grades.js';
import type { Violation } from './report-types.js';
import type { Reference } from '../reference/reference.js';
import type { Baseline } from '../baseline/load-baseline.js';

/** The options of a run (`validate`, `createValidator`); re-exported by `types.ts`. */
export interface ValidateOptions {
  /**
   * The time of the run (default: when the run starts). Same input + same `now` = byte-identical reports. An ISO
   * date-time without an offset (`'2026-11-22T08:00:00'`) is the wall-clock time of the run's time zone, as data values
   * are; a date alone (`'2026-11-22'`) is midnight UTC of that day.
   */
  readonly now?: Date | string | number;
  /**
   * The IANA time zone (`Asia/Ho_Chi_Minh`) that decides which calendar day `now` is, for rules comparing dates with
   * the time of the run (`notInFuture`, `within`, expiry), and which instant a date-time without an offset is (its
   * wall-clock time in the zone). Overrides the definition's `timeZone`; default `UTC`.
   */
  readonly timeZone?: string;
  readonly locale?: Locale;
  /** Violations kept per rule in the report (exact counts are always kept). Default 100. */
  readonly maxSamplesPerRule?: number;
  /**
   * Receives every violation, without limit, as it is found. It may return a Promise (a write to a slow disk, an
   * insert into a database): the run then finishes the batch of rows in hand and reads no more until every Promise
   * returned so far has settled, so memory stays flat however slow the receiver is; `validate` resolves only once
   * all have settled, and rejects with the error of the first that rejects (the run stops there).
   */
  readonly onViolation?: (violation: Violation) => unknown;
  /**
   * Receives every record's grades as the record finishes, in input order (README "A worklist for fixing records").
   * Giving it also adds `recordGrades` to the report. With workers, the records come back from the threads in input
   * order, the same ones a single thread gives. It may return a Promise, waited for as `onViolation`'s are.
   */
  readonly onRecord?: (record: RecordGrade) => unknown;
  /** Grade every record and add the histogram `recordGrades` to the report, without `onRecord`. Default false. */
  readonly grades?: boolean;
  /** Fields whose cells each graded record carries in `values` (masked when personal), to group a worklist by. */
  readonly gradeColumns?: readonly string[];
  /**
   * How many of the worst graded records (lowest overall grade, then earliest row; only records with an error or
   * warning finding) the report keeps in `worstRecords`, at most 1000. Default 10 when records are graded; 0: none.
   * A number above 0 grades the records.
   */
  readonly worstRecords?: number;
  /**
   * A field to break the graded records down by (a commune, a district, an office): the report gains `groups`, per
   * value its records, records with findings per criterion, mean and lowest grade. Grades the records.
   */
  readonly groupBy?: string;
  /** The most groups `groupBy` lists (default 10,000: the smallest values; the rest are counted together as `other`). */
  readonly maxGroups?: number;
  /** Overrides the definition's `failUnder`. */
  readonly failUnder?: number;
  /** Show PII values unmasked in every output. Default false. */
  readonly showValues?: boolean;
  /**
   * Secret key of the keyed hash of `pii('hash')` fields: required when the definition has one (unless
   * `showValues`), so the same input gives the same hashes, and the same report, on every run.
   */
  readonly piiKey?: string;
  /**
   * Worker threads for a CSV file read with `readCsv(path)` (UTF-8 or Windows-1258, `,`/`;`/tab delimiter, with a
   * header line). Default 1. The report is byte-identical to a single-threaded run. Files smaller than
   * `minBytesPerWorker` per worker use fewer threads. Needs the definition's `module`.
   */
  readonly workers?: number;
  /** Bytes of input each worker should have at least (default 4 MiB): small files are not worth a thread. */
  readonly minBytesPerWorker?: number;
  /**
   * The references the definition's rules name (`ref('communes')`), by name: `reference('communes', source, { key })`.
   * Each is read once, before the rows stream (workers get copies of the tables). A rule whose reference is not given errors.
   */
  readonly references?: Readonly<Record<string, Reference>>;
  /**
   * The violations of an earlier run (`loadBaseline('old.ndjson')`): violations with the same rule, code, record key
   * and field are known; a table-level one (a row count, a stale table) only while it is no worse than the baseline's
   * (`report.baseline.worse` lists those that are). Scores still count every violation; each rule reports
   * `newViolations`, and `status` (so the CLI's exit code and `failUnder`) judges new violations only. Applied by
   * `validate`, not `createValidator`.
   */
  readonly baseline?: Baseline;
  /**
   * Measure where the run's time goes: the report gains `timings` (per stage, and per rule slowest first with its
   * share). Not deterministic, so off by default; when off, nothing is measured (the engine runs uninstrumented).
   */
  readonly timings?: boolean;
}
