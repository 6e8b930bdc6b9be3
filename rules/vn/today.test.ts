import { describe, expect, it } from 'vitest';
import { contextOf, day } from './cross/_testkit.js';
import { vn } from './index.js';
import { yearNotInFuture } from '../datasets/_rules.js';
import type { CheckResult, FieldType, Finding, Rule, TypedRow } from '../../src/core/types.js';

/**
 * Every rule of the pack that compares a date with the time of the run does so with the calendar date of `now` in
 * the run's time zone (`ctx.today`), never with the UTC date of `now`: each case is an instant early in the morning
 * in Vietnam, when the UTC date is still the day before, and gives one answer in Asia/Ho_Chi_Minh and the other in UTC.
 */
const early = (isoDay: string) => new Date(`${isoDay}T03:00:00+07:00`);

function check(rule: Rule, value: unknown, record: TypedRow, now: Date, zone: string,
  types: Readonly<Record<string, FieldType>> = {}): string[] {
  const ctx = contextOf(record, now, record, zone, types);
  const r: CheckResult = rule.kind === 'value' ? rule.check(value, ctx) : rule.kind === 'record' ? rule.check(record, ctx) : undefined;
  if (r === undefined || r === null || r === true) return [];
  if (r === false) return [rule.code ?? 'check_failed'];
  return (Array.isArray(r) ? r : [r]).map((f: Finding) => f.code);
}

const card = { status: 'active', valid_to: day('2026-03-14') };
const ordered = { registered_at: day('2026-03-10'), issued: day('2026-03-15') };

describe('the pack compares dates with today in the run\'s time zone', () => {
  it.each<[string, Rule, unknown, TypedRow, Date, string[], string[], Readonly<Record<string, FieldType>>?]>([
    ['cmndRetired from 1/1/2025', vn.cmndRetired(), '012345678', {}, early('2025-01-01'), ['retired_cmnd'], []],
    ['provinceCurrent from 1/7/2025', vn.provinceCurrent(), '27', {}, early('2025-07-01'), ['retired_province_code'], []],
    ['noDistrictLevel from 1/7/2025', vn.noDistrictLevel(), '001', {}, early('2025-07-01'), ['retired_district_level'], []],
    ['landUseCodeCurrent from 1/8/2024', vn.landUseCodeCurrent(), 'BHK', {}, early('2024-08-01'), ['replaced_land_use_code'], []],
    ['mst accepts a personal ID from 1/7/2025', vn.mst(), '001089012345', {}, early('2025-07-01'), [], ['bad_format']],
    ['cccd: a birth year of this year is not in the future', vn.cccd(), '001327000000', {}, early('2027-01-01'), [], ['future_birth_year']],
    ['bhytBenefitLevel: the table in force today', vn.bhytBenefitLevel(), 'CN3010123456789', {}, early('2026-01-01'), ['benefit_level_mismatch'], []],
    ['cardNotExpired: a card valid through yesterday', vn.cardNotExpired({ status: 'status', validTo: 'valid_to' }), undefined, card,
      new Date('2026-03-15T01:00:00+07:00'), ['expired_card_active'], []],
    ['datesOrdered: a date field dated today is not after now', vn.datesOrdered(['registered_at', 'issued']), undefined, ordered,
      new Date('2026-03-15T01:00:00+07:00'), [], ['date_after_now'], { registered_at: 'date', issued: 'date' }],
    ['yearNotInFuture: this year in Vietnam', yearNotInFuture(), 2027, {}, early('2027-01-01'), [], ['future_year']],
  ])('%s', (_name, rule, value, record, now, inVietnam, inUtc, types) => {
    expect(check(rule, value, record, now, 'Asia/Ho_Chi_Minh', types)).toEqual(inVietnam);
    expect(check(rule, value, record, now, 'UTC', types)).toEqual(inUtc);
  });

  it('province names the list in force today', () => {
    const scheme = (zone: string) => {
      const r = vn.province().check('99', contextOf({}, early('2025-07-01'), {}, zone));
      return (r as Finding).params?.scheme;
    };
    expect([scheme('Asia/Ho_Chi_Minh'), scheme('UTC')]).toEqual(['2025-07-01', '2008-08-01']);
  });

  it('datesOrdered keeps comparing instants (datetime fields) with now', () => {
    const rule = vn.datesOrdered(['a', 'b']);
    const row = { a: new Date('2026-03-14T17:00:00Z'), b: new Date('2026-03-14T18:30:00Z') }; // b: 01:30 in Vietnam
    const now = new Date('2026-03-15T01:00:00+07:00');
    expect(check(rule, undefined, row, now, 'Asia/Ho_Chi_Minh', { a: 'datetime', b: 'datetime' })).toEqual(['date_after_now']);
  });
});
