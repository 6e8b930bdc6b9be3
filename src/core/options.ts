import { piiProtector } from './mask.js';
import { calendarDate, checkTimeZone, DEFAULT_TIME_ZONE } from './time-zone.js';
import { runInstant } from './wall-clock.js';
import type { DatasetDefinition, Locale, PiiMode, ValidateOptions, Violation } from './types.js';
import type { RecordGrade } from './grades.js';
import { DEFAULT_MAX_GROUPS, DEFAULT_WORST_RECORDS, MAX_WORST_RECORDS } from './grade-tally.js';
import { sinkWaits, type SinkWaits } from './sink-waits.js';
import { checkOptionKeys, VALIDATE_OPTION_KEYS } from './option-keys.js';
import { checkWorkers } from './check-workers.js';
import { argKind, isKeyedObject, orDefault, shownArg } from './arg-kind.js';

/** Validate options with defaults applied, shared by the validator, the emitter and the report. */
export interface ResolvedOptions {
  readonly now: Date;
  /** The run's time zone, and the calendar date of `now` in it (UTC midnight), computed once per run. */
  readonly timeZone: string;
  readonly today: Date;
  readonly locale: Locale;
  readonly maxSamples: number;
  readonly sink: ((v: Violation) => void) | undefined;
  /** Records are graded (`onRecord` or `grades`), and the graded records' receiver. */
  readonly grades: boolean;
  readonly onRecord: ((g: RecordGrade) => void) | undefined;
  readonly gradeColumns: readonly string[];
  /** How many worst graded records the report keeps (0 when records are not graded). */
  readonly worstRecords: number;
  /** The field graded records are grouped by in the report, and the most groups listed. */
  readonly groupBy: string | undefined;
  readonly maxGroups: number;
  readonly failUnder: number | undefined;
  readonly showValues: boolean;
  readonly protect: (text: string, mode: PiiMode) => string;
  /** Measure where the time goes (`timings`). */
  readonly timings: boolean;
  /** The Promises `sink` and `onRecord` returned, which the run waits for between batches. */
  readonly waits: SinkWaits;
}

/**
 * Applies defaults and checks the options of a run of `definition`; throws a clear error for a mistake (an invalid
 * `now`, an unknown time zone, a hashed personal field without `piiKey`, a key that is no option; `extraKeys` are the
 * caller's own options).
 * @example resolveOptions({ now: '2026-03-15T01:00:00+07:00', timeZone: 'Asia/Ho_Chi_Minh' }, def).today // 2026-03-15
 */
