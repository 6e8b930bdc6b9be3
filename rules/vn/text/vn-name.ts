import { valueRule } from '../../../src/core/rule-base.js';
import { onlyLettersWith } from '../../clean/_text-facts.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { Finding, RuleOptions, ValueRule } from '../../../src/core/types.js';

export interface VnNameOptions extends RuleOptions {
  /**
   * Allow an apostrophe (`'` or the typographic `’`) between two letters, as Ê Đê and Gia Rai names of the Central
   * Highlands have it (`H'Hen Niê`, `Ksor H'Bơ`; DOMAIN-VN §6). Default true; `false` refuses it.
   */
  readonly allowApostrophe?: boolean;
  /** Allow a hyphen between two letters, as some ethnic-minority and foreign names have it. Default true. */
  readonly allowHyphen?: boolean;
}

/**
 * Common Vietnamese family names that are rarely a middle or given name (so not Văn, Mai, Thái, Kim…). An honorific
 * is reported only when one of these follows it, because "Ông" is itself a family name (Ông Ích Khiêm, Ông Văn Tùng).
 */
export const COMMON_FAMILY_NAMES: readonly string[] = [
  'nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'phan', 'vũ', 'võ', 'đặng', 'bùi', 'đỗ', 'hồ', 'ngô', 'dương',
  'lý', 'đinh', 'đoàn', 'trịnh', 'trương', 'lâm', 'phùng', 'tạ', 'cao', 'hà', 'lưu', 'quách', 'châu', 'tô',
  'lương', 'chu', 'kiều', 'từ', 'đào', 'tăng', 'vương', 'triệu', 'lại', 'mạc', 'tôn', 'nông', 'hứa', 'tống',
  'đàm', 'thân', 'khúc', 'lò', 'diệp', 'âu', 'lã', 'lữ',
];

const HONORIFICS = new Set(['ông', 'bà']);
const SURNAMES = new Set(COMMON_FAMILY_NAMES);
/** An honorific word, optionally followed by "." or ":", then the rest of the name. */
const LEADING_WORD = /^(\S+?)[.:]? +(\S+)/;

const messages: MessageTable = {
  name_has_digit: {
    en: '{field}: the name "{value}" contains a digit',
    vi: '{field}: họ tên "{value}" chứa chữ số',
  },
  name_has_symbol: {
    en: '{field}: the name "{value}" contains a character that is not a letter ({symbol})',
    vi: '{field}: họ tên "{value}" chứa ký tự không phải chữ cái ({symbol})',
  },
  name_has_honorific: {
    en: '{field}: the name "{value}" starts with the honorific "{honorific}", which is not part of the name',
    vi: '{field}: họ tên "{value}" bắt đầu bằng danh xưng "{honorific}", không thuộc họ tên',
  },
};

const fold = (s: string): string => s.normalize('NFC').toLowerCase();

const DIGIT = /\p{N}/u;
/** A letter or a combining mark, the only neighbours an apostrophe or hyphen may have inside a name. */
const NAME_LETTER = /[\p{L}\p{M}]/u;
/**
 * What is not a symbol of a name: a letter, a mark, and what `whitespace` reports (spaces of every kind and the
 * zero-width characters: U+200B–U+200D, U+2060, the soft hyphen), so that an invisible character left by a copy and
 * paste is one finding, `whitespace`'s, not also a "symbol" that the message shows as nothing, `()`.
 */
const LETTER = /[\p{L}\p{M}\s\u200b-\u200d\u2060\u00ad]/u;
/** Letters, marks and whitespace only (as `LETTER`): no digit and no symbol, whatever the options. */
const ONLY_LETTERS = /^[\p{L}\p{M}\s\u200b-\u200d\u2060\u00ad]*$/u;
/** `ONLY_LETTERS`, for a text with characters past the facts' table (see `onlyLettersWith`). */
const onlyLettersTest = (t: string): boolean => ONLY_LETTERS.test(t);

/**
 * Whether a name can start with "Ông"/"Bà" in some form: its first character is O/o/B/b (NFC composes an ASCII letter
 * only with marks on that letter), Ô/ô precomposed (no other character lower-cases or composes to "ô" or "b"), or
 * white space that `trimStart` removes (the test runs on the trimmed name). Others need no `LEADING_WORD` and no
 * folding of their words: names starting with Đ (Đặng, Đỗ, Đinh…) ran both on every row before.
 */
