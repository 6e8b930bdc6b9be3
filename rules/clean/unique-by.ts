import { aggregateRule } from '../../src/core/rule-base.js';
import type { AggregateRule, RuleOptions, TypedRow } from '../../src/core/types.js';
import { duplicateFindings, identity, initDuplicates, mergeDuplicates, sightValue, type DuplicateState } from './_duplicates.js';

/**
 * No two records share the combination of `columns` (a composite key). Rows where any key column is missing are
 * skipped (not counted in `checked`); every row of a duplicate group fails. Default id: `a+b+c.unique`.
 * @example rule.uniqueBy(['commune_code', 'map_sheet_no', 'parcel_no'])
 */
export function uniqueBy(columns: readonly string[], options: RuleOptions = {}): AggregateRule<DuplicateState, TypedRow> {
  if (columns.length === 0) throw new Error('ddss: uniqueBy needs at least one column');
  const cols = [...columns];
  const label = cols.join('+');
  // Length-prefixed parts, so ("a|b", "c") and ("a", "b|c") never collide.
  const keyOf = (row: TypedRow) => cols.map((c) => { const s = identity(row[c]); return `${s.length}:${s}`; }).join('');
  return aggregateRule<DuplicateState, TypedRow>({
    name: `${label}.unique`, criterion: 'clean', code: 'duplicate_value', fields: cols, params: { columns: cols },
  }, {
    init: initDuplicates,
    add: (state, row, ctx) => sightValue(state, keyOf(row), ctx),
    merge: mergeDuplicates,
    finish: (state) => ({
      checked: state.count,
      findings: duplicateFindings(state, label, (k) => decode(k).join(' | ')),
    }),
  }, options);
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
