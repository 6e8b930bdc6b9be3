import { valueRule } from '../../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { identifierText, isDigits } from './_text.js';

/** The last day a 9-digit CMND was valid (Luật Căn cước 2023, Điều 46). */
export const CMND_VALID_UNTIL = '2024-12-31';

const MESSAGES = {
  retired_cmnd: {
    en: '{field}: "{value}" is a 9-digit CMND, no longer valid after {validUntil}; the record needs the 12-digit personal ID',
    vi: '{field}: "{value}" là số CMND 9 chữ số, hết giá trị sử dụng sau ngày {validUntil}; cần cập nhật số định danh cá nhân 12 chữ số',
  },
};

/**
 * A record describing the present is not identified by a legacy 9-digit CMND: from 1/1/2025 (`ctx.today`, the run's
 * date) a 9-digit value is `retired_cmnd` (DOMAIN-VN §2.2), a live violation rather than a correctness one. Values
 * of other shapes pass (their format is `cccd()`/`cmnd()`'s business), as does every value when the run's date is
 * on or before 31/12/2024. Missing values never reach the rule. Code: `retired_cmnd`. Criterion live.
 * @example field.text().use(cccd({ acceptCmnd: true }), cmndRetired()) // "012345678" → retired_cmnd (live)
 */
export function cmndRetired(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'cmndRetired', criterion: 'live', params: { validUntil: CMND_VALID_UNTIL }, messages: MESSAGES },
    (value, ctx) => {
      const text = identifierText(value);
      if (text === undefined || text.length !== 9 || !isDigits(text)) return undefined;
      if (ctx.today.toISOString().slice(0, 10) <= CMND_VALID_UNTIL) return undefined;
      return { code: 'retired_cmnd' };
    }, options);
}
