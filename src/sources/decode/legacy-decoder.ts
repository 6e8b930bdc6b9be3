import { decodeTable } from './_table.js';
import { tcvn3Table } from './tcvn3.js';
import { vniText } from './vni.js';
import type { ChunkDecoder } from './decoder.js';

/** Combining marks the legacy Vietnamese encodings produce (tone marks, circumflex, breve, horn). */
const MARK = /[\u0300-\u036f]/;

/**
 * A decoder for the single-byte Vietnamese encodings. They cannot hold invalid bytes (every byte is a character).
 * Their text is normalised to NFC, since Windows-1258, VNI and TCVN3's mark bytes write letters as base + mark; the
 * last letter of a chunk is held back so that a mark at the start of the next chunk still composes with it.
 * @example createLegacyDecoder('tcvn3').write(new Uint8Array([0x56, 0x69, 0xd6, 0x74])) // 'Việ' ('t' held back)
 */
export function createLegacyDecoder(encoding: 'windows-1258' | 'tcvn3' | 'vni'): ChunkDecoder {
  const cp1258 = encoding === 'windows-1258' ? new TextDecoder('windows-1258') : undefined;
  let previous = '';
  let held = '';

  function text(bytes: Uint8Array): string {
    if (cp1258 !== undefined) return cp1258.decode(bytes);
    if (encoding === 'tcvn3') return decodeTable(tcvn3Table(), bytes);
    const [t, prev] = vniText(bytes, previous);
    previous = prev;
    return t;
  }

  function nfc(s: string): string {
    return MARK.test(s) ? s.normalize('NFC') : s;
  }

  return {
    encoding,
    write(bytes) {
      const all = held + text(bytes);
      // Hold back from the last character that is not a mark: marks in the next chunk may still attach to it.
      let k = all.length - 1;
      while (k > 0 && isMark(all.charCodeAt(k))) k--;
      if (k <= 0) {
        held = all;
        return '';
      }
      held = all.slice(k);
      return nfc(all.slice(0, k));
    },
    end() {
      const out = nfc(held);
      held = '';
      return out;
    },
  };
}

function isMark(c: number): boolean {
  return c >= 0x300 && c <= 0x36f;
}
