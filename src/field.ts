import type { Duration } from 'date-fns';
import {
  booleanParser, dateParser, formatHasHour, numberParser, parseAny, parseDateTime, parseInteger, parseText, zonedDateParser,
  zonedDateTimeParser, type BooleanFormat, type NumberFormat,
} from './core/parsers.js';
import { dateFormatter } from './core/date-format.js';
import { InstantDate } from './core/instant-date.js';
import { calendarDate } from './core/time-zone.js';
import type {
  AggregateRule, CheckResult, FieldRule, ValueRule, FieldSpecData, FieldType, LocalizedText, Parser, PiiMode, RuleContext, RuleOptions,
} from './core/types.js';
import { valueRule } from './core/rule-base.js';
import { markRule } from './core/modifier-types.js';
import { pattern, type PatternOptions } from '../rules/correct/pattern.js';
import { notPattern } from '../rules/correct/not-pattern.js';
import { oneOf, notOneOf, type OneOfOptions } from '../rules/correct/one-of.js';
import { min, max, type BoundOptions } from '../rules/correct/bounds.js';
import { length } from '../rules/correct/length.js';
import { notInFuture } from '../rules/correct/not-in-future.js';
import { unique, type UniqueOptions } from '../rules/clean/unique.js';
import { trimmed } from '../rules/clean/trimmed.js';
import { nfc } from '../rules/clean/nfc.js';
import { within } from '../rules/live/within.js';
import { customCheckArgs } from './core/arg-kind.js';
import { checkDateFormatArg, isTextList, listArg, shownTextList } from './core/format-args.js';

/**
 * A rule a field of value type `T` can carry: a check of `T` (or of any value), or an aggregate of `T`.
 * @example const even: FieldRuleOf<number> = valueRule<number>({ name: 'even', criterion: 'correct' }, (n) => n % 2 === 0);
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an aggregate's state is its own business
export type FieldRuleOf<T> = ValueRule<T> | AggregateRule<any, T>;

/** A typed column with its rules. Every modifier returns a new spec; the original is unchanged. */
export interface FieldSpec<T = unknown> extends FieldSpecData {
  /** A missing cell (absent, empty, whitespace, a missing token) is a `sufficient` violation. */
  required(options?: RuleOptions): FieldSpec<T>;
  /** The text matches `re`; a pattern that can backtrack exponentially throws unless `{ unsafe: true }`. */
  pattern(re: RegExp, options?: PatternOptions): FieldSpec<T>;
  /** The text does not match `re` (`matches_forbidden_pattern`); refused as `pattern` refuses. */
  notPattern(re: RegExp, options?: PatternOptions): FieldSpec<T>;
  oneOf(values: Iterable<T>, options?: OneOfOptions): FieldSpec<T>;
  notOneOf(values: Iterable<T>, options?: OneOfOptions): FieldSpec<T>;
  /**
   * At least `bound` (a number on integer and number fields, a Date on date and datetime fields). `defineDataset`
   * refuses it on other types, and a `min` past the field's `max` (`ddss: field "area": min (10) is greater than max (0)`).
   */
  min(bound: number | Date, options?: BoundOptions): FieldSpec<T>;
  /** At most `bound`; as `min`. */
  max(bound: number | Date, options?: BoundOptions): FieldSpec<T>;
  /** Text, enum and any fields (a number's text has lost the digits as given: `"007"` is 7). */
  length(bounds: { readonly min?: number; readonly max?: number }, options?: RuleOptions): FieldSpec<T>;
  /**
   * No two records share the value; text compares trimmed, and in canonical form with `normalize`
   * (`{ normalize: vn.canonical.mst }`).
   */
  unique(options?: UniqueOptions): FieldSpec<T>;
  /** Text, enum and any fields. */
  trimmed(options?: RuleOptions): FieldSpec<T>;
  /** Text, enum and any fields. */
  nfc(options?: RuleOptions): FieldSpec<T>;
  /** Date and datetime fields; on an integer field the value is a year, not after the run's year (`future_year`). */
  notInFuture(options?: RuleOptions): FieldSpec<T>;
  /** Date and datetime fields. */
  within(maxAge: Duration, options?: RuleOptions): FieldSpec<T>;
  /** A custom check of the typed value; `false` fails with `options.code` (default `check_failed`). */
  check(id: string, fn: (value: T, ctx: RuleContext) => CheckResult, options?: RuleOptions & { readonly code?: string }): FieldSpec<T>;
  /**
   * Adds ready-made rules (e.g. `vn.cccd()`); each rule has one criterion and one severity. A rule typed for another
   * value type (a `ValueRule<number>` on a text field) is a type error; rules of any value (`ValueRule`) fit every
   * field.
   */
  use(...rules: readonly FieldRuleOf<T>[]): FieldSpec<T>;
  /** Personal data: masked (or hashed) in every output unless `showValues`. */
  pii(mode?: PiiMode): FieldSpec<T>;
  /** Values that count as missing for this field, on top of the dataset's. */
  missing(values: readonly string[]): FieldSpec<T>;
  /** Options of the field's type check (e.g. `{ severity: 'warning' }`). */
  typeCheck(options: RuleOptions): FieldSpec<T>;
  label(text: LocalizedText): FieldSpec<T>;
  describe(text: string): FieldSpec<T>;
}