function mayStartWithHonorific(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c < 0x80) return c === 0x4f || c === 0x6f || c === 0x42 || c === 0x62 || c <= 0x20;
  return c === 0xd4 || c === 0xf4 || LEADING_SPACE.test(v);
}

const LEADING_SPACE = /^\s/;

/** The character at `i` has a letter (or mark) on both sides: inside a name, not at its edge or beside a space. */
function betweenLetters(chars: readonly string[], i: number): boolean {
  const before = chars[i - 1];
  const after = chars[i + 1];
  return before !== undefined && after !== undefined && NAME_LETTER.test(before) && NAME_LETTER.test(after);
}

/**
 * Whether a leading word is "Ông"/"Bà" in any case or form. The leading word of a name is nearly always a family name,
 * a few hundred distinct words: remember the answer instead of normalising each row (bounded for odd data).
 */
const honorificCache = new Map<string, boolean>();
function isHonorific(word: string): boolean {
  // "Ông"/"Bà" are short in any form; longer words (which could be slices of the input) are neither asked nor kept.
  if (word.length > 8) return HONORIFICS.has(fold(word));
  let yes = honorificCache.get(word);
  if (yes === undefined) {
    yes = HONORIFICS.has(fold(word));
    if (honorificCache.size >= 4096) honorificCache.clear();
    honorificCache.set(word, yes);
  }
  return yes;
}

/**
 * A personal name has the shape of a name (clean, DOMAIN-VN §6): letters (any script, with their marks) separated by
 * single spaces; an apostrophe (`'`, `’`) or hyphen between two letters is part of the name (`H'Hen Niê`, `Ksor
 * H'Bơ`) unless `allowApostrophe`/`allowHyphen` is false. Findings, one per kind: a digit → `name_has_digit`;
 * another character (`.`, `,`, `(`, `/`; an apostrophe or hyphen refused, or not between two letters: leading,
 * trailing, doubled, beside a space) → `name_has_symbol`; a leading "Ông"/"Bà" (any case, optionally with `.`/`:`)
 * followed by a common family name → `name_has_honorific` (suggestion: the name without it). ALL CAPS, lower case and
 * either tone placement pass. Whitespace is not this rule's: two spaces in a row are `whitespace`'s `doubled_space`
 * (one defect, one finding), odd spaces and zero-width characters `whitespace`'s, surrounding spaces `trimmed`'s.
 * Non-text values pass.
 * @example field.text().use(vn.vnName()) // "Ông Nguyễn Văn An" → name_has_honorific, suggestion "Nguyễn Văn An"
 */
export function vnName(options: VnNameOptions = {}): ValueRule {
  const apostrophe = options.allowApostrophe !== false;
  const hyphen = options.allowHyphen !== false;
  return valueRule({
    options: { allowApostrophe: true, allowHyphen: true }, name: 'vnName', criterion: 'clean', code: 'name_has_symbol', messages,
    params: { allowApostrophe: apostrophe, allowHyphen: hyphen }, quotingParams: ['symbol', 'honorific'],
  }, (v) => {
    if (typeof v !== 'string') return undefined;
    let symbol: string | undefined;
    let digit = false;
    // Almost every name is letters and spaces only: one whole-string test instead of two regexes per character.
    if (!onlyLettersWith(v, onlyLettersTest)) {
      const chars = [...v];
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i] as string;
        if (DIGIT.test(ch)) digit = true;
        else if (LETTER.test(ch)) continue;
        else if (((ch === "'" || ch === '\u2019') && apostrophe) || (ch === '-' && hyphen)) {
          if (!betweenLetters(chars, i)) symbol ??= ch;
        } else symbol ??= ch;
      }
    }
    const honorific = mayStartWithHonorific(v);
    // undefined, not an empty list, when clean: the engine takes an empty list through its failure path to find it empty.
    if (!digit && symbol === undefined && !honorific) return undefined;
    const out: Finding[] = [];
    if (digit) out.push({ code: 'name_has_digit' });
    if (symbol !== undefined) out.push({ code: 'name_has_symbol', params: { symbol } });
    const m = honorific ? LEADING_WORD.exec(v.trimStart()) : null;
    if (m !== null && isHonorific(m[1] as string) && SURNAMES.has(fold(m[2] as string))) {
      const rest = v.trimStart().slice(v.trimStart().indexOf(m[2] as string));
      out.push({ code: 'name_has_honorific', params: { honorific: m[1] }, suggestion: rest });
    }
    return out.length === 0 ? undefined : out;
  }, options);
}
