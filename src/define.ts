import { DEFAULT_MISSING_VALUES } from './core/missing.js';
import { argKind, isKeyedObject, shownArg } from './core/arg-kind.js';
import { compile, type Plan } from './core/compile.js';
import { checkTimeZone } from './core/time-zone.js';
import { fieldProblem } from './core/field-problem.js';
import { checkOptionKeys } from './core/option-keys.js';
import { nearest } from './core/nearest.js';
import { renameProblem } from './core/rename-problem.js';
import {
  CRITERIA, type AggregateRule, type Criterion, type DatasetDefinition, type DatasetRule, type FieldSpecData, type LocalizedText,
  type RecordRule, type TypedRow,
} from './core/types.js';
import type { FieldSpec } from './field.js';
import { rule, type Rules } from './rule.js';
import { isTextList, shownTextList } from './core/format-args.js';

/**
 * Dataset rules of a definition whose typed row is `Row`: record rules read that row. A factory that makes several
 * rules (`rule.fromZod`, one per criterion) may stand as one entry: nested lists are flattened.
 * @example const rules: DatasetRules<Infer<typeof parcels>> = [rule.rowCount({ min: 1 }), rule.fromZod(schema)];
 */
export type DatasetRules<Row> = readonly (RecordRule<Row> | AggregateRule | readonly (RecordRule<Row> | AggregateRule)[])[];

/**
 * The fields of a definition: name → spec.
 * @example const fields = { parcel_id: field.text().required() } satisfies FieldsInput;
 */
export type FieldsInput = Readonly<Record<string, FieldSpecData>>;

/**
 * The value type a field spec parses to; `unknown` for an untyped spec.
 * @example type D = ValueOf<ReturnType<typeof field.date>>; // Date
 */
export type ValueOf<S> = S extends FieldSpec<infer T> ? T : unknown;

/**
 * The typed row of some fields: each field's value type, or `undefined` when the cell is missing or invalid.
 * @example type Row = RowOf<{ n: FieldSpec<number> }>; // { readonly n: number | undefined }
 */
export type RowOf<F> = { readonly [K in keyof F]: ValueOf<F[K]> | undefined };

/**
 * A definition built by `defineDataset` that remembers its typed row (`Infer<typeof d>`) and its field names. It is a
 * `DatasetDefinition`, usable wherever one is.
 * @example const parcels: TypedDataset<{ readonly id: string | undefined }> = defineDataset({ name: 'p', fields: { id: field.text() } });
 */
export interface TypedDataset<Row> extends DatasetDefinition {
  /** Type-level only (never set): the typed row, read by `Infer`. */
  readonly '~row'?: Row;
}

/**
 * The typed row of a definition: `Infer<typeof parcels>` is `{ readonly parcel_id: string | undefined; … }`
 * (`TypedRow` for a definition that is not typed, such as one built from YAML).
 * @example
 * type Parcel = Infer<typeof parcels>;
 * const late = (p: Parcel) => p.issued !== undefined && p.issued.getUTCFullYear() > 2025;
 */
export type Infer<D> = D extends TypedDataset<infer Row> ? unknown extends Row ? TypedRow : Row : never;

