import { valueRule } from '../../../src/core/rule-base.js';
import type { Finding, RuleOptions, ValueRule } from '../../../src/core/types.js';
import { splitEmail } from './email.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

const MESSAGES = {
  uppercase_email_domain: {
    en: '{field}: "{value}" has capitals in its domain; the standard form is lower case',
    vi: '{field}: "{value}" có chữ hoa trong tên miền; dạng chuẩn là chữ thường',
  },
};

/**
 * An e-mail address's domain is written in lower case (DOMAIN-VN §8; domains are case-insensitive, so capitals are a
 * non-standard form): `Info@CongTy.VN` → `uppercase_email_domain`, with the address with its domain in lower case as
 * suggestion (the local part is kept: only its owner's server may read it case-insensitively). Values that are not
 * e-mail addresses pass (`email()` reports them). Missing values never reach the rule. Criterion clean, severity
 * warning.
 * @example field.text().use(vn.email(), vn.emailDomainLowercase()) // "info@CongTy.vn" → suggestion "info@congty.vn"
 */
export function emailDomainLowercase(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'emailDomainLowercase', criterion: 'clean', code: 'uppercase_email_domain', messages: MESSAGES },
    (value): Finding | undefined => {
      const parts = typeof value === 'string' ? splitEmail(stripSpaces(value)) : undefined;
      if (parts === undefined) return undefined;
      const lower = parts.domain.toLowerCase();
      return lower === parts.domain ? undefined : { code: 'uppercase_email_domain', suggestion: `${parts.local}@${lower}` };
    }, { severity: 'warning', ...options });
}
