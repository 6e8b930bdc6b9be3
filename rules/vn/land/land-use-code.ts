import { valueRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RuleOptions, TypedRow, ValueRule } from '../../../src/core/types.js';
import type { LandUseCodeTable } from '../tables/land-use-codes.js';
import { judgeLandUseCode, landUseScheme } from './_land-use-scheme.js';

export interface LandUseCodeOptions extends RuleOptions {
  /** The code scheme: `'2024'` (TT 08/2024, default) or `'2013'` (TT 27/2018). */
  readonly scheme?: '2013' | '2024';
  /**
   * A date field of the row that selects the scheme in force on that day (e.g. `gcn_issue_date`); rows where it is
   * missing use `scheme`, dates before the first scheme use the first.
   */
  readonly dateField?: string;
  /**
   * Trust the code list: unknown and group codes are `error`s. Default false: they are `warning`s. Rows judged by
   * an unverified table are then left to `landUseCodeProvisional`.
   */
  readonly strict?: boolean;
  /** Replace the shipped tables (dated, selected by `dateField` or by `scheme` = their `version`). */
  readonly tables?: readonly LandUseCodeTable[];
}

/** The messages of `landUseCode` and `landUseCodeProvisional`. */
export const LAND_USE_CODE_MESSAGES: MessageTable = {
  unknown_land_use_code: {
    en: '{field}: "{value}" is not a land-use type code of scheme {scheme}',
    vi: '{field}: "{value}" không phải là mã loại đất theo hệ thống mã {scheme}',
  },
  group_land_use_code: {
    en: '{field}: "{value}" is a group code (an aggregate in statistics), not a parcel\'s land-use type',
    vi: '{field}: "{value}" là mã nhóm đất (chỉ dùng khi thống kê), không phải mã loại đất của một thửa',
  },
};

/**
 * The value is a land-use type code a parcel can have (DOMAIN-VN §4.1): one of the scheme's agricultural,
 * non-agricultural or unused-land codes. Group codes (NNP, PNN, LUA…) are reported as `group_land_use_code`, anything
 * else as `unknown_land_use_code`. The lists are marked "verify before freezing", so the rule's severity is `warning`
 * unless `strict`. A finding never rests on an unverified table as an error: under `strict` (or `severity: 'error'`)
 * rows judged by the unverified 2013 table (`warnOnly`), or dated before every scheme, are not this rule's — pair it
 * with `landUseCodeProvisional` (warnings) for them. Codes of the previous scheme that the current one replaced (BHK,
 * LUN…) are **not** reported here: they are real codes gone out of date, which `landUseCodeCurrent` reports as live.
 * Codes are compared exactly (upper case, no inner spaces), without their surrounding whitespace (what
 * `stripSpaces` removes, as `cccd` ignores it): `"LUC "` passes here and is `trimmed`'s clean finding. Non-text
 * values fail as unknown.
 * @example field.text().use(vn.landUseCode({ scheme: '2024', strict: true })) // "NNP" → group_land_use_code
 * @example field.text().use(vn.landUseCode({ dateField: 'gcn_issue_date', strict: true }), vn.landUseCodeProvisional({ dateField: 'gcn_issue_date' }))
 */
export function landUseCode(options: LandUseCodeOptions = {}): ValueRule {
  const schemeOf = landUseScheme(options);
  const severity = options.severity ?? (options.strict === true ? 'error' : 'warning');
  const user = options.when;
  // An error never rests on an unverified table: those rows are landUseCodeProvisional's (warning).
  const when = severity !== 'error' ? user : (row: TypedRow) => !schemeOf(row).provisional && (user === undefined || user(row));
  return valueRule({
    options: { scheme: true, dateField: true, strict: true, tables: true }, name: 'landUseCode', criterion: 'correct', code: 'unknown_land_use_code', messages: LAND_USE_CODE_MESSAGES,
    params: { scheme: schemeParam(options), strict: options.strict === true }, quotingParams: [],
  }, (v, ctx) => judgeLandUseCode(schemeOf(ctx.record).table, v),
  { ...options, severity, ...(when === undefined ? {} : { when }) });
}

/** The scheme as the rule's params show it. */
export function schemeParam(options: LandUseCodeOptions): string {
  return options.dateField === undefined ? options.scheme ?? '2024' : `by ${options.dateField}`;
}
