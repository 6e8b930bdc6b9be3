import { aggregateRule } from '../../src/core/rule-base.js';
import type { AggregateRule, RuleOptions } from '../../src/core/types.js';
import {
  canonicalKey, duplicateFindings, identity, checkDuplicates, initDuplicates, mergeDuplicates, sightValue, trimKey, type DuplicateState,
} from './_duplicates.js';

export interface UniqueOptions extends RuleOptions {
  /**
   * The canonical form of a text value (it receives the value trimmed): values with the same canonical form are
   * duplicates, e.g. `vn.canonical.mst` makes `0100109106001` and `0100109106-001` one branch. Pure, text to text;
   * a throw or a non-text result is a rule error. Other typed values (numbers, dates) never reach it.
   */
  readonly normalize?: (value: string) => string;
}

/**
 * No two records share the field's value. Every row of a duplicate group fails (GX/Deequ semantics), and each
 * finding names the row's own value; missing values are not checked. Values compare by their typed value (`"007"`
 * and `"7"` differ for text, not for integers); text compares trimmed — surrounding whitespace never makes two
 * identifiers distinct — and, with `normalize`, in its canonical form (case and inner spaces count unless it says
 * otherwise).
 * @example field.text().unique() // P-1, P-1, "P-1 ", P-2 → rows 0, 1 and 2 fail with duplicate_value
 * @example field.text().unique({ normalize: vn.canonical.mst }) // "0100109106001" and "0100109106-001" → both fail
 */
export function unique(options: UniqueOptions = {}): AggregateRule<DuplicateState, unknown> {
  const { normalize } = options;
  return aggregateRule<DuplicateState, unknown, UniqueOptions>({ name: 'unique', criterion: 'clean', code: 'duplicate_value', options: { normalize: true },
    quotingParams: [] }, {
    init: initDuplicates,
    add: (state, value, ctx) => {
      if (typeof value !== 'string') return sightValue(state, identity(value), ctx);
      const trimmed = trimKey(value);
      const key = normalize === undefined ? trimmed : canonicalKey(normalize, trimmed);
      sightValue(state, key, ctx, undefined, key === value ? undefined : value);
    },
    merge: mergeDuplicates,
    check: checkDuplicates,
    finish: (state) => ({ checked: state.count, findings: duplicateFindings(state, undefined) }),
  }, options);
}