export interface DatasetInput<F extends FieldsInput = FieldsInput> {
  /** Identifier of the dataset in reports (`land-parcels`). */
  readonly name: string;
  readonly title?: LocalizedText;
  readonly description?: string;
  readonly fields: F;
  /**
   * Record and dataset rules (cross-field checks, composite keys, row counts, freshness). Written as a function of
   * `rule` — `rules: (rule) => [rule.record('x', (r) => …)]` — each `rule.record` check receives the typed row of
   * `fields` (`r.registered: Date | undefined`); in a plain array TypeScript cannot see `fields` yet, so the row
   * there is untyped (`TypedRow`).
   */
  readonly rules?: DatasetRules<RowOf<F>> | ((rule: Rules) => DatasetRules<RowOf<F>>);
  /** Field(s) naming a record in violations (names of `fields`). */
  readonly key?: (keyof F & string) | readonly (keyof F & string)[];
  /** What counts as missing besides empty and whitespace-only cells. Default `DEFAULT_MISSING_VALUES`. */
  readonly missingValues?: readonly string[];
  /** Criterion weights in the overall score. Default 1 each. */
  readonly weights?: Partial<Readonly<Record<Criterion, number>>>;
  /** Fail the dataset when the overall score is below this. */
  readonly failUnder?: number;
  /** `strict` (default): report input columns the definition does not declare; `ignore`: do not. */
  readonly columns?: 'strict' | 'ignore';
  /** The module that exports this definition (pass `import.meta.url`), so worker threads can load it. */
  readonly module?: string;
  /**
   * The IANA time zone whose calendar decides which day the run's `now` is (`Asia/Ho_Chi_Minh` for a Vietnamese
   * register), so a record dated today is not "in the future" during the night, and whose wall clock a date-time
   * without an offset is (`2026-11-21 15:00` is 08:00Z in Vietnam). A run's `timeZone` overrides it. Default `UTC`.
   */
  readonly timeZone?: string;
  /**
   * Header columns read as fields, `{ 'Số CCCD': 'owner_id' }`, for CSV and xlsx exports whose headers are not the
   * field names: a column named by a key is read as its field, and a column named as the field still is (a file with
   * both names the field twice: `source.duplicate_header`). Keys match whatever spaces, byte order mark, no-break
   * space or accent composition the export wrote, and so do the fields' own names (`source.header_form`, info, says
   * so). A run's `readCsv(path, { header: { … } })` (`--rename`) wins for the same header or field.
   */
  readonly rename?: Readonly<Record<string, keyof F & string>>;
}

// Every key of a definition, as a record so that adding one to `DatasetInput` without listing it here is a type error:
// a misspelt one (`failunder: 0.9`, `weigths`) was ignored and the dataset judged without it.
const DATASET_KEYS: readonly string[] = Object.keys({
  name: true, title: true, description: true, fields: true, rules: true, key: true, missingValues: true, weights: true,
  failUnder: true, columns: true, module: true, timeZone: true, rename: true,
} satisfies Record<keyof DatasetInput, true>);

/**
 * Defines a dataset: its typed fields with their rules, dataset rules, record key and scoring options. The result
 * is immutable and reusable across runs. Throws at definition time for mistakes (duplicate rule ids, a key that is
 * not a field, weights or thresholds out of range, a modifier the field's type cannot use, a `min` above the `max`)
 * rather than at validation time.
 * @example
 * const parcels = defineDataset({
 *   name: 'parcels',
 *   key: 'parcel_id',
 *   fields: { parcel_id: field.text().required().unique(), area_m2: field.number().min(0, { exclusive: true }) },
 *   rules: (rule) => [rule.rowCount({ min: 1 }), rule.record('positive', (r) => r.area_m2 > 0, { fields: ['area_m2'] })],
 * });
 */
