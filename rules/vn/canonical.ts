/**
 * Canonical forms of the pack's identifiers, for comparing values (duplicates, reference lookups) the way the rules
 * read them: `field.text().unique({ normalize: vn.canonical.mst })`, `rule.uniqueBy(cols, { normalize: … })`. Each is
 * a pure function from text to text: the canonical form of a value the pack recognises (well-formed, or a form its
 * rule names with a suggestion), else the value trimmed, unchanged otherwise. They never judge validity (a wrong check
 * digit keeps its form) and never merge values the rules tell apart.
 */
import { splitMst } from './identifiers/mst.js';
import { parseBhyt } from './identifiers/bhyt.js';
import { isServiceNumber, modernMobile, normalizePhone } from './identifiers/phone.js';
import { isDigits, withoutSeparators } from './identifiers/_text.js';
import { GCN_SERIAL_PATTERN } from './land/gcn-serial.js';
import { stripSpaces } from '../../src/core/strip-spaces.js';

/**
 * A tax code: trimmed; a branch's 13 digits run together take their dash (`NNNNNNNNNN-BBB`, as `mstDashed` suggests).
 * @example canonicalMst(' 0100109106001') // '0100109106-001'
 */
export function canonicalMst(value: string): string {
  const t = stripSpaces(value);
  const parts = splitMst(t);
  if (parts === undefined) return t;
  return parts.branch === undefined ? parts.code : `${parts.code}-${parts.branch}`;
}

/**
 * A personal ID (12 digits) or CMND (9 digits): trimmed, and without the separators people type inside it
 * (`001 089 012345`, `001.089.012.345`), which `cccd()` names with the bare digits as suggestion.
 * @example canonicalCccd('001-089-012345') // '001089012345'
 */
export function canonicalCccd(value: string): string {
  return bareDigits(value, [12, 9]);
}

/**
 * A social-insurance number: trimmed, and its 10 digits without separators.
 * @example canonicalBhxh(' 01 2345 6789 ') // '0123456789'
 */
export function canonicalBhxh(value: string): string {
  return bareDigits(value, [10]);
}

/**
 * A health-insurance card code: trimmed, without separators and in capitals when that is a well-formed card code
 * (`gd 4 79 7912345678` → `GD4797912345678`, as `bhyt()` suggests).
 * @example canonicalBhyt('dn 4 01 0123456789') // 'DN4010123456789'
 */
export function canonicalBhyt(value: string): string {
  const t = stripSpaces(value);
  const bare = withoutSeparators(t).toUpperCase();
  return parseBhyt(bare) === undefined ? t : bare;
}

/**
 * A phone number in national form (`+84`/`84`/`0084` → `0`, spaces, dots, dashes and parentheses removed); a
 * legacy 11-digit mobile number as its current 10-digit number (one subscriber); a 1800/1900 hotline as dialled.
 * Text that is not a phone number's shape is returned trimmed.
 * @example canonicalPhone('+84 912.345.678') // '0912345678'
 * @example canonicalPhone('0162 123 4567') // '0321234567'
 */
export function canonicalPhone(value: string): string {
  const t = stripSpaces(value);
  const national = normalizePhone(t);
  if (!isDigits(national) || !(national.startsWith('0') || isServiceNumber(national))) return t;
  return modernMobile(national) ?? national;
}

/**
 * A land-use certificate serial of a known shape (`gcnSerial`): its letters and digits separated by one space, as
 * printed (`CS123456` → `CS 123456`).
 * @example canonicalGcnSerial('CS123456') // 'CS 123456'
 */
export function canonicalGcnSerial(value: string): string {
  const t = stripSpaces(value);
  if (!GCN_SERIAL_PATTERN.test(t)) return t;
  const at = t.search(/[ \d]/);
  // Already "XX 123456" (the pattern allows one space, then digits): the value itself, not a copy built per row.
  if (t.charCodeAt(at) === 32) return t;
  return `${t.slice(0, at)} ${t.slice(at)}`;
}

