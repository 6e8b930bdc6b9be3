import { valueRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { tableAt } from '../tables/dated.js';
import {
  LAND_USE_CODES_2013, LAND_USE_CODES_2024, landUseCodeTables, parcelCodes, type LandUseCodeTable,
} from '../tables/land-use-codes.js';

export interface LandUseCodeOptions extends RuleOptions {
  /** The code scheme: `'2024'` (TT 08/2024, default) or `'2013'` (TT 27/2018). */
  readonly scheme?: '2013' | '2024';
  /**
   * A date field of the row that selects the scheme in force on that day (e.g. `gcn_issue_date`); rows where it is
   * missing use `scheme`, dates before the first scheme use the first.
   */
  readonly dateField?: string;
  /** Trust the code list: unknown and group codes are `error`s. Default false: they are `warning`s. */
  readonly strict?: boolean;
  /** Replace the shipped tables (dated, selected by `dateField` or by `scheme` = their `version`). */
  readonly tables?: readonly LandUseCodeTable[];
}

const messages: MessageTable = {
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
 * unless `strict`. Codes of the previous scheme that the current one replaced (BHK, LUN…) are **not** reported here:
 * they are real codes gone out of date, which `landUseCodeCurrent` reports as live. Codes are compared exactly
 * (upper case, no spaces). Non-text values fail as unknown.
 * @example field.text().use(vn.landUseCode({ scheme: '2024', strict: true })) // "NNP" → group_land_use_code
 */
export function landUseCode(options: LandUseCodeOptions = {}): ValueRule {
  const tables = options.tables ?? landUseCodeTables;
  const scheme = options.scheme ?? '2024';
  const fixed = tables.find((t) => t.version === scheme) ?? (scheme === '2013' ? LAND_USE_CODES_2013 : LAND_USE_CODES_2024);
  const { dateField } = options;
  const earliest = [...tables].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))[0] ?? fixed;
  const earliestStart = new Date(`${earliest.validFrom}T00:00:00Z`);
  return valueRule({
    name: 'landUseCode', criterion: 'correct', code: 'unknown_land_use_code', messages,
    params: { scheme: dateField === undefined ? scheme : `by ${dateField}`, strict: options.strict === true },
  }, (v, ctx) => {
    const when = dateField === undefined ? undefined : ctx.record[dateField];
    const table = when instanceof Date ? tableAt(tables, when) ?? (when < earliestStart ? earliest : fixed) : fixed;
    const code = typeof v === 'string' ? v : String(v);
    if (parcelCodes(table).has(code) || Object.hasOwn(table.entries.replaced, code)) return undefined;
    const params = { scheme: table.version };
    if (table.entries.groups.includes(code)) return { code: 'group_land_use_code', params };
    return { code: 'unknown_land_use_code', params };
  }, { severity: options.strict === true ? 'error' : 'warning', ...options });
}
