import { recordRule, setupError } from '../../src/core/rule-base.js';
import { keyPart } from '../../src/reference/_key-text.js';
import type { ReferenceName } from '../../src/reference/ref.js';
import type { Reference, ReferenceTable } from '../../src/reference/reference.js';
import type { RecordRule, RuleOptions, TypedRow } from '../../src/core/types.js';

export interface ForeignKeyOptions extends RuleOptions {
  /**
   * Rows where a key column is missing: `skip` (default) leaves them unchecked (a `required` rule judges that),
   * `fail` reports them `not_in_reference`.
   */
  readonly missing?: 'skip' | 'fail';
}

/** What a reference-bound rule keeps so `validate` can give it its table (see `bindReferences`). */
export interface ReferenceBinding {
  readonly name: string;
  /** The checked dataset's columns, and the reference's columns they match (undefined: the reference's key). */
  readonly columns: readonly string[];
  readonly referenceColumns: readonly string[] | undefined;
  /**
   * The reference's columns the rule reads besides its key (`optional`: read when the file has them), so a caller
   * that reads the reference for the rule (`--reference NAME=FILE`) keeps them.
   */
  readonly kept?: { readonly columns: readonly string[]; readonly optional: readonly string[] };
  /** The reference the definition carries itself (`landParcelsWith({ population })`); a run's own overrides it. */
  readonly given?: Reference;
  bind(table: ReferenceTable | undefined): RecordRule;
}

/** A record rule that checks against a named reference; the unbound rule errors on every row it would check. */
export type ForeignKeyRule = RecordRule & { readonly reference: ReferenceBinding };

/**
 * The key in `columns` exists in the named reference (matched position by position with `referenceColumns`, default
 * the reference's own key). Keys compare as text, trimmed: the row's typed value (so an integer `07` is `7`) against
 * the reference's cells. A reference that was not given, or could not be read whole (a record its reader dropped
 * would be "not in it") or unambiguously (its key column named twice), makes the rule `error`, never a pass.
 * @example rule.foreignKey(['commune_code', 'map_sheet_no', 'parcel_no'], ref('parcels'), ['commune', 'sheet', 'parcel'])
 */
export function foreignKey(columns: string | readonly string[], reference: ReferenceName,
  referenceColumns?: string | readonly string[], options: ForeignKeyOptions = {}): ForeignKeyRule {
  const cols = typeof columns === 'string' ? [columns] : [...columns];
  const refCols = referenceColumns === undefined ? undefined : typeof referenceColumns === 'string' ? [referenceColumns] : [...referenceColumns];
  if (cols.length === 0) throw new Error('ddss: foreignKey needs at least one column');
  if (refCols !== undefined && refCols.length !== cols.length) {
    throw new Error(`ddss: foreignKey compares ${cols.length} column(s) with ${refCols.length} reference column(s)`);
  }
  const missing = options.missing ?? 'skip';
  if (missing !== 'skip' && missing !== 'fail') throw new Error(`ddss: foreignKey missing must be 'skip' or 'fail', not '${String(missing)}'`);
  const name = reference.name;
  const build = (check: (row: TypedRow) => ReturnType<RecordRule['check']>): RecordRule => recordRule({
    options: { missing: true }, name: `${cols.join('+')}.reference`, criterion: 'correct', code: 'not_in_reference',
    ...(missing === 'skip' ? { fields: cols } : {}),
    params: { reference: name, ...(refCols === undefined ? {} : { referenceColumns: refCols }) },
  }, check, options);
  const unbound = (why: string) => build(() => { throw setupError(why); });
  const binding: ReferenceBinding = {
    name, columns: cols, referenceColumns: refCols,
    bind(table) {
      if (table === undefined) {
        return unbound(`reference '${name}' was not given: pass it as validate(…, { references: { ${name}: reference('${name}', …) } }) ` +
          `or --reference ${name}=FILE`);
      }
      if (table.error !== undefined) return unbound(table.error);
      // The rule's columns in the order of the reference's key.
      const order = refCols === undefined ? cols.map((_, i) => i) : table.key.map((k) => refCols.indexOf(k));
      if (order.length !== cols.length || order.some((i) => i < 0)) {
        return unbound(`reference '${name}' is keyed on ${table.key.join(', ')}, not on ${(refCols ?? cols).join(', ')}`);
      }
      const parts: string[] = new Array<string>(order.length);
      return build((row) => {
        for (let k = 0; k < order.length; k++) {
          const col = cols[order[k] as number] as string;
          const p = keyPart(row[col]);
          if (p === undefined) return { code: 'not_in_reference', field: col };
          parts[k] = p;
        }
        if (table.has(parts)) return true;
        if (cols.length === 1) return { code: 'not_in_reference', field: cols[0] as string };
        // A composite key names no field and quotes no value itself: the engine then shows each declared column's
        // value as that column's values are shown (masked when personal). Without declared columns (missing: 'fail')
        // it names the columns and quotes nothing, since the rule cannot know which of them are personal.
        return missing === 'skip' ? { code: 'not_in_reference' } : { code: 'not_in_reference', field: cols.join(', ') };
      });
    },
  };
  return { ...binding.bind(undefined), reference: binding };
}
