import type { ChunkDecoder, InvalidBytesHandler } from './decoder.js';
import { concat } from './_bytes.js';

/**
 * A validating UTF-16 decoder, little-endian (`utf16le`) or big-endian (`utf16be`): a lone surrogate, or an odd
 * byte at the end, becomes U+FFFD and is reported with its byte offset. A high surrogate or odd byte at a chunk's
 * end is held for the next chunk, so text and reports do not depend on chunking.
 * @example createUtf16Decoder(() => {}, 0, 'utf16be').write(new Uint8Array([0x00, 0x61])) // 'a'
 */
export function createUtf16Decoder(onInvalid: InvalidBytesHandler, startOffset = 0,
  encoding: 'utf16le' | 'utf16be' = 'utf16le'): ChunkDecoder {
  const td = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', { ignoreBOM: true });
  const unit = encoding === 'utf16le' ? unitLe : unitBe;
  let carry = new Uint8Array(0);
  let offset = startOffset;
  let emitted = 0;

  /** Decodes whole code units; a lone surrogate gives exactly one U+FFFD, so text index = unit index. */
  function decode(bytes: Uint8Array): string {
    const text = td.decode(bytes);
    if (text.includes('\uFFFD')) {
      const units = bytes.length >> 1;
      for (let u = 0; u < units; u++) {
        const c = unit(bytes, u);
        if (c >= 0xd800 && c <= 0xdbff && u + 1 < units) {
          const d = unit(bytes, u + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            u++;
            continue;
          }
        }
        if (c >= 0xd800 && c <= 0xdfff) onInvalid(offset + 2 * u, emitted + u);
      }
    }
    emitted += text.length;
    return text;
  }

  return {
    encoding,
    write(chunk) {
      const bytes = concat(carry, chunk);
      let cut = bytes.length & ~1;
      if (cut >= 2) {
        const last = unit(bytes, (cut >> 1) - 1);
        if (last >= 0xd800 && last <= 0xdbff) cut -= 2;
      }
      const text = decode(bytes.subarray(0, cut));
      offset += cut;
      carry = bytes.slice(cut);
      return text;
    },
    end() {
      if (carry.length === 0) return '';
      // Whatever is left (an odd byte, a high surrogate without its pair) is one error, as in the WHATWG decoder.
      onInvalid(offset, emitted);
      const text = '\uFFFD';
      emitted += text.length;
      offset += carry.length;
      carry = new Uint8Array(0);
      return text;
    },
  };
}

function unitLe(bytes: Uint8Array, u: number): number {
  return (bytes[2 * u] as number) | ((bytes[2 * u + 1] as number) << 8);
}

function unitBe(bytes: Uint8Array, u: number): number {
  return ((bytes[2 * u] as number) << 8) | (bytes[2 * u + 1] as number);
}