export function resolveOptions(o: ValidateOptions, definition?: DatasetDefinition,
  extraKeys: readonly string[] = []): ResolvedOptions {
  if (typeof o !== 'object' || o === null) throw new TypeError(`ddss: options must be an object, got ${o === null ? 'null' : typeof o}`);
  checkOptionKeys(o, extraKeys.length === 0 ? VALIDATE_OPTION_KEYS : [...VALIDATE_OPTION_KEYS, ...extraKeys], 'a run');
  const given: unknown = o.now;
  // new Date(null) and new Date(false) are 1970: a run judged then finds 25-year-old records fresh (within, freshness).
  if (given !== undefined && !(given instanceof Date) && typeof given !== 'string' && typeof given !== 'number') {
    throw new TypeError(`ddss: "now" must be a Date, an ISO string or milliseconds, got ${given === null ? 'null' : typeof given}`);
  }

  const maxSamples = orDefault(o.maxSamplesPerRule, 100);
  if (!(Number.isInteger(maxSamples) && maxSamples >= 0)) {
    throw new Error(`ddss: maxSamplesPerRule must be a whole number ≥ 0, got ${shownArg(maxSamples)}`);
  }
  // A number only: '' (an unset environment variable) compared as 0, a gate that fails nothing; true as 1.
  if (o.failUnder !== undefined && !(typeof o.failUnder === 'number' && o.failUnder >= 0 && o.failUnder <= 1)) {
    throw new Error(`ddss: failUnder must be a number in [0, 1], got ${shownArg(o.failUnder)}`);
  }
  checkWorkers(o);
  // Read by truthiness, showValues: 'false' (a string from an environment variable) showed personal values in clear.
  for (const key of ['showValues', 'grades', 'timings'] as const) {
    const v: unknown = o[key];
    if (v !== undefined && typeof v !== 'boolean') throw new TypeError(`ddss: ${key} must be true or false, got ${shownArg(v)}`);
  }
  for (const key of ['onViolation', 'onRecord'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'function') throw new TypeError(`ddss: ${key} must be a function, got ${typeof o[key]}`);
  }
  // null, a Map or a list was read as no references given: each rule naming one then said its reference was not given.
  if (o.references !== undefined && !isKeyedObject(o.references)) {
    throw new TypeError('ddss: references must be an object of references by name ' +
      `({ communes: reference('communes', source, { key }) }), got ${argKind(o.references)}`);
  }
  // A text is iterable: gradeColumns: 'ab' was read as the columns a and b.
  if (o.gradeColumns !== undefined && !(Array.isArray(o.gradeColumns) && o.gradeColumns.every((c) => typeof c === 'string'))) {
    throw new TypeError(`ddss: gradeColumns must be a list of field names, got ${JSON.stringify(o.gradeColumns)}`);
  }
  const locale = checkLocale(o.locale);
  const timeZone = o.timeZone !== undefined ? checkTimeZone(o.timeZone, 'timeZone')
    : definition?.timeZone !== undefined ? checkTimeZone(definition.timeZone, `the timeZone of dataset "${definition.name}"`)
      : DEFAULT_TIME_ZONE;
  // An ISO date-time without an offset is the wall-clock time of the run's zone, as in the data (`new Date` read it in
  // the machine's zone); other text as `Date` reads it.
  const iso = typeof given === 'string' ? runInstant(given.trim(), timeZone) : NaN;
  // An ISO date the strict reader refused is no day (2026-02-30): `Date` rolled it over to 2 March without a word.
  if (typeof given === 'string' && Number.isNaN(iso) && /^\s*[+-]?\d{4,6}-\d{2}-\d{2}/.test(given)) {
    throw new Error(`ddss: invalid "now": ${given} is no calendar date and time`);
  }
  const now = given === undefined ? new Date() : new Date(Number.isNaN(iso) ? given : iso);
  if (Number.isNaN(now.getTime())) throw new Error(`ddss: invalid "now": ${String(o.now)}`);
  const showValues = o.showValues ?? false;
  const worstRecords = orDefault(o.worstRecords, DEFAULT_WORST_RECORDS);
  if (!(Number.isInteger(worstRecords) && worstRecords >= 0 && worstRecords <= MAX_WORST_RECORDS)) {
    throw new Error(`ddss: worstRecords must be a whole number from 0 to ${MAX_WORST_RECORDS}, got ${shownArg(worstRecords)}`);
  }
  const maxGroups = orDefault(o.maxGroups, DEFAULT_MAX_GROUPS);
  if (!(Number.isInteger(maxGroups) && maxGroups >= 1)) throw new Error(`ddss: maxGroups must be a whole number ≥ 1, got ${shownArg(maxGroups)}`);
  // null named "null" as a field the dataset lacks, and 5 "5": a field's name is text.
  if (o.groupBy !== undefined && typeof o.groupBy !== 'string') {
    throw new TypeError(`ddss: groupBy must be the name of a field (text), got ${shownArg(o.groupBy)}`);
  }
  if (o.groupBy !== undefined && definition !== undefined && !Object.hasOwn(definition.fields, o.groupBy)) {
    throw new Error(`ddss: groupBy names "${o.groupBy}", which is not a field of dataset "${definition.name}"`);
  }
  // Grouping and the worst-records table need grades; asking for either grades the records.
  const grades = o.grades === true || o.onRecord !== undefined || o.groupBy !== undefined || (o.worstRecords ?? 0) > 0;
  // Checked whatever showValues is: with it, piiKey: null was taken without a word.
  if (o.piiKey !== undefined && typeof o.piiKey !== 'string') throw new Error('ddss: piiKey must be a string');
  if (definition !== undefined && !showValues) requireKeyForHashes(definition, o.piiKey);
  const waits = sinkWaits();
  return {
    now,
    timeZone,
    today: calendarDate(now, timeZone),
    locale,
    maxSamples,
    sink: waits.wrap(o.onViolation, 'onViolation'),
    grades,
    onRecord: waits.wrap(o.onRecord, 'onRecord'),
    gradeColumns: o.gradeColumns ?? [],
    worstRecords: grades ? worstRecords : 0,
    groupBy: o.groupBy,
    maxGroups,
    failUnder: o.failUnder,
    showValues,
    protect: piiProtector(o.piiKey),
    timings: o.timings === true,
    waits,
  };
}

/**
 * The run's locale, 'en' by default. Checked here because messages are looked up by locale only when a rule fails:
 * an unknown one would otherwise surface mid-run as a TypeError inside the report.
 */
function checkLocale(locale: unknown): Locale {
  if (locale === undefined) return 'en';
  if (locale === 'en' || locale === 'vi') return locale;
  throw new Error(`ddss: locale must be en or vi, got ${typeof locale === 'string' ? `"${locale}"` : String(locale)}`);
}

/**
 * A hashed personal field needs the caller's key: a key drawn per run would hash the same value differently on
 * every run, so the same input would no longer give the same report. An empty key counts as none.
 */
function requireKeyForHashes(definition: DatasetDefinition, key: string | undefined): void {
  if (key !== undefined && key !== '') return;
  const hashed = Object.keys(definition.fields).filter((n) => definition.fields[n]?.privacy === 'hash');
  if (hashed.length === 0) return;
  throw new Error(`ddss: dataset "${definition.name}" hashes personal field(s) ${hashed.join(', ')} (pii: 'hash'), ` +
    'which needs a secret key: pass { piiKey } (the CLI reads the DDSS_PII_KEY environment variable or --pii-key), ' +
    'so the same value gets the same hash on every run');
}
