/**
 * UTF-8 read as Windows-1252 when the whole value no longer converts back: Windows-1252 leaves five bytes undefined
 * (81, 8D, 8F, 90, 9D), and Excel and many tools drop them (or write `?`, U+FFFD). `Đắk Lắk` (C4 90 …) becomes
 * `Äáº¯k Láº¯k`. Such text is recognised by its signature — a UTF-8 lead byte of a Vietnamese letter as Windows-1252
 * shows it (`Ã`, `Ä`, `Å`, `Æ`, `Ì`, `á`) followed by a continuation byte (`áº`, `á»`, `Æ°`, `Ä‘`, `Ã©`…), pairs a
 * Vietnamese NFC string never holds — and repaired only when exactly one way of restoring the lost bytes gives valid
 * Vietnamese.
 */
import { isWellFormedUtf8 } from '../../../src/sources/decode/utf8-decoder.js';
import { cp1252Bytes } from './_cp1252.js';
import { tokens, vietnameseScore } from './_vietnamese.js';

/** Windows-1252 characters of the bytes 80–BF (a UTF-8 continuation byte), C1 controls included (a Latin-1 reading). */
const CONTINUATION = new Set<number>();
for (let b = 0x80; b < 0xc0; b++) {
  const bytes = cp1252Bytes(String.fromCharCode(b));
  if (bytes !== undefined) CONTINUATION.add(b);
}
for (const c of '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ') CONTINUATION.add(c.charCodeAt(0));

/** UTF-8 lead bytes of Vietnamese letters and combining marks: Ã Ä Å Æ (2-byte), Ì (marks, NFD text). */
const TWO_BYTE_LEADS = new Set([0xc3, 0xc4, 0xc5, 0xc6, 0xcc]);
/** Punctuation that may close a word after a genuine `Ã` (`“NGÃ”`): a pair with it counts only inside a word. */
const CLOSERS = new Set([0x2019, 0x201d, 0x203a, 0xbb]);

/**
 * The sets above as one table over U+0000–U+21FF (every member lies below), for the loop every text cell runs: a
 * bit per set rather than a `Set` lookup per accented letter (à, á, â… fall between the leads).
 */
const LEAD = 1;
const CONT = 2;
const CLOSE = 4;
const KIND = new Uint8Array(0x2200);
for (const c of TWO_BYTE_LEADS) KIND[c] = (KIND[c] as number) | LEAD;
for (const c of CONTINUATION) KIND[c] = (KIND[c] as number) | CONT;
for (const c of CLOSERS) KIND[c] = (KIND[c] as number) | CLOSE;
const kind = (c: number): number => (c < 0x2200 ? KIND[c] as number : 0);

/**
 * The text holds a UTF-8-read-as-Windows-1252 signature: a lead character followed by a continuation character
 * (`á` only with `º`/`»`, the leads of ạ…ỹ). A no-break space after `Ã` does not count (`NGÃ` then a no-break space
 * is genuine), nor a closing quote after a lead at the end of a word.
 * @example hasMojibakeSignature('Äáº¯k Láº¯k') // true
 * @example hasMojibakeSignature('NGÃ BA') // false
 */
export function hasMojibakeSignature(text: string): boolean {
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    // Most characters are ASCII or letters past U+00FF: one comparison each (this runs on every text value).
    if (c < 0xc3 || c > 0xe1) continue;
    if (c === 0xe1) {
      const n = text.charCodeAt(i + 1);
      if (n === 0xba || n === 0xbb) return true;
    } else if ((KIND[c] as number) & LEAD) {
      const n = text.charCodeAt(i + 1);
      const k = kind(n);
      if ((k & CONT) === 0 || (n === 0xa0 && c === 0xc3)) continue;
      if ((k & CLOSE) === 0) return true;
      const after = text.charCodeAt(i + 2);
      if (after > 0x40 && (kind(after) & CLOSE) === 0) return true; // a letter follows: inside a word
    }
  }
  return false;
}