export function defineDataset<F extends FieldsInput>(input: DatasetInput<F>): TypedDataset<RowOf<F>> {
  // From JavaScript anything arrives: `defineDataset(null)` and `fields` left out failed as "Cannot read properties of
  // null" and "Cannot convert undefined or null to object", naming neither the builder nor the argument.
  if (typeof input !== 'object' || input === null) {
    throw new TypeError(`ddss: defineDataset: the definition must be an object ({ name, fields }), got ${argKind(input)}`);
  }
  if (input.name !== undefined && typeof input.name !== 'string') {
    throw new TypeError(`ddss: defineDataset: name must be a string, got ${argKind(input.name)}`);
  }
  if (input.name === undefined || input.name.trim() === '') throw new Error('ddss: a dataset needs a name');
  if (typeof input.fields !== 'object' || input.fields === null || Array.isArray(input.fields)) {
    throw new TypeError(`ddss: defineDataset: fields must be an object of field specs ({ id: field.text() }), got ${argKind(input.fields)}`);
  }
  // `__proto__: field.text()` in an object literal sets the object's prototype: that field was lost without a word.
  const proto: unknown = Object.getPrototypeOf(input.fields);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError('ddss: defineDataset: fields is not a plain object; a "__proto__" key written in an object literal sets ' +
      'its prototype and is no field: write it as a computed key (["__proto__"]: field.text()) or rename the column');
  }
  checkOptionKeys(input, DATASET_KEYS, 'defineDataset');
  const fields = Object.create(null) as Record<string, FieldSpecData>;
  if (input.missingValues !== undefined && !isTextList(input.missingValues)) {
    // A text is iterable: `'NA'` was read as the letters N and A, and `NA` itself stayed a value that `required` passed.
    throw new TypeError(`ddss: missingValues of dataset "${input.name}" must be a list of texts, got ${shownTextList(input.missingValues)}`);
  }
  for (const name of Object.keys(input.fields)) {
    const spec = input.fields[name] as FieldSpecData;
    if (!isFieldSpec(spec)) {
      throw new TypeError(`ddss: field ${JSON.stringify(name)} is not a field spec (field.text(), field.number(), …), got ${show(spec)}`);
    }
    // A rule no value could pass (min above max, min on text) or one that checks nothing (trimmed on a number) would
    // make a report that looks meaningful: refuse it now, naming the field.
    const problem = fieldProblem(spec);
    if (problem !== undefined) throw new Error(`ddss: field ${JSON.stringify(name)}: ${problem}`);
    fields[name] = spec;
  }
  if (Object.keys(fields).length === 0) throw new Error(`ddss: dataset "${input.name}" has no fields`);
  const weights = {} as Record<Criterion, number>;
  if (input.weights !== undefined) checkWeightKeys(input.weights, input.name);
  for (const c of CRITERIA) {
    const w = input.weights?.[c] ?? 1;
    if (!(w >= 0 && Number.isFinite(w))) throw new Error(`ddss: weight of ${c} must be a finite number ≥ 0`);
    weights[c] = w;
  }
  // A number only, as for a run's failUnder: '' compared as 0 (a gate that fails nothing), true as 1.
  if (input.failUnder !== undefined && !(typeof input.failUnder === 'number' && input.failUnder >= 0 && input.failUnder <= 1)) {
    throw new Error(`ddss: failUnder must be a number in [0, 1], got ${shownArg(input.failUnder)}`);
  }
  if (input.columns !== undefined && input.columns !== 'strict' && input.columns !== 'ignore') {
    throw new Error(`ddss: columns must be 'strict' or 'ignore', got ${JSON.stringify(input.columns)}`);
  }
  const rename = input.rename === undefined ? undefined : frozenRename(input.rename, Object.keys(fields));
  const def: TypedDataset<RowOf<F>> = Object.freeze({
    name: input.name,
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.description === undefined ? {} : { description: input.description }),
    fields: Object.freeze(fields),
    rules: Object.freeze([...datasetRules(input)]),
    ...(input.key === undefined ? {} : { key: input.key }),
    missingValues: Object.freeze([...(input.missingValues ?? DEFAULT_MISSING_VALUES)]),
    weights: Object.freeze(weights),
    ...(input.failUnder === undefined ? {} : { failUnder: input.failUnder }),
    ...(input.columns === undefined ? {} : { columns: input.columns }),
    ...(input.module === undefined ? {} : { module: input.module }),
    ...(input.timeZone === undefined ? {} : { timeZone: checkTimeZone(input.timeZone, `the timeZone of dataset "${input.name}"`) }),
    ...(rename === undefined ? {} : { rename }),
  });
  checkWeighted(def, compile(def)); // compiling surfaces definition errors now, not at the first run
  return def;
}

/**
 * A definition's `weights` problem, which `buildDefinition` reports at a file's `weights` key.
 * @example try { defineDataset(input); } catch (e) { if (e instanceof WeightsError) path = ['weights']; }
 */
export class WeightsError extends Error {
  override readonly name = 'WeightsError';
}

/*
 * The overall score is the weighted mean of the criteria that have a score: when every criterion that has a rule
 * weighs 0 (all weights 0, or the weight put only on criteria no rule checks), the overall score is null on every run,
 * and `failUnder` never fails. `info` rules never count in a score; a definition with no other rule is not refused (it
 * judges nothing by design: its score is null whatever the weights).
 */
