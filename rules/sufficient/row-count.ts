import { aggregateRule, notKnown } from '../../src/core/rule-base.js';
import { countBounds } from '../correct/_count-bounds.js';
import type { AggregateRule, RuleOptions } from '../../src/core/types.js';

/**
 * The table has between `min` and `max` records (GX `expect_table_row_count_to_be_between`). Table-level: score 1
 * when it holds, 0 when not; the finding's `value` is the number of records, so a baseline can tell a table that
 * shrank further from the one it accepted. No bound (it would pass every table), or `min` greater than `max` (no
 * table could meet it), throws when the rule is built.
 * @example rule.rowCount({ min: 1 }) // an empty export fails with too_few_rows
 */
export function rowCount(bounds: { readonly min?: number; readonly max?: number }, options: RuleOptions = {}): AggregateRule<null, unknown> {
  const { lo, hi } = countBounds('rowCount', bounds);
  if (bounds.min === undefined && bounds.max === undefined) throw new Error('ddss: rowCount needs min or max; without either every table passes');
  return aggregateRule<null, unknown>({ name: 'rowCount', criterion: 'sufficient', params: { min: lo, max: hi === Infinity ? null : hi },
    quotingParams: [] }, {
    init: () => null,
    add() {},
    merge: () => null,
    finish(_state, ctx) {
      // Too many is proven by the records read; too few is not when the rest could not be read (a refused connection,
      // a damaged workbook: "the table has 0 records" of a table no one counted).
      if (ctx.partial === true && ctx.rows < lo) throw notKnown(`whether the table has at least ${lo} record${lo === 1 ? '' : 's'} (${ctx.rows} read)`,
        `liệu bảng có ít nhất ${lo} bản ghi hay không (đã đọc ${ctx.rows})`);
      const finding = ctx.rows < lo ? { code: 'too_few_rows', value: ctx.rows, params: { rows: ctx.rows, min: lo } }
        : ctx.rows > hi ? { code: 'too_many_rows', value: ctx.rows, params: { rows: ctx.rows, max: hi } } : undefined;
      return { checked: 1, score: finding ? 0 : 1, findings: finding ? [finding] : [] };
    },
  }, options);
}
