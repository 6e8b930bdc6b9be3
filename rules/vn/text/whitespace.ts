import { valueRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { Finding, RuleOptions, ValueRule } from '../../../src/core/types.js';
import { ODD_SPACE, textFacts } from '../../clean/_text-facts.js';

export interface WhitespaceOptions extends RuleOptions {
  /** The field may hold several lines (addresses, notes): line breaks are allowed. Default false. */
  readonly multiline?: boolean;
}

type Kind = 'non_breaking_space' | 'unusual_space' | 'zero_width_character' | 'byte_order_mark' | 'tab_character' |
  'line_break' | 'doubled_space';

/** The kind of a whitespace-like character, or undefined for ordinary text (an ASCII space is ordinary). */
function kindOf(c: number, at: number, multiline: boolean): Kind | undefined {
  if (c === 0xa0 || c === 0x202f || c === 0x2007) return 'non_breaking_space';
  if ((c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x205f || c === 0x3000) return 'unusual_space';
  if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xad) return 'zero_width_character';
  if (c === 0xfeff) return at === 0 ? 'byte_order_mark' : 'zero_width_character';
  if (c === 0x09) return 'tab_character';
  if (c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029) {
    return multiline && (c === 0x0a || c === 0x0d) ? undefined : 'line_break';
  }
  return undefined;
}

/**
 * No finding is possible: no character has a kind and no two spaces follow each other. Checked without building the
 * suggestion, since nearly every value is clean; only characters below U+0020, U+0085–U+00AD, U+1680 and from
 * U+2000 can have a kind (so Vietnamese letters, U+1EA0–U+1EF9, are not looked at twice).
 */
function plain(v: string, multiline: boolean): boolean {
  let previous = -1;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x20) {
      if (previous === 0x20) return false;
    } else if ((c < 0x20 || (c >= 0x85 && c <= 0xad) || c === 0x1680 || c >= 0x2000) && kindOf(c, i, multiline) !== undefined) {
      return false;
    }
    previous = c;
  }
  return true;
}

const messages: MessageTable = {
  non_breaking_space: {
    en: '{field}: the value contains a no-break space (U+00A0 or similar) instead of a normal space',
    vi: '{field}: giá trị chứa dấu cách không ngắt dòng (U+00A0 hoặc tương tự) thay cho dấu cách thường',
  },
  unusual_space: {
    en: '{field}: the value contains a typographic or full-width space instead of a normal space',
    vi: '{field}: giá trị chứa dấu cách đặc biệt (khoảng trắng định dạng hoặc toàn độ rộng) thay cho dấu cách thường',
  },
  zero_width_character: {
    en: '{field}: the value contains an invisible zero-width character (or soft hyphen)',
    vi: '{field}: giá trị chứa ký tự vô hình có độ rộng bằng 0 (hoặc dấu gạch nối mềm)',
  },
  byte_order_mark: {
    en: '{field}: the value starts with a byte order mark (BOM, U+FEFF)',
    vi: '{field}: giá trị bắt đầu bằng ký tự đánh dấu thứ tự byte (BOM, U+FEFF)',
  },
  tab_character: {
    en: '{field}: the value contains a tab character',
    vi: '{field}: giá trị chứa ký tự tab',
  },
  line_break: {
    en: '{field}: a single-line value contains a line break',
    vi: '{field}: giá trị trên một dòng lại chứa ký tự xuống dòng',
  },
  doubled_space: {
    en: '{field}: the value contains two or more spaces in a row',
    vi: '{field}: giá trị chứa hai dấu cách liền nhau trở lên',
  },
};

/** Every finding of this rule carries the same cleaned text, a fix of kind `whitespace`. */
const FIXES = { non_breaking_space: 'whitespace', unusual_space: 'whitespace', zero_width_character: 'whitespace',
  byte_order_mark: 'whitespace', tab_character: 'whitespace', line_break: 'whitespace', doubled_space: 'whitespace' } as const;

/**
 * Text holds only ordinary spaces, one at a time (clean, DOMAIN-VN §6): a no-break space, a typographic or full-width
 * space, a zero-width character or soft hyphen, a byte order mark, a tab, a line break (unless `multiline`: then LF
 * and CR are allowed) or two spaces in a row each give one finding (one per kind, not per character). Every finding
 * carries the same suggestion: odd spaces, tabs and line breaks become one space, invisible characters go, runs of
 * spaces shrink to one; never applied. Leading and trailing whitespace is `trimmed`'s concern, not this rule's.
 * @example field.text().use(vn.whitespace()) // "Hà\u00a0Nội" → non_breaking_space, suggestion "Hà Nội"
 */
export function whitespace(options: WhitespaceOptions = {}): ValueRule {
  const multiline = options.multiline === true;
  return valueRule({ options: { multiline: true }, name: 'whitespace', criterion: 'clean', code: 'doubled_space', messages, params: { multiline },
    fixes: FIXES }, (v) => {
    if (typeof v !== 'string' || (textFacts(v) & ODD_SPACE) === 0 || plain(v, multiline)) return undefined;
    const kinds = new Set<Kind>();
    let clean = '';
    let previous = -1;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c > 0x20 && c < 0x7f) {
        clean += v[i];
        previous = c;
        continue;
      }
      const kind = kindOf(c, i, multiline);
      if (kind !== undefined) kinds.add(kind);
      if (kind === 'zero_width_character' || kind === 'byte_order_mark') continue;
      const space = kind !== undefined || c === 0x20;
      if (space && c === 0x20 && previous === 0x20) kinds.add('doubled_space');
      if (space && previous === 0x20) continue;
      clean += space ? ' ' : v[i];
      previous = space ? 0x20 : c;
    }
    if (kinds.size === 0) return undefined;
    return [...kinds].map((code): Finding => ({ code, suggestion: clean }));
  }, options);
}
