import { aggregateRule } from '../../src/core/rule-base.js';
import type { AggregateRule, RuleOptions } from '../../src/core/types.js';
import { duplicateFindings, identity, initDuplicates, mergeDuplicates, sightValue, type DuplicateState } from './_duplicates.js';

/**
 * No two records share the field's value. Every row of a duplicate group fails (GX/Deequ semantics); missing values
 * are not checked. Values compare by their typed value (`"007"` and `"7"` differ for text, not for integers).
 * @example field.text().unique() // P-1, P-1, P-2 → rows 0 and 1 fail with duplicate_value
 */
export function unique(options: RuleOptions = {}): AggregateRule<DuplicateState, unknown> {
  return aggregateRule<DuplicateState, unknown>({ name: 'unique', criterion: 'clean', code: 'duplicate_value' }, {
    init: initDuplicates,
    add: (state, value, ctx) => sightValue(state, identity(value), ctx),
    merge: mergeDuplicates,
    finish: (state) => ({ checked: state.count, findings: duplicateFindings(state, undefined) }),
  }, options);
}
