import { valueRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { checkDatedTables, type DatedTable } from '../tables/dated.js';
import { provinceTables, type Province } from '../tables/provinces.js';
import { codeText, standing } from './_codes.js';

/** A province with, in a list that followed a merger, the codes it absorbed. */
type MergedProvince = Province & { readonly mergedFrom?: readonly string[] };

export interface ProvinceCurrentOptions extends RuleOptions {
  /** Replace the shipped dated province lists (entries may carry `mergedFrom`, the codes they absorbed). */
  readonly tables?: readonly DatedTable<readonly MergedProvince[]>[];
}

const messages: MessageTable = {
  retired_province_code: {
    en: '{field}: province code "{value}" ({name}) is no longer used since {since}; the province is now {replacement} {newName}',
    vi: '{field}: mã tỉnh "{value}" ({name}) không còn sử dụng từ ngày {since}; nay thuộc {newName} (mã {replacement})',
  },
};

/**
 * Data describing the present uses current province codes (live, DOMAIN-VN §1, §3): a code that is not in the list in
 * force on the run's date (`ctx.today`, the date of `now` in the run's time zone) but was in an earlier list (after 1/7/2025: the 29 codes retired by NQ 202/2025/QH15, such
 * as `27` Bắc Ninh, merged into `24`) → `retired_province_code`, with the code of the province that absorbed it as
 * suggestion (never applied). A reused code (`24`) cannot be told apart and passes; unknown codes pass (`province`
 * reports them); before 1/7/2025 every 2008 code is current.
 * @example field.text().use(vn.provinceCurrent()) // "27" at now = 2026 → retired_province_code, suggestion "24"
 */
export function provinceCurrent(options: ProvinceCurrentOptions = {}): ValueRule {
  checkDatedTables('provinceCurrent', options.tables);
  const tables: readonly DatedTable<readonly MergedProvince[]>[] = options.tables ?? provinceTables;
  return valueRule({ options: { tables: true }, name: 'provinceCurrent', criterion: 'live', code: 'retired_province_code', messages,
    quotingParams: [] }, (v, ctx) => {
    const text = codeText(v);
    if (text === undefined) return undefined;
    const s = standing(tables, text, ctx.today);
    if (s.current !== undefined || s.retired === undefined || s.now === undefined) return undefined;
    const old = s.retired.entries.find((p) => p.code === text);
    const next = s.now.entries.find((p) => p.mergedFrom?.includes(text) === true);
    return {
      code: 'retired_province_code', ...(next === undefined ? {} : { suggestion: next.code }),
      params: { name: old?.name ?? '', since: s.now.validFrom, replacement: next?.code ?? '?', newName: next?.name ?? '?' },
    };
  }, options);
}
