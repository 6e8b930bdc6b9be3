import type { Duration } from 'date-fns';
import { aggregateRule, notKnown } from '../../src/core/rule-base.js';
import type { AggregateRule, RuleOptions, TypedRow } from '../../src/core/types.js';
import { checkDuration, cutoff, cutoffDay, durationText } from './_duration.js';

/**
 * The table as a whole is current: its newest `column` date is no older than `maxAge` before the time of the run
 * (for a `date` column, in calendar days from `today`, the date of `now` in the run's time zone; for instants, from
 * `now`). A table-level rule (score 1 or 0); with no dates at all it is skipped. A stale table is not live however
 * fresh its rows look.
 * @example rule.freshness('updated_at', { days: 30 })
 */
export function freshness(column: string, maxAge: Duration, options: RuleOptions = {}): AggregateRule<{ newest: number | null }, TypedRow> {
  checkDuration('freshness', maxAge);
  return aggregateRule<{ newest: number | null }, TypedRow>({
    name: `${column}.freshness`, criterion: 'live', code: 'stale_table', fields: [column],
    params: { maxAge: durationText(maxAge) }, quotingParams: ['newest'],
  }, {
    init: () => ({ newest: null }),
    add(state, row) {
      const v = row[column];
      if (v instanceof Date && (state.newest === null || v.getTime() > state.newest)) state.newest = v.getTime();
    },
    merge: (a, b) => ({ newest: a.newest === null ? b.newest : b.newest === null ? a.newest : Math.max(a.newest, b.newest) }),
    finish(state, ctx) {
      if (state.newest === null) return { checked: 0, findings: [], score: null };
      // A date column holds calendar days: its age counts from today in the run's time zone, not from `now`.
      const fresh = state.newest >= (ctx.fieldType(column) === 'date' ? cutoffDay(ctx.todayMs, maxAge) : cutoff(ctx.nowMs, maxAge));
      const newest = new Date(state.newest).toISOString();
      // A newer date may be in the rest of an input that could not be read whole: only "fresh" is proven.
      if (ctx.partial === true && !fresh) throw notKnown(`whether ${column} holds a recent enough date`, `liệu ${column} có ngày đủ gần đây hay không`);
      return {
        checked: 1,
        score: fresh ? 1 : 0,
        findings: fresh ? [] : [{ code: 'stale_table', field: column, value: newest, params: { newest } }],
      };
    },
  }, options);
}