// The five tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters; vowel marks (â, ă, ê, ô, ơ, ư) stay put.
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const VOWEL = /[aeiouy]/;
const MARK = /[\u0300-\u036f]/;

/**
 * A matching key for Vietnamese names (enterprise names, place names): NFC, lower case, whitespace runs as one space,
 * and each syllable's tone mark on one fixed vowel (the last vowel of its first vowel run), so the old and new
 * placements (`Hòa`/`Hoà`, `Thủy`/`Thuỷ`) meet (DOMAIN-VN §6: compare a canonical key, never rewrite official
 * names). Unlike the identifier forms it folds case, since names are compared case-insensitively (§6). For comparisons
 * only: the key of `Của` is spelt `cuả`, never shown as a name.
 * @example canonicalName(' Công ty  HOÀ Bình ') === canonicalName('công ty Hòa bình') // true
 */
export function canonicalName(value: string): string {
  // Word by word, each word's key remembered: names repeat their words (công, ty, tnhh, hòa) across a register, and
  // decomposing, moving the tone and composing again cost ~0.5 µs a word (4 µs an enterprise name). The same key as
  // of the whole text: NFD and NFC never compose across white space. Lower case is the whole text's, since it is not
  // always the words' own (a final sigma looks past a U+FEFF, which splits words).
  const words = stripSpaces(value).toLowerCase().split(/\s+/u);
  let key = canonicalWord(words[0] as string);
  for (let i = 1; i < words.length; i++) key += ` ${canonicalWord(words[i] as string)}`;
  return key;
}

/** A lower-case word's matching key (tone on its fixed vowel, NFC), remembered for words of up to 32 characters. */
function canonicalWord(word: string): string {
  if (word.length > 32) return wordKey(word);
  let key = wordKeys.get(word);
  if (key === undefined) {
    key = wordKey(word);
    if (wordKeys.size >= 16384) wordKeys.clear();
    // A flat copy as the key: the word may be a slice of a reader's input chunk, which the memo must not keep alive.
    wordKeys.set((' ' + word).slice(1), key);
  }
  return key;
}

const wordKeys = new Map<string, string>();

function wordKey(word: string): string {
  return toneOnFixedVowel(word.normalize('NFD')).normalize('NFC');
}

/** A syllable (NFD, lower case) with its tone mark moved after the last vowel of its first vowel run. */
function toneOnFixedVowel(syllable: string): string {
  const tone = TONE.exec(syllable)?.[0];
  if (tone === undefined) return syllable;
  const bare = syllable.replace(TONES, '');
  // "qu" and "gi" + vowel: the u and i belong to the consonant (quá, già), so the vowel run starts after them.
  let i = /^(?:qu|gi(?=[aeiouy]))/.test(bare) ? 2 : 0;
  while (i < bare.length && !VOWEL.test(bare[i] as string)) i++;
  if (i >= bare.length) return syllable;
  let end = i;
  while (end < bare.length && (VOWEL.test(bare[end] as string) || MARK.test(bare[end] as string))) end++;
  return `${bare.slice(0, end)}${tone}${bare.slice(end)}`;
}

/** The trimmed value's digits when, separators removed, they have one of the lengths; else the trimmed value. */
function bareDigits(value: string, lengths: readonly number[]): string {
  const t = stripSpaces(value);
  if (isDigits(t)) return t;
  const bare = withoutSeparators(t);
  return isDigits(bare) && lengths.includes(bare.length) ? bare : t;
}

/**
 * The canonical forms by identifier, for `normalize` options.
 * @example field.text().unique({ normalize: vn.canonical.bhxh })
 */
export const canonical = Object.freeze({
  mst: canonicalMst, cccd: canonicalCccd, bhxh: canonicalBhxh, bhyt: canonicalBhyt, phone: canonicalPhone,
  gcnSerial: canonicalGcnSerial, name: canonicalName,
});
