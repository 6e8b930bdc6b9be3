import { isAscii } from 'node:buffer';
import type { ChunkDecoder, InvalidBytesHandler } from './decoder.js';
import { concat } from './_bytes.js';

/**
 * Chunks up to this size that hold a byte above 0x7F are decoded by ICU (see `decodeText`). Past it Node hands ICU's
 * text back as an external string (StringBytes' EXTERN_APEX, ~1 MB of UTF-16), which every later read pays for.
 */
const ICU_MAX_BYTES = 256 * 1024;

/**
 * A validating UTF-8 decoder. Each chunk is decoded in one native call; only a chunk whose text holds U+FFFD is
 * walked byte by byte, to tell a real U+FFFD (EF BF BD) from invalid bytes and report those with their offsets.
 * Invalid bytes become one U+FFFD per maximal invalid subpart, as the WHATWG decoder does, and the bytes of a
 * character cut at the chunk's end are held for the next chunk, so text and reports do not depend on chunking.
 * @example createUtf8Decoder((offset) => seen.push(offset)).write(new Uint8Array([0x61, 0xff])) // 'a\uFFFD'
 */
export function createUtf8Decoder(onInvalid: InvalidBytesHandler, startOffset = 0): ChunkDecoder {
  // ignoreBOM: every call is a fresh decode, so the default would strip a U+FEFF at the start of any chunk.
  const td = new TextDecoder('utf-8', { ignoreBOM: true });
  const icu = icuDecoder();
  let carry = new Uint8Array(0);
  /** Byte offset of the first byte of `carry` (or of the next chunk when carry is empty). */
  let offset = startOffset;
  /** Text length emitted so far, for the position of each U+FFFD. */
  let emitted = 0;

  /**
   * The text of bytes that end on a character boundary, as the WHATWG decoder gives it. For text that is not all
   * ASCII ICU's decoder is the faster in Node 20 (about 1.2 ns a byte of a land register's CSV, against V8's 2.0:
   * V8's fast path, which `TextDecoder` takes when not streaming, is the faster only for ASCII, about 0.15).
   */
  function decodeText(bytes: Uint8Array): string {
    return bytes.length > ICU_MAX_BYTES || isAscii(bytes) ? td.decode(bytes) : icu.decode(bytes);
  }

  function decode(bytes: Uint8Array): string {
    const text = decodeText(bytes);
    const out = text.includes('\uFFFD') ? slow(bytes) : text;
    emitted += out.length;
    return out;
  }

  /**
   * Decodes valid runs natively and reports each maximal invalid subpart. A run of invalid subparts becomes its
   * U+FFFDs in one step, so a megabyte of bad bytes costs a loop over them, not a native call and a copy for each.
   */
  function slow(bytes: Uint8Array): string {
    let out = '';
    let run = 0;
    let i = 0;
    const n = bytes.length;
    while (i < n) {
      const b = bytes[i] as number;
      if (b < 0x80) {
        i++;
        continue;
      }
      let len = sequenceLength(bytes, i, n);
      if (len > 0) {
        i += len;
        continue;
      }
      if (i > run) out += td.decode(bytes.subarray(run, i));
      const at = emitted + out.length;
      let k = 0;
      do {
        onInvalid(offset + i, at + k++);
        i -= len;
        len = i < n && (bytes[i] as number) >= 0x80 ? sequenceLength(bytes, i, n) : 1;
      } while (len < 0);
      out += '\uFFFD'.repeat(k);
      run = i;
    }
    return out + td.decode(run === 0 ? bytes : bytes.subarray(run));
  }

  return {
    encoding: 'utf8',
    write(chunk) {
      const bytes = concat(carry, chunk);
      const cut = incompleteTail(bytes);
      const text = decode(cut === bytes.length ? bytes : bytes.subarray(0, cut));
      offset += cut;
      carry = cut === bytes.length ? new Uint8Array(0) : bytes.slice(cut);
      return text;
    },
    end() {
      if (carry.length === 0) return '';
      const text = decode(carry);
      offset += carry.length;
      carry = new Uint8Array(0);
      return text;
    },
  };
}

/**
 * A UTF-8 `TextDecoder` that decodes through ICU where Node has it: a decoder that has once been asked to stream
 * leaves Node's V8 fast path for good, and each later call without `stream` is a whole decode (nothing held back, so
 * the caller's own handling of characters cut by a chunk's end stays in charge).
 */
function icuDecoder(): InstanceType<typeof TextDecoder> {
  const d = new TextDecoder('utf-8', { ignoreBOM: true });
  d.decode(new Uint8Array(0), { stream: true });
  return d;
}

/** Length of the sequence the lead byte announces (1 for an invalid lead). */
function expectedLength(b: number): number {
  return b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
}

/** The range of the byte after the lead (WHATWG: E0 needs A0–BF, ED 80–9F, F0 90–BF, F4 80–8F). */
function secondOk(lead: number, c: number): boolean {
  if (lead === 0xe0) return c >= 0xa0 && c <= 0xbf;
  if (lead === 0xed) return c >= 0x80 && c <= 0x9f;
  if (lead === 0xf0) return c >= 0x90 && c <= 0xbf;
  if (lead === 0xf4) return c >= 0x80 && c <= 0x8f;
  return c >= 0x80 && c <= 0xbf;
}

/**
 * The bytes are well-formed UTF-8 (Unicode Table 3-7, as the WHATWG decoder reads it): exactly when a fatal
 * `TextDecoder` would not throw, without paying for the exception.
 * @example isWellFormedUtf8(new Uint8Array([0xc3, 0xa0])) // true; [0xc3] alone: false
 */
export function isWellFormedUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  for (let i = 0; i < n;) {
    if ((bytes[i] as number) < 0x80) {
      i++;
      continue;
    }
    const len = sequenceLength(bytes, i, n);
    if (len < 0) return false;
    i += len;
  }
  return true;
}

/**
 * At a non-ASCII byte: the length of the valid sequence starting there (> 0), or minus the length of the maximal
 * invalid subpart (< 0), which for a valid prefix cut by the end of the bytes is the whole prefix.
 */
function sequenceLength(bytes: Uint8Array, i: number, n: number): number {
  const lead = bytes[i] as number;
  const need = expectedLength(lead);
  if (need === 1) return -1;
  for (let k = 1; k < need; k++) {
    if (i + k >= n) return -k;
    const c = bytes[i + k] as number;
    if (k === 1 ? !secondOk(lead, c) : c < 0x80 || c > 0xbf) return -k;
  }
  return need;
}

/** Where the last character starts if it is a valid but incomplete prefix (to hold back), else the length. */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const b = bytes[i] as number;
    if (b >= 0x80 && b <= 0xbf) continue;
    if (b < 0x80) return n;
    const need = expectedLength(b);
    if (need === 1 || i + need <= n) return n;
    return sequenceLength(bytes, i, n) === -(n - i) ? i : n;
  }
  return n;
}
