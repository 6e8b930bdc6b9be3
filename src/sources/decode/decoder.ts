import { createUtf8Decoder } from './utf8-decoder.js';
import { createUtf16Decoder } from './utf16-decoder.js';
import { createLegacyDecoder } from './legacy-decoder.js';
import { concat } from './_bytes.js';

/** The encodings ddss reads. Legacy Vietnamese ones (`windows-1258`, `tcvn3`, `vni`) are decoded to NFC text. */
export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows-1258' | 'tcvn3' | 'vni';

/** Receives each invalid byte sequence: its byte offset in the input, and the index of its U+FFFD in the text. */
export type InvalidBytesHandler = (offset: number, at: number) => void;

/**
 * A streaming decoder: bytes in, text out, in any chunking. The concatenated text (and every invalid-byte report) is
 * the same whatever the chunk boundaries, including cuts inside a BOM or a multi-byte character.
 */
export interface ChunkDecoder {
  /** The encoding in use (a UTF-16 BOM switches `utf8` to `utf16le` or `utf16be`); final once the first bytes are seen. */
  readonly encoding: Encoding;
  /** Decodes the next chunk; bytes of an incomplete character are held until the next call. */
  write(bytes: Uint8Array): string;
  /** Ends the input: held bytes that never completed a character become U+FFFD (reported). */
  end(): string;
}

const NAMES: Readonly<Record<string, Encoding>> = {
  utf8: 'utf8', 'utf-8': 'utf8', utf16le: 'utf16le', 'utf-16le': 'utf16le', utf16be: 'utf16be', 'utf-16be': 'utf16be',
  'windows-1258': 'windows-1258',
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

/** The byte order marks ddss knows, and the encoding each one names. */
const BOMS: ReadonlyArray<readonly [Encoding, readonly number[]]> = [
  ['utf8', [0xef, 0xbb, 0xbf]], ['utf16le', [0xff, 0xfe]], ['utf16be', [0xfe, 0xff]],
];

/**
 * The encoding whose byte order mark the bytes start with, and its length.
 * @example byteOrderMark(Uint8Array.of(0xfe, 0xff, 0x00, 0x61)) // ['utf16be', 2]
 */
export function byteOrderMark(b: Uint8Array): readonly [Encoding, number] | undefined {
  for (const [encoding, bom] of BOMS) if (b.length >= bom.length && bom.every((x, i) => b[i] === x)) return [encoding, bom.length];
  return undefined;
}

/**
 * Creates a streaming decoder. For `utf8`, `utf16le` and `utf16be` a leading BOM of that encoding is stripped (its
 * bytes still count in offsets). A UTF-16 BOM in input declared `utf8` (the default) switches to that UTF-16:
 * its bytes (FF, FE) are never UTF-8, so this is what the file says it is, not a guess. Any other BOM that does
 * not match the declared encoding is left in the text (`sniffEncoding` reports it).
 * @example
 * const d = createDecoder('utf8', (offset) => console.log('bad byte at', offset));
 * d.write(bytes) + d.end();
 */
export function createDecoder(encoding: Encoding, onInvalid: InvalidBytesHandler = () => {}): ChunkDecoder {
  if (encoding !== 'utf8' && encoding !== 'utf16le' && encoding !== 'utf16be') return createLegacyDecoder(encoding);
  const declared = encoding;
  let inner: ChunkDecoder | undefined;
  let head: Uint8Array = new Uint8Array(0);

  /** Picks the decoder from the first bytes (at least 3, or all there are at the end), and the BOM bytes to skip. */
  function choose(bytes: Uint8Array): readonly [ChunkDecoder, number] {
    const [bom, length] = byteOrderMark(bytes) ?? [undefined, 0];
    const use = declared === 'utf8' && (bom === 'utf16le' || bom === 'utf16be') ? bom : declared;
    const skip = bom === use ? length : 0;
    const decoder = use === 'utf8' ? createUtf8Decoder(onInvalid, skip) : createUtf16Decoder(onInvalid, skip, use);
    return [decoder, skip];
  }

  function start(all: Uint8Array): string {
    const [decoder, skip] = choose(all);
    inner = decoder;
    return decoder.write(all.subarray(skip));
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
      return start(all);
    },
    end() {
      const text = inner === undefined ? start(head) : '';
      return text + (inner as ChunkDecoder).end();
    },
  };
}

/** The bytes could still become a byte order mark. */
function startsBom(b: Uint8Array): boolean {
  return BOMS.some(([, bom]) => b.length < bom.length && b.every((x, i) => bom[i] === x));
}