/** The bytes Windows-1252 leaves undefined, which a lossy reading drops. */
const LOST = [0x81, 0x8d, 0x8f, 0x90, 0x9d] as const;
const GAP = -1;
/**
 * Restorations tried at most per value (a word with a lost byte has a handful): a long value of many gaps costs a
 * bounded time, and is then reported without a conversion.
 */
const MAX_FILLS = 2048;
const utf8 = new TextDecoder('utf-8');
/** Letters (and combining marks) of Vietnamese, the only characters a restored sequence may give. */
const VIETNAMESE_LETTER = /^(?:[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]|\u0300|\u0301|\u0303|\u0309|\u0323)$/iu;

/** One way to restore a lost byte: the byte, and whether it replaces the placeholder there (`?`, U+FFFD, a space). */
interface Fill {
  readonly byte: number;
  readonly replace: boolean;
}

/** Where a lost continuation byte goes (before byte `at`), and the fills worth trying there. */
interface Slot {
  readonly at: number;
  readonly fills: readonly Fill[];
}

/**
 * The Vietnamese text behind a lossy UTF-8-as-Windows-1252 reading, word by word: each word with the signature must
 * have exactly one restoration of its lost bytes that is valid Vietnamese (a syllable, not in mixed case), and each
 * other word must have none (a genuine `NGÃ` could be a damaged `NGÁ`: then nothing is offered). Words of text no
 * Windows-1252 reading gives (genuine Vietnamese beside the mojibake) are kept. `text` is `undefined` unless the
 * whole result is valid Vietnamese; `score` is the share of its words that are. A text holding C1 controls was read
 * as Latin-1, where any byte 80–9F may be missing, so it is never repaired.
 * @example repairLossyUtf8('Äáº¯k Láº¯k') // { text: 'Đắk Lắk', score: 1 }
 */
export function repairLossyUtf8(text: string): { readonly text: string | undefined; readonly score: number } {
  if (C1.test(text)) return { text: undefined, score: 0 };
  let out = '';
  let whole = true;
  const budget = { left: MAX_FILLS };
  for (const piece of pieces(text)) {
    let high = 0;
    let genuine = false;
    for (const ch of piece) {
      if (ch === '\ufffd' || (ch.charCodeAt(0) >= 0x80 && cp1252Bytes(ch) !== undefined)) high++;
      else if (ch.charCodeAt(0) >= 0x80) genuine = true;
    }
    const signature = hasMojibakeSignature(piece);
    // ASCII words, and words with a letter no Windows-1252 reading gives, are kept as they are; once the whole is
    // known not to be repairable, so is every later word (bounding the work on a long value).
    if (genuine || high === 0 || !whole) {
      whole &&= !(genuine && signature);
      out += piece;
      continue;
    }
    const fixes = restorations(piece, budget);
    if (fixes === undefined) {
      whole = false;
      out += piece;
      continue;
    }
    const only = fixes.size === 1 ? ([...fixes][0] as string) : undefined;
    if (signature && only !== undefined) out += only;
    else {
      whole &&= !signature && fixes.size === 0;
      out += piece;
    }
  }
  const score = vietnameseScore(out);
  return { text: whole && score === 1 && out !== text ? out : undefined, score };
}

const C1 = /[\u0080-\u009f]/;

/**
 * The text cut into words and whitespace runs; a word ending in a 2-byte lead keeps the space after it, which may
 * be the no-break space of `à` (C3 A0) that a tool turned into a space.
 */
function pieces(text: string): string[] {
  const parts = text.split(/(\s+)/).filter((p) => p !== '');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    let p = parts[i] as string;
    const next = parts[i + 1];
    if (next?.startsWith(' ') && TWO_BYTE_LEADS.has(p.charCodeAt(p.length - 1))) {
      p += ' ';
      parts[i + 1] = next.slice(1);
    }
    out.push(p);
  }
  return out;
}

