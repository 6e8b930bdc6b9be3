import { valueRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { checkDatedTables, tableAt } from '../tables/dated.js';
import { landUseCodeTables, type LandUseCodeTable } from '../tables/land-use-codes.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

export interface LandUseCodeCurrentOptions extends RuleOptions {
  /** Replace the shipped dated tables. */
  readonly tables?: readonly LandUseCodeTable[];
}

const messages: MessageTable = {
  replaced_land_use_code: {
    en: '{field}: land-use code "{value}" no longer exists since {since} (scheme {scheme}); use {replacement}',
    vi: '{field}: mã loại đất "{value}" không còn sử dụng từ ngày {since} (hệ thống mã {scheme}); thay bằng {replacement}',
  },
};

/**
 * Current data uses current land-use codes (DOMAIN-VN §4.1, live): a code that the scheme in force on the run's date (`ctx.today`) replaced
 * (BHK, NHK → HNK; LUN → LUK; DDT, DDL → DDD under the 2024 scheme, in force from 1/8/2024) is reported as
 * `replaced_land_use_code` with the replacement as a suggestion (never applied). Before the new scheme's start the
 * old codes are current and pass. Unknown codes pass here: `landUseCode` reports them. Surrounding whitespace is
 * ignored (`stripSpaces`; `trimmed` reports it): `"BHK "` is reported as `BHK`.
 * @example field.text().use(vn.landUseCodeCurrent()) // "BHK" at now = 2026 → replaced_land_use_code, suggestion "HNK"
 */
export function landUseCodeCurrent(options: LandUseCodeCurrentOptions = {}): ValueRule {
  checkDatedTables('landUseCodeCurrent', options.tables);
  const tables = options.tables ?? landUseCodeTables;
  return valueRule({ options: { tables: true }, name: 'landUseCodeCurrent', criterion: 'live', code: 'replaced_land_use_code', messages,
    quotingParams: [] }, (v, ctx) => {
    const table = tableAt(tables, ctx.today);
    const code = typeof v === 'string' ? stripSpaces(v) : undefined;
    if (table === undefined || code === undefined || !Object.hasOwn(table.entries.replaced, code)) return undefined;
    const replacement = table.entries.replaced[code] as string;
    return {
      code: 'replaced_land_use_code', suggestion: replacement,
      params: { replacement, scheme: table.version, since: table.validFrom },
    };
  }, options);
}
