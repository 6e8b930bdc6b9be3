import { aggregateRule, notKnown } from '../../src/core/rule-base.js';
import { identity } from '../clean/_duplicates.js';
import type { AggregateRule, RuleOptions, TypedRow } from '../../src/core/types.js';

/**
 * Every expected value appears in `column` at least once (every commune has parcels, every province reported).
 * Table-level: the score is the share of expected values present; each absent one is a finding. Memory is bounded
 * by the expected list, not by the rows. An empty expected list throws when the rule is built: it would check nothing.
 * @example rule.coverage('province_code', ['01', '79', '48']) // 79 absent → score 2/3
 */
export function coverage(column: string, expected: Iterable<unknown>, options: RuleOptions = {}): AggregateRule<{ seen: Set<string> }, TypedRow> {
  const wanted = [...new Set([...expected].map(identity))];
  if (wanted.length === 0) throw new Error(`ddss: coverage of "${column}" needs at least one expected value; with none it checks nothing`);
  const wantedSet = new Set(wanted);
  return aggregateRule<{ seen: Set<string> }, TypedRow>({
    name: `${column}.coverage`, criterion: 'sufficient', code: 'missing_expected_value', fields: [column],
    params: { expected: wanted.length },
  }, {
    init: () => ({ seen: new Set() }),
    add(state, row) {
      const v = identity(row[column]);
      if (wantedSet.has(v)) state.seen.add(v);
    },
    merge: (a, b) => ({ seen: new Set([...a.seen, ...b.seen]) }),
    finish(state, ctx) {
      const missing = wanted.filter((v) => !state.seen.has(v));
      // An expected value not among the rows read may be in the rest of an input that could not be read whole.
      if (ctx.partial === true && missing.length > 0) throw notKnown(`whether ${missing.length} of the ${wanted.length} expected values of ${column} are present`,
        `liệu ${missing.length} trong ${wanted.length} giá trị cần có của ${column} có mặt hay không`);
      return {
        checked: wanted.length,
        failed: missing.length,
        score: wanted.length === 0 ? null : 1 - missing.length / wanted.length,
        findings: missing.map((value) => ({ code: 'missing_expected_value', field: column, value })),
      };
    },
  }, options);
}
