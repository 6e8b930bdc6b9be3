import type * as Phones from 'libphonenumber-js/max';
import type * as PhoneCore from 'libphonenumber-js/core';
import { lazyRequire } from '../../../src/core/lazy-require.js';
import { valueRule } from '../../../src/core/rule-base.js';
import type { Finding, RuleOptions, ValueRule } from '../../../src/core/types.js';
import { STRUCTURE_MESSAGES } from './_messages.js';
import { identifierText, isDigits } from './_text.js';
import { decidingPrefix } from './_prefix-length.js';

// The numbering metadata (~80 ms to load) is read when the first phone number is checked (see lazyRequire).
const phones = lazyRequire<typeof Phones>('libphonenumber-js/max');
const phoneCore = lazyRequire<typeof PhoneCore>('libphonenumber-js/core');
const phoneMetadata = lazyRequire<PhoneCore.MetadataJson>('libphonenumber-js/max/metadata');

/**
 * Legacy 11-digit mobile prefixes and their 10-digit replacements (MIC renumbering, 2018; DOMAIN-VN §2.6).
 * @example LEGACY_MOBILE_PREFIXES.get('0162') // '032'
 */
export const LEGACY_MOBILE_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['0162', '032'], ['0163', '033'], ['0164', '034'], ['0165', '035'], ['0166', '036'], ['0167', '037'],
  ['0168', '038'], ['0169', '039'], ['0120', '070'], ['0121', '079'], ['0122', '077'], ['0126', '076'],
  ['0128', '078'], ['0123', '083'], ['0124', '084'], ['0125', '085'], ['0127', '081'], ['0129', '082'],
  ['0186', '056'], ['0188', '058'], ['0199', '059'],
]);

/**
 * A phone number in national form: spaces, dots, dashes and parentheses stripped, `+84`/`0084`/`84` → `0`. Service
 * numbers (1800 toll-free, 1900 premium-rate hotlines) are dialled without a trunk zero, so theirs is dropped:
 * `+84 1900 1234` and `019001234` → `19001234`. Other text is kept, so the result may still be invalid.
 * @example normalizePhone('+84 912.345.678') // '0912345678'
 * @example normalizePhone('1900 54 54 54') // '1900545454'
 */
export function normalizePhone(text: string): string {
  // Most values are bare digits (maybe with "+"): nothing to strip, so skip the per-character tests.
  let s = text;
  if (!digitsOrPlus(text)) {
    s = '';
    for (const ch of text) if (!STRIP.has(ch) && !SPACE.test(ch)) s += ch;
  }
  let national: string | undefined;
  if (s.startsWith('+84')) national = s.slice(3);
  else if (s.startsWith('0084')) national = s.slice(4);
  else if (s.startsWith('84') && s.length >= 11 && isDigits(s)) national = s.slice(2);
  if (national === undefined) return s.startsWith('01') && isServiceNumber(s.slice(1)) ? s.slice(1) : s;
  if (isServiceNumber(national)) return national;
  if (!national.startsWith('0')) return `0${national}`;
  return isServiceNumber(national.slice(1)) ? national.slice(1) : national;
}

/**
 * The toll-free and premium-rate ranges of the numbering metadata (libphonenumber-js, VN): 1800 and 1900 followed
 * by 4 to 6 digits, and the toll-free 1201, 1203 and 1228 followed by 4. Written out, because `normalizePhone` and
 * `canonical.phone` run on every row of a key column and need no parse; a test holds it equal to the metadata.
 */
const SERVICE_NUMBER = /^(?:1[89]00\d{4,6}|12(?:0[13]|28)\d{4})$/;

/**
 * The text (national form, no trunk zero) is a service number — a 1800 toll-free or 1900 premium-rate hotline, or
 * another toll-free range — which is dialled as written, never with a leading 0.
 * @example isServiceNumber('19001234') // true
 * @example isServiceNumber('0912345678') // false
 */
export function isServiceNumber(national: string): boolean {
  return SERVICE_NUMBER.test(national);
}

const SPACE = /\s/u;

function digitsOrPlus(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 48 || c > 57) && c !== 43) return false;
  }
  return true;
}

const STRIP = new Set(['.', '-', '(', ')', '\u2010', '\u2011', '\u2013']);

/**
 * The current 10-digit form of a legacy 11-digit mobile number (national form), or `undefined` when the number has
 * no legacy prefix.
 * @example modernMobile('01621234567') // '0321234567'
 */
export function modernMobile(national: string): string | undefined {
  if (national.length !== 11 || !isDigits(national)) return undefined;
  const to = LEGACY_MOBILE_PREFIXES.get(national.slice(0, 4));
  return to === undefined ? undefined : to + national.slice(4);
}

