import { createUtf8Decoder } from './utf8-decoder.js';
import { createUtf16leDecoder } from './utf16le-decoder.js';
import { createLegacyDecoder } from './legacy-decoder.js';
import { concat } from './_bytes.js';

/** The encodings ddss reads. Legacy Vietnamese ones (`windows-1258`, `tcvn3`, `vni`) are decoded to NFC text. */
export type Encoding = 'utf8' | 'utf16le' | 'windows-1258' | 'tcvn3' | 'vni';

/** Receives each invalid byte sequence: its byte offset in the input, and the index of its U+FFFD in the text. */
export type InvalidBytesHandler = (offset: number, at: number) => void;

/**
 * A streaming decoder: bytes in, text out, in any chunking. The concatenated text (and every invalid-byte report) is
 * the same whatever the chunk boundaries, including cuts inside a BOM or a multi-byte character.
 */
export interface ChunkDecoder {
  /** The encoding in use (a UTF-16LE BOM switches `utf8` to `utf16le`); final once the first bytes are seen. */
  readonly encoding: Encoding;
  /** Decodes the next chunk; bytes of an incomplete character are held until the next call. */
  write(bytes: Uint8Array): string;
  /** Ends the input: held bytes that never completed a character become U+FFFD (reported). */
  end(): string;
}

const NAMES: Readonly<Record<string, Encoding>> = {
  utf8: 'utf8', 'utf-8': 'utf8', utf16le: 'utf16le', 'utf-16le': 'utf16le', 'windows-1258': 'windows-1258',
  cp1258: 'windows-1258', tcvn3: 'tcvn3', 'tcvn-3': 'tcvn3', abc: 'tcvn3', vni: 'vni', 'vni-windows': 'vni',
};

/**
 * The canonical name of an encoding (case-insensitive, common aliases), or `undefined` when ddss cannot read it.
 * @example encodingName('UTF-8') // 'utf8'
 */
export function encodingName(name: string): Encoding | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(NAMES, key) ? NAMES[key] : undefined;
}

const BOM_UTF8 = [0xef, 0xbb, 0xbf] as const;

/**
 * Creates a streaming decoder. For `utf8` and `utf16le` a leading BOM is stripped (its bytes still count in
 * offsets); a UTF-16LE BOM in a file declared `utf8` switches to `utf16le`, since those bytes are never UTF-8.
 * @example
 * const d = createDecoder('utf8', (offset) => console.log('bad byte at', offset));
 * d.write(bytes) + d.end();
 */
export function createDecoder(encoding: Encoding, onInvalid: InvalidBytesHandler = () => {}): ChunkDecoder {
  if (encoding !== 'utf8' && encoding !== 'utf16le') return createLegacyDecoder(encoding);
  let inner: ChunkDecoder | undefined;
  let head: Uint8Array = new Uint8Array(0);

  /** Picks the decoder from the first bytes (at least 3, or all there are at the end). */
  function choose(bytes: Uint8Array): ChunkDecoder {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return createUtf16leDecoder(onInvalid, 2);
    if (encoding === 'utf16le') return createUtf16leDecoder(onInvalid, 0);
    return createUtf8Decoder(onInvalid, bomLength(bytes, 'utf8'));
  }

  return {
    get encoding() {
      return inner?.encoding ?? encoding;
    },
    write(bytes) {
      if (inner !== undefined) return inner.write(bytes);
      const all = concat(head, bytes);
      // Wait for enough bytes to tell a BOM from text: a lone 0xFF may start a UTF-16LE BOM.
      if (all.length < 3 && (all.length === 0 || startsBom(all))) {
        head = all;
        return '';
      }
      inner = choose(all);
      return inner.write(all.subarray(bomLength(all, inner.encoding)));
    },
    end() {
      if (inner === undefined) {
        inner = choose(head);
        const text = inner.write(head.subarray(bomLength(head, inner.encoding)));
        return text + inner.end();
      }
      return inner.end();
    },
  };
}

function startsBom(b: Uint8Array): boolean {
  const utf8 = BOM_UTF8.slice(0, b.length).every((x, i) => b[i] === x);
  const utf16 = b[0] === 0xff && (b.length === 1 || b[1] === 0xfe);
  return utf8 || utf16;
}

function bomLength(b: Uint8Array, encoding: Encoding): number {
  if (encoding === 'utf16le') return b[0] === 0xff && b[1] === 0xfe ? 2 : 0;
  return b.length >= 3 && BOM_UTF8.every((x, i) => b[i] === x) ? 3 : 0;
}
