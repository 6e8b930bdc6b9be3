import { recordRule } from '../../src/core/rule-base.js';
import { setHash } from '../../src/core/set-hash.js';
import { identity } from '../clean/_duplicates.js';
import { isReferenceName, type ReferenceName } from '../../src/reference/ref.js';
import { foreignKey, type ForeignKeyOptions, type ForeignKeyRule } from './foreign-key.js';
import type { RecordRule, RuleOptions } from '../../src/core/types.js';
import { listArg } from '../../src/core/format-args.js';

export interface ReferenceOptions extends RuleOptions {
  /** Name of the reference list, shown in messages ("danh mục xã 2025"). */
  readonly name?: string;
}

/**
 * `column`'s value exists in a reference list (an authoritative code list or the keys of another dataset).
 * Missing values are not checked. For large lists pass a `Set` (it is used as it is, not copied). With
 * `ref('name')` the list is a reference given at validate time (see `rule.foreignKey`). An empty list (not a `Set`,
 * which may be filled before the run) throws when the rule is built: every value would fail.
 * @example rule.reference('commune_code', communeCodes, { name: 'communes 2025' })
 * @example rule.reference('commune_code', ref('communes'))
 */
export function reference(column: string, values: ReferenceName, options?: ForeignKeyOptions): ForeignKeyRule;
export function reference(column: string, values: Iterable<unknown> | ReadonlySet<string>, options?: ReferenceOptions): RecordRule;
export function reference(column: string, values: Iterable<unknown> | ReadonlySet<string> | ReferenceName,
  options: ReferenceOptions = {}): RecordRule {
  if (isReferenceName(values)) return foreignKey(column, values, undefined, options);
  // A text was read as the list of its characters (rule.reference('province_code', '01') listed "0" and "1").
  const set: ReadonlySet<string> = values instanceof Set ? (values as ReadonlySet<string>)
    : new Set(listArg('rule.reference', values).map(identity));
  if (!(values instanceof Set) && set.size === 0) {
    throw new Error(`ddss: reference of "${column}" needs at least one value; with none every value would fail`);
  }
  const name = options.name ?? `${set.size} values`;
  return recordRule({
    options: { name: true }, name: `${column}.reference`, criterion: 'correct', code: 'not_in_reference', fields: [column],
    params: { reference: name },
    // A Set given as is may still be filled: worker threads must hold the same values (src/core/live-marks.ts).
    ...(values instanceof Set ? { live: () => ({ shown: `${set.size.toLocaleString('en-US')} values`, hash: setHash(set) }) } : {}),
  }, (row) => set.has(identity(row[column])) || { code: 'not_in_reference', field: column }, options);
}
