import { valueRule } from '../../../src/core/rule-base.js';
import type { Finding, RuleOptions, ValueRule } from '../../../src/core/types.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

const MESSAGES = {
  invalid_email: {
    en: '{field}: "{value}" is not an e-mail address (name@domain.tld)',
    vi: '{field}: "{value}" không phải địa chỉ thư điện tử (ten@ten-mien.vn)',
  },
};

// RFC 5322 dot-atom, simplified as DOMAIN-VN §8 asks: atoms separated by single dots (no quoted local parts, no
// comments, no IP-literal domains). Each piece is matched on its own, so nothing can backtrack.
const ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TLD = /^[A-Za-z]{2,63}$/;

/**
 * The address's parts when it is an e-mail address in the simplified RFC 5322 form (`local@domain.tld`: dot-atoms,
 * a domain of at least two labels of letters, digits and inner hyphens, a top-level domain of letters; at most 64
 * characters before the `@` and 254 in all); else `undefined`. Case is kept.
 * @example splitEmail('info@congty.vn') // { local: 'info', domain: 'congty.vn' }
 */
export function splitEmail(text: string): { readonly local: string; readonly domain: string } | undefined {
  const at = text.indexOf('@');
  if (at <= 0 || at !== text.lastIndexOf('@') || text.length > 254 || at > 64) return undefined;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (!local.split('.').every((a) => ATOM.test(a))) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(labels[labels.length - 1] as string)) return undefined;
  return { local, domain };
}

/**
 * The value is an e-mail address in the simplified RFC 5322 form of `splitEmail` (DOMAIN-VN §8): one `@`, a local
 * part of dot-separated atoms, a domain with a top-level domain of letters. Surrounding whitespace is ignored
 * (`trimmed` reports it); the case of the domain is `emailDomainLowercase`'s concern. Missing values never reach the
 * rule; a value that is not text is `invalid_email`. Code `invalid_email`, criterion correct.
 * @example field.text().use(vn.email()) // "info@congty.vn" passes; "info@congty", "a@@b.vn" → invalid_email
 */
export function email(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'email', criterion: 'correct', code: 'invalid_email', messages: MESSAGES },
    (value): Finding | undefined => (typeof value === 'string' && splitEmail(stripSpaces(value)) !== undefined
      ? undefined : { code: 'invalid_email' }), options);
}
