import { aggregateRule } from '../../src/core/rule-base.js';
import type { AggregateRule, RuleOptions, TypedRow } from '../../src/core/types.js';
import {
  canonicalKey, duplicateFindings, identity, checkDuplicates, initDuplicates, mergeDuplicates, sightValue, trimKey, type DuplicateState,
} from './_duplicates.js';

/** A canonical form of text (see `unique`'s `normalize`). */
export type Normalize = (value: string) => string;

export interface UniqueByOptions extends RuleOptions {
  /**
   * Canonical forms of the key parts: one function for every text column, or one per column
   * (`{ tax_code: vn.canonical.mst }`; columns not named compare trimmed). Each receives a part's trimmed text.
   */
  readonly normalize?: Normalize | Readonly<Record<string, Normalize>>;
}

/**
 * No two records share the combination of `columns` (a composite key). Rows where any key column is missing are
 * skipped (not counted in `checked`); every row of a duplicate group fails, each finding naming the row's own parts
 * (`a | b | c`). Text parts compare trimmed (surrounding whitespace never makes two keys distinct) and, with
 * `normalize`, in canonical form; other parts by their typed value. Default id: `a+b+c.unique`.
 * @example rule.uniqueBy(['commune_code', 'map_sheet_no', 'parcel_no'])
 * @example rule.uniqueBy(['province_code', 'tax_code'], { normalize: { tax_code: vn.canonical.mst } })
 */
export function uniqueBy(columns: readonly string[], options: UniqueByOptions = {}): AggregateRule<DuplicateState, TypedRow> {
  if (columns.length === 0) throw new Error('ddss: uniqueBy needs at least one column');
  const cols = [...columns];
  const label = cols.join('+');
  const forms = normalizers(cols, options.normalize);
  // The key goes to the log as its parts, stored length-prefixed (`decode` below), so ("a|b", "c") and ("a", "b|c")
  // never collide; the log reads them in place of a joined string (one per row, and its flattening, saved).
  // `parts` is reused row after row: the log keeps none of it.
  const parts: string[] = cols.map(() => '');
  const add = (state: DuplicateState, row: TypedRow, ctx: Parameters<typeof sightValue>[2]) => {
    let changed = false;
    for (let i = 0; i < cols.length; i++) {
      const v = row[cols[i] as string];
      let s: string;
      if (typeof v === 'string') {
        const f = forms[i];
        s = f === undefined ? trimKey(v) : canonicalKey(f, trimKey(v));
        changed ||= s !== v;
      } else s = identity(v);
      parts[i] = s;
    }
    sightValue(state, parts, ctx, undefined, changed ? cols.map((c) => identity(row[c])).join(' | ') : undefined);
  };
  return aggregateRule<DuplicateState, TypedRow, UniqueByOptions>({
    name: `${label}.unique`, criterion: 'clean', code: 'duplicate_value', fields: cols, params: { columns: cols },
    options: { normalize: true }, quotingParams: [],
  }, {
    init: initDuplicates,
    add,
    merge: mergeDuplicates,
    check: checkDuplicates,
    finish: (state) => ({
      checked: state.count,
      findings: duplicateFindings(state, label, (k) => decode(k).join(' | ')),
    }),
  }, options);
}

/** The canonical form of each column's text, by position (undefined: trimmed only). */
function normalizers(cols: readonly string[], normalize: UniqueByOptions['normalize']): (Normalize | undefined)[] {
  if (normalize === undefined) return cols.map(() => undefined);
  if (typeof normalize === 'function') return cols.map(() => normalize);
  for (const c of Object.keys(normalize)) {
    if (!cols.includes(c)) throw new Error(`ddss: uniqueBy normalize names "${c}", which is not one of its columns (${cols.join(', ')})`);
  }
  return cols.map((c) => (Object.hasOwn(normalize, c) ? normalize[c] : undefined));
}

function decode(key: string): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < key.length) {
    const colon = key.indexOf(':', i);
    const n = Number(key.slice(i, colon));
    parts.push(key.slice(colon + 1, colon + 1 + n));
    i = colon + 1 + n;
  }
  return parts;
}