function checkWeighted(def: DatasetDefinition, plan: Plan): void {
  const scored = new Set(plan.slots.filter((s) => s.severity !== 'info').map((s) => s.criterion));
  // A definition of info rules only judges nothing, whatever its weights: it observes (a type check made `info`).
  if (scored.size === 0 || CRITERIA.some((c) => def.weights[c] > 0 && scored.has(c))) return;
  const weighted = CRITERIA.filter((c) => def.weights[c] > 0);
  throw new WeightsError(`ddss: dataset "${def.name}": ` + (weighted.length === 0
    ? 'its weights are all 0'
    : `its weights count only ${weighted.join(', ')}, which no rule of it checks (an info rule never counts)`) +
    ', so its overall score would always be null and failUnder could never fail; give a checked criterion a weight above 0');
}

/*
 * Weights are read by criterion name, so a misspelt one (`{ corect: 9 }`, `{ Correct: 9 }`) was dropped and the score
 * weighed without it, and a Map or an array read as no weights at all — where a definition file refuses the same key.
 * Refused as a file's is, naming the nearest criterion.
 */
function checkWeightKeys(weights: unknown, dataset: string): void {
  const at = `ddss: weights of dataset "${dataset}"`;
  if (!isKeyedObject(weights)) {
    throw new WeightsError(`${at} must be an object of criterion weights ({ correct: 2 }), got ${argKind(weights)}`);
  }
  for (const key of Object.keys(weights)) {
    if ((CRITERIA as readonly string[]).includes(key)) continue;
    const near = nearest(key, CRITERIA);
    throw new WeightsError(`${at}: unknown key ${JSON.stringify(key)}` + (near === undefined ? '' : ` (did you mean ${JSON.stringify(near)}?)`) +
      `; the criteria are ${CRITERIA.join(', ')}`);
  }
}

// A rename that would read a column as no field, or two columns as one, is refused now, naming the header.
function frozenRename(given: Readonly<Record<string, string>>, fields: readonly string[]): Readonly<Record<string, string>> {
  const rename = Object.create(null) as Record<string, string>;
  for (const [from, to] of Object.entries(given)) {
    if (typeof to !== 'string') throw new Error(`ddss: rename ${JSON.stringify(from)}: the field must be a name, got ${typeof to}`);
    rename[from] = to;
  }
  const problem = renameProblem(rename, fields);
  if (problem !== undefined) throw new Error(`ddss: rename ${JSON.stringify(problem.from)} ${problem.message}`);
  return Object.freeze(rename);
}

// Typed rules are rules of any row: the row they read is the one `fields` builds.
function datasetRules(input: DatasetInput<FieldsInput>): readonly DatasetRule[] {
  const rules: unknown = typeof input.rules === 'function' ? input.rules(rule) : input.rules ?? [];
  if (!Array.isArray(rules)) {
    throw new Error(`ddss: the rules of dataset "${input.name}" must be an array, or a function of \`rule\` returning one`);
  }
  const list = (rules as ReadonlyArray<DatasetRule | readonly DatasetRule[]>).flat();
  list.forEach((r: unknown, i) => {
    // `cond && rule.rowCount(…)` leaves `false` in the list, and a value rule has no row to read: both failed later
    // with messages naming no rule ('rule "undefined": criterion …', 'a1 is not a function').
    const kind = typeof r === 'object' && r !== null ? (r as { kind?: unknown }).kind : undefined;
    if (kind === 'record' || kind === 'aggregate') return;
    const what = kind === 'value' ? `a value rule (${(r as { name?: string }).name ?? '?'}), which checks one field's values: give it to ` +
      'that field, field.text().use(rule)' : `${show(r)}, not a rule`;
    throw new TypeError(`ddss: rules[${i}] of dataset "${input.name}" is ${what}`);
  });
  return list;
}

/** Whether `x` is what `field.*()` builds (its type and its rules). */
function isFieldSpec(x: unknown): x is FieldSpecData {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string' &&
    Array.isArray((x as { rules?: unknown }).rules);
}

function show(x: unknown): string {
  return typeof x === 'string' ? JSON.stringify(x) : x === null ? 'null' : typeof x === 'object' ? 'an object' : String(x);
}
