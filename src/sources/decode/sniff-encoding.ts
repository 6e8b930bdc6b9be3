import { byteOrderMark } from './decoder.js';
import { isWellFormedUtf8 } from './utf8-decoder.js';

/** What the first bytes of an input say about its encoding, and why. Only ever a hint: encodings are declared. */
export interface EncodingSniff {
  readonly likely: 'utf8' | 'utf16le' | 'utf16be';
  /**
   * `bom`: the bytes start with that encoding's byte order mark; `zero_bytes`: every other byte is zero, as in
   * UTF-16 text that is mostly ASCII (zeros at odd offsets: little-endian); `utf8`: the bytes are well-formed UTF-8
   * and show no UTF-16 pattern.
   */
  readonly evidence: 'bom' | 'zero_bytes' | 'utf8';
  /** With `utf8`: accented Latin letters (Vietnamese ones among them) written as multi-byte UTF-8 sequences. */
  readonly letters: number;
}

/**
 * How many bytes from the start of an input `sniffEncoding` needs (fewer when the input is shorter).
 * @example if (head.length < SNIFF_BYTES) head = more(head);
 */
export const SNIFF_BYTES = 65_536;


/**
 * Says what encoding the first bytes of an input most likely are: a byte order mark first, then the zero bytes of
 * UTF-16, then well-formed UTF-8 (any ASCII text is). `undefined` when the bytes are none of these (a legacy 8-bit
 * encoding, or binary data such as a run of zero bytes). `complete` says `head` is the whole input, so a multi-byte sequence cut at its end is
 * invalid rather than continued later.
 * @example sniffEncoding(new TextEncoder().encode('tên,Việt\n'), true) // { likely: 'utf8', evidence: 'utf8', letters: 2 }
 */
export function sniffEncoding(head: Uint8Array, complete: boolean): EncodingSniff | undefined {
  if (head.length === 0) return undefined;
  const bom = byteOrderMark(head);
  if (bom !== undefined) return { likely: bom[0] as EncodingSniff['likely'], evidence: 'bom', letters: 0 };
  const order = zeroBytes(head);
  if (order === 'binary') return undefined;
  if (order !== undefined) return { likely: order, evidence: 'zero_bytes', letters: 0 };
  const bytes = complete ? head : head.subarray(0, cutTail(head));
  if (!isWellFormedUtf8(bytes)) return undefined;
  let letters = 0;
  if (bytes.some((b) => b >= 0x80)) letters = accented(new TextDecoder().decode(bytes));
  return { likely: 'utf8', evidence: 'utf8', letters };
}

/**
 * UTF-16 by its zero bytes: text that is mostly ASCII (CSV punctuation, digits, most Vietnamese letters' base) has
 * a zero high byte in most code units, and a zero low byte in almost none. A quarter of the units is asked for, so
 * a few NUL characters in a UTF-8 file never look like UTF-16; as many zeros on both sides are binary data, no text.
 */
function zeroBytes(b: Uint8Array): 'utf16le' | 'utf16be' | 'binary' | undefined {
  const units = b.length >> 1;
  let even = 0;
  let odd = 0;
  for (let u = 0; u < units; u++) {
    if (b[2 * u] === 0) even++;
    if (b[2 * u + 1] === 0) odd++;
  }
  const enough = (n: number): boolean => n >= 2 && n * 4 >= units;
  if (enough(odd) && even * 8 <= odd) return 'utf16le';
  if (enough(even) && odd * 8 <= even) return 'utf16be';
  return enough(even) && enough(odd) ? 'binary' : undefined;
}

/** Where a multi-byte sequence cut by the end of `head` starts (its length when none is cut). */
function cutTail(b: Uint8Array): number {
  const n = b.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const c = b[i] as number;
    if (c >= 0x80 && c <= 0xbf) continue; // a continuation byte: look further back for its lead
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return i + need > n ? i : n;
  }
  return n;
}

/** Accented Latin letters: À–ÿ without × and ÷, Latin Extended-A and -B, combining diacritics, ạ…ỹ (1E00–1EFF). */
function accented(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)) n++;
  }
  return n;
}
