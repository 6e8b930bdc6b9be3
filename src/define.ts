import { DEFAULT_MISSING_VALUES } from './core/missing.js';
import { compile } from './core/compile.js';
import { checkTimeZone } from './core/time-zone.js';
import { CRITERIA, type Criterion, type DatasetDefinition, type DatasetRule, type FieldSpecData, type LocalizedText, type RecordKey } from './core/types.js';

export interface DatasetInput {
  /** Identifier of the dataset in reports (`land-parcels`). */
  readonly name: string;
  readonly title?: LocalizedText;
  readonly description?: string;
  readonly fields: Readonly<Record<string, FieldSpecData>>;
  /** Record and dataset rules (cross-field checks, composite keys, row counts, freshness). */
  readonly rules?: readonly DatasetRule[];
  /** Field(s) naming a record in violations. */
  readonly key?: RecordKey;
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
   * register), so a record dated today is not "in the future" during the night. A run's `timeZone` overrides it.
   * Default `UTC`.
   */
  readonly timeZone?: string;
}

/**
 * Defines a dataset: its typed fields with their rules, dataset rules, record key and scoring options. The result
 * is immutable and reusable across runs. Throws at definition time for mistakes (duplicate rule ids, a key that is
 * not a field, weights or thresholds out of range) rather than at validation time.
 * @example
 * const parcels = defineDataset({
 *   name: 'parcels',
 *   key: 'parcel_id',
 *   fields: { parcel_id: field.text().required().unique(), area_m2: field.number().min(0, { exclusive: true }) },
 *   rules: [rule.rowCount({ min: 1 })],
 * });
 */
export function defineDataset(input: DatasetInput): DatasetDefinition {
  if (typeof input.name !== 'string' || input.name.trim() === '') throw new Error('ddss: a dataset needs a name');
  const fields = Object.create(null) as Record<string, FieldSpecData>;
  for (const name of Object.keys(input.fields)) fields[name] = input.fields[name] as FieldSpecData;
  if (Object.keys(fields).length === 0) throw new Error(`ddss: dataset "${input.name}" has no fields`);
  const weights = {} as Record<Criterion, number>;
  for (const c of CRITERIA) {
    const w = input.weights?.[c] ?? 1;
    if (!(w >= 0 && Number.isFinite(w))) throw new Error(`ddss: weight of ${c} must be a finite number ≥ 0`);
    weights[c] = w;
  }
  if (input.failUnder !== undefined && !(input.failUnder >= 0 && input.failUnder <= 1)) {
    throw new Error('ddss: failUnder must be in [0, 1]');
  }
  if (input.columns !== undefined && input.columns !== 'strict' && input.columns !== 'ignore') {
    throw new Error(`ddss: columns must be 'strict' or 'ignore', got ${JSON.stringify(input.columns)}`);
  }
  const def: DatasetDefinition = Object.freeze({
    name: input.name,
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.description === undefined ? {} : { description: input.description }),
    fields: Object.freeze(fields),
    rules: Object.freeze([...(input.rules ?? [])]),
    ...(input.key === undefined ? {} : { key: input.key }),
    missingValues: Object.freeze([...(input.missingValues ?? DEFAULT_MISSING_VALUES)]),
    weights: Object.freeze(weights),
    ...(input.failUnder === undefined ? {} : { failUnder: input.failUnder }),
    ...(input.columns === undefined ? {} : { columns: input.columns }),
    ...(input.module === undefined ? {} : { module: input.module }),
    ...(input.timeZone === undefined ? {} : { timeZone: checkTimeZone(input.timeZone, `the timeZone of dataset "${input.name}"`) }),
  });
  compile(def); // surfaces definition errors now, not at the first run
  return def;
}
