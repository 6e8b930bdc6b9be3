import { valueRule } from '../../../src/core/rule-base.js';
import type { TypedRow, ValueRule } from '../../../src/core/types.js';
import { warnOnlyOptions } from '../_warn-only.js';
import { judgeLandUseCode, landUseScheme } from './_land-use-scheme.js';
import { LAND_USE_CODE_MESSAGES, schemeParam, type LandUseCodeOptions } from './land-use-code.js';

/**
 * The companion of a strict `landUseCode` for rows judged by an unverified table (the shipped 2013 scheme, marked
 * `warnOnly`) or dated before every scheme: the same codes (`unknown_land_use_code`, `group_land_use_code`), as
 * warnings, and only on those rows (others are not counted). Takes `landUseCode`'s options (`strict` aside); a
 * `severity: 'error'` is refused, since DOMAIN-VN makes such findings warnings. Criterion correct.
 * @example field.text().use(vn.landUseCode({ dateField: 'gcn_issue_date', strict: true }), vn.landUseCodeProvisional({ dateField: 'gcn_issue_date' })) // "XYZ" on a 2019 certificate → unknown_land_use_code (warning)
 */
export function landUseCodeProvisional(options: Omit<LandUseCodeOptions, 'strict'> = {}): ValueRule {
  const schemeOf = landUseScheme(options);
  const user = options.when;
  return valueRule({
    name: 'landUseCodeProvisional', criterion: 'correct', code: 'unknown_land_use_code', messages: LAND_USE_CODE_MESSAGES,
    params: { scheme: schemeParam(options) }, options: { scheme: true, dateField: true, tables: true },
    quotingParams: [],
  }, (v, ctx) => judgeLandUseCode(schemeOf(ctx.record).table, v), {
    ...warnOnlyOptions('landUseCodeProvisional', 'the unverified 2013 land-use code table', options),
    when: (row: TypedRow) => schemeOf(row).provisional && (user === undefined || user(row)),
  });
}