function spec<T>(data: FieldSpecData): FieldSpec<T> {
  const add = (rule: FieldRule) => spec<T>({ ...data, rules: [...data.rules, rule] });
  // A modifier's rule says which modifier made it: defineDataset, which knows the field's name, refuses one the type
  // cannot use (see MODIFIER_TYPES) and bounds no value could meet.
  const mod = (modifier: string, rule: FieldRule) => add(markRule(rule, { modifier }));
  const bound = (modifier: 'min' | 'max', b: number | Date, o: BoundOptions | undefined, rule: FieldRule) =>
    add(markRule(rule, { modifier, bound: b, exclusive: o?.exclusive === true }));
  // The list is read once (an iterable may not be read twice) and kept on the mark, so its values' kinds are judged.
  const listed = (modifier: 'oneOf' | 'notOneOf', values: readonly T[], o: OneOfOptions | undefined) =>
    add(markRule((modifier === 'oneOf' ? oneOf : notOneOf)(values, o), { modifier, listed: values }));
  return {
    ...data,
    required: (o = {}) => spec<T>({ ...data, requiredRule: { options: o } }),
    pattern: (re, o) => mod('pattern', pattern(re, o)),
    notPattern: (re, o) => mod('notPattern', notPattern(re, o)),
    oneOf: (values, o) => listed('oneOf', listArg('oneOf', values) as T[], o),
    notOneOf: (values, o) => listed('notOneOf', listArg('notOneOf', values) as T[], o),
    min: (b, o) => bound('min', b, o, min(b, o)),
    max: (b, o) => bound('max', b, o, max(b, o)),
    length: (b, o) => mod('length', length(b, o)),
    unique: (o) => add(unique(o)),
    trimmed: (o) => mod('trimmed', trimmed(o)),
    nfc: (o) => mod('nfc', nfc(o)),
    notInFuture: (o) => mod('notInFuture', notInFuture(o, data.type)),
    within: (d, o) => mod('within', within(d, o, data.type)),
    check: (id, fn, o = {}) => {
      customCheckArgs('field .check(id, fn, options?)', id, 'fn', fn);
      return add(valueRule<T, RuleOptions & { readonly code?: string }>({ name: id, criterion: 'correct', code: o.code ?? 'check_failed', options: { code: true } }, fn, o) as FieldRule);
    },
    use: (...rules) => {
      // `.use(cond && vn.cccd())` added `false`, which failed later as a TypeError naming no rule.
      const bad = rules.findIndex((r: unknown) => typeof r !== 'object' || r === null);
      if (bad >= 0) throw new TypeError(`ddss: use(...rules) takes rules, got ${String(rules[bad] as unknown)}`);
      return spec<T>({ ...data, rules: [...data.rules, ...rules] });
    },
    pii: (mode = 'mask') => {
      // Another word (`'HASH'`, `'sha'`) masked the values where a keyed hash was meant, without a word.
      if (mode !== 'mask' && mode !== 'hash') throw new TypeError(`ddss: pii(mode): mode must be 'mask' or 'hash', got ${JSON.stringify(mode)}`);
      return spec<T>({ ...data, privacy: mode });
    },
    missing: (values) => {
      // A text is iterable: `.missing('NA')` added the letters N and A, and left `NA` a value.
      if (!isTextList(values)) {
        throw new TypeError(`ddss: missing(values) takes a list of texts, got ${shownTextList(values)}`);
      }
      return spec<T>({ ...data, missingValues: [...data.missingValues, ...values] });
    },
    typeCheck: (o) => spec<T>({ ...data, typeRule: o }),
    label: (text) => spec<T>({ ...data, title: text }),
    describe: (text) => spec<T>({ ...data, description: text }),
  };
}

