import { valueRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { calendarDayMs } from '../tables/dated.js';

export interface NoDistrictLevelOptions extends RuleOptions {
  /** The day the district level ended, `yyyy-MM-dd`. Default `2025-07-01` (NQ 202/2025/QH15). */
  readonly since?: string;
}

const messages: MessageTable = {
  retired_district_level: {
    en: '{field}: "{value}" is a district code, but the district level no longer exists since {since}',
    vi: '{field}: "{value}" là mã quận, huyện, nhưng cấp huyện không còn tồn tại từ ngày {since}',
  },
};

/**
 * Data describing the present has no district codes (live, DOMAIN-VN §3): from 1/7/2025 administrative units have
 * two levels, so any value in a district field on a run date (`ctx.today`, the date of `now` in the run's time zone) on or after `since` → `retired_district_level`. Put it
 * on the district column of data meant to be current; it is a warning (the column may be kept for history).
 * Before `since` every value passes.
 * @example field.text().use(vn.noDistrictLevel()) // "001" at now = 2026 → retired_district_level (warning)
 */
export function noDistrictLevel(options: NoDistrictLevelOptions = {}): ValueRule {
  const since = options.since ?? '2025-07-01';
  // A day that is no day (2025-02-30) was read as the next month's and the rule judged from then.
  const start = calendarDayMs(since);
  if (start === undefined) throw new Error(`ddss: noDistrictLevel: since must be a calendar date yyyy-MM-dd, got ${JSON.stringify(since)}`);
  return valueRule({ options: { since: true }, name: 'noDistrictLevel', criterion: 'live', code: 'retired_district_level', messages, params: { since } },
    (_v, ctx) => ctx.todayMs < start, { severity: 'warning', ...options });
}
