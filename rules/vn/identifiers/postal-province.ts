import { valueRule } from '../../../src/core/rule-base.js';
import type { Finding, RuleOptions, ValueRule } from '../../../src/core/types.js';
import type { DatedTable } from '../tables/dated.js';
import { PROVINCES_2025 } from '../tables/provinces.js';
import { POSTAL_PREFIXES_2018, type PostalPrefixTable } from './postal-prefixes.js';
import { identifierText, isDigits } from './_text.js';
import { warnOnlyOptions } from '../_warn-only.js';

export interface PostalProvinceOptions extends RuleOptions {
  /** Prefix table (default `POSTAL_PREFIXES_2018`, unverified: `warnOnly`). */
  readonly table?: DatedTable<PostalPrefixTable>;
  /** A field holding the record's 2-digit province code (2008 or 2025 scheme) that the prefix must agree with. */
  readonly provinceField?: string;
}

const MESSAGES = {
  unknown_postal_prefix: {
    en: '{field}: "{value}" starts with {prefix}, which is not the postal prefix of any province',
    vi: '{field}: "{value}" bắt đầu bằng {prefix}, không phải đầu mã bưu chính của tỉnh nào',
  },
  postal_province_mismatch: {
    en: '{field}: "{value}" is a postal code of province {postalProvince}, but the record is in province {province}',
    vi: '{field}: "{value}" là mã bưu chính của tỉnh {postalProvince}, nhưng bản ghi thuộc tỉnh {province}',
  },
};

/** 2008 province code → the 2025 province that absorbed it. */
const MERGED_INTO: ReadonlyMap<string, string> = new Map(
  PROVINCES_2025.entries.flatMap((p) => p.mergedFrom.map((old) => [old, p.code] as const)));

/**
 * The first two digits of a 5-digit postal code are a province's prefix (DOMAIN-VN §2.7, warning only); with
 * `provinceField`, that province is the record's (its 2008 code, or the 2025 province it merged into). Values that
 * are not 5 digits pass (see `postalCode()`), as do rows whose province field is empty. Missing values never reach
 * the rule. Codes: `unknown_postal_prefix`, `postal_province_mismatch`. Criterion correct, severity warning; with
 * the shipped (`warnOnly`) table `severity: 'error'` is refused, with a verified table of your own it is allowed.
 * @example field.text().use(postalProvince({ provinceField: 'province_code' })) // "10000" with province "79" → postal_province_mismatch
 */
export function postalProvince(options: PostalProvinceOptions = {}): ValueRule {
  const table = options.table ?? POSTAL_PREFIXES_2018;
  const field = options.provinceField;
  return valueRule({ options: { table: true, provinceField: true }, name: 'postalProvince', criterion: 'correct', params: { table: table.version }, messages: MESSAGES,
    quotingParams: ['prefix', 'province'] },
    (value, ctx): Finding | undefined => {
      const text = identifierText(value);
      if (text === undefined || text.length !== 5 || !isDigits(text)) return undefined;
      const prefix = text.slice(0, 2);
      const postalProvince = table.entries.get(prefix);
      if (postalProvince === undefined) return { code: 'unknown_postal_prefix', params: { prefix } };
      const province = field === undefined ? undefined : identifierText(ctx.record[field]);
      if (province === undefined || province === '') return undefined;
      if (province === postalProvince || province === MERGED_INTO.get(postalProvince)) return undefined;
      return { code: 'postal_province_mismatch', params: { postalProvince, province } };
    }, table.warnOnly === true ? warnOnlyOptions('postalProvince', 'the unverified postal prefix table', options)
      : { severity: 'warning', ...options });
}