function make<T>(type: FieldType, expected: LocalizedText, parse: Parser, extra: Partial<FieldSpecData> = {}): FieldSpec<T> {
  return spec<T>({ type, expected, parse, rules: [], requiredRule: undefined, privacy: false, missingValues: [], typeRule: {}, ...extra });
}

/**
 * Field specs: a typed column that accepts a raw string (CSV) or an already-typed value (JSON, ETL arrays).
 * Each cell is parsed once; a value that cannot be parsed is one `invalid_type` finding and the field's other rules
 * skip it. A missing cell fails only `required()`.
 * @example
 * const fields = {
 *   parcel_id: field.text().required().unique(),
 *   area_m2: field.number().required().min(0, { exclusive: true }),
 *   gcn_issue_date: field.date('dd/MM/yyyy').notInFuture(),
 * };
 */
export const field = {
  /** Text, as given (numbers become their decimal text; nothing is trimmed). */
  text: () => make<string>('text', { en: 'text', vi: 'văn bản' }, parseText),
  /** Whole numbers: safe integers or decimal text (`"007"` is 7). */
  integer: () => make<number>('integer', { en: 'integer', vi: 'số nguyên' }, parseInteger),
  /** Finite numbers; text with `.` decimals unless `format` says `,` (and thousands separators, never the decimal one). */
  number: (format?: NumberFormat) => make<number>('number', { en: 'number', vi: 'số' }, numberParser(format)),
  /**
   * Calendar dates in one declared date-fns format (`dd/MM/yyyy`, `yyyyMMdd`, `MM/yyyy`), read as UTC days; a format
   * with an hour (`yyyyMMddHHmm`) keeps the time. The format is checked here: `DD`/`YYYY` (day of year, week year),
   * `mm` without an hour (minutes), unknown letters and formats without a year or month throw `ddss: date format …`,
   * naming the likely intended token. A PostgreSQL `timestamptz` is the day it names in the run's time zone.
   */
  date: (format = 'yyyy-MM-dd') => {
    checkDateFormatArg(format);
    const text = dateFormatter(format);
    // The day shown is the day the field reads (see zonedDateParser).
    const keepsTime = formatHasHour(format);
    const dayOf = (v: Date, timeZone: string): Date =>
      (v instanceof InstantDate && !keepsTime && timeZone !== 'UTC' ? calendarDate(v, timeZone) : v);
    return make<Date>('date', { en: `date (${format})`, vi: `ngày (${format})` }, dateParser(format),
      { format, formatValue: (v, timeZone) => (v instanceof Date && !Number.isNaN(v.getTime()) ? text(dayOf(v, timeZone)) : undefined),
        zoned: (timeZone) => zonedDateParser(format, timeZone) });
  },
  /**
   * ISO 8601 date-times (`2026-11-21T15:00:00+07:00`, `2026-11-21 15:00`), read as instants. One without an offset
   * is the wall-clock time of the run's time zone (the `timeZone` option, else the definition's, else UTC): in
   * `Asia/Ho_Chi_Minh`, `2026-11-21 15:00` is 08:00Z. So are Excel date-time cells and PostgreSQL `timestamp without
   * time zone`. A time the zone's clocks skip or repeat (daylight saving) takes the offset in force before the change.
   */
  datetime: () => make<Date>('datetime', { en: 'ISO 8601 date-time', vi: 'ngày giờ ISO 8601' }, parseDateTime,
    { zoned: zonedDateTimeParser }),
  /** Booleans, or `true/false`, `1/0`, `yes/no` (case-insensitive), or your own lists. */
  boolean: (format?: BooleanFormat) => make<boolean>('boolean', { en: 'boolean (true/false)', vi: 'giá trị đúng/sai' }, booleanParser(format)),
  /** Text restricted to a list (a text field with a `oneOf` rule). */
  enum: <const V extends string>(values: readonly V[], options?: OneOfOptions) =>
    make<V>('enum', { en: 'text', vi: 'văn bản' }, parseText).oneOf(listArg('field.enum', values, true) as V[], options),
  /** Any value, unparsed. */
  any: () => make<unknown>('any', { en: 'value', vi: 'giá trị' }, parseAny),
};