/**
 * Every valid Vietnamese decoding of a word's bytes with its lost bytes restored, other than the word itself;
 * `undefined` when trying them all would exceed what is left of the value's budget.
 */
function restorations(piece: string, budget: { left: number }): Set<string> | undefined {
  const found = new Set<string>();
  const bytes: number[] = [];
  for (const ch of piece) bytes.push(ch === '\ufffd' ? GAP : (cp1252Bytes(ch)?.[0] as number));
  const slots = findSlots(bytes);
  if (slots === undefined) return found;
  let fills = 1;
  for (const s of slots) fills *= s.fills.length;
  if (fills > budget.left) return undefined;
  budget.left -= fills;
  const choice = new Array<number>(slots.length).fill(0);
  for (let n = 0; n < fills; n++) {
    let k = n;
    for (let i = 0; i < slots.length; i++) {
      const count = (slots[i] as Slot).fills.length;
      choice[i] = k % count;
      k = Math.floor(k / count);
    }
    const decoded = decode(bytes, slots, choice);
    if (decoded !== undefined && decoded !== piece && vietnameseScore(decoded) === 1 && !capitalInsideWord(decoded)) {
      found.add(decoded);
    }
  }
  return found;
}

/** The slots of the lost continuation bytes; `undefined` when a byte cannot belong to UTF-8 text at all. */
function findSlots(bytes: readonly number[]): Slot[] | undefined {
  const slots: Slot[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return undefined; // a stray continuation byte, or a placeholder outside a sequence
    const seq = [b];
    let gaps = 0;
    i++;
    for (let k = 0; k < need; k++) {
      const next = bytes[i];
      if (next !== undefined && next >= 0x80 && next < 0xc0) {
        seq.push(next);
        i++;
        continue;
      }
      // A placeholder stands for the lost byte; a space may be a no-break space (A0) a tool turned into a space,
      // or follow a dropped byte; anything else follows a dropped byte.
      const placeholder = next === GAP || next === 0x3f;
      const fills: Fill[] = LOST.map((byte) => ({ byte, replace: placeholder }));
      if (next === 0x20) fills.push({ byte: 0xa0, replace: true });
      const restAt = placeholder ? i + 1 : i;
      const rest = bytes.slice(restAt, restAt + need - k - 1);
      const alone = gaps === 0 && rest.length === need - k - 1 && rest.every((r) => r >= 0x80 && r < 0xc0);
      // With this gap the sequence's only one, keep the fills that make it a Vietnamese letter.
      slots.push({ at: i, fills: alone ? fills.filter((f) => letterOf([...seq, f.byte, ...rest])) : fills });
      gaps++;
      seq.push(0x80);
      if (placeholder) i++;
    }
  }
  return slots;
}

function letterOf(sequence: readonly number[]): boolean {
  return VIETNAMESE_LETTER.test(utf8.decode(new Uint8Array(sequence)));
}

function decode(bytes: readonly number[], slots: readonly Slot[], choice: readonly number[]): string | undefined {
  const out: number[] = [];
  let s = 0;
  for (let i = 0; i <= bytes.length; i++) {
    let replaced = false;
    while (s < slots.length && (slots[s] as Slot).at === i) {
      const fill = (slots[s] as Slot).fills[choice[s] as number] as Fill;
      out.push(fill.byte);
      replaced ||= fill.replace;
      s++;
    }
    if (i < bytes.length && !replaced) out.push(bytes[i] as number);
  }
  const array = new Uint8Array(out);
  return out.includes(GAP) || !isWellFormedUtf8(array) ? undefined : utf8.decode(array);
}

/** A word in mixed case (`HỐc`, `hỌc`): Vietnamese words are lower case, capitalised or all capitals. */
function capitalInsideWord(text: string): boolean {
  return tokens(text).some((t) => {
    const rest = t.slice(1);
    return rest !== rest.toLowerCase() && t !== t.toUpperCase();
  });
}