/** DOMAIN-VN §2.6: the practical mobile pattern and 11-digit landlines starting 02. */
const DOMAIN_MOBILE = /^0(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$/;
const DOMAIN_LANDLINE = /^02\d{9}$/;

/**
 * What a Vietnamese number is, by the maintained numbering metadata of libphonenumber-js. `hotline`: a service
 * number (1800 toll-free, 1900 premium-rate), an enterprise's or agency's line, never a person's.
 */
export type PhoneKind = 'mobile' | 'landline' | 'mobile_or_landline' | 'hotline' | 'other';

/**
 * The kind of a valid Vietnamese number in national form (`0…`, or a service number as dialled, `1900…`), or
 * `undefined` when it is not a valid number.
 * @example phoneKind('0912345678') // 'mobile'
 * @example phoneKind('19001234') // 'hotline'
 */
export function phoneKind(national: string): PhoneKind | undefined {
  if (isServiceNumber(national)) return 'hotline';
  if (!national.startsWith('0') || !isDigits(national)) return undefined;
  // A subscriber number's kind depends only on its first digits and its length (see `decidingLength`): remembered
  // per prefix and length. Numbers from 00 on are international (the IDD prefix), typed whole.
  const length = decidingLength();
  if (length === undefined || national.charCodeAt(1) === 48) return typedKind(national);
  const key = `${national.length}:${national.slice(0, length)}`;
  let kind = kinds.get(key);
  if (kind === undefined && !kinds.has(key)) {
    kind = typedKind(national);
    if (kinds.size >= 4096) kinds.clear();
    kinds.set(key, kind);
  }
  return kind;
}

const kinds = new Map<string, PhoneKind | undefined>();

/** {@link phoneKind} of a national number (`0` and digits), from the library, for every number on its own. */
export function typedKind(national: string): PhoneKind | undefined {
  const n = phones().parsePhoneNumberFromString(national, 'VN');
  // With the "max" metadata (types included) `isValid()` is exactly "`getType()` is defined": ask once, since each
  // runs the type patterns again.
  const t = n === undefined || n.country !== 'VN' ? undefined : n.getType();
  if (t === undefined) {
    // The library's metadata is stricter than DOMAIN-VN §2.6 in places (it rejects some 089x/052x ranges); a number
    // the domain's own patterns accept must not be flagged, since agencies act on every finding.
    if (DOMAIN_MOBILE.test(national)) return 'mobile';
    if (DOMAIN_LANDLINE.test(national)) return 'landline';
    return undefined;
  }
  if (t === 'TOLL_FREE' || t === 'PREMIUM_RATE') return 'hotline';
  return t === 'MOBILE' ? 'mobile' : t === 'FIXED_LINE' ? 'landline' : t === 'FIXED_LINE_OR_MOBILE' ? 'mobile_or_landline' : 'other';
}

/**
 * How many leading characters of a national number (its trunk 0 and the digits after) decide its kind with its
 * length, or `undefined` to type each number whole. Why: libphonenumber-js builds every pattern's RegExp again for
 * each number it parses and types (~10 µs a number: a phone column took 2/3 of an insurance run). Vietnam's
 * numbering patterns are prefixes followed by "any digits" (`2(?:0[3-9]|…)\d{7}`), and so are this module's own
 * (`DOMAIN_MOBILE`, `DOMAIN_LANDLINE`): read from the installed metadata, not assumed, so that a later metadata whose
 * patterns say more about later digits gives a longer prefix, or (a form `decidingPrefix` does not read, a national
 * prefix other than a plain 0, a transform rule) no remembering at all.
 */
export function decidingLength(): number | undefined {
  if (deciding === null) deciding = readDecidingLength();
  return deciding;
}

/** What `decidingLength` reads of a numbering plan: methods the library has, though its types do not declare them. */
interface PlanPatterns {
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): unknown;
  IDDPrefix(): string;
  type(t: string): { pattern(): string } | undefined;
}

function readDecidingLength(): number | undefined {
  try {
    const metadata = new (phoneCore().Metadata)(phoneMetadata());
    metadata.selectNumberingPlan('VN');
    const plan = metadata.numberingPlan as unknown as PlanPatterns;
    const types = ['FIXED_LINE', 'MOBILE', 'TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];
    const patterns = [plan.nationalNumberPattern(), ...types.map((t) => plan.type(t)?.pattern() ?? '').filter((p) => p !== '')];
    const prefixes = patterns.map(decidingPrefix);
    if (plan.nationalPrefixForParsing() !== '0' || plan.nationalPrefixTransformRule() || plan.IDDPrefix() !== '00') return undefined;
    if (prefixes.some((p) => p === undefined)) return undefined;
    // + 1: the trunk 0 before the national significant number; at least 3, DOMAIN_MOBILE's prefix (0 and 2 digits).
    return Math.max(3, 1 + Math.max(...(prefixes as number[])));
  } catch {
    return undefined; // another shape of metadata (a later library): every number is typed whole, as before
  }
}

let deciding: number | undefined | null = null;

export interface PhoneOptions extends RuleOptions {
  /** Which numbers are accepted: `mobile`, `landline`, or `any` valid Vietnamese number (default). */
  readonly kind?: 'mobile' | 'landline' | 'any';
  /**
   * Accept service numbers (1800 toll-free, 1900 premium-rate hotlines), which enterprise and agency registers
   * hold. Default: true with `kind: 'any'`, false with `mobile`/`landline` (a subscriber's number was asked for).
   * `false` where a person's own number is required: a hotline is then `service_number_not_allowed`.
   */
  readonly hotlines?: boolean;
}

const MESSAGES = {
  leading_zero_lost: STRUCTURE_MESSAGES.leading_zero_lost,
  invalid_phone: {
    en: '{field}: "{value}" is not a valid Vietnamese phone number',
    vi: '{field}: "{value}" không phải số điện thoại Việt Nam hợp lệ',
  },
  not_mobile: {
    en: '{field}: "{value}" is not a mobile number',
    vi: '{field}: "{value}" không phải số điện thoại di động',
  },
  not_landline: {
    en: '{field}: "{value}" is not a landline number',
    vi: '{field}: "{value}" không phải số điện thoại cố định',
  },
  service_number_not_allowed: {
    en: '{field}: "{value}" is a service number (1800/1900 hotline), not a subscriber\'s own phone number',
    vi: '{field}: "{value}" là số dịch vụ (tổng đài 1800/1900), không phải số điện thoại của thuê bao',
  },
};

/**
 * The value is a valid Vietnamese phone number after `normalizePhone` (formatting is not judged here), by
 * libphonenumber-js's maintained metadata; `kind` restricts it to mobile or landline numbers. Service numbers (1800,
 * 1900 hotlines; `19001234`, `1900 54 54 54`) are dialled without a trunk zero and pass with `kind: 'any'`; with
 * `hotlines: false` (or a `mobile`/`landline` kind) they are `service_number_not_allowed`. A legacy 11-digit
 * mobile number passes when its current form is valid: renumbering is `phonePrefix`'s live finding, not an error.
 * Other digits without the trunk zero (a numeric column) are `leading_zero_lost` when the padded number is valid.
 * Missing values never reach the rule. Codes: `invalid_phone`, `not_mobile`, `not_landline`, `leading_zero_lost`,
 * `service_number_not_allowed`. Criterion correct.
 * @example field.text().use(phone({ kind: 'mobile' })) // "+84 912 345 678" passes; "0241234567" → invalid_phone
 * @example field.text().use(phone({ hotlines: false })) // "1900 1234" → service_number_not_allowed
 */
export function phone(options: PhoneOptions = {}): ValueRule {
  const kind = options.kind ?? 'any';
  const hotlines = options.hotlines ?? kind === 'any';
  const accepts = (k: PhoneKind): boolean => kind === 'any' || k === 'mobile_or_landline' ||
    (kind === 'mobile' ? k === 'mobile' : k === 'landline');
  return valueRule({ options: { kind: true, hotlines: true }, name: 'phone', criterion: 'correct', params: { kind, hotlines }, messages: MESSAGES,
    fixes: { leading_zero_lost: 'leading-zero' }, quotingParams: [] },
    (value): Finding | undefined => {
      const text = identifierText(value);
      if (text === undefined) return { code: 'invalid_phone' };
      const national = normalizePhone(text);
      // Before the lost-zero guess: a hotline has no trunk zero to lose, and "019001234" would corrupt it.
      if (isServiceNumber(national)) return hotlines ? undefined : { code: 'service_number_not_allowed' };
      if (isDigits(national) && !national.startsWith('0')) {
        const padded = `0${national}`;
        const k = phoneKind(modernMobile(padded) ?? padded);
        if (k !== undefined && accepts(k)) {
          return { code: 'leading_zero_lost', suggestion: padded, params: { length: national.length, expected: padded.length } };
        }
        return { code: 'invalid_phone' };
      }
      const k = phoneKind(modernMobile(national) ?? national);
      if (k === undefined) return { code: 'invalid_phone' };
      if (!accepts(k)) return { code: kind === 'mobile' ? 'not_mobile' : 'not_landline' };
      return undefined;
    }, options);
}
